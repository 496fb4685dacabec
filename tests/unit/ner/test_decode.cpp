// SPDX-License-Identifier: Apache-2.0
// The decoder's internals (core/ner/src/decode.hpp): the posteriors that qualify each name
// against a brute-force sum over every allowed tag sequence.
#include "decode.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

using kg::detail::ner_tag_count;
constexpr int T = ner_tag_count;

struct Scores {
    std::vector<float> emission, transition, start;
    kg::detail::TagScores view() const { return {emission, transition, start}; }
};

Scores random_scores(std::size_t n, float spread, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-spread, spread);
    Scores s;
    s.emission.resize(n * T);
    s.transition.resize(T * T);
    s.start.resize(T);
    for (auto& v : s.emission) v = d(rng);
    for (auto& v : s.transition) v = d(rng);
    for (auto& v : s.start) v = d(rng);
    return s;
}

// P(tag at position i = tags[i]) by enumerating every allowed sequence, in log space.
std::vector<double> brute_force(const Scores& s, std::size_t n, const std::vector<int>& tags, double sharpness) {
    std::vector<int> seq(n, 0);
    const double none = -std::numeric_limits<double>::infinity();
    double z = none;
    std::vector<double> num(n, none);
    auto add = [](double a, double b) {
        if (a == -std::numeric_limits<double>::infinity()) return b;
        const double top = std::max(a, b);
        return top + std::log(std::exp(a - top) + std::exp(b - top));
    };
    for (;;) {
        bool ok = kg::detail::ner_transition_allowed(-1, seq[0]) && kg::detail::ner_end_allowed(seq[n - 1]);
        double score = sharpness * (s.start[static_cast<std::size_t>(seq[0])] + s.emission[static_cast<std::size_t>(seq[0])]);
        for (std::size_t i = 1; ok && i < n; ++i) {
            ok = kg::detail::ner_transition_allowed(seq[i - 1], seq[i]);
            score += sharpness * (s.transition[static_cast<std::size_t>(seq[i - 1] * T + seq[i])] +
                                  s.emission[i * T + static_cast<std::size_t>(seq[i])]);
        }
        if (ok) {
            z = add(z, score);
            for (std::size_t i = 0; i < n; ++i)
                if (seq[i] == tags[i]) num[i] = add(num[i], score);
        }
        std::size_t k = 0;
        while (k < n && ++seq[k] == T) seq[k++] = 0;
        if (k == n) break;
    }
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = std::exp(num[i] - z);
    return out;
}

} // namespace

TEST_CASE("tag posteriors equal the sum over every allowed sequence", "[ner][decode]") {
    for (std::uint32_t seed = 1; seed <= 4; ++seed) {
        const std::size_t n = 3;
        const Scores s = random_scores(n, 3.0f, seed);
        const std::vector<int> tags = kg::detail::viterbi(s.view());
        for (float sharpness : {1.0f, 0.25f}) {
            const std::vector<float> got = kg::detail::tag_posteriors(s.view(), tags, sharpness);
            const std::vector<double> want = brute_force(s, n, tags, sharpness);
            REQUIRE(got.size() == n);
            for (std::size_t i = 0; i < n; ++i) CHECK(got[i] == Approx(want[i]).margin(1e-5));
        }
    }
}

TEST_CASE("tag posteriors stay exact when the scores are far outside a trained model's range", "[ner][decode]") {
    // Spreads of thousands make every column but one underflow in probability space: the
    // answer must still be the brute-force one (the log-space pass takes over), never NaN;
    // float scores of that size carry about three decimal places.
    const std::size_t n = 3;
    const Scores s = random_scores(n, 3000.0f, 7);
    const std::vector<int> tags = kg::detail::viterbi(s.view());
    const std::vector<float> got = kg::detail::tag_posteriors(s.view(), tags, 1.0f);
    const std::vector<double> want = brute_force(s, n, tags, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(std::isfinite(got[i]));
        CHECK(got[i] == Approx(want[i]).margin(1e-2));
    }
}

TEST_CASE("a tag the best sequence takes has a posterior below one when another sequence competes", "[ner][decode]") {
    // Two tags with equal evidence at a one-token sequence: O and a one-word name share it.
    Scores s;
    s.emission.assign(T, -50.0f);
    s.transition.assign(T * T, 0.0f);
    s.start.assign(T, 0.0f);
    s.emission[0] = 1.0f;
    s.emission[static_cast<std::size_t>(kg::detail::ner_tag(kg::NameLabel::person, kg::detail::part_unit))] = 1.0f;
    const std::vector<float> got = kg::detail::tag_posteriors(s.view(), {0}, 1.0f);
    CHECK(got[0] == Approx(0.5).margin(1e-6));
}
