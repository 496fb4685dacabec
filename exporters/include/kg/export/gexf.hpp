// SPDX-License-Identifier: Apache-2.0
#pragma once
// GEXF writer: the graph for Gephi, Gephi Lite and other graphology/sigma.js viewers.
//
// Format card
//   Spec: GEXF 1.3 (https://gexf.net, namespaces http://gexf.net/1.3 and
//   http://gexf.net/1.3/viz), XML 1.0, UTF-8. Readers it is written for: Gephi 0.10,
//   graphology-gexf (Gephi Lite, sigma.js), NetworkX read_gexf (2.8 knows only the 1.1 and
//   1.2 drafts: register the 1.3 namespaces, see the README).
//   Emitted: <meta> with creator and description (no lastmodifieddate: the output depends
//   on the input only); <graph defaultedgetype="directed" mode="dynamic" timeformat="date"
//   timerepresentation="interval">; typed attribute declarations, then every node before
//   every edge, in graph order, with count= on <nodes> and <edges>.
//   Node: id = stable entity id, label; attvalues (ids = titles, so readers that key by
//   title and by id agree): class (fine: State), coarse_class (Actor), aliases (liststring),
//   wikidata, mentions (integer), documents (integer); no attribute is called "type", so
//   sigma.js draws the file as it is. Edge: id = the stable edge id (kg/export/edge_id.hpp),
//   source, target, kind = label = the relation type, so Gephi keeps one edge per relation
//   type between two entities (it merges parallel edges only within one kind), weight =
//   number of evidence sentences; attvalues: relation, status (strongest), symmetric
//   (boolean; every edge is written directed, source id < target id for symmetric types,
//   as in the GraphML), sources, dates, quantities, roles, attributed_to (liststring,
//   distinct values), evidence (the JSON array of the GraphML, kg/export/graphml.hpp).
//   A value left empty (no wikidata, no dates) is not written.
//   Lists (liststring) are written "[\"a\", \"b\"]": each item quoted, '"' and '\' escaped
//   with a backslash, as graphology-gexf and Gephi read them.
//   viz (kg/export/viz.hpp, from style.json like the diagrams): node viz:color (the class's
//   fill colour), viz:position (an initial placement, z=0), viz:size (10-20 by mentions),
//   viz:shape (disc, square, triangle, diamond by the class's Graphviz shape); edge
//   viz:color (the relation type's colour) and viz:thickness (1-5 by weight).
//   Timeline: an edge whose evidence has dates carries <spells>, one per date (merged where
//   they overlap): a day is [day, day], a month [first day, last day], a year
//   [YYYY-01-01, YYYY-12-31]; undated sentences add none. A node carries the union of its
//   edges' spells when every edge it has carries spells (so an edge is never shown without
//   its ends); other nodes and undated edges are always shown.
//   Escaping, forbidden characters, `drop_forbidden` and `warn`: as in the GraphML writer
//   (xml_escape.hpp): what XML 1.0 cannot hold is refused with Errc::forbidden_character,
//   or dropped and reported with `drop_forbidden`.
//   Numbers: integers, and viz values with at most two decimals, locale-free.
//   Deterministic: the same graph gives byte-identical output.
#include "kg/export/viz.hpp"
#include "kg/graph/knowledge_graph.hpp"

#include <functional>
#include <ostream>
#include <string>

namespace kg {

struct GexfOptions {
    /// Colours and shapes (viz_style() in kg/export/vocabulary.hpp reads them from style.json).
    VizStyle viz;
    /// Drop characters XML cannot hold instead of failing; each value cut calls `warn`.
    bool drop_forbidden = false;
    std::function<void(const std::string&)> warn;
};

/// Write `graph` as GEXF 1.3 to `out`. Throws kg::Error(forbidden_character) for text XML
/// cannot hold (unless drop_forbidden) and kg::Error(export_error) if the stream fails.
void write_gexf(const KnowledgeGraph& graph, std::ostream& out, const GexfOptions& options = {});

} // namespace kg
