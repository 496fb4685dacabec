// SPDX-License-Identifier: Apache-2.0
// Extracts one sentence with the installed kgraph and writes the graph as GraphML on
// standard output: what a program embedding kgraph does first.
#include "kg/export/graphml.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/ontology.hpp"

#include <exception>
#include <iostream>

int main() {
    try {
        const kg::Ontology ontology = kg::load_ontology({ONTOLOGY_DIR});
        const kg::Extractor extractor(ontology);
        kg::Document doc;
        doc.id = "consumer.txt";
        doc.language = "en";
        doc.text = "Vladimir Putin met Kim Jong Un in Pyongyang and signed a treaty with North Korea.";
        kg::KnowledgeGraph graph;
        kg::merge_into(graph, extractor.extract(std::move(doc)), ontology);
        kg::write_graphml(graph, std::cout);
        std::cerr << graph.entity_count() << " entities, " << graph.relation_count() << " relations\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "one_sentence: " << e.what() << "\n";
        return 1;
    }
}
