#include "kg/export/vocabulary.hpp"

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
