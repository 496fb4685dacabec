// SPDX-License-Identifier: Apache-2.0
#pragma once
// GraphML writer.
//
// Format card
//   Spec: http://graphml.graphdrawing.org/specification.html (GraphML 1.0), XML 1.0, UTF-8.
//   Readers it is written for, all from one file: Gephi, Neo4j APOC apoc.import.graphml
//   (readLabels:true), NetworkX read_graphml, python-igraph Read_GraphML, Boost read_graphml.
//   Emitted: every <key> with id, for="node"|"edge", attr.name, attr.type in {int, double,
//   string}; keys sorted by (for, attr.name), so edge keys come first; key ids are
//   "n_<name>" and "e_<name>" except node "labels" and edge "label", which APOC matches by
//   key id; all nodes before all edges; node id = stable entity id; edge id = the stable
//   edge id (kg/export/edge_id.hpp: "Q159:signed:Q423"), the same in every format and
//   across rebuilds. APOC extensions, left out with `plain`: node XML attribute labels=":Actor:Person"
//   (":" + class + ":" + type; just ":Agreement" when they are equal) and edge XML attribute
//   label="SIGNED" (the predicate in upper case).
//   Node data, in this order: label, type, class, labels, aliases ('|'-joined), wikidata,
//   mentions, documents (number of documents), first_seen and last_seen (the publication
//   dates of the earliest and latest dated article naming it, when one is dated), then what viewers draw with (kg/export/viz.hpp):
//   size (10-20 by mentions), color ("#rrggbb" of the class), x and y (an initial placement,
//   not a layout). `type` keeps its meaning (the fine class, read by the evaluation scorer),
//   so sigma.js 3, which takes a node's and an edge's `type` for the name of the program
//   that draws it, needs one mapping (see the README): type -> a drawing program.
//   Edge data: label (always the first child:
//   APOC reads the relationship type from it), id (the edge id again: APOC and
//   graphology keep it as a property), type (the predicate, lower case), weight
//   (number of evidence sentences), status (strongest), evidence, evidence_omitted (the
//   sentences counted in weight but over the evidence limit, when there are any: weight =
//   evidence entries + evidence_omitted), sources (document ids),
//   dates (event dates the sentences give), reported (the publication dates of every
//   article stating it, kept as evidence or not), quantities, roles, attributed_to (dates,
//   quantities, roles, attributed_to: distinct non-empty values over the evidence; all five
//   sorted, '|'-joined). A <data> whose value is empty is left out, except node
//   and edge label and type; numbers are always written, but evidence_omitted only when
//   it is not 0.
//   evidence is a JSON array (RFC 8259), one object per sentence in evidence order:
//   {"document", "begin", "end", "text", "status"} always, plus "date", "reported" (the
//   article's publication date), "url", "title", "outlet", "authors" (an array: the article's
//   record, kg/graph/model.hpp DocumentInfo), "quantity", "role", "attributed_to" when
//   non-empty. "document" is the stable document id (the article's URL, else a hash of its
//   text), never a local path: the same corpus built from two folders gives the same file.
//   [begin, end) are bytes of the document's text (the file for text and Markdown, the
//   decoded text field of a JSON Lines record, the extracted text of an HTML page, which the
//   JSON-LD carries as schema:text). JSON escapes control characters and U+FFFE/U+FFFF, so
//   evidence text survives byte for byte whatever it holds, as long as it is UTF-8.
//   Symmetric relations are one directed edge, source id < target id (no directed="false":
//   NetworkX rejects it in a directed graph). Graph-level data (the document list) are not
//   written: Gephi rejects keys for="graph".
//   Escaping: & < > in character data, also " ' in attribute values; CR and tab are written
//   &#13; &#9; (and LF &#10; in attributes) so that XML's newline and attribute-value
//   normalisation leave values intact. Conforming readers (expat, libxml2, StAX) get every
//   value back exactly; Boost read_graphml parses with trim_whitespace, so it trims values and
//   collapses runs of whitespace.
//   Numbers: integers, and size/x/y with at most two decimals, locale-free (std::to_chars);
//   a count above INT32_MAX (attr.type int) is an export_error, as is a node with an empty
//   id. No boolean keys are emitted.
//   Lossy: nothing is dropped silently; characters XML 1.0 cannot hold (C0 controls other
//   than tab/LF/CR, NUL included, U+FFFE/U+FFFF, malformed UTF-8) are refused with
//   Errc::forbidden_character naming the element, its id, the field and the byte, unless
//   `drop_forbidden` is set, in which case they are dropped (malformed UTF-8 one byte at a
//   time) and each affected value is reported once through `warn`. A list item that itself
//   holds '|' is written as is and reported through `warn`.
//   Deterministic: the same graph gives byte-identical output.
#include "kg/export/viz.hpp"
#include "kg/graph/knowledge_graph.hpp"

#include <functional>
#include <ostream>
#include <string>

namespace kg {

struct GraphmlOptions {
    /// Leave out the APOC XML attributes (labels= on nodes, label= on edges) for readers
    /// that reject attributes outside the GraphML schema.
    bool plain = false;
    /// Drop characters XML cannot hold instead of failing; each value cut calls `warn`.
    bool drop_forbidden = false;
    std::function<void(const std::string&)> warn;
    /// Node colours for viewers (kg/export/viz.hpp; viz_style() reads them from style.json).
    VizStyle viz;
};

/// Write `graph` as GraphML to `out`. Throws kg::Error(forbidden_character) for text XML
/// cannot hold (see the format card) and kg::Error(export_error) if the stream fails.
void write_graphml(const KnowledgeGraph& graph, std::ostream& out, const GraphmlOptions& options = {});

} // namespace kg
