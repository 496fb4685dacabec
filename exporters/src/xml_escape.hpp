// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the exporters: escape values straight into an XML stream, refusing what
// XML 1.0 cannot hold. Not installed; the GraphML writer and its tests use it.
//
// XML 1.0 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// So a value is refused (or, with `drop`, cut) at: C0 controls other than tab, LF and CR
// (NUL included), U+FFFE, U+FFFF, and bytes that are not well-formed UTF-8 (stray
// continuation bytes, overlong forms, surrogates, code points above U+10FFFF, truncated
// sequences). Everything else is copied byte for byte, in runs, without allocating.
#include "kg/base/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace kg::detail {

/// Where an escaped value goes.
enum class XmlPlace : std::uint8_t {
    /// Character data: & < > become entities, CR and tab character references (parsers
    /// turn a raw CR into LF); LF and quotes are written as they are.
    text,
    /// A double-quoted attribute value: also " ' and LF become references (attribute
    /// value normalisation would turn raw tab, LF and CR into spaces).
    attribute,
};

/// What to do with bytes XML cannot hold, and whom to tell.
struct ForbiddenPolicy {
    bool drop = false;                                     ///< drop them instead of throwing
    const std::function<void(const std::string&)>* warn = nullptr; ///< told once per value
};

/// Names the value being written, for error and warning messages, e.g.
/// `node "Q423" data "aliases"` or `edge "e3" (Q159 -> Q423) data "evidence"`.
struct ValueContext {
    std::string_view element; ///< "node", "edge", "key"
    std::string_view id;      ///< the element's id
    std::string_view field;   ///< the attribute or data key name
    std::string_view source = {}; ///< edges: source id
    std::string_view target = {}; ///< edges: target id
    std::size_t offset = 0;   ///< where `value` starts inside the whole field (joined lists)
    std::size_t index = static_cast<std::size_t>(-1); ///< entry of a JSON array field, if any
    std::string_view member = {}; ///< member of that entry, e.g. "text"
};

/// Write `value` escaped for `place`. Throws kg::Error(Errc::forbidden_character) naming
/// `where` and the byte position when the value holds something XML cannot hold, unless
/// `policy.drop`, in which case those bytes are left out and `policy.warn` is called once.
void write_xml(std::ostream& out, std::string_view value, XmlPlace place, const ValueContext& where,
               const ForbiddenPolicy& policy);

/// Write `value` as a JSON string literal (RFC 8259, with its quotes), escaped for XML
/// character data. Control characters become \b \f \n \r \t or \u00XX and U+FFFE/U+FFFF
/// become \ufffe/\uffff, so they survive losslessly; only malformed UTF-8 is refused (or
/// dropped), as JSON text cannot hold it either.
void write_json_string_in_xml(std::ostream& out, std::string_view value, const ValueContext& where,
                              const ForbiddenPolicy& policy);

} // namespace kg::detail
