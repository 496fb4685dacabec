// SPDX-License-Identifier: Apache-2.0
// Where one thread's build time goes, document by document: read (read_input's checks
// included), preparation (language detection and segmentation), each extraction stage in
// pipeline order, and merging into the graph. `kgraph build --timings` reports
// read/extract/merge/export; this splits its extract phase by stage.
// Prints "kg-phase NAME SECONDS" lines (stages as "kg-phase stage:NAME"), plus documents,
// bytes and tokens.
// Usage: kg-bench-phases ONTOLOGY_DIR PATH...
#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/text/reader.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: kg-bench-phases ONTOLOGY_DIR PATH...\n";
        return 2;
    }
    using clock = std::chrono::steady_clock;
    auto secs = [](clock::duration d) { return std::chrono::duration<double>(d).count(); };
    try {
        const auto t0 = clock::now();
        kg::Ontology ontology = kg::load_ontology({argv[1]});
        kg::Extractor extractor(ontology);
        std::vector<kg::InputProblem> problems;
        const auto inputs = kg::expand_inputs(std::vector<std::string>(argv + 2, argv + argc), {".txt", ".md", ".html"}, problems);
        const auto stages = kg::Extractor::stages();
        const auto t1 = clock::now();
        clock::duration read{}, prepare{}, merge{};
        std::vector<clock::duration> per_stage(stages.size());
        std::uint64_t bytes = 0, tokens = 0, docs = 0;
        kg::KnowledgeGraph graph;
        for (const auto& in : inputs) {
            auto a = clock::now();
            kg::Document doc;
            doc.id = in.path;
            try {
                doc.text = kg::read_input(in);
            } catch (const kg::Error& e) {
                std::cerr << "skipped: " << e.what() << '\n';
                continue;
            }
            auto b = clock::now();
            kg::AnnotatedDocument x = extractor.prepare(std::move(doc));
            auto c = clock::now();
            for (std::size_t k = 0; k < stages.size(); ++k) {
                const auto s0 = clock::now();
                extractor.run_stage(stages[k].name, x);
                per_stage[k] += clock::now() - s0;
            }
            auto e = clock::now();
            kg::merge_into(graph, x, ontology);
            auto f = clock::now();
            tokens += x.doc.tokens.size();
            bytes += x.doc.text.size();
            read += b - a;
            prepare += c - b;
            merge += f - e;
            ++docs;
        }
        std::printf("kg-phase setup %.6f\nkg-phase read %.6f\nkg-phase prepare %.6f\n", secs(t1 - t0), secs(read), secs(prepare));
        clock::duration extract{};
        for (std::size_t k = 0; k < stages.size(); ++k) {
            std::printf("kg-phase stage:%.*s %.6f\n", static_cast<int>(stages[k].name.size()), stages[k].name.data(), secs(per_stage[k]));
            extract += per_stage[k];
        }
        std::printf("kg-phase extract %.6f\nkg-phase merge %.6f\nkg-phase documents %llu\nkg-phase bytes %llu\n"
                    "kg-phase tokens %llu\nkg-phase entities %zu\nkg-phase relations %zu\n",
                    secs(extract), secs(merge), static_cast<unsigned long long>(docs), static_cast<unsigned long long>(bytes),
                    static_cast<unsigned long long>(tokens), graph.entity_count(), graph.relation_count());
    } catch (const kg::Error& e) {
        std::cerr << "kg-bench-phases: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
