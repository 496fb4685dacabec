// SPDX-License-Identifier: Apache-2.0
// kgraph validate for JSON-LD (kg/export/jsonld.hpp): the document is JSON with a @graph of
// objects; entities (@type kg:Entity) carry their fine class as kg:<Class>, relations
// (@type kg:Relation) kg:subject, kg:predicate, kg:object and their evidence as Web
// Annotations (prov:wasDerivedFrom: oa:hasSource, kg:byteStart/kg:byteEnd, oa:exact); then
// the shared checks. Lines are those of each object's "@id".
#include "contract.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <unordered_map>
#include <fstream>
#include <sstream>

namespace kg {
namespace {

using Value = rapidjson::Value;

std::string string_at(const Value& v, const char* key) {
    if (!v.IsObject()) return {};
    auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return {};
    if (it->value.IsString()) return it->value.GetString();
    if (it->value.IsObject() && it->value.HasMember("@id") && it->value["@id"].IsString()) return it->value["@id"].GetString();
    return {};
}

std::vector<std::string> types_of(const Value& v) {
    std::vector<std::string> out;
    auto it = v.FindMember("@type");
    if (it == v.MemberEnd()) return out;
    if (it->value.IsString()) out.push_back(it->value.GetString());
    else if (it->value.IsArray())
        for (const auto& t : it->value.GetArray())
            if (t.IsString()) out.push_back(t.GetString());
    return out;
}

template <class F> void each(const Value& v, const char* key, F f) {
    if (!v.IsObject()) return;
    auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return;
    if (it->value.IsArray())
        for (const auto& x : it->value.GetArray()) f(x);
    else f(it->value);
}

std::int64_t integer_at(const Value& v, const char* key) {
    if (!v.IsObject()) return -1;
    auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : -1;
}

/// Line of the first `"@id": "ID"` in the text (the writer's own spacing, or none), else 0.
class Lines {
public:
    explicit Lines(const std::string& text) : text_(text) {
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') breaks_.push_back(i);
    }
    std::uint64_t of_id(const std::string& id) const {
        for (const char* sep : {"\"@id\": \"", "\"@id\":\""}) {
            const auto at = text_.find(std::string(sep) + id + "\"");
            if (at != std::string::npos)
                return static_cast<std::uint64_t>(std::upper_bound(breaks_.begin(), breaks_.end(), at) - breaks_.begin()) + 1;
        }
        return 0;
    }

private:
    const std::string& text_;
    std::vector<std::size_t> breaks_;
};

} // namespace

std::vector<ValidationProblem> validate_jsonld(const std::string& path, const ValidationContext& context) {
    detail::Reporter report(path);
    if (!detail::has_ontology(context, report)) return report.take();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report(0, "cannot be read");
        return report.take();
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    rapidjson::Document d;
    d.Parse(text.data(), text.size());
    if (d.HasParseError()) {
        const std::size_t at = d.GetErrorOffset();
        report(static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(at, text.size())), '\n')) + 1,
               std::string("not JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
        return report.take();
    }
    if (!d.IsObject() || !d.HasMember("@graph") || !d["@graph"].IsArray()) {
        report(1, "has no @graph array");
        return report.take();
    }
    const Lines lines(text);
    detail::GraphFacts graph;
    // Mentions target their sentence by @id: a top-level node, described once, that many
    // mentions share (an embedded target, as earlier versions wrote, is read as well).
    std::unordered_map<std::string, const Value*> targets;
    for (const auto& o : d["@graph"].GetArray()) {
        if (!o.IsObject()) continue;
        const std::vector<std::string> types = types_of(o);
        if (std::find(types.begin(), types.end(), "oa:SpecificResource") != types.end()) targets[string_at(o, "@id")] = &o;
    }
    for (const auto& o : d["@graph"].GetArray()) {
        if (!o.IsObject()) continue;
        const std::vector<std::string> types = types_of(o);
        auto has = [&](const char* t) { return std::find(types.begin(), types.end(), t) != types.end(); };
        const std::string id = string_at(o, "@id");
        if (has("NewsArticle")) {
            const std::string identifier = string_at(o, "identifier");
            if (!identifier.empty()) {
                graph.document_aliases[id] = identifier;
                if (std::string url = string_at(o, "url"); !url.empty()) graph.document_aliases[url] = identifier;
            }
        } else if (has("kg:Entity")) {
            detail::NodeFacts n;
            n.line = lines.of_id(id);
            n.id = id;
            for (const auto& t : types)
                if (t.starts_with("kg:") && t != "kg:Entity") n.cls = t.substr(3); // the last, finest kg: type
            graph.nodes.push_back(std::move(n));
        } else if (has("kg:Relation")) {
            detail::EdgeFacts e;
            e.line = lines.of_id(id);
            e.id = string_at(o, "identifier").empty() ? id : string_at(o, "identifier");
            e.source = string_at(o, "kg:subject");
            e.target = string_at(o, "kg:object");
            e.type = string_at(o, "kg:predicate");
            if (e.type.starts_with("kg:")) e.type = e.type.substr(3);
            each(o, "prov:wasDerivedFrom", [&](const Value& annotation) {
                detail::EvidenceFacts ev;
                ev.line = lines.of_id(string_at(annotation, "@id"));
                if (!annotation.IsObject() || !annotation.HasMember("oa:hasTarget")) {
                    e.evidence.push_back(std::move(ev)); // reported as lacking its document
                    return;
                }
                const Value* target = &annotation["oa:hasTarget"];
                if (target->IsObject() && !target->HasMember("oa:hasSource"))
                    if (auto it = targets.find(string_at(*target, "@id")); it != targets.end()) target = it->second;
                ev.document = string_at(*target, "oa:hasSource");
                each(*target, "oa:hasSelector", [&](const Value& s) {
                    if (integer_at(s, "kg:byteStart") >= 0) {
                        ev.begin = integer_at(s, "kg:byteStart");
                        ev.end = integer_at(s, "kg:byteEnd");
                    }
                    if (s.IsObject() && s.HasMember("oa:exact") && s["oa:exact"].IsString()) {
                        ev.has_text = true;
                        ev.text.assign(s["oa:exact"].GetString(), s["oa:exact"].GetStringLength());
                    }
                });
                e.evidence.push_back(std::move(ev));
            });
            graph.edges.push_back(std::move(e));
        }
    }
    detail::check_graph(graph, context, report);
    return report.take();
}

} // namespace kg
