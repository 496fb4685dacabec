// SPDX-License-Identifier: Apache-2.0
#pragma once
// HTML report writer: one self-contained page an analyst can hand on.
//
// Format card
//   Spec: HTML Living Standard (https://html.spec.whatwg.org/), UTF-8, `<!DOCTYPE html>`.
//   Readers it is written for: current browsers (tested in Chromium, headless, in CI), and
//   their print dialog (a print style sheet lays every section out for paper).
//   Self-contained: the page names no other file and no network address but the links an
//   analyst follows (Wikidata, a document's URL when the graph has one): the style sheet, the
//   script and the data are inline. Nothing in it depends on the time or the machine: the
//   same graph and options give byte-identical output.
//   Emitted, in order: <head> with the title and the inline style sheet; <body> with a
//   header (title, counts), the filter box (text, class, relation type, status, dates), the
//   corpus summary (documents: title and authors, outlet, publication date, language, and
//   the URL, or the path read when there is none; the outlet and date columns are hidden
//   when no document has them; counts per class and per relation type), the diagram (the
//   inline SVG the caller rendered, see `diagram_svg`; pan and zoom; a click, or Enter on a
//   focused node, opens the entity's card), the entity table (class, aliases, mentions,
//   documents, Wikidata link), the relation table (status, dates, weight, and every kept
//   evidence sentence quoted with the names of both ends highlighted and the source
//   document named), the timeline of dated evidence, then the data island and the script.
//   Tables and the diagram are drawn by the script from the data island, so the filter box
//   narrows them all at once.
//   Data island: `<script type="application/json" id="kg-data">` holding one JSON object
//   (RFC 8259): documents, classes, relation types and statuses with their display labels and
//   colours, entities, relations (source and target by entity index), and the distinct
//   evidence sentences once each (relations refer to them by index). The script reads it
//   with JSON.parse and puts text into the page only as text nodes, never as markup.
//   Escaping (json_text()): in every JSON string '"' and '\' are escaped, C0 controls are
//   \u00XX, and '<', '>', '&', U+2028 and U+2029 are written \u003c, \u003e, \u0026, \u2028,
//   \u2029, so no article text can end the island (`</script>`), open a comment (`<!--`) or
//   be read as markup. Text outside the island (the title) is escaped for HTML (&, <, >, ").
//   Bytes that are not well-formed UTF-8 are refused with Errc::forbidden_character, or,
//   with `replace_invalid_utf8`, replaced by U+FFFD and reported through `warn`.
//   The SVG is inlined from its <svg element on (the XML prolog, DOCTYPE and comments before
//   it are dropped); an SVG holding a <script or <foreignObject element is refused with
//   Errc::export_error (Graphviz writes neither; text in it is XML-escaped).
//   Not in the report: evidence beyond the graph's evidence limit (the weight still counts
//   it), byte offsets (the document id and the sentence are given; GraphML and JSON-LD keep
//   the offsets).
#include "kg/export/dot.hpp"
#include "kg/graph/knowledge_graph.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace kg {

struct HtmlOptions {
    /// Page title (the <title> and the heading).
    std::string title = "Knowledge graph report";
    /// Language of the page's words and of the labels (the `lang` attribute); the labels
    /// themselves come from `style`.
    std::string lang = "en";
    /// Display labels and colours of classes, relation types and statuses (dot_style() in
    /// kg/export/vocabulary.hpp reads them from the ontology in the chosen language).
    DotStyle style;
    /// The diagram as SVG (render_to_string(graph, "svg", ...)); empty = no diagram section.
    std::string diagram_svg;
    /// Replace bytes that are not well-formed UTF-8 by U+FFFD instead of failing.
    bool replace_invalid_utf8 = false;
    std::function<void(const std::string&)> warn;
};

/// `text` as the body of a JSON string literal safe inside an HTML <script> element (see the
/// format card), appended to `out`. Throws kg::Error(forbidden_character) on malformed UTF-8
/// unless `replaced` is given, which then counts the bytes replaced by U+FFFD.
void json_text(std::string& out, std::string_view text, std::size_t* replaced = nullptr);

/// Write the report of `graph` to `out`. Throws kg::Error: forbidden_character (see the
/// card), export_error (an SVG that is not one, or a stream that failed).
void write_html(const KnowledgeGraph& graph, std::ostream& out, const HtmlOptions& options = {});

} // namespace kg
