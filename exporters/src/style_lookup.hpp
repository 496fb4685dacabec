// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the exporters: a DotStyle read the way every diagram writer (DOT, Mermaid, the
// HTML report) reads it.
#include "kg/export/dot.hpp"

#include <map>
#include <string>

namespace kg::detail {

/// Attributes of `item` over those of "*", from one style section.
inline DotAttributes merged(const std::map<std::string, DotAttributes>& section, const std::string& item) {
    DotAttributes out;
    if (auto it = section.find("*"); it != section.end()) out = it->second;
    if (auto it = section.find(item); it != section.end())
        for (const auto& [k, v] : it->second) out[k] = v;
    return out;
}

/// The display text of `key` (a class, relation type or status), else the key itself.
inline std::string lookup(const std::map<std::string, std::string>& labels, const std::string& key) {
    auto it = labels.find(key);
    return it == labels.end() ? key : it->second;
}

} // namespace kg::detail
