// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one adapter between the ontology and the exporters: the class and relation tables the
// JSON-LD writer needs (schema.org types, coarse classes, symmetry, co-occurrence, labels per
// language) and the diagram style the DOT writer needs (style.json, display labels), read
// from the loaded ontology, and the viewer style the GraphML and GEXF writers need (colours,
// shapes from style.json). The writers themselves know no ontology: they take these tables.
#include "kg/export/dot.hpp"
#include "kg/export/jsonld.hpp"
#include "kg/export/viz.hpp"
#include "kg/ontology/ontology.hpp"

#include <set>
#include <string>

namespace kg {

/// Classes (with a neutral entry for each coarse class that is not itself a class, such as
/// "Actor") and relation types of the ontology, for JSON-LD.
JsonldVocabulary jsonld_vocabulary(const Ontology& ontology);

/// Graph ids of the ontology's entities that have a canonical (English) label.
std::set<std::string> canonical_ids(const Ontology& ontology);

/// The diagram style from style.json with class, relation and status labels in `lang`
/// (falling back to English, then to the name itself); symmetric relations are drawn
/// without arrowheads unless the style says otherwise.
DotStyle dot_style(const Ontology& ontology, const std::string& lang);

/// Colours and shapes for viewers (GraphML, GEXF) from the same style.json entries as the
/// diagrams: each class's fillcolor (else color) and shape over the "*" entry, each relation
/// type's color (and "*").
VizStyle viz_style(const Ontology& ontology);

} // namespace kg
