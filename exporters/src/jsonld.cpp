// JSON-LD writer: one streaming pass over the graph through RapidJSON's SAX Writer (no DOM
// of the output). See the format card in kg/export/jsonld.hpp.
#include "kg/export/jsonld.hpp"

#include "kg/base/utf8.hpp"
#include "kg/error.hpp"

#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <ios>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

bool valid_jsonld_base(const std::string& iri, std::string* why) {
    const auto fail = [&](std::string message) {
        if (why) *why = std::move(message);
        return false;
    };
    const std::size_t colon = iri.find(':');
    if (colon == std::string::npos || colon == 0) return fail("it is not an absolute IRI (no scheme such as https:)");
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = iri[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool ok = alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
        if (!ok) return fail("it is not an absolute IRI (the scheme before ':' is malformed)");
    }
    if (colon + 1 == iri.size()) return fail("it has nothing after the scheme");
    for (const char ch : iri) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7F || std::string_view("\"<>{}|\\^`").find(ch) != std::string_view::npos)
            return fail("it holds a character IRIs cannot hold (space, control, quote or one of <>{}|\\^`)");
    }
    if (iri.back() != '/' && iri.back() != '#' && iri.back() != ':')
        return fail("it must end in '/', '#' or ':' so that names can be appended");
    return true;
}

namespace {

constexpr std::string_view kWikidataEntity = "http://www.wikidata.org/entity/";

/// The kgraph terms that carry fixed meanings; a relation type or class with one of these
/// names would give one IRI two roles.
constexpr std::string_view kReservedTerms[] = {
    "Cooccurrence", "Entity", "Relation", "attributedTo", "bytes", "date", "documentCount", "mentionCount",
    "object", "offsetUnit", "path", "predicate", "quantity", "role", "status", "subject", "weight"};

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

bool all_digits(std::string_view s) {
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

int two_digits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

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

/// RapidJSON output stream. Buffers into `out`; writes '<' as \u003c (it only ever occurs
/// inside strings, so the text can sit in an HTML <script> block); remembers stream failure;
/// and, when `pretty`, indents by two spaces as it goes (RapidJSON 1.1's PrettyWriter does
/// not compile with writer flags such as kWriteValidateEncodingFlag, so the layout is done
/// here, on the Writer's compact output: a small state machine that knows when it is inside
/// a string).
class Sink {
public:
    using Ch = char;
    Sink(std::ostream& out, bool pretty) : out_(out), pretty_(pretty) { buffer_.reserve(kCapacity + 16); }

    void Put(char c) {
        if (!pretty_ || in_string_) {
            if (in_string_) {
                if (escaped_) escaped_ = false;
                else if (c == '\\') escaped_ = true;
                else if (c == '"') in_string_ = false;
            }
            return raw(c);
        }
        if (open_pending_) {
            open_pending_ = false;
            if (c == '}' || c == ']') { // empty object or array stays on one line
                --depth_;
                return raw(c);
            }
            newline();
        }
        switch (c) {
        case '{':
        case '[':
            raw(c);
            ++depth_;
            open_pending_ = true;
            return;
        case '}':
        case ']':
            --depth_;
            newline();
            return raw(c);
        case ',':
            raw(c);
            return newline();
        case ':':
            raw(c);
            return raw(' ');
        case '"':
            in_string_ = true;
            return raw(c);
        default:
            return raw(c);
        }
    }
    void Flush() {
        drain();
        out_.flush();
        if (!out_) failed_ = true;
    }
    bool failed() const noexcept { return failed_; }

private:
    static constexpr std::size_t kCapacity = 1 << 16;

    void raw(char c) {
        if (c == '<') buffer_.append("\\u003c");
        else buffer_.push_back(c);
        if (buffer_.size() >= kCapacity) drain();
    }
    void newline() {
        raw('\n');
        for (int i = 0; i < depth_; ++i) {
            raw(' ');
            raw(' ');
        }
    }
    void drain() {
        if (buffer_.empty()) return;
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
        if (!out_) failed_ = true;
    }

    std::ostream& out_;
    std::string buffer_;
    bool pretty_;
    bool failed_ = false;
    bool in_string_ = false, escaped_ = false, open_pending_ = false;
    int depth_ = 0;
};

constexpr unsigned kFlags = rapidjson::kWriteValidateEncodingFlag; // and NaN/inf refused (no kWriteNanAndInfFlag)
using JsonWriter = rapidjson::Writer<Sink, rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator, kFlags>;

/// What kind of RapidJSON call a result comes from, to name the error.
enum class Call { string, number, structure };

class JsonldWriter {
public:
    JsonldWriter(const KnowledgeGraph& graph, Sink& sink, const JsonldOptions& options)
        : graph_(graph), g_(graph.graph()), sink_(sink), writer_(sink), options_(options) {}

    void write() {
        prepare();
        start_object();
        key("@context");
        write_context();
        key("@graph");
        start_array();
        for (std::size_t d = 0; d < documents_.size(); ++d) write_article(d);
        for (auto [v, end] = boost::vertices(g_); v != end; ++v) write_entity(*v);
        for (auto [e, end] = boost::edges(g_); e != end; ++e) write_relation(*e);
        if (options_.include_vocabulary) write_vocabulary();
        end_array();
        end_object();
        sink_.Put('\n');
        sink_.Flush();
        check(writer_.IsComplete(), Call::structure);
    }

private:
    using Vertex = KnowledgeGraph::Vertex;
    using Edge = KnowledgeGraph::Edge;

    struct Document {
        const DocumentInfo* info = nullptr; ///< null for a document named only by the graph's data
        std::string id;
        std::string iri;
        std::vector<Vertex> entities;       ///< entities that name it, in vertex order
    };

    // ---- the one place RapidJSON results become kg::Errors --------------------------------

    [[noreturn]] void fail(Errc code, const std::string& what) const {
        std::string message = "JSON-LD: ";
        if (!node_kind_.empty()) {
            message += node_kind_;
            message += " \"";
            message += node_id_;
            message += "\"";
            if (!field_.empty()) {
                message += " field \"";
                message += field_;
                message += "\"";
            }
            message += ": ";
        }
        message += what;
        throw Error(code, std::move(message));
    }

    void check(bool ok, Call call) {
        if (sink_.failed()) fail(Errc::export_error, "the output stream failed while writing");
        if (ok) return;
        switch (call) {
        case Call::string: fail(Errc::forbidden_character, "RapidJSON refused the text as invalid UTF-8");
        case Call::number: fail(Errc::export_error, "RapidJSON refused a number (NaN or infinity)");
        case Call::structure: fail(Errc::export_error, "RapidJSON reported an incomplete document");
        }
        fail(Errc::export_error, "RapidJSON refused a value");
    }

    // ---- SAX helpers ------------------------------------------------------------------------

    void start_object() { check(writer_.StartObject(), Call::structure); }
    void end_object() { check(writer_.EndObject(), Call::structure); }
    void start_array() { check(writer_.StartArray(), Call::structure); }
    void end_array() { check(writer_.EndArray(), Call::structure); }

    static rapidjson::SizeType json_size(std::string_view s) {
        if (s.size() > std::numeric_limits<rapidjson::SizeType>::max())
            throw Error(Errc::export_error, "JSON-LD: a string of " + std::to_string(s.size()) +
                                                " bytes is longer than RapidJSON can write");
        return static_cast<rapidjson::SizeType>(s.size());
    }

    /// Every string goes through here: checked for UTF-8 first (RapidJSON's own check reads
    /// up to three bytes past a truncated sequence at the end of a buffer, and cannot say
    /// where the bad byte is), then written with RapidJSON's validation on as well.
    void text(std::string_view s, bool is_key = false) {
        if (const auto bad = find_invalid_utf8(s)) {
            const std::string where = "invalid UTF-8 at byte " + std::to_string(*bad) + " of the " +
                                      (is_key ? "key" : "value");
            if (!options_.replace_invalid_utf8) fail(Errc::forbidden_character, where + " (JSON text must be UTF-8)");
            const std::size_t replaced = replace_invalid_utf8(s, repaired_);
            warn(where + ": replaced " + std::to_string(replaced) + " byte(s) with U+FFFD");
            s = repaired_;
        }
        const auto n = json_size(s);
        check(is_key ? writer_.Key(s.data(), n) : writer_.String(s.data(), n), Call::string);
    }

    /// Reports a repair through options.warn, once per distinct message.
    void warn(const std::string& what) {
        if (!options_.warn) return;
        std::string message = std::string(node_kind_) + " \"" + node_id_ + "\" field \"" + field_ + "\": " + what;
        if (warned_.insert(message).second) options_.warn(message);
    }

    void key(std::string_view k) {
        field_ = k;
        text(k, true);
    }
    void number(std::uint64_t value) { check(writer_.Uint64(value), Call::number); }

    void member(std::string_view k, std::string_view value) {
        key(k);
        text(value);
    }
    void member(std::string_view k, std::uint64_t value) {
        key(k);
        number(value);
    }

    /// {"@value": value, "@language": tag}, or a plain string without a usable tag.
    void language_string(std::string_view value, std::string_view tag) {
        if (!is_language_tag(tag)) return text(value);
        start_object();
        member("@value", value);
        member("@language", tag);
        end_object();
    }

    /// A date: {"@value": d, "@type": xsd:...}, or a plain string when it is not ISO 8601.
    void date_value(std::string_view d) {
        const std::string_view type = date_datatype(d);
        if (type.empty()) return text(d);
        start_object();
        member("@value", d);
        member("@type", type);
        end_object();
    }

    /// "kg:" + the percent-encoded name.
    const std::string& kg_term(std::string_view name) {
        term_ = "kg:";
        append_encoded(term_, name);
        return term_;
    }

    // ---- identifiers ------------------------------------------------------------------------

    std::string minted(std::string_view kind, std::string_view id) const {
        std::string iri = options_.base_iri;
        iri += kind;
        iri += '/';
        append_encoded(iri, id);
        return iri;
    }

    /// <base>relation/<subject>/<type>/<object>, into `out`.
    void relation_iri(std::string& out, Edge e) const {
        out = options_.base_iri;
        out += "relation/";
        append_relation_key(out, e);
    }
    void append_relation_key(std::string& out, Edge e) const {
        append_encoded(out, g_[boost::source(e, g_)].id);
        out += '/';
        append_encoded(out, g_[e].type);
        out += '/';
        append_encoded(out, g_[boost::target(e, g_)].id);
    }

    const std::string& entity_iri_of(std::string_view id) {
        if (const auto v = graph_.find(id)) return entity_iris_[*v];
        scratch_ = minted("entity", id);
        return scratch_;
    }

    const std::string& document_iri(const std::string& id) { return documents_[document_index_.at(id)].iri; }

    const JsonldClass& class_def(const std::string& name) const {
        static const JsonldClass none;
        const auto it = options_.vocabulary.classes.find(name);
        return it == options_.vocabulary.classes.end() ? none : it->second;
    }
    const JsonldRelation& relation_def(const std::string& name) const {
        static const JsonldRelation none;
        const auto it = options_.vocabulary.relations.find(name);
        return it == options_.vocabulary.relations.end() ? none : it->second;
    }

    /// The schema.org class of a fine class as written in @type: a context term when it is a
    /// simple name, else a compact IRI.
    std::string schema_type_of(const std::string& fine) const {
        const std::string& t = class_def(fine).schema_type;
        if (t.empty()) return "Thing";
        if (is_simple_name(t)) return t;
        std::string out = "schema:";
        append_encoded(out, t);
        return out;
    }

    // ---- pre-pass: ids, documents, vocabulary in use ---------------------------------------

    void add_document(const std::string& id, const DocumentInfo* info) {
        if (document_index_.count(id)) return;
        document_index_.emplace(id, documents_.size());
        documents_.push_back({info, id, minted("document", id), {}});
    }

    void prepare() {
        std::string why;
        if (!valid_jsonld_base(options_.base_iri, &why))
            throw Error(Errc::export_error, "JSON-LD: base IRI \"" + options_.base_iri + "\" is unusable: " + why);

        entity_iris_.reserve(boost::num_vertices(g_));
        for (auto [v, end] = boost::vertices(g_); v != end; ++v) {
            const EntityNode& node = g_[*v];
            if (node.id.empty()) throw Error(Errc::export_error, "JSON-LD: an entity has an empty id");
            entity_iris_.push_back(is_qid(node.wikidata) ? std::string(kWikidataEntity) + node.wikidata
                                                         : minted("entity", node.id));
            for (const std::string* c : {&node.type, &node.coarse})
                if (!c->empty()) classes_used_.insert(*c);
            if (!node.type.empty()) graph_coarse_.emplace(node.type, node.coarse);
        }
        for (auto [e, end] = boost::edges(g_); e != end; ++e) relations_used_.insert(g_[*e].type);

        // Articles: the graph's documents in input order, then any other document the data
        // names (entities' documents, evidence), sorted.
        for (const DocumentInfo& d : graph_.info().documents) add_document(d.id, &d);
        std::set<std::string> others;
        for (auto [v, end] = boost::vertices(g_); v != end; ++v)
            for (const std::string& d : g_[*v].documents)
                if (!document_index_.count(d)) others.insert(d);
        for (auto [e, end] = boost::edges(g_); e != end; ++e)
            for (const Evidence& ev : g_[*e].evidence)
                if (!document_index_.count(ev.document)) others.insert(ev.document);
        for (const std::string& d : others) add_document(d, nullptr);
        for (auto [v, end] = boost::vertices(g_); v != end; ++v)
            for (const std::string& d : g_[*v].documents) documents_[document_index_.at(d)].entities.push_back(*v);

        // Every relation type gets a direct property kg:<type>; the fixed kgraph terms keep
        // their meaning.
        for (const auto& [name, def] : options_.vocabulary.relations) relation_terms_.insert(name);
        relation_terms_.insert(relations_used_.begin(), relations_used_.end());
        for (const std::string& name : relation_terms_)
            if (reserved_term(name) || classes_used_.count(name) || options_.vocabulary.classes.count(name))
                throw Error(Errc::export_error, "JSON-LD: relation type \"" + name +
                                                    "\" has the name of a kgraph class or term; rename it");
        for (const std::string& name : classes_used_)
            if (reserved_term(name) && name != "Entity")
                throw Error(Errc::export_error, "JSON-LD: class \"" + name + "\" has the name of a kgraph term; rename it");
    }

    // ---- @context ----------------------------------------------------------------------------

    void coerced_term(std::string_view term, std::string_view iri) {
        key(term);
        start_object();
        member("@id", iri);
        member("@type", "@id");
        end_object();
    }

    void write_context() {
        start_object();
        node_kind_ = "context";
        node_id_ = "@context";
        // Prefixes, sorted.
        member("kg", kJsonldVocabulary);
        member("oa", "http://www.w3.org/ns/oa#");
        member("owl", "http://www.w3.org/2002/07/owl#");
        member("prov", "http://www.w3.org/ns/prov#");
        member("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        member("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        member("schema", "https://schema.org/");
        member("wd", kWikidataEntity);
        member("xsd", "http://www.w3.org/2001/XMLSchema#");
        // schema.org classes: every one the table maps to or the graph uses, NewsArticle, Thing.
        std::set<std::string> schema_classes{"NewsArticle", "Thing"};
        for (const auto& [name, def] : options_.vocabulary.classes)
            if (is_simple_name(def.schema_type)) schema_classes.insert(def.schema_type);
        for (const std::string& name : classes_used_) {
            const std::string& t = class_def(name).schema_type;
            if (is_simple_name(t)) schema_classes.insert(t);
        }
        for (const std::string& c : schema_classes) member(c, "schema:" + c);
        // schema.org properties, sorted.
        coerced_term("additionalType", "schema:additionalType");
        member("alternateName", "schema:alternateName");
        member("identifier", "schema:identifier");
        member("inLanguage", "schema:inLanguage");
        coerced_term("mentions", "schema:mentions");
        member("name", "schema:name");
        // Properties of other vocabularies whose values are IRIs.
        coerced_term("kg:attributedTo", "kg:attributedTo");
        coerced_term("kg:object", "kg:object");
        coerced_term("kg:predicate", "kg:predicate");
        coerced_term("kg:subject", "kg:subject");
        coerced_term("oa:hasSource", "oa:hasSource");
        coerced_term("rdfs:subClassOf", "rdfs:subClassOf");
        // One direct property per relation type.
        for (const std::string& name : relation_terms_) {
            const std::string term = kg_term(name);
            coerced_term(term, term);
        }
        end_object();
    }

    // ---- @graph ------------------------------------------------------------------------------

    void write_article(std::size_t index) {
        const Document& d = documents_[index];
        node_kind_ = "document";
        node_id_ = d.id;
        start_object();
        member("@id", d.iri);
        member("@type", "NewsArticle");
        if (d.info) {
            if (!d.info->title.empty()) {
                key("name");
                language_string(d.info->title, d.info->language);
            }
            if (!d.info->language.empty()) member("inLanguage", d.info->language);
        }
        member("kg:path", d.id);
        if (d.info) member("kg:bytes", d.info->bytes);
        if (!d.entities.empty()) {
            key("mentions");
            start_array();
            for (Vertex v : d.entities) text(entity_iris_[v]);
            end_array();
        }
        end_object();
    }

    void write_entity(Vertex v) {
        const EntityNode& node = g_[v];
        node_kind_ = "entity";
        node_id_ = node.id;
        const JsonldClass& cls = class_def(node.type);
        start_object();
        member("@id", entity_iris_[v]);
        key("@type");
        start_array();
        text(schema_type_of(node.type));
        text("kg:Entity");
        if (!node.coarse.empty()) text(kg_term(node.coarse));
        if (!node.type.empty() && node.type != node.coarse) text(kg_term(node.type));
        end_array();
        if (!cls.additional_type.empty()) member("additionalType", cls.additional_type);
        member("identifier", node.id);
        if (!node.label.empty()) {
            key("name");
            const bool canonical = is_qid(node.wikidata) || options_.canonical_ids.count(node.id) != 0;
            language_string(node.label, canonical ? "en" : "");
        }
        if (!node.aliases.empty()) {
            key("alternateName");
            start_array();
            for (const std::string& a : node.aliases) text(a);
            end_array();
        }
        member("kg:mentionCount", node.mentions);
        member("kg:documentCount", node.documents.size());

        // Direct properties, grouped by type (sorted), targets in edge order.
        out_.clear();
        for (auto [e, end] = boost::out_edges(v, g_); e != end; ++e) out_.emplace_back(&g_[*e].type, boost::target(*e, g_));
        std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
        for (std::size_t i = 0; i < out_.size();) {
            key(kg_term(*out_[i].first));
            start_array();
            std::size_t j = i;
            for (; j < out_.size() && *out_[j].first == *out_[i].first; ++j) text(entity_iris_[out_[j].second]);
            end_array();
            i = j;
        }
        end_object();
    }

    /// The distinct non-empty values of one evidence field, sorted.
    template <class Member>
    const std::vector<std::string_view>& distinct(const RelationEdge& edge, Member field) {
        values_.clear();
        for (const Evidence& ev : edge.evidence) {
            const std::string& value = ev.*field;
            if (!value.empty()) values_.emplace_back(value);
        }
        std::sort(values_.begin(), values_.end());
        values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
        return values_;
    }

    void write_relation(Edge e) {
        const RelationEdge& edge = g_[e];
        const Vertex s = boost::source(e, g_), t = boost::target(e, g_);
        relation_iri(relation_, e);
        node_kind_ = "relation";
        node_id_ = relation_;
        start_object();
        member("@id", relation_);
        key("@type");
        start_array();
        text("kg:Relation");
        if (relation_def(edge.type).cooccurrence) text("kg:Cooccurrence");
        end_array();
        member("kg:subject", entity_iris_[s]);
        member("kg:predicate", kg_term(edge.type));
        member("kg:object", entity_iris_[t]);
        member("kg:status", to_string(edge.status()));
        member("kg:weight", edge.weight());
        if (const auto& dates = distinct(edge, &Evidence::date); !dates.empty()) {
            key("kg:date");
            start_array();
            for (std::string_view d : dates) date_value(d);
            end_array();
        }
        for (const auto& [name, field] : {std::pair{"kg:quantity", &Evidence::quantity}, std::pair{"kg:role", &Evidence::role}}) {
            if (const auto& values = distinct(edge, field); !values.empty()) {
                key(name);
                start_array();
                for (std::string_view value : values) text(value);
                end_array();
            }
        }
        if (const auto& sources = distinct(edge, &Evidence::attributed_to); !sources.empty()) {
            key("kg:attributedTo");
            start_array();
            for (std::string_view id : sources) text(entity_iri_of(id));
            end_array();
        }
        if (!edge.evidence.empty()) {
            key("prov:wasDerivedFrom");
            start_array();
            for (const Evidence& ev : edge.evidence) write_mention(e, ev);
            end_array();
        }
        end_object();
    }

    void write_mention(Edge e, const Evidence& ev) {
        mention_ = options_.base_iri;
        mention_ += "mention/";
        append_encoded(mention_, ev.document);
        mention_ += '/';
        append_number(mention_, ev.begin);
        mention_ += '-';
        append_number(mention_, ev.end);
        mention_ += '/';
        append_relation_key(mention_, e);
        start_object();
        member("@id", mention_);
        member("@type", "oa:Annotation");
        member("kg:status", to_string(ev.status));
        if (!ev.date.empty()) {
            key("kg:date");
            date_value(ev.date);
        }
        if (!ev.quantity.empty()) member("kg:quantity", ev.quantity);
        if (!ev.role.empty()) member("kg:role", ev.role);
        if (!ev.attributed_to.empty()) member("kg:attributedTo", entity_iri_of(ev.attributed_to));
        key("oa:hasTarget");
        start_object();
        member("@type", "oa:SpecificResource");
        member("oa:hasSource", document_iri(ev.document));
        key("oa:hasSelector");
        start_array();
        start_object();
        member("@type", "oa:TextPositionSelector");
        member("oa:start", ev.begin);
        member("oa:end", ev.end);
        member("kg:offsetUnit", "byte");
        end_object();
        start_object();
        member("@type", "oa:TextQuoteSelector");
        member("oa:exact", ev.text);
        end_object();
        end_array();
        end_object();
        end_object();
    }

    void labels(const std::map<std::string, std::string>& by_language) {
        if (by_language.empty()) return;
        key("rdfs:label");
        start_array();
        for (const auto& [language, label] : by_language) language_string(label, language);
        end_array();
    }

    void write_vocabulary() {
        for (const std::string& name : classes_used_) {
            const JsonldClass& cls = class_def(name);
            node_kind_ = "class";
            node_id_ = name;
            start_object();
            member("@id", kg_term(name));
            member("@type", "rdfs:Class");
            labels(cls.labels);
            std::string coarse = cls.coarse;
            if (const auto it = graph_coarse_.find(name); coarse.empty() && it != graph_coarse_.end()) coarse = it->second;
            key("rdfs:subClassOf");
            start_array();
            text(coarse.empty() || coarse == name ? std::string("kg:Entity") : kg_term(coarse));
            if (!cls.schema_type.empty()) {
                std::string schema = "schema:";
                append_encoded(schema, cls.schema_type);
                text(schema);
            }
            end_array();
            end_object();
        }
        for (const std::string& name : relations_used_) {
            const JsonldRelation& rel = relation_def(name);
            node_kind_ = "relation type";
            node_id_ = name;
            start_object();
            member("@id", kg_term(name));
            key("@type");
            start_array();
            text("rdf:Property");
            if (rel.symmetric) text("owl:SymmetricProperty");
            end_array();
            labels(rel.labels);
            end_object();
        }
    }

    const KnowledgeGraph& graph_;
    const KnowledgeGraph::Graph& g_;
    Sink& sink_;
    JsonWriter writer_;
    const JsonldOptions& options_;

    std::vector<std::string> entity_iris_;               // by vertex index
    std::vector<Document> documents_;
    std::map<std::string, std::size_t, std::less<>> document_index_;
    std::set<std::string> classes_used_, relations_used_, relation_terms_;
    std::map<std::string, std::string> graph_coarse_; // fine class -> coarse class, as the graph has it

    // Error context and scratch space, reused per node.
    std::string_view node_kind_; // a literal
    std::string node_id_, field_;
    std::string term_, scratch_, relation_, mention_, repaired_;
    std::set<std::string> warned_;
    std::vector<std::pair<const std::string*, Vertex>> out_;
    std::vector<std::string_view> values_;
};

} // namespace

void write_jsonld(const KnowledgeGraph& graph, std::ostream& out, const JsonldOptions& options) {
    if (!out) throw Error(Errc::export_error, "JSON-LD: the output stream is not writable");
    try {
        Sink sink(out, options.pretty);
        JsonldWriter(graph, sink, options).write();
    } catch (const std::ios_base::failure& e) {
        throw Error(Errc::export_error, std::string("JSON-LD: the output stream failed: ") + e.what());
    }
}

} // namespace kg
