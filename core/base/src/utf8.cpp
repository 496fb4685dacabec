// SPDX-License-Identifier: Apache-2.0
#include "kg/base/utf8.hpp"

#include <cstring>

namespace kg {

Utf8Char decode_utf8(std::string_view s, std::size_t i) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    std::uint32_t cp = 0, min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, cp = lead & 0x1Fu, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, cp = lead & 0x0Fu, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, cp = lead & 0x07u, min = 0x10000;
    } else {
        return {}; // a continuation byte, a C0/C1 overlong lead, or F5..FF
    }
    if (s.size() - i < length) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char c = byte(i + k);
        if ((c & 0xC0u) != 0x80u) return {};
        cp = (cp << 6) | (c & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, length};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t i = 0; i < bytes.size();) {
        if (s[i] < 0x80) { ++i; continue; } // the common case, without a call
        const std::size_t n = decode_utf8(bytes, i).length;
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::size_t replace_invalid_utf8(std::string_view s, std::string& out) {
    out.clear();
    std::size_t replaced = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decode_utf8(s, i).length;
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++replaced;
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return replaced;
}

std::optional<std::size_t> find_nul(std::string_view bytes) noexcept {
    if (const void* p = std::memchr(bytes.data(), 0, bytes.size()))
        return static_cast<std::size_t>(static_cast<const char*>(p) - bytes.data());
    return std::nullopt;
}

char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) { ++pos; return c; }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int k = 1; k < len && pos + static_cast<std::size_t>(k) < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos + static_cast<std::size_t>(k)]) & 0x3F);
    pos += static_cast<std::size_t>(len);
    return cp;
}

LineColumn line_column(std::string_view text, std::size_t offset) noexcept {
    LineColumn lc;
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++lc.line; lc.column = 1; }
        else if ((c & 0xC0) != 0x80) ++lc.column; // count code points, not bytes
    }
    return lc;
}

} // namespace kg
