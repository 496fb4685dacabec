// SPDX-License-Identifier: Apache-2.0
// Mermaid writer. See the format card in kg/export/mermaid.hpp.
#include "kg/export/mermaid.hpp"

#include "kg/base/utf8.hpp"
#include "kg/error.hpp"
#include "kg/export/viz.hpp"
#include "style_lookup.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace kg {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

/// `prefix` then `name` with A-Z a-z 0-9 and '_' kept, and every other byte, and a '_'
/// that comes before an 'X', as "_X" and two hex digits: "_X" always starts an escape, so
/// distinct names stay distinct.
std::string encoded(std::string_view prefix, std::string_view name) {
    std::string out(prefix);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const auto b = static_cast<unsigned char>(c);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           (c == '_' && !(i + 1 < name.size() && name[i + 1] == 'X'));
        if (plain) out += c;
        else out += "_X", out += hex_digits[b >> 4], out += hex_digits[b & 0xF];
    }
    return out;
}

/// A style colour usable in CSS ("#rgb" or "#rrggbb"), else empty.
std::string css_color(const DotAttributes& attrs, const char* key) {
    auto it = attrs.find(key);
    if (it == attrs.end() || !parse_hex_color(it->second)) return {};
    return it->second;
}

using detail::lookup;
using detail::merged;

} // namespace

std::string mermaid_text(std::string_view text, std::size_t* replaced) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        switch (c) {
        case '"': out += "#quot;", ++i; continue;
        case '#': out += "#35;", ++i; continue;
        case '&': out += "#amp;", ++i; continue;
        case '<': out += "#lt;", ++i; continue;
        case '>': out += "#gt;", ++i; continue;
        case '|': out += "#124;", ++i; continue;
        case '`': out += "#96;", ++i; continue;
        case '\r':
        case '\n':
        case '\t': out += ' ', ++i; continue;
        default: break;
        }
        const Utf8Char ch = decode_utf8(text, i);
        if (ch.length == 0 || ch.code_point < 0x20 || ch.code_point == 0x7F || ch.code_point == 0xFFFE || ch.code_point == 0xFFFF) {
            out += "\xEF\xBF\xBD";
            if (replaced) ++*replaced;
            i += ch.length == 0 ? 1 : ch.length;
            continue;
        }
        out.append(text, i, ch.length);
        i += ch.length;
    }
    return out;
}

std::string mermaid_id(std::string_view id) { return encoded("e_", id); }

void write_mermaid(const KnowledgeGraph& graph, std::ostream& out, const MermaidOptions& o) {
    const DotSelection sel = select_view(graph, o.view);
    const auto& bg = graph.graph();
    std::size_t replaced = 0;
    auto text = [&](std::string_view t) { return mermaid_text(t, &replaced); };

    std::string s;
    s += "%% kgraph: " + std::to_string(sel.vertices.size()) + " entities, " + std::to_string(sel.edges.size()) +
         " relations (a diagram; GraphML and JSON-LD hold the evidence)\n";
    s += "graph LR\n";
    std::set<std::string> classes;
    for (auto v : sel.vertices) {
        const EntityNode& n = graph.entity(v);
        classes.insert(n.type);
        s += "  " + mermaid_id(n.id) + "[\"" + text(display_label(o.style, n)) + "\"]:::" + encoded("c_", n.type) + "\n";
    }
    std::string link_styles;
    std::size_t index = 0;
    for (auto e : sel.edges) {
        const RelationEdge& r = graph.relation(e);
        const ClaimStatus status = r.status();
        const bool doubtful = status == ClaimStatus::alleged || status == ClaimStatus::denied;
        DotAttributes attrs = merged(o.style.relations, r.type);
        if (auto it = o.style.statuses.find(to_string(status)); it != o.style.statuses.end())
            for (const auto& [k, v] : it->second) attrs[k] = v;
        const bool undirected = r.symmetric || (attrs.count("dir") && attrs["dir"] == "none");
        const char* arrow = doubtful ? (undirected ? "-.-" : "-.->") : (undirected ? "---" : "-->");
        s += "  " + mermaid_id(graph.entity(boost::source(e, bg)).id) + " " + arrow + "|\"" +
             text(lookup(o.style.relation_labels, r.type)) + "\"| " + mermaid_id(graph.entity(boost::target(e, bg)).id) + "\n";
        const double width = std::clamp(1 + std::log2(std::max<double>(1, r.weight())), 1.0, std::max(1.0, o.max_width));
        std::string style = "stroke-width:" + viz_number(width) + "px";
        if (const std::string c = css_color(attrs, "color"); !c.empty()) style = "stroke:" + c + "," + style;
        link_styles += "  linkStyle " + std::to_string(index++) + " " + style + "\n";
    }
    for (const auto& c : classes) {
        const DotAttributes a = merged(o.style.classes, c);
        std::string def;
        for (const auto& [key, css] : {std::pair{"fillcolor", "fill"}, std::pair{"color", "stroke"}, std::pair{"fontcolor", "color"}})
            if (const std::string v = css_color(a, key); !v.empty()) def += (def.empty() ? "" : ",") + std::string(css) + ":" + v;
        if (!def.empty()) s += "  classDef " + encoded("c_", c) + " " + def + "\n";
    }
    s += link_styles;
    if (o.warn) {
        if (sel.before_budget > 0)
            o.warn("Mermaid: " + std::to_string(sel.vertices.size()) + " of " + std::to_string(sel.before_budget) +
                   " entities: the most connected (--max-nodes sets how many; 0 draws all)");
        if (replaced)
            o.warn("Mermaid: " + std::to_string(replaced) + " character(s) no renderer can show replaced by U+FFFD in labels");
        if (sel.edges.size() > 500 || s.size() > 50000)
            o.warn("Mermaid: " + std::to_string(sel.edges.size()) + " relations, " + std::to_string(s.size()) +
                   " characters: over Mermaid's default maxEdges (500) or maxTextSize (50000); narrow the view with --focus, "
                   "--max-nodes, --min-weight or --relations");
    }
    out << s;
    out.flush();
    if (!out.good()) throw Error(Errc::export_error, "Mermaid: writing to the output stream failed");
}

} // namespace kg
