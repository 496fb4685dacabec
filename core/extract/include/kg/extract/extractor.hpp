// SPDX-License-Identifier: Apache-2.0
#pragma once
// Extraction: a document becomes an AnnotatedDocument by a fixed sequence of named stages,
// each declaring the layers it needs and the layers it assigns (see Extractor::stages()).
#include "kg/extract/annotated_document.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/ontology.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct ExtractorOptions {
    std::string language = "auto"; ///< "auto" or a code the ontology has data for
    bool cooccurrence = true;      ///< emit co-occurrence relations
    /// Run the learned name finder where the ontology has a model for the language
    /// (models/ner-<lang>.bin); off, names come from the gazetteer and the rules only.
    bool learned_names = true;
    /// Sentences longer than this many bytes are left out of analysis (0: no limit).
    std::uint32_t max_sentence_bytes = 8192;
    /// At most this many relations per sentence (0: no limit): the typed ones first, then
    /// co-occurrences, in text order. A sentence naming n entities has n(n-1)/2 pairs.
    std::uint32_t max_relations_per_sentence = 256;
};

/// A stage of the pipeline as the outside sees it: its name, what it reads and assigns.
struct StageInfo {
    std::string_view name;
    std::vector<Layer> needs;
    std::vector<Layer> assigns;
    std::string_view does; ///< one line: what it finds
};

/// Turns documents into annotated documents using an ontology. Construction compiles the
/// ontology's language data into matchers once and checks that every stage's requirements
/// are assigned by an earlier stage.
/// Thread safety: every member is const and may run on many threads at once.
class Extractor {
public:
    Extractor(const Ontology& ontology, ExtractorOptions options = {});
    ~Extractor();
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    /// Analyse one document whose `text` is valid UTF-8 and `id` is set: every stage, in order.
    /// `record` is what the input's metadata says of the article (kg/input/input.hpp).
    AnnotatedDocument extract(Document doc, DocumentInfo record = {}) const;

    /// The first steps only: language (the document's, else the record's, else detected),
    /// segmentation, and the document info: `record` completed — id (the record's, else the
    /// document's, which then takes it), language, bytes, text hash, and where the metadata
    /// left them empty, title (first line of text), authors (bylines), place and outlet (the
    /// dateline). The result has Layer::tokens; run_stage() then adds layers one stage at a time.
    AnnotatedDocument prepare(Document doc, DocumentInfo record = {}) const;

    /// Run one named stage on a prepared document. Throws kg::Error(usage) for an unknown
    /// stage or when a layer the stage needs is missing (naming the stage to run first).
    void run_stage(std::string_view stage, AnnotatedDocument& doc) const;

    /// The stages in the order extract() runs them.
    static std::vector<StageInfo> stages();

    /// The language `extract` would pick for a text under the "auto" option.
    std::string detect_language(std::string_view text) const;

    const Ontology& ontology() const noexcept { return ontology_; }

    struct Impl;

private:
    const Ontology& ontology_;
    ExtractorOptions options_;
    std::unique_ptr<Impl> impl_;
};

/// Merge one annotated document into the graph: its entities by id (an entity whose id is
/// already taken by another class gets the class appended; first and last seen on the
/// article's date), its relations with their evidence sentences (reported on that date). Call in input order for deterministic output.
void merge_into(KnowledgeGraph& graph, const AnnotatedDocument& doc, const Ontology& ontology);

/// Stable name of a layer ("mentions", ...).
const char* to_string(Layer layer) noexcept;

} // namespace kg
