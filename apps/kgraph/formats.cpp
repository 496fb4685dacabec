// SPDX-License-Identifier: Apache-2.0
#include "formats.hpp"

#include "kg/build/isolated_process.hpp"
#include "kg/error.hpp"
#include "kg/export/dot.hpp"
#include "kg/export/gexf.hpp"
#include "kg/export/graphml.hpp"
#include "kg/export/html.hpp"
#include "kg/export/jsonld.hpp"
#include "kg/export/mermaid.hpp"
#include "kg/export/neo4j.hpp"
#include "kg/export/rdf.hpp"
#include "kg/export/vocabulary.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

namespace kg::cli {
namespace {

void graphml_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, std::ostream& out) {
    GraphmlOptions go;
    go.plain = o.graphml_plain;
    go.drop_forbidden = true;
    go.warn = warn;
    go.viz = viz_style(onto);
    write_graphml(g, out, go);
}

void gexf_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions&, const Warn& warn, std::ostream& out) {
    GexfOptions go;
    go.drop_forbidden = true;
    go.warn = warn;
    go.viz = viz_style(onto);
    write_gexf(g, out, go);
}

void neo4j_to_files(const KnowledgeGraph& g, const Ontology&, const FormatOptions&, const Warn& warn, const FileWriter& file) {
    Neo4jOptions no;
    no.replace_invalid_utf8 = true; // e.g. a Latin-1 file name; the text itself is checked on input
    no.warn = warn;
    write_neo4j(g, file, no);
}

JsonldOptions jsonld_options(const Ontology& onto, const FormatOptions& o) {
    JsonldOptions jo;
    if (!o.base_iri.empty()) jo.base_iri = o.base_iri;
    jo.pretty = o.jsonld_pretty;
    jo.replace_invalid_utf8 = true; // e.g. a Latin-1 file name; the text itself is checked on input
    jo.vocabulary = jsonld_vocabulary(onto);
    jo.canonical_ids = canonical_ids(onto);
    return jo;
}

void jsonld_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, std::ostream& out) {
    JsonldOptions jo = jsonld_options(onto, o);
    jo.warn = warn;
    write_jsonld(g, out, jo);
}

void turtle_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, std::ostream& out) {
    JsonldOptions jo = jsonld_options(onto, o);
    jo.warn = warn;
    write_turtle(g, out, jo);
}

void ntriples_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, std::ostream& out) {
    JsonldOptions jo = jsonld_options(onto, o);
    jo.warn = warn;
    write_ntriples(g, out, jo);
}

// Diagrams: the options of the command line over the ontology's style.
DotOptions diagram_options(const Ontology& onto, const FormatOptions& o, const Warn& warn) {
    check_format_options(onto, o);
    DotOptions d;
    d.view = o.view;
    d.style = dot_style(onto, o.label_lang);
    d.layout = o.layout;
    d.legend = o.legend;
    d.page = o.page;
    d.dpi = o.dpi;
    d.warn = warn;
    return d;
}

void dot_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, std::ostream& out) {
    write_dot(g, out, diagram_options(onto, o, warn));
}

void mermaid_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, std::ostream& out) {
    const DotOptions d = diagram_options(onto, o, warn);
    MermaidOptions mo;
    mo.view = d.view;
    mo.style = d.style;
    mo.warn = warn;
    write_mermaid(g, out, mo);
}

template <const char* Format>
void render_to_file(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, const std::string& path) {
    render(g, Format, path, diagram_options(onto, o, warn));
}
constexpr char svg[] = "svg", png[] = "png", pdf[] = "pdf";

// The report: its diagram is rendered here, so the format runs with the Graphviz ones in the
// isolated child process.
void html_to_stream(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o, const Warn& warn, std::ostream& out) {
    HtmlOptions ho;
    const DotOptions d = diagram_options(onto, o, warn);
    ho.style = d.style;
    ho.lang = o.label_lang;
    if (!o.title.empty()) ho.title = o.title;
    if (g.entity_count() > 0) ho.diagram_svg = render_to_string(g, "svg", d);
    ho.replace_invalid_utf8 = true; // e.g. a Latin-1 file name; the text itself is checked on input
    ho.warn = warn;
    write_html(g, out, ho);
}

const Format formats[] = {
    {"graphml", "graphml", true, false, &graphml_to_stream, nullptr},
    {"jsonld", "jsonld", true, false, &jsonld_to_stream, nullptr},
    {"gexf", "gexf", false, false, &gexf_to_stream, nullptr},
    {"neo4j", "cypher", false, false, nullptr, nullptr, &neo4j_to_files},
    {"ttl", "ttl", false, false, &turtle_to_stream, nullptr},
    {"nt", "nt", false, false, &ntriples_to_stream, nullptr},
    {"dot", "dot", true, true, &dot_to_stream, nullptr},
    {"svg", "svg", true, true, nullptr, &render_to_file<svg>},
    {"png", "png", false, true, nullptr, &render_to_file<png>},
    {"pdf", "pdf", false, true, nullptr, &render_to_file<pdf>},
    {"mermaid", "mmd", false, false, &mermaid_to_stream, nullptr},
    {"html", "html", false, true, &html_to_stream, nullptr, nullptr, "report.html"},
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A stream format written by the child: into memory, then to the file with every write
// checked, so that a full disk is reported with its reason.
void write_checked(const std::string& path, const std::string& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wbx");
    if (!f) throw Error(Errc::io_error, std::string("cannot create: ") + std::strerror(errno), path);
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
    const int err = errno;
    if (std::fclose(f) != 0 || !ok) throw Error(Errc::io_error, std::string("cannot write: ") + std::strerror(ok ? errno : err), path);
}

// The child's side: each Graphviz format in turn, one record per warning and per result.
// Records: "warn\tFORMAT\tTEXT", "ok\tFORMAT\tSECONDS", "error\tFORMAT\tMESSAGE".
void run_graphviz_formats(const KnowledgeGraph& g, const Ontology& onto, const FormatOptions& o,
                          const std::vector<std::pair<const Format*, std::string>>& jobs, IsolatedChannel& channel) {
    for (const auto& [f, path] : jobs) {
        const std::string name(f->name);
        const Warn warn = [&](const std::string& w) { channel.send("warn\t" + name + "\t" + w); };
        const auto t0 = std::chrono::steady_clock::now();
        try {
            if (f->to_stream) {
                std::ostringstream out;
                f->to_stream(g, onto, o, warn, out);
                write_checked(path, out.str());
            } else {
                f->to_file(g, onto, o, warn, path);
            }
            char secs[32];
            std::snprintf(secs, sizeof secs, "%.6f", seconds_since(t0));
            channel.send("ok\t" + name + "\t" + secs);
        } catch (const std::exception& e) {
            channel.send("error\t" + name + "\t" + e.what());
        }
    }
}

// The parent's reading of the child's records into the outcomes of the Graphviz formats.
void collect_graphviz_outcomes(IsolatedResult result, std::vector<FormatOutcome>& outcomes, OutputTransaction& txn) {
    std::map<std::string, FormatOutcome*> by_name;
    for (auto& o : outcomes) by_name[o.name] = &o;
    std::set<std::string> answered;
    for (const std::string& r : result.records) {
        const auto tab1 = r.find('\t'), tab2 = r.find('\t', tab1 + 1);
        if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
        const std::string kind = r.substr(0, tab1), name = r.substr(tab1 + 1, tab2 - tab1 - 1), rest = r.substr(tab2 + 1);
        auto it = by_name.find(name);
        if (it == by_name.end()) continue;
        FormatOutcome& out = *it->second;
        if (kind == "warn") out.warnings.push_back(rest);
        if (kind == "error") out.error = Error(Errc::graphviz_error, rest);
        if (kind == "ok") {
            out.seconds = std::strtod(rest.c_str(), nullptr);
            try {
                txn.adopt(find_format(name)->file_name());
                out.staged = txn.staging_path(find_format(name)->file_name());
            } catch (const Error& e) {
                out.error = e;
            }
        }
        if (kind != "warn") answered.insert(name);
    }
    // The child ended before answering for a format: Graphviz called exit() or the child
    // crashed (a full disk or memory failure inside the library).
    std::string said = result.diagnostics;
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
    for (auto& [name, out] : by_name)
        if (!answered.count(name))
            out->error = Error(Errc::graphviz_error, "the Graphviz renderer ended (" + result.ending() + ") before " + name +
                                                         " was written" + (said.empty() ? std::string() : ": " + said),
                               (txn.out_dir() / find_format(name)->file_name()).string());
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

void check_format_options(const Ontology& onto, const FormatOptions& o) {
    for (const auto& c : o.view.classes) {
        bool known = onto.classes.count(c) != 0;
        for (const auto& [name, def] : onto.classes) known = known || def.coarse == c;
        if (!known) throw Error(Errc::usage, "--classes: unknown class \"" + c + "\"");
    }
    for (const auto& r : o.view.relations)
        if (r != "*" && !onto.relations.count(r)) throw Error(Errc::usage, "--relations: unknown relation type \"" + r + "\"");
}

std::vector<FormatOutcome> write_formats(const KnowledgeGraph& graph, const Ontology& onto, const std::vector<std::string>& names,
                                         const FormatOptions& options, unsigned jobs, OutputTransaction& txn) {
    std::vector<FormatOutcome> outcomes(names.size());
    std::vector<FormatOutcome> graphviz;
    std::vector<std::pair<const Format*, std::string>> child_jobs;
    std::vector<std::size_t> in_process;
    for (std::size_t k = 0; k < names.size(); ++k) {
        const Format* f = find_format(names[k]);
        outcomes[k].name = names[k];
        if (f->graphviz) {
            child_jobs.emplace_back(f, txn.staging_path(f->file_name()).string());
            graphviz.push_back(FormatOutcome{names[k], {}, {f->file_name()}, 0, {}, {}});
        } else {
            in_process.push_back(k);
        }
    }
    IsolatedProcess child;
    if (!child_jobs.empty()) {
        try {
            child = start_isolated([&](IsolatedChannel& channel) { run_graphviz_formats(graph, onto, options, child_jobs, channel); });
        } catch (const Error& e) {
            for (auto& g : graphviz) g.error = Error(Errc::resource_exhausted, "Graphviz: " + e.message());
        }
    }
    auto write_one = [&](std::size_t k) {
        const Format* f = find_format(names[k]);
        FormatOutcome& out = outcomes[k];
        const Warn warn = [&out](const std::string& w) { out.warnings.push_back(w); };
        const auto t0 = std::chrono::steady_clock::now();
        try {
            if (f->to_files) {
                f->to_files(graph, onto, options, warn, [&](const std::string& name, const std::function<void(std::ostream&)>& fn) {
                    txn.write(name, fn);
                    out.files.push_back(name);
                });
                out.staged = txn.staging_path(f->file_name());
            } else {
                txn.write(f->file_name(), [&](std::ostream& s) { f->to_stream(graph, onto, options, warn, s); });
                out.staged = txn.staging_path(f->file_name());
                out.files.push_back(f->file_name());
            }
        } catch (const Error& e) {
            out.error = e;
        } catch (const std::bad_alloc&) {
            out.error = Error(Errc::resource_exhausted, "out of memory", (txn.out_dir() / f->file_name()).string());
        } catch (const std::exception& e) {
            out.error = Error(Errc::export_error, e.what(), (txn.out_dir() / f->file_name()).string());
        }
        out.seconds = seconds_since(t0);
    };
    const std::size_t threads = std::min<std::size_t>(jobs, in_process.size());
    if (threads > 1) {
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> pool;
        auto drain = [&] { for (std::size_t i; (i = next++) < in_process.size();) write_one(in_process[i]); };
        try {
            for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(drain);
        } catch (const std::system_error& e) {
            next = in_process.size(); // the threads started stop after their current format
            for (auto& t : pool) t.join();
            throw Error(Errc::resource_exhausted, "cannot start an export thread: " + e.code().message() + " (try fewer --jobs)");
        }
        for (auto& t : pool) t.join();
    } else {
        for (std::size_t k : in_process) write_one(k);
    }
    if (child.running()) collect_graphviz_outcomes(child.wait(), graphviz, txn);
    for (auto& g : graphviz)
        for (auto& out : outcomes)
            if (out.name == g.name) out = std::move(g);
    return outcomes;
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
    if (a == "--pretty") {
        o.jsonld_pretty = true;
    } else if (name == "--base-iri") {
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
    } else if (name == "--page") {
        o.page = value();
        if (o.page != "a4" && o.page != "a3" && o.page != "letter" && o.page != "fit")
            throw Error(Errc::usage, "--page must be one of a4, a3, letter, fit, not \"" + o.page + "\" (see kgraph --help)");
    } else if (name == "--dpi") {
        o.dpi = parse_count("--dpi", value(), 1200);
        if (o.dpi < 36) throw Error(Errc::usage, "--dpi needs a number from 36 to 1200 (see kgraph --help)");
    } else if (name == "--title") {
        o.title = value();
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
