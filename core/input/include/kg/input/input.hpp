// SPDX-License-Identifier: Apache-2.0
#pragma once
// Articles, not files. An input (a file, or standard input) holds one article (plain text,
// Markdown with front matter, a saved HTML page) or many (JSON Lines, a JSON array of
// article objects). Each article becomes an input unit: a text that evidence offsets count
// in, and a record (DocumentInfo) of what the input says about it.
#include "kg/graph/model.hpp"
#include "kg/input/record.hpp"
#include "kg/text/document.hpp"
#include "kg/text/reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// How an input is read.
enum class InputFormat : std::uint8_t {
    automatic, ///< by extension; standard input by its first byte ('{' or '[': JSON Lines, else text)
    text,      ///< plain UTF-8 text: the file's bytes are the text
    markdown,  ///< Markdown: the file's bytes are the text; YAML front matter is metadata
    html,      ///< a saved page: the article body, extracted, is the text (kg/input/html.hpp)
    jsonl,     ///< JSON Lines (one article object a line) or a JSON array of article objects
};

/// "auto", "text", "markdown", "html", "jsonl".
const char* to_string(InputFormat format) noexcept;
/// The format of a name as the command line gives it ("auto", "text"/"txt",
/// "markdown"/"md", "html", "jsonl"/"json"), or nullopt.
std::optional<InputFormat> parse_input_format(std::string_view name);
/// The format of a file by its extension: .md .markdown -> markdown; .html .htm -> html;
/// .jsonl .ndjson .json -> jsonl; anything else -> text.
InputFormat format_of_path(std::string_view path);

/// How inputs are read.
struct InputOptions {
    InputFormat format = InputFormat::automatic; ///< one format for every input, or by extension
    InputLimits limits;
    FieldNames fields; ///< which JSON keys (and front matter keys) hold which field
};

/// One article's text and record. Contract: `text` is valid UTF-8 without NUL bytes, at most
/// `limits.max_document_bytes` bytes; `metadata` spans lie inside it, sorted; the record is
/// complete (complete_record: id, format, source path, bytes, text hash).
struct Article {
    std::string text;
    std::vector<ByteSpan> metadata; ///< spans of `text` that are no article text (front matter)
    DocumentInfo record;
};

/// One article to build: where it comes from and, for the records of a JSON Lines file or
/// for standard input (read once, while listing), the article itself.
struct InputUnit {
    InputSource source;
    InputFormat format = InputFormat::text; ///< never automatic
    std::uint64_t line = 0;                 ///< a record's line in its file (1-based), or 0
    std::optional<Article> article;         ///< read already, or read by read_article

    /// "PATH" or "PATH:LINE": where to look, for messages and DocumentInfo::source_path.
    std::string where() const;
};

/// The units of the given sources, in their order; the records of a JSON Lines file in line
/// order (a JSON array's in array order). Files of one article are listed, not read. A JSON
/// Lines or JSON array file is read now, whole (at most `limits.max_input_bytes`), and a
/// record that is not valid JSON, not an object, lacks a non-empty text field, has a field
/// of the wrong type, a date that cannot be read, a text over `max_document_bytes`, a NUL or
/// invalid UTF-8 becomes a problem (Errc::input_record, with the file and line) while the
/// other records are listed. Standard input is read now too.
std::vector<InputUnit> list_units(const std::vector<InputSource>& sources, const InputOptions& options,
                                  std::vector<InputProblem>& problems);

/// The unit's article: the one read while listing (moved out of the unit), else the file
/// read now in the unit's format. Throws kg::Error as read_input does, and
/// Errc::input_record for a page or front matter that cannot be read.
Article read_article(InputUnit& unit, const InputOptions& options);

} // namespace kg
