// SPDX-License-Identifier: Apache-2.0
// DOT writer and Graphviz renderer. See the format card in kg/export/dot.hpp; the view
// (which entities and relations are drawn) is chosen in dot_view.cpp, and everything that
// touches Graphviz's state (lock, errors, disciplines) lives in cgraph_handle.cpp.
#include "kg/export/dot.hpp"

#include "cgraph_handle.hpp"
#include "style_lookup.hpp"
#include "kg/error.hpp"
#include "kg/export/edge_id.hpp"
#include "kg/export/viz.hpp"
#include "xml_escape.hpp"

#include <cairo/cairo-pdf.h>
#include <cairo/cairo.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <iterator>
#include <set>

namespace kg {
namespace {

using detail::CString;
using detail::GraphHandle;
using detail::GraphvizSession;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view kLegendPrefix = "legend:";
constexpr std::string_view kCooccurrence = "mentioned_with";

// ---------------------------------------------------------------------------------------
// Text

/// Length of an entity-like sequence at s[i] == '&' ("&amp;", "&#38;", "&#x26;"), or 0.
std::size_t entity_like(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (j < s.size() && s[j] == '#') ++j;
    const std::size_t start = j;
    while (j < s.size() && alnum(s[j]) && j - start < 32) ++j;
    return (j > start && j < s.size() && s[j] == ';') ? j + 1 - i : 0;
}

/// Whether a code point can be shown by every renderer (and held by SVG, which is XML).
bool showable(std::uint32_t cp) { return (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') && cp != 0xFFFE && cp != 0xFFFF; }

/// Escape `text` as an escString; counts the characters replaced by U+FFFD.
std::string escape_text(std::string_view text, std::size_t& replaced) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\\') {
            out += "\\\\", ++i;
        } else if (c == '\r' || c == '\n') {
            out += "\\n";
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
        } else if (c == '&' && entity_like(text, i) != 0) {
            out += "&amp;", ++i;
        } else {
            const Utf8Char ch = decode_utf8(text, i);
            if (ch.length == 0 || !showable(ch.code_point)) {
                out += kReplacement, ++replaced;
                i += ch.length == 0 ? 1 : ch.length;
            } else {
                out.append(text, i, ch.length);
                i += ch.length;
            }
        }
    }
    return out;
}

/// `s` for an error message: bytes outside printable ASCII as \xNN.
std::string escape_for_message(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x20 && b < 0x7F && c != '\\') out += c;
        else out += std::string("\\x") + hex[b >> 4] + hex[b & 0xF];
    }
    return out;
}

/// Why Graphviz cannot carry `id` through DOT and SVG unchanged (see the format card), and
/// where; an empty reason when it can.
std::pair<std::string, std::size_t> id_problem(std::string_view id) {
    for (std::size_t i = 0; i < id.size();) {
        const char c = id[i];
        if (c == '\\') return {"holds a backslash", i};
        if (c == '&' && entity_like(id, i) != 0) return {"holds an entity-like '&...;'", i};
        const Utf8Char ch = decode_utf8(id, i);
        if (ch.length == 0) return {"is not well-formed UTF-8", i};
        if (ch.code_point < 0x20 || ch.code_point == 0x7F || ch.code_point == 0xFFFE || ch.code_point == 0xFFFF)
            return {"holds a control character or non-character", i};
        i += ch.length;
    }
    return {};
}

void check_id(std::string_view id, bool legend) {
    auto [why, at] = id_problem(id);
    if (why.empty() && legend && id.starts_with(kLegendPrefix)) why = "starts with \"legend:\", which the legend's nodes use";
    if (!why.empty())
        throw Error(Errc::forbidden_character, "DOT: entity id \"" + escape_for_message(id) + "\" " + why + " at byte " +
                                                   std::to_string(at) + "; Graphviz cannot use it as a node name");
}

std::string format_number(double value) { return viz_number(value); }

using detail::lookup;
using detail::merged;

/// A word of the diagram's language (DotStyle::words), else `english`.
std::string word(const DotStyle& style, const std::string& key, const std::string& english) {
    auto it = style.words.find(key);
    return it == style.words.end() || it->second.empty() ? english : it->second;
}

/// "1 sentence", "3 sentences", in the diagram's language.
std::string count_of(const DotStyle& style, std::uint64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? word(style, one, one) : word(style, many, many));
}

/// "300 of 12000 entities: the most connected", in the diagram's language.
std::string budget_note(const DotStyle& style, std::size_t shown, std::size_t total) {
    std::string note = word(style, "budget", "{shown} of {total} entities: the most connected");
    for (const auto& [slot, n] : {std::pair{std::string_view("{shown}"), shown}, std::pair{std::string_view("{total}"), total}})
        if (const auto at = note.find(slot); at != std::string::npos) note.replace(at, slot.size(), std::to_string(n));
    return note;
}

/// Layout defaults per engine, for diagrams that read at a glance; the style overrides them.
DotAttributes layout_defaults(const std::string& engine) {
    if (engine == "dot")
        return {{"rankdir", "LR"}, {"nodesep", "0.18"}, {"ranksep", "0.35"}, {"splines", "true"}};
    if (engine == "sfdp")
        return {{"overlap", "prism"}, {"overlap_scaling", "-4"}, {"sep", "+4"}, {"splines", "false"}};
    if (engine == "neato" || engine == "fdp")
        return {{"overlap", "prism"}, {"sep", "+4"}, {"splines", "true"}};
    return {};
}

/// Engines that draw clusters (the legend is then a cluster of sample nodes).
bool clusters_supported(const std::string& engine) {
    return engine == "dot" || engine == "fdp" || engine == "osage" || engine == "patchwork";
}


// ---------------------------------------------------------------------------------------
// Building the Agraph_t

// Display text bounds: a label is a name to read at a glance; a tooltip a short card.
constexpr std::size_t max_label_bytes = 200, max_tooltip_bytes = 2000;

class Builder {
public:
    Builder(const KnowledgeGraph& kg, const DotOptions& options, GraphvizSession& session)
        : kg_(kg), o_(options), session_(session) {}

    /// Build the diagram; `extra` graph attributes go on top (e.g. the PNG resolution).
    /// `without_cooccurrence` leaves out the co-occurrence edges of the view (and the
    /// entities only they brought in).
    /// What build() draws: everything, the drawing without its legend, or the legend alone
    /// (a page of its own when the drawing is split over pages).
    enum class Part { all, drawing, legend };

    GraphHandle build(const DotAttributes& extra = {}, bool without_cooccurrence = false, Part part = Part::all) {
        classes_shown_.clear(), relations_shown_.clear(), statuses_shown_.clear();
        replaced_ = legend_count_ = 0;
        max_weight_shown_ = 0;
        fallback_shown_ = false;
        DotSelection sel = select_view(kg_, o_.view);
        cooccurrence_shown_ = std::any_of(sel.edges.begin(), sel.edges.end(),
                                          [&](auto e) { return kg_.relation(e).type == kCooccurrence; });
        if (without_cooccurrence && cooccurrence_shown_) drop_cooccurrence(sel);
        budget_note_.clear();
        if (sel.before_budget > 0) {
            budget_note_ = budget_note(o_.style, sel.vertices.size(), sel.before_budget);
            if (o_.warn && !budget_warned_)
                o_.warn(budget_note(DotStyle{}, sel.vertices.size(), sel.before_budget) +
                        " (--max-nodes sets how many; 0 draws all)");
            budget_warned_ = true;
        }
        for (auto v : sel.vertices) check_id(kg_.entity(v).id, o_.legend);
        engine_ = choose_layout(sel.vertices.size(), o_);
        edge_labels_ = o_.edge_labels == "on" || (o_.edge_labels == "auto" && engine_ != "sfdp");

        GraphHandle handle(agopen(CString("kgraph"), Agdirected, detail::ostream_discipline()));
        session_.check(handle.get() != nullptr, "agopen");
        g_ = handle.get();

        // Graph attributes: layout defaults, the style's "*" and per-engine entries, ours.
        DotAttributes graph = layout_defaults(engine_);
        for (const auto& [k, v] : merged(o_.style.graph, engine_)) graph[k] = v;
        graph["layout"] = engine_;
        graph["linelength"] = "0"; // never split long strings with backslash-newline
        std::string title = o_.title;
        if (title.empty() && !sel.focus.empty()) {
            for (auto v : sel.focus) title += (title.empty() ? "" : ", ") + display_label(kg_.entity(v));
            title = word(o_.style, "around", "Around") + " " + title + " (" + word(o_.style, "depth", "depth") + " " +
                    std::to_string(o_.view.depth) + ")";
        }
        if (!title.empty() && part != Part::legend) {
            graph["label"] = escape(title);
            if (!graph.count("labelloc")) graph["labelloc"] = "t";
        }
        for (const auto& [k, v] : extra) graph[k] = v;
        for (const auto& [k, v] : graph) set_default(AGRAPH, k, v);

        // Node and edge defaults: the style's "*" entries, declared once.
        // A graph font the style gives is the nodes' and edges' too, unless it says otherwise.
        node_defaults_ = {{"fontsize", format_number(o_.min_fontsize)}};
        edge_defaults_ = {{"fontsize", "9"}, {"arrowsize", "0.7"}};
        if (auto it = graph.find("fontname"); it != graph.end())
            node_defaults_["fontname"] = edge_defaults_["fontname"] = it->second;
        for (const auto& [k, v] : merged(o_.style.classes, "*")) node_defaults_[k] = v;
        for (const auto& [k, v] : merged(o_.style.relations, "*")) edge_defaults_[k] = v;
        for (const auto& [k, v] : node_defaults_) set_default(AGNODE, k, v);
        for (const auto& [k, v] : edge_defaults_) set_default(AGEDGE, k, v);

        const auto& bg = kg_.graph();
        for (auto v : sel.vertices) classes_shown_.insert(kg_.entity(v).type);
        for (auto e : sel.edges) {
            statuses_shown_.insert(kg_.relation(e).status());
            relations_shown_.insert(kg_.relation(e).type);
            max_weight_shown_ = std::max(max_weight_shown_, kg_.relation(e).weight());
        }
        for (auto v : sel.vertices) fallback_shown_ = fallback_shown_ || o_.style.fallback_entities.count(kg_.entity(v).id);
        // Creation order is output order, and it is chosen so that Graphviz reading the file
        // back creates everything in the same order (`dot -Tcanon` is then a fixpoint): the
        // legend first (agwrite writes subgraphs first), then entities and relations in
        // agwrite's own emission order.
        if (o_.legend && part != Part::drawing && !sel.vertices.empty()) {
            if (clusters_supported(engine_)) add_legend();
            else add_table_legend();
        }
        if (part == Part::legend) sel.vertices.clear(), sel.edges.clear();
        const auto [order, edges] = stable_order(sel);
        std::vector<Agnode_t*> nodes(kg_.entity_count(), nullptr);
        for (auto v : order) nodes[v] = add_node(g_, kg_.entity(v));
        for (auto e : edges) add_edge(kg_.relation(e), nodes[boost::source(e, bg)], nodes[boost::target(e, bg)],
                                      kg_.entity(boost::source(e, bg)), kg_.entity(boost::target(e, bg)));
        if (replaced_ && o_.warn)
            o_.warn("DOT: " + std::to_string(replaced_) +
                    " character(s) no renderer can show (control characters, U+FFFE/U+FFFF, invalid UTF-8) "
                    "replaced by U+FFFD in labels");
        return handle;
    }

    const std::string& engine() const { return engine_; }
    /// Whether the view drew co-occurrence edges (before any were left out).
    bool cooccurrence_shown() const { return cooccurrence_shown_; }

private:
    std::string display_label(const EntityNode& n) const { return kg::display_label(o_.style, n); }

    void drop_cooccurrence(DotSelection& sel) const {
        const auto& bg = kg_.graph();
        std::erase_if(sel.edges, [&](auto e) { return kg_.relation(e).type == kCooccurrence; });
        if (o_.view.isolated) return;
        std::vector<char> keep(kg_.entity_count(), 0);
        for (auto v : sel.focus) keep[v] = 1;
        for (auto e : sel.edges) keep[boost::source(e, bg)] = keep[boost::target(e, bg)] = 1;
        std::erase_if(sel.vertices, [&](auto v) { return !keep[v]; });
    }

    std::string escape(std::string_view text) { return escape_text(text, replaced_); }
    /// Labels and tooltips are for reading: a text longer than `max_bytes` is cut at a
    /// character boundary and ends in an ellipsis (Graphviz 2.42's DOT reader also refuses
    /// strings of 16 KB and more).
    static std::string shorten(std::string_view text, std::size_t max_bytes) {
        if (text.size() <= max_bytes) return std::string(text);
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        return std::string(text.substr(0, cut)) + "\u2026";
    }

    void set_default(int kind, const std::string& name, const std::string& value) {
        session_.check(agattr(g_, kind, CString(name), CString(value)) != nullptr, "agattr " + name);
    }

    void set(void* object, const std::string& name, const std::string& value) {
        session_.check(agsafeset(object, CString(name), CString(value), CString("")) == 0, "agsafeset " + name);
    }

    /// Set every attribute of `attrs` that differs from the declared defaults.
    void set_all(void* object, const DotAttributes& attrs, const DotAttributes& defaults) {
        for (const auto& [k, v] : attrs) {
            auto d = defaults.find(k);
            if (d == defaults.end() || d->second != v) set(object, k, v);
        }
    }

    /// The order agwrite emits the selection in, iterated until creating nodes and edges in
    /// that order makes agwrite emit them in that order again. agwrite (write.c) walks nodes
    /// by creation; a node is written at its own turn unless an earlier-created predecessor
    /// pulls it forward, right before the edge from that predecessor; edges follow their tail.
    std::pair<std::vector<KnowledgeGraph::Vertex>, std::vector<KnowledgeGraph::Edge>> stable_order(const DotSelection& sel) const {
        const auto& bg = kg_.graph();
        std::vector<KnowledgeGraph::Vertex> order = sel.vertices;
        std::vector<KnowledgeGraph::Edge> edges = sel.edges;
        const std::size_t none = static_cast<std::size_t>(-1);
        std::vector<std::size_t> pos(kg_.entity_count(), none);
        for (int round = 0; round < 16; ++round) {
            for (std::size_t i = 0; i < order.size(); ++i) pos[order[i]] = i;
            // Edges by tail, keeping their order within a tail.
            std::stable_sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) {
                return pos[boost::source(a, bg)] < pos[boost::source(b, bg)];
            });
            std::vector<std::size_t> lowest_tail(kg_.entity_count(), none);
            std::vector<std::vector<KnowledgeGraph::Vertex>> heads(kg_.entity_count());
            for (const auto& e : edges) {
                const auto t = boost::source(e, bg), h = boost::target(e, bg);
                lowest_tail[h] = std::min(lowest_tail[h], pos[t]);
                heads[t].push_back(h);
            }
            std::vector<char> done(kg_.entity_count(), 0);
            std::vector<KnowledgeGraph::Vertex> emitted;
            for (auto n : order) {
                if (!done[n]) done[n] = 1, emitted.push_back(n);
                for (auto h : heads[n])
                    if (!done[h] && pos[h] >= pos[n] && lowest_tail[h] >= pos[n]) done[h] = 1, emitted.push_back(h);
            }
            if (emitted == order) break;
            order = std::move(emitted);
        }
        return {order, edges};
    }

    Agnode_t* add_node(Agraph_t* where, const EntityNode& n) {
        Agnode_t* node = agnode(where, CString(n.id), 1);
        session_.check(node != nullptr, "agnode");
        set_all(node, merged(o_.style.classes, n.type), node_defaults_);
        const std::string label = display_label(n);
        set(node, "label", escape(shorten(label, max_label_bytes)));
        set(node, "class", escape(n.type));
        const double size = o_.min_fontsize + 2.5 * std::log2(std::max<double>(1, n.mentions));
        set(node, "fontsize", format_number(std::clamp(size, o_.min_fontsize, std::max(o_.min_fontsize, o_.max_fontsize))));
        std::string tip = label + " (" + lookup(o_.style.class_labels, n.type) + ", " + n.id + "), " +
                          count_of(o_.style, n.mentions, "mention", "mentions");
        if (!n.first_seen.empty())
            tip += n.first_seen == n.last_seen ? ", " + word(o_.style, "seen", "seen") + " " + n.first_seen
                                               : ", " + word(o_.style, "first_seen", "first seen") + " " + n.first_seen + ", " +
                                                     word(o_.style, "last_seen", "last seen") + " " + n.last_seen;
        set(node, "tooltip", escape(shorten(tip, max_tooltip_bytes)));
        if (!n.wikidata.empty() && n.wikidata.find_first_not_of("Q0123456789") == std::string::npos) {
            set(node, "URL", "https://www.wikidata.org/wiki/" + n.wikidata);
            set(node, "target", "_blank");
        }
        return node;
    }

    DotAttributes edge_attributes(const std::string& type, ClaimStatus status) {
        DotAttributes attrs = merged(o_.style.relations, type);
        if (auto it = o_.style.statuses.find(to_string(status)); it != o_.style.statuses.end())
            for (const auto& [k, v] : it->second) attrs[k] = v;
        return attrs;
    }

    void add_edge(const RelationEdge& r, Agnode_t* tail, Agnode_t* head, const EntityNode& s, const EntityNode& t) {
        Agedge_t* edge = agedge(g_, tail, head, nullptr, 1);
        session_.check(edge != nullptr, "agedge");
        const ClaimStatus status = r.status();
        set_all(edge, edge_attributes(r.type, status), edge_defaults_);
        const std::string label = lookup(o_.style.relation_labels, r.type);
        if (edge_labels_) set(edge, "label", escape(label));
        set(edge, "class", escape(r.type + " " + to_string(status)));
        set(edge, "id", escape(edge_id(s.id, r.type, t.id))); // the SVG element's id too
        const double width = 1 + std::log2(std::max<double>(1, r.weight()));
        set(edge, "penwidth", format_number(std::clamp(width, 1.0, std::max(1.0, o_.max_penwidth))));
        std::string tip = display_label(s) + " " + label + " " + display_label(t) + " (" +
                          count_of(o_.style, r.weight(), "sentence", "sentences") + ", " +
                          lookup(o_.style.status_labels, to_string(status)) + ")";
        if (!r.reported.empty()) {
            tip += "\n" + word(o_.style, "reported_on", "reported");
            for (const std::string& d : r.reported) tip += (&d == &*r.reported.begin() ? " " : ", ") + d;
        }
        // The articles that state it, one line each: date, outlet, headline, authors, URL.
        for (const std::string& id : r.sources) {
            const DocumentInfo* doc = kg_.document(id);
            if (!doc) continue;
            const DocumentInfo& d = *doc;
            std::string line;
            for (const std::string* part : {&d.date, &d.outlet, &d.title})
                if (!part->empty()) line += (line.empty() ? "" : " \xE2\x80\x94 ") + *part;
            for (std::size_t k = 0; k < d.authors.size(); ++k) line += (k ? ", " : " (") + d.authors[k] + (k + 1 == d.authors.size() ? ")" : "");
            if (!d.url.empty()) line += (line.empty() ? "" : " ") + d.url;
            if (!line.empty()) tip += "\n" + line;
            if (tip.size() > max_tooltip_bytes) break;
        }
        set(edge, "tooltip", escape(shorten(tip, max_tooltip_bytes)));
        set(edge, "labeltooltip", escape(shorten(tip, max_tooltip_bytes)));
    }

    /// Whether edges of `status` are drawn like asserted ones (then the legend skips it).
    bool looks_asserted(ClaimStatus status) const {
        auto normal = [&](ClaimStatus st) {
            DotAttributes a;
            if (auto it = o_.style.statuses.find(to_string(st)); it != o_.style.statuses.end()) a = it->second;
            if (auto it = a.find("style"); it != a.end() && (it->second == "solid" || it->second.empty())) a.erase(it);
            return a;
        };
        return status == ClaimStatus::asserted || normal(status) == normal(ClaimStatus::asserted);
    }

    /// "legend:KEY", or "legend:?N" when KEY (a name from the style or the data) would not
    /// survive as a node name.
    std::string legend_name(const std::string& key) {
        ++legend_count_;
        if (id_problem(key).first.empty()) return std::string(kLegendPrefix) + key;
        return std::string(kLegendPrefix) + "?" + std::to_string(legend_count_);
    }

    /// An edge style as HTML-like text: a line of box-drawing characters (heavy solid,
    /// double-dash or quadruple-dash, as the style says; DejaVu Sans has them) in the edge's
    /// colour, then the label.
    std::string line_sample(const DotAttributes& attrs, const std::string& label, bool light = false) {
        DotAttributes a = edge_defaults_;
        for (const auto& [k, v] : attrs) a[k] = v;
        const std::string style = a.count("style") ? a["style"] : "";
        const char* sample = light                                       ? "\u2500\u2500\u2500\u2500"
                             : style.find("dotted") != std::string::npos ? "\u2509\u2509\u2509\u2509"
                             : style.find("dashed") != std::string::npos ? "\u254D\u254D\u254D\u254D"
                                                                         : "\u2501\u2501\u2501\u2501";
        std::string color = a.count("color") ? html_text(a["color"]) : "";
        if (const auto colon = color.find(':'); colon != std::string::npos) color.resize(colon); // "a:b" lists
        std::string out = color.empty() ? std::string(sample) : "<FONT COLOR=\"" + color + "\">" + sample + "</FONT>";
        return out + " " + html_text(label);
    }

    /// A legend entry for an edge style: one text node, "legend:KEY", with a line sample.
    /// (A real sample edge would span two ranks of the layout and stretch the legend.)
    void add_legend_line(Agraph_t* legend, const std::string& key, const DotAttributes& attrs, const std::string& label,
                         bool light = false) {
        set_html(legend_text_node(legend, key, label), "label", line_sample(attrs, label, light));
    }

    /// A legend node of text ("legend:KEY"), its label left to the caller.
    Agnode_t* legend_text_node(Agraph_t* legend, const std::string& key, const std::string& tooltip) {
        Agnode_t* n = agnode(legend, CString(legend_name(key)), 1);
        session_.check(n != nullptr, "agnode (legend)");
        set(n, "shape", "plaintext");
        set(n, "style", "");
        set(n, "margin", "0.04");
        set(n, "height", "0");
        set(n, "fontsize", format_number(o_.min_fontsize));
        set(n, "tooltip", escape(tooltip));
        return n;
    }

    /// A legend entry of plain text ("legend:KEY"): a heading or a note.
    void add_legend_text(Agraph_t* legend, const std::string& key, const std::string& text) {
        set(legend_text_node(legend, key, text), "label", escape(text));
    }

    /// The line samples of what width means: one sentence (light), the most shown (heavy).
    DotAttributes width_sample() const {
        DotAttributes a = merged(o_.style.relations, "*");
        a.erase("style");
        return a;
    }

    /// Set an HTML-like label (agstrdup_html marks the string as HTML for agwrite and layout).
    void set_html(void* object, const std::string& name, const std::string& html) {
        char* value = agstrdup_html(g_, CString(html));
        session_.check(value != nullptr, "agstrdup_html");
        set_raw(object, name, value);
        agstrfree(g_, value);
    }

    /// The legend for engines that ignore clusters (sfdp, neato, circo, twopi): one node,
    /// "legend:table", whose HTML-like label lists the classes in their colours and the
    /// edge styles as coloured line samples; the graph is packed so it sits beside the
    /// drawing instead of being scattered.
    void add_table_legend() {
        std::string html = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\" "
                           "COLOR=\"#a0aec0\" BGCOLOR=\"white\">";
        if (const std::string title = html_text(o_.style.legend_title); !title.empty())
            html += "<TR><TD><B>" + title + "</B></TD></TR>"; // Graphviz refuses an empty <B></B>
        for (const auto& type : classes_shown_) {
            DotAttributes a = merged(o_.style.classes, "*");
            for (const auto& [k, v] : merged(o_.style.classes, type)) a[k] = v;
            html += "<TR><TD BORDER=\"1\"";
            if (a.count("fillcolor")) html += " BGCOLOR=\"" + html_text(a["fillcolor"]) + "\"";
            if (a.count("color")) html += " COLOR=\"" + html_text(a["color"]) + "\"";
            html += ">";
            std::string text = html_text(lookup(o_.style.class_labels, type));
            if (text.empty()) text = "&#160;"; // nor an empty <FONT></FONT>
            if (a.count("fontcolor")) html += "<FONT COLOR=\"" + html_text(a["fontcolor"]) + "\">" + text + "</FONT>";
            else html += text;
            html += "</TD></TR>";
        }
        auto line = [&](const DotAttributes& attrs, const std::string& label) {
            html += "<TR><TD ALIGN=\"LEFT\">" + line_sample(attrs, label) + "</TD></TR>";
        };
        for (ClaimStatus status : statuses_shown_)
            if (!looks_asserted(status))
                line(edge_attributes("*", status), lookup(o_.style.status_labels, to_string(status)));
        auto text = [&](const std::string& t) { html += "<TR><TD ALIGN=\"LEFT\">" + html_text(t) + "</TD></TR>"; };
        if (!relations_shown_.empty()) text(word(o_.style, "colour", "line colour: relation"));
        for (const auto& type : relations_shown_)
            line(edge_attributes(type, ClaimStatus::asserted), lookup(o_.style.relation_labels, type));
        if (max_weight_shown_ > 1) {
            text(word(o_.style, "width", "line width: sentences"));
            html += "<TR><TD ALIGN=\"LEFT\">" + line_sample(width_sample(), count_of(o_.style, 1, "sentence", "sentences"), true) + "</TD></TR>";
            line(width_sample(), count_of(o_.style, max_weight_shown_, "sentence", "sentences"));
        }
        if (fallback_shown_) text(word(o_.style, "fallback", "(en): English name, none in this language"));
        if (!budget_note_.empty()) text(budget_note_);
        html += "</TABLE>";

        Agnode_t* n = agnode(g_, CString(std::string(kLegendPrefix) + "table"), 1);
        session_.check(n != nullptr, "agnode (legend)");
        set(n, "shape", "plaintext");
        set(n, "style", "");
        set(n, "margin", "0");
        set(n, "fontsize", format_number(std::max(o_.min_fontsize, o_.max_fontsize)));
        set(n, "class", "legend");
        set(n, "tooltip", escape(o_.style.legend_title));
        set_html(n, "label", html);
        set_default(AGRAPH, "pack", "true");
    }

    /// Text for an HTML-like label: what no renderer can show replaced (as in escape()),
    /// markup characters as entities, line breaks as <BR/>.
    std::string html_text(std::string_view text) {
        std::string shown = escape_text(text, replaced_); // escString first: undo its escapes below
        std::string out;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const char c = shown[i];
            if (c == '\\' && i + 1 < shown.size()) {
                const char next = shown[++i];
                out += next == 'n' ? "<BR/>" : next == '\\' ? "\\" : std::string(1, next);
            } else if (shown.compare(i, 5, "&amp;") == 0) {
                out += "&amp;", i += 4;
            } else if (c == '&') out += "&amp;";
            else if (c == '<') out += "&lt;";
            else if (c == '>') out += "&gt;";
            else if (c == '"') out += "&quot;";
            else out += c;
        }
        return out;
    }

    /// agsafeset with a value cgraph already holds (an HTML string from agstrdup_html).
    void set_raw(void* object, const std::string& name, char* value) {
        session_.check(agsafeset(object, CString(name), value, CString("")) == 0, "agsafeset " + name);
    }

    void add_legend() {
        Agraph_t* legend = agsubg(g_, CString("cluster_legend"), 1);
        session_.check(legend != nullptr, "agsubg (legend)");
        set(legend, "label", escape(o_.style.legend_title));
        set(legend, "class", "legend");
        for (const auto& type : classes_shown_) {
            Agnode_t* n = agnode(legend, CString(legend_name(type)), 1);
            session_.check(n != nullptr, "agnode (legend)");
            set_all(n, merged(o_.style.classes, type), node_defaults_);
            set(n, "label", escape(lookup(o_.style.class_labels, type)));
            set(n, "tooltip", escape(lookup(o_.style.class_labels, type)));
            set(n, "fontsize", format_number(o_.min_fontsize));
        }
        // Claim statuses drawn differently from a plain assertion get a line sample.
        for (ClaimStatus status : statuses_shown_) {
            if (looks_asserted(status)) continue;
            add_legend_line(legend, to_string(status), edge_attributes("*", status),
                            lookup(o_.style.status_labels, to_string(status)));
        }
        // What edge colour means: the relation types shown, each in its colour.
        if (!relations_shown_.empty()) add_legend_text(legend, "heading:colour", word(o_.style, "colour", "line colour: relation"));
        for (const auto& type : relations_shown_)
            add_legend_line(legend, "relation:" + type, edge_attributes(type, ClaimStatus::asserted),
                            lookup(o_.style.relation_labels, type));
        // What line width means: sentences, from 1 (light) to the most shown (heavy).
        if (max_weight_shown_ > 1) {
            add_legend_text(legend, "heading:width", word(o_.style, "width", "line width: sentences"));
            add_legend_line(legend, "width:1", width_sample(), count_of(o_.style, 1, "sentence", "sentences"), true);
            add_legend_line(legend, "width:max", width_sample(), count_of(o_.style, max_weight_shown_, "sentence", "sentences"));
        }
        if (fallback_shown_)
            add_legend_text(legend, "note:fallback", word(o_.style, "fallback", "(en): English name, none in this language"));
        if (!budget_note_.empty()) add_legend_text(legend, "note:budget", budget_note_);
    }

    const KnowledgeGraph& kg_;
    const DotOptions& o_;
    GraphvizSession& session_;
    Agraph_t* g_ = nullptr;
    std::string engine_;
    bool edge_labels_ = true;
    DotAttributes node_defaults_, edge_defaults_;
    std::set<std::string> classes_shown_;
    std::set<std::string> relations_shown_;
    std::set<ClaimStatus> statuses_shown_;
    std::size_t replaced_ = 0;
    std::size_t legend_count_ = 0;
    bool cooccurrence_shown_ = false;
    std::uint32_t max_weight_shown_ = 0;
    bool fallback_shown_ = false;
    std::string budget_note_; ///< the legend's note when max_nodes cut the view
    bool budget_warned_ = false;
};

// ---------------------------------------------------------------------------------------
// Rendering

/// Cairo 1.16 stamps the time into a PDF (/CreationDate (D:YYYYMMDDHHmmSS...)) and ignores
/// SOURCE_DATE_EPOCH: overwrite the digits in place (same length, so the xref offsets
/// stay right) with 1970-01-01 00:00:00 for reproducible output.
void pin_pdf_date(std::string& pdf) {
    static constexpr std::string_view key = "/CreationDate (D:";
    static constexpr std::string_view epoch = "19700101000000";
    for (std::size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
        std::size_t i = at + key.size(), k = 0;
        for (; i < pdf.size() && pdf[i] != ')'; ++i)
            if (pdf[i] >= '0' && pdf[i] <= '9') pdf[i] = k < epoch.size() ? epoch[k++] : '0';
    }
}

bool is_pdf(std::string_view format) { return format == "pdf" || format.starts_with("pdf:"); }
bool is_png(std::string_view format) { return format == "png" || format.starts_with("png:"); }

// ---------------------------------------------------------------------------------------
// Print: pages, scale and the smallest text (see "Print" in the format card)

constexpr double kMargin = 36; // points: 0.5 in on every side

struct PageSize {
    double w = 0, h = 0; // points, portrait
};

/// The page `name` names, in points; nullopt for "fit" (or empty).
std::optional<PageSize> page_size(const std::string& name) {
    if (name == "a4") return PageSize{595.28, 841.89};
    if (name == "a3") return PageSize{841.89, 1190.55};
    if (name == "letter") return PageSize{612, 792};
    if (name == "fit" || name.empty()) return std::nullopt;
    throw Error(Errc::usage, "page must be one of a4, a3, letter, fit, not \"" + name + "\"");
}

std::string page_name(const std::string& name) {
    return name == "letter" ? "Letter" : name == "a3" ? "A3" : name == "a4" ? "A4" : name;
}

/// What a laid-out diagram needs on paper: its bounding box (points) and smallest text.
struct Drawing {
    double llx = 0, lly = 0, urx = 0, ury = 0;
    double min_font = 14;
    double width() const { return urx - llx; }
    double height() const { return ury - lly; }
};

double font_of(void* object, double fallback) {
    const char* v = agget(object, CString("fontsize"));
    if (!v || !*v) return fallback;
    const double size = std::strtod(v, nullptr);
    return size > 0 ? size : fallback;
}

bool labelled(void* object) {
    const char* v = agget(object, CString("label"));
    return v && *v;
}

/// Smallest text of `g` and its subgraphs (clusters), nodes and labelled edges.
void smallest_text(Agraph_t* g, double& min_font, double graph_font) {
    const double font = font_of(g, graph_font);
    if (labelled(g)) min_font = std::min(min_font, font);
    for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) smallest_text(sub, min_font, font);
}

Drawing measure(Agraph_t* g) {
    Drawing d;
    // The layout's bounding box (points), as gvLayout leaves it in the graph's record (the
    // "bb" attribute is only written by the DOT renderers).
    // Graphviz pads the drawing (4 pt by default) inside the viewport: measure with room for it.
    constexpr double pad = 8;
    const boxf bb = GD_bb(g);
    d.llx = bb.LL.x - pad, d.lly = bb.LL.y - pad, d.urx = bb.UR.x + pad, d.ury = bb.UR.y + pad;
    if (!(d.urx > d.llx) || !(d.ury > d.lly)) throw Error(Errc::graphviz_error, "Graphviz gave the laid-out diagram an empty bounding box");
    double min_font = 1e9;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        min_font = std::min(min_font, font_of(n, 14));
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
            if (labelled(e)) min_font = std::min(min_font, font_of(e, 14));
    }
    smallest_text(g, min_font, 14);
    d.min_font = min_font == 1e9 ? 14 : min_font;
    return d;
}

/// How a drawing goes onto pages of one size.
struct PrintPlan {
    double scale = 1;          ///< drawing points to page points
    int cols = 1, rows = 1;    ///< pages across and down
    double page_w = 0, page_h = 0, area_w = 0, area_h = 0; ///< page and printable area, points
    bool fits = true;          ///< one page at a scale that keeps the text readable
    int pages() const { return cols * rows; }
};

PrintPlan plan_pages(const Drawing& d, PageSize page, double min_pt) {
    const double bw = std::max(1.0, d.width()), bh = std::max(1.0, d.height());
    const double need = min_pt / d.min_font; // the smallest scale allowed
    PrintPlan best;
    bool have = false;
    for (bool landscape : {false, true}) {
        PrintPlan p;
        p.page_w = landscape ? page.h : page.w;
        p.page_h = landscape ? page.w : page.h;
        p.area_w = p.page_w - 2 * kMargin;
        p.area_h = p.page_h - 2 * kMargin;
        const double fit = std::min({1.0, p.area_w / bw, p.area_h / bh});
        p.fits = fit >= need;
        p.scale = p.fits ? fit : need;
        if (!p.fits) {
            p.cols = static_cast<int>(std::ceil(bw * p.scale / p.area_w - 1e-9));
            p.rows = static_cast<int>(std::ceil(bh * p.scale / p.area_h - 1e-9));
        }
        const bool better = !have || (p.fits && !best.fits) ||
                            (p.fits == best.fits && (p.fits ? p.scale > best.scale + 1e-9 : p.pages() < best.pages()));
        if (better) best = p, have = true;
    }
    return best;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// The viewport attribute that shows, at `plan.scale`, the page-sized piece of the drawing
/// centred on (x, y) (graph points).
std::string viewport(double w, double h, double scale, double x, double y) {
    std::string out;
    for (double v : {w, h, scale, x, y}) {
        char buf[32];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4);
        out.append(out.empty() ? "" : ",").append(buf, ec == std::errc() ? end : buf);
    }
    return out;
}

/// A PDF of pages of one paper size, each drawn by Graphviz's cairo renderer onto our
/// surface. Each page is drawn through a sub-surface of the printable area: Graphviz finishes
/// the target of an external context when it is done, and finishing a sub-surface leaves the
/// PDF surface open for the next page.
class PdfBook {
public:
    explicit PdfBook(double w, double h) : pdf_(cairo_pdf_surface_create_for_stream(append_bytes, &bytes_, w, h)) {}
    ~PdfBook() { cairo_surface_destroy(pdf_); }
    PdfBook(const PdfBook&) = delete;
    PdfBook& operator=(const PdfBook&) = delete;

    /// The pages of `plan`: left to right, then top to bottom, the drawing centred on them.
    void add(GVC_t* gvc, Agraph_t* g, const Drawing& d, const PrintPlan& plan, GraphvizSession& session) {
        cairo_pdf_surface_set_size(pdf_, plan.page_w, plan.page_h);
        // Our sub-surface is the printable area already: no margin of Graphviz's own (its
        // PDF device would shift the drawing by 36 pt).
        agsafeset(g, CString("margin"), CString("0"), CString(""));
        const double tile_w = plan.area_w / plan.scale, tile_h = plan.area_h / plan.scale; // drawing points per page
        const double cx = (d.llx + d.urx) / 2, cy = (d.lly + d.ury) / 2;
        const double left = cx - plan.cols * tile_w / 2, top = cy + plan.rows * tile_h / 2;
        for (int r = 0; r < plan.rows; ++r)
            for (int c = 0; c < plan.cols; ++c) {
                const double x = left + (c + 0.5) * tile_w, y = top - (r + 0.5) * tile_h;
                agsafeset(g, CString("viewport"), CString(viewport(plan.area_w, plan.area_h, plan.scale, x, y)), CString(""));
                cairo_surface_t* area = cairo_surface_create_for_rectangle(pdf_, kMargin, kMargin, plan.area_w, plan.area_h);
                cairo_t* cr = cairo_create(area);
                const int rc = gvRenderContext(gvc, g, "pdf", cr);
                cairo_destroy(cr);
                cairo_surface_destroy(area);
                cairo_surface_show_page(pdf_);
                ++pages_;
                session.check(rc == 0, "rendering a PDF page");
            }
    }

    int pages() const { return pages_; }

    std::string finish() {
        cairo_surface_finish(pdf_);
        if (const cairo_status_t status = cairo_surface_status(pdf_); status != CAIRO_STATUS_SUCCESS)
            throw Error(Errc::graphviz_error, std::string("cairo: ") + cairo_status_to_string(status));
        return std::move(bytes_);
    }

private:
    std::string bytes_;
    cairo_surface_t* pdf_;
    int pages_ = 0;
};

/// Lay out and render `format` into memory, with the print rules for PDF and PNG.
std::string render_bytes(const KnowledgeGraph& graph, std::string_view format, const DotOptions& options) {
    GraphvizSession session(options.warn);
    Builder builder(graph, options, session);
    const bool print = is_pdf(format) || is_png(format);
    DotAttributes extra;
    if (is_png(format) && options.dpi) extra["dpi"] = std::to_string(options.dpi);
    GraphHandle g = builder.build(extra);
    GVC_t* gvc = session.context();
    auto lay_out = [&](GraphHandle& h) {
        session.check(gvLayout(gvc, h.get(), builder.engine().c_str()) == 0, "layout with " + builder.engine());
    };
    lay_out(g);
    std::optional<detail::LayoutHandle> layout(std::in_place, gvc, g.get());
    const std::optional<PageSize> page = print ? page_size(options.page) : std::nullopt;
    const std::string what = is_pdf(format) ? "PDF" : "PNG";
    std::optional<PrintPlan> plan;
    Drawing drawing;
    bool without_cooccurrence = false;
    if (page) {
        drawing = measure(g.get());
        plan = plan_pages(drawing, *page, options.min_print_pt);
        if (!plan->fits && builder.cooccurrence_shown()) {
            if (options.warn)
                options.warn(what + ": co-occurrence edges (mentioned_with) left out, so that labels stay at least " +
                             format_number(options.min_print_pt) + " pt on " + page_name(options.page));
            layout.reset();
            without_cooccurrence = true;
            g = builder.build(extra, true);
            lay_out(g);
            layout.emplace(gvc, g.get());
            drawing = measure(g.get());
            plan = plan_pages(drawing, *page, options.min_print_pt);
        }
        if (!plan->fits && options.warn && is_png(format))
            options.warn("PNG: larger than one page of " + page_name(options.page) + " (" + std::to_string(plan->pages()) +
                         " pages' worth), so that labels stay at least " + format_number(options.min_print_pt) +
                         " pt; use --formats pdf for pages");
    }
    std::string out;
    if (page && is_pdf(format)) {
        PdfBook book(plan->page_w, plan->page_h);
        if (plan->fits || !options.legend) {
            book.add(gvc, g.get(), drawing, *plan, session);
        } else {
            // Split over pages: the drawing on its pages, the legend on a page of its own
            // (inside the drawing it would add its height to every column of pages).
            layout.reset();
            for (const auto part : {Builder::Part::drawing, Builder::Part::legend}) {
                GraphHandle piece = builder.build(extra, without_cooccurrence, part);
                lay_out(piece);
                detail::LayoutHandle piece_layout(gvc, piece.get());
                const Drawing d = measure(piece.get());
                book.add(gvc, piece.get(), d, plan_pages(d, *page, options.min_print_pt), session);
            }
        }
        if (book.pages() > 1 && options.warn)
            options.warn("PDF: split over " + std::to_string(book.pages()) + " pages of " + page_name(options.page) +
                         ", so that labels stay at least " + format_number(options.min_print_pt) + " pt" +
                         (options.legend ? " (the legend on the last page)" : ""));
        out = book.finish();
    } else {
        if (plan) {
            const double w = std::min(drawing.width() * plan->scale, plan->fits ? plan->area_w : 1e9);
            const double h = std::min(drawing.height() * plan->scale, plan->fits ? plan->area_h : 1e9);
            agsafeset(g.get(), CString("viewport"),
                      CString(viewport(w, h, plan->scale, (drawing.llx + drawing.urx) / 2, (drawing.lly + drawing.ury) / 2)),
                      CString(""));
        }
        char* data = nullptr;
        unsigned int length = 0;
        const int rc = gvRenderData(gvc, g.get(), std::string(format).c_str(), &data, &length);
        if (data) {
            out.assign(data, length);
            gvFreeRenderData(data);
        }
        session.check(rc == 0, "rendering " + std::string(format));
    }
    layout.reset();
    session.finish();
    if (is_pdf(format)) pin_pdf_date(out);
    return out;
}

} // namespace

std::string display_label(const DotStyle& style, const EntityNode& n) {
    const std::string own = n.label.empty() ? n.id : n.label;
    auto it = style.entity_labels.find(n.id);
    const std::string name = it == style.entity_labels.end() || it->second.empty() ? own : it->second;
    return style.fallback_entities.count(n.id) ? name + " (en)" : name;
}

std::string choose_layout(std::size_t shown_entities, const DotOptions& options) {
    if (options.layout != "auto" && !options.layout.empty()) return options.layout;
    return shown_entities > options.large_graph ? "sfdp" : "dot";
}

std::string dot_text(std::string_view text) {
    std::size_t replaced = 0;
    return escape_text(text, replaced);
}

void write_dot(const KnowledgeGraph& graph, std::ostream& out, const DotOptions& options) {
    GraphvizSession session(options.warn);
    Builder builder(graph, options, session);
    GraphHandle g = builder.build();
    const int rc = agwrite(g.get(), &out);
    if (!out.good()) throw Error(Errc::export_error, "DOT: writing to the output stream failed");
    session.check(rc != EOF, "agwrite");
    session.finish();
}

void render(const KnowledgeGraph& graph, std::string_view format, const std::string& path, const DotOptions& options) {
    const std::string bytes = render_bytes(graph, format, options);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw Error(Errc::io_error, std::string("cannot create: ") + std::strerror(errno), path);
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
    const int err = errno;
    if (std::fclose(f) != 0 || !ok) throw Error(Errc::io_error, std::string("cannot write: ") + std::strerror(ok ? errno : err), path);
}

std::string render_to_string(const KnowledgeGraph& graph, std::string_view format, const DotOptions& options) {
    return render_bytes(graph, format, options);
}

} // namespace kg
