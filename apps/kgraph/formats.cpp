#include "formats.hpp"

#include "output.hpp"

#include "kg/error.hpp"
#include "kg/export/dot.hpp"
#include "kg/export/graphml.hpp"
#include "kg/export/jsonld.hpp"

#include <algorithm>
#include <iostream>
#include <sstream>

namespace kg::cli {
namespace {

void write_graphml_file(const KnowledgeGraph& g, const Ontology&, const std::filesystem::path& dir, const FormatOptions& o) {
    GraphmlOptions go;
    go.plain = o.graphml_plain;
    go.drop_forbidden = true;
    go.warn = [](const std::string& w) { std::cerr << "kgraph: graphml: warning: " << w << '\n'; };
    write_atomically(dir / "graph.graphml", [&](std::ostream& out) { write_graphml(g, out, go); });
}

// JSON-LD: the exporter's built-in vocabulary table overlaid with the ontology's classes
// (schema.org type, coarse class, display names) and relation types (symmetry,
// co-occurrence, display labels); gazetteer entities have canonical English labels.
JsonldOptions jsonld_options(const Ontology& onto, const FormatOptions& o) {
    JsonldOptions jo;
    if (!o.base_iri.empty()) jo.base_iri = o.base_iri;
    jo.replace_invalid_utf8 = true; // e.g. a Latin-1 file name; the text itself is checked on input
    jo.warn = [](const std::string& w) { std::cerr << "kgraph: jsonld: warning: " << w << '\n'; };
    for (const auto& [name, def] : onto.classes) {
        JsonldClass& c = jo.vocabulary.classes[name];
        if (!def.coarse.empty()) c.coarse = def.coarse;
        if (!def.schema_org.empty()) c.schema_type = def.schema_org;
        for (const auto& [lang, text] : def.display) c.labels[lang] = text;
    }
    for (const auto& [name, def] : onto.relations) {
        JsonldRelation& r = jo.vocabulary.relations[name];
        r.symmetric = def.symmetric;
        r.cooccurrence = !def.scored;
        for (const auto& [lang, text] : def.display) r.labels[lang] = text;
    }
    for (const auto& [id, e] : onto.entities)
        if (!e.label.empty()) jo.canonical_ids.insert(Ontology::graph_id(e));
    return jo;
}

void write_jsonld_file(const KnowledgeGraph& g, const Ontology& onto, const std::filesystem::path& dir, const FormatOptions& o) {
    const JsonldOptions jo = jsonld_options(onto, o);
    write_atomically(dir / "graph.jsonld", [&](std::ostream& out) { write_jsonld(g, out, jo); });
}

// Diagrams: the options of the command line over the ontology's style.
DotOptions diagram_options(const Ontology& onto, const FormatOptions& o, std::string_view format) {
    for (const auto& c : o.view.classes) {
        bool known = onto.classes.count(c) != 0;
        for (const auto& [name, def] : onto.classes) known = known || def.coarse == c;
        if (!known) throw Error(Errc::usage, "--classes: unknown class \"" + c + "\"");
    }
    for (const auto& r : o.view.relations)
        if (r != "*" && !onto.relations.count(r)) throw Error(Errc::usage, "--relations: unknown relation type \"" + r + "\"");
    DotOptions d;
    d.view = o.view;
    d.style = dot_style_from(onto, o.label_lang);
    d.layout = o.layout;
    d.legend = o.legend;
    d.warn = [name = std::string(format)](const std::string& w) { std::cerr << "kgraph: " << name << ": warning: " << w << '\n'; };
    return d;
}

void write_dot_file(const KnowledgeGraph& g, const Ontology& onto, const std::filesystem::path& dir, const FormatOptions& o) {
    const DotOptions d = diagram_options(onto, o, "dot");
    write_atomically(dir / "graph.dot", [&](std::ostream& out) { write_dot(g, out, d); });
}

template <const char* Format>
void render_file(const KnowledgeGraph& g, const Ontology& onto, const std::filesystem::path& dir, const FormatOptions& o) {
    const DotOptions d = diagram_options(onto, o, Format);
    write_file_atomically(dir / (std::string("graph.") + Format), [&](const std::string& temp) { render(g, Format, temp, d); });
}
constexpr char svg[] = "svg", png[] = "png", pdf[] = "pdf";

const Format formats[] = {
    {"graphml", "graphml", true, &write_graphml_file},
    {"jsonld", "jsonld", true, &write_jsonld_file},
    {"dot", "dot", true, &write_dot_file},
    {"svg", "svg", true, &render_file<svg>},
    {"png", "png", false, &render_file<png>},
    {"pdf", "pdf", false, &render_file<pdf>},
};

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

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

unsigned parse_count(const std::string& option, const std::string& v, unsigned max) {
    std::size_t used = 0;
    unsigned long n = 0;
    try {
        n = std::stoul(v, &used);
    } catch (const std::exception&) { used = 0; }
    if (used == 0 || used != v.size() || v[0] == '-' || n > max)
        throw Error(Errc::usage, option + " needs a number from 0 to " + std::to_string(max) + ", not \"" + v + "\" (see kgraph --help)");
    return static_cast<unsigned>(n);
}

} // namespace

const Format* find_format(std::string_view name) {
    for (const auto& f : formats)
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<std::string> default_formats() {
    std::vector<std::string> out;
    for (const auto& f : formats)
        if (f.by_default) out.emplace_back(f.name);
    return out;
}

std::string format_names() {
    std::string s;
    for (const auto& f : formats) {
        if (!s.empty()) s += ",";
        s += f.name;
    }
    return s;
}

DotStyle dot_style_from(const Ontology& onto, const std::string& lang) {
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
        // Symmetric relations have no direction to draw, unless the style says otherwise.
        if (def.symmetric && !style.relations[name].count("dir")) style.relations[name]["dir"] = "none";
    }
    return style;
}

bool parse_format_option(const std::vector<std::string>& args, std::size_t& i, FormatOptions& o) {
    const std::string& a = args[i];
    const auto eq = a.find('=');
    const std::string name = a.substr(0, eq);
    auto value = [&]() -> std::string {
        if (eq != std::string::npos) return a.substr(eq + 1);
        if (i + 1 >= args.size()) throw Error(Errc::usage, "option " + name + " needs a value (see kgraph --help)");
        return args[++i];
    };
    if (name == "--base-iri") {
        o.base_iri = value();
        std::string why;
        if (!valid_jsonld_base(o.base_iri, &why))
            throw Error(Errc::usage, "--base-iri \"" + o.base_iri + "\": " + why + " (see kgraph --help)");
    } else if (name == "--layout") {
        static const std::vector<std::string> engines = {"auto", "dot", "sfdp", "neato", "fdp", "circo", "twopi", "osage"};
        o.layout = value();
        if (std::find(engines.begin(), engines.end(), o.layout) == engines.end())
            throw Error(Errc::usage, "--layout must be one of auto, dot, sfdp, neato, fdp, circo, twopi, osage, not \"" + o.layout + "\" (see kgraph --help)");
    } else if (name == "--focus") {
        o.view.focus.push_back(value());
    } else if (name == "--depth") {
        o.view.depth = parse_count("--depth", value(), 100);
    } else if (name == "--classes") {
        auto list = split_commas(value());
        o.view.classes.insert(list.begin(), list.end());
    } else if (name == "--relations") {
        auto list = split_commas(value());
        for (auto& r : list)
            if (r == "all") r = "*";
        o.view.relations.insert(list.begin(), list.end());
    } else if (name == "--min-weight") {
        o.view.min_weight = parse_count("--min-weight", value(), 1000000);
    } else if (name == "--max-nodes") {
        o.view.max_nodes = parse_count("--max-nodes", value(), 1000000);
    } else if (name == "--label-lang") {
        o.label_lang = value();
        static const std::vector<std::string> langs = {"it", "en", "fr", "es", "de"};
        if (std::find(langs.begin(), langs.end(), o.label_lang) == langs.end())
            throw Error(Errc::usage, "--label-lang must be one of it, en, fr, es, de, not \"" + o.label_lang + "\" (see kgraph --help)");
    } else if (a == "--isolated") {
        o.view.isolated = true;
    } else if (a == "--no-legend") {
        o.legend = false;
    } else {
        return false;
    }
    return true;
}

} // namespace kg::cli
