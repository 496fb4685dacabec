// SPDX-License-Identifier: Apache-2.0
#pragma once
// How entities and relations look in viewers that take colours, sizes, shapes and positions
// from the file itself (Gephi, Gephi Lite, sigma.js): plain values filled from the diagrams'
// style table (ontology/style.json, through viz_style() in kg/export/vocabulary.hpp), so that
// a GEXF or GraphML file looks like the diagrams. The writers (GraphML, GEXF) know no
// ontology: they take a VizStyle.
//
// Card
//   Colour of an entity: the fill colour of its class; of a relation: the colour of its
//   type ("*" when the type has none). Colours are "#RRGGBB" or "#RGB" in the style; any
//   other spelling (a Graphviz colour name) falls back to the default grey.
//   Shape (GEXF viz:shape): the class's Graphviz shape mapped to disc (ellipse, circle,
//   oval, point), square (box, rect, rectangle, square, note, tab, folder, box3d,
//   component), triangle (triangle, invtriangle, house, invhouse), diamond (diamond,
//   hexagon, octagon, pentagon, Mdiamond, ...), else disc.
//   Size of an entity: 10 + 2.5 log2(mentions), within [10, 20] (the diagrams' font size);
//   thickness of a relation: 1 + log2(weight), within [1, 5] (the diagrams' pen width).
//   Position: an initial placement, not a layout: a sunflower spiral (golden angle, radius
//   growing with the square root of the rank), the most-mentioned entities at the centre
//   (ties by id), 20 units apart on average. Run ForceAtlas2 (Gephi, graphology) for a
//   layout; the placement only lets viewers that need coordinates (sigma.js) draw at once.
//   Numbers are written locale-free with at most two decimals (viz_number()).
#include "kg/graph/knowledge_graph.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

struct VizStyle {
    std::map<std::string, Rgb> class_colors;         ///< fine class -> fill colour
    std::map<std::string, std::string> class_shapes; ///< fine class -> GEXF viz:shape
    std::map<std::string, Rgb> relation_colors;      ///< relation type ("*" = all) -> colour
    Rgb default_node{0x99, 0x99, 0x99};
    Rgb default_edge{0x55, 0x55, 0x55};

    Rgb node_color(const std::string& fine_class) const;
    Rgb edge_color(const std::string& relation_type) const;
    std::string node_shape(const std::string& fine_class) const; ///< "disc" when unknown
};

struct Point {
    double x = 0, y = 0;
};

/// "#RRGGBB" or "#RGB" (hex digits in either case); nullopt for anything else.
std::optional<Rgb> parse_hex_color(std::string_view text);
/// "#rrggbb" in lower case.
std::string hex_color(Rgb color);
/// The GEXF viz:shape of a Graphviz node shape (see the card).
std::string gexf_shape(std::string_view graphviz_shape);
/// 10 + 2.5 log2(mentions), within [10, 20].
double node_size(std::uint32_t mentions);
/// 1 + log2(weight), within [1, 5].
double edge_thickness(std::uint32_t weight);
/// The initial placement of every vertex, indexed by vertex (see the card).
std::vector<Point> initial_placement(const KnowledgeGraph& graph);
/// `value` rounded to two decimals, trailing zeros dropped ("12.5", "-3", "0"), locale-free.
std::string viz_number(double value);

} // namespace kg
