// SPDX-License-Identifier: Apache-2.0
// Neo4j writer: the property graph as neo4j-admin CSV files and a Cypher script, both from
// one table of rows per kind of node and relationship. See the format card in
// kg/export/neo4j.hpp.
#include "kg/export/neo4j.hpp"

#include "evidence.hpp"
#include "kg/base/utf8.hpp"
#include "kg/error.hpp"
#include "kg/export/edge_id.hpp"

#include <charconv>
#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace kg {
namespace {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

enum class Kind : std::uint8_t { text, integer, boolean, list };

/// One column: its CSV header, its key in a Cypher row ("" = CSV only), its kind.
struct Column {
    std::string_view header;
    std::string_view key;
    Kind kind;
};

struct Value {
    std::string text;
    std::uint64_t number = 0;
    std::vector<std::string> items;
};
using Row = std::vector<Value>;

// The tables. START/END columns are the `source` and `target` keys of a relationship row.
constexpr Column kEntity[] = {{"id:ID(Entity)", "id", Kind::text},       {":LABEL", "", Kind::text},
                              {"label", "label", Kind::text},            {"type", "type", Kind::text},
                              {"class", "class", Kind::text},            {"aliases:string[]", "aliases", Kind::list},
                              {"wikidata", "wikidata", Kind::text},      {"mentions:int", "mentions", Kind::integer},
                              {"documents:int", "documents", Kind::integer}};
constexpr Column kDocument[] = {{"id:ID(Document)", "id", Kind::text}, {":LABEL", "", Kind::text},
                                {"title", "title", Kind::text},        {"language", "language", Kind::text},
                                {"bytes:long", "bytes", Kind::integer}};
constexpr Column kEvidence[] = {{"id:ID(Evidence)", "id", Kind::text},
                                {":LABEL", "", Kind::text},
                                {"relation", "relation", Kind::text},
                                {"document", "document", Kind::text},
                                {"byte_begin:long", "byte_begin", Kind::integer},
                                {"byte_end:long", "byte_end", Kind::integer},
                                {"char_begin:long", "char_begin", Kind::integer},
                                {"char_end:long", "char_end", Kind::integer},
                                {"text", "text", Kind::text},
                                {"status", "status", Kind::text},
                                {"date", "date", Kind::text},
                                {"quantity", "quantity", Kind::text},
                                {"role", "role", Kind::text},
                                {"attributed_to", "attributed_to", Kind::text}};
constexpr Column kRelation[] = {{":START_ID(Entity)", "source", Kind::text},
                                {":END_ID(Entity)", "target", Kind::text},
                                {":TYPE", "", Kind::text},
                                {"id", "id", Kind::text},
                                {"type", "type", Kind::text},
                                {"weight:int", "weight", Kind::integer},
                                {"status", "status", Kind::text},
                                {"symmetric:boolean", "symmetric", Kind::boolean},
                                {"sources:string[]", "sources", Kind::list},
                                {"dates:string[]", "dates", Kind::list},
                                {"quantities:string[]", "quantities", Kind::list},
                                {"roles:string[]", "roles", Kind::list},
                                {"attributed_to:string[]", "attributed_to", Kind::list}};
constexpr Column kEvidenceIn[] = {
    {":START_ID(Evidence)", "source", Kind::text}, {":END_ID(Document)", "target", Kind::text}, {":TYPE", "", Kind::text}};
constexpr Column kMentionedIn[] = {
    {":START_ID(Entity)", "source", Kind::text}, {":END_ID(Document)", "target", Kind::text}, {":TYPE", "", Kind::text}};

struct Table {
    const Column* columns;
    std::size_t size;
    template <std::size_t N>
    Table(const Column (&c)[N]) : columns(c), size(N) {} // NOLINT: implicit on purpose
};

bool name_ok(std::string_view s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    for (const char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

void append_number(std::string& out, std::uint64_t v) {
    char buffer[24];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
}

class Neo4jWriter {
public:
    Neo4jWriter(const KnowledgeGraph& graph, const Neo4jOptions& options) : graph_(graph), g_(graph.graph()), options_(options) {}

    void write(const FileSink& file) {
        collect();
        // Structured bindings are not captured: clang 14 (the fuzzing build) cannot capture them.
        for (const auto& entry : entities_)
            file("neo4j-nodes-" + file_part(entry.first) + ".csv", [&](std::ostream& out) { csv(out, kEntity, entry.second); });
        file("neo4j-documents.csv", [&](std::ostream& out) { csv(out, kDocument, documents_); });
        file("neo4j-evidence.csv", [&](std::ostream& out) { csv(out, kEvidence, evidence_); });
        for (const auto& entry : relations_)
            file("neo4j-rels-" + entry.first + ".csv", [&](std::ostream& out) { csv(out, kRelation, entry.second); });
        file("neo4j-rels-EVIDENCE_IN.csv", [&](std::ostream& out) { csv(out, kEvidenceIn, evidence_in_); });
        file("neo4j-rels-MENTIONED_IN.csv", [&](std::ostream& out) { csv(out, kMentionedIn, mentioned_in_); });
        file("graph.cypher", [&](std::ostream& out) { cypher(out); });
    }

private:
    // ---- rows ------------------------------------------------------------------------------

    /// A text value, checked for UTF-8.
    Value text(std::string_view s, std::string_view what) {
        Value v;
        if (const auto bad = find_invalid_utf8(s)) {
            const std::string where = "Neo4j: " + std::string(what) + ": invalid UTF-8 at byte " + std::to_string(*bad);
            if (!options_.replace_invalid_utf8) throw Error(Errc::forbidden_character, where);
            replace_invalid_utf8(s, v.text);
            if (options_.warn) options_.warn(where + ": replaced with U+FFFD");
            return v;
        }
        v.text.assign(s);
        return v;
    }
    static Value number(std::uint64_t n) {
        Value v;
        v.number = n;
        return v;
    }
    template <class Range>
    Value list(const Range& items, std::string_view what) {
        Value v;
        for (const auto& item : items) {
            v.items.push_back(text(item, what).text);
            if (v.items.back().find(';') != std::string::npos && options_.warn)
                options_.warn(std::string(what) + ": value \"" + v.items.back() +
                              "\" holds the array delimiter ';'; neo4j-admin reads it as two values");
        }
        return v;
    }

    void collect() {
        // Entities, grouped by label set.
        for (auto [v, end] = boost::vertices(g_); v != end; ++v) {
            const EntityNode& n = g_[*v];
            std::vector<std::string> labels{"Entity"};
            for (const std::string* l : {&n.coarse, &n.type})
                if (!l->empty() && (labels.size() == 1 || *l != labels.back())) labels.push_back(*l);
            for (const std::string& l : labels)
                if (!name_ok(l)) throw Error(Errc::export_error, "Neo4j: entity \"" + n.id + "\": class \"" + l + "\" is not a usable label ([A-Za-z_][A-Za-z0-9_]*)");
            std::string key;
            for (const std::string& l : labels) key += (key.empty() ? "" : ";") + l;
            const std::string what = "entity \"" + n.id + "\"";
            entities_[key].push_back({text(n.id, what), text(key, what), text(n.label, what), text(n.type, what),
                                      text(n.coarse, what), list(n.aliases, what), text(n.wikidata, what),
                                      number(n.mentions), number(n.documents.size())});
            for (const std::string& d : n.documents) {
                mentioned_in_.push_back({text(n.id, what), text(d, what), text("MENTIONED_IN", what)});
                document(d, nullptr);
            }
        }
        for (const DocumentInfo& d : graph_.info().documents) document(d.id, &d);
        // Relations and their evidence.
        for (auto [e, end] = boost::edges(g_); e != end; ++e) {
            const RelationEdge& r = g_[*e];
            const std::string& s = g_[boost::source(*e, g_)].id;
            const std::string& t = g_[boost::target(*e, g_)].id;
            const std::string type = upper(r.type);
            if (!name_ok(type) || type == "EVIDENCE_IN" || type == "MENTIONED_IN")
                throw Error(Errc::export_error, "Neo4j: relation type \"" + r.type + "\" gives no usable relationship type");
            const std::string id = edge_id(s, r.type, t);
            const std::string what = "relation \"" + id + "\"";
            std::vector<std::string_view> scratch;
            Value symmetric = number(r.symmetric ? 1 : 0);
            relations_[type].push_back({text(s, what), text(t, what), text(type, what), text(id, what), text(r.type, what),
                                        number(r.weight()), text(to_string(r.status()), what), symmetric,
                                        list(r.sources, what), list(detail::distinct_values(r, &Evidence::date, scratch), what),
                                        list(detail::distinct_values(r, &Evidence::quantity, scratch), what),
                                        list(detail::distinct_values(r, &Evidence::role, scratch), what),
                                        list(detail::distinct_values(r, &Evidence::attributed_to, scratch), what)});
            if (r.evidence_dropped) sampled_.push_back({text(id, what), {}});
            for (const Evidence& ev : r.evidence) {
                std::string eid = id + "@" + ev.document + ":";
                append_number(eid, ev.begin);
                eid += '-';
                append_number(eid, ev.end);
                document(ev.document, nullptr);
                evidence_.push_back({text(eid, what), text("Evidence", what), text(id, what), text(ev.document, what),
                                     number(ev.begin), number(ev.end), number(ev.char_begin), number(ev.char_end),
                                     text(ev.text, what), text(to_string(ev.status), what), text(ev.date, what),
                                     text(ev.quantity, what), text(ev.role, what), text(ev.attributed_to, what)});
                if (r.evidence_dropped) sampled_.back().second.push_back(eid);
                evidence_in_.push_back({text(eid, what), text(ev.document, what), text("EVIDENCE_IN", what)});
            }
        }
        // Documents: the graph's in input order, then the others the data names, sorted.
        for (const auto& [id, info] : other_documents_) document_row(id, nullptr);
    }

    void document(const std::string& id, const DocumentInfo* info) {
        if (info) {
            if (document_seen_.insert(id).second) document_row(id, info);
            other_documents_.erase(id);
        } else if (!document_seen_.count(id)) {
            other_documents_.emplace(id, nullptr);
        }
    }
    void document_row(const std::string& id, const DocumentInfo* info) {
        const std::string what = "document \"" + id + "\"";
        documents_.push_back({text(id, what), text("Document", what), text(info ? info->title : "", what),
                              text(info ? info->language : "", what), number(info ? info->bytes : 0)});
        if (!info) documents_.back()[4] = Value{}; // unknown size: no property
        document_seen_.insert(id);
    }

    static std::string file_part(const std::string& labels) {
        std::string out;
        for (std::size_t start = labels.find(';') + 1; start != 0;) { // skip "Entity"
            const std::size_t end = labels.find(';', start);
            out += (out.empty() ? "" : "-") + labels.substr(start, end == std::string::npos ? std::string::npos : end - start);
            start = end == std::string::npos ? 0 : end + 1;
        }
        return out.empty() ? "Entity" : out;
    }

    // ---- CSV -------------------------------------------------------------------------------

    static void csv_quoted(std::string& line, std::string_view s) {
        line += '"';
        for (const char c : s) {
            if (c == '"') line += '"';
            line += c;
        }
        line += '"';
    }

    void csv(std::ostream& out, const Table& table, const std::vector<Row>& rows) const {
        std::string line;
        for (std::size_t c = 0; c < table.size; ++c) line += (c ? "," : "") + std::string(table.columns[c].header);
        line += '\n';
        out << line;
        for (const Row& row : rows) {
            line.clear();
            for (std::size_t c = 0; c < table.size; ++c) {
                if (c) line += ',';
                const Value& v = row[c];
                switch (table.columns[c].kind) {
                case Kind::text:
                    if (!v.text.empty()) csv_quoted(line, v.text);
                    break;
                case Kind::integer: append_number(line, v.number); break;
                case Kind::boolean: line += v.number ? "true" : "false"; break;
                case Kind::list:
                    if (!v.items.empty()) {
                        std::string joined;
                        for (const std::string& item : v.items) joined += (joined.empty() ? "" : ";") + item;
                        csv_quoted(line, joined);
                    }
                }
            }
            line += '\n';
            out << line;
        }
    }

    // ---- Cypher ----------------------------------------------------------------------------

    static void cypher_string(std::string& out, std::string_view s) {
        out += '\'';
        for (const char c : s) {
            if (c == '\\' || c == '\'') out += '\\';
            out += c;
        }
        out += '\'';
    }

    static void cypher_value(std::string& out, Kind kind, const Value& v) {
        if ((kind == Kind::text && v.text.empty()) || (kind == Kind::list && v.items.empty())) {
            out += "null"; // as an empty CSV field: no property
            return;
        }
        switch (kind) {
        case Kind::text: cypher_string(out, v.text); break;
        case Kind::integer: append_number(out, v.number); break;
        case Kind::boolean: out += v.number ? "true" : "false"; break;
        case Kind::list:
            out += '[';
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                if (i) out += ", ";
                cypher_string(out, v.items[i]);
            }
            out += ']';
        }
    }

    /// UNWIND statements over `rows`, `rows_per_statement` at a time, each `head` then a SET
    /// of every property. Rows are grouped by which lists are empty (Kuzu types a list literal
    /// of maps strictly: an empty or null list cannot sit beside a list of strings), and an
    /// empty list is set to null in the SET itself; order within a group is kept.
    void unwind(std::ostream& out, const Table& table, const std::vector<Row>& rows, const std::string& head,
                std::string_view var) const {
        const bool links = table.columns == kEvidenceIn || table.columns == kMentionedIn;
        std::map<std::uint32_t, std::vector<std::size_t>> groups; // empty-list mask -> rows
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::uint32_t mask = 0;
            for (std::size_t c = 0; c < table.size; ++c)
                if (table.columns[c].kind == Kind::list && rows[r][c].items.empty()) mask |= 1u << c;
            groups[mask].push_back(r);
        }
        const std::size_t per = std::max<std::size_t>(1, options_.rows_per_statement);
        std::string text;
        for (const auto& [mask, members] : groups) {
            std::string set;
            for (std::size_t c = 0; c < table.size && !links; ++c) {
                const Column& col = table.columns[c];
                if (col.key.empty() || col.key == "id" || col.key == "source" || col.key == "target") continue;
                set += set.empty() ? "\nSET " : ", ";
                set += std::string(var) + "." + std::string(col.key) + " = ";
                set += (mask & (1u << c)) ? std::string("null") : "row." + std::string(col.key);
            }
            for (std::size_t first = 0; first < members.size(); first += per) {
                text = "UNWIND [";
                for (std::size_t k = first; k < members.size() && k < first + per; ++k) {
                    const Row& row = rows[members[k]];
                    text += k == first ? "\n  {" : ",\n  {";
                    bool any = false;
                    for (std::size_t c = 0; c < table.size; ++c) {
                        const Column& col = table.columns[c];
                        if (col.key.empty() || (mask & (1u << c))) continue;
                        text += any ? ", " : "";
                        any = true;
                        text += col.key;
                        text += ": ";
                        cypher_value(text, col.kind, row[c]);
                    }
                    text += '}';
                }
                text += "\n] AS row\n" + head + set + ";\n";
                out << text;
            }
        }
    }

    void cypher(std::ostream& out) const {
        out << "// kgraph: the knowledge graph as Cypher (Neo4j 5). Run: cypher-shell -f graph.cypher\n"
               "// Idempotent: every statement MERGEs on kgraph ids and sets every property, so a second\n"
               "// run changes nothing and the script of a rebuild adds only what is new.\n"
               "CREATE CONSTRAINT kgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
               "CREATE CONSTRAINT kgraph_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;\n"
               "CREATE CONSTRAINT kgraph_evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;\n";
        unwind(out, kDocument, documents_, "MERGE (n:Document {id: row.id})", "n");
        for (const auto& [labels, rows] : entities_) unwind(out, kEntity, rows, "MERGE (n:Entity {id: row.id})", "n");
        // Labels beyond :Entity, one statement per label set (and per rows_per_statement ids).
        const std::size_t per = std::max<std::size_t>(1, options_.rows_per_statement);
        for (const auto& [labels, rows] : entities_) {
            std::string set_labels = "SET n";
            for (std::size_t start = labels.find(';') + 1; start != 0;) {
                const std::size_t end = labels.find(';', start);
                set_labels += ":" + labels.substr(start, end == std::string::npos ? std::string::npos : end - start);
                start = end == std::string::npos ? 0 : end + 1;
            }
            if (set_labels == "SET n") continue;
            for (std::size_t first = 0; first < rows.size(); first += per) {
                std::string text = "MATCH (n:Entity) WHERE n.id IN [";
                for (std::size_t r = first; r < rows.size() && r < first + per; ++r) {
                    if (r != first) text += ", ";
                    cypher_string(text, rows[r][0].text);
                }
                out << text << "]\n" << set_labels << ";\n";
            }
        }
        unwind(out, kEvidence, evidence_, "MERGE (n:Evidence {id: row.id})", "n");
        for (const auto& [type, rows] : relations_)
            unwind(out, kRelation, rows,
                   "MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})\nMERGE (a)-[r:" + type + " {id: row.id}]->(b)", "r");
        // A relation over the evidence limit keeps a sample, which a rebuild with more
        // articles may change: the sentences that left it go, so that the script of a rebuild
        // gives the database of that build alone.
        for (const auto& [relation, kept] : sampled_) {
            std::string text = "MATCH (n:Evidence) WHERE n.relation = ";
            cypher_string(text, relation.text);
            text += " AND NOT n.id IN [";
            for (std::size_t k = 0; k < kept.size(); ++k) {
                if (k) text += ", ";
                cypher_string(text, kept[k]);
            }
            out << text << "]\nDETACH DELETE n;\n";
        }
        unwind(out, kEvidenceIn, evidence_in_,
               "MATCH (a:Evidence {id: row.source}), (b:Document {id: row.target})\nMERGE (a)-[:EVIDENCE_IN]->(b)", "r");
        unwind(out, kMentionedIn, mentioned_in_,
               "MATCH (a:Entity {id: row.source}), (b:Document {id: row.target})\nMERGE (a)-[:MENTIONED_IN]->(b)", "r");
    }

    const KnowledgeGraph& graph_;
    const KnowledgeGraph::Graph& g_;
    const Neo4jOptions& options_;
    std::map<std::string, std::vector<Row>> entities_;  // by label set "Entity;Actor;State"
    std::map<std::string, std::vector<Row>> relations_; // by relationship type
    std::vector<Row> documents_, evidence_, evidence_in_, mentioned_in_;
    /// Relations over the evidence limit, with the ids of the evidence they keep.
    std::vector<std::pair<Value, std::vector<std::string>>> sampled_;
    std::set<std::string> document_seen_;
    std::map<std::string, const DocumentInfo*> other_documents_;
};

} // namespace

void write_neo4j(const KnowledgeGraph& graph, const FileSink& file, const Neo4jOptions& options) {
    Neo4jWriter(graph, options).write(file);
}

} // namespace kg
