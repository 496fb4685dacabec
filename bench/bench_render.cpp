// SPDX-License-Identifier: Apache-2.0
// Render benchmark: a synthetic 2,000-entity graph (six classes, typed relations with
// weights and claim statuses, a hub structure like news graphs have) written as DOT and
// rendered to SVG with the automatic engine choice (sfdp above 150 entities).
// Usage: kg-bench-render [ENTITIES] [OUTDIR]   (default 2000; OUTDIR keeps the files)
#include "kg/export/dot.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

struct Lcg { // deterministic, so every run draws the same graph
    std::uint64_t s = 42;
    std::uint32_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(s >> 33);
    }
};

kg::KnowledgeGraph synthetic(std::size_t n) {
    static const char* classes[] = {"Person", "State", "Organization", "Agreement", "Weapon", "Place"};
    static const char* relations[] = {"met", "signed", "supplied", "supports", "opposes", "visited", "member_of"};
    kg::KnowledgeGraph kg;
    Lcg rng;
    for (std::size_t i = 0; i < n; ++i) {
        kg::EntityNode e;
        e.id = "e" + std::to_string(i);
        e.label = std::string(classes[i % 6]) + " " + std::to_string(i);
        e.type = classes[i % 6];
        e.coarse = i % 6 < 3 ? "Actor" : e.type;
        e.mentions = 1 + rng.next() % 40;
        kg.add_entity(e);
    }
    // ~2.5 relations per entity; a tenth of the targets are drawn from 50 hubs.
    for (std::size_t i = 0; i < n * 5 / 2; ++i) {
        const std::size_t s = rng.next() % n;
        std::size_t t = rng.next() % 10 == 0 ? rng.next() % 50 : rng.next() % n;
        if (t == s) t = (t + 1) % n;
        const int sentences = 1 + static_cast<int>(rng.next() % 4);
        const auto status = static_cast<kg::ClaimStatus>(rng.next() % 8 == 0 ? 2 : 0);
        const char* type = relations[rng.next() % 7];
        for (int k = 0; k < sentences; ++k) {
            kg::Evidence ev;
            ev.document = "doc" + std::to_string(i % 100);
            ev.begin = static_cast<std::uint64_t>(i * 10 + k);
            ev.end = ev.begin + 5;
            ev.status = status;
            kg.add_relation(s, t, type, ev, false);
        }
    }
    return kg;
}

kg::DotStyle style() {
    kg::DotStyle st;
    st.graph["*"] = {{"fontname", "DejaVu Sans"}, {"outputorder", "edgesfirst"}};
    st.classes["*"] = {{"style", "filled"}, {"fontname", "DejaVu Sans"}};
    st.classes["Person"] = {{"shape", "ellipse"}, {"fillcolor", "#56B4E9"}};
    st.classes["State"] = {{"shape", "box"}, {"fillcolor", "#E69F00"}};
    st.classes["Organization"] = {{"shape", "box"}, {"style", "rounded,filled"}, {"fillcolor", "#009E73"}};
    st.classes["Agreement"] = {{"shape", "note"}, {"fillcolor", "#F0E442"}};
    st.classes["Weapon"] = {{"shape", "hexagon"}, {"fillcolor", "#D55E00"}};
    st.classes["Place"] = {{"shape", "house"}, {"fillcolor", "#CC79A7"}};
    st.relations["*"] = {{"color", "#555555"}};
    st.relations["opposes"] = {{"color", "#D55E00"}};
    st.relations["supports"] = {{"color", "#009E73"}};
    st.statuses["alleged"] = {{"style", "dashed"}};
    return st;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
    const std::string dir = argc > 2 ? argv[2] : "";
    try {
        auto t0 = std::chrono::steady_clock::now();
        const kg::KnowledgeGraph kg = synthetic(n);
        const double build = seconds_since(t0);

        kg::DotOptions o;
        o.style = style();
        o.view.isolated = true;
        std::size_t warnings = 0;
        o.warn = [&](const std::string&) { ++warnings; };

        t0 = std::chrono::steady_clock::now();
        const kg::DotSelection sel = kg::select_view(kg, o.view);
        const double view = seconds_since(t0);

        t0 = std::chrono::steady_clock::now();
        std::ostringstream dot;
        kg::write_dot(kg, dot, o);
        const double write = seconds_since(t0);

        t0 = std::chrono::steady_clock::now();
        const std::string svg = kg::render_to_string(kg, "svg", o);
        const double render = seconds_since(t0);

        if (!dir.empty()) {
            std::ofstream(dir + "/bench.dot", std::ios::binary) << dot.str();
            std::ofstream(dir + "/bench.svg", std::ios::binary) << svg;
        }
        std::printf("entities %zu, relations %zu (shown: %zu entities, %zu relations), engine %s\n",
                    kg.entity_count(), kg.relation_count(), sel.vertices.size(), sel.edges.size(),
                    kg::choose_layout(sel.vertices.size(), o).c_str());
        std::printf("build graph   %8.3f s\n", build);
        std::printf("select view   %8.3f s\n", view);
        std::printf("write_dot     %8.3f s  (%zu bytes)\n", write, dot.str().size());
        std::printf("render svg    %8.3f s  (%zu bytes, layout included)\n", render, svg.size());
        if (warnings) std::printf("graphviz warnings: %zu\n", warnings);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kg-bench-render: %s\n", e.what());
        return 1;
    }
}
