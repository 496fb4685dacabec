// SPDX-License-Identifier: Apache-2.0
// kg/base/utf8.hpp: well-formedness checks on raw bytes (RFC 3629 / Unicode table 3-7),
// NUL detection, code point decoding and line:column for messages.
#include "kg/base/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace std::string_literals;
using namespace std::string_view_literals;

TEST_CASE("utf8: well-formed multi-byte text has no invalid byte", "[text][utf8]") {
    CHECK_FALSE(kg::find_invalid_utf8(""));
    CHECK_FALSE(kg::find_invalid_utf8("plain ASCII, with punctuation!"));
    // 2-, 3- and 4-byte sequences: Šojgu, 평양, em dash, emoji.
    CHECK_FALSE(kg::find_invalid_utf8("\xC5\xA0ojgu \xED\x8F\x89\xEC\x96\x91 \xE2\x80\x94 \xF0\x9F\x9A\x80"));
    // The edges of every valid range.
    CHECK_FALSE(kg::find_invalid_utf8("\xC2\x80"));         // U+0080, smallest 2-byte
    CHECK_FALSE(kg::find_invalid_utf8("\xDF\xBF"));         // U+07FF
    CHECK_FALSE(kg::find_invalid_utf8("\xE0\xA0\x80"));     // U+0800, smallest 3-byte
    CHECK_FALSE(kg::find_invalid_utf8("\xED\x9F\xBF"));     // U+D7FF, just below the surrogates
    CHECK_FALSE(kg::find_invalid_utf8("\xEE\x80\x80"));     // U+E000, just above them
    CHECK_FALSE(kg::find_invalid_utf8("\xEF\xBF\xBF"));     // U+FFFF (a noncharacter, but well-formed)
    CHECK_FALSE(kg::find_invalid_utf8("\xF0\x90\x80\x80")); // U+10000, smallest 4-byte
    CHECK_FALSE(kg::find_invalid_utf8("\xF4\x8F\xBF\xBF")); // U+10FFFF, the last code point
    CHECK_FALSE(kg::find_invalid_utf8("\xEF\xBB\xBFwith BOM"));
}

TEST_CASE("utf8: overlong forms are rejected at their first byte", "[text][utf8]") {
    CHECK(kg::find_invalid_utf8("ab\xC0\xAF") == 2u);           // '/' as 2 bytes
    CHECK(kg::find_invalid_utf8("\xC1\xBF") == 0u);             // U+007F as 2 bytes
    CHECK(kg::find_invalid_utf8("x\xE0\x80\x80y") == 1u);       // NUL as 3 bytes
    CHECK(kg::find_invalid_utf8("x\xE0\x9F\xBF") == 1u);        // U+07FF as 3 bytes
    CHECK(kg::find_invalid_utf8("abc\xF0\x8F\xBF\xBF") == 3u);  // U+FFFF as 4 bytes
}

TEST_CASE("utf8: surrogates are rejected", "[text][utf8]") {
    CHECK(kg::find_invalid_utf8("ok \xED\xA0\x80 tail") == 3u); // U+D800
    CHECK(kg::find_invalid_utf8("\xED\xBF\xBF") == 0u);         // U+DFFF
    // A CESU-8 pair (U+1F680 as two surrogates) is not UTF-8 either.
    CHECK(kg::find_invalid_utf8("\xED\xA0\xBD\xED\xBA\x80") == 0u);
}

TEST_CASE("utf8: code points above U+10FFFF and bytes F5..FF are rejected", "[text][utf8]") {
    CHECK(kg::find_invalid_utf8("\xF4\x90\x80\x80") == 0u);     // U+110000
    CHECK(kg::find_invalid_utf8("ab\xF5\x80\x80\x80") == 2u);
    CHECK(kg::find_invalid_utf8("\xF7\xBF\xBF\xBF") == 0u);
    CHECK(kg::find_invalid_utf8("a\xF8\x88\x80\x80\x80") == 1u); // old 5-byte form
    CHECK(kg::find_invalid_utf8("a\xFE") == 1u);
    CHECK(kg::find_invalid_utf8("a\xFF") == 1u);
}

TEST_CASE("utf8: sequences truncated at the end of the text", "[text][utf8]") {
    CHECK(kg::find_invalid_utf8("abc\xC3") == 3u);
    CHECK(kg::find_invalid_utf8("abc\xE2\x82") == 3u);
    CHECK(kg::find_invalid_utf8("abc\xE2") == 3u);
    CHECK(kg::find_invalid_utf8("\xF0\x9F\x9A") == 0u);
    CHECK(kg::find_invalid_utf8("\xC3\xA9\xF0\x9F") == 2u); // é then half an emoji
    // A view that cuts a valid sequence is checked on the bytes it holds.
    const std::string whole = "caf\xC3\xA9";
    CHECK(kg::find_invalid_utf8(std::string_view(whole).substr(0, 4)) == 3u);
}

TEST_CASE("utf8: sequences cut short in the middle of the text", "[text][utf8]") {
    CHECK(kg::find_invalid_utf8("\xE2\x82x") == 0u);        // 3-byte lead, 1 continuation
    CHECK(kg::find_invalid_utf8("ab\xC3 cd") == 2u);        // lead byte then a space
    CHECK(kg::find_invalid_utf8("\xF0\x9F\x9A\x41") == 0u); // 4th byte is 'A'
}

TEST_CASE("utf8: a lone continuation byte is rejected", "[text][utf8]") {
    CHECK(kg::find_invalid_utf8("\x80") == 0u);
    CHECK(kg::find_invalid_utf8("a\x80" "b") == 1u);
    CHECK(kg::find_invalid_utf8("\xC3\xA9\xA9") == 2u);     // é followed by a stray continuation
    CHECK(kg::find_invalid_utf8("\xE2\x80\x94\xBF") == 3u);
}

TEST_CASE("utf8: the first of several bad bytes is reported", "[text][utf8]") {
    CHECK(kg::find_invalid_utf8("ok\xC3\xA9 \xFF and \xC0\xAF") == 5u);
}

TEST_CASE("utf8: find_nul gives the first NUL byte", "[text][utf8]") {
    CHECK_FALSE(kg::find_nul(""));
    CHECK_FALSE(kg::find_nul("no nul here \xC3\xA9"));
    CHECK(kg::find_nul("\0"s) == 0u);
    CHECK(kg::find_nul("ab\0c\0"s) == 2u);
    CHECK(kg::find_nul("\xC3\xA9\0"s) == 2u);
    // NUL is valid UTF-8: the two checks are independent.
    CHECK_FALSE(kg::find_invalid_utf8("a\0b"sv));
}

TEST_CASE("utf8: next_code_point decodes and advances", "[text][utf8]") {
    const std::string s = "A\xC3\xA9\xE2\x80\x94\xF0\x9F\x9A\x80";
    std::size_t pos = 0;
    CHECK(kg::next_code_point(s, pos) == U'A');
    CHECK(pos == 1);
    CHECK(kg::next_code_point(s, pos) == U'\u00E9');
    CHECK(pos == 3);
    CHECK(kg::next_code_point(s, pos) == U'\u2014');
    CHECK(pos == 6);
    CHECK(kg::next_code_point(s, pos) == U'\U0001F680');
    CHECK(pos == 10);
}

TEST_CASE("utf8: line_column counts lines and code points, 1-based", "[text][utf8]") {
    const std::string t = "ab\ncd";
    CHECK(kg::line_column(t, 0).line == 1);
    CHECK(kg::line_column(t, 0).column == 1);
    CHECK(kg::line_column(t, 2).column == 3); // the newline itself
    CHECK(kg::line_column(t, 3).line == 2);
    CHECK(kg::line_column(t, 3).column == 1);
    CHECK(kg::line_column(t, 4).line == 2);
    CHECK(kg::line_column(t, 4).column == 2);
}

TEST_CASE("utf8: line_column columns are code points, not bytes", "[text][utf8]") {
    // "é평🚀x": 2 + 3 + 4 bytes before 'x', which is the 4th character.
    const std::string t = "\xC3\xA9\xED\x8F\x89\xF0\x9F\x9A\x80x";
    auto lc = kg::line_column(t, 9);
    CHECK(lc.line == 1);
    CHECK(lc.column == 4);
    // Second line: "\n" resets the column; "Šx" -> 'x' is column 2.
    const std::string u = "first\n\xC5\xA0x";
    lc = kg::line_column(u, 8);
    CHECK(lc.line == 2);
    CHECK(lc.column == 2);
}

TEST_CASE("utf8: line_column of an offset past the end clamps to the end", "[text][utf8]") {
    const std::string t = "a\nbc";
    auto lc = kg::line_column(t, 1000);
    CHECK(lc.line == 2);
    CHECK(lc.column == 3);
}

TEST_CASE("utf8: decode_utf8 gives the code point and its length, or length 0", "[base][utf8]") {
    CHECK(kg::decode_utf8("A", 0).code_point == 'A');
    CHECK(kg::decode_utf8("\xC3\xA9", 0).length == 2);
    CHECK(kg::decode_utf8("\xC3\xA9", 0).code_point == 0xE9);
    CHECK(kg::decode_utf8("\xF0\x9F\x98\x80", 0).code_point == 0x1F600);
    CHECK(kg::decode_utf8("\xC0\xAF", 0).length == 0);     // overlong
    CHECK(kg::decode_utf8("\xED\xA0\x80", 0).length == 0); // surrogate
    CHECK(kg::decode_utf8("\xE2\x82", 0).length == 0);     // cut short
}

TEST_CASE("utf8: replace_invalid_utf8 puts U+FFFD for each bad byte", "[base][utf8]") {
    std::string out;
    CHECK(kg::replace_invalid_utf8("caf\xE9 ok", out) == 1);
    CHECK(out == "caf\xEF\xBF\xBD ok");
    CHECK(kg::replace_invalid_utf8("fine", out) == 0);
    CHECK(out == "fine");
}
