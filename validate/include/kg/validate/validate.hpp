// SPDX-License-Identifier: Apache-2.0
#pragma once
// Checks a graph file (GraphML, GEXF, JSON-LD or a set of Neo4j CSVs) against kgraph's own contract before it goes into Neo4j, Gephi or a
// report: a file someone else edited or produced. The contract is the one the writers keep
// (kg/export/graphml.hpp, ../shared/eval's guideline for the keys):
//   - the file is well-formed XML of the GraphML namespace;
//   - every <data> names a declared <key> of its domain (node or edge), and its value reads
//     as the key's attr.type (int, long, double, float, boolean, string);
//   - node ids and edge ids are unique; every edge's source and target is a node;
//   - every node has a fine class (key "type") the ontology knows; every edge a relation
//     type (key "type") the ontology knows, whose domain admits the source's class and whose
//     range admits the target's;
//   - every evidence record (key "evidence": a JSON array of {document, begin, end, text, ...})
//     has begin <= end, and, when the documents are given, names one of them, lies inside
//     its text and quotes exactly the bytes [begin, end).
// Each problem is reported with the file and line; nothing stops at the first one.
#include "kg/ontology/ontology.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kg {

/// One way a file breaks the contract, where it does (line 0: the file as a whole).
struct ValidationProblem {
    std::string file;
    std::uint64_t line = 0;
    std::string message;

    /// "FILE:LINE: message" (or "FILE: message").
    std::string to_string() const;
};

/// What a file is checked against.
struct ValidationContext {
    const Ontology* ontology = nullptr; ///< classes and relation types; required
    /// Document texts by document id (kg/input's id rule: the URL, or sha256:...); empty =
    /// evidence offsets are checked for order only.
    std::map<std::string, std::string> documents;
};

/// Every problem of the GraphML file at `path` (none: it keeps the contract). A file that
/// cannot be read is one problem.
std::vector<ValidationProblem> validate_graphml(const std::string& path, const ValidationContext& context);

/// The same for GEXF 1.3 (kg/export/gexf.hpp): node class in the attribute titled "class",
/// relation type in "relation" (else the edge's kind), evidence in "evidence".
std::vector<ValidationProblem> validate_gexf(const std::string& path, const ValidationContext& context);

/// The same for JSON-LD (kg/export/jsonld.hpp): entities by their kg: class, relations by
/// kg:subject, kg:predicate and kg:object, evidence as Web Annotations. Lines are those of
/// each object's "@id".
std::vector<ValidationProblem> validate_jsonld(const std::string& path, const ValidationContext& context);

/// The same for one set of Neo4j import files (kg/export/neo4j.hpp: neo4j-nodes-*.csv,
/// neo4j-rels-*.csv, neo4j-documents.csv, neo4j-evidence.csv), checked together: typed
/// columns, ids unique in their group, relationship ends among their group's ids.
std::vector<ValidationProblem> validate_neo4j(const std::vector<std::string>& files, const ValidationContext& context);

} // namespace kg
