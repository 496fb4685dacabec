#pragma once
// The table of output formats: the only place the program dispatches on a format name.
#include "kg/export/dot.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/ontology.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

/// Options that only some formats read, set from the command line.
struct FormatOptions {
    bool graphml_plain = false;
    std::string base_iri;          ///< --base-iri: base of minted JSON-LD IRIs (empty: the exporter's default)
    // Diagrams (dot, svg, png, pdf).
    DotView view;                  ///< --focus, --depth, --classes, --relations, --min-weight, --max-nodes, --isolated
    std::string layout = "auto";   ///< --layout
    std::string label_lang = "en"; ///< --label-lang
    bool legend = true;            ///< --no-legend
};

struct Format {
    std::string_view name;
    std::string_view extension;
    bool by_default;
    /// Write DIR/graph.EXT atomically.
    void (*write)(const KnowledgeGraph&, const Ontology&, const std::filesystem::path& dir, const FormatOptions&);
};

const Format* find_format(std::string_view name);
std::vector<std::string> default_formats();
std::string format_names();
/// The diagram style from the ontology's style table (style.json) and display labels in
/// `lang` (falling back to English, then to the name itself).
DotStyle dot_style_from(const Ontology& ontology, const std::string& lang);
/// Parse a format-specific option at args[i] (advancing i past a value); false if unknown.
bool parse_format_option(const std::vector<std::string>& args, std::size_t& i, FormatOptions& options);

} // namespace kg::cli
