// SPDX-License-Identifier: Apache-2.0
// HTML report writer. See the format card in kg/export/html.hpp. The page's style sheet and
// script are report/report.css and report/report.js, compiled in (html_assets.cpp is
// generated from them by CMake); the data island is built here.
#include "kg/export/html.hpp"

#include "html_assets.hpp"
#include "kg/base/utf8.hpp"
#include "kg/error.hpp"
#include "kg/export/edge_id.hpp"
#include "style_lookup.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <vector>

namespace kg {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_u(std::string& out, std::uint32_t unit) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex_digits[(unit >> shift) & 0xF];
}

/// Text for HTML outside the data island (the title): &, <, >, " as references.
std::string html_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

/// The SVG from its <svg element on; refused when it holds active content.
std::string_view inline_svg(std::string_view svg) {
    if (svg.empty()) return svg;
    const auto start = svg.find("<svg");
    if (start == std::string_view::npos) throw Error(Errc::export_error, "HTML: the diagram is not an SVG document");
    svg.remove_prefix(start);
    std::string lower(svg);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* active : {"<script", "<foreignobject"})
        if (lower.find(active) != std::string::npos)
            throw Error(Errc::export_error, std::string("HTML: the diagram holds a ") + active + " element");
    return svg;
}

class DataIsland {
public:
    DataIsland(const KnowledgeGraph& g, const HtmlOptions& o) : g_(g), o_(o) {}

    std::string build() {
        out_.reserve(1 << 16);
        out_ += '{';
        key("lang"), str(o_.lang), out_ += ',';
        documents(), out_ += ',';
        vocabulary(), out_ += ',';
        entities(), out_ += ',';
        relations(), out_ += ',';
        sentences();
        out_ += '}';
        if (replaced_ && o_.warn)
            o_.warn("HTML: " + std::to_string(replaced_) + " byte(s) of malformed UTF-8 replaced by U+FFFD");
        return std::move(out_);
    }

private:
    void key(std::string_view k) {
        out_ += '"', out_ += k, out_ += "\":";
    }
    void str(std::string_view s) {
        out_ += '"';
        json_text(out_, s, o_.replace_invalid_utf8 ? &replaced_ : nullptr);
        out_ += '"';
    }
    void num(std::uint64_t n) { out_ += std::to_string(n); }
    /// `,"k":"v"` when v is not empty.
    void opt(std::string_view k, std::string_view v) {
        if (v.empty()) return;
        out_ += ',', key(k), str(v);
    }

    std::size_t document_index(const std::string& id) {
        if (auto it = doc_index_.find(id); it != doc_index_.end()) return it->second;
        const std::size_t i = docs_.size();
        DocumentInfo info;
        info.id = id;
        docs_.push_back(std::move(info));
        doc_index_.emplace(id, i);
        return i;
    }

    void documents() {
        // Every document of the graph, then any only named by evidence or entities (an
        // older graph): their index is needed before they are written.
        docs_ = g_.info().documents;
        for (std::size_t i = 0; i < docs_.size(); ++i) doc_index_.emplace(docs_[i].id, i);
        for (std::size_t v = 0; v < g_.entity_count(); ++v)
            for (const auto& d : g_.entity(v).documents) document_index(d);
        for (auto [e, end] = boost::edges(g_.graph()); e != end; ++e)
            for (const Evidence& ev : g_.relation(*e).evidence) document_index(ev.document);
        key("documents"), out_ += '[';
        for (std::size_t i = 0; i < docs_.size(); ++i) {
            const DocumentInfo& d = docs_[i];
            if (i) out_ += ',';
            out_ += '{', key("id"), str(d.id);
            opt("lang", d.language);
            opt("title", d.title);
            if (d.bytes) out_ += ",\"bytes\":", num(d.bytes);
            opt("url", d.url);
            opt("published", d.date);
            opt("outlet", d.outlet);
            if (!d.authors.empty()) {
                out_ += ',', key("authors"), out_ += '[';
                for (std::size_t k = 0; k < d.authors.size(); ++k) {
                    if (k) out_ += ',';
                    str(d.authors[k]);
                }
                out_ += ']';
            }
            opt("path", d.source_path);
            out_ += '}';
        }
        out_ += ']';
    }

    static std::string color_of(const DotAttributes& attrs, const char* first, const char* second) {
        for (const char* k : {first, second})
            if (auto it = attrs.find(k); it != attrs.end() && it->second.starts_with('#')) return it->second;
        return {};
    }

    void vocabulary() {
        const DotStyle& s = o_.style;
        std::set<std::string> classes, types;
        for (std::size_t v = 0; v < g_.entity_count(); ++v) classes.insert(g_.entity(v).type);
        for (auto [e, end] = boost::edges(g_.graph()); e != end; ++e) types.insert(g_.relation(*e).type);
        // {"NAME": {"label": ..., "color": ...}, ...} for the names used, from one style section.
        auto labelled = [&](const char* name, const std::set<std::string>& used, const std::map<std::string, std::string>& labels,
                            const std::map<std::string, DotAttributes>& section, const char* colour, const char* fallback) {
            key(name), out_ += '{';
            bool first = true;
            for (const auto& item : used) {
                if (!first) out_ += ',';
                first = false;
                str(item), out_ += ":{", key("label"), str(detail::lookup(labels, item));
                opt("color", color_of(detail::merged(section, item), colour, fallback));
                out_ += '}';
            }
            out_ += "},";
        };
        labelled("classes", classes, s.class_labels, s.classes, "fillcolor", "color");
        labelled("types", types, s.relation_labels, s.relations, "color", "fontcolor");
        key("statuses"), out_ += '{';
        bool first = true;
        for (ClaimStatus st : {ClaimStatus::asserted, ClaimStatus::reported, ClaimStatus::alleged, ClaimStatus::denied}) {
            if (!first) out_ += ',';
            first = false;
            str(to_string(st)), out_ += ':', str(detail::lookup(s.status_labels, to_string(st)));
        }
        out_ += '}';
    }

    void entities() {
        key("entities"), out_ += '[';
        for (std::size_t v = 0; v < g_.entity_count(); ++v) {
            const EntityNode& n = g_.entity(v);
            if (v) out_ += ',';
            // The name in the report's language, as the diagram shows it.
            out_ += '{', key("id"), str(n.id), out_ += ',', key("label"), str(display_label(o_.style, n));
            out_ += ',', key("class"), str(n.type);
            opt("coarse", n.coarse);
            opt("qid", n.wikidata);
            out_ += ",\"mentions\":", num(n.mentions);
            out_ += ",\"aliases\":[";
            bool first = true;
            for (const auto& a : n.aliases) {
                if (!first) out_ += ',';
                first = false;
                str(a);
            }
            out_ += "],\"docs\":[";
            std::vector<std::size_t> docs;
            for (const auto& d : n.documents) docs.push_back(doc_index_.at(d));
            std::sort(docs.begin(), docs.end());
            for (std::size_t i = 0; i < docs.size(); ++i) out_ += (i ? "," : ""), num(docs[i]);
            out_ += "]}";
        }
        out_ += ']';
    }

    std::size_t sentence_index(const Evidence& ev) {
        const std::size_t doc = doc_index_.at(ev.document);
        auto [it, added] = sentence_index_.try_emplace(std::make_tuple(doc, ev.begin, ev.end), sentence_list_.size());
        if (added) sentence_list_.push_back(&ev);
        return it->second;
    }

    void relations() {
        const auto& bg = g_.graph();
        key("relations"), out_ += '[';
        bool first_rel = true;
        for (auto [e, end] = boost::edges(bg); e != end; ++e) {
            const RelationEdge& r = g_.relation(*e);
            const auto s = boost::source(*e, bg), t = boost::target(*e, bg);
            if (!first_rel) out_ += ',';
            first_rel = false;
            out_ += '{', key("id"), str(edge_id(g_, *e));
            out_ += ",\"s\":", num(s), out_ += ",\"t\":", num(t);
            out_ += ',', key("type"), str(r.type);
            out_ += ',', key("status"), str(to_string(r.status()));
            out_ += ",\"weight\":", num(r.weight());
            if (r.symmetric) out_ += ",\"sym\":true";
            out_ += ",\"ev\":[";
            bool first = true;
            for (const Evidence& ev : r.evidence) {
                if (!first) out_ += ',';
                first = false;
                out_ += "{\"x\":", num(sentence_index(ev));
                out_ += ',', key("status"), str(to_string(ev.status));
                opt("date", ev.date);
                opt("quantity", ev.quantity);
                opt("role", ev.role);
                opt("by", ev.attributed_to);
                out_ += '}';
            }
            out_ += "]}";
        }
        out_ += ']';
    }

    void sentences() {
        key("sentences"), out_ += '[';
        for (std::size_t i = 0; i < sentence_list_.size(); ++i) {
            const Evidence& ev = *sentence_list_[i];
            if (i) out_ += ',';
            out_ += '[', num(doc_index_.at(ev.document)), out_ += ',', str(ev.text), out_ += ']';
        }
        out_ += ']';
    }

    const KnowledgeGraph& g_;
    const HtmlOptions& o_;
    std::string out_;
    std::size_t replaced_ = 0;
    std::vector<DocumentInfo> docs_;
    std::unordered_map<std::string, std::size_t> doc_index_;
    std::map<std::tuple<std::size_t, std::uint64_t, std::uint64_t>, std::size_t> sentence_index_;
    std::vector<const Evidence*> sentence_list_;
};

} // namespace

void json_text(std::string& out, std::string_view text, std::size_t* replaced) {
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            switch (b) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default:
                if (b < 0x20 || b == 0x7F) append_u(out, b);
                else out += static_cast<char>(b);
            }
            ++i;
            continue;
        }
        const Utf8Char ch = decode_utf8(text, i);
        if (ch.length == 0) {
            if (!replaced)
                throw Error(Errc::forbidden_character, "HTML: malformed UTF-8 at byte " + std::to_string(i) + " of a text");
            out += "\xEF\xBF\xBD";
            ++*replaced;
            ++i;
            continue;
        }
        if (ch.code_point == 0x2028 || ch.code_point == 0x2029) append_u(out, ch.code_point);
        else out.append(text, i, ch.length);
        i += ch.length;
    }
}

void write_html(const KnowledgeGraph& graph, std::ostream& out, const HtmlOptions& options) {
    const std::string_view svg = inline_svg(options.diagram_svg);
    const std::string data = DataIsland(graph, options).build();
    const std::string title = html_escape(options.title);
    constexpr std::string_view marker = "<!-- kg:diagram -->";
    const std::string_view body = detail::report_body;
    const std::size_t at = body.find(marker);
    out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(options.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"kgraph\">\n"
        << "<title>" << title << "</title>\n<style>\n" << detail::report_css << "</style>\n</head>\n<body>\n"
        << "<header><h1>" << title << "</h1><p id=\"kg-counts\"></p></header>\n"
        << body.substr(0, at);
    if (!svg.empty())
        out << "<section id=\"diagram\" aria-labelledby=\"h-diagram\"><h2 id=\"h-diagram\">Diagram</h2>\n"
            << "<div class=\"zoom\" role=\"group\" aria-label=\"Zoom\"><button type=\"button\" data-zoom=\"in\">Zoom in</button>"
            << "<button type=\"button\" data-zoom=\"out\">Zoom out</button><button type=\"button\" data-zoom=\"reset\">Fit</button>"
            << "<span class=\"hint\">Drag to pan, wheel to zoom; click a node (or Tab to it and press Enter) for its card.</span></div>\n"
            << "<div id=\"kg-svg\" class=\"svg-box\">" << svg << "</div>\n"
            << "<aside id=\"kg-card\" class=\"card\" tabindex=\"-1\" aria-live=\"polite\" hidden></aside></section>\n";
    if (at != std::string_view::npos) out << body.substr(at + marker.size());
    out << "<script type=\"application/json\" id=\"kg-data\">" << data << "</script>\n<script>\n"
        << detail::report_js << "</script>\n</body>\n</html>\n";
    out.flush();
    if (!out.good()) throw Error(Errc::export_error, "HTML: writing to the output stream failed");
}

} // namespace kg
