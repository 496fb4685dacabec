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

/// The lexicon hash of a key that grows: start from lexicon_hash_start() and append its
/// bytes, so the longest-phrase scans hash each word once instead of rebuilding each prefix.
constexpr std::uint64_t lexicon_hash_start() { return 0xcbf29ce484222325ull; }
constexpr std::uint64_t lexicon_hash_append(std::uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

/// An open-addressing table from a sorted key vector's values to their positions: the
/// lookups of tagging (several per token) cost one or two cache lines instead of a binary
/// search's twenty. Keys are 64-bit hashes already, so their low bits are the slot.
/// Built from the keys it indexes and valid while they do not change.
class KeyIndex {
public:
    void build(const std::vector<std::uint64_t>& keys);
    bool built() const noexcept { return !slots_.empty(); }
    /// Position of `h` in the indexed keys, or -1.
    std::int64_t find(const std::vector<std::uint64_t>& keys, std::uint64_t h) const {
        if (slots_.empty()) return -1;
        // A slot keeps the high half of its key: most lookups miss, and a miss then never
        // reads the key vector (one cache line instead of two).
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::uint64_t s = mix(h) & mask_;; s = (s + 1) & mask_) {
            const Slot& slot = slots_[s];
            if (slot.position == 0) return -1;
            if (slot.tag == tag && keys[slot.position - 1] == h) return static_cast<std::int64_t>(slot.position - 1);
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;      ///< the key's high 32 bits
        std::uint32_t position = 0; ///< position + 1; 0 is empty
    };
    static std::uint64_t mix(std::uint64_t h) { return h ^ (h >> 29); }
    std::vector<Slot> slots_;
    std::uint64_t mask_ = 0;
};

/// A NameLexicon compiled for lookups: the hashes of its keys, ascending, and their masks.
struct CompiledLexicon {
    std::string language;
    std::vector<std::uint64_t> keys;
    std::vector<std::uint16_t> masks;
    std::uint8_t max_phrase_words = 0;
    KeyIndex index; ///< over `keys`; built by parse_model

    std::uint16_t lookup(std::string_view key) const;
    /// The same for a key's lexicon_hash.
    std::uint16_t lookup_hash(std::uint64_t hash) const;
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
    KeyIndex index; ///< over `keys`; built by parse_model
    /// Unique to a model read by parse_model, which never changes after; 0 for a model
    /// assembled in memory. Caches of what the model computes are keyed by it.
    std::uint64_t serial = 0;

    /// Add the integer weights of the features `hashes` to one token's tag sums. Sums of
    /// integers do not depend on the order they are added in, so a sum may be cached and
    /// reused; a tag score is its sum times `scale`.
    void add_weights(std::span<const std::uint64_t> hashes, std::int32_t* sums) const {
        for (std::uint64_t h : hashes) add_weight(h, sums);
    }
    void add_weight(std::uint64_t hash, std::int32_t* sums) const;
};

/// The bytes of a model file (format documented in name_finder_io.cpp).
std::string serialize_model(const NerModel& model);
/// Parse a model file; throws kg::Error(model_format) naming `name` and the byte position.
NerModel parse_model(std::string_view bytes, const std::string& name);

} // namespace kg::detail
