// SPDX-License-Identifier: Apache-2.0
// kgraph validate for the Neo4j import files (neo4j-admin CSV, kg/export/neo4j.hpp): each
// file's header and typed columns, ids unique within their group, every relationship's ends
// among the ids of their groups, then the shared checks over the entities (group Entity),
// their relationships and the evidence rows (neo4j-evidence.csv) joined to them.
#include "contract.hpp"

#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace kg {
namespace {

using detail::EdgeFacts;
using detail::EvidenceFacts;
using detail::NodeFacts;

struct Row {
    std::uint64_t line = 0;
    std::vector<std::string> fields;
};

/// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<Row> read_csv(const std::string& text, const std::string& file, detail::Reporter& report) {
    std::vector<Row> rows;
    Row row;
    std::string field;
    bool quoted = false, was_quoted = false;
    std::uint64_t line = 1;
    row.line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (ch == '"') quoted = false;
            else {
                if (ch == '\n') ++line;
                field += ch;
            }
        } else if (ch == '"' && field.empty() && !was_quoted) quoted = was_quoted = true;
        else if (ch == ',') row.fields.push_back(std::move(field)), field.clear(), was_quoted = false;
        else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            row.fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
            rows.push_back(std::move(row));
            row = {};
            row.line = ++line;
        } else field += ch;
    }
    if (quoted) report.at(file, row.line, "a quoted field is not closed");
    if (!field.empty() || !row.fields.empty()) row.fields.push_back(std::move(field)), rows.push_back(std::move(row));
    return rows;
}

/// A header column: "name:type", ":ID(Group)", ":START_ID(Group)", ":END_ID(Group)", ":TYPE", ":LABEL".
struct Column {
    std::string name, type, group;
};

Column column_of(const std::string& h) {
    Column c;
    const auto colon = h.find(':');
    c.name = h.substr(0, colon);
    if (colon == std::string::npos) return c;
    c.type = h.substr(colon + 1);
    if (auto paren = c.type.find('('); paren != std::string::npos && c.type.back() == ')') {
        c.group = c.type.substr(paren + 1, c.type.size() - paren - 2);
        c.type = c.type.substr(0, paren);
    }
    return c;
}

bool reads_as(const std::string& type, const std::string& v) {
    if (v.empty() || type.ends_with("[]")) return true; // empty: a missing property; arrays: any text
    if (type == "int" || type == "long" || type == "short" || type == "byte") return detail::is_integer(v);
    if (type == "float" || type == "double") return detail::is_real(v);
    if (type == "boolean") return v == "true" || v == "false";
    return true;
}

std::int64_t number_or(const std::string& v, std::int64_t fallback) {
    std::int64_t n = 0;
    auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    return !v.empty() && r.ec == std::errc() && r.ptr == v.data() + v.size() ? n : fallback;
}

} // namespace

std::vector<ValidationProblem> validate_neo4j(const std::vector<std::string>& files, const ValidationContext& context) {
    detail::Reporter report(files.empty() ? std::string("neo4j") : files.front());
    if (!detail::has_ontology(context, report)) return report.take();
    detail::GraphFacts graph;
    std::map<std::string, std::map<std::string, std::pair<std::string, std::uint64_t>>> ids; // group -> id -> where
    struct Ends {
        std::string file;
        std::uint64_t line;
        std::string start_group, start, end_group, end;
    };
    std::vector<Ends> ends;
    std::vector<EvidenceFacts> evidence;
    std::vector<std::string> evidence_relation;
    for (const std::string& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            report.at(file, 0, "cannot be read");
            continue;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        const std::vector<Row> rows = read_csv(buffer.str(), file, report);
        if (rows.empty()) {
            report.at(file, 0, "has no header");
            continue;
        }
        std::vector<Column> columns;
        for (const auto& h : rows[0].fields) columns.push_back(column_of(h));
        auto find = [&](auto pred) -> int {
            for (std::size_t k = 0; k < columns.size(); ++k)
                if (pred(columns[k])) return static_cast<int>(k);
            return -1;
        };
        const int id_col = find([](const Column& c) { return c.type == "ID"; });
        const int start_col = find([](const Column& c) { return c.type == "START_ID"; });
        const int end_col = find([](const Column& c) { return c.type == "END_ID"; });
        const int type_col = find([](const Column& c) { return c.name == "type" && c.type.empty(); });
        const int rel_id_col = find([](const Column& c) { return c.name == "id" && c.type.empty(); });
        if (id_col < 0 && (start_col < 0 || end_col < 0)) {
            report.at(file, 1, "the header has neither an :ID column nor :START_ID and :END_ID columns");
            continue;
        }
        auto field = [&](const Row& r, int k) -> std::string { return k >= 0 && static_cast<std::size_t>(k) < r.fields.size() ? r.fields[k] : ""; };
        const int relation_col = find([](const Column& c) { return c.name == "relation"; });
        const int document_col = find([](const Column& c) { return c.name == "document"; });
        const int begin_col = find([](const Column& c) { return c.name == "byte_begin"; });
        const int end_byte_col = find([](const Column& c) { return c.name == "byte_end"; });
        const int text_col = find([](const Column& c) { return c.name == "text"; });
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const Row& row = rows[r];
            if (row.fields.size() != columns.size()) {
                report.at(file, row.line, std::to_string(row.fields.size()) + " fields, the header has " + std::to_string(columns.size()));
                continue;
            }
            for (std::size_t k = 0; k < columns.size(); ++k)
                if (!reads_as(columns[k].type, row.fields[k]))
                    report.at(file, row.line, columns[k].name + " \"" + row.fields[k].substr(0, 40) + "\" is not of type " + columns[k].type);
            if (id_col >= 0) {
                const std::string& group = columns[static_cast<std::size_t>(id_col)].group;
                const std::string id = field(row, id_col);
                auto [it, fresh] = ids[group].try_emplace(id, file, row.line);
                if (!fresh) report.at(file, row.line, group + " id \"" + id + "\" is used twice (first in " + it->second.first + ":" +
                                                          std::to_string(it->second.second) + ")");
                if (group == "Entity") graph.nodes.push_back(detail::node_facts(row.line, id, field(row, type_col), file));
                if (group == "Evidence") {
                    EvidenceFacts ev;
                    ev.file = file;
                    ev.line = row.line;
                    ev.document = field(row, document_col);
                    ev.begin = number_or(field(row, begin_col), -1);
                    ev.end = number_or(field(row, end_byte_col), -1);
                    ev.has_text = text_col >= 0;
                    ev.text = field(row, text_col);
                    evidence.push_back(std::move(ev));
                    evidence_relation.push_back(field(row, relation_col));
                }
            } else {
                const std::string sg = columns[static_cast<std::size_t>(start_col)].group, eg = columns[static_cast<std::size_t>(end_col)].group;
                if (sg == "Entity" && eg == "Entity")
                    graph.edges.push_back(detail::edge_facts(row.line, field(row, rel_id_col), field(row, start_col), field(row, end_col),
                                                             field(row, type_col), file));
                else ends.push_back({file, row.line, sg, field(row, start_col), eg, field(row, end_col)});
            }
        }
    }
    for (const Ends& e : ends) {
        if (!ids[e.start_group].count(e.start)) report.at(e.file, e.line, "start \"" + e.start + "\" is no " + e.start_group + " id");
        if (!ids[e.end_group].count(e.end)) report.at(e.file, e.line, "end \"" + e.end + "\" is no " + e.end_group + " id");
    }
    std::map<std::string, std::size_t> edge_at;
    for (std::size_t k = 0; k < graph.edges.size(); ++k) edge_at.emplace(graph.edges[k].id, k);
    for (std::size_t k = 0; k < evidence.size(); ++k) {
        auto it = edge_at.find(evidence_relation[k]);
        if (it == edge_at.end()) report.at(evidence[k].file, evidence[k].line, "evidence of relation \"" + evidence_relation[k] + "\", which no file holds");
        else graph.edges[it->second].evidence.push_back(std::move(evidence[k]));
    }
    detail::check_graph(graph, context, report);
    return report.take();
}

} // namespace kg
