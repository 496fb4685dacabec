// SPDX-License-Identifier: Apache-2.0
#pragma once
// Mermaid writer: the diagram as text for Markdown reports (GitHub, GitLab, Obsidian and
// other renderers of ```mermaid blocks draw it).
//
// Format card
//   Spec: Mermaid flowchart syntax (https://mermaid.js.org/syntax/flowchart.html). Readers
//   it is written for: Mermaid 10 and 11 (tested with @mermaid-js/mermaid-cli in CI), and the
//   Markdown renderers that embed it. A diagram, not an exchange format: it shows what the
//   DOT writer shows (the same DotView filters, select_view() in kg/export/dot.hpp: focus,
//   depth, classes, relations, min-weight, max-nodes), with the same labels and colours;
//   evidence, aliases and dates are left out.
//   Emitted: a `%%` comment line (what the file is); `graph LR`; one line per shown entity,
//   in graph order: `ID["label"]:::CLASS`; one line per shown relation, in graph order:
//   `SRC -->|"label"| DST`, `---` for symmetric types, `-.->`/`-.-` for alleged and denied
//   claims; `classDef` per class shown (fill, stroke and text colour of the style);
//   `linkStyle` per relation (the type's colour, the width 1-5 px by weight, as the DOT pen
//   width).
//   Node ids: "e_" then the entity id with A-Z a-z 0-9 and '_' kept, and every other byte
//   (and a '_' before an 'X') as "_X" and two hex digits, so distinct ids stay distinct
//   (kgraph's slugs and QIDs are written as they are) and no id is a Mermaid keyword ("end",
//   "graph", "subgraph") or starts an arrow ("o", "x"). Class names likewise, after "c_".
//   Text (labels) is written in double quotes; '"', '#', '&', '<', '>', '|' and '`' become
//   Mermaid entity codes (#quot;, #35;, #amp;, #lt;, #gt;, #124;, #96;), line breaks become
//   spaces, and characters no renderer shows (C0 controls, U+FFFE/U+FFFF, malformed UTF-8)
//   are replaced by U+FFFD and reported through `warn` (mermaid_text()).
//   Mermaid draws at most 500 edges and 50,000 characters by default (its maxEdges and
//   maxTextSize settings): a larger view is written and reported through `warn`, with the
//   filters that narrow it.
//   Deterministic: the same graph and options give byte-identical output.
#include "kg/export/dot.hpp"
#include "kg/graph/knowledge_graph.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace kg {

struct MermaidOptions {
    DotView view;   ///< which entities and relations (as for DOT)
    DotStyle style; ///< labels and colours (dot_style() in kg/export/vocabulary.hpp)
    /// Upper bound of the link width (px), scaled by weight on a log scale (from 1).
    double max_width = 5;
    std::function<void(const std::string&)> warn;
};

/// `text` as the inside of a quoted Mermaid label (see the card); `replaced` counts the
/// characters replaced by U+FFFD.
std::string mermaid_text(std::string_view text, std::size_t* replaced = nullptr);

/// The Mermaid node id of entity id `id` (see the card).
std::string mermaid_id(std::string_view id);

/// Write the diagram as a Mermaid flowchart. Throws kg::Error: usage (a focus that matches
/// nothing), export_error (the stream failed).
void write_mermaid(const KnowledgeGraph& graph, std::ostream& out, const MermaidOptions& options = {});

} // namespace kg
