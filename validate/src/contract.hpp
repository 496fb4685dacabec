// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every format's reader hands to the shared checks: the graph as the file states it,
// each part with the line it was read from. Internal to kg::validate.
#include "kg/validate/validate.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kg::detail {

/// Collects the problems of one file, with a bound on how many are listed.
class Reporter {
public:
    explicit Reporter(std::string file) : file_(std::move(file)) {}
    void operator()(std::uint64_t line, std::string message) { at({}, line, std::move(message)); }
    /// A problem of another file of the same graph (a Neo4j import set is several files).
    void at(const std::string& file, std::uint64_t line, std::string message);
    const std::string& file() const noexcept { return file_; }
    std::vector<ValidationProblem> take() { return std::move(problems_); }

private:
    static constexpr std::size_t kMaxProblems = 200;
    std::string file_;
    std::vector<ValidationProblem> problems_;
};

struct EvidenceFacts {
    std::string file; ///< empty: the reporter's file
    std::uint64_t line = 0;
    std::string document;   ///< document id, or a form of it (URL, IRI) documents_by_alias resolves
    std::int64_t begin = -1, end = -1; ///< byte offsets; -1 = missing
    bool has_text = false;
    std::string text;
};

struct NodeFacts {
    std::uint64_t line = 0;
    std::string file;
    std::string id;
    std::string cls; ///< fine class; empty = the file gives none
};

struct EdgeFacts {
    std::uint64_t line = 0;
    std::string file;
    std::string id;
    std::string source, target;
    std::string type; ///< relation type
    std::vector<EvidenceFacts> evidence;
};

inline NodeFacts node_facts(std::uint64_t line, std::string id, std::string cls = {}, std::string file = {}) {
    NodeFacts n;
    n.line = line;
    n.id = std::move(id);
    n.cls = std::move(cls);
    n.file = std::move(file);
    return n;
}

inline EdgeFacts edge_facts(std::uint64_t line, std::string id, std::string source, std::string target, std::string type = {},
                            std::string file = {}) {
    EdgeFacts e;
    e.line = line;
    e.id = std::move(id);
    e.source = std::move(source);
    e.target = std::move(target);
    e.type = std::move(type);
    e.file = std::move(file);
    return e;
}

struct GraphFacts {
    std::vector<NodeFacts> nodes;
    std::vector<EdgeFacts> edges;
    /// Other names of a document the evidence may use (its URL, its IRI) -> its id.
    std::map<std::string, std::string> document_aliases;
};

/// Whole numbers and finite reals as the formats write them (no spaces, no "nan").
bool is_integer(const std::string& v);
bool is_real(const std::string& v);

/// False, with the problem reported, when there is no ontology to check against.
bool has_ontology(const ValidationContext& context, Reporter& report);

/// A node or edge an XML format has finished: its class, or its relation type and evidence
/// (a JSON array; null = none), join the graph.
void add_node(GraphFacts& graph, NodeFacts node, std::string cls);
void add_edge(GraphFacts& graph, EdgeFacts edge, std::string type, const std::string* evidence_json, Reporter& report);

/// The checks every format shares: unique ids, edge ends, classes and relation types of the
/// ontology with domain and range, evidence offsets (and quotes, given the documents).
void check_graph(const GraphFacts& graph, const ValidationContext& context, Reporter& report);

} // namespace kg::detail
