// Where one thread's build time goes, document by document: read (read_input's checks
// included), language detection, segmentation (ICU sentence + word break, token keys),
// extraction proper (mentions and relations: Extractor::extract minus its own segmentation)
// and merging into the graph. `kgraph build --timings` reports read/extract/merge/export;
// this splits its extract phase.
// Prints "kg-phase NAME SECONDS" lines, plus documents, bytes and tokens.
// Usage: kg-bench-phases ONTOLOGY_DIR PATH...
#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/text/reader.hpp"
#include "kg/text/segment.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

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
        const auto t1 = clock::now();
        clock::duration read{}, detect{}, seg{}, extract{}, merge{};
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
            doc.language = extractor.detect_language(doc.text);
            auto c = clock::now();
            kg::segment(doc, ontology.languages.at(doc.language).segmentation);
            auto d = clock::now();
            tokens += doc.tokens.size();
            bytes += doc.text.size();
            kg::Extraction x = extractor.extract(std::move(doc)); // segments again
            auto e = clock::now();
            kg::merge_into(graph, x, ontology);
            auto f = clock::now();
            read += b - a;
            detect += c - b;
            seg += d - c;
            extract += (e - d) - (d - c) - (c - b); // minus its own segmentation and detection
            merge += f - e;
            ++docs;
        }
        std::printf("kg-phase setup %.6f\nkg-phase read %.6f\nkg-phase detect_language %.6f\nkg-phase segment %.6f\n"
                    "kg-phase extract %.6f\nkg-phase merge %.6f\nkg-phase documents %llu\nkg-phase bytes %llu\n"
                    "kg-phase tokens %llu\nkg-phase entities %zu\nkg-phase relations %zu\n",
                    secs(t1 - t0), secs(read), secs(detect), secs(seg), secs(extract), secs(merge),
                    static_cast<unsigned long long>(docs), static_cast<unsigned long long>(bytes),
                    static_cast<unsigned long long>(tokens), graph.entity_count(), graph.relation_count());
    } catch (const kg::Error& e) {
        std::cerr << "kg-bench-phases: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
