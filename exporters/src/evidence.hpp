// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the exporters: evidence fields as the writers summarise them.
#include "kg/graph/model.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// The distinct non-empty values of one evidence field of `edge`, sorted, into `out`.
template <class Member>
const std::vector<std::string_view>& distinct_values(const RelationEdge& edge, Member member,
                                                     std::vector<std::string_view>& out) {
    out.clear();
    for (const Evidence& ev : edge.evidence)
        if (!(ev.*member).empty()) out.emplace_back(ev.*member);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// Appends `value` as a JSON string literal (RFC 8259): '"' '\' and controls escaped,
/// U+FFFE/U+FFFF as \ufffe/\uffff; other bytes copied (the caller's XML escaper refuses
/// malformed UTF-8).
void append_json_string(std::string& out, std::string_view value);

/// Appends the evidence of `edge` as the JSON array of the GraphML format card:
/// [{"document","begin","end","text","status"[,"date","quantity","role","attributed_to"]}].
void append_evidence_json(std::string& out, const RelationEdge& edge);

} // namespace kg::detail
