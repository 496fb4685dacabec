// SPDX-License-Identifier: Apache-2.0
// JSON-LD writer: one streaming pass over the graph through RapidJSON's SAX Writer (no DOM
// of the output). See the format card in kg/export/jsonld.hpp.
#include "kg/export/jsonld.hpp"

#include "kg/base/utf8.hpp"
#include "evidence.hpp"
#include "kg/error.hpp"
#include "kg/export/edge_id.hpp"
#include "linked_data.hpp"

#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <ios>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>
#include <unordered_set>
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

using namespace detail;


/// RapidJSON output stream. Buffers into `out`; writes '<' as \u003c (it only ever occurs
/// inside strings, so the text can sit in an HTML <script> block); remembers stream failure;
/// and lays the text out as it goes (RapidJSON 1.1's PrettyWriter does not compile with
/// writer flags such as kWriteValidateEncodingFlag, so the layout is done here, on the
/// Writer's compact output: a small state machine that knows when it is inside a string).
/// When `pretty`, it indents by two spaces; otherwise it writes no space at all and breaks
/// the line only between the members of the top two levels, so that each node of the
/// @graph (and each term of the @context) is one line: `head`, `grep` and `wc -l` still
/// work on a file a quarter smaller.
class Sink {
public:
    using Ch = char;
    Sink(std::ostream& out, bool pretty) : out_(out), pretty_(pretty) { buffer_.reserve(kCapacity + 16); }

    void Put(char c) {
        if (in_string_) {
            if (escaped_) escaped_ = false;
            else if (c == '\\') escaped_ = true;
            else if (c == '"') in_string_ = false;
            return raw(c);
        }
        if (!pretty_) return compact(c);
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
    static constexpr int kLineDepth = 2; ///< compact: a line per member down to this depth

    void compact(char c) {
        switch (c) {
        case '{':
        case '[': ++depth_; return raw(c);
        case '}':
        case ']': --depth_; return raw(c);
        case ',':
            raw(c);
            if (depth_ <= kLineDepth) raw('\n');
            return;
        case '"': in_string_ = true; return raw(c);
        default: return raw(c);
        }
    }

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
        : g_(graph.graph()), sink_(sink), writer_(sink), options_(options), ld_(graph, options, "JSON-LD") {}

    void write() {
        start_object();
        key("@context");
        write_context();
        key("@graph");
        start_array();
        for (std::size_t d = 0; d < ld_.documents.size(); ++d) write_article(d);
        for (auto [v, end] = boost::vertices(g_); v != end; ++v) write_entity(*v);
        for (auto [e, end] = boost::edges(g_); e != end; ++e) write_relation(*e);
        for (const Evidence* ev : sentences_) write_sentence(*ev);
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
        std::set<std::string> schema_classes{"NewsArticle", "Organization", "Person", "Thing"};
        for (const auto& [name, def] : options_.vocabulary.classes)
            if (is_simple_name(def.schema_type)) schema_classes.insert(def.schema_type);
        for (const std::string& name : ld_.classes_used) {
            const std::string& t = ld_.class_def(name).schema_type;
            if (is_simple_name(t)) schema_classes.insert(t);
        }
        for (const std::string& c : schema_classes) member(c, "schema:" + c);
        // schema.org properties, sorted.
        coerced_term("additionalType", "schema:additionalType");
        member("alternateName", "schema:alternateName");
        coerced_term("author", "schema:author");
        member("datePublished", "schema:datePublished");
        member("headline", "schema:headline");
        member("identifier", "schema:identifier");
        member("inLanguage", "schema:inLanguage");
        coerced_term("mentions", "schema:mentions");
        member("name", "schema:name");
        coerced_term("publisher", "schema:publisher");
        member("text", "schema:text");
        coerced_term("url", "schema:url");
        // Properties of other vocabularies whose values are IRIs.
        coerced_term("kg:attributedTo", "kg:attributedTo");
        coerced_term("kg:object", "kg:object");
        coerced_term("kg:predicate", "kg:predicate");
        coerced_term("kg:subject", "kg:subject");
        coerced_term("oa:hasSource", "oa:hasSource");
        coerced_term("rdfs:subClassOf", "rdfs:subClassOf");
        // One direct property per relation type.
        for (const std::string& name : ld_.relation_terms) {
            const std::string term = kg_term(name);
            coerced_term(term, term);
        }
        end_object();
    }

    // ---- @graph ------------------------------------------------------------------------------

    void write_article(std::size_t index) {
        const LinkedData::Document& d = ld_.documents[index];
        node_kind_ = "document";
        node_id_ = d.id;
        start_object();
        member("@id", d.iri);
        member("@type", "NewsArticle");
        member("identifier", d.id);
        if (d.info) {
            const DocumentInfo& info = *d.info;
            if (detail::is_article_url(info.url)) member("url", info.url);
            if (!info.title.empty()) {
                key("headline");
                language_string(info.title, info.language);
            }
            if (!info.date.empty()) {
                key("datePublished");
                date_value(info.date);
            }
            if (!info.outlet.empty()) {
                key("publisher");
                start_object();
                member("@id", ld_.publisher_iri(info.outlet));
                member("@type", "Organization");
                member("name", info.outlet);
                end_object();
            }
            if (!info.authors.empty()) {
                key("author");
                start_array();
                for (const std::string& name : info.authors) {
                    start_object();
                    member("@id", ld_.author_iri(name));
                    member("@type", "Person");
                    member("name", name);
                    end_object();
                }
                end_array();
            }
            if (!info.language.empty()) member("inLanguage", info.language);
            if (!info.place.empty()) member("kg:place", info.place);
            if (!info.source_path.empty()) member("kg:path", info.source_path);
            if (!info.format.empty()) member("kg:format", info.format);
            member("kg:bytes", info.bytes);
            if (!info.text_sha256.empty()) member("kg:sha256", info.text_sha256);
            // The text offsets count in, when no file or field holds it as is (HTML).
            if (!info.extracted_text.empty()) member("text", info.extracted_text);
        }
        if (!d.entities.empty()) {
            key("mentions");
            start_array();
            for (Vertex v : d.entities) text(ld_.entity_iris[v]);
            end_array();
        }
        end_object();
    }

    void write_entity(Vertex v) {
        const EntityNode& node = g_[v];
        node_kind_ = "entity";
        node_id_ = node.id;
        const JsonldClass& cls = ld_.class_def(node.type);
        start_object();
        member("@id", ld_.entity_iris[v]);
        key("@type");
        start_array();
        text(ld_.schema_type_of(node.type));
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
        if (!node.first_seen.empty()) {
            key("kg:firstSeen");
            date_value(node.first_seen);
            key("kg:lastSeen");
            date_value(node.last_seen);
        }

        // Direct properties, grouped by type (sorted), targets in edge order.
        out_.clear();
        for (auto [e, end] = boost::out_edges(v, g_); e != end; ++e) out_.emplace_back(&g_[*e].type, boost::target(*e, g_));
        std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
        for (std::size_t i = 0; i < out_.size();) {
            key(kg_term(*out_[i].first));
            start_array();
            std::size_t j = i;
            for (; j < out_.size() && *out_[j].first == *out_[i].first; ++j) text(ld_.entity_iris[out_[j].second]);
            end_array();
            i = j;
        }
        end_object();
    }

    /// The distinct non-empty values of one evidence field, sorted.
    template <class Member>
    const std::vector<std::string_view>& distinct(const RelationEdge& edge, Member member) {
        return detail::distinct_values(edge, member, values_);
    }

    void write_relation(Edge e) {
        const RelationEdge& edge = g_[e];
        const Vertex s = boost::source(e, g_), t = boost::target(e, g_);
        ld_.relation_iri(relation_, e);
        node_kind_ = "relation";
        node_id_ = relation_;
        start_object();
        member("@id", relation_);
        key("@type");
        start_array();
        text("kg:Relation");
        if (ld_.relation_def(edge.type).cooccurrence) text("kg:Cooccurrence");
        end_array();
        member("identifier", edge_id(g_[s].id, edge.type, g_[t].id));
        member("kg:subject", ld_.entity_iris[s]);
        member("kg:predicate", kg_term(edge.type));
        member("kg:object", ld_.entity_iris[t]);
        member("kg:status", to_string(edge.status()));
        member("kg:weight", edge.weight());
        if (edge.evidence_dropped) member("kg:evidenceOmitted", edge.evidence_dropped);
        if (const auto& dates = distinct(edge, &Evidence::date); !dates.empty()) {
            key("kg:date");
            start_array();
            for (std::string_view d : dates) date_value(d);
            end_array();
        }
        if (!edge.reported.empty()) {
            key("kg:reported");
            start_array();
            for (const std::string& d : edge.reported) date_value(d);
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
            for (std::string_view id : sources) text(ld_.entity_iri_of(id, scratch_));
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
        ld_.mention_iri(mention_, e, ev);
        start_object();
        member("@id", mention_);
        member("@type", "oa:Annotation");
        member("kg:status", to_string(ev.status));
        if (!ev.date.empty()) {
            key("kg:date");
            date_value(ev.date);
        }
        if (!ev.reported.empty()) {
            key("kg:reported");
            date_value(ev.reported);
        }
        if (!ev.quantity.empty()) member("kg:quantity", ev.quantity);
        if (!ev.role.empty()) member("kg:role", ev.role);
        if (!ev.attributed_to.empty()) member("kg:attributedTo", ld_.entity_iri_of(ev.attributed_to, scratch_));
        // The sentence is a node of its own, written once after the relations: every
        // relation read from it cites it instead of quoting it again.
        ld_.sentence_iri(sentence_, ev);
        if (sentence_seen_.insert(sentence_).second) sentences_.push_back(&ev);
        key("oa:hasTarget");
        start_object();
        member("@id", sentence_);
        end_object();
        end_object();
    }

    void write_sentence(const Evidence& ev) {
        ld_.sentence_iri(sentence_, ev);
        node_kind_ = "sentence";
        node_id_ = sentence_;
        start_object();
        member("@id", sentence_);
        member("@type", "oa:SpecificResource");
        member("oa:hasSource", ld_.document_iri(ev.document));
        key("oa:hasSelector");
        start_array();
        start_object();
        member("@id", sentence_ + "#position");
        member("@type", "oa:TextPositionSelector");
        member("oa:start", ev.char_begin);
        member("oa:end", ev.char_end);
        member("kg:byteStart", ev.begin);
        member("kg:byteEnd", ev.end);
        end_object();
        start_object();
        member("@id", sentence_ + "#quote");
        member("@type", "oa:TextQuoteSelector");
        member("oa:exact", ev.text);
        end_object();
        end_array();
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
        for (const std::string& name : ld_.classes_used) {
            const JsonldClass& cls = ld_.class_def(name);
            node_kind_ = "class";
            node_id_ = name;
            start_object();
            member("@id", kg_term(name));
            member("@type", "rdfs:Class");
            labels(cls.labels);
            std::string coarse = cls.coarse;
            if (const auto it = ld_.graph_coarse.find(name); coarse.empty() && it != ld_.graph_coarse.end()) coarse = it->second;
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
        for (const std::string& name : ld_.relations_used) {
            const JsonldRelation& rel = ld_.relation_def(name);
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

    const KnowledgeGraph::Graph& g_;
    Sink& sink_;
    JsonWriter writer_;
    const JsonldOptions& options_;

    LinkedData ld_;

    // Error context and scratch space, reused per node.
    std::string_view node_kind_; // a literal
    std::string node_id_, field_;
    std::string term_, scratch_, relation_, mention_, sentence_, repaired_;
    std::unordered_set<std::string> sentence_seen_;
    std::vector<const Evidence*> sentences_; ///< in the order first cited
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
