// SPDX-License-Identifier: Apache-2.0
#include "decode.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kg::detail {
namespace {

constexpr float minus_infinity = -std::numeric_limits<float>::infinity();
constexpr int T = ner_tag_count;

float log_sum_exp(const float* v, int n) {
    float top = minus_infinity;
    for (int i = 0; i < n; ++i) top = std::max(top, v[i]);
    if (top == minus_infinity) return top;
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += std::exp(static_cast<double>(v[i] - top));
    return top + static_cast<float>(std::log(sum));
}

// ner_transition_allowed as a table, row previous + 1 (row 0 is the start): decoding asks
// it T * T times per token.
struct TransitionTable {
    bool allowed[T + 1][T];
    TransitionTable();
};
const TransitionTable& transitions() {
    static const TransitionTable table;
    return table;
}

} // namespace

bool ner_transition_allowed(int previous, int current) {
    const bool open = previous > 0 && (ner_tag_part(previous) == part_begin || ner_tag_part(previous) == part_inside);
    if (current == 0) return !open;
    const int part = ner_tag_part(current);
    const bool continues = part == part_inside || part == part_last;
    if (!open) return !continues;
    return continues && ner_tag_label(current) == ner_tag_label(previous);
}

bool ner_end_allowed(int tag) {
    return tag == 0 || ner_tag_part(tag) == part_last || ner_tag_part(tag) == part_unit;
}

namespace {
TransitionTable::TransitionTable() {
    for (int p = -1; p < T; ++p)
        for (int y = 0; y < T; ++y) allowed[p + 1][y] = ner_transition_allowed(p, y);
}
} // namespace

std::vector<int> viterbi(const TagScores& s) {
    const std::size_t n = s.size();
    if (n == 0) return {};
    const auto& allowed = transitions().allowed;
    std::vector<float> best(n * T, minus_infinity);
    std::vector<int> back(n * T, 0);
    for (int y = 0; y < T; ++y)
        if (allowed[0][y]) best[static_cast<std::size_t>(y)] = s.start[y] + s.emission[y];
    for (std::size_t i = 1; i < n; ++i) {
        for (int y = 0; y < T; ++y) {
            float top = minus_infinity;
            int arg = 0;
            for (int p = 0; p < T; ++p) {
                if (!allowed[p + 1][y]) continue;
                const float v = best[(i - 1) * T + p] + s.transition[p * T + y];
                if (v > top) top = v, arg = p;
            }
            best[i * T + y] = top + s.emission[i * T + y];
            back[i * T + y] = arg;
        }
    }
    int y = 0;
    float top = minus_infinity;
    for (int t = 0; t < T; ++t)
        if (ner_end_allowed(t) && best[(n - 1) * T + t] > top) top = best[(n - 1) * T + t], y = t;
    std::vector<int> tags(n);
    for (std::size_t i = n; i-- > 0;) {
        tags[i] = y;
        y = back[i * T + y];
    }
    return tags;
}

namespace {

// Forward-backward in log space: exact whatever the scores' range, and 97 exp() per tag
// pair position; the fallback of tag_posteriors.
std::vector<float> log_space_posteriors(const TagScores& s, const std::vector<int>& tags, float sharpness) {
    const std::size_t n = s.size();
    auto em = [&](std::size_t i, int y) { return sharpness * s.emission[i * T + static_cast<std::size_t>(y)]; };
    auto tr = [&](int p, int y) { return sharpness * s.transition[static_cast<std::size_t>(p * T + y)]; };
    const auto& allowed = transitions().allowed;
    std::vector<float> alpha(n * T, minus_infinity), beta(n * T, minus_infinity);
    // Disallowed transitions would add exp(-inf) = 0 to the sums: only the allowed terms
    // are summed, which gives the same values.
    float terms[T];
    int k = 0;
    for (int y = 0; y < T; ++y)
        if (allowed[0][y]) alpha[static_cast<std::size_t>(y)] = sharpness * s.start[y] + em(0, y);
    for (std::size_t i = 1; i < n; ++i)
        for (int y = 0; y < T; ++y) {
            k = 0;
            for (int p = 0; p < T; ++p)
                if (allowed[p + 1][y]) terms[k++] = alpha[(i - 1) * T + p] + tr(p, y);
            alpha[i * T + y] = log_sum_exp(terms, k) + em(i, y);
        }
    for (int y = 0; y < T; ++y)
        if (ner_end_allowed(y)) beta[(n - 1) * T + y] = 0;
    for (std::size_t i = n - 1; i-- > 0;)
        for (int y = 0; y < T; ++y) {
            k = 0;
            for (int q = 0; q < T; ++q)
                if (allowed[y + 1][q]) terms[k++] = tr(y, q) + em(i + 1, q) + beta[(i + 1) * T + q];
            beta[i * T + y] = log_sum_exp(terms, k);
        }
    for (int y = 0; y < T; ++y) terms[y] = alpha[(n - 1) * T + y] + beta[(n - 1) * T + y];
    const float z = log_sum_exp(terms, T);
    std::vector<float> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto y = static_cast<std::size_t>(tags[i]);
        out[i] = static_cast<float>(std::exp(static_cast<double>(alpha[i * T + y] + beta[i * T + y] - z)));
    }
    return out;
}

} // namespace

std::vector<float> tag_posteriors(const TagScores& s, const std::vector<int>& tags, float sharpness) {
    // Forward-backward in probability space, each position rescaled to sum 1: T exp() per
    // position instead of one per allowed tag pair. Emissions are shifted by their
    // position's maximum, transitions are exponentiated once; the scaling cancels in the
    // posterior. When a column underflows to zero (scores far outside what trained models
    // give) the log-space pass answers instead.
    const std::size_t n = s.size();
    if (n == 0) return {};
    const auto& allowed = transitions().allowed;
    double potential[T][T];
    for (int p = 0; p < T; ++p)
        for (int y = 0; y < T; ++y)
            potential[p][y] = allowed[p + 1][y] ? std::exp(static_cast<double>(sharpness) * s.transition[static_cast<std::size_t>(p * T + y)]) : 0.0;
    std::vector<double> emit(n * T);
    for (std::size_t i = 0; i < n; ++i) {
        double top = -std::numeric_limits<double>::infinity();
        for (int y = 0; y < T; ++y) {
            double v = static_cast<double>(sharpness) * s.emission[i * T + static_cast<std::size_t>(y)];
            if (i == 0) v = allowed[0][y] ? v + static_cast<double>(sharpness) * s.start[y] : -std::numeric_limits<double>::infinity();
            emit[i * T + static_cast<std::size_t>(y)] = v;
            top = std::max(top, v);
        }
        for (int y = 0; y < T; ++y) emit[i * T + static_cast<std::size_t>(y)] = std::exp(emit[i * T + static_cast<std::size_t>(y)] - top);
    }
    std::vector<double> alpha(n * T, 0.0), beta(n * T, 0.0);
    auto normalise = [](double* column) {
        double sum = 0;
        for (int y = 0; y < T; ++y) sum += column[y];
        if (!(sum > 0) || !std::isfinite(sum)) return false;
        for (int y = 0; y < T; ++y) column[y] /= sum;
        return true;
    };
    for (int y = 0; y < T; ++y) alpha[static_cast<std::size_t>(y)] = emit[static_cast<std::size_t>(y)];
    if (!normalise(&alpha[0])) return log_space_posteriors(s, tags, sharpness);
    for (std::size_t i = 1; i < n; ++i) {
        const double* prev = &alpha[(i - 1) * T];
        double* cur = &alpha[i * T];
        for (int y = 0; y < T; ++y) {
            double sum = 0;
            for (int p = 0; p < T; ++p) sum += prev[p] * potential[p][y];
            cur[y] = sum * emit[i * T + static_cast<std::size_t>(y)];
        }
        if (!normalise(cur)) return log_space_posteriors(s, tags, sharpness);
    }
    for (int y = 0; y < T; ++y) beta[(n - 1) * T + static_cast<std::size_t>(y)] = ner_end_allowed(y) ? 1.0 : 0.0;
    for (std::size_t i = n - 1; i-- > 0;) {
        const double* next = &beta[(i + 1) * T];
        double* cur = &beta[i * T];
        for (int y = 0; y < T; ++y) {
            double sum = 0;
            for (int q = 0; q < T; ++q) sum += potential[y][q] * emit[(i + 1) * T + static_cast<std::size_t>(q)] * next[q];
            cur[y] = sum;
        }
        if (!normalise(cur)) return log_space_posteriors(s, tags, sharpness);
    }
    std::vector<float> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        double z = 0;
        for (int y = 0; y < T; ++y) z += alpha[i * T + static_cast<std::size_t>(y)] * beta[i * T + static_cast<std::size_t>(y)];
        if (!(z > 0) || !std::isfinite(z)) return log_space_posteriors(s, tags, sharpness);
        const auto y = static_cast<std::size_t>(tags[i]);
        out[i] = static_cast<float>(alpha[i * T + y] * beta[i * T + y] / z);
    }
    return out;
}

std::vector<NameSpan> spans_of(const std::vector<int>& tags, const std::vector<float>& posteriors) {
    std::vector<NameSpan> spans;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        if (tags[i] == 0) continue;
        const int part = ner_tag_part(tags[i]);
        if (part == part_begin || part == part_unit) {
            NameSpan s;
            s.tok_begin = static_cast<std::uint32_t>(i);
            s.label = ner_tag_label(tags[i]);
            s.confidence = 1;
            spans.push_back(s);
        }
        if (spans.empty()) continue; // unreachable for tags from viterbi
        spans.back().confidence = std::min(spans.back().confidence, std::clamp(posteriors[i], 0.0f, 1.0f));
        if (part == part_last || part == part_unit) spans.back().tok_end = static_cast<std::uint32_t>(i + 1);
    }
    return spans;
}

} // namespace kg::detail
