// SPDX-License-Identifier: Apache-2.0
#pragma once
// The in-memory model and its file format. Shared by the tagger (which reads it) and the
// trainer (which writes it); nothing outside core/ner/src sees it.
#include "kg/ner/name_finder.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// BILOU tags: 0 is O; a name label l has B = 1 + 4l, I = 2 + 4l, L = 3 + 4l, U = 4 + 4l.
inline constexpr int ner_tag_count = 1 + 4 * name_label_count;
enum BilouPart : int { part_begin = 0, part_inside = 1, part_last = 2, part_unit = 3 };
inline int ner_tag(NameLabel label, int part) { return 1 + 4 * static_cast<int>(label) + part; }
inline NameLabel ner_tag_label(int tag) { return static_cast<NameLabel>((tag - 1) / 4); }
inline int ner_tag_part(int tag) { return (tag - 1) % 4; }

/// Bits of a lexicon entry's mask.
enum LexiconBit : std::uint16_t {
    lex_name_first = 1 << 0, ///< bits 0..3: the NameLabels a known name carries
    lex_lower_word = 1 << 4, ///< a dictionary word in lower case
    lex_capitalised_word = 1 << 5,
    lex_given_name = 1 << 6, ///< bits 6..10: the NameLexicon cue word lists
    lex_organization_head = 1 << 7,
    lex_place_head = 1 << 8,
    lex_role_word = 1 << 9,
    lex_not_name = 1 << 10,
};

/// The 64-bit FNV-1a hash of a lexicon key, which is all a model stores of it (half the
/// size of the strings; at a few hundred thousand entries a collision is a few in a
/// million lookups). Keys are "p:" + phrase key for names, "w:" + Snowball stem for words.
std::uint64_t lexicon_hash(std::string_view key);

/// A NameLexicon compiled for lookups: the hashes of its keys, ascending, and their masks.
struct CompiledLexicon {
    std::string language;
    std::vector<std::uint64_t> keys;
    std::vector<std::uint16_t> masks;
    std::uint8_t max_phrase_words = 0;

    std::uint16_t lookup(std::string_view key) const;
};

/// A trained model. Weights of feature i are the pairs (tags[j], weights[j] * scale) for j
/// in [row_end[i-1], row_end[i]); features are sorted by their 64-bit hash for lookup.
struct NerModel {
    std::string language;
    std::uint32_t feature_groups = 0;
    std::array<float, ner_tag_count * ner_tag_count> transition{}; ///< [previous * count + current]
    std::array<float, ner_tag_count> start{};
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> row_end;
    std::vector<std::uint8_t> tags;
    std::vector<std::int16_t> weights;
    float scale = 1;
    /// Subtracted from every O score when decoding: trades precision for recall, set
    /// from dev data (a perceptron leans to O on the sparse, unseen names of German).
    float outside_penalty = 0;
    /// Scores are multiplied by this before they are read as probabilities for NameSpan's
    /// confidence: perceptron weights have no probabilistic scale of their own, so the
    /// trainer picks the factor that best predicts the gold tags of held-back sentences.
    float sharpness = 1;
    CompiledLexicon lexicon;

    /// Add the weights of the features `hashes` to one token's tag scores.
    void add_scores(std::span<const std::uint64_t> hashes, float* scores) const;
};

/// The bytes of a model file (format documented in name_finder_io.cpp).
std::string serialize_model(const NerModel& model);
/// Parse a model file; throws kg::Error(model_format) naming `name` and the byte position.
NerModel parse_model(std::string_view bytes, const std::string& name);

} // namespace kg::detail
