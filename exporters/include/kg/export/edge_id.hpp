// SPDX-License-Identifier: Apache-2.0
#pragma once
// Stable relation ids, the same in every format.
//
// Format card
//   An edge id is "<source id>:<relation type>:<target id>", the source being the stored
//   one (for symmetric types the endpoint with the smaller id, as the graph stores them).
//   Each of the three names is copied as it is when it holds only A-Z a-z 0-9 _ . -
//   (kgraph's entity ids, QIDs and relation types always do); any other byte, ':' and '%'
//   included, is percent-encoded (%3A), so two different triples never share an id.
//   The id depends on the three names only: it is identical across rebuilds, thread counts
//   and machines, and a rebuild with more documents keeps the id of every earlier edge.
//   Where it appears: GraphML edge id and edge data "id", GEXF edge id, DOT/SVG edge id,
//   Neo4j relationship property "id" (CSV and Cypher), JSON-LD and RDF schema:identifier of
//   the relation node (whose IRI is minted from the same three names).
#include "kg/graph/knowledge_graph.hpp"

#include <string>
#include <string_view>

namespace kg {

/// The id of the relation (`source`, `type`, `target`); see the format card.
std::string edge_id(std::string_view source, std::string_view type, std::string_view target);

/// The id of edge `e` of `graph`.
std::string edge_id(const KnowledgeGraph& graph, KnowledgeGraph::Edge e);

} // namespace kg
