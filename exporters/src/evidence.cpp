// SPDX-License-Identifier: Apache-2.0
#include "evidence.hpp"

#include "kg/base/utf8.hpp"

#include <charconv>

namespace kg::detail {

void append_json_string(std::string& out, std::string_view value) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x80) {
            const Utf8Char ch = decode_utf8(value, i);
            if (ch.length != 0 && (ch.code_point == 0xFFFE || ch.code_point == 0xFFFF)) {
                out += ch.code_point == 0xFFFE ? "\\ufffe" : "\\uffff";
                i += ch.length;
            } else {
                const std::size_t n = ch.length == 0 ? 1 : ch.length;
                out.append(value, i, n);
                i += n;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
}

void append_evidence_json(std::string& out, const RelationEdge& edge) {
    const auto number = [&](std::uint64_t v) {
        char buffer[24];
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
    };
    const auto member = [&](std::string_view name, std::string_view value, bool always) {
        if (!always && value.empty()) return;
        out += ",\"";
        out += name;
        out += "\":";
        append_json_string(out, value);
    };
    out += '[';
    bool first = true;
    for (const Evidence& ev : edge.evidence) {
        if (!first) out += ',';
        first = false;
        out += "{\"document\":";
        append_json_string(out, ev.document);
        out += ",\"begin\":";
        number(ev.begin);
        out += ",\"end\":";
        number(ev.end);
        member("text", ev.text, true);
        member("status", to_string(ev.status), true);
        member("date", ev.date, false);
        member("quantity", ev.quantity, false);
        member("role", ev.role, false);
        member("attributed_to", ev.attributed_to, false);
        out += '}';
    }
    out += ']';
}

} // namespace kg::detail
