// SPDX-License-Identifier: Apache-2.0
#pragma once
// Neo4j writer: CSV files for `neo4j-admin database import full` and an idempotent Cypher
// script for `cypher-shell`, describing the same property graph.
//
// Format card
//   Spec: Neo4j 5 import header format (neo4j.com/docs/operations-manual/current/tools/
//   neo4j-admin/neo4j-admin-import/): header `name:type`, `:ID(space)`, `:LABEL`,
//   `:START_ID(space)`, `:END_ID(space)`, `:TYPE`, arrays `type[]` split on the array
//   delimiter ';'; Cypher 5 (MERGE, UNWIND, map and list literals). Readers: neo4j-admin
//   (with --array-delimiter=";" --multiline-fields=true), cypher-shell, and any engine of that
//   Cypher subset (the suite loads both into Kuzu, an embedded Cypher database).
//   The property graph:
//   - (:Entity:<coarse>:<class>) per vertex, e.g. :Entity:Actor:State, just :Entity:Agreement
//     when class = coarse: id (the graph id), label, type (fine class), class (coarse),
//     aliases (string[]), wikidata, mentions (int), documents (int);
//   - (:Document) per document of the graph (and any other the data names): id (the path),
//     title, language, bytes (long);
//   - (:Evidence) per evidence sentence of a relation: id (<edge id>@<document>:<begin>-<end>),
//     relation (the edge id), document, byte_begin, byte_end, char_begin, char_end (code
//     points), text, status, date, quantity, role, attributed_to;
//   - a relationship per graph edge, type = the relation type in upper case (SIGNED,
//     MENTIONED_WITH) from source to target: id (the stable edge id, kg/export/edge_id.hpp),
//     type, weight (int), status, symmetric (boolean), sources, dates, quantities, roles,
//     attributed_to (string[], distinct values);
//   - (:Evidence)-[:EVIDENCE_IN]->(:Document) and (:Entity)-[:MENTIONED_IN]->(:Document).
//   CSV files (all headers spelt as above; text fields always quoted, '"' doubled; numbers
//   bare; an empty value or list is an empty field, so no property is stored):
//   neo4j-nodes-<Coarse>[-<Class>].csv (one per label set, sorted), neo4j-documents.csv,
//   neo4j-evidence.csv, neo4j-rels-<TYPE>.csv (one per relationship type, sorted),
//   neo4j-rels-EVIDENCE_IN.csv, neo4j-rels-MENTIONED_IN.csv. Rows in graph order.
//   A list item holding ';' cannot be told from two items by neo4j-admin: reported through
//   `warn` (the Cypher script keeps it whole).
//   graph.cypher: uniqueness constraints on :Entity(id), :Document(id), :Evidence(id)
//   (IF NOT EXISTS); then, per label set, per relationship type and for documents and
//   evidence, statements of at most `rows_per_statement` rows each:
//   `UNWIND [{...}, ...] AS row MERGE (n:Entity {id: row.id}) SET n.label = row.label, ...;`
//   (rows of one kind are grouped by which of their lists are empty, and an empty list is
//   set to null in the statement, so that the rows of a statement have lists of strings
//   only, as strictly typed engines such as Kuzu require), then one
//   `MATCH (n:Entity) WHERE n.id IN [...] SET n:Actor:State;` per label set, and
//   `UNWIND [...] AS row MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
//   MERGE (a)-[r:SIGNED {id: row.id}]->(b) SET r.weight = row.weight, ...;` per relationship
//   type. Every statement MERGEs on kgraph ids and SETs every property to its value, so
//   running the script twice changes nothing, and running the script of a rebuild with more
//   documents adds what is new and updates what changed (weights, evidence). Every row of
//   a statement has the same keys; an empty string or list is null there (SET removes the
//   property), as an empty CSV field stores none.
//   Strings are '...' with '\' and '\'' escaped by a backslash, every other character as
//   it is (newlines included): Neo4j and Kuzu read that alike.
//   Forbidden: malformed UTF-8 in any value is refused (Errc::forbidden_character) unless
//   `replace_invalid_utf8`, then replaced by U+FFFD and reported through `warn`. A relation
//   type whose upper case is not [A-Z0-9_]+ or collides with EVIDENCE_IN / MENTIONED_IN is
//   an export_error.
//   Deterministic: the same graph gives byte-identical files.
#include "kg/graph/knowledge_graph.hpp"

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace kg {

struct Neo4jOptions {
    /// Rows of one UNWIND statement of the Cypher script.
    std::size_t rows_per_statement = 1000;
    bool replace_invalid_utf8 = false;
    std::function<void(const std::string&)> warn;
};

/// Called once per output file, with its name and a function that writes it to a stream.
using FileSink = std::function<void(const std::string& name, const std::function<void(std::ostream&)>& write)>;

/// Write `graph` for Neo4j: every file of the format card, through `file`, in a fixed order
/// (the nodes CSVs, documents, evidence, the relationship CSVs, graph.cypher). Throws
/// kg::Error as the format card says; a failing stream is the sink's to report.
void write_neo4j(const KnowledgeGraph& graph, const FileSink& file, const Neo4jOptions& options = {});

} // namespace kg
