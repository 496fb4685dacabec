// SPDX-License-Identifier: Apache-2.0
#pragma once
// The table of output formats: the only place the program dispatches on a format name.
#include "kg/build/output_transaction.hpp"
#include "kg/error.hpp"
#include "kg/export/dot.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/ontology.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

/// Options that only some formats read, set from the command line.
/// What diagrams show when no option narrows them: the 300 most connected entities.
inline DotView diagram_view_default() {
    DotView view;
    view.max_nodes = 300;
    return view;
}

struct FormatOptions {
    bool graphml_plain = false;
    std::string base_iri;          ///< --base-iri: base of minted JSON-LD IRIs (empty: the exporter's default)
    bool jsonld_pretty = false;    ///< --pretty: indented JSON-LD
    // Diagrams (dot, svg, png, pdf).
    /// --focus, --depth, --classes, --relations, --min-weight, --max-nodes, --isolated.
    /// Diagrams keep the most connected entities unless asked for more: past a few hundred
    /// a drawing is unreadable, and Graphviz takes minutes to lay out tens of thousands.
    DotView view = diagram_view_default();
    std::string layout = "auto";   ///< --layout
    std::string label_lang = "en"; ///< --label-lang
    bool legend = true;            ///< --no-legend
    std::string page = "a4";       ///< --page: a4, a3, letter, fit (PDF and PNG)
    unsigned dpi = 0;              ///< --dpi: PNG resolution (0: Graphviz's 96)
    std::string title;             ///< --title: the HTML report's title (empty: the default)
};

/// Where a writer's warnings go (one line each, without the "kgraph: FORMAT:" prefix).
using Warn = std::function<void(const std::string&)>;

/// Writes one named file of a multi-file format through `write`, into the transaction.
using FileWriter = std::function<void(const std::string& name, const std::function<void(std::ostream&)>& write)>;

/// One output format. Exactly one of `to_stream`, `to_file` and `to_files` is set: a stream
/// writer fills an ostream (the file graph.EXT); a file writer (a Graphviz renderer) writes
/// the named file itself; a multi-file writer (Neo4j) names each of its files and fills it
/// through the FileWriter, and every file goes through the same transaction.
struct Format {
    std::string_view name;
    std::string_view extension;
    bool by_default;
    /// Goes through libcgraph/libgvc, which may end the process on failure: written in an
    /// isolated child process.
    bool graphviz;
    void (*to_stream)(const KnowledgeGraph&, const Ontology&, const FormatOptions&, const Warn&, std::ostream&);
    void (*to_file)(const KnowledgeGraph&, const Ontology&, const FormatOptions&, const Warn&, const std::string& path);
    void (*to_files)(const KnowledgeGraph&, const Ontology&, const FormatOptions&, const Warn&, const FileWriter&) = nullptr;
    /// The file of a single-file format that is not called graph.EXT (report.html).
    std::string_view file = {};
    /// graph.EXT (or `file`): the one file of a single-file format.
    std::string file_name() const { return file.empty() ? "graph." + std::string(extension) : std::string(file); }
};

/// What became of one format of a run.
struct FormatOutcome {
    std::string name;
    std::filesystem::path staged;            ///< where it was staged (empty on failure)
    std::vector<std::string> files;          ///< the names of the files it wrote
    double seconds = 0;
    std::optional<Error> error;
    std::vector<std::string> warnings;
};

/// Write every format of `names` into the transaction: the Graphviz ones in one isolated
/// child process, the others on up to `jobs` threads meanwhile. Outcomes come in the order
/// of `names`. Call while no other thread runs (the child is forked first).
std::vector<FormatOutcome> write_formats(const KnowledgeGraph& graph, const Ontology& ontology,
                                         const std::vector<std::string>& names, const FormatOptions& options,
                                         unsigned jobs, OutputTransaction& transaction);

/// Check, before any work, the options that depend on the ontology (--classes, --relations).
void check_format_options(const Ontology& ontology, const FormatOptions& options);

const Format* find_format(std::string_view name);
std::vector<std::string> default_formats();
std::string format_names();
/// Parse a format-specific option at args[i] (advancing i past a value); false if unknown.
bool parse_format_option(const std::vector<std::string>& args, std::size_t& i, FormatOptions& options);

} // namespace kg::cli
