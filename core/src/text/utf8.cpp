#include "kg/text/utf8.hpp"

#include <cstring>

namespace kg {

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; } // no surrogates
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return i;
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::nullopt;
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
