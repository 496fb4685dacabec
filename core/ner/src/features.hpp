// SPDX-License-Identifier: Apache-2.0
#pragma once
// Feature extraction: what the tagger knows of each token. The same code runs when
// training and when tagging, so that a model sees at run time exactly what it learned on.
#include "model.hpp"

#include "kg/text/document.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::detail {

enum ContextBit : std::uint8_t {
    ctx_capitalised_mid = 1 << 0, ///< written with a capital, not first in its sentence
    ctx_lower = 1 << 1,           ///< written in lower case
};

/// Per word key, the ContextBits of its occurrences in a document.
struct NameContextData {
    std::unordered_map<std::string, std::uint8_t> facts;
    std::uint8_t lookup(const std::string& key) const {
        auto it = facts.find(key);
        return it == facts.end() ? 0 : it->second;
    }
};

NameContextData build_context(std::string_view text, std::span<const Token> tokens);

/// The features of a sequence's tokens as 64-bit hashes: token i has
/// hashes[begin[i], begin[i + 1]).
struct FeatureRows {
    std::vector<std::uint64_t> hashes;
    std::vector<std::uint32_t> begin;
    std::size_t size() const { return begin.empty() ? 0 : begin.size() - 1; }
    std::span<const std::uint64_t> row(std::size_t i) const {
        return std::span<const std::uint64_t>(hashes).subspan(begin[i], begin[i + 1] - begin[i]);
    }
};

/// What the finder has tagged so far in a document: for each word key, how often its
/// capitalised occurrences were given each label (index name_label_count counts O).
/// Names repeat within an article, and a later mention ("Calde") often has less context
/// than the first ("the minister Bruno Calde").
struct NameHistory {
    std::unordered_map<std::string, std::array<std::uint16_t, name_label_count + 1>> counts;
    void record(std::span<const Token> seq, const std::vector<int>& tags);
};

/// Fill `out` with the history features of `seq`'s tokens.
void history_features(std::span<const Token> seq, const NameHistory& history, FeatureRows& out);

/// The tag scores of one sentence ([token * ner_tag_count + tag]) under model `m`, with the
/// document's context and history when given (either may be null).
std::vector<float> sentence_scores(const NerModel& m, std::string_view text, std::span<const Token> tokens,
                                   const NameContextData* context, const NameHistory* history);

/// The integer weight sums of `seq`'s features under `m` ([token * ner_tag_count + tag]):
/// the sums of add_weights over extract_features' rows, found with about half the lookups
/// (the sums of what a word form gives itself and its neighbours are kept per thread for
/// models read from bytes; a model with serial 0 is looked up feature by feature).
std::vector<std::int32_t> feature_weights(const NerModel& m, std::string_view text, std::span<const Token> seq,
                                          const NameContextData& context);

/// Fill `out` with the features of `seq` (tokens whose spans index `text`), computing the
/// NerFeatureGroups in `groups` only.
void extract_features(std::string_view text, std::span<const Token> seq, const NameContextData& context,
                      const CompiledLexicon& lexicon, std::uint32_t groups, FeatureRows& out);

} // namespace kg::detail
