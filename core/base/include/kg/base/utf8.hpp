// SPDX-License-Identifier: Apache-2.0
#pragma once
// UTF-8 on raw bytes: the one implementation of well-formedness (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF) that readers and writers share.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg {

/// One decoded code point and the bytes it took; `length` 0 means the bytes at that place
/// do not start a well-formed sequence.
struct Utf8Char {
    std::uint32_t code_point = 0;
    std::size_t length = 0;
};

/// Decode the sequence that starts at `bytes[i]` (i < size).
Utf8Char decode_utf8(std::string_view bytes, std::size_t i) noexcept;

/// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept;

/// `bytes` with each byte that is not part of a well-formed sequence replaced by U+FFFD,
/// into `out`; returns how many were replaced.
std::size_t replace_invalid_utf8(std::string_view bytes, std::string& out);

/// Offset of the first NUL byte, or nullopt.
std::optional<std::size_t> find_nul(std::string_view bytes) noexcept;

/// Decode one code point at `pos` of valid UTF-8; returns it and advances `pos`.
char32_t next_code_point(std::string_view valid_utf8, std::size_t& pos) noexcept;

/// 1-based line and column (in code points) of a byte offset, for messages.
struct LineColumn { std::size_t line = 1, column = 1; };
LineColumn line_column(std::string_view text, std::size_t offset) noexcept;

} // namespace kg
