// SPDX-License-Identifier: Apache-2.0
// kg/export/viz.hpp: colour parsing and spelling, shapes, sizes and widths within their
// bounds, locale-free numbers, and the initial placement (deterministic, distinct points,
// the most-mentioned entity at the centre).
#include "kg/export/viz.hpp"

#include "graph_builders.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <utility>

TEST_CASE("viz: hex colours are parsed in both forms and refused otherwise", "[viz]") {
    CHECK(kg::parse_hex_color("#fff") == kg::Rgb{255, 255, 255});
    CHECK(kg::parse_hex_color("#A0b1C2") == kg::Rgb{0xA0, 0xB1, 0xC2});
    CHECK_FALSE(kg::parse_hex_color("red"));
    CHECK_FALSE(kg::parse_hex_color("#12345"));
    CHECK_FALSE(kg::parse_hex_color("#ggg"));
    CHECK_FALSE(kg::parse_hex_color(""));
    CHECK(kg::hex_color(kg::Rgb{0xA0, 0xB1, 0x0C}) == "#a0b10c");
}

TEST_CASE("viz: Graphviz shapes map to the four GEXF shapes", "[viz]") {
    CHECK(kg::gexf_shape("ellipse") == "disc");
    CHECK(kg::gexf_shape("box") == "square");
    CHECK(kg::gexf_shape("note") == "square");
    CHECK(kg::gexf_shape("house") == "triangle");
    CHECK(kg::gexf_shape("hexagon") == "diamond");
    CHECK(kg::gexf_shape("no such shape") == "disc");
}

TEST_CASE("viz: sizes and thicknesses stay within their bounds", "[viz]") {
    CHECK(kg::node_size(0) == 10);
    CHECK(kg::node_size(1) == 10);
    CHECK(kg::node_size(4) == Approx(15));
    CHECK(kg::node_size(1u << 30) == 20);
    CHECK(kg::edge_thickness(1) == 1);
    CHECK(kg::edge_thickness(4) == Approx(3));
    CHECK(kg::edge_thickness(1000000) == 5);
}

TEST_CASE("viz: numbers have at most two decimals, no trailing zeros", "[viz]") {
    CHECK(kg::viz_number(12.5) == "12.5");
    CHECK(kg::viz_number(-3.0) == "-3");
    CHECK(kg::viz_number(0.0) == "0");
    CHECK(kg::viz_number(1.23456) == "1.23");
    CHECK(kg::viz_number(2.999) == "3");
}

TEST_CASE("viz: style lookups fall back to the defaults", "[viz]") {
    kg::VizStyle style;
    style.class_colors["State"] = {1, 2, 3};
    style.relation_colors["*"] = {9, 9, 9};
    style.relation_colors["signed"] = {7, 7, 7};
    CHECK(style.node_color("State") == kg::Rgb{1, 2, 3});
    CHECK(style.node_color("Person") == style.default_node);
    CHECK(style.edge_color("signed") == kg::Rgb{7, 7, 7});
    CHECK(style.edge_color("met") == kg::Rgb{9, 9, 9});
    CHECK(style.node_shape("Person") == "disc");
}

TEST_CASE("viz: the initial placement is deterministic, distinct, centred on the most mentioned", "[viz]") {
    const auto g = kg::test::news_graph();
    const auto a = kg::initial_placement(g), b = kg::initial_placement(kg::test::news_graph());
    REQUIRE(a.size() == g.entity_count());
    std::set<std::pair<double, double>> seen;
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].x == b[i].x);
        CHECK(a[i].y == b[i].y);
        seen.emplace(a[i].x, a[i].y);
    }
    CHECK(seen.size() == a.size());
    // Russia (vertex 0) has the most mentions: nearest to the centre.
    const auto radius = [&](std::size_t i) { return std::hypot(a[i].x, a[i].y); };
    for (std::size_t i = 1; i < a.size(); ++i) CHECK(radius(0) < radius(i));
}
