// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the exporters: what the linked-data writers (JSON-LD, Turtle, N-Triples) share,
// so that they say the same triples: IRIs minted from ids (never from positions), the list of
// articles, the classes and relation types in use, and the checks on names. Not installed.
#include "kg/export/jsonld.hpp"
#include "kg/graph/knowledge_graph.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

inline constexpr std::string_view kWikidataEntity = "http://www.wikidata.org/entity/";

/// Whether `name` is one of the kgraph terms with a fixed meaning (kg:subject, kg:weight...).
bool reserved_term(std::string_view name);
/// Appends `s` percent-encoded: every byte but the RFC 3986 unreserved characters.
void append_encoded(std::string& out, std::string_view s);
void append_number(std::string& out, std::uint64_t value);
/// A Wikidata item id: Q followed by digits, no leading zero.
bool is_qid(std::string_view s);
/// A language tag trusted for "@language" / "@lang": 2-3 lower-case letters, subtags.
bool is_language_tag(std::string_view s);
/// A name usable as a JSON-LD term as it is (schema.org class local names).
bool is_simple_name(std::string_view s);
/// Whether a document id is an article URL (http or https, nothing an IRI cannot hold): its
/// IRI is then the URL itself.
bool is_article_url(std::string_view id);
/// "xsd:date", "xsd:gYearMonth" or "xsd:gYear" for an ISO 8601 date as the graph stores it,
/// or empty when it is none of those (then it is a plain string).
std::string_view date_datatype(std::string_view d);

/// The identifiers and the vocabulary in use of one graph, computed once before writing.
/// Construction checks the base IRI, empty entity ids and names that collide with kgraph
/// terms, and throws kg::Error(export_error) prefixed with `format` ("JSON-LD", "Turtle").
class LinkedData {
public:
    using Vertex = KnowledgeGraph::Vertex;
    using Edge = KnowledgeGraph::Edge;

    struct Document {
        const DocumentInfo* info = nullptr; ///< null for a document named only by the graph's data
        std::string id;
        std::string iri;
        std::vector<Vertex> entities;       ///< entities that name it, in vertex order
    };

    LinkedData(const KnowledgeGraph& graph, const JsonldOptions& options, std::string_view format);

    std::string minted(std::string_view kind, std::string_view id) const;
    /// <base>publisher/<outlet> and <base>author/<name>: the IRIs of an article's publisher
    /// and authors, minted from their names (two outlets or people of one name are one).
    std::string publisher_iri(std::string_view outlet) const { return minted("publisher", outlet); }
    std::string author_iri(std::string_view name) const { return minted("author", name); }
    /// <base>relation/<subject>/<type>/<object>, into `out`.
    void relation_iri(std::string& out, Edge e) const;
    /// <subject>/<type>/<object>, percent-encoded, appended to `out`.
    void append_relation_key(std::string& out, Edge e) const;
    /// <base>mention/<document>/<begin>-<end>/<subject>/<type>/<object>, into `out`.
    void mention_iri(std::string& out, Edge e, const Evidence& ev) const;
    /// <base>sentence/<document>/<begin>-<end>, into `out`: the oa:SpecificResource every
    /// mention quoting that sentence targets, described once (`kind` replaces "sentence/"
    /// for the mentions' IRIs, which start the same way).
    void sentence_iri(std::string& out, const Evidence& ev, std::string_view kind = "sentence/") const;
    /// The IRI of entity `id`: its vertex's, else a minted one (into `scratch`).
    const std::string& entity_iri_of(std::string_view id, std::string& scratch) const;
    const std::string& document_iri(const std::string& id) const { return documents[document_index.at(id)].iri; }
    const JsonldClass& class_def(const std::string& name) const;
    const JsonldRelation& relation_def(const std::string& name) const;
    /// The schema.org class of a fine class: a simple name ("Country"), "schema:<encoded>",
    /// or "Thing".
    std::string schema_type_of(const std::string& fine) const;

    std::vector<std::string> entity_iris;  ///< by vertex index
    std::vector<Document> documents;       ///< GraphInfo documents in input order, then others sorted
    std::map<std::string, std::size_t, std::less<>> document_index;
    std::set<std::string> classes_used, relations_used, relation_terms;
    std::map<std::string, std::string> graph_coarse; ///< fine class -> coarse class, as the graph has it

private:
    void add_document(const std::string& id, const DocumentInfo* info);

    const KnowledgeGraph& graph_;
    const KnowledgeGraph::Graph& g_;
    const JsonldOptions& options_;
};

} // namespace kg::detail
