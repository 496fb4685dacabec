// SPDX-License-Identifier: Apache-2.0
#pragma once
// Decoding BILOU tag sequences: the best sequence (Viterbi), the posterior of each tag
// (forward-backward over the same scores) and the name spans a tag sequence spells.
#include "model.hpp"

#include <span>
#include <vector>

namespace kg::detail {

/// Whether BILOU allows `current` after `previous`; -1 stands for the sequence start.
bool ner_transition_allowed(int previous, int current);
/// Whether a sequence may end on `tag` (not inside a name).
bool ner_end_allowed(int tag);

/// Tag scores of a sequence: emissions [n * ner_tag_count], plus transition and start
/// weights as in NerModel.
struct TagScores {
    std::span<const float> emission;
    std::span<const float> transition;
    std::span<const float> start;
    std::size_t size() const { return emission.size() / ner_tag_count; }
};

/// The highest-scoring sequence of allowed tags.
std::vector<int> viterbi(const TagScores& scores);

/// For each position, the posterior of `tags[i]` when the scores times `sharpness` are
/// read as the log potentials of a linear-chain CRF.
std::vector<float> tag_posteriors(const TagScores& scores, const std::vector<int>& tags, float sharpness = 1);

/// The names a valid tag sequence spells, with the smallest posterior of their tokens.
std::vector<NameSpan> spans_of(const std::vector<int>& tags, const std::vector<float>& posteriors);

} // namespace kg::detail
