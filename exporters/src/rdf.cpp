// SPDX-License-Identifier: Apache-2.0
// Turtle and N-Triples writers: one streaming walk over the graph that says the triples of
// the JSON-LD (kg/export/jsonld.hpp), and two ways to spell them. See kg/export/rdf.hpp.
#include "kg/export/rdf.hpp"

#include "kg/base/utf8.hpp"
#include "evidence.hpp"
#include "kg/error.hpp"
#include "kg/export/edge_id.hpp"
#include "linked_data.hpp"

#include <algorithm>
#include <array>
#include <ios>
#include <string_view>
#include <utility>
#include <unordered_set>
#include <vector>

namespace kg {
namespace {

using detail::LinkedData;

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

/// The prefixes of the JSON-LD @context, sorted; Turtle declares them too.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kPrefixes{{
    {"kg", kJsonldVocabulary},
    {"oa", "http://www.w3.org/ns/oa#"},
    {"owl", "http://www.w3.org/2002/07/owl#"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"schema", "https://schema.org/"},
    {"wd", detail::kWikidataEntity},
    {"xsd", kXsd},
}};

/// An IRI from a compact one ("kg:signed", "schema:Country"), as JSON-LD expands it; an
/// absolute IRI stays as it is.
std::string expand(std::string_view value) {
    const std::size_t colon = value.find(':');
    if (colon != std::string_view::npos && value.substr(colon + 1, 2) != "//")
        for (const auto& [prefix, iri] : kPrefixes)
            if (value.substr(0, colon) == prefix) return std::string(iri) + std::string(value.substr(colon + 1));
    return std::string(value);
}

/// One object of a triple.
struct Object {
    enum class Kind : std::uint8_t { iri, string, integer } kind = Kind::iri;
    std::string_view value;
    std::string_view language = {}; ///< strings: a language tag, or empty
    std::string_view datatype = {}; ///< strings: an xsd datatype IRI, or empty (xsd:string)
};

/// Spells triples; the walk calls it subject by subject.
class Syntax {
public:
    explicit Syntax(std::ostream& out) : out_(out) {}
    virtual ~Syntax() = default;
    virtual void begin() {}
    virtual void triple(std::string_view s, std::string_view p, const Object& o) = 0;
    virtual void end() {}

protected:
    void raw(std::string_view s) { out_.write(s.data(), static_cast<std::streamsize>(s.size())); }

    /// "<iri>", refusing what an IRIREF cannot hold.
    void full_iri(std::string_view iri) {
        for (const char ch : iri) {
            const auto c = static_cast<unsigned char>(ch);
            if (c <= 0x20 || std::string_view("<>\"{}|^`\\").find(ch) != std::string_view::npos)
                throw Error(Errc::export_error, "RDF: the IRI \"" + std::string(iri) +
                                                    "\" holds a character IRIs cannot hold");
        }
        out_.put('<');
        raw(iri);
        out_.put('>');
    }

    void quoted(std::string_view s) {
        static constexpr char hex[] = "0123456789ABCDEF";
        out_.put('"');
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
            raw(s.substr(run, i - run));
            run = i + 1;
            switch (c) {
            case '"': raw("\\\""); break;
            case '\\': raw("\\\\"); break;
            case '\n': raw("\\n"); break;
            case '\r': raw("\\r"); break;
            case '\t': raw("\\t"); break;
            default: {
                const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                raw(std::string_view(u, sizeof u));
            }
            }
        }
        raw(s.substr(run));
        out_.put('"');
    }

    std::ostream& out_;
};

class NTriples final : public Syntax {
public:
    using Syntax::Syntax;
    void triple(std::string_view s, std::string_view p, const Object& o) override {
        full_iri(s);
        out_.put(' ');
        full_iri(p);
        out_.put(' ');
        switch (o.kind) {
        case Object::Kind::iri: full_iri(o.value); break;
        case Object::Kind::integer:
            quoted(o.value);
            raw("^^<http://www.w3.org/2001/XMLSchema#integer>");
            break;
        case Object::Kind::string:
            quoted(o.value);
            if (!o.language.empty()) {
                out_.put('@');
                raw(o.language);
            } else if (!o.datatype.empty()) {
                raw("^^");
                full_iri(o.datatype);
            }
        }
        raw(" .\n");
    }
};

class Turtle final : public Syntax {
public:
    using Syntax::Syntax;
    void begin() override {
        for (const auto& [prefix, iri] : kPrefixes) {
            raw("@prefix ");
            raw(prefix);
            raw(": <");
            raw(iri);
            raw("> .\n");
        }
    }
    void triple(std::string_view s, std::string_view p, const Object& o) override {
        if (open_ && s == subject_) {
            if (p == predicate_) {
                raw(", ");
            } else {
                raw(" ;\n    ");
                predicate(p);
            }
        } else {
            if (open_) raw(" .\n");
            raw("\n");
            iri(s);
            raw(" ");
            predicate(p);
            subject_.assign(s);
            open_ = true;
        }
        predicate_.assign(p);
        switch (o.kind) {
        case Object::Kind::iri: iri(o.value); break;
        case Object::Kind::integer: raw(o.value); break;
        case Object::Kind::string:
            quoted(o.value);
            if (!o.language.empty()) {
                out_.put('@');
                raw(o.language);
            } else if (!o.datatype.empty()) {
                raw("^^");
                iri(o.datatype);
            }
        }
    }
    void end() override {
        if (open_) raw(" .\n");
    }

private:
    void predicate(std::string_view p) {
        if (p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") raw("a");
        else iri(p);
        raw(" ");
    }

    /// A prefixed name when the rest is a plain local name, else <...>.
    void iri(std::string_view value) {
        for (const auto& [prefix, ns] : kPrefixes) {
            if (value.size() <= ns.size() || value.substr(0, ns.size()) != ns) continue;
            const std::string_view local = value.substr(ns.size());
            const bool plain = std::all_of(local.begin(), local.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            });
            if (!plain || local.front() == '-') continue;
            raw(prefix);
            out_.put(':');
            raw(local);
            return;
        }
        full_iri(value);
    }

    bool open_ = false;
    std::string subject_, predicate_;
};

// Vocabulary IRIs used by the walk.
const std::string kType = expand("rdf:type");
const std::string kSchema = "https://schema.org/";

/// The walk: the triples of the JSON-LD, node by node, in its order.
class Walk {
public:
    Walk(const KnowledgeGraph& graph, const JsonldOptions& options, Syntax& syntax, std::string_view format)
        : g_(graph.graph()), options_(options), syntax_(syntax), ld_(graph, options, format),
          format_(format) {}

    void run() {
        syntax_.begin();
        for (const LinkedData::Document& d : ld_.documents) article(d);
        for (auto [v, end] = boost::vertices(g_); v != end; ++v) entity(*v);
        for (auto [e, end] = boost::edges(g_); e != end; ++e) relation(*e);
        if (options_.include_vocabulary) vocabulary();
        syntax_.end();
    }

private:
    using Vertex = KnowledgeGraph::Vertex;
    using Edge = KnowledgeGraph::Edge;

    // ---- objects -------------------------------------------------------------------------

    void iri(std::string_view p, std::string_view o) { syntax_.triple(subject_, p, {Object::Kind::iri, o}); }
    void type(std::string_view compact) { iri(kType, expand(compact)); }

    /// A string, checked for UTF-8 (repaired or refused, as the JSON-LD does).
    std::string_view checked(std::string_view s, std::string_view field) {
        const auto bad = find_invalid_utf8(s);
        if (!bad) return s;
        const std::string where = format_ + ": " + node_kind_ + " \"" + node_id_ + "\" field \"" + std::string(field) +
                                  "\": invalid UTF-8 at byte " + std::to_string(*bad) + " of the value";
        if (!options_.replace_invalid_utf8) throw Error(Errc::forbidden_character, where + " (RDF text must be UTF-8)");
        const std::size_t replaced = replace_invalid_utf8(s, repaired_);
        if (options_.warn) options_.warn(where + ": replaced " + std::to_string(replaced) + " byte(s) with U+FFFD");
        return repaired_;
    }
    void string(std::string_view p, std::string_view value, std::string_view language = {}) {
        const std::string_view text = checked(value, p);
        syntax_.triple(subject_, p, {Object::Kind::string, text, detail::is_language_tag(language) ? language : std::string_view()});
    }
    void integer(std::string_view p, std::uint64_t value) {
        number_.clear();
        detail::append_number(number_, value);
        syntax_.triple(subject_, p, {Object::Kind::integer, number_});
    }
    void date(std::string_view p, std::string_view d) {
        const std::string_view type = detail::date_datatype(d);
        const std::string datatype = type.empty() ? std::string() : expand(type);
        syntax_.triple(subject_, p, {Object::Kind::string, checked(d, p), {}, datatype});
    }

    const std::string& kg(std::string_view name) {
        term_ = kJsonldVocabulary;
        detail::append_encoded(term_, name);
        return term_;
    }

    /// The distinct non-empty values of one evidence field, sorted.
    template <class Member>
    const std::vector<std::string_view>& distinct(const RelationEdge& edge, Member member) {
        return detail::distinct_values(edge, member, values_);
    }

    void subject(std::string_view kind, std::string_view id, std::string iri) {
        node_kind_ = kind;
        node_id_ = id;
        subject_ = std::move(iri);
    }

    // ---- nodes ---------------------------------------------------------------------------

    void article(const LinkedData::Document& d) {
        subject("document", d.id, d.iri);
        type("schema:NewsArticle");
        string(kSchema + "identifier", d.id);
        if (d.info) {
            const DocumentInfo& info = *d.info;
            if (detail::is_article_url(info.url)) iri(kSchema + "url", info.url);
            if (!info.title.empty()) string(kSchema + "headline", info.title, info.language);
            if (!info.date.empty()) date(kSchema + "datePublished", info.date);
            const std::string publisher = info.outlet.empty() ? std::string() : ld_.publisher_iri(info.outlet);
            if (!publisher.empty()) iri(kSchema + "publisher", publisher);
            std::vector<std::string> authors;
            for (const std::string& name : info.authors) {
                authors.push_back(ld_.author_iri(name));
                iri(kSchema + "author", authors.back());
            }
            if (!info.language.empty()) string(kSchema + "inLanguage", info.language);
            if (!info.place.empty()) string(kg("place"), info.place);
            if (!info.source_path.empty()) string(kg("path"), info.source_path);
            if (!info.format.empty()) string(kg("format"), info.format);
            integer(kg("bytes"), info.bytes);
            if (!info.text_sha256.empty()) string(kg("sha256"), info.text_sha256);
            if (!info.extracted_text.empty()) string(kSchema + "text", info.extracted_text);
            for (Vertex v : d.entities) iri(kSchema + "mentions", ld_.entity_iris[v]);
            if (!publisher.empty()) {
                subject("document", d.id, publisher);
                type("schema:Organization");
                string(kSchema + "name", info.outlet);
            }
            for (std::size_t k = 0; k < authors.size(); ++k) {
                subject("document", d.id, authors[k]);
                type("schema:Person");
                string(kSchema + "name", info.authors[k]);
            }
            return;
        }
        for (Vertex v : d.entities) iri(kSchema + "mentions", ld_.entity_iris[v]);
    }

    void entity(Vertex v) {
        const EntityNode& node = g_[v];
        subject("entity", node.id, ld_.entity_iris[v]);
        const std::string schema_type = ld_.schema_type_of(node.type);
        iri(kType, schema_type.find(':') == std::string::npos ? kSchema + schema_type : expand(schema_type));
        type("kg:Entity");
        if (!node.coarse.empty()) iri(kType, kg(node.coarse));
        if (!node.type.empty() && node.type != node.coarse) iri(kType, kg(node.type));
        const JsonldClass& cls = ld_.class_def(node.type);
        if (!cls.additional_type.empty()) iri(kSchema + "additionalType", expand(cls.additional_type));
        string(kSchema + "identifier", node.id);
        if (!node.label.empty()) {
            const bool canonical = detail::is_qid(node.wikidata) || options_.canonical_ids.count(node.id) != 0;
            string(kSchema + "name", node.label, canonical ? "en" : "");
        }
        for (const std::string& a : node.aliases) string(kSchema + "alternateName", a);
        integer(kg("mentionCount"), node.mentions);
        integer(kg("documentCount"), node.documents.size());
        if (!node.first_seen.empty()) {
            date(kg("firstSeen"), node.first_seen);
            date(kg("lastSeen"), node.last_seen);
        }
        // Direct properties, grouped by type (sorted), targets in edge order.
        out_.clear();
        for (auto [e, end] = boost::out_edges(v, g_); e != end; ++e) out_.emplace_back(&g_[*e].type, boost::target(*e, g_));
        std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
        for (const auto& [name, target] : out_) iri(kg(*name), ld_.entity_iris[target]);
    }

    void relation(Edge e) {
        const RelationEdge& edge = g_[e];
        const Vertex s = boost::source(e, g_), t = boost::target(e, g_);
        std::string relation_iri;
        ld_.relation_iri(relation_iri, e);
        subject("relation", relation_iri, relation_iri);
        type("kg:Relation");
        if (ld_.relation_def(edge.type).cooccurrence) type("kg:Cooccurrence");
        string(kSchema + "identifier", edge_id(g_[s].id, edge.type, g_[t].id));
        iri(kg("subject"), ld_.entity_iris[s]);
        iri(kg("predicate"), std::string(kg(edge.type)));
        iri(kg("object"), ld_.entity_iris[t]);
        string(kg("status"), to_string(edge.status()));
        integer(kg("weight"), edge.weight());
        if (edge.evidence_dropped) integer(kg("evidenceOmitted"), edge.evidence_dropped);
        for (std::string_view d : distinct(edge, &Evidence::date)) date(kg("date"), d);
        for (const std::string& d : edge.reported) date(kg("reported"), d);
        for (std::string_view q : distinct(edge, &Evidence::quantity)) string(kg("quantity"), q);
        for (std::string_view r : distinct(edge, &Evidence::role)) string(kg("role"), r);
        for (std::string_view a : distinct(edge, &Evidence::attributed_to))
            iri(kg("attributedTo"), ld_.entity_iri_of(a, scratch_));
        mentions_.clear();
        for (const Evidence& ev : edge.evidence) {
            std::string m;
            ld_.mention_iri(m, e, ev);
            iri("http://www.w3.org/ns/prov#wasDerivedFrom", m);
            mentions_.push_back(std::move(m));
        }
        for (std::size_t k = 0; k < edge.evidence.size(); ++k) mention(edge.evidence[k], mentions_[k]);
    }

    void mention(const Evidence& ev, const std::string& m) {
        subject("mention", m, m);
        type("oa:Annotation");
        string(kg("status"), to_string(ev.status));
        if (!ev.date.empty()) date(kg("date"), ev.date);
        if (!ev.reported.empty()) date(kg("reported"), ev.reported);
        if (!ev.quantity.empty()) string(kg("quantity"), ev.quantity);
        if (!ev.role.empty()) string(kg("role"), ev.role);
        if (!ev.attributed_to.empty()) iri(kg("attributedTo"), ld_.entity_iri_of(ev.attributed_to, scratch_));
        // The sentence is a resource of its own, described the first time it is cited.
        std::string target;
        ld_.sentence_iri(target, ev);
        iri("http://www.w3.org/ns/oa#hasTarget", target);
        if (!sentences_.insert(target).second) return;
        const std::string position = target + "#position", quote = target + "#quote";
        subject("sentence", target, target);
        type("oa:SpecificResource");
        iri("http://www.w3.org/ns/oa#hasSource", ld_.document_iri(ev.document));
        iri("http://www.w3.org/ns/oa#hasSelector", position);
        iri("http://www.w3.org/ns/oa#hasSelector", quote);
        subject("sentence", target, position);
        type("oa:TextPositionSelector");
        integer("http://www.w3.org/ns/oa#start", ev.char_begin);
        integer("http://www.w3.org/ns/oa#end", ev.char_end);
        integer(kg("byteStart"), ev.begin);
        integer(kg("byteEnd"), ev.end);
        subject("sentence", target, quote);
        type("oa:TextQuoteSelector");
        string("http://www.w3.org/ns/oa#exact", ev.text);
    }

    void labels(const std::map<std::string, std::string>& by_language) {
        for (const auto& [language, label] : by_language) string(expand("rdfs:label"), label, language);
    }

    void vocabulary() {
        for (const std::string& name : ld_.classes_used) {
            const JsonldClass& cls = ld_.class_def(name);
            subject("class", name, std::string(kg(name)));
            type("rdfs:Class");
            labels(cls.labels);
            std::string coarse = cls.coarse;
            if (const auto it = ld_.graph_coarse.find(name); coarse.empty() && it != ld_.graph_coarse.end()) coarse = it->second;
            const std::string sub_class_of = expand("rdfs:subClassOf");
            iri(sub_class_of, coarse.empty() || coarse == name ? expand("kg:Entity") : std::string(kg(coarse)));
            if (!cls.schema_type.empty()) {
                std::string schema = kSchema;
                detail::append_encoded(schema, cls.schema_type);
                iri(sub_class_of, schema);
            }
        }
        for (const std::string& name : ld_.relations_used) {
            const JsonldRelation& rel = ld_.relation_def(name);
            subject("relation type", name, std::string(kg(name)));
            type("rdf:Property");
            if (rel.symmetric) type("owl:SymmetricProperty");
            labels(rel.labels);
        }
    }

    const KnowledgeGraph::Graph& g_;
    const JsonldOptions& options_;
    Syntax& syntax_;
    LinkedData ld_;
    std::string format_;

    std::string subject_, node_kind_, node_id_;
    std::string term_, number_, scratch_, repaired_;
    std::vector<std::string> mentions_;
    std::unordered_set<std::string> sentences_; ///< sentence IRIs described already
    std::vector<std::pair<const std::string*, Vertex>> out_;
    std::vector<std::string_view> values_;
};

void write_rdf(const KnowledgeGraph& graph, std::ostream& out, const JsonldOptions& options, Syntax& syntax,
               std::string_view format) {
    const std::string name(format);
    if (!out) throw Error(Errc::export_error, name + ": the output stream is not writable");
    try {
        Walk(graph, options, syntax, format).run();
        out.flush();
    } catch (const std::ios_base::failure& e) {
        throw Error(Errc::export_error, name + ": the output stream failed: " + e.what());
    }
    if (!out) throw Error(Errc::export_error, name + ": the output stream failed while writing");
}

} // namespace

void write_turtle(const KnowledgeGraph& graph, std::ostream& out, const JsonldOptions& options) {
    Turtle syntax(out);
    write_rdf(graph, out, options, syntax, "Turtle");
}

void write_ntriples(const KnowledgeGraph& graph, std::ostream& out, const JsonldOptions& options) {
    NTriples syntax(out);
    write_rdf(graph, out, options, syntax, "N-Triples");
}

} // namespace kg
