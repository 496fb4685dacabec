// SPDX-License-Identifier: Apache-2.0
// Viewer styles: colours, shapes, sizes and the initial placement. See kg/export/viz.hpp.
#include "kg/export/viz.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace kg {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

Rgb VizStyle::node_color(const std::string& fine_class) const {
    const auto it = class_colors.find(fine_class);
    return it == class_colors.end() ? default_node : it->second;
}

Rgb VizStyle::edge_color(const std::string& relation_type) const {
    if (const auto it = relation_colors.find(relation_type); it != relation_colors.end()) return it->second;
    if (const auto it = relation_colors.find("*"); it != relation_colors.end()) return it->second;
    return default_edge;
}

std::string VizStyle::node_shape(const std::string& fine_class) const {
    const auto it = class_shapes.find(fine_class);
    return it == class_shapes.end() ? std::string("disc") : it->second;
}

std::optional<Rgb> parse_hex_color(std::string_view text) {
    if (text.size() != 7 && text.size() != 4) return std::nullopt;
    if (text[0] != '#') return std::nullopt;
    int d[6];
    const bool short_form = text.size() == 4;
    for (std::size_t i = 1; i < text.size(); ++i)
        if ((d[i - 1] = hex_digit(text[i])) < 0) return std::nullopt;
    const auto channel = [&](int k) {
        return static_cast<std::uint8_t>(short_form ? d[k] * 17 : d[2 * k] * 16 + d[2 * k + 1]);
    };
    return Rgb{channel(0), channel(1), channel(2)};
}

std::string hex_color(Rgb color) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "#";
    for (const std::uint8_t c : {color.r, color.g, color.b}) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

std::string gexf_shape(std::string_view s) {
    for (std::string_view square : {"box", "rect", "rectangle", "square", "note", "tab", "folder", "box3d", "component"})
        if (s == square) return "square";
    for (std::string_view triangle : {"triangle", "invtriangle", "house", "invhouse"})
        if (s == triangle) return "triangle";
    for (std::string_view diamond : {"diamond", "Mdiamond", "hexagon", "octagon", "doubleoctagon", "tripleoctagon",
                                     "pentagon", "septagon", "parallelogram", "trapezium", "invtrapezium"})
        if (s == diamond) return "diamond";
    return "disc";
}

double node_size(std::uint32_t mentions) {
    return std::clamp(10 + 2.5 * std::log2(std::max<double>(1, mentions)), 10.0, 20.0);
}

double edge_thickness(std::uint32_t weight) {
    return std::clamp(1 + std::log2(std::max<double>(1, weight)), 1.0, 5.0);
}

std::vector<Point> initial_placement(const KnowledgeGraph& graph) {
    const auto& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (g[a].mentions != g[b].mentions) return g[a].mentions > g[b].mentions;
        return g[a].id < g[b].id;
    });
    constexpr double golden_angle = 2.399963229728653; // pi * (3 - sqrt 5)
    constexpr double spacing = 20;
    std::vector<Point> out(n);
    for (std::size_t rank = 0; rank < n; ++rank) {
        const double r = spacing * std::sqrt(static_cast<double>(rank));
        const double theta = golden_angle * static_cast<double>(rank);
        out[order[rank]] = {r * std::cos(theta), r * std::sin(theta)};
    }
    return out;
}

std::string viz_number(double value) {
    double rounded = std::round(value * 100) / 100;
    if (rounded == 0) rounded = 0; // no "-0"
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 2);
    std::string s(buffer, ec == std::errc() ? end : buffer);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s;
}

} // namespace kg
