// SPDX-License-Identifier: Apache-2.0
#pragma once
// DOT writer and Graphviz renderer: diagrams of the graph for briefings and reports.
//
// Format card
//   Spec: DOT language https://graphviz.org/doc/info/lang.html, attributes
//   https://graphviz.org/doc/info/attrs.html. Built with libcgraph (agopen, agnode, agedge,
//   agsafeset) and written with agwrite, so quoting is Graphviz's own; laid out and rendered
//   with libgvc (gvLayout + gvRenderFilename / gvRenderData) to SVG, PNG (cairo) and PDF
//   (cairo). Written for Debian 12's Graphviz 2.42 (it reports itself as 2.43.0); readers:
//   dot/neato/sfdp (`dot -Tcanon graph.dot` is a fixpoint), NetworkX read_dot, Gephi.
//   A diagram, not an exchange format: evidence, aliases, event dates and quantities are
//   left out (use GraphML or JSON-LD for exchange); only the entities and relations of the
//   view (DotView) are drawn. Tooltips (at most 2000 bytes) say when: an entity's first and
//   last seen, a relation's reported dates and one line per article stating it (date,
//   outlet, headline, authors, URL, from the graph's document records).
//   Emitted: `digraph kgraph`; graph attributes (layout = the engine chosen, linelength=0 so
//   long strings are never split, fontname, the style's per-engine attributes); `node` and
//   `edge` defaults from the style's "*" entries; one node per shown entity, in graph order:
//   name = stable entity id, label = display label, class = entity class (an SVG class),
//   shape/colours by class, fontsize by mentions (log scale, bounded), tooltip, URL to
//   Wikidata when the entity has a QID; one edge per shown relation, in graph order:
//   label = relation display label in the chosen language (or the relation type),
//   id = the stable edge id (kg/export/edge_id.hpp; SVG writes it as the element's id),
//   class = "TYPE STATUS", colour/style by type then by claim status (alleged and denied are
//   dashed/dotted and faded), penwidth by weight (log scale, bounded), tooltip; and, unless
//   `legend` is off, the legend. With engines that draw clusters (dot, fdp, osage,
//   patchwork) it is `subgraph cluster_legend`: one node per class shown, named
//   "legend:CLASS", drawn like the entities, and, per claim status drawn differently from
//   "asserted" and per relation type shown (what edge colour means), a text node
//   "legend:KEY" whose HTML-like label is a line sample (heavy box-drawing characters:
//   solid, dashed or dotted, in the edge colour) and the status or relation name; then what
//   line width means (a light and a heavy sample: 1 sentence, the most sentences shown)
//   and, when some entity has no name in the chosen language, the note on names marked
//   " (en)". Every word is in the style's language (DotStyle::words). Engines that ignore
//   clusters (sfdp, neato, circo, twopi) get one node "legend:table" with an HTML-like
//   table of the same entries and pack=true, so it sits beside the drawing. While the
//   legend is drawn, an entity id starting with "legend:" is refused (no collisions).
//   Text (labels, tooltips) is a Graphviz escString: a backslash is doubled, a line break
//   (LF, CRLF or CR) becomes \n, and an '&' that starts an entity-like sequence ("&amp;",
//   "&#0;") becomes "&amp;", so every renderer shows the text exactly as written
//   (dot_text()). Text no renderer can show -- C0 controls other than tab, NUL, U+FFFE,
//   U+FFFF and bytes that are not well-formed UTF-8 -- is replaced by U+FFFD and reported
//   through `warn` (a diagram is for reading; one bad byte must not lose it).
//   Ids are node names and cannot be altered: an id must be well-formed UTF-8 without
//   control characters, U+FFFE/U+FFFF, a backslash (the 2.42 DOT lexer cannot hold a
//   trailing one) or an entity-like '&...;' (the SVG writer passes those through), else
//   Errc::forbidden_character. kgraph's ids (QIDs and ASCII slugs) always qualify.
//   Layout: "dot" (rankdir=LR) up to `large_graph` shown entities, else "sfdp" with
//   overlap=prism (overlap removal) and edge labels left to the legend; `layout` overrides.
//   Print (PDF, PNG; `page`, `dpi`, `min_print_pt`): the drawing is laid out, then scaled
//   down to the page's printable area (page less 0.5 in margins, turned to landscape when
//   that holds it larger), but never so far that its smallest text (node, edge, cluster and
//   graph labels) falls under `min_print_pt` (7 pt). When fitting would go under it,
//   co-occurrence edges (mentioned_with) are left out first, if any are drawn, and the
//   diagram laid out again; if that is not enough, the PDF is split into pages of the chosen
//   size (left to right, then top to bottom) at the scale that keeps the text at
//   `min_print_pt`, with the legend on a last page of its own, and a PNG is drawn at that
//   scale, larger than the page. Each of these
//   is reported through `warn`. A PDF page is exactly the chosen size (drawn through cairo,
//   with Graphviz's viewport for each page); "fit" keeps Graphviz's own page. `dpi` sets the
//   PNG's resolution (the page in pixels is the page in inches times dpi).
//   Deterministic: the same graph and options give byte-identical DOT, SVG, PNG and PDF (the
//   CreationDate cairo writes into a PDF is pinned to 1970-01-01). SVG carries Graphviz's
//   version comment, stable for one installation.
//   Thread safety: cgraph and gvc are not re-entrant; every call here takes one process-wide
//   lock, so calls from several threads are safe but run one at a time.
#include "kg/graph/knowledge_graph.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// Graphviz attributes by name, e.g. {"shape", "box"}, {"fillcolor", "#cfe3f6"}.
using DotAttributes = std::map<std::string, std::string>;

/// How a diagram looks: plain values, filled from the ontology's style table by the caller
/// (the exporters know nothing of the ontology). In every map the item "*" applies to all
/// and the named item overrides it; an attribute the style does not set keeps Graphviz's
/// default.
struct DotStyle {
    /// Graph attributes by layout engine ("dot", "sfdp", ...; "*" = every engine).
    std::map<std::string, DotAttributes> graph;
    /// Node attributes by fine entity class (Person, State, ...).
    std::map<std::string, DotAttributes> classes;
    /// Edge attributes by relation type (signed, mentioned_with, ...).
    std::map<std::string, DotAttributes> relations;
    /// Edge attributes by claim status ("asserted", "reported", "alleged", "denied"),
    /// applied over the relation's.
    std::map<std::string, DotAttributes> statuses;
    /// Display text, in the diagram's language, of classes (legend), relation types (edge
    /// labels) and statuses (legend). Missing entries show the name itself.
    std::map<std::string, std::string> class_labels;
    std::map<std::string, std::string> relation_labels;
    std::map<std::string, std::string> status_labels;
    std::string legend_title = "Legend";
    /// Entity names in the diagram's language, by entity id; an entity not listed shows its
    /// own label. `fallback_entities` are the ids whose name is the English one because the
    /// ontology has none in that language: they are marked " (en)" and the legend says why.
    std::map<std::string, std::string> entity_labels;
    std::set<std::string> fallback_entities;
    /// Words of tooltips, titles and the legend in the diagram's language, by key:
    /// "mention", "mentions", "sentence", "sentences", "around", "depth", "colour" (heading
    /// of the relation colours), "width" (heading of the line widths), "fallback" (the note
    /// on names marked (en)), "budget" (the note on a diagram cut by max_nodes, "{shown}"
    /// and "{total}" replaced by the counts), "seen", "first_seen", "last_seen" (node
    /// tooltips: when the entity was seen), "reported_on" (edge tooltips: when the relation
    /// was reported).
    /// A missing key shows the English word.
    std::map<std::string, std::string> words;
};

/// Which part of the graph a diagram shows. select_view() applies it.
struct DotView {
    /// Entities to centre on, each given by id, label or alias (ASCII case-insensitive);
    /// empty = the whole graph. Every focus must match, else Errc::usage.
    std::vector<std::string> focus;
    /// With `focus`: how many relation hops around the focus entities to show.
    unsigned depth = 1;
    /// Fine classes to show; empty = all. Focus entities are shown whatever their class.
    std::set<std::string> classes;
    /// Relation types to show; empty = every type except mentioned_with (co-occurrence),
    /// falling back to mentioned_with only when nothing else would be drawn; "*" = all.
    std::set<std::string> relations;
    /// Leave out relations supported by fewer sentences.
    std::uint32_t min_weight = 1;
    /// Keep at most this many entities, the most connected ones (by number of shown
    /// relations, then mentions, then id); focus entities are always kept. 0 = no limit.
    /// A diagram the budget cut says so in its legend and through DotOptions::warn.
    std::size_t max_nodes = 0;
    /// Also draw entities that have no shown relation.
    bool isolated = false;
};

/// What a view selects: vertices and edges of the graph, in graph order, and the entities
/// the focus strings resolved to.
struct DotSelection {
    std::vector<KnowledgeGraph::Vertex> vertices;
    std::vector<KnowledgeGraph::Edge> edges;
    std::vector<KnowledgeGraph::Vertex> focus;
    /// The entities the view had before max_nodes cut it (0 when it cut nothing).
    std::size_t before_budget = 0;
};

struct DotOptions {
    DotView view;
    DotStyle style;
    /// "auto" (dot up to `large_graph` shown entities, sfdp above), or a Graphviz engine:
    /// dot, sfdp, neato, fdp, circo, twopi, osage.
    std::string layout = "auto";
    std::size_t large_graph = 150;
    /// Edge labels: "auto" (on with every engine but sfdp), "on", "off".
    std::string edge_labels = "auto";
    /// Draw the legend (cluster_legend).
    bool legend = true;
    /// A title drawn at the top; empty = none (a focus view gets "Around X (depth N)").
    std::string title;
    /// Bounds of the node font size (points), scaled by mentions on a log scale.
    double min_fontsize = 10;
    double max_fontsize = 20;
    /// Upper bound of the edge pen width, scaled by weight on a log scale (from 1).
    double max_penwidth = 5;
    /// The page of PDF and PNG renderings: "a4", "a3", "letter" (in landscape or portrait,
    /// whichever holds the drawing larger; 0.5 in margins), or "fit" (one page of the
    /// drawing's natural size). See "Print" in the format card.
    std::string page = "a4";
    /// PNG resolution in dots per inch (0 = Graphviz's 96).
    unsigned dpi = 0;
    /// The smallest text on a page (points): a drawing is never scaled below it.
    double min_print_pt = 7;
    /// Told about replaced characters and Graphviz warnings. Unset = silent. It is called
    /// while the Graphviz lock is held: it must not call the functions of this header.
    std::function<void(const std::string&)> warn;
};

/// The entities and relations `view` shows (see DotView). Pure: no Graphviz involved.
/// Throws kg::Error(Errc::usage) when a focus matches no entity (the message suggests
/// near matches).
DotSelection select_view(const KnowledgeGraph& graph, const DotView& view);

/// The name a diagram shows for `entity`: its name in the style's language
/// (DotStyle::entity_labels), else its own label (else its id), marked " (en)" when it is an
/// English fallback (DotStyle::fallback_entities). DOT, Mermaid and the HTML report use it.
std::string display_label(const DotStyle& style, const EntityNode& entity);

/// The engine a diagram of `shown_entities` entities is laid out with under `options`.
std::string choose_layout(std::size_t shown_entities, const DotOptions& options);

/// `text` as a Graphviz escString that every renderer shows exactly as written (see the
/// format card); characters no renderer can show are replaced by U+FFFD.
std::string dot_text(std::string_view text);

/// Write the diagram as DOT (no coordinates: any Graphviz tool lays it out again the same
/// way). Throws kg::Error: forbidden_character (an id the format cannot hold), usage (a
/// focus that matches nothing), graphviz_error (libcgraph failed), export_error (the stream
/// failed).
void write_dot(const KnowledgeGraph& graph, std::ostream& out, const DotOptions& options = {});

/// Lay the diagram out and render it to `path` in `format`: "svg", "png" or "pdf" (any
/// other Graphviz output format is passed through). Throws like write_dot, and
/// kg::Error(graphviz_error) when layout or rendering fails.
void render(const KnowledgeGraph& graph, std::string_view format, const std::string& path,
            const DotOptions& options = {});

/// Same as render(), into memory.
std::string render_to_string(const KnowledgeGraph& graph, std::string_view format, const DotOptions& options = {});

} // namespace kg
