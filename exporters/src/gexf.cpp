// SPDX-License-Identifier: Apache-2.0
// GEXF writer: one streaming pass over the graph, igraph style. See the format card in
// kg/export/gexf.hpp; escaping lives in xml_escape.cpp, viewer styles in viz.cpp.
#include "kg/export/gexf.hpp"

#include "evidence.hpp"
#include "kg/error.hpp"
#include "kg/export/edge_id.hpp"
#include "xml_escape.hpp"

#include <algorithm>
#include <charconv>
#include <ios>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {
namespace {

using detail::ForbiddenPolicy;
using detail::ValueContext;
using detail::XmlPlace;

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
    "  <meta>\n"
    "    <creator>kgraph</creator>\n"
    "    <description>Entities and typed relations read from news articles, with their evidence</description>\n"
    "  </meta>\n"
    "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n";

struct Declared {
    std::string_view id;
    std::string_view type;
};
constexpr Declared kNodeAttributes[] = {{"class", "string"},    {"coarse_class", "string"}, {"aliases", "liststring"},
                                        {"wikidata", "string"}, {"mentions", "integer"},    {"documents", "integer"}};
constexpr Declared kEdgeAttributes[] = {{"relation", "string"},       {"status", "string"},     {"symmetric", "boolean"},
                                        {"sources", "liststring"},    {"dates", "liststring"},  {"quantities", "liststring"},
                                        {"roles", "liststring"},      {"attributed_to", "liststring"},
                                        {"evidence", "string"}};

/// A time interval [start, end] of ISO dates (YYYY-MM-DD).
using Spell = std::pair<std::string, std::string>;

bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The interval a graph date covers (see the format card), or nothing for another shape.
std::optional<Spell> spell_of(std::string_view d) {
    if (d.size() < 4 || !digits(d.substr(0, 4))) return std::nullopt;
    const std::string year(d.substr(0, 4));
    if (d.size() == 4) return Spell{year + "-01-01", year + "-12-31"};
    if (d.size() < 7 || d[4] != '-' || !digits(d.substr(5, 2))) return std::nullopt;
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    if (month < 1 || month > 12) return std::nullopt;
    const std::string ym(d.substr(0, 7));
    if (d.size() == 7) {
        const int y = std::stoi(year);
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const int last = month == 2 && leap ? 29 : days[month - 1];
        return Spell{ym + "-01", ym + "-" + std::to_string(last)};
    }
    if (d.size() != 10 || d[7] != '-' || !digits(d.substr(8, 2))) return std::nullopt;
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    if (day < 1 || day > 31) return std::nullopt;
    return Spell{std::string(d), std::string(d)};
}

/// Sorted, with overlapping intervals merged.
void normalise(std::vector<Spell>& spells) {
    std::sort(spells.begin(), spells.end());
    std::vector<Spell> merged;
    for (auto& s : spells) {
        if (!merged.empty() && s.first <= merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
        else merged.push_back(std::move(s));
    }
    spells = std::move(merged);
}

class GexfWriter {
public:
    GexfWriter(const KnowledgeGraph& graph, std::ostream& out, const GexfOptions& options)
        : graph_(graph), g_(graph.graph()), out_(out), options_(options) {
        policy_.drop = options.drop_forbidden;
        policy_.warn = &options.warn;
    }

    void write() {
        timeline();
        raw(kHeader);
        declare("node", kNodeAttributes);
        declare("edge", kEdgeAttributes);
        const std::vector<Point> placement = initial_placement(graph_);
        raw("    <nodes count=\"");
        number(boost::num_vertices(g_));
        raw("\">\n");
        for (auto [v, end] = boost::vertices(g_); v != end; ++v) {
            write_node(*v, placement[*v]);
            check_stream();
        }
        raw("    </nodes>\n    <edges count=\"");
        number(boost::num_edges(g_));
        raw("\">\n");
        std::size_t index = 0;
        for (auto [e, end] = boost::edges(g_); e != end; ++e, ++index) {
            write_edge(*e, index);
            check_stream();
        }
        raw("    </edges>\n  </graph>\n</gexf>\n");
        out_.flush();
        check_stream();
    }

private:
    using Vertex = KnowledgeGraph::Vertex;
    using Edge = KnowledgeGraph::Edge;

    void raw(std::string_view s) { out_.write(s.data(), static_cast<std::streamsize>(s.size())); }
    void number(std::uint64_t value) {
        char buffer[24];
        raw(std::string_view(buffer, static_cast<std::size_t>(std::to_chars(buffer, buffer + sizeof buffer, value).ptr - buffer)));
    }
    void check_stream() {
        if (!out_) throw Error(Errc::export_error, "GEXF: the output stream failed while writing");
    }
    void text(std::string_view value, const ValueContext& where) {
        detail::write_xml(out_, value, XmlPlace::attribute, where, policy_);
    }

    template <std::size_t N>
    void declare(std::string_view domain, const Declared (&attributes)[N]) {
        raw("    <attributes class=\"");
        raw(domain);
        raw("\" mode=\"static\">\n");
        for (const Declared& a : attributes) {
            raw("      <attribute id=\"");
            raw(a.id);
            raw("\" title=\"");
            raw(a.id);
            raw("\" type=\"");
            raw(a.type);
            raw("\"/>\n");
        }
        raw("    </attributes>\n");
    }

    /// Spells of every edge (by edge index) and node (by vertex) -- see the format card.
    void timeline() {
        edge_spells_.assign(boost::num_edges(g_), {});
        node_spells_.assign(boost::num_vertices(g_), {});
        std::vector<char> timeless(boost::num_vertices(g_), 0), has_edges(boost::num_vertices(g_), 0);
        std::size_t index = 0;
        for (auto [e, end] = boost::edges(g_); e != end; ++e, ++index) {
            auto& spells = edge_spells_[index];
            for (const Evidence& ev : g_[*e].evidence)
                if (auto s = spell_of(ev.date)) spells.push_back(std::move(*s));
            normalise(spells);
            for (const Vertex v : {boost::source(*e, g_), boost::target(*e, g_)}) {
                has_edges[v] = 1;
                if (spells.empty()) timeless[v] = 1;
                else node_spells_[v].insert(node_spells_[v].end(), spells.begin(), spells.end());
            }
        }
        for (std::size_t v = 0; v < node_spells_.size(); ++v) {
            if (timeless[v] || !has_edges[v]) node_spells_[v].clear();
            normalise(node_spells_[v]);
        }
    }

    void spells(const std::vector<Spell>& list) {
        if (list.empty()) return;
        raw("        <spells>\n");
        for (const auto& [start, end] : list) {
            raw("          <spell start=\"");
            raw(start);
            raw("\" end=\"");
            raw(end);
            raw("\"/>\n");
        }
        raw("        </spells>\n");
    }

    void open_value(std::string_view id) {
        if (!values_open_) raw("        <attvalues>\n");
        values_open_ = true;
        raw("          <attvalue for=\"");
        raw(id);
        raw("\" value=\"");
    }
    void close_value() { raw("\"/>\n"); }
    void close_values() {
        if (values_open_) raw("        </attvalues>\n");
        values_open_ = false;
    }
    void string_value(std::string_view id, std::string_view value, ValueContext where) {
        if (value.empty()) return;
        where.field = id;
        open_value(id);
        text(value, where);
        close_value();
    }
    void number_value(std::string_view id, std::uint64_t value) {
        open_value(id);
        number(value);
        close_value();
    }
    /// A liststring: ["a", "b"], each item quoted with '"' and '\' backslash-escaped.
    template <class Range>
    void list_value(std::string_view id, const Range& items, ValueContext where) {
        if (std::empty(items)) return;
        list_.clear();
        list_ += '[';
        for (const auto& item : items) {
            if (list_.size() > 1) list_ += ", ";
            list_ += '"';
            for (const char c : std::string_view(item)) {
                if (c == '"' || c == '\\') list_ += '\\';
                list_ += c;
            }
            list_ += '"';
        }
        list_ += ']';
        string_value(id, list_, where);
    }

    void viz_color(Rgb c) {
        raw("        <viz:color r=\"");
        number(c.r);
        raw("\" g=\"");
        number(c.g);
        raw("\" b=\"");
        number(c.b);
        raw("\"/>\n");
    }

    void write_node(Vertex v, Point at) {
        const EntityNode& node = g_[v];
        if (node.id.empty()) throw Error(Errc::export_error, "GEXF: a node has an empty id");
        ValueContext where{"node", node.id, "id"};
        raw("      <node id=\"");
        text(node.id, where);
        raw("\" label=\"");
        where.field = "label";
        text(node.label.empty() ? node.id : node.label, where);
        raw("\">\n");
        string_value("class", node.type, where);
        string_value("coarse_class", node.coarse, where);
        list_value("aliases", node.aliases, where);
        string_value("wikidata", node.wikidata, where);
        number_value("mentions", node.mentions);
        number_value("documents", node.documents.size());
        close_values();
        spells(node_spells_[v]);
        viz_color(options_.viz.node_color(node.type));
        raw("        <viz:position x=\"");
        raw(viz_number(at.x));
        raw("\" y=\"");
        raw(viz_number(at.y));
        raw("\" z=\"0\"/>\n        <viz:size value=\"");
        raw(viz_number(node_size(node.mentions)));
        raw("\"/>\n        <viz:shape value=\"");
        raw(options_.viz.node_shape(node.type));
        raw("\"/>\n      </node>\n");
    }

    void write_edge(Edge e, std::size_t index) {
        const RelationEdge& edge = g_[e];
        const std::string& source = g_[boost::source(e, g_)].id;
        const std::string& target = g_[boost::target(e, g_)].id;
        id_ = edge_id(source, edge.type, target);
        ValueContext where{"edge", id_, "id", source, target};
        raw("      <edge id=\"");
        text(id_, where);
        raw("\" source=\"");
        where.field = "source";
        text(source, where);
        raw("\" target=\"");
        where.field = "target";
        text(target, where);
        raw("\" kind=\"");
        where.field = "kind";
        text(edge.type, where);
        raw("\" label=\"");
        where.field = "label";
        text(edge.type, where);
        raw("\" weight=\"");
        number(edge.weight());
        raw("\">\n");
        string_value("relation", edge.type, where);
        string_value("status", to_string(edge.status()), where);
        open_value("symmetric");
        raw(edge.symmetric ? "true" : "false");
        close_value();
        list_value("sources", edge.sources, where);
        list_value("dates", detail::distinct_values(edge, &Evidence::date, values_), where);
        list_value("quantities", detail::distinct_values(edge, &Evidence::quantity, values_), where);
        list_value("roles", detail::distinct_values(edge, &Evidence::role, values_), where);
        list_value("attributed_to", detail::distinct_values(edge, &Evidence::attributed_to, values_), where);
        if (!edge.evidence.empty()) {
            json_.clear();
            detail::append_evidence_json(json_, edge);
            string_value("evidence", json_, where);
        }
        close_values();
        spells(edge_spells_[index]);
        viz_color(options_.viz.edge_color(edge.type));
        raw("        <viz:thickness value=\"");
        raw(viz_number(edge_thickness(edge.weight())));
        raw("\"/>\n      </edge>\n");
    }

    const KnowledgeGraph& graph_;
    const KnowledgeGraph::Graph& g_;
    std::ostream& out_;
    const GexfOptions& options_;
    ForbiddenPolicy policy_;
    bool values_open_ = false;
    std::vector<std::vector<Spell>> edge_spells_, node_spells_;
    std::string id_, list_, json_;
    std::vector<std::string_view> values_;
};

} // namespace

void write_gexf(const KnowledgeGraph& graph, std::ostream& out, const GexfOptions& options) {
    if (!out) throw Error(Errc::export_error, "GEXF: the output stream is not writable");
    try {
        GexfWriter(graph, out, options).write();
    } catch (const std::ios_base::failure& e) {
        throw Error(Errc::export_error, std::string("GEXF: the output stream failed: ") + e.what());
    }
}

} // namespace kg
