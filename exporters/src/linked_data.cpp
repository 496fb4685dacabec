// SPDX-License-Identifier: Apache-2.0
// Shared by the linked-data writers. See linked_data.hpp.
#include "linked_data.hpp"

#include "kg/error.hpp"

#include <algorithm>
#include <charconv>

namespace kg::detail {

/// The kgraph terms that carry fixed meanings; a relation type or class with one of these
/// names would give one IRI two roles.
static constexpr std::string_view kReservedTerms[] = {
    "Cooccurrence", "Entity", "Relation", "attributedTo", "byteEnd", "byteStart", "bytes", "date", "documentCount",
    "evidenceOmitted", "firstSeen", "format", "lastSeen", "mentionCount", "object", "path", "place", "predicate", "quantity", "reported", "role",
    "sha256", "status", "subject", "weight"};

bool reserved_term(std::string_view name) {
    return std::find(std::begin(kReservedTerms), std::end(kReservedTerms), name) != std::end(kReservedTerms);
}

/// Appends `s` percent-encoded: every byte but the RFC 3986 unreserved characters.
void append_encoded(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
}

void append_number(std::string& out, std::uint64_t value) {
    char buffer[24];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

static bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A Wikidata item id: Q followed by digits, no leading zero.
bool is_qid(std::string_view s) { return s.size() >= 2 && s[0] == 'Q' && s[1] != '0' && all_digits(s.substr(1)); }

/// A language tag we trust for "@language": 2-3 lower-case letters, optional subtags.
bool is_language_tag(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i] != '-') return false;
        std::size_t j = ++i;
        while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9'))) ++j;
        if (j == i || j - i > 8) return false;
        i = j;
    }
    return true;
}

/// A name usable as a JSON-LD term as it is (schema.org class local names).
bool is_simple_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
}

static int two_digits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

/// The XSD datatype of an ISO 8601 date as the graph stores it, or empty when it is none of
/// YYYY, YYYY-MM, YYYY-MM-DD (then it is written as a plain string).
std::string_view date_datatype(std::string_view d) {
    if (d.size() >= 4 && !all_digits(d.substr(0, 4))) return {};
    if (d.size() == 4) return "xsd:gYear";
    if (d.size() < 7 || d[4] != '-' || !all_digits(d.substr(5, 2))) return {};
    const int month = two_digits(d, 5);
    if (month < 1 || month > 12) return {};
    if (d.size() == 7) return "xsd:gYearMonth";
    if (d.size() != 10 || d[7] != '-' || !all_digits(d.substr(8, 2))) return {};
    const int day = two_digits(d, 8);
    if (day < 1 || day > 31) return {};
    return "xsd:date";
}

// ---- LinkedData --------------------------------------------------------------------------

std::string LinkedData::minted(std::string_view kind, std::string_view id) const {
    std::string iri = options_.base_iri;
    iri += kind;
    iri += '/';
    append_encoded(iri, id);
    return iri;
}

void LinkedData::relation_iri(std::string& out, Edge e) const {
    out = options_.base_iri;
    out += "relation/";
    append_relation_key(out, e);
}

void LinkedData::append_relation_key(std::string& out, Edge e) const {
    append_encoded(out, g_[boost::source(e, g_)].id);
    out += '/';
    append_encoded(out, g_[e].type);
    out += '/';
    append_encoded(out, g_[boost::target(e, g_)].id);
}

void LinkedData::mention_iri(std::string& out, Edge e, const Evidence& ev) const {
    sentence_iri(out, ev, "mention/");
    out += '/';
    append_relation_key(out, e);
}

void LinkedData::sentence_iri(std::string& out, const Evidence& ev, std::string_view kind) const {
    out = options_.base_iri;
    out += kind;
    append_encoded(out, ev.document);
    out += '/';
    append_number(out, ev.begin);
    out += '-';
    append_number(out, ev.end);
}

const std::string& LinkedData::entity_iri_of(std::string_view id, std::string& scratch) const {
    if (const auto v = graph_.find(id)) return entity_iris[*v];
    scratch = minted("entity", id);
    return scratch;
}

const JsonldClass& LinkedData::class_def(const std::string& name) const {
    static const JsonldClass none;
    const auto it = options_.vocabulary.classes.find(name);
    return it == options_.vocabulary.classes.end() ? none : it->second;
}

const JsonldRelation& LinkedData::relation_def(const std::string& name) const {
    static const JsonldRelation none;
    const auto it = options_.vocabulary.relations.find(name);
    return it == options_.vocabulary.relations.end() ? none : it->second;
}

std::string LinkedData::schema_type_of(const std::string& fine) const {
    const std::string& t = class_def(fine).schema_type;
    if (t.empty()) return "Thing";
    if (is_simple_name(t)) return t;
    std::string out = "schema:";
    append_encoded(out, t);
    return out;
}

bool is_article_url(std::string_view id) {
    return (id.starts_with("https://") || id.starts_with("http://")) &&
           std::none_of(id.begin(), id.end(), [](char c) {
               const auto u = static_cast<unsigned char>(c);
               return u <= 0x20 || u == 0x7F || std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos;
           });
}

void LinkedData::add_document(const std::string& id, const DocumentInfo* info) {
    if (document_index.count(id)) return;
    document_index.emplace(id, documents.size());
    // An article with a URL is known by it (the document id is then that URL); others get
    // an IRI minted from their id, a hash of the text: never a local path.
    documents.push_back({info, id, is_article_url(id) ? id : minted("document", id), {}});
}

LinkedData::LinkedData(const KnowledgeGraph& graph, const JsonldOptions& options, std::string_view format)
    : graph_(graph), g_(graph.graph()), options_(options) {
    const std::string prefix = std::string(format) + ": ";
    std::string why;
    if (!valid_jsonld_base(options_.base_iri, &why))
        throw Error(Errc::export_error, prefix + "base IRI \"" + options_.base_iri + "\" is unusable: " + why);

    entity_iris.reserve(boost::num_vertices(g_));
    for (auto [v, end] = boost::vertices(g_); v != end; ++v) {
        const EntityNode& node = g_[*v];
        if (node.id.empty()) throw Error(Errc::export_error, prefix + "an entity has an empty id");
        entity_iris.push_back(is_qid(node.wikidata) ? std::string(kWikidataEntity) + node.wikidata : minted("entity", node.id));
        for (const std::string* c : {&node.type, &node.coarse})
            if (!c->empty()) classes_used.insert(*c);
        if (!node.type.empty()) graph_coarse.emplace(node.type, node.coarse);
    }
    for (auto [e, end] = boost::edges(g_); e != end; ++e) relations_used.insert(g_[*e].type);

    // Articles: the graph's documents in input order, then any other document the data
    // names (entities' documents, evidence), sorted.
    for (const DocumentInfo& d : graph_.info().documents) add_document(d.id, &d);
    std::set<std::string> others;
    for (auto [v, end] = boost::vertices(g_); v != end; ++v)
        for (const std::string& d : g_[*v].documents)
            if (!document_index.count(d)) others.insert(d);
    for (auto [e, end] = boost::edges(g_); e != end; ++e)
        for (const Evidence& ev : g_[*e].evidence)
            if (!document_index.count(ev.document)) others.insert(ev.document);
    for (const std::string& d : others) add_document(d, nullptr);
    for (auto [v, end] = boost::vertices(g_); v != end; ++v)
        for (const std::string& d : g_[*v].documents) documents[document_index.at(d)].entities.push_back(*v);

    // Every relation type gets a direct property kg:<type>; the fixed kgraph terms keep
    // their meaning.
    for (const auto& [name, def] : options_.vocabulary.relations) relation_terms.insert(name);
    relation_terms.insert(relations_used.begin(), relations_used.end());
    for (const std::string& name : relation_terms)
        if (reserved_term(name) || classes_used.count(name) || options_.vocabulary.classes.count(name))
            throw Error(Errc::export_error, prefix + "relation type \"" + name + "\" has the name of a kgraph class or term; rename it");
    for (const std::string& name : classes_used)
        if (reserved_term(name) && name != "Entity")
            throw Error(Errc::export_error, prefix + "class \"" + name + "\" has the name of a kgraph term; rename it");
}

} // namespace kg::detail
