// SPDX-License-Identifier: Apache-2.0
#pragma once
// Turtle and N-Triples writers.
//
// Format card
//   Spec: RDF 1.1 Turtle (https://www.w3.org/TR/turtle/) and N-Triples
//   (https://www.w3.org/TR/n-triples/), UTF-8. Readers they are written for: rdflib
//   (format="turtle", "nt"), Oxigraph (the `oxigraph` npm package, a triple store we did not
//   write), and every triple store's bulk loader (N-Triples is one triple a line).
//   The triples are exactly those of the JSON-LD of the same graph and options
//   (kg/export/jsonld.hpp: same IRIs, types, literals and datatypes; the suite checks that
//   rdflib and Oxigraph find the graphs isomorphic): articles, entities with their direct
//   relation triples, kg:Relation nodes with their oa:Annotation mentions, the sentences
//   they target with their selectors (all with IRIs: there is no blank node), and, with
//   `include_vocabulary`, the classes and relation types. JsonldOptions::pretty is ignored.
//   Order: the JSON-LD @graph order (articles, entities, relations with their mentions,
//   vocabulary), except that a sentence is described where it is first cited; each
//   subject's triples together, in a streaming pass (no graph in memory).
//   N-Triples: one "<s> <p> o ." a line; literals are "..." with \" \\ \n \r escaped and other
//   C0 controls as \u00XX; language-tagged "..."@en; typed "..."^^<xsd:...>; integers
//   "5"^^<http://www.w3.org/2001/XMLSchema#integer>; strings without a datatype (xsd:string).
//   Turtle: @prefix lines for kg, oa, owl, prov, rdf, rdfs, schema, wd, xsd; IRIs under a
//   prefix whose rest is [A-Za-z0-9_-]+ are written as prefixed names, others as <...>;
//   "a" for rdf:type; one block per subject with ';' between predicates and ',' between
//   objects of one predicate; integers bare.
//   IRIs are checked: a character IRIs cannot hold (space, controls, <>"{}|^`\) in an IRI that
//   comes from outside (a class's additional_type) is an export_error.
//   Lossy: nothing is dropped. Invalid UTF-8 in a string is refused with
//   Errc::forbidden_character, unless `replace_invalid_utf8` (as in the JSON-LD): then each bad
//   byte becomes U+FFFD and `warn` is called once per value.
//   Deterministic: the same graph and options give byte-identical output.
#include "kg/export/jsonld.hpp"
#include "kg/graph/knowledge_graph.hpp"

#include <ostream>

namespace kg {

/// Write `graph` as Turtle. Options as for write_jsonld (base IRI, vocabulary, canonical
/// labels, vocabulary section, UTF-8 repair). Throws like write_jsonld.
void write_turtle(const KnowledgeGraph& graph, std::ostream& out, const JsonldOptions& options = {});

/// Write `graph` as N-Triples, one triple a line. Same triples as write_turtle.
void write_ntriples(const KnowledgeGraph& graph, std::ostream& out, const JsonldOptions& options = {});

} // namespace kg
