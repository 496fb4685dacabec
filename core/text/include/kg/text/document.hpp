// SPDX-License-Identifier: Apache-2.0
#pragma once
// Document, Sentence, Token: the spaCy model. The document owns the original bytes;
// every span is a [begin, end) byte range into them. Normalisation produces matching
// keys only and never moves an offset.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// A [begin, end) range of bytes in a document's original text.
struct ByteSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t size() const noexcept { return end - begin; }
    friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

/// Shape facts about a token, computed once from its original text.
enum TokenFlag : std::uint16_t {
    tok_word = 1 << 0,          ///< letters or digits (not punctuation)
    tok_upper_initial = 1 << 1, ///< first character is an uppercase letter
    tok_all_caps = 1 << 2,      ///< two or more letters, all uppercase ("KCNA")
    tok_digit = 1 << 3,         ///< starts with a digit
    tok_sentence_start = 1 << 4,///< first word token of its sentence
    tok_hyphen = 1 << 5,        ///< a hyphen or dash
    tok_apostrophe = 1 << 6,    ///< an elided article or preposition ("l’", "dell'")
    tok_quote = 1 << 7,         ///< a quotation mark
    tok_line_start = 1 << 8,    ///< first token on its line
    tok_comma = 1 << 9,         ///< ","
    tok_paren = 1 << 10,        ///< "(" or ")"
};

/// A word or punctuation mark. `key` is its matching key (NFKC + case fold, apostrophe
/// and hyphen variants unified); `span` points into the original text.
struct Token {
    ByteSpan span;
    std::string key;
    std::uint16_t flags = 0;
    std::uint32_t sentence = 0; ///< index of the sentence that holds it
    bool has(TokenFlag f) const noexcept { return (flags & f) != 0; }
};

/// A sentence: its byte span and its tokens [first_token, end_token).
struct Sentence {
    ByteSpan span;
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;
};

/// A piece of page furniture (see kg/text/furniture.hpp) and what it is.
struct Furniture {
    enum class Kind : std::uint8_t { byline, dateline, credit, address, link_target };
    ByteSpan span;
    Kind kind = Kind::byline;
};

/// One input document. Contract: `text` is the text offsets count in, unchanged (a file's
/// bytes, a JSON Lines record's decoded text field, an HTML page's extracted text; valid
/// UTF-8); tokens and sentences are in text order and never overlap; text inside
/// boilerplate lines, furniture and `metadata` spans has no tokens.
struct Document {
    std::string id;        ///< the document's stable id (kg/input/input.hpp), or a name given by the caller
    std::string text;      ///< original bytes
    /// Spans of `text` that are metadata, not article text (a Markdown file's front matter):
    /// set by the reader before segmentation, which never analyses them; offsets stay file offsets.
    std::vector<ByteSpan> metadata;
    std::string language;  ///< it, en, fr, es, de
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    std::vector<ByteSpan> skipped_lines; ///< boilerplate lines left out of analysis
    std::vector<ByteSpan> skipped_sentences; ///< sentences over the length limit, left out of analysis
    std::vector<Furniture> furniture;    ///< bylines, datelines, credits, addresses: no tokens

    std::string_view view(ByteSpan s) const { return std::string_view(text).substr(s.begin, s.size()); }
    std::string_view view(const Token& t) const { return view(t.span); }
};

} // namespace kg
