// SPDX-License-Identifier: Apache-2.0
#pragma once
// JSON-LD writer.
//
// Format card
//   Spec: JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/), written so that JSON-LD 1.0
//   processors read it too (no @version, no 1.1-only keywords); RFC 8259 JSON, UTF-8.
//   Readers it is written for: jsonld.js (expand in safe mode: nothing is dropped), rdflib
//   (format="json-ld"), any RDF store, and search engines reading
//   <script type="application/ld+json"> (the output can be pasted into an HTML page as is:
//   every '<' inside a string is written as \u003c, so "</script>" cannot end the block).
//   Shape: {"@context": {...}, "@graph": [articles, entities, relations, vocabulary]}.
//   The @context is embedded, never a remote URL, so readers work offline. It defines the
//   prefixes schema (https://schema.org/), kg (the kgraph vocabulary, kJsonldVocabulary),
//   wd (http://www.wikidata.org/entity/), prov (PROV-O), oa (Web Annotation), rdf, rdfs,
//   owl and xsd; an explicit term for every schema.org term used (no @vocab); and a
//   definition with "@type": "@id" for every property whose values are IRIs, including one
//   per relation type of the vocabulary table and of the graph ("kg:signed").
//   Emitted, per node kind:
//   - article (one per GraphInfo document, plus any document named only by evidence):
//     @id = the article's URL when its id is one (kg/graph/model.hpp DocumentInfo: the id
//     is the URL, else "sha256:" of the text), else <base>document/<percent-encoded id> —
//     never a local path, so two builds of one corpus in two folders give the same IRIs;
//     @type NewsArticle, identifier = the document id (the `document` of the GraphML
//     evidence), url, headline = title (tagged with the document language), datePublished
//     (typed xsd:date, gYearMonth or gYear), publisher {@id <base>publisher/<outlet>, @type
//     Organization, name}, author [{@id <base>author/<name>, @type Person, name}], inLanguage,
//     kg:place (the dateline's), kg:path (where it was read: the path as given, ":LINE" for
//     a JSON Lines record), kg:format, kg:bytes, kg:sha256 (of the text), text (schema:text:
//     the extracted text of an HTML page, which the offsets count in), mentions = the
//     entities it mentions (schema:mentions); each only when known;
//   - entity (one per vertex, in vertex order): @id = http://www.wikidata.org/entity/<QID>
//     when the entity has a QID, else <base>entity/<percent-encoded id>; @type = the
//     schema.org type of its class (State -> Country, Agreement -> Legislation, Weapon ->
//     Product with additionalType wd:Q728 "weapon", unknown -> Thing) plus kg:Entity,
//     kg:<coarse class> and kg:<class>; identifier = the graph id; name = the label,
//     tagged "en" when it is the ontology's canonical English label (an entity with a QID
//     or listed in `canonical_ids`), else untagged; alternateName = every alias, untagged
//     (surface forms come from documents in several languages); kg:mentionCount;
//     kg:documentCount; kg:firstSeen and kg:lastSeen (typed dates: the earliest and latest
//     publication date of an article naming it, when one is dated); and one direct property
//     per outgoing relation, kg:<type> -> object @id (each graph edge once, from its stored source; symmetric types are declared
//     owl:SymmetricProperty in the vocabulary section instead of being written twice);
//   - relation (one per edge, in edge order, co-occurrence included): @id
//     <base>relation/<subject id>/<type>/<object id>, @type kg:Relation (plus
//     kg:Cooccurrence for non-scored types such as mentioned_with), kg:subject,
//     identifier (the stable edge id, kg/export/edge_id.hpp), kg:predicate (kg:<type>), kg:object, kg:status (strongest), kg:weight (=
//     mentions + kg:evidenceOmitted, the sentences over the evidence limit, written when
//     not 0), kg:date (distinct event dates, typed xsd:date / xsd:gYearMonth / xsd:gYear),
//     kg:reported (the publication dates of every article stating it, typed), kg:quantity,
//     kg:role, kg:attributedTo (distinct) and prov:wasDerivedFrom -> one mention per evidence;
//   - mention (embedded in its relation): @id <base>mention/<document>/<begin>-<end>/
//     <subject id>/<type>/<object id>, @type oa:Annotation, the evidence's own kg:status,
//     kg:date, kg:reported (its article's publication date), kg:quantity, kg:role,
//     kg:attributedTo, and oa:hasTarget {@id <sentence>}: the sentence it was read from;
//   - sentence (after the relations, one per sentence cited, in the order first cited):
//     @id <base>sentence/<document>/<begin>-<end>, @type oa:SpecificResource, oa:hasSource
//     -> article, oa:hasSelector [oa:TextPositionSelector {@id <sentence>#position, oa:start,
//     oa:end, kg:byteStart, kg:byteEnd}, oa:TextQuoteSelector {@id <sentence>#quote,
//     oa:exact = sentence}]. Every relation read from one sentence cites it, so its text is
//     written once (it was once per relation: five times on average in news).
//     oa:start and oa:end count Unicode code points from the start of the document as read
//     (Evidence::char_begin/char_end), which is what Web Annotation's selector counts;
//     kg:byteStart and kg:byteEnd are the UTF-8 byte offsets of the GraphML. No blank node
//     is written: every node, target and selector has an IRI.
//   - vocabulary (with `include_vocabulary`): one node per class and relation type used,
//     with rdfs:label per language from the table, rdfs:subClassOf (coarse class and
//     schema.org type) and owl:SymmetricProperty for symmetric relations.
//   Counts: entities = vertices; kg:Relation nodes = edges; direct kg:<type> triples =
//   edges; oa:Annotation nodes = the sum of the edges' evidence.
//   IRIs: minted IRIs live under `base_iri` (default kJsonldDefaultBase); ids inside them are
//   percent-encoded (everything but A-Z a-z 0-9 - . _ ~), so every IRI is plain ASCII and
//   stable: it depends only on the ids, never on positions in the graph.
//   Numbers: integers only (no floating point is emitted; RapidJSON would refuse NaN/inf).
//   Lossy: nothing is dropped. Invalid UTF-8 in any string is refused with
//   Errc::forbidden_character naming the node and field (JSON can hold every other code
//   point, escaped where needed), unless `replace_invalid_utf8` is set: then each bad byte
//   becomes U+FFFD and `warn` is called.
//   Deterministic: the same graph and options give byte-identical output.
#include "kg/graph/knowledge_graph.hpp"

#include <functional>
#include <map>
#include <ostream>
#include <set>
#include <string>

namespace kg {

/// The kgraph vocabulary namespace ("kg:"). A w3id.org permanent identifier, so that the
/// project can point it at its documentation without owning a domain; it is part of the
/// format, not an option.
inline constexpr const char* kJsonldVocabulary = "https://w3id.org/kgraph/vocab#";

/// Default base for minted IRIs (entities without a QID, articles, relations, mentions).
/// These IRIs are stable but not dereferenceable: publish under your own namespace with
/// `JsonldOptions::base_iri` (`kgraph build --base-iri`).
inline constexpr const char* kJsonldDefaultBase = "https://w3id.org/kgraph/id/";

/// How one entity class appears in linked data.
struct JsonldClass {
    std::string coarse;          ///< coarse class ("Actor"), or empty
    std::string schema_type;     ///< schema.org class local name ("Country"); empty = Thing
    std::string additional_type; ///< an IRI for schema:additionalType, or empty
    std::map<std::string, std::string> labels; ///< language -> display name
};

/// How one relation type appears in linked data.
struct JsonldRelation {
    bool symmetric = false;
    bool cooccurrence = false;   ///< not a scored relation (mentioned_with): kg:Cooccurrence
    std::map<std::string, std::string> labels; ///< language -> display label
};

/// The vocabulary table: fine class name -> class, relation type -> relation. Names that
/// the graph uses and the table lacks get a neutral entry (Thing; not symmetric). Filled
/// from the ontology by jsonld_vocabulary() (kg/export/vocabulary.hpp).
struct JsonldVocabulary {
    std::map<std::string, JsonldClass> classes;
    std::map<std::string, JsonldRelation> relations;
};

struct JsonldOptions {
    /// Absolute IRI ending in '/', '#' or ':' under which node IRIs are minted.
    std::string base_iri = kJsonldDefaultBase;
    JsonldVocabulary vocabulary;
    /// Ids of entities whose label is the ontology's canonical English name (entities with
    /// a QID always count as such); other labels are written without a language tag.
    std::set<std::string> canonical_ids;
    /// Indented output (two spaces); by default compact: no spaces, one line per node of the
    /// @graph and per term of the @context.
    bool pretty = false;
    /// Describe the classes and relation types used (labels, symmetry) in the @graph.
    bool include_vocabulary = true;
    /// Replace bytes that are not UTF-8 (say, a Latin-1 file name in a document id) with
    /// U+FFFD instead of failing; each distinct repair calls `warn`. IRIs are unaffected:
    /// they percent-encode the original bytes.
    bool replace_invalid_utf8 = false;
    std::function<void(const std::string&)> warn;
};

/// Whether `iri` can serve as JsonldOptions::base_iri: an absolute IRI (scheme ':' ...)
/// without spaces, controls, quotes or <>{}|\^`, ending in '/', '#' or ':'. On false, `why`
/// (when given) says what is wrong.
bool valid_jsonld_base(const std::string& iri, std::string* why = nullptr);

/// Write `graph` as JSON-LD to `out`. Throws kg::Error(forbidden_character) for invalid
/// UTF-8 in any string (unless replace_invalid_utf8), kg::Error(export_error) for a bad base IRI, a relation type that
/// collides with a kgraph term, or a failing stream.
void write_jsonld(const KnowledgeGraph& graph, std::ostream& out, const JsonldOptions& options = {});

} // namespace kg
