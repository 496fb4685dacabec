// SPDX-License-Identifier: Apache-2.0
#pragma once
// Strings that break writers: one table, run through every exporter (GraphML, DOT,
// JSON-LD) and, where possible, through a reader we did not write. Each entry says what
// the bytes are, so a test can decide what its format must do with them:
//   valid_utf8      the bytes are well-formed UTF-8 (JSON text can hold them, escaped);
//   valid_xml_text  XML 1.0 can hold them after escaping (no C0 control other than tab,
//                   LF, CR; no U+FFFE/U+FFFF; well-formed UTF-8).
// Use: `for (const auto& a : kg::test::adversarial_strings()) { DYNAMIC_SECTION(a.name) ... }`
#include <string>
#include <string_view>
#include <vector>

namespace kg::test {

struct AdversarialString {
    std::string_view name; ///< short, printable, unique; fit for a Catch2 section name
    std::string bytes;     ///< the value itself (may hold NUL)
    bool valid_utf8;
    bool valid_xml_text;
};

/// The table, built once. Strings are std::string so embedded NULs survive.
inline const std::vector<AdversarialString>& adversarial_strings() {
    using namespace std::string_literals;
    static const std::vector<AdversarialString> table = {
        // Quoting and escaping.
        {"double quote", "say \"no\"", true, true},
        {"single quote", "Kim's 'visit'", true, true},
        {"backslash", R"(C:\Users\kim\n)", true, true},
        {"trailing backslash", "ends with \\", true, true},
        {"xml specials", "<b>&amp; a&b</b> > <", true, true},
        {"cdata end", "]]>", true, true},
        {"entity lookalike", "&#0; &lt; &#x1;", true, true},
        // Whitespace: XML parsers normalise CR and (in attributes) tab and LF.
        {"newline", "line one\nline two", true, true},
        {"crlf", "line one\r\nline two", true, true},
        {"lone cr", "a\rb", true, true},
        {"tab", "col\tcol", true, true},
        {"only newline", "\n", true, true},
        {"leading and trailing spaces", "  padded  ", true, true},
        // What XML 1.0 cannot hold.
        {"control 0x01", "a\x01z", true, false},
        {"vertical tab 0x0B", "a\x0Bz", true, false},
        {"form feed 0x0C", "page\x0C" "break", true, false},
        {"escape 0x1B", "\x1B[31mred", true, false},
        {"embedded NUL", "before\0after"s, true, false},
        {"U+FFFE", "x\xEF\xBF\xBEy", true, false},
        {"U+FFFF", "x\xEF\xBF\xBFy", true, false},
        // Malformed UTF-8.
        {"invalid C3 28", "\xC3\x28", false, false},
        {"lone continuation 80", "a\x80z", false, false},
        {"truncated E2 82", "price \xE2\x82", false, false},
        {"overlong C0 AF", "\xC0\xAF", false, false},
        {"encoded surrogate", "\xED\xA0\x80", false, false},
        {"above U+10FFFF", "\xF4\x90\x80\x80", false, false},
        {"latin-1 byte", "Citt\xE0", false, false},
        // Unicode that must pass through byte for byte.
        {"C1 control U+0085", "next\xC2\x85line", true, true},
        {"arabic rtl", "\xD9\x83\xD9\x88\xD8\xB1\xD9\x8A\xD8\xA7 \xD8\xA7\xD9\x84\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A\xD8\xA9", true, true},
        {"hebrew rtl", "\xD7\xA7\xD7\x95\xD7\xA8\xD7\x99\xD7\x90\xD7\x94", true, true},
        {"emoji non-BMP", "\xF0\x9F\x9A\x80 launch \xF0\x9F\x87\xB0\xF0\x9F\x87\xB5", true, true},
        {"combining marks (NFD)", "Pyo\xCC\x88ngyang Cafe\xCC\x81", true, true},
        {"cyrillic homoglyph", "N\xD0\xB0to", true, true},
        {"hangul", "\xEA\xB9\x80\xEC\xA0\x95\xEC\x9D\x80", true, true},
        {"zero width joiner", "a\xE2\x80\x8D" "b", true, true},
        {"BOM inside", "\xEF\xBB\xBFtitle", true, true},
        {"U+FFFD", "\xEF\xBF\xBD", true, true},
        {"max code point", "\xF4\x8F\xBF\xBF", true, true},
        // DOT keywords and number-like ids.
        {"dot node", "node", true, true},
        {"dot edge", "edge", true, true},
        {"dot graph", "graph", true, true},
        {"dot strict", "strict", true, true},
        {"dot subgraph", "subgraph", true, true},
        {"dot Digraph", "Digraph", true, true},
        {"empty", "", true, true},
        {"leading digit", "1st Armored", true, true},
        {"minus", "-", true, true},
        {"dot five", ".5", true, true},
        {"dotted number", "1.2.3", true, true},
        {"separator pipe", "a|b", true, true},
        {"json lookalike", R"({"@id": "x", "a": [1]})", true, true},
        {"long 300", std::string(290, 'x') + "0123456789", true, true},
    };
    return table;
}

} // namespace kg::test
