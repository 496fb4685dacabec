// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: one sentence as the relation stages read it — its words, their stems, the
// mentions in it — and the pieces of syntax they share: coordinated groups, the word before
// a phrase, prepositional phrases.
#include "stage_context.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::detail {

/// The sentence under analysis: its word tokens, their stems and the mentions in it.
struct SentenceView {
    const StageContext& c;
    std::uint32_t index;
    std::vector<std::uint32_t> toks;       ///< token indices of non-hyphen tokens
    std::vector<std::string_view> stems;   ///< stem per entry of toks (the context's, stable for the document)
    std::vector<int> mention_at;           ///< per entry of toks: mention index or -1
    std::vector<int> mentions;             ///< mention indices in text order
    std::set<int> trigger_objects;         ///< mentions right after some trigger: objects, not subjects
    std::set<std::size_t> trigger_object_positions; ///< word positions of those objects' heads
    std::size_t first_trigger = SIZE_MAX;  ///< position of the sentence's first trigger
    std::set<std::size_t> stance_verbs;    ///< positions of triggers of a stance used as verbs ("condemned")

    SentenceView(const StageContext& context, std::uint32_t sentence);
    SentenceView(const SentenceView&) = delete;
    SentenceView& operator=(const SentenceView&) = delete;
    const Token& tok(std::size_t p) const { return c.doc.tokens[toks[p]]; }
    const Mention& mention(int m) const { return c.mentions[static_cast<std::size_t>(m)]; }
    ClassId cls(int m) const { return mention(m).cls; }
    /// Word positions [first, last] of a mention in this view.
    std::pair<std::size_t, std::size_t> extent(int m) const;
    /// Whether trigger t matches at word p: its stems from p on, and the separable particle
    /// its clause closes with, which must be the trigger's own (none for a bare verb).
    bool matches(const TriggerDef& t, std::size_t p) const;
    /// The separable particle that closes the clause of the verb at p ("griff die Stadt und
    /// den Hafen an": "an"), or empty.
    std::string_view closing_particle(std::size_t p) const;
    /// A trigger whose first word's stem stands at word `position`.
    struct TriggerStart {
        std::size_t position;
        const TriggerRef* ref;
    };
    /// Every such start, by position (triggers of one position in the data's order): where a
    /// stage tries each trigger, instead of every trigger at every word. Whether the trigger
    /// matches there is for matches() to say.
    const std::vector<TriggerStart>& trigger_starts() const;
    /// Whether any of `markers` occurs outside a mention; its position in `where`.
    bool has_any(const std::vector<TriggerDef>& markers, std::size_t* where = nullptr) const;
    /// Whether the word at p is a demonym, or a role word that introduces a name.
    bool introducer(std::size_t p) const;
    /// The bytes of words [b, e].
    ByteSpan span(std::size_t b, std::size_t e) const { return {tok(b).span.begin, tok(e).span.end}; }

private:
    mutable std::vector<TriggerStart> trigger_starts_; ///< built on first use
    mutable bool trigger_starts_built_ = false;
};

/// Mentions joined by commas and coordinators ("Putin e Kim", "Cina, Russia e Iran") with the
/// mention `m` among them, all of the same coarse class; {m} when it stands alone.
std::vector<int> coordination_group(const SentenceView& v, int m);

/// Whether a phrase of the language data starts with a capital ("Angriff", not "angreifen").
bool capitalised(std::string_view phrase);

/// Punctuation that ends a clause: ; : . ? !
inline bool ends_clause(const Token& t) {
    return t.key == ";" || t.key == ":" || t.key == "." || t.key == "?" || t.key == "!";
}

/// A possessive clitic split off a name ("'s" in "the Kremlin's war").
bool is_clitic(const SentenceView& v, std::size_t p);

/// The word before position b, skipping up to two articles and the role words and demonyms
/// that introduce a name ("con el primer ministro británico Keir Starmer": "con").
const Token* word_before(const SentenceView& v, std::size_t b);

/// A phrase introduced by a preposition ("in Ucraina", "degli Stati Uniti"): not a subject.
bool prepositional(const SentenceView& v, std::size_t b);

} // namespace kg::detail
