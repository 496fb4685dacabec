// SPDX-License-Identifier: Apache-2.0
// Stable relation ids. See the format card in kg/export/edge_id.hpp.
#include "kg/export/edge_id.hpp"

namespace kg {
namespace {

void append_component(std::string& out, std::string_view name) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        const bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                          c == '.' || c == '-';
        if (kept) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
}

} // namespace

std::string edge_id(std::string_view source, std::string_view type, std::string_view target) {
    std::string out;
    out.reserve(source.size() + type.size() + target.size() + 2);
    append_component(out, source);
    out += ':';
    append_component(out, type);
    out += ':';
    append_component(out, target);
    return out;
}

std::string edge_id(const KnowledgeGraph& graph, KnowledgeGraph::Edge e) {
    const auto& g = graph.graph();
    return edge_id(g[boost::source(e, g)].id, g[e].type, g[boost::target(e, g)].id);
}

} // namespace kg
