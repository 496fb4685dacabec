// SPDX-License-Identifier: Apache-2.0
// The structured averaged perceptron (Collins 2002): decode each training sentence with
// the current weights, and where the best tag sequence differs from the gold one, move the
// weights of the gold sequence's features up and the predicted one's down. The weights
// saved are the average over all steps, which generalises far better than the last ones.
#include "kg/ner/training.hpp"

#include "decode.hpp"
#include "features.hpp"
#include "model.hpp"

#include "kg/text/stem.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace kg {
namespace detail {
namespace {

constexpr int T = ner_tag_count;

// The lexicon as a model stores it, with only the lists its feature groups read.
CompiledLexicon compile_lexicon(const NameLexicon& lex, std::uint32_t groups) {
    std::map<std::string, std::uint16_t> entries;
    CompiledLexicon out;
    out.language = lex.language;
    for (const auto& [phrase, labels] : lex.names) {
        if (!(groups & ner_gazetteer)) break;
        if (phrase.empty()) continue;
        auto& m = entries["p:" + phrase];
        for (NameLabel l : labels) m |= static_cast<std::uint16_t>(lex_name_first << static_cast<int>(l));
        const auto words = 1 + std::count(phrase.begin(), phrase.end(), ' ');
        out.max_phrase_words = static_cast<std::uint8_t>(std::clamp<long>(words, out.max_phrase_words, 255));
    }
    if (groups & ner_dictionary) {
        for (const auto& w : lex.lower_words) entries["w:" + stem_word(w, lex.language)] |= lex_lower_word;
        for (const auto& w : lex.capitalised_words) entries["w:" + stem_word(w, lex.language)] |= lex_capitalised_word;
    }
    const std::pair<const std::set<std::string>*, LexiconBit> cues[] = {
        {&lex.given_names, lex_given_name}, {&lex.organization_heads, lex_organization_head},
        {&lex.place_heads, lex_place_head}, {&lex.role_words, lex_role_word}, {&lex.not_name_words, lex_not_name}};
    for (const auto& [words, bit] : cues)
        for (const auto& w : *words)
            if (groups & ner_cues) entries["w:" + stem_word(w, lex.language)] |= bit;
    std::map<std::uint64_t, std::uint16_t> hashed;
    for (const auto& [key, mask] : entries) hashed[lexicon_hash(key)] |= mask;
    for (const auto& [hash, mask] : hashed) {
        out.keys.push_back(hash);
        out.masks.push_back(mask);
    }
    return out;
}

// A deterministic generator (splitmix64): the standard library's distributions are not
// the same everywhere, and the model file must be.
struct SplitMix {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
};

// Feature indices of a sentence's tokens: token i has features[begin[i], begin[i + 1]).
struct IndexRows {
    std::vector<std::uint32_t> features;
    std::vector<std::uint32_t> begin;
};

// One training sentence: its tokens, their feature indices and gold tags.
struct Example {
    std::span<const Token> tokens;
    IndexRows rows;
    std::vector<int> gold;
    std::size_t document = 0;      ///< index into Perceptron::documents_
    std::vector<int> last_predicted; ///< the tags of its latest decoding; empty before the first
};

std::vector<int> gold_tags(const NerSequence& seq) {
    std::vector<int> tags(seq.tok_end - seq.tok_begin, 0);
    for (const NameSpan& n : seq.names) {
        if (n.tok_begin < seq.tok_begin || n.tok_end > seq.tok_end || n.tok_begin >= n.tok_end)
            throw Error(Errc::usage, "name span [" + std::to_string(n.tok_begin) + ", " + std::to_string(n.tok_end) +
                                         ") is empty or outside its sentence");
        const std::size_t b = n.tok_begin - seq.tok_begin, e = n.tok_end - seq.tok_begin;
        for (std::size_t i = b; i < e; ++i) {
            if (tags[i] != 0) throw Error(Errc::usage, "overlapping name spans at token " + std::to_string(n.tok_begin + i));
            const int part = e - b == 1 ? part_unit : i == b ? part_begin : i + 1 == e ? part_last : part_inside;
            tags[i] = ner_tag(n.label, part);
        }
    }
    return tags;
}

class Perceptron {
public:
    Perceptron(const std::vector<NerDocument>& docs, const std::map<std::string, NameLexicon>& lexicons,
               const NerTrainOptions& options);
    std::string train();

private:
    void prepare(const std::vector<NerDocument>& docs, const std::map<std::string, NameLexicon>& lexicons);
    std::uint32_t index_of(std::uint64_t hash);
    IndexRows history_rows(const Example& ex, const NameHistory& history);
    NameHistory history_before(std::size_t example) const;
    void learn(Example& ex, NameHistory* history);
    void update(const IndexRows& rows, const std::vector<int>& tags, float delta, bool transitions);
    NerModel averaged() const;

    const NerTrainOptions& options_;
    CompiledLexicon model_lexicon_;
    std::vector<std::uint64_t> hashes_;  ///< feature index -> hash
    std::vector<Example> examples_;
    std::vector<std::vector<std::size_t>> documents_; ///< example indices of each document, in order
    std::unordered_map<std::uint64_t, std::uint32_t> index_; ///< feature hash -> index
    std::vector<float> w_;               ///< [feature * T + tag]
    std::vector<double> u_;              ///< step-weighted sums of the updates, for averaging
    std::vector<float> trans_w_, start_w_;
    std::vector<double> trans_u_, start_u_;
    double step_ = 1;
};

Perceptron::Perceptron(const std::vector<NerDocument>& docs, const std::map<std::string, NameLexicon>& lexicons,
                       const NerTrainOptions& options)
    : options_(options), trans_w_(T * T, 0), start_w_(T, 0), trans_u_(T * T, 0), start_u_(T, 0) {
    auto it = lexicons.find(options.language);
    if (it == lexicons.end()) throw Error(Errc::usage, "no lexicon for the model's language '" + options.language + "'");
    model_lexicon_ = compile_lexicon(it->second, options.features);
    prepare(docs, lexicons);
    w_.assign(hashes_.size() * T, 0);
    u_.assign(hashes_.size() * T, 0);
}

void Perceptron::prepare(const std::vector<NerDocument>& docs, const std::map<std::string, NameLexicon>& lexicons) {
    std::map<std::string, CompiledLexicon> compiled;
    std::vector<FeatureRows> rows;
    std::unordered_map<std::uint64_t, std::uint32_t> count;
    for (std::size_t di = 0; di < docs.size(); ++di) {
        const NerDocument& d = docs[di];
        // Some documents are learned as lone sentences (no document context, no history),
        // so that the model also serves callers that tag sentences one by one.
        const double share = options_.lone_sentence_share;
        const bool lone = std::floor(static_cast<double>(di + 1) * share) > std::floor(static_cast<double>(di) * share);
        documents_.emplace_back();
        auto it = compiled.find(d.lexicon_language);
        if (it == compiled.end()) {
            auto lx = lexicons.find(d.lexicon_language);
            if (lx == lexicons.end()) throw Error(Errc::usage, "no lexicon for language '" + d.lexicon_language + "'");
            it = compiled.emplace(d.lexicon_language, compile_lexicon(lx->second, options_.features)).first;
        }
        const bool doc_context = (options_.features & ner_document) != 0;
        const NameContextData context = doc_context && !lone ? build_context(d.doc.text, d.doc.tokens) : NameContextData{};
        for (const NerSequence& s : d.sequences) {
            if (s.tok_begin >= s.tok_end || s.tok_end > d.doc.tokens.size()) continue;
            const std::span<const Token> tokens(d.doc.tokens.data() + s.tok_begin, s.tok_end - s.tok_begin);
            rows.emplace_back();
            if (lone) {
                if (!documents_.back().empty()) documents_.emplace_back(); // each sentence its own document
                const NameContextData own = doc_context ? build_context(d.doc.text, tokens) : NameContextData{};
                extract_features(d.doc.text, tokens, own, it->second, options_.features, rows.back());
            } else {
                extract_features(d.doc.text, tokens, context, it->second, options_.features, rows.back());
            }
            for (auto h : rows.back().hashes) ++count[h];
            documents_.back().push_back(examples_.size());
            examples_.push_back(Example{tokens, {}, gold_tags(s), documents_.size() - 1, {}});
        }
    }
    // Indices in order of first appearance, so that they depend on the data alone.
    for (std::size_t e = 0; e < rows.size(); ++e) {
        IndexRows& ex = examples_[e].rows;
        ex.begin.push_back(0);
        for (std::size_t i = 0; i < rows[e].size(); ++i) {
            for (auto h : rows[e].row(i))
                if (count[h] >= options_.min_feature_count) ex.features.push_back(index_of(h));
            ex.begin.push_back(static_cast<std::uint32_t>(ex.features.size()));
        }
        rows[e] = FeatureRows{}; // free as we go: the rows of a large corpus are big
    }
}

std::uint32_t Perceptron::index_of(std::uint64_t hash) {
    auto [slot, fresh] = index_.emplace(hash, static_cast<std::uint32_t>(hashes_.size()));
    if (fresh) {
        hashes_.push_back(hash);
        if (!w_.empty()) { // a history feature first met while learning
            w_.resize(w_.size() + T, 0.0f);
            u_.resize(u_.size() + T, 0.0);
        }
    }
    return slot->second;
}

IndexRows Perceptron::history_rows(const Example& ex, const NameHistory& history) {
    FeatureRows hashes;
    history_features(ex.tokens, history, hashes);
    IndexRows rows;
    rows.begin.push_back(0);
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        for (auto h : hashes.row(i)) rows.features.push_back(index_of(h));
        rows.begin.push_back(static_cast<std::uint32_t>(rows.features.size()));
    }
    return rows;
}

void Perceptron::update(const IndexRows& rows, const std::vector<int>& tags, float delta, bool transitions) {
    const double weighted = step_ * delta;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        for (std::uint32_t j = rows.begin[i]; j < rows.begin[i + 1]; ++j) {
            const std::size_t k = static_cast<std::size_t>(rows.features[j]) * T + static_cast<std::size_t>(tags[i]);
            w_[k] += delta;
            u_[k] += weighted;
        }
        if (!transitions) continue;
        const std::size_t t = i == 0 ? static_cast<std::size_t>(tags[0])
                                     : static_cast<std::size_t>(tags[i - 1] * T + tags[i]);
        auto& w = i == 0 ? start_w_ : trans_w_;
        auto& u = i == 0 ? start_u_ : trans_u_;
        w[t] += delta;
        u[t] += weighted;
    }
}

// What the tagger found in the sentences before `example` in its document, each as last
// decoded. At run time these are the final model's tags; here they come from a slightly
// older model, which lets sentences be visited in random order (visiting them document
// by document costs the perceptron one to two points of F1).
NameHistory Perceptron::history_before(std::size_t example) const {
    NameHistory h;
    for (std::size_t e : documents_[examples_[example].document]) {
        if (e == example) break;
        if (!examples_[e].last_predicted.empty()) h.record(examples_[e].tokens, examples_[e].last_predicted);
    }
    return h;
}

// One step: decode with the current weights (and what was found earlier in the document,
// as at run time), and on a mistake move the weights towards the gold tags.
void Perceptron::learn(Example& ex, NameHistory* history) {
    const std::size_t n = ex.gold.size();
    const IndexRows hist = history ? history_rows(ex, *history) : IndexRows{};
    std::vector<float> emission(n * T, 0.0f);
    auto add = [&](const IndexRows& rows, std::size_t i) {
        for (std::uint32_t j = rows.begin[i]; j < rows.begin[i + 1]; ++j) {
            const float* row = &w_[static_cast<std::size_t>(rows.features[j]) * T];
            for (int y = 0; y < T; ++y) emission[i * T + static_cast<std::size_t>(y)] += row[y];
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        add(ex.rows, i);
        if (history) add(hist, i);
    }
    const std::vector<int> predicted = viterbi(TagScores{emission, trans_w_, start_w_});
    if (predicted != ex.gold) {
        update(ex.rows, ex.gold, 1.0f, true);
        update(ex.rows, predicted, -1.0f, true);
        if (history) {
            update(hist, ex.gold, 1.0f, false);
            update(hist, predicted, -1.0f, false);
        }
    }
    ex.last_predicted = predicted;
    step_ += 1;
}

NerModel Perceptron::averaged() const {
    NerModel m;
    m.language = options_.language;
    m.feature_groups = options_.features;
    m.outside_penalty = options_.outside_penalty;
    m.sharpness = options_.confidence_sharpness;
    m.lexicon = model_lexicon_;
    for (std::size_t k = 0; k < trans_w_.size(); ++k) m.transition[k] = static_cast<float>(trans_w_[k] - trans_u_[k] / step_);
    for (std::size_t k = 0; k < start_w_.size(); ++k) m.start[k] = static_cast<float>(start_w_[k] - start_u_[k] / step_);
    std::vector<float> avg(w_.size());
    double top = 0;
    for (std::size_t k = 0; k < w_.size(); ++k) {
        avg[k] = static_cast<float>(w_[k] - u_[k] / step_);
        top = std::max(top, std::fabs(static_cast<double>(avg[k])));
    }
    m.scale = top > 0 ? static_cast<float>(top / 32767.0) : 1.0f;
    const double floor = options_.prune * top;
    std::vector<std::uint32_t> order(hashes_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return hashes_[a] < hashes_[b]; });
    for (std::uint32_t f : order) {
        const std::size_t before = m.tags.size();
        for (int y = 0; y < T; ++y) {
            const float v = avg[static_cast<std::size_t>(f) * T + static_cast<std::size_t>(y)];
            const long q = std::lround(v / m.scale);
            if (q == 0 || std::fabs(v) < floor) continue;
            m.tags.push_back(static_cast<std::uint8_t>(y));
            m.weights.push_back(static_cast<std::int16_t>(q));
        }
        if (m.tags.size() == before) continue;
        m.keys.push_back(hashes_[f]);
        m.row_end.push_back(static_cast<std::uint32_t>(m.tags.size()));
    }
    return m;
}

std::string Perceptron::train() {
    std::vector<std::size_t> order(examples_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    SplitMix rng{options_.seed};
    const bool with_history = (options_.features & ner_history) != 0;
    for (int it = 1; it <= options_.iterations; ++it) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.next() % i]);
        for (std::size_t e : order) {
            NameHistory history = with_history ? history_before(e) : NameHistory{};
            learn(examples_[e], with_history ? &history : nullptr);
        }
        if (options_.on_iteration && it < options_.iterations)
            options_.on_iteration(it, NameFinder::from_bytes(serialize_model(averaged()), "<training>"));
    }
    std::string bytes = serialize_model(averaged());
    if (options_.on_iteration) options_.on_iteration(options_.iterations, NameFinder::from_bytes(bytes, "<training>"));
    return bytes;
}

} // namespace
} // namespace detail

float fit_confidence_sharpness(const NameFinder& model, const std::vector<NerDocument>& held_out) {
    const detail::NerModel& m = detail::model_of(model);
    constexpr int grid = 16; // sharpness 2^-12 .. 2^3
    std::vector<double> log_likelihood(grid, 0.0);
    for (const NerDocument& d : held_out) {
        const detail::NameContextData context = detail::build_context(d.doc.text, d.doc.tokens);
        detail::NameHistory history;
        for (const NerSequence& s : d.sequences) {
            if (s.tok_begin >= s.tok_end || s.tok_end > d.doc.tokens.size()) continue;
            const std::span<const Token> tokens(d.doc.tokens.data() + s.tok_begin, s.tok_end - s.tok_begin);
            const std::vector<float> emission = detail::sentence_scores(m, d.doc.text, tokens, &context, &history);
            const detail::TagScores scores{emission, m.transition, m.start};
            const std::vector<int> gold = detail::gold_tags(s);
            for (int g = 0; g < grid; ++g)
                for (float p : detail::tag_posteriors(scores, gold, std::ldexp(1.0f, g - 12)))
                    log_likelihood[static_cast<std::size_t>(g)] += std::log(std::max(static_cast<double>(p), 1e-12));
            history.record(tokens, detail::viterbi(scores));
        }
    }
    const auto best = std::max_element(log_likelihood.begin(), log_likelihood.end()) - log_likelihood.begin();
    return std::ldexp(1.0f, static_cast<int>(best) - 12);
}

std::string train_name_finder(const std::vector<NerDocument>& documents,
                              const std::map<std::string, NameLexicon>& lexicons, const NerTrainOptions& options) {
    if (options.iterations < 1) throw Error(Errc::usage, "training needs at least one iteration");
    detail::Perceptron p(documents, lexicons, options);
    return p.train();
}

} // namespace kg
