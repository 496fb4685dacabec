#pragma once
// The extraction pipeline for one document: language -> segmentation -> entity mentions ->
// short forms -> relations. Each stage is a small named step; see core/src/extract/.
#include "kg/extract/mention.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/ontology.hpp"

#include <memory>
#include <string>

namespace kg {

struct ExtractorOptions {
    std::string language = "auto"; ///< "auto" or a code the ontology has data for
    bool cooccurrence = true;      ///< emit mentioned_with edges
    /// Sentences longer than this many bytes are left out of analysis (0: no limit).
    std::uint32_t max_sentence_bytes = 8192;
    /// At most this many relations per sentence (0: no limit): the typed ones first, then
    /// co-occurrences, in text order. A sentence naming n entities has n(n-1)/2 pairs.
    std::uint32_t max_relations_per_sentence = 256;
};

/// Turns documents into Extractions using an ontology. Construction compiles the ontology
/// into matchers (tries over token keys), once.
/// Thread safety: `extract` is const and may run on many threads at once.
class Extractor {
public:
    Extractor(const Ontology& ontology, ExtractorOptions options = {});
    ~Extractor();
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    /// Analyse one document whose `text` is valid UTF-8 and `id` is set.
    Extraction extract(Document doc) const;

    /// The language `extract` would pick for a text under the "auto" option.
    std::string detect_language(std::string_view text) const;

    const Ontology& ontology() const noexcept { return ontology_; }

    struct Impl;

private:
    const Ontology& ontology_;
    ExtractorOptions options_;
    std::unique_ptr<Impl> impl_;
};

/// Merge one document's extraction into the graph: entities by id (a recognised entity
/// whose id is already taken by another class gets the class appended), relations with
/// their evidence sentences. Call in input order for deterministic output.
void merge_into(KnowledgeGraph& graph, const Extraction& extraction, const Ontology& ontology);

} // namespace kg
