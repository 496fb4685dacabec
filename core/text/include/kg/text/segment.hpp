// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sentence and word segmentation with ICU BreakIterators over the original UTF-8.
#include "kg/text/document.hpp"
#include "kg/text/furniture.hpp"

#include "kg/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kg {

/// Language-specific segmentation settings (from the ontology's language data).
struct SegmentationRules {
    /// Keys of elided articles and prepositions that are split off a word at the
    /// apostrophe: "l", "dell", "all", "d", "qu"... ("l’Ucraina" -> "l’" + "Ucraina").
    std::vector<std::string> elision_prefixes;
    /// Keys of whole lines (or line prefixes) that are page boilerplate: "leggi anche".
    std::vector<std::string> boilerplate;
    /// Keys of lines that open a block of links ("Leggi anche", "Related News", "Ultime
    /// notizie"): the lines after one, up to the first that ends a sentence, are headlines of
    /// other articles, boilerplate too.
    std::vector<std::string> link_blocks;
    /// Keys of abbreviations after which a full stop does not end a sentence ("sig", "dr").
    std::vector<std::string> abbreviations;
    /// Keys of words (month names) after which "3." is an ordinal, not a sentence end.
    std::vector<std::string> ordinal_followers;
    /// Keys of clitics split off the end of a word: English "'s" ("Russia's" -> "Russia" "'s").
    std::vector<std::string> clitic_suffixes;
    /// What marks bylines and the like: their text gets no tokens.
    FurnitureRules furniture;
};

/// Fill `doc.sentences`, `doc.tokens`, `doc.skipped_lines`, `doc.furniture` and
/// `doc.skipped_sentences` from `doc.text`, which must be valid UTF-8. Paragraph breaks (blank
/// lines) and headline lines always end a sentence; so does a full stop glued to the next
/// sentence ("he said.The ministry"), which is split there. A sentence longer than `max_sentence_bytes` (0: no limit) gets no
/// tokens and is listed in `doc.skipped_sentences`: what is that long is a table or a run of
/// unpunctuated text, and analysing it costs more than it can give. Throws
/// kg::Error(Errc::unicode_error) if ICU fails.
void segment(Document& doc, const SegmentationRules& rules, std::uint32_t max_sentence_bytes = 0);

} // namespace kg
