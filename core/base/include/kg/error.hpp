// SPDX-License-Identifier: Apache-2.0
#pragma once
// kgraph's one exception type. Every error that crosses a library boundary is a kg::Error
// with a stable code (tests assert on the code, never on the wording) and, where it has
// one, the place it refers to: a file and a byte offset, or a file:line:column.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kg {

/// Stable error codes. Never renumber; append new codes at the end.
enum class Errc : int {
    io_error = 1,            ///< a file or directory could not be read or written
    invalid_utf8 = 2,        ///< input bytes are not UTF-8; `offset` is the first bad byte
    binary_input = 3,        ///< the input holds NUL bytes: not a text document
    ontology_syntax = 4,     ///< an ontology file is not valid JSON
    ontology_schema = 5,     ///< an ontology file is valid JSON with a wrong shape or value
    ontology_conflict = 6,   ///< two ontology records contradict each other
    unicode_error = 7,       ///< ICU reported a failure
    forbidden_character = 8, ///< an exporter met a character its format cannot hold
    export_error = 9,        ///< an exporter could not write its output
    usage = 10,              ///< bad command-line usage
    graphviz_error = 11,     ///< libcgraph or libgvc reported a failure
    resource_exhausted = 12, ///< no memory, thread or process could be had
    model_format = 13,       ///< a model file is truncated, corrupt or of another version; `offset` is where
    input_record = 14,       ///< an article record is unusable: not JSON, no text, an unreadable date or front matter; `line` is where
    duplicate_document = 15, ///< an article already read (same URL or same text): read once
    partial_format = 16,     ///< a partial graph is not one, is damaged, or does not fit the others; `line` is where
    distributed = 17,        ///< MPI reported a failure, or a rank of a distributed build failed
};

/// Short stable name of a code, e.g. "invalid-utf8"; used in messages as `[invalid-utf8]`.
std::string_view errc_name(Errc code) noexcept;

/// An error with a stable code and an optional location. `what()` reads
/// "FILE:LINE:COL: message [code]" or "FILE: byte N: message [code]" when a location is
/// known, so a user can jump straight to the spot.
class Error : public std::runtime_error {
public:
    Error(Errc code, std::string message, std::string file = {}, std::int64_t line = -1,
          std::int64_t column = -1, std::int64_t byte_offset = -1);

    Errc code() const noexcept { return code_; }
    const std::string& file() const noexcept { return file_; }
    std::int64_t line() const noexcept { return line_; }
    std::int64_t column() const noexcept { return column_; }
    std::int64_t byte_offset() const noexcept { return byte_offset_; }
    /// The message without the location prefix and code suffix.
    const std::string& message() const noexcept { return message_; }

    /// An error at a byte offset of a file (input text).
    static Error at_byte(Errc code, std::string message, std::string file, std::int64_t offset) {
        return Error(code, std::move(message), std::move(file), -1, -1, offset);
    }

private:
    Errc code_;
    std::string message_;
    std::string file_;
    std::int64_t line_;
    std::int64_t column_;
    std::int64_t byte_offset_;
};

} // namespace kg
