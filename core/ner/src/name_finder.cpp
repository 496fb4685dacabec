// SPDX-License-Identifier: Apache-2.0
#include "kg/ner/name_finder.hpp"
#include "kg/ner/training.hpp"

#include "decode.hpp"
#include "features.hpp"
#include "model.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kg {

std::string_view name_label_code(NameLabel label) noexcept {
    switch (label) {
    case NameLabel::person: return "PER";
    case NameLabel::organization: return "ORG";
    case NameLabel::location: return "LOC";
    case NameLabel::misc: return "MISC";
    }
    return "MISC";
}

std::optional<NameLabel> parse_name_label(std::string_view code) noexcept {
    for (int l = 0; l < name_label_count; ++l)
        if (name_label_code(static_cast<NameLabel>(l)) == code) return static_cast<NameLabel>(l);
    return std::nullopt;
}

NameContext::NameContext(std::string_view text, std::span<const Token> tokens)
    : data_(std::make_shared<const detail::NameContextData>(detail::build_context(text, tokens))),
      history_(std::make_shared<detail::NameHistory>()) {}

NameFinder::NameFinder(std::shared_ptr<const detail::NerModel> model) : model_(std::move(model)) {}

NameFinder NameFinder::from_bytes(std::string_view bytes, const std::string& name) {
    return NameFinder(std::make_shared<const detail::NerModel>(detail::parse_model(bytes, name)));
}

NameFinder NameFinder::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io_error, "cannot open name-finder model", path);
    // Read into a buffer of the file's size: a stream copy that cannot allocate stops
    // quietly, and a model cut short by memory would be reported as a truncated file.
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size < 0 || !in) throw Error(Errc::io_error, "cannot read name-finder model", path);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), size);
    if (in.gcount() != size) throw Error(Errc::io_error, "cannot read name-finder model", path);
    return from_bytes(bytes, path);
}

const std::string& NameFinder::language() const noexcept { return model_->language; }
std::string NameFinder::to_bytes() const { return detail::serialize_model(*model_); }
std::size_t NameFinder::feature_count() const noexcept { return model_->keys.size(); }

std::vector<NameSpan> NameFinder::find(std::string_view text, std::span<const Token> tokens) const {
    NameContext lone;
    return find(text, tokens, lone);
}

namespace detail {

std::vector<float> sentence_scores(const NerModel& m, std::string_view text, std::span<const Token> tokens,
                                   const NameContextData* context, const NameHistory* history) {
    constexpr int T = ner_tag_count;
    // Without a document the sentence is its own context.
    NameContextData own;
    if (!context && (m.feature_groups & ner_document)) {
        own = build_context(text, tokens);
        context = &own;
    }
    static const NameContextData none;
    std::vector<std::int32_t> sums = feature_weights(m, text, tokens, context ? *context : none);
    if ((m.feature_groups & ner_history) && history) {
        FeatureRows past;
        history_features(tokens, *history, past);
        for (std::size_t i = 0; i < tokens.size(); ++i) m.add_weights(past.row(i), &sums[i * T]);
    }
    std::vector<float> emission(sums.size());
    for (std::size_t k = 0; k < sums.size(); ++k) emission[k] = static_cast<float>(sums[k]) * m.scale;
    for (std::size_t i = 0; i < tokens.size(); ++i) emission[i * T] -= m.outside_penalty;
    return emission;
}

const NerModel& model_of(const NameFinder& finder) { return *finder.model_; }

} // namespace detail

std::vector<NameSpan> NameFinder::find(std::string_view text, std::span<const Token> tokens,
                                       NameContext& context) const {
    if (tokens.empty()) return {};
    const detail::NerModel& m = *model_;
    const std::vector<float> emission =
        detail::sentence_scores(m, text, tokens, context.data_.get(), context.history_.get());
    const detail::TagScores scores{emission, m.transition, m.start};
    const std::vector<int> tags = detail::viterbi(scores);
    if (context.history_) context.history_->record(tokens, tags);
    // Posteriors only qualify names: a sentence without one needs no forward-backward pass.
    if (std::all_of(tags.begin(), tags.end(), [](int t) { return t == 0; })) return {};
    return detail::spans_of(tags, detail::tag_posteriors(scores, tags, m.sharpness));
}

std::vector<NameSpan> NameFinder::find_document(const Document& doc) const {
    NameContext context(doc.text, doc.tokens);
    std::vector<NameSpan> out;
    for (const Sentence& s : doc.sentences) {
        const std::span<const Token> tokens(doc.tokens.data() + s.first_token, s.end_token - s.first_token);
        for (NameSpan n : find(doc.text, tokens, context)) {
            n.tok_begin += s.first_token;
            n.tok_end += s.first_token;
            out.push_back(n);
        }
    }
    return out;
}

} // namespace kg
