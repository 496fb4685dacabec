// SPDX-License-Identifier: Apache-2.0
// select_view: which entities and relations a diagram shows (focus and depth, class and
// relation filters, minimum weight, node budget). Pure graph code; no Graphviz here, so it
// is tested on its own.
#include "kg/error.hpp"
#include "kg/export/dot.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace kg {
namespace {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

constexpr std::string_view kCooccurrence = "mentioned_with";

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool icontains(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return false;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
    return it != haystack.end();
}

// The entities a focus string names: by id, else by label, else by alias.
std::vector<Vertex> resolve_focus(const KnowledgeGraph& kg, const std::string& focus) {
    if (auto v = kg.find(focus)) return {*v};
    std::vector<Vertex> by_label, by_alias;
    for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) {
        const EntityNode& n = kg.entity(v);
        if (iequals(n.label, focus)) by_label.push_back(v);
        else if (std::any_of(n.aliases.begin(), n.aliases.end(), [&](const std::string& a) { return iequals(a, focus); }))
            by_alias.push_back(v);
    }
    if (!by_label.empty()) return by_label;
    if (!by_alias.empty()) return by_alias;

    std::vector<std::string> near;
    for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) {
        const EntityNode& n = kg.entity(v);
        bool hit = icontains(n.label, focus) || icontains(n.id, focus) ||
                   std::any_of(n.aliases.begin(), n.aliases.end(), [&](const std::string& a) { return icontains(a, focus); });
        if (hit && near.size() < 5) near.push_back("\"" + n.label + "\" (" + n.id + ")");
    }
    std::string message = "--focus \"" + focus + "\" matches no entity id, label or alias";
    if (!near.empty()) {
        message += "; did you mean";
        for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : " ") + near[i];
    }
    throw Error(Errc::usage, message);
}

struct Filter {
    const DotView& view;
    bool cooccurrence_fallback = false;

    bool relation_shown(const std::string& type) const {
        if (view.relations.empty()) return type != kCooccurrence || cooccurrence_fallback;
        return view.relations.count("*") != 0 || view.relations.count(type) != 0;
    }
    bool class_shown(const EntityNode& n) const {
        return view.classes.empty() || view.classes.count(n.type) != 0 || view.classes.count(n.coarse) != 0;
    }
};

DotSelection select(const KnowledgeGraph& kg, const DotView& view, const Filter& filter) {
    const auto& g = kg.graph();
    const std::size_t n = kg.entity_count();

    std::vector<char> is_focus(n, 0);
    for (const auto& f : view.focus)
        for (Vertex v : resolve_focus(kg, f)) is_focus[v] = 1;
    const bool focused = !view.focus.empty();

    auto vertex_allowed = [&](Vertex v) { return is_focus[v] || filter.class_shown(kg.entity(v)); };

    // Relations that pass the type, weight and class filters.
    std::vector<Edge> candidates;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const RelationEdge& r = kg.relation(e);
        if (!filter.relation_shown(r.type) || r.weight() < view.min_weight) continue;
        if (!vertex_allowed(boost::source(e, g)) || !vertex_allowed(boost::target(e, g))) continue;
        candidates.push_back(e);
    }

    // Entities in view: the ego network of the focus, or every allowed entity.
    std::vector<char> in(n, 0);
    if (focused) {
        std::vector<std::vector<Vertex>> adjacent(n);
        for (Edge e : candidates) {
            Vertex s = boost::source(e, g), t = boost::target(e, g);
            adjacent[s].push_back(t);
            adjacent[t].push_back(s);
        }
        std::vector<unsigned> distance(n, ~0u);
        std::deque<Vertex> queue;
        for (Vertex v = 0; v < n; ++v)
            if (is_focus[v]) distance[v] = 0, queue.push_back(v);
        while (!queue.empty()) {
            Vertex v = queue.front();
            queue.pop_front();
            in[v] = 1;
            if (distance[v] >= view.depth) continue;
            for (Vertex w : adjacent[v])
                if (distance[w] == ~0u) distance[w] = distance[v] + 1, queue.push_back(w);
        }
    } else {
        for (Vertex v = 0; v < n; ++v) in[v] = vertex_allowed(v);
    }

    auto edges_within = [&] {
        std::vector<Edge> out;
        for (Edge e : candidates)
            if (in[boost::source(e, g)] && in[boost::target(e, g)]) out.push_back(e);
        return out;
    };
    std::vector<Edge> edges = edges_within();

    // The node budget keeps the most connected entities (focus first).
    std::size_t before_budget = 0;
    if (view.max_nodes > 0) {
        std::vector<std::size_t> degree(n, 0);
        for (Edge e : edges) ++degree[boost::source(e, g)], ++degree[boost::target(e, g)];
        std::vector<Vertex> ranked;
        for (Vertex v = 0; v < n; ++v)
            if (in[v] && (view.isolated || is_focus[v] || degree[v] > 0)) ranked.push_back(v);
        if (ranked.size() > view.max_nodes) {
            std::sort(ranked.begin(), ranked.end(), [&](Vertex a, Vertex b) {
                const EntityNode& x = kg.entity(a);
                const EntityNode& y = kg.entity(b);
                if (is_focus[a] != is_focus[b]) return is_focus[a] > is_focus[b];
                if (degree[a] != degree[b]) return degree[a] > degree[b];
                if (x.mentions != y.mentions) return x.mentions > y.mentions;
                return x.id < y.id;
            });
            before_budget = ranked.size();
            std::fill(in.begin(), in.end(), 0);
            for (std::size_t i = 0; i < view.max_nodes; ++i) in[ranked[i]] = 1;
            edges = edges_within();
        }
    }

    std::vector<char> touched(n, 0);
    for (Edge e : edges) touched[boost::source(e, g)] = touched[boost::target(e, g)] = 1;
    DotSelection out;
    for (Vertex v = 0; v < n; ++v) {
        if (in[v] && (view.isolated || is_focus[v] || touched[v])) out.vertices.push_back(v);
        if (is_focus[v]) out.focus.push_back(v);
    }
    out.edges = std::move(edges);
    out.before_budget = before_budget;
    return out;
}

} // namespace

DotSelection select_view(const KnowledgeGraph& graph, const DotView& view) {
    Filter filter{view};
    DotSelection out = select(graph, view, filter);
    // Co-occurrence is left out by default, unless it is all there is to draw.
    if (out.edges.empty() && view.relations.empty()) {
        filter.cooccurrence_fallback = true;
        DotSelection fallback = select(graph, view, filter);
        if (!fallback.edges.empty()) return fallback;
    }
    return out;
}

} // namespace kg
