// SPDX-License-Identifier: Apache-2.0
#include "kg/export/vocabulary.hpp"

#include <algorithm>
#include <tuple>

namespace kg {
namespace {

/// The display text of `display` in `lang`, else English, else `fallback`.
std::string display_in(const std::map<std::string, std::string>& display, const std::string& lang, const std::string& fallback) {
    if (auto it = display.find(lang); it != display.end()) return it->second;
    if (auto it = display.find("en"); it != display.end()) return it->second;
    return fallback;
}

/// Split a style item into Graphviz attributes and its "display:LANG" texts.
DotAttributes graphviz_attributes(const std::map<std::string, std::string>& item, std::map<std::string, std::string>* display) {
    DotAttributes out;
    for (const auto& [k, v] : item) {
        if (k.starts_with("display:")) {
            if (display) (*display)[k.substr(8)] = v;
        } else {
            out[k] = v;
        }
    }
    return out;
}

/// Whether `name` is an acronym (no lower-case letter): a poor display name.
bool acronym(const std::string& name) {
    return std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// The name of `e` in `lang`, from its aliases of that language: capitalised names before
/// descriptions in lower case, words before acronyms, then the shortest, then the first
/// listed. Empty when the record has no alias of that language.
std::string name_in(const EntityRecord& e, const std::string& lang) {
    auto it = e.aliases.find(lang);
    if (it == e.aliases.end() || it->second.empty()) return {};
    const std::string* best = nullptr;
    auto rank = [](const std::string& a) {
        const bool capital = !a.empty() && !(a[0] >= 'a' && a[0] <= 'z');
        return std::make_tuple(!capital, acronym(a), a.size());
    };
    for (const auto& a : it->second)
        if (!best || rank(a) < rank(*best)) best = &a;
    return *best;
}

} // namespace

JsonldVocabulary jsonld_vocabulary(const Ontology& onto) {
    JsonldVocabulary v;
    for (const auto& [name, def] : onto.classes) {
        JsonldClass& c = v.classes[name];
        c.coarse = def.coarse == name ? std::string() : def.coarse;
        c.schema_type = def.schema_org;
        c.additional_type = def.additional_type;
        c.labels["en"] = name;
        for (const auto& [lang, text] : def.display) c.labels[lang] = text;
    }
    for (const auto& [name, def] : onto.classes)
        if (!def.coarse.empty() && !onto.classes.count(def.coarse)) v.classes[def.coarse].labels["en"] = def.coarse;
    for (const auto& [name, def] : onto.relations) {
        JsonldRelation& r = v.relations[name];
        r.symmetric = def.symmetric;
        r.cooccurrence = !def.scored;
        for (const auto& [lang, text] : def.display) r.labels[lang] = text;
    }
    return v;
}

std::set<std::string> canonical_ids(const Ontology& onto) {
    std::set<std::string> ids;
    for (const auto& [id, e] : onto.entities)
        if (!e.label.empty()) ids.insert(Ontology::graph_id(e));
    return ids;
}

DotStyle dot_style(const Ontology& onto, const std::string& lang) {
    DotStyle style;
    auto section = [&](const char* name) -> const std::map<std::string, std::map<std::string, std::string>>& {
        static const std::map<std::string, std::map<std::string, std::string>> none;
        auto it = onto.style.find(name);
        return it == onto.style.end() ? none : it->second;
    };
    for (const auto& [engine, attrs] : section("graph")) style.graph[engine] = graphviz_attributes(attrs, nullptr);
    for (const auto& [name, attrs] : section("classes")) style.classes[name] = graphviz_attributes(attrs, nullptr);
    for (const auto& [name, attrs] : section("relations")) style.relations[name] = graphviz_attributes(attrs, nullptr);
    for (const auto& [name, attrs] : section("status")) {
        std::map<std::string, std::string> display;
        style.statuses[name] = graphviz_attributes(attrs, &display);
        style.status_labels[name] = display_in(display, lang, name);
    }
    for (const auto& [name, attrs] : section("legend")) {
        std::map<std::string, std::string> display;
        graphviz_attributes(attrs, &display);
        if (name == "*") style.legend_title = display_in(display, lang, style.legend_title);
        else if (auto it = display.find(lang); it != display.end()) style.words[name] = it->second;
    }
    // Entity names: English is the canonical label. In another language, a record's alias of
    // that language; a record named only for any language ("*", people's names) keeps its
    // label; one named in other languages but not this one falls back to English, marked.
    if (lang != "en")
        for (const auto& [id, e] : onto.entities) {
            const std::string graph_id = Ontology::graph_id(e);
            if (std::string name = name_in(e, lang); !name.empty()) {
                style.entity_labels[graph_id] = name;
            } else if (!e.label.empty() && !e.aliases.count("*") && std::any_of(e.aliases.begin(), e.aliases.end(), [](const auto& a) {
                           return a.first != "en" && !a.second.empty();
                       })) {
                style.fallback_entities.insert(graph_id);
            }
        }
    for (const auto& [name, def] : onto.classes) style.class_labels[name] = display_in(def.display, lang, name);
    for (const auto& [name, def] : onto.relations) {
        style.relation_labels[name] = display_in(def.display, lang, name);
        if (def.symmetric && !style.relations[name].count("dir")) style.relations[name]["dir"] = "none";
    }
    return style;
}

VizStyle viz_style(const Ontology& onto) {
    VizStyle viz;
    const auto section = [&](const char* name) {
        const auto it = onto.style.find(name);
        return it == onto.style.end() ? std::map<std::string, std::map<std::string, std::string>>() : it->second;
    };
    const auto classes = section("classes");
    const auto relations = section("relations");
    const auto attribute = [](const auto& items, const std::string& item, const std::string& key) -> std::string {
        for (const std::string& name : {item, std::string("*")})
            if (const auto it = items.find(name); it != items.end())
                if (const auto a = it->second.find(key); a != it->second.end()) return a->second;
        return {};
    };
    for (const auto& [name, def] : onto.classes) {
        const std::string fill = attribute(classes, name, "fillcolor");
        if (const auto c = parse_hex_color(fill.empty() ? attribute(classes, name, "color") : fill)) viz.class_colors[name] = *c;
        const std::string shape = attribute(classes, name, "shape");
        viz.class_shapes[name] = gexf_shape(shape.empty() ? "ellipse" : shape);
    }
    for (const auto& [name, attrs] : relations)
        if (const auto c = parse_hex_color(attribute(relations, name, "color"))) viz.relation_colors[name] = *c;
    return viz;
}

} // namespace kg
