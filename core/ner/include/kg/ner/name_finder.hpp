// SPDX-License-Identifier: Apache-2.0
#pragma once
// A learned name finder: marks person, organisation, location and other (MISC) names in
// kgraph's own tokens. It is a structured averaged perceptron over BILOU tags with Viterbi
// decoding, loaded from a model file that `kg-train-ner` writes (ontology/models/). It
// complements the rule and gazetteer extraction: it finds names no list has ever seen.
#include "kg/text/document.hpp"

#include "kg/error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class NameFinder;
namespace detail {
struct NerModel;
struct NameContextData;
struct NameHistory;
const NerModel& model_of(const NameFinder& finder);
} // namespace detail

/// The classes of the CoNLL shared tasks. Never renumber: model files store them.
enum class NameLabel : std::uint8_t {
    person = 0,       ///< PER
    organization = 1, ///< ORG
    location = 2,     ///< LOC (states, cities, regions, rivers...)
    misc = 3,         ///< MISC: nationalities, events, works, products...
};
inline constexpr int name_label_count = 4;

/// "PER", "ORG", "LOC" or "MISC".
std::string_view name_label_code(NameLabel label) noexcept;
/// The label named by a code as above; nullopt for anything else.
std::optional<NameLabel> parse_name_label(std::string_view code) noexcept;

/// One name found: tokens [tok_begin, tok_end) of the token range the finder was given
/// (document token indices for `find_document`). `confidence`, in [0, 1], is the smallest
/// posterior of the span's token tags when the model's scores, scaled by a factor fitted on
/// dev data, are read as a linear-chain CRF: it ranks spans and is roughly calibrated on
/// the training corpora's dev sets, no more.
struct NameSpan {
    std::uint32_t tok_begin = 0;
    std::uint32_t tok_end = 0;
    NameLabel label = NameLabel::misc;
    float confidence = 0;
    friend bool operator==(const NameSpan&, const NameSpan&) = default;
};

/// One document being tagged, sentence after sentence. It holds what the whole document
/// says about its words (whether a word also appears capitalised in mid-sentence, or in
/// lower case: a capitalised word written in lower case elsewhere is rarely a name) and
/// what the finder has already found in it (a name's later mentions take the label of its
/// earlier ones). Contract: one context per document, its sentences passed to
/// NameFinder::find in text order, from one thread at a time; contexts of different
/// documents are independent. A default-constructed (empty) context makes each sentence
/// its own document.
class NameContext {
public:
    NameContext() = default;
    /// The context of a document whose tokens are `tokens`, their spans indexing `text`.
    NameContext(std::string_view text, std::span<const Token> tokens);
    bool empty() const noexcept { return data_ == nullptr; }

private:
    friend class NameFinder;
    std::shared_ptr<const detail::NameContextData> data_;
    std::shared_ptr<detail::NameHistory> history_;
};

/// A loaded model. Immutable once loaded: every member function is const and thread-safe,
/// and copies share the model. Tagging is a pure function of the model, the tokens and
/// the document context (the sentences of the document that came before).
class NameFinder {
public:
    /// Load a model file. Throws kg::Error: io_error when it cannot be read, model_format
    /// (with the file and the byte position) when it is truncated, corrupt, of another
    /// version or not a model at all.
    static NameFinder load(const std::string& path);
    /// The same from the bytes of a model file; `name` stands for the file in errors.
    static NameFinder from_bytes(std::string_view bytes, const std::string& name = "<memory>");

    /// Names in one sentence. `tokens` are kgraph tokens (kg::segment) whose spans index
    /// `text`, typically `doc.text` and one sentence's tokens; the spans returned index
    /// `tokens` (0 = its first token), sorted and never overlapping. The sentence is its own
    /// document: no context.
    std::vector<NameSpan> find(std::string_view text, std::span<const Token> tokens) const;
    /// The same for one sentence of a document, given in text order with the document's
    /// context (see NameContext), which records what was found. This is what
    /// `find_document` does for each sentence.
    std::vector<NameSpan> find(std::string_view text, std::span<const Token> tokens, NameContext& context) const;
    /// Names in every sentence of a segmented document, with the whole document as context.
    /// Spans index `doc.tokens`.
    std::vector<NameSpan> find_document(const Document& doc) const;

    /// The bytes of the model's file: from_bytes(to_bytes()) is the same model, and for a
    /// loaded file they are the file's bytes.
    std::string to_bytes() const;

    /// The language the model was trained for (it, en, fr, es, de).
    const std::string& language() const noexcept;
    /// The number of features with weights: a measure of model size.
    std::size_t feature_count() const noexcept;

private:
    friend const detail::NerModel& detail::model_of(const NameFinder& finder);
    explicit NameFinder(std::shared_ptr<const detail::NerModel> model);
    std::shared_ptr<const detail::NerModel> model_;
};

} // namespace kg
