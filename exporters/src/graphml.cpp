// SPDX-License-Identifier: Apache-2.0
// GraphML writer: one streaming pass over the graph, igraph style. See the format card in
// kg/export/graphml.hpp; the escaping rules live in xml_escape.cpp.
#include "kg/export/graphml.hpp"

#include "evidence.hpp"
#include "kg/error.hpp"
#include "kg/export/edge_id.hpp"
#include "xml_escape.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <ios>
#include <limits>
#include <string_view>
#include <vector>

namespace kg {
namespace {

using detail::ForbiddenPolicy;
using detail::ValueContext;
using detail::XmlPlace;

/// One <key>. Ids are readable and distinct between nodes and edges ("n_" and "e_"), except
/// two that Neo4j APOC matches on the key *id*, not on attr.name: node "labels" (read as
/// node labels) and edge "label" (read as the relationship type when it is the first
/// <data> child of an edge).
struct KeySpec {
    std::string_view id;
    std::string_view domain;
    std::string_view name;
    std::string_view type;
};

// Sorted by (for, attr.name), as the format card promises.
constexpr KeySpec kKeys[] = {
    {"e_attributed_to", "edge", "attributed_to", "string"},
    {"e_dates", "edge", "dates", "string"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_evidence_omitted", "edge", "evidence_omitted", "int"},
    {"e_id", "edge", "id", "string"},
    {"label", "edge", "label", "string"},
    {"e_quantities", "edge", "quantities", "string"},
    {"e_reported", "edge", "reported", "string"},
    {"e_roles", "edge", "roles", "string"},
    {"e_sources", "edge", "sources", "string"},
    {"e_status", "edge", "status", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_weight", "edge", "weight", "int"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_class", "node", "class", "string"},
    {"n_color", "node", "color", "string"},
    {"n_documents", "node", "documents", "int"},
    {"n_first_seen", "node", "first_seen", "string"},
    {"n_label", "node", "label", "string"},
    {"labels", "node", "labels", "string"},
    {"n_last_seen", "node", "last_seen", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_size", "node", "size", "double"},
    {"n_type", "node", "type", "string"},
    {"n_wikidata", "node", "wikidata", "string"},
    {"n_x", "node", "x", "double"},
    {"n_y", "node", "y", "double"},
};

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

constexpr char kListSeparator = '|';

class GraphmlWriter {
public:
    GraphmlWriter(const KnowledgeGraph& graph, std::ostream& out, const GraphmlOptions& options)
        : graph_(graph), out_(out), options_(options) {
        policy_.drop = options.drop_forbidden;
        policy_.warn = &options.warn;
    }

    void write() {
        raw(kHeader);
        for (const KeySpec& key : kKeys) {
            const ValueContext where{"key", key.id, "attr.name"};
            raw("  <key id=\"");
            raw(key.id);
            raw("\" for=\"");
            raw(key.domain);
            raw("\" attr.name=\"");
            detail::write_xml(out_, key.name, XmlPlace::attribute, where, policy_);
            raw("\" attr.type=\"");
            raw(key.type);
            raw("\"/>\n");
        }
        raw("  <graph id=\"G\" edgedefault=\"directed\">\n");
        const auto& g = graph_.graph();
        const std::vector<Point> placement = initial_placement(graph_);
        for (auto [v, end] = boost::vertices(g); v != end; ++v) {
            write_node(g[*v], placement[*v]);
            check_stream();
        }
        for (auto [e, end] = boost::edges(g); e != end; ++e) {
            write_edge(*e);
            check_stream();
        }
        raw("  </graph>\n</graphml>\n");
        out_.flush();
        check_stream();
    }

private:
    void raw(std::string_view s) { out_.write(s.data(), static_cast<std::streamsize>(s.size())); }

    void check_stream() {
        if (!out_) throw Error(Errc::export_error, "GraphML: the output stream failed while writing");
    }

    void number(std::uint64_t value) {
        char buffer[std::numeric_limits<std::uint64_t>::digits10 + 2];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        out_.write(buffer, result.ptr - buffer);
    }

    /// A value for a key declared attr.type="int" (32-bit signed in Java readers).
    void int_value(std::uint64_t value, const ValueContext& where) {
        if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max())) {
            throw Error(Errc::export_error, std::string(where.element) + " \"" + std::string(where.id) +
                                                "\" field \"" + std::string(where.field) +
                                                "\": value " + std::to_string(value) +
                                                " does not fit GraphML attr.type int");
        }
        number(value);
    }

    void open_data(std::string_view key) {
        raw("      <data key=\"");
        raw(key);
        raw("\">");
    }
    void close_data() { raw("</data>\n"); }

    void text_data(std::string_view key, std::string_view value, const ValueContext& where) {
        open_data(key);
        detail::write_xml(out_, value, XmlPlace::text, where, policy_);
        close_data();
    }

    /// Writes `items` joined with '|' (nothing at all when there are none). An item that
    /// itself holds '|' cannot be told apart by readers that split: that is reported.
    template <class Range>
    void list_data(std::string_view key, const Range& items, ValueContext where) {
        if (std::empty(items)) return;
        open_data(key);
        bool first = true;
        for (const auto& item : items) {
            const std::string_view value(item);
            if (!first) {
                out_.put(kListSeparator);
                ++where.offset;
            }
            first = false;
            if (value.find(kListSeparator) != std::string_view::npos) warn_separator(where, value);
            detail::write_xml(out_, value, XmlPlace::text, where, policy_);
            where.offset += value.size();
        }
        close_data();
    }

    void warn_separator(const ValueContext& where, std::string_view value) const {
        if (!options_.warn) return;
        options_.warn(std::string(where.element) + " \"" + std::string(where.id) + "\" field \"" +
                      std::string(where.field) + "\": value \"" + std::string(value) +
                      "\" holds the list separator '|'; readers that split the list see two values");
    }

    void write_node(const EntityNode& node, Point at) {
        labels_.clear();
        for (const std::string* part : {&node.coarse, &node.type}) {
            if (part->empty() || (part == &node.type && node.type == node.coarse)) continue;
            labels_ += ':';
            labels_ += *part;
        }
        ValueContext where{"node", node.id, "id"};
        if (node.id.empty()) throw Error(Errc::export_error, "GraphML: a node has an empty id");
        raw("    <node id=\"");
        detail::write_xml(out_, node.id, XmlPlace::attribute, where, policy_);
        if (!options_.plain && !labels_.empty()) {
            raw("\" labels=\"");
            where.field = "labels";
            detail::write_xml(out_, labels_, XmlPlace::attribute, where, policy_);
        }
        raw("\">\n");

        where.field = "label";
        text_data("n_label", node.label, where);
        where.field = "type";
        text_data("n_type", node.type, where);
        if (!node.coarse.empty()) {
            where.field = "class";
            text_data("n_class", node.coarse, where);
        }
        if (!labels_.empty()) {
            where.field = "labels";
            text_data("labels", labels_, where);
        }
        where.field = "aliases";
        list_data("n_aliases", node.aliases, where);
        if (!node.wikidata.empty()) {
            where.field = "wikidata";
            text_data("n_wikidata", node.wikidata, where);
        }
        where.field = "mentions";
        open_data("n_mentions");
        int_value(node.mentions, where);
        close_data();
        where.field = "documents";
        open_data("n_documents");
        int_value(node.documents.size(), where);
        close_data();
        if (!node.first_seen.empty()) {
            where.field = "first_seen";
            text_data("n_first_seen", node.first_seen, where);
            where.field = "last_seen";
            text_data("n_last_seen", node.last_seen, where);
        }
        // What viewers draw with (sigma.js, Gephi): size, colour, an initial placement.
        open_data("n_size");
        raw(viz_number(node_size(node.mentions)));
        close_data();
        open_data("n_color");
        raw(hex_color(options_.viz.node_color(node.type)));
        close_data();
        open_data("n_x");
        raw(viz_number(at.x));
        close_data();
        open_data("n_y");
        raw(viz_number(at.y));
        close_data();
        raw("    </node>\n");
    }

    /// The distinct non-empty values of one evidence field, sorted.
    template <class Member>
    const std::vector<std::string_view>& distinct(const RelationEdge& edge, Member member) {
        return detail::distinct_values(edge, member, values_);
    }

    void write_edge(KnowledgeGraph::Edge e) {
        const auto& g = graph_.graph();
        const RelationEdge& edge = g[e];
        const std::string& source = g[boost::source(e, g)].id;
        const std::string& target = g[boost::target(e, g)].id;

        id_ = edge_id(source, edge.type, target);
        // Neo4j relationship type: the predicate in UPPER_SNAKE case (ASCII letters only).
        upper_type_ = edge.type;
        for (char& c : upper_type_) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }

        ValueContext where{"edge", id_, "source", source, target};
        raw("    <edge id=\"");
        where.field = "id";
        detail::write_xml(out_, id_, XmlPlace::attribute, where, policy_);
        where.field = "source";
        raw("\" source=\"");
        detail::write_xml(out_, source, XmlPlace::attribute, where, policy_);
        raw("\" target=\"");
        where.field = "target";
        detail::write_xml(out_, target, XmlPlace::attribute, where, policy_);
        if (!options_.plain) {
            raw("\" label=\"");
            where.field = "label";
            detail::write_xml(out_, upper_type_, XmlPlace::attribute, where, policy_);
        }
        raw("\">\n");

        where.field = "label"; // first child: APOC reads the relationship type from it
        text_data("label", upper_type_, where);
        where.field = "id"; // APOC keeps no edge id of its own: this one becomes a property
        text_data("e_id", id_, where);
        where.field = "type";
        text_data("e_type", edge.type, where);
        where.field = "weight";
        open_data("e_weight");
        int_value(edge.weight(), where);
        close_data();
        where.field = "status";
        text_data("e_status", to_string(edge.status()), where);
        if (!edge.evidence.empty()) {
            where.field = "evidence";
            open_data("e_evidence");
            write_evidence(edge, where);
            close_data();
        }
        if (edge.evidence_dropped) {
            where.field = "evidence_omitted";
            open_data("e_evidence_omitted");
            int_value(edge.evidence_dropped, where);
            close_data();
        }
        where.field = "sources";
        list_data("e_sources", edge.sources, where);
        where.field = "dates";
        list_data("e_dates", distinct(edge, &Evidence::date), where);
        where.field = "reported";
        list_data("e_reported", edge.reported, where);
        where.field = "quantities";
        list_data("e_quantities", distinct(edge, &Evidence::quantity), where);
        where.field = "roles";
        list_data("e_roles", distinct(edge, &Evidence::role), where);
        where.field = "attributed_to";
        list_data("e_attributed_to", distinct(edge, &Evidence::attributed_to), where);
        raw("    </edge>\n");
    }

    /// JSON array of evidence objects, in the edge's (sorted) evidence order. Messages name
    /// the entry and member, e.g. `field "evidence[2].text"`, and the byte in that member.
    void write_evidence(const RelationEdge& edge, ValueContext where) {
        const auto string_member = [&](std::string_view name, std::string_view value, bool always) {
            if (!always && value.empty()) return;
            raw(",\"");
            raw(name);
            raw("\":");
            where.member = name;
            detail::write_json_string_in_xml(out_, value, where, policy_);
        };
        out_.put('[');
        where.index = 0;
        for (const Evidence& ev : edge.evidence) {
            if (where.index != 0) out_.put(',');
            raw("{\"document\":");
            where.member = "document";
            detail::write_json_string_in_xml(out_, ev.document, where, policy_);
            raw(",\"begin\":");
            number(ev.begin);
            raw(",\"end\":");
            number(ev.end);
            string_member("text", ev.text, true);
            string_member("status", to_string(ev.status), true);
            string_member("date", ev.date, false);
            string_member("reported", ev.reported, false);
            // The article the sentence is from, as its record gives it.
            if (const DocumentInfo* doc = graph_.document(ev.document)) {
                const DocumentInfo& info = *doc;
                string_member("url", info.url, false);
                string_member("title", info.title, false);
                string_member("outlet", info.outlet, false);
                if (!info.authors.empty()) {
                    raw(",\"authors\":[");
                    where.member = "authors";
                    for (std::size_t k = 0; k < info.authors.size(); ++k) {
                        if (k) out_.put(',');
                        detail::write_json_string_in_xml(out_, info.authors[k], where, policy_);
                    }
                    out_.put(']');
                }
            }
            string_member("quantity", ev.quantity, false);
            string_member("role", ev.role, false);
            string_member("attributed_to", ev.attributed_to, false);
            out_.put('}');
            ++where.index;
        }
        out_.put(']');
    }

    const KnowledgeGraph& graph_;
    std::ostream& out_;
    const GraphmlOptions& options_;
    ForbiddenPolicy policy_;
    std::string labels_;     // reused per node
    std::string id_;         // reused per edge
    std::string upper_type_; // reused per edge
    std::vector<std::string_view> values_;
};

} // namespace

void write_graphml(const KnowledgeGraph& graph, std::ostream& out, const GraphmlOptions& options) {
    if (!out) throw Error(Errc::export_error, "GraphML: the output stream is not writable");
    try {
        GraphmlWriter(graph, out, options).write();
    } catch (const std::ios_base::failure& e) {
        throw Error(Errc::export_error, std::string("GraphML: the output stream failed: ") + e.what());
    }
}

} // namespace kg
