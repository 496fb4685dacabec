// SPDX-License-Identifier: Apache-2.0
// The checks every format shares, over the facts its reader collected.
#include "contract.hpp"

#include "evidence_json.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <map>
#include <set>
#include <string_view>

namespace kg {

std::string ValidationProblem::to_string() const {
    return line ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

namespace detail {

void Reporter::at(const std::string& file, std::uint64_t line, std::string message) {
    if (problems_.size() < kMaxProblems) problems_.push_back({file.empty() ? file_ : file, line, std::move(message)});
    else if (problems_.size() == kMaxProblems)
        problems_.push_back({file_, 0, "more problems left out (the first " + std::to_string(kMaxProblems) + " are listed)"});
}

bool is_integer(const std::string& v) {
    long long n = 0;
    auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    return !v.empty() && r.ec == std::errc() && r.ptr == v.data() + v.size();
}

bool is_real(const std::string& v) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    return !v.empty() && end == v.c_str() + v.size() && std::isfinite(d);
}

bool has_ontology(const ValidationContext& context, Reporter& report) {
    if (!context.ontology) report(0, "no ontology to check against");
    return context.ontology != nullptr;
}

void add_node(GraphFacts& graph, NodeFacts node, std::string cls) {
    node.cls = std::move(cls);
    graph.nodes.push_back(std::move(node));
}

void add_edge(GraphFacts& graph, EdgeFacts edge, std::string type, const std::string* evidence_json, Reporter& report) {
    edge.type = std::move(type);
    if (evidence_json) edge.evidence = evidence_from_json(*evidence_json, edge.line, "edge \"" + edge.id + "\"", report);
    graph.edges.push_back(std::move(edge));
}

namespace {

void check_evidence(const EdgeFacts& e, const std::string& name, const GraphFacts& graph, const ValidationContext& context,
                    Reporter& report) {
    std::size_t k = 0;
    for (const EvidenceFacts& ev : e.evidence) {
        const std::string at = name + ": evidence " + std::to_string(++k);
        const std::uint64_t line = ev.line ? ev.line : e.line;
        const std::string& file = ev.line ? ev.file : e.file;
        auto problem = [&](std::string m) { report.at(file, line, std::move(m)); };
        if (ev.document.empty() || ev.begin < 0 || ev.end < 0) {
            problem(at + " lacks its document, begin or end");
            continue;
        }
        if (ev.begin > ev.end) {
            problem(at + ": begin " + std::to_string(ev.begin) + " is after end " + std::to_string(ev.end));
            continue;
        }
        if (context.documents.empty()) continue;
        std::string id = ev.document;
        if (auto a = graph.document_aliases.find(id); a != graph.document_aliases.end()) id = a->second;
        auto doc = context.documents.find(id);
        if (doc == context.documents.end()) {
            problem(at + ": document \"" + ev.document + "\" is not among the documents given");
            continue;
        }
        const auto begin = static_cast<std::uint64_t>(ev.begin), end = static_cast<std::uint64_t>(ev.end);
        if (end > doc->second.size()) {
            problem(at + ": bytes " + std::to_string(begin) + "-" + std::to_string(end) + " lie outside \"" + id + "\" (" +
                             std::to_string(doc->second.size()) + " bytes)");
            continue;
        }
        if (ev.has_text && ev.text != std::string_view(doc->second).substr(begin, end - begin))
            problem(at + ": the quoted text is not bytes " + std::to_string(begin) + "-" + std::to_string(end) + " of \"" + id + "\"");
    }
}

} // namespace

void check_graph(const GraphFacts& graph, const ValidationContext& context, Reporter& report) {
    const Ontology& onto = *context.ontology;
    std::map<std::string, std::string> class_of;
    for (const NodeFacts& n : graph.nodes) {
        if (n.id.empty()) {
            report.at(n.file, n.line, "a node without an id");
            continue;
        }
        if (!class_of.emplace(n.id, n.cls).second) report.at(n.file, n.line, "node id \"" + n.id + "\" is used twice");
        if (n.cls.empty()) report.at(n.file, n.line, "node \"" + n.id + "\" has no class");
        else if (!onto.classes.count(n.cls)) report.at(n.file, n.line, "node \"" + n.id + "\": class \"" + n.cls + "\" is not in the ontology");
    }
    std::set<std::string> edge_ids;
    for (const EdgeFacts& e : graph.edges) {
        const std::string name = "edge \"" + (e.id.empty() ? e.source + " -> " + e.target : e.id) + "\"";
        if (!e.id.empty() && !edge_ids.insert(e.id).second) report.at(e.file, e.line, "edge id \"" + e.id + "\" is used twice");
        const auto s = class_of.find(e.source), t = class_of.find(e.target);
        if (s == class_of.end()) report.at(e.file, e.line, name + ": source \"" + e.source + "\" is no node");
        if (t == class_of.end()) report.at(e.file, e.line, name + ": target \"" + e.target + "\" is no node");
        check_evidence(e, name, graph, context, report);
        if (e.type.empty()) {
            report.at(e.file, e.line, name + " has no relation type");
            continue;
        }
        const RelationDef* rel = onto.find_relation(e.type);
        if (!rel) {
            report.at(e.file, e.line, name + ": relation type \"" + e.type + "\" is not in the ontology");
            continue;
        }
        if (s != class_of.end() && onto.classes.count(s->second) && !rel->admits_subject(onto.class_id(s->second)))
            report.at(e.file, e.line, name + ": " + rel->name + " does not take a " + s->second + " as its subject");
        if (t != class_of.end() && onto.classes.count(t->second) && !rel->admits_object(onto.class_id(t->second)))
            report.at(e.file, e.line, name + ": " + rel->name + " does not take a " + t->second + " as its object");
    }
}

} // namespace detail
} // namespace kg
