// SPDX-License-Identifier: Apache-2.0
#include "xml_escape.hpp"

#include "kg/error.hpp"

#include <array>

namespace kg::detail {

namespace {

void append_hex(std::string& out, std::uint32_t value, int digits) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += hex[(value >> shift) & 0xFu];
}

std::string describe(const ValueContext& where) {
    std::string out;
    out += where.element;
    out += " \"";
    out += where.id;
    out += '"';
    if (!where.source.empty() || !where.target.empty()) {
        out += " (";
        out += where.source;
        out += " -> ";
        out += where.target;
        out += ')';
    }
    out += " field \"";
    out += where.field;
    if (where.index != static_cast<std::size_t>(-1)) {
        out += '[';
        out += std::to_string(where.index);
        out += "].";
        out += where.member;
    }
    out += '"';
    return out;
}

/// What is wrong at one position: a code point XML cannot hold, or malformed UTF-8.
std::string what_is_forbidden(std::string_view value, std::size_t i, std::uint32_t cp, bool malformed) {
    std::string out;
    if (malformed) {
        out = "invalid UTF-8 (byte 0x";
        append_hex(out, static_cast<unsigned char>(value[i]), 2);
        out += ')';
    } else {
        out = "character U+";
        append_hex(out, cp, 4);
        out += " that XML 1.0 cannot hold";
    }
    return out;
}

/// Counts what was dropped from one value and reports it once, at the end.
class Forbidden {
public:
    Forbidden(std::string_view value, const ValueContext& where, const ForbiddenPolicy& policy)
        : value_(value), where_(where), policy_(policy) {}

    /// Called at each forbidden position; throws unless dropping.
    void hit(std::size_t i, std::size_t length, std::uint32_t cp, bool malformed) {
        if (!policy_.drop) {
            throw Error(Errc::forbidden_character,
                        describe(where_) + ": " + what_is_forbidden(value_, i, cp, malformed) +
                            " at byte " + std::to_string(where_.offset + i) + " of the value");
        }
        if (dropped_ == 0) first_ = what_is_forbidden(value_, i, cp, malformed) + " at byte " +
                                    std::to_string(where_.offset + i);
        dropped_ += length;
    }

    void report() const {
        if (dropped_ == 0 || policy_.warn == nullptr || !*policy_.warn) return;
        (*policy_.warn)(describe(where_) + ": dropped " + std::to_string(dropped_) +
                        " byte(s) XML cannot hold, first " + first_);
    }

private:
    std::string_view value_;
    const ValueContext& where_;
    const ForbiddenPolicy& policy_;
    std::size_t dropped_ = 0;
    std::string first_;
};

} // namespace

void write_xml(std::ostream& out, std::string_view value, XmlPlace place, const ValueContext& where,
               const ForbiddenPolicy& policy) {
    const bool attribute = place == XmlPlace::attribute;
    Forbidden forbidden(value, where, policy);
    std::size_t run = 0; // start of the bytes not yet written
    const auto flush = [&](std::size_t end) {
        if (end > run) out.write(value.data() + run, static_cast<std::streamsize>(end - run));
    };
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        const char* entity = nullptr;
        if (c >= 0x80) {
            const Utf8Char ch = decode_utf8(value, i);
            if (ch.length != 0 && ch.code_point != 0xFFFE && ch.code_point != 0xFFFF) {
                i += ch.length;
                continue;
            }
            flush(i);
            const std::size_t skip = ch.length == 0 ? 1 : ch.length;
            forbidden.hit(i, skip, ch.code_point, ch.length == 0);
            i += skip;
            run = i;
            continue;
        }
        switch (c) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break; // "]]>" may not appear in character data
        case '"': entity = attribute ? "&quot;" : nullptr; break;
        case '\'': entity = attribute ? "&apos;" : nullptr; break;
        case '\n': entity = attribute ? "&#10;" : nullptr; break;
        case '\t': entity = "&#9;"; break;
        case '\r': entity = "&#13;"; break;
        default:
            if (c < 0x20) {
                flush(i);
                forbidden.hit(i, 1, c, false);
                run = ++i;
                continue;
            }
        }
        if (entity != nullptr) {
            flush(i);
            out << entity;
            run = i + 1;
        }
        ++i;
    }
    flush(value.size());
    forbidden.report();
}

void write_json_string_in_xml(std::ostream& out, std::string_view value, const ValueContext& where,
                              const ForbiddenPolicy& policy) {
    Forbidden forbidden(value, where, policy);
    std::size_t run = 0;
    const auto flush = [&](std::size_t end) {
        if (end > run) out.write(value.data() + run, static_cast<std::streamsize>(end - run));
    };
    out.put('"');
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x80) {
            const Utf8Char ch = decode_utf8(value, i);
            if (ch.length == 0) {
                flush(i);
                forbidden.hit(i, 1, 0, true);
                run = ++i;
            } else if (ch.code_point == 0xFFFE || ch.code_point == 0xFFFF) {
                flush(i);
                out << (ch.code_point == 0xFFFE ? "\\ufffe" : "\\uffff");
                i += ch.length;
                run = i;
            } else {
                i += ch.length;
            }
            continue;
        }
        const char* escape = nullptr;
        std::array<char, 7> u{'\\', 'u', '0', '0', '0', '0', '\0'};
        switch (c) {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '&': escape = "&amp;"; break; // the JSON text sits in XML character data
        case '<': escape = "&lt;"; break;
        case '>': escape = "&gt;"; break;
        default:
            if (c < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                u[4] = hex[c >> 4];
                u[5] = hex[c & 0xFu];
                escape = u.data();
            }
        }
        if (escape != nullptr) {
            flush(i);
            out << escape;
            run = i + 1;
        }
        ++i;
    }
    flush(value.size());
    out.put('"');
    forbidden.report();
}

} // namespace kg::detail
