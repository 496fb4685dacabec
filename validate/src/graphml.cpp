// SPDX-License-Identifier: Apache-2.0
// kgraph validate for GraphML: one streaming pass with libxml2's reader (line numbers for
// every problem; libxml2's own messages are translated here and nowhere else in this
// library), then the checks that need the whole graph (edge ends, domain and range).
#include "kg/validate/validate.hpp"

#include <libxml/xmlreader.h>
#include <rapidjson/document.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>
#include <string_view>

namespace kg {

std::string ValidationProblem::to_string() const {
    return line ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

namespace {

constexpr std::string_view kGraphmlNamespace = "http://graphml.graphdrawing.org/xmlns";

struct Key {
    std::string domain; ///< node, edge, graph, all
    std::string name;
    std::string type;
};

/// A node or an edge while its <data> children are read.
struct Element {
    std::uint64_t line = 0;
    std::string id, source, target;
    std::map<std::string, std::string> data; ///< by attr.name
};

bool reads_as(const std::string& type, const std::string& v) {
    const char* b = v.data();
    const char* e = v.data() + v.size();
    if (type == "string") return true;
    if (type == "boolean") return v == "true" || v == "false";
    if (type == "int" || type == "long") {
        long long n = 0;
        auto r = std::from_chars(b, e, n);
        return !v.empty() && r.ec == std::errc() && r.ptr == e && (type == "long" || (n >= INT32_MIN && n <= INT32_MAX));
    }
    if (type == "double" || type == "float") {
        char* end = nullptr;
        const double d = std::strtod(v.c_str(), &end);
        return !v.empty() && end == v.c_str() + v.size() && std::isfinite(d);
    }
    return false;
}

std::string text_of(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : std::string(); }

std::string attribute(xmlTextReaderPtr r, const char* name) {
    xmlChar* v = xmlTextReaderGetAttribute(r, reinterpret_cast<const xmlChar*>(name));
    std::string out = text_of(v);
    xmlFree(v);
    return out;
}

class GraphmlCheck {
public:
    GraphmlCheck(const std::string& path, const ValidationContext& context) : path_(path), context_(context) {}

    std::vector<ValidationProblem> run() {
        xmlTextReaderPtr r = xmlReaderForFile(path_.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_HUGE);
        if (!r) {
            problem(0, "cannot be read as XML");
            return std::move(problems_);
        }
        xmlTextReaderSetErrorHandler(r, &GraphmlCheck::on_libxml_error, this);
        int status = 0;
        bool root_seen = false;
        while ((status = xmlTextReaderRead(r)) == 1) {
            const int type = xmlTextReaderNodeType(r);
            const std::string name = text_of(xmlTextReaderConstLocalName(r));
            // The element's own line (the parser reads ahead of the reader's node).
            const xmlNode* node = xmlTextReaderCurrentNode(r);
            const long node_line = node ? xmlGetLineNo(node) : -1;
            const auto line = static_cast<std::uint64_t>(node_line > 0 ? node_line : xmlTextReaderGetParserLineNumber(r));
            if (type == XML_READER_TYPE_ELEMENT) {
                if (!root_seen) {
                    root_seen = true;
                    if (name != "graphml" || text_of(xmlTextReaderConstNamespaceUri(r)) != kGraphmlNamespace)
                        problem(line, "the root element is not <graphml> of " + std::string(kGraphmlNamespace));
                }
                const bool empty = xmlTextReaderIsEmptyElement(r);
                if (name == "key") read_key(r, line);
                else if (name == "node" || name == "edge") {
                    current_ = Element{line, attribute(r, "id"), attribute(r, "source"), attribute(r, "target"), {}};
                    in_ = name;
                    if (empty) finish(name);
                } else if (name == "data") read_data(r, line);
            } else if (type == XML_READER_TYPE_END_ELEMENT && (name == "node" || name == "edge") && in_ == name) {
                finish(name);
            }
        }
        xmlFreeTextReader(r);
        if (status < 0 && !parse_error_reported_) problem(0, "is not well-formed XML");
        if (!root_seen && status >= 0) problem(0, "holds no XML element");
        check_edges();
        return std::move(problems_);
    }

private:
    static void on_libxml_error(void* self, const char* message, xmlParserSeverities, xmlTextReaderLocatorPtr locator) {
        auto* check = static_cast<GraphmlCheck*>(self);
        std::string m = message ? message : "XML error";
        while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
        const int line = locator ? xmlTextReaderLocatorLineNumber(locator) : 0;
        check->problem(line > 0 ? static_cast<std::uint64_t>(line) : 0, "not well-formed XML: " + m);
        check->parse_error_reported_ = true;
    }

    void problem(std::uint64_t line, std::string message) {
        if (problems_.size() < kMaxProblems) problems_.push_back({path_, line, std::move(message)});
        else if (problems_.size() == kMaxProblems)
            problems_.push_back({path_, 0, "more problems left out (the first " + std::to_string(kMaxProblems) + " are listed)"});
    }

    void read_key(xmlTextReaderPtr r, std::uint64_t line) {
        Key k{attribute(r, "for"), attribute(r, "attr.name"), attribute(r, "attr.type")};
        const std::string id = attribute(r, "id");
        if (id.empty()) return problem(line, "a <key> without an id");
        if (k.type.empty()) k.type = "string";
        static const std::set<std::string> types = {"boolean", "int", "long", "float", "double", "string"};
        if (!types.count(k.type)) problem(line, "key \"" + id + "\": attr.type \"" + k.type + "\" is not a GraphML type");
        if (!keys_.emplace(id, k).second) problem(line, "key id \"" + id + "\" is declared twice");
    }

    void read_data(xmlTextReaderPtr r, std::uint64_t line) {
        const std::string key = attribute(r, "key");
        xmlChar* raw = xmlTextReaderReadString(r);
        const std::string value = text_of(raw);
        xmlFree(raw);
        if (in_.empty()) return; // graph-level data: nothing in the contract
        auto it = keys_.find(key);
        if (it == keys_.end()) return problem(line, in_ + " \"" + current_.id + "\": <data> of undeclared key \"" + key + "\"");
        const Key& k = it->second;
        if (k.domain != in_ && k.domain != "all")
            return problem(line, in_ + " \"" + current_.id + "\": key \"" + key + "\" is declared for " + k.domain + "s");
        if (!reads_as(k.type, value))
            problem(line, in_ + " \"" + current_.id + "\": " + k.name + " \"" + value.substr(0, 40) + "\" is not of type " + k.type);
        current_.data[k.name] = value;
    }

    void finish(const std::string& kind) {
        Element e = std::move(current_);
        current_ = {};
        in_.clear();
        if (kind == "node") {
            if (e.id.empty()) return problem(e.line, "a node without an id");
            if (!node_class_.emplace(e.id, e.data["type"]).second) problem(e.line, "node id \"" + e.id + "\" is used twice");
            const std::string& cls = e.data["type"];
            if (cls.empty()) problem(e.line, "node \"" + e.id + "\" has no class (key type)");
            else if (!context_.ontology->classes.count(cls)) problem(e.line, "node \"" + e.id + "\": class \"" + cls + "\" is not in the ontology");
            return;
        }
        if (!e.id.empty() && !edge_ids_.insert(e.id).second) problem(e.line, "edge id \"" + e.id + "\" is used twice");
        check_evidence(e);
        edges_.push_back(std::move(e));
    }

    void check_edges() {
        for (const Element& e : edges_) {
            const std::string name = "edge \"" + (e.id.empty() ? e.source + " -> " + e.target : e.id) + "\"";
            const auto s = node_class_.find(e.source), t = node_class_.find(e.target);
            if (s == node_class_.end()) problem(e.line, name + ": source \"" + e.source + "\" is no node");
            if (t == node_class_.end()) problem(e.line, name + ": target \"" + e.target + "\" is no node");
            auto type = e.data.find("type");
            if (type == e.data.end() || type->second.empty()) {
                problem(e.line, name + " has no relation type (key type)");
                continue;
            }
            const RelationDef* rel = context_.ontology->find_relation(type->second);
            if (!rel) {
                problem(e.line, name + ": relation type \"" + type->second + "\" is not in the ontology");
                continue;
            }
            const Ontology& onto = *context_.ontology;
            if (s != node_class_.end() && onto.classes.count(s->second) && !rel->admits_subject(onto.class_id(s->second)))
                problem(e.line, name + ": " + rel->name + " does not take a " + s->second + " as its subject");
            if (t != node_class_.end() && onto.classes.count(t->second) && !rel->admits_object(onto.class_id(t->second)))
                problem(e.line, name + ": " + rel->name + " does not take a " + t->second + " as its object");
        }
    }

    void check_evidence(const Element& e) {
        auto it = e.data.find("evidence");
        if (it == e.data.end()) return;
        const std::string name = "edge \"" + e.id + "\": evidence";
        rapidjson::Document json;
        json.Parse(it->second.data(), it->second.size());
        if (json.HasParseError() || !json.IsArray()) return problem(e.line, name + " is not a JSON array");
        std::size_t k = 0;
        for (const auto& ev : json.GetArray()) {
            const std::string at = name + " " + std::to_string(++k);
            if (!ev.IsObject() || !ev.HasMember("document") || !ev["document"].IsString() || !ev.HasMember("begin") ||
                !ev["begin"].IsUint64() || !ev.HasMember("end") || !ev["end"].IsUint64()) {
                problem(e.line, at + " lacks document, begin or end");
                continue;
            }
            const std::string document = ev["document"].GetString();
            const std::uint64_t begin = ev["begin"].GetUint64(), end = ev["end"].GetUint64();
            if (begin > end) {
                problem(e.line, at + ": begin " + std::to_string(begin) + " is after end " + std::to_string(end));
                continue;
            }
            if (context_.documents.empty()) continue;
            auto doc = context_.documents.find(document);
            if (doc == context_.documents.end()) {
                problem(e.line, at + ": document \"" + document + "\" is not among the documents given");
                continue;
            }
            if (end > doc->second.size()) {
                problem(e.line, at + ": bytes " + std::to_string(begin) + "-" + std::to_string(end) + " lie outside \"" + document +
                                    "\" (" + std::to_string(doc->second.size()) + " bytes)");
                continue;
            }
            if (ev.HasMember("text") && ev["text"].IsString() &&
                std::string_view(ev["text"].GetString(), ev["text"].GetStringLength()) !=
                    std::string_view(doc->second).substr(begin, end - begin))
                problem(e.line, at + ": the quoted text is not bytes " + std::to_string(begin) + "-" + std::to_string(end) + " of \"" +
                                    document + "\"");
        }
    }

    static constexpr std::size_t kMaxProblems = 200;
    const std::string& path_;
    const ValidationContext& context_;
    std::vector<ValidationProblem> problems_;
    bool parse_error_reported_ = false;
    std::map<std::string, Key> keys_;
    std::map<std::string, std::string> node_class_; ///< node id -> fine class
    std::set<std::string> edge_ids_;
    std::vector<Element> edges_;
    Element current_;
    std::string in_; ///< "node", "edge" or empty
};

} // namespace

std::vector<ValidationProblem> validate_graphml(const std::string& path, const ValidationContext& context) {
    if (!context.ontology) return {{path, 0, "no ontology to check against"}};
    return GraphmlCheck(path, context).run();
}

} // namespace kg
