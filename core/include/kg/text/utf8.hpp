#pragma once
// UTF-8 checks on raw bytes, before anything else looks at a document.
#include <cstddef>
#include <optional>
#include <string_view>

namespace kg {

/// Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
/// forms, surrogates and code points above U+10FFFF are ill-formed), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept;

/// Offset of the first NUL byte, or nullopt.
std::optional<std::size_t> find_nul(std::string_view bytes) noexcept;

/// Decode one code point at `pos` of valid UTF-8; returns it and advances `pos`.
char32_t next_code_point(std::string_view valid_utf8, std::size_t& pos) noexcept;

/// 1-based line and column (in code points) of a byte offset, for messages.
struct LineColumn { std::size_t line = 1, column = 1; };
LineColumn line_column(std::string_view text, std::size_t offset) noexcept;

} // namespace kg
