// SPDX-License-Identifier: Apache-2.0
#include "cli.hpp"

#include "distributed.hpp"

#include "formats.hpp"

#include "kg/build/batch.hpp"
#include "kg/build/output_transaction.hpp"
#include "kg/build/partial.hpp"
#include "kg/extract/contribution.hpp"
#include "kg/error.hpp"
#include "kg/extract/annotation_format.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/validate/validate.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <variant>

namespace fs = std::filesystem;

namespace kg::cli {
namespace {

constexpr const char* usage_text =
    R"(usage: kgraph build [options] PATH...
       kgraph annotate [--jsonl] [--lang CODE] [--ontology DIR] [limits] PATH...
       kgraph validate [--ontology DIR] [--documents PATH]... FILE...
       kgraph extract --shard I/N -o FILE [build options] PATH...
       kgraph merge [options] PARTIAL...

build: build a knowledge graph from news articles. Each PATH is a file, a directory (read
recursively for .txt, .md, .html, .jsonl files), or - for standard input (plain text, or
JSON Lines when it opens with '{' or '[').

annotate: print what extraction finds in each document, on standard output: each sentence
with its mentions in brackets and the relations read from it, or with --jsonl one JSON
object per document (sentences, mentions, entities and relations with byte offsets).

validate: check graph files against kgraph's contract before they go into another tool:
declared keys and their types, unique ids, edges between existing nodes, classes and
relation types of the ontology with their domain and range, evidence offsets in order and,
with --documents (the articles, read as build reads them), inside the named documents and
quoting exactly their bytes. FILE is a .graphml, .gexf or .jsonld export, or the .csv
files of one Neo4j import set (checked together). Each problem is printed as FILE:LINE:
message.

extract: read and extract one shard of the inputs into a partial graph FILE (JSON Lines):
the inputs are listed as build lists them, and shard I of N (I from 0 to N-1) takes those
whose place in the listing is I modulo N. Give every shard the same PATHs and options; a
failed shard is re-run alone. merge: merge the partial graphs of all shards, in any number,
grouping and order, into every format build writes: byte for byte what `kgraph build` over
the same PATHs writes. With --partial, into one partial graph FILE instead (-o FILE), to
merge in stages.

options:
  -o, --out DIR          output directory (default: out)
  -f, --formats LIST     comma-separated formats to write (default: graphml, jsonld,
                         dot, svg)
                         available: )";

constexpr const char* usage_tail = R"(
      --ontology DIR     extra ontology data on top of the bundled ontology (repeatable)
      --lang CODE        document language: auto (default), it, en, fr, es, de
      --input-format F   auto (default: by extension), text, markdown, html, jsonl: how
                         every input is read (.txt text; .md Markdown with front matter;
                         .html/.htm saved pages; .jsonl/.ndjson/.json JSON Lines or arrays)
      --json-field FIELD=KEY[,KEY...]
                         JSON keys of a record field, tried in order (repeatable); FIELD is
                         url, title, text, date, outlet, authors or language (defaults:
                         url; title; text,maintext,content,body; date_publish,date,...;
                         source_domain,source,...; authors,author,byline; language,lang)
  -j, --jobs N           extraction threads (default: 1; 0 = one per core)
      --graphml-plain    GraphML without the Neo4j APOC XML attributes
      --base-iri IRI     JSON-LD: base of the IRIs minted for entities without a
                         Wikidata id, articles, relations and mentions
                         (default: https://w3id.org/kgraph/id/)
      --pretty           JSON-LD: indented two spaces (default: compact, one line
                         per node)

diagram options (formats dot, svg, png, pdf, mermaid, and the diagram of html):
      --layout ENGINE    auto (default: dot up to 150 entities, sfdp above), dot, sfdp,
                         neato, fdp, circo, twopi, osage
      --focus ENTITY     draw the network around an entity, given by id, label or alias
                         (repeatable), e.g. --focus "Vladimir Putin"
      --depth N          with --focus: relation hops to follow (default: 1)
      --classes LIST     entity classes to draw, fine or coarse (Person,State,Actor,...)
      --relations LIST   relation types to draw (default: all but mentioned_with, the
                         sentence co-occurrence, which is drawn only when nothing else
                         would be; "all" = every type)
      --min-weight N     leave out relations stated in fewer than N sentences
      --max-nodes N      keep the N most connected entities (default: 300, so that a
                         large corpus still gives a drawing one can read and Graphviz
                         lays out in seconds; the legend says when entities were left
                         out; 0 = all)
      --isolated         also draw entities without a drawn relation
      --label-lang CODE  language of class and relation labels: en (default), it, fr, es, de
      --no-legend        leave the legend out
      --page SIZE        PDF and PNG page: a4 (default), a3, letter (landscape), or fit (the
                         drawing's own size); labels stay at least 7 pt on the page: when
                         the drawing would have to shrink more, co-occurrence edges are left
                         out first, then the drawing is split over several pages
      --dpi N            PNG resolution in dots per inch (default 96)
      --title TEXT       html: the report's title
      --no-cooccurrence  leave out mentioned_with edges
limits (each input is bounded; what is over a limit is reported and left out):
      --max-document-bytes N   refuse documents larger than N bytes (default 8388608)
      --max-sentence-bytes N   leave out of analysis sentences over N bytes (default 8192)
      --max-input-bytes N      refuse a JSON Lines file or standard input over N bytes
                               (default 1073741824); each record is bounded as a document
      --max-depth N            walk folders at most N levels deep (default 64)
      --max-cooccurrence-evidence N
                               keep at most N evidence sentences per co-occurrence
                               (mentioned_with); the weight still counts them all (default 3;
                               0 = no limit)
      --max-evidence N         keep at most N evidence sentences per relation; the weight
                               still counts them all (default 100; 0 = no limit)
      --max-relations-per-sentence N
                               at most N relations from one sentence, typed ones first
                               (default 256; 0 = no limit)

  -q, --quiet            no progress bar and no summary
      --timings          print phase times on standard error, one "kgraph-timing
                         PHASE SECONDS" line each (read and extract summed over threads)
      --documents PATH   validate: the articles the graph was built from (repeatable)
      --shard I/N        extract: the shard to extract (default 0/1: every input)
      --partial          merge: write one partial graph to -o FILE, not the formats
  -h, --help             this help
      --version          print the version

output: every file is written into a private folder inside DIR and published with the
others when all are complete, with DIR/manifest.json (each file's size and SHA-256), so DIR
never holds files of two runs; a failed or interrupted run leaves DIR as it was.

exit status: 0 success; 1 some documents could not be read (the rest were built), or
               (validate) some file breaks the contract;
             2 bad usage, an output that could not be written (nothing was published),
               or nothing could be built.
)";

struct Options {
    std::string command = "build";  ///< build, annotate or validate
    std::vector<std::string> document_paths; ///< validate: the articles evidence points into
    bool jsonl = false;             ///< annotate: JSON Lines instead of bracketed text
    fs::path out = "out";
    bool out_given = false;
    std::uint64_t shard = 0, shards = 1; ///< extract: --shard I/N
    bool partial = false;                ///< merge: write a partial graph
    std::vector<std::string> formats;
    std::vector<std::string> ontology_dirs;
    std::string language = "auto";
    unsigned jobs = 1;
    bool quiet = false;
    bool timings = false;
    bool cooccurrence = true;
    InputOptions input;
    std::uint32_t max_sentence_bytes = 8192;
    std::uint32_t max_relations_per_sentence = 256;
    std::size_t max_evidence = 100;
    // Co-occurrence is most of all evidence (82-88% on news) and says only "named together":
    // its weight draws the diagrams, and a few sentences show what kind of mention it is.
    std::size_t max_cooccurrence_evidence = 3;
    FormatOptions format_options;
    std::vector<std::string> paths;
};

std::string bundled_ontology_dir() {
    if (const char* env = std::getenv("KGRAPH_ONTOLOGY")) return env;
    // Next to the binary first (an installed or copied tree), then the source tree.
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path p : {exe.parent_path() / "ontology", exe.parent_path() / ".." / "ontology",
                           exe.parent_path() / ".." / "share" / "kgraph" / "ontology"})
            if (fs::exists(p / "classes.json", ec)) return p.lexically_normal().string();
    }
    return KG_DEFAULT_ONTOLOGY_DIR;
}

[[noreturn]] void usage_error(const std::string& message) { throw Error(Errc::usage, message + " (see kgraph --help)"); }

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

/// What the command line asked for: a build, or something printed (help, version).
struct Parsed {
    std::optional<Options> build;
    std::string printed; ///< text for standard output when no build was asked for
};

std::uint64_t parse_number(const std::string& option, const std::string& v, std::uint64_t max) {
    std::uint64_t n = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || r.ec != std::errc() || r.ptr != v.data() + v.size() || n > max)
        usage_error(option + " needs a number from 0 to " + std::to_string(max) + ", not \"" + v + "\"");
    return n;
}

Parsed parse(int argc, char** argv) {
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) usage_error("missing command");
    std::string help = std::string(usage_text) + format_names() + usage_tail;
#ifdef KG_WITH_MPI
    help += R"(
distributed: under mpirun (or another MPI launcher), `kgraph build` runs on every rank: each
rank lists the same PATHs (a file system they share), takes chunks of the listing from rank
0 as it finishes the last, and the ranks' partial graphs are merged along a tree into rank
0, which writes every format: byte for byte what one `kgraph build` writes. A rank that fails
names the documents it held and stops the job; nothing is published.
  mpirun -np 4 kgraph build -j 2 -o out articles/
)";
#endif
    const std::string version = std::string("kgraph ") + KG_VERSION + "\n";
    if (args[0] == "--help" || args[0] == "-h") return {std::nullopt, help};
    if (args[0] == "--version") return {std::nullopt, version};
    if (args[0] != "build" && args[0] != "annotate" && args[0] != "validate" && args[0] != "extract" && args[0] != "merge")
        usage_error("unknown command \"" + args[0] + "\"");
    o.command = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string a = args[i];
        // "-j2", "-oDIR", "-fLIST": a short option with its value attached.
        if (a.size() > 2 && a[0] == '-' && a[1] != '-' && (a[1] == 'j' || a[1] == 'o' || a[1] == 'f')) {
            args.insert(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, a.substr(2));
            a = args[i] = a.substr(0, 2);
        }
        auto value = [&](const char* name) -> std::string {
            if (auto eq = a.find('='); a.starts_with("--") && eq != std::string::npos) return a.substr(eq + 1);
            if (i + 1 >= args.size()) usage_error(std::string("option ") + name + " needs a value");
            return args[++i];
        };
        auto is = [&](const char* s, const char* l) { return a == s || a == l || (a.starts_with(std::string(l) + "=")); };
        if (a == "-h" || a == "--help") return {std::nullopt, help};
        if (a == "--version") return {std::nullopt, version};
        if (is("-o", "--out")) {
            o.out = value("--out");
            o.out_given = true;
        } else if (is("--shard", "--shard") && o.command == "extract") {
            const std::string v = value("--shard");
            const auto slash = v.find('/');
            if (slash == std::string::npos) usage_error("--shard needs I/N, e.g. 0/4, not \"" + v + "\"");
            o.shards = parse_number("--shard", v.substr(slash + 1), 1u << 20);
            o.shard = parse_number("--shard", v.substr(0, slash), UINT32_MAX);
            if (o.shards == 0 || o.shard >= o.shards)
                usage_error("--shard I/N needs N >= 1 and I from 0 to N-1, not \"" + v + "\"");
        } else if (a == "--partial" && o.command == "merge")
            o.partial = true;
        else if (is("-f", "--formats")) {
            // Each format once, in the order first asked for.
            for (const auto& f : split_list(value("--formats")))
                if (std::find(o.formats.begin(), o.formats.end(), f) == o.formats.end()) o.formats.push_back(f);
            if (o.formats.empty()) usage_error("--formats needs at least one format");
        } else if (is("--ontology", "--ontology")) o.ontology_dirs.push_back(value("--ontology"));
        else if (is("--lang", "--lang")) o.language = value("--lang");
        else if (is("-j", "--jobs")) {
            const auto n = static_cast<unsigned>(parse_number("--jobs", value("--jobs"), 1024));
            o.jobs = n == 0 ? std::max(1u, std::thread::hardware_concurrency()) : n;
        } else if (is("--max-document-bytes", "--max-document-bytes"))
            o.input.limits.max_document_bytes = parse_number("--max-document-bytes", value("--max-document-bytes"), UINT64_MAX / 2);
        else if (is("--max-sentence-bytes", "--max-sentence-bytes"))
            o.max_sentence_bytes = static_cast<std::uint32_t>(parse_number("--max-sentence-bytes", value("--max-sentence-bytes"), UINT32_MAX));
        else if (is("--max-depth", "--max-depth"))
            o.input.limits.max_depth = static_cast<unsigned>(parse_number("--max-depth", value("--max-depth"), 4096));
        else if (is("--max-input-bytes", "--max-input-bytes"))
            o.input.limits.max_input_bytes = parse_number("--max-input-bytes", value("--max-input-bytes"), UINT64_MAX / 2);
        else if (is("--input-format", "--input-format")) {
            const std::string f = value("--input-format");
            const auto format = parse_input_format(f);
            if (!format) usage_error("--input-format must be one of auto, text, markdown, html, jsonl, not \"" + f + "\"");
            o.input.format = *format;
        } else if (is("--json-field", "--json-field"))
            o.input.fields.set(value("--json-field"));
        else if (is("--max-cooccurrence-evidence", "--max-cooccurrence-evidence"))
            o.max_cooccurrence_evidence =
                parse_number("--max-cooccurrence-evidence", value("--max-cooccurrence-evidence"), UINT32_MAX);
        else if (is("--max-evidence", "--max-evidence"))
            o.max_evidence = parse_number("--max-evidence", value("--max-evidence"), UINT32_MAX);
        else if (is("--max-relations-per-sentence", "--max-relations-per-sentence"))
            o.max_relations_per_sentence = static_cast<std::uint32_t>(
                parse_number("--max-relations-per-sentence", value("--max-relations-per-sentence"), UINT32_MAX));
        else if (a == "--jsonl" && o.command == "annotate") o.jsonl = true;
        else if (is("--documents", "--documents") && o.command == "validate") o.document_paths.push_back(value("--documents"));
        else if (a == "--graphml-plain") o.format_options.graphml_plain = true;
        else if (a == "--no-cooccurrence") o.cooccurrence = false;
        else if (a == "-q" || a == "--quiet") o.quiet = true;
        else if (a == "--timings") o.timings = true;
        else if (a == "-" || !a.starts_with("-")) o.paths.push_back(a);
        else if (a == "--") { for (++i; i < args.size(); ++i) o.paths.push_back(args[i]); }
        else if (!parse_format_option(args, i, o.format_options)) usage_error("unknown option \"" + a + "\"");
    }
    if (o.paths.empty())
        usage_error(o.command == "validate" ? "no graph files to validate"
                    : o.command == "merge"  ? "no partial graphs to merge"
                                            : "no input paths");
    if ((o.command == "extract" || o.partial) && !o.out_given) usage_error(o.command + " needs -o FILE for the partial graph");
    if (o.command == "validate")
        for (const auto& p : o.paths)
            if (!p.ends_with(".graphml") && !p.ends_with(".gexf") && !p.ends_with(".jsonld") && !p.ends_with(".csv"))
                usage_error("validate reads .graphml, .gexf, .jsonld and Neo4j .csv files, not \"" + p + "\"");
    static const std::vector<std::string> langs = {"auto", "it", "en", "fr", "es", "de"};
    if (std::find(langs.begin(), langs.end(), o.language) == langs.end())
        usage_error("--lang must be one of auto, it, en, fr, es, de, not \"" + o.language + "\"");
    if (o.formats.empty()) o.formats = default_formats();
    for (const auto& f : o.formats)
        if (!find_format(f)) usage_error("unknown format \"" + f + "\" (available: " + format_names() + ")");
    return {std::move(o), {}};
}

// A progress bar on stderr, only when it is a terminal and the run is long enough to need one.
class Progress {
public:
    Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled && ::isatty(2) && total > 1) {}
    void update(std::size_t done) {
        if (!enabled_) return;
        auto now = std::chrono::steady_clock::now();
        if (now - start_ < std::chrono::milliseconds(700) || (now - last_ < std::chrono::milliseconds(100) && done < total_)) return;
        last_ = now;
        const int width = 30;
        const int filled = static_cast<int>(static_cast<double>(width) * static_cast<double>(done) / static_cast<double>(total_));
        std::fprintf(stderr, "\r[%s%s] %zu/%zu documents", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(width - filled), '.').c_str(), done, total_);
        shown_ = true;
    }
    void finish() {
        if (shown_) std::fprintf(stderr, "\r%80s\r", "");
    }

private:
    std::size_t total_;
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

std::string seconds(std::chrono::steady_clock::duration d) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::fixed << std::setprecision(2) << std::chrono::duration<double>(d).count() << " s";
    return s.str();
}

} // namespace

namespace {

// What a run left out because of a limit, for the warnings and the summary.
struct LimitReport {
    std::size_t sentences_skipped = 0;
    std::size_t relations_dropped = 0;
};

void warn_skipped_sentences(const AnnotatedDocument& x, std::uint32_t limit, LimitReport& report) {
    report.sentences_skipped += x.doc.skipped_sentences.size();
    report.relations_dropped += x.relations_dropped;
    for (std::size_t k = 0; k < x.doc.skipped_sentences.size() && k < 3; ++k)
        std::cerr << "kgraph: " << x.info.id << ": byte " << x.doc.skipped_sentences[k].begin << ": a sentence of "
                  << x.doc.skipped_sentences[k].size() << " bytes is over the limit of " << limit
                  << " (--max-sentence-bytes): left out of analysis\n";
    if (x.doc.skipped_sentences.size() > 3)
        std::cerr << "kgraph: " << x.info.id << ": " << x.doc.skipped_sentences.size() - 3 << " more sentences over the limit left out\n";
}

void print_summary(const Options& o, const KnowledgeGraph& graph, std::size_t built, std::uint64_t bytes,
                   std::size_t skipped, std::size_t duplicates, const LimitReport& limits, const std::vector<FormatOutcome>& outcomes,
                   const std::vector<fs::path>& published, std::chrono::steady_clock::time_point t0,
                   std::chrono::steady_clock::time_point t_read, std::chrono::steady_clock::time_point t_extract) {
    std::map<std::string, int> per_class;
    for (auto v : boost::make_iterator_range(boost::vertices(graph.graph()))) ++per_class[graph.entity(v).type];
    std::map<std::string, int> per_relation;
    for (auto e : boost::make_iterator_range(boost::edges(graph.graph()))) ++per_relation[graph.relation(e).type];
    std::ostream& s = std::cerr;
    s << "kgraph: " << built << " document" << (built == 1 ? "" : "s") << " read (" << bytes << " bytes), " << skipped << " skipped";
    if (duplicates) s << ", " << duplicates << " duplicate" << (duplicates == 1 ? "" : "s") << " left out";
    s << '\n';
    s << "  entities: " << graph.entity_count();
    for (const auto& [k, n] : per_class) s << "  " << k << " " << n;
    s << "\n  relations: " << graph.relation_count();
    for (const auto& [k, n] : per_relation) s << "  " << k << " " << n;
    if (limits.sentences_skipped)
        s << "\n  limits: " << limits.sentences_skipped << " sentence(s) over " << o.max_sentence_bytes << " bytes left out";
    if (limits.relations_dropped)
        s << "\n  limits: " << limits.relations_dropped << " relation(s) over " << o.max_relations_per_sentence
          << " per sentence left out";
    if (graph.relations_at_evidence_limit())
        s << "\n  limits: " << graph.relations_at_evidence_limit() << " relation(s) keep " << o.max_evidence
          << " of their evidence sentences, co-occurrences " << o.max_cooccurrence_evidence
          << " (--max-evidence, --max-cooccurrence-evidence; weights count them all)";
    s << "\n  time: " << seconds(t_extract - t0) << " to read and extract (" << seconds(t_read - t0)
      << " to load the ontology and list inputs)";
    (void)published;
    for (const auto& out : outcomes) {
        std::string names;
        for (const auto& f : out.files) names += (names.empty() ? "" : ", ") + (o.out / f).string();
        s << "\n  wrote " << names << " ("
          << seconds(std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(out.seconds)))
          << ")";
    }
    s << "\n  total: " << seconds(std::chrono::steady_clock::now() - t0) << '\n';
}

void print_timings(const Options& o, const KnowledgeGraph& graph, std::size_t built, std::uint64_t bytes, const BatchTimes& times,
                   std::chrono::steady_clock::duration merge_time, const std::vector<FormatOutcome>& outcomes,
                   std::chrono::steady_clock::time_point t0, std::chrono::steady_clock::time_point t_read,
                   std::chrono::steady_clock::time_point t_extract) {
    auto secs = [](auto d) { return std::chrono::duration<double>(d).count(); };
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::fixed << std::setprecision(6);
    s << "kgraph-timing documents " << built << "\nkgraph-timing bytes " << bytes << "\nkgraph-timing entities "
      << graph.entity_count() << "\nkgraph-timing relations " << graph.relation_count() << "\nkgraph-timing jobs " << o.jobs
      << "\nkgraph-timing setup " << secs(t_read - t0) << "\nkgraph-timing read " << static_cast<double>(times.read_ns.load()) / 1e9
      << "\nkgraph-timing extract " << static_cast<double>(times.extract_ns.load()) / 1e9 << "\nkgraph-timing merge "
      << secs(merge_time) << "\nkgraph-timing read_extract_merge_wall " << secs(t_extract - t_read) << '\n';
    for (const auto& out : outcomes) s << "kgraph-timing export:" << out.name << ' ' << out.seconds << '\n';
    s << "kgraph-timing total " << secs(std::chrono::steady_clock::now() - t0) << '\n';
    std::cerr << s.str();
}

Ontology load_ontology_for(const Options& o) {
    std::vector<std::string> dirs{bundled_ontology_dir()};
    dirs.insert(dirs.end(), o.ontology_dirs.begin(), o.ontology_dirs.end());
    return load_ontology(dirs);
}

ExtractorOptions extractor_options(const Options& o) {
    ExtractorOptions xo;
    xo.language = o.language;
    xo.cooccurrence = o.cooccurrence;
    xo.max_sentence_bytes = o.max_sentence_bytes;
    xo.max_relations_per_sentence = o.max_relations_per_sentence;
    return xo;
}

BatchOptions batch_options(const Options& o) {
    BatchOptions bo;
    bo.jobs = o.jobs;
    bo.language = o.language;
    bo.input = o.input;
    return bo;
}

// `kgraph annotate`: each document's annotation on standard output, in input order.
int annotate(const Options& o, unsigned closed_descriptors) {
    const Ontology ontology = load_ontology_for(o);
    const Extractor extractor(ontology, extractor_options(o));
    std::vector<InputProblem> problems;
    std::vector<InputUnit> inputs = list_inputs(o.paths, o.input, problems, closed_descriptors & 1u);
    BatchTimes times;
    std::size_t built = 0;
    extract_batch(inputs, extractor, batch_options(o), times, [&](std::size_t i, DocumentOutcome&& r) {
        if (auto* e = std::get_if<Error>(&r)) {
            if (e->code() == Errc::duplicate_document) std::cerr << "kgraph: duplicate left out: " << e->what() << '\n';
            else problems.push_back({inputs[i].where(), *e});
            return;
        }
        const auto& x = std::get<AnnotatedDocument>(r);
        if (o.jsonl) write_annotation_jsonl(std::cout, x, ontology);
        else write_annotation_text(std::cout, x, ontology);
        ++built;
    });
    std::cout.flush();
    if (!std::cout) throw Error(Errc::io_error, std::string("cannot write to standard output: ") + std::strerror(errno));
    for (const auto& p : problems) std::cerr << "kgraph: skipped: " << p.error.what() << '\n';
    if (built == 0) return 2;
    return problems.empty() ? 0 : 1;
}

// `kgraph validate`: each graph file against the contract (kg/validate/validate.hpp).
int validate(const Options& o, unsigned closed_descriptors) {
    const Ontology ontology = load_ontology_for(o);
    ValidationContext context;
    context.ontology = &ontology;
    std::vector<InputProblem> input_problems;
    if (!o.document_paths.empty()) {
        std::vector<InputUnit> units = list_inputs(o.document_paths, o.input, input_problems, closed_descriptors & 1u);
        for (auto& unit : units) {
            try {
                Article a = read_article(unit, o.input);
                context.documents.emplace(a.record.id, std::move(a.text));
            } catch (const Error& e) {
                input_problems.push_back({unit.where(), e});
            }
        }
        for (const auto& p : input_problems) std::cerr << "kgraph: document not read: " << p.error.what() << '\n';
    }
    std::size_t problems = 0;
    auto show = [&](const std::string& what, const std::vector<ValidationProblem>& found) {
        for (const auto& p : found) std::cout << p.to_string() << '\n';
        problems += found.size();
        if (!o.quiet) std::cerr << "kgraph: " << what << ": " << (found.empty() ? "valid" : std::to_string(found.size()) + " problem(s)") << '\n';
    };
    std::vector<std::string> neo4j_files;
    for (const auto& path : o.paths) {
        if (path.ends_with(".csv")) neo4j_files.push_back(path);
        else if (path.ends_with(".gexf")) show(path, validate_gexf(path, context));
        else if (path.ends_with(".jsonld")) show(path, validate_jsonld(path, context));
        else show(path, validate_graphml(path, context));
    }
    if (!neo4j_files.empty())
        show("Neo4j import set (" + std::to_string(neo4j_files.size()) + " files)", validate_neo4j(neo4j_files, context));
    std::cout.flush();
    if (!std::cout) throw Error(Errc::io_error, std::string("cannot write to standard output: ") + std::strerror(errno));
    return problems || !input_problems.empty() ? 1 : 0;
}

// Everything after parsing. Whatever fails before publication leaves the output folder as
// it was (the transaction rolls back when it goes out of scope).
// Report the formats' warnings and errors; whether every format was written. One rule for
// every failure: a run publishes all its formats or none of them.
bool all_written(const Options& o, const std::vector<FormatOutcome>& outcomes) {
    bool failed = false;
    for (const auto& out : outcomes) {
        for (const auto& w : out.warnings) std::cerr << "kgraph: " << out.name << ": warning: " << w << '\n';
        if (out.error) {
            std::cerr << "kgraph: " << out.name << ": " << out.error->what() << '\n';
            failed = true;
        }
    }
    if (failed) std::cerr << "kgraph: nothing was written to " << o.out.string() << " (its earlier contents are unchanged)\n";
    return !failed;
}

// `kgraph build` ends the process once the graph is written: freeing its millions of small
// allocations one by one cost 1.3 s of a 10,000-document build, which the operating system
// does at once. Kept reachable from a static so that leak checkers do not report it.
void keep_until_exit(std::unique_ptr<KnowledgeGraph> graph) {
    static auto* kept = new std::vector<std::unique_ptr<KnowledgeGraph>>;
    kept->push_back(std::move(graph));
}

int build(Options& o, unsigned closed_descriptors) {
    const auto t0 = std::chrono::steady_clock::now();
    const Ontology ontology = load_ontology_for(o);
    check_format_options(ontology, o.format_options);
    const Extractor extractor(ontology, extractor_options(o));
    OutputTransaction transaction(o.out, std::string("kgraph ") + KG_VERSION);

    std::vector<InputProblem> problems;
    std::vector<InputUnit> inputs = list_inputs(o.paths, o.input, problems, closed_descriptors & 1u);
    const auto t_read = std::chrono::steady_clock::now();

    auto kept_graph = std::make_unique<KnowledgeGraph>(o.max_evidence);
    KnowledgeGraph& graph = *kept_graph;
    if (const RelationDef* cooccurrence = ontology.relation_with(Structural::cooccurrence))
        graph.set_evidence_limit(cooccurrence->name, o.max_cooccurrence_evidence);
    std::size_t built = 0;
    std::uint64_t bytes = 0;
    LimitReport limits;
    Progress progress(inputs.size(), !o.quiet);
    BatchTimes times;
    std::chrono::steady_clock::duration merge_time{};
    std::size_t duplicates = 0;
    extract_batch(inputs, extractor, batch_options(o), times, [&](std::size_t i, DocumentOutcome&& r) {
        if (auto* e = std::get_if<Error>(&r); e && e->code() == Errc::duplicate_document) {
            // Not a failure: the article is in the graph once.
            std::cerr << "kgraph: duplicate left out: " << e->what() << '\n';
            ++duplicates;
        } else if (e) {
            problems.push_back({inputs[i].where(), *e});
        } else {
            auto& x = std::get<AnnotatedDocument>(r);
            bytes += x.info.bytes;
            warn_skipped_sentences(x, o.max_sentence_bytes, limits);
            const auto tm = std::chrono::steady_clock::now();
            merge_into(graph, x, ontology);
            merge_time += std::chrono::steady_clock::now() - tm;
            ++built;
        }
        progress.update(i + 1);
    });
    progress.finish();
    const auto t_extract = std::chrono::steady_clock::now();

    for (const auto& p : problems) std::cerr << "kgraph: skipped: " << p.error.what() << '\n';
    if (built == 0) {
        std::cerr << "kgraph: no document could be built; nothing written\n";
        return 2;
    }
    const std::vector<FormatOutcome> outcomes = write_formats(graph, ontology, o.formats, o.format_options, o.jobs, transaction);
    if (!all_written(o, outcomes)) return 2;
    const std::vector<fs::path> published = transaction.publish();
    if (!o.quiet) print_summary(o, graph, built, bytes, problems.size(), duplicates, limits, outcomes, published, t0, t_read, t_extract);
    if (o.timings) print_timings(o, graph, built, bytes, times, merge_time, outcomes, t0, t_read, t_extract);
    keep_until_exit(std::move(kept_graph));
    return problems.empty() ? 0 : 1;
}

// The partial graph written whole or not at all: into a temporary file beside it, renamed
// over it once complete.
void write_partial_file(const fs::path& path, const PartialGraph& partial) {
    const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
    try {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(Errc::io_error, std::string("cannot create: ") + std::strerror(errno), tmp.string());
        write_partial(out, partial);
        out.close();
        if (!out) throw Error(Errc::io_error, std::string("cannot write: ") + std::strerror(errno), tmp.string());
        std::error_code ec;
        fs::rename(tmp, path, ec);
        if (ec) throw Error(Errc::io_error, "cannot publish the partial graph: " + ec.message(), path.string());
    } catch (...) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw;
    }
}

std::string producer() { return std::string("kgraph ") + KG_VERSION; }

// Extract `units` (whose listing indices are `order`) into `partial`, in unit order: each
// unit's failure is a problem, a duplicate is left out. `after_each` runs on the calling
// thread after each unit.
void extract_into(PartialGraph& partial, const Options& o, const Ontology& ontology, const Extractor& extractor,
                  std::vector<InputUnit>& units, const std::vector<std::uint64_t>& order, std::vector<InputProblem>& problems,
                  std::size_t& duplicates, LimitReport& limits, const std::function<void(std::size_t)>& after_each) {
    BatchTimes times;
    extract_batch(units, extractor, batch_options(o), times, [&](std::size_t k, DocumentOutcome&& r) {
        if (auto* e = std::get_if<Error>(&r); e && e->code() == Errc::duplicate_document) {
            std::cerr << "kgraph: duplicate left out: " << e->what() << '\n';
            ++duplicates;
        } else if (e) {
            problems.push_back({units[k].where(), *e});
        } else {
            auto& x = std::get<AnnotatedDocument>(r);
            warn_skipped_sentences(x, o.max_sentence_bytes, limits);
            partial.documents.push_back({order[k], contribution_of(x, ontology)});
        }
        after_each(k);
    });
}

PartialGraph empty_partial(const std::vector<InputUnit>& listed) {
    PartialGraph partial;
    partial.producer = producer();
    partial.inputs = listed.size();
    partial.inputs_sha256 = inputs_fingerprint(listed);
    return partial;
}

int extract(Options& o, unsigned closed_descriptors) {
    const Ontology ontology = load_ontology_for(o);
    const Extractor extractor(ontology, extractor_options(o));
    std::vector<InputProblem> problems;
    std::vector<InputUnit> listed = list_inputs(o.paths, o.input, problems, closed_descriptors & 1u);
    PartialGraph partial = empty_partial(listed);
    std::vector<InputUnit> mine;
    std::vector<std::uint64_t> order;
    for (std::uint64_t i = 0; i < listed.size(); ++i)
        if (shard_of(i, o.shards) == o.shard) {
            mine.push_back(std::move(listed[i]));
            order.push_back(i);
        }
    LimitReport limits;
    std::size_t duplicates = 0;
    Progress progress(mine.size(), !o.quiet);
    extract_into(partial, o, ontology, extractor, mine, order, problems, duplicates, limits,
                 [&](std::size_t k) { progress.update(k + 1); });
    progress.finish();
    for (const auto& p : problems) std::cerr << "kgraph: skipped: " << p.error.what() << '\n';
    write_partial_file(o.out, partial);
    if (!o.quiet)
        std::cerr << "kgraph: shard " << o.shard << "/" << o.shards << ": " << partial.documents.size() << " of "
                  << listed.size() << " inputs extracted into " << o.out.string() << " (" << problems.size()
                  << " skipped, " << duplicates << " duplicate(s))\n";
    return problems.empty() ? 0 : 1;
}

int publish_partial(Options& o, PartialGraph merged, const std::string& from, std::chrono::steady_clock::time_point t0,
                    std::chrono::steady_clock::time_point t_read, const char* read_phase);

int merge(Options& o) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<PartialGraph> partials;
    for (const std::string& path : o.paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error(Errc::io_error, std::string("cannot open: ") + std::strerror(errno), path);
        partials.push_back(read_partial(in, path));
        if (partials.back().producer != producer())
            throw Error(Errc::partial_format, "made by " + partials.back().producer + "; this is " + producer() +
                                                  ": extract and merge with one build", path);
    }
    PartialGraph merged = merge_partials(std::move(partials), o.paths);
    const auto t_read = std::chrono::steady_clock::now();
    if (o.partial) {
        write_partial_file(o.out, merged);
        if (!o.quiet)
            std::cerr << "kgraph: " << merged.documents.size() << " documents of " << merged.inputs << " inputs merged into "
                      << o.out.string() << '\n';
        return 0;
    }
    return publish_partial(o, std::move(merged), std::to_string(o.paths.size()) + " partial graph(s)", t0, t_read, "read_partials");
}

// Fold a whole partial graph into the graph and write every format through one transaction:
// what `kgraph build` over the same listing writes. `from` and `read_phase` name where the
// partial came from, in the summary and the timings.
int publish_partial(Options& o, PartialGraph merged, const std::string& from, std::chrono::steady_clock::time_point t0,
                    std::chrono::steady_clock::time_point t_read, const char* read_phase) {
    const Ontology ontology = load_ontology_for(o);
    check_format_options(ontology, o.format_options);
    OutputTransaction transaction(o.out, producer());
    KnowledgeGraph graph(o.max_evidence);
    if (const RelationDef* cooccurrence = ontology.relation_with(Structural::cooccurrence))
        graph.set_evidence_limit(cooccurrence->name, o.max_cooccurrence_evidence);
    // Each article once, as build keeps it: the first in listing order with its id or text.
    std::set<std::string> ids, texts;
    std::size_t built = 0, duplicates = 0;
    for (PartialDocument& d : merged.documents) {
        const DocumentInfo& info = d.contribution.info;
        const bool new_id = ids.insert(info.id).second;
        const bool new_text = texts.insert(info.text_sha256).second;
        if (!new_id || !new_text) {
            if (new_id) ids.erase(info.id);
            if (new_text) texts.erase(info.text_sha256);
            std::cerr << "kgraph: duplicate left out: " << (info.source_path.empty() ? info.id : info.source_path) << '\n';
            ++duplicates;
            continue;
        }
        add_contribution(graph, std::move(d.contribution));
        ++built;
    }
    const auto t_fold = std::chrono::steady_clock::now();
    if (built == 0) {
        std::cerr << "kgraph: no document in the partial graphs; nothing written\n";
        return 2;
    }
    const std::vector<FormatOutcome> outcomes = write_formats(graph, ontology, o.formats, o.format_options, o.jobs, transaction);
    if (!all_written(o, outcomes)) return 2;
    transaction.publish();
    if (!o.quiet)
        std::cerr << "kgraph: " << built << " documents of " << merged.inputs << " inputs merged from " << from << " into "
                  << o.out.string() << ": " << graph.entity_count() << " entities, " << graph.relation_count() << " relations\n";
    if (o.timings) {
        std::ostringstream t;
        t.imbue(std::locale::classic());
        const auto sec = [](auto d) { return std::chrono::duration<double>(d).count(); };
        t << "kgraph-timing documents " << built << "\nkgraph-timing " << read_phase << ' ' << sec(t_read - t0)
          << "\nkgraph-timing fold " << sec(t_fold - t_read) << '\n';
        for (const auto& out : outcomes) t << "kgraph-timing export:" << out.name << ' ' << out.seconds << '\n';
        t << "kgraph-timing total " << sec(std::chrono::steady_clock::now() - t0) << '\n';
        std::cerr << t.str();
    }
    return 0;
}

#ifdef KG_WITH_MPI
// `mpirun -np N kgraph build ...`: every rank lists the inputs (a file system they share),
// extracts the chunks of the listing it is given (WorkSharing) into a partial graph, and the
// partials are merged along a tree into rank 0, which publishes every format with the same
// transaction as `kgraph build`: byte for byte the same output. A rank that fails says which
// documents it held and stops the job; no output is published.
int mpi_build(Options& o, unsigned closed_descriptors, const MpiWorld& world) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string me = "rank " + std::to_string(world.rank()) + "/" + std::to_string(world.size());
    std::vector<std::string> held; // where this rank's documents are, for a failure report
    try {
        const Ontology ontology = load_ontology_for(o);
        check_format_options(ontology, o.format_options);
        const Extractor extractor(ontology, extractor_options(o));
        std::vector<InputProblem> listing_problems, problems;
        std::vector<InputUnit> listed = list_inputs(o.paths, o.input, listing_problems, closed_descriptors & 1u);
        PartialGraph partial = empty_partial(listed);
        // Every rank must see the same listing: the same files in the same order.
        if (world.broadcast_from_root(partial.inputs_sha256) != partial.inputs_sha256)
            throw Error(Errc::distributed, "its listing of the inputs (" + std::to_string(listed.size()) +
                                               " units) differs from rank 0's: give every rank the same PATHs on a shared file system");
        // For the test suite: KG_TEST_FAIL_RANK=R:K makes rank R fail after extracting K
        // documents, as a rank that runs out of memory or loses its disk would.
        std::optional<std::pair<int, std::size_t>> fail_at;
        if (const char* f = std::getenv("KG_TEST_FAIL_RANK"); f && std::strchr(f, ':'))
            fail_at = std::pair<int, std::size_t>{std::atoi(f), std::strtoull(std::strchr(f, ':') + 1, nullptr, 10)};
        std::size_t extracted = 0;
        LimitReport limits;
        std::size_t duplicates = 0;
        WorkSharing work(world, listed.size());
        while (const auto chunk = work.next()) {
            std::vector<InputUnit> units;
            std::vector<std::uint64_t> order;
            for (std::uint64_t i = chunk->first; i < chunk->second; ++i) {
                held.push_back(listed[i].where());
                units.push_back(std::move(listed[i]));
                order.push_back(i);
            }
            extract_into(partial, o, ontology, extractor, units, order, problems, duplicates, limits, [&](std::size_t) {
                work.serve();
                if (fail_at && fail_at->first == world.rank() && ++extracted >= fail_at->second)
                    throw Error(Errc::distributed, "failure injected by KG_TEST_FAIL_RANK");
            });
        }
        work.finish();
        const auto t_extract = std::chrono::steady_clock::now();
        // Listing problems are every rank's; rank 0 reports them.
        if (world.rank() == 0)
            for (const auto& p : listing_problems) std::cerr << "kgraph: skipped: " << p.error.what() << '\n';
        for (const auto& p : problems) std::cerr << "kgraph: " << me << ": skipped: " << p.error.what() << '\n';
        if (o.timings)
            std::cerr << "kgraph-timing " << me << " documents " << partial.documents.size() << " extract "
                      << std::chrono::duration<double>(t_extract - t0).count() << '\n';

        std::ostringstream mine;
        write_partial(mine, partial);
        partial = PartialGraph{};
        auto combine = [&](std::string own, std::string received) {
            std::istringstream a(own), b(received);
            std::vector<PartialGraph> both;
            both.push_back(read_partial(a, me));
            both.push_back(read_partial(b, "the partial graph sent to " + me));
            const PartialGraph merged = merge_partials(std::move(both), {me, "the partial graph sent to " + me});
            std::ostringstream out;
            write_partial(out, merged);
            return std::move(out).str();
        };
        const std::optional<std::string> whole = world.reduce_to_root(std::move(mine).str(), combine);
        int status = listing_problems.empty() && problems.empty() ? 0 : 1;
        if (whole) {
            const auto t_reduce = std::chrono::steady_clock::now();
            std::istringstream in(*whole);
            PartialGraph merged = read_partial(in, me);
            const int published = publish_partial(o, std::move(merged), std::to_string(world.size()) + " MPI ranks", t_extract,
                                                  t_reduce, "reduce");
            status = std::max(status, published);
        }
        return world.max_over_ranks(status);
    } catch (const std::exception& e) {
        std::cerr << "kgraph: " << me << " failed: " << e.what() << '\n';
        std::cerr << "kgraph: " << me << " held " << held.size() << " document(s)" << (held.empty() ? "" : ":") << '\n';
        for (const auto& where : held) std::cerr << "kgraph: " << me << ":   " << where << '\n';
        std::cerr << "kgraph: nothing was written to " << o.out.string() << " (its earlier contents are unchanged)\n";
        world.abort(2);
    }
}
#endif

} // namespace

int run(int argc, char** argv) {
    const unsigned closed = ensure_standard_descriptors();
    install_interrupt_cleanup();
    Parsed parsed;
    try {
        parsed = parse(argc, argv);
    } catch (const Error& e) {
        std::cerr << "kgraph: " << e.what() << '\n';
        return 2;
    }
    if (!parsed.build) {
        std::cout << parsed.printed << std::flush;
        if (!std::cout) {
            std::cerr << "kgraph: cannot write to standard output: " << std::strerror(errno) << '\n';
            return 2;
        }
        return 0;
    }
    try {
        if (parsed.build->command == "annotate") return annotate(*parsed.build, closed);
        if (parsed.build->command == "validate") return validate(*parsed.build, closed);
        if (parsed.build->command == "extract") return extract(*parsed.build, closed);
        if (parsed.build->command == "merge") return merge(*parsed.build);
#ifdef KG_WITH_MPI
        if (launched_by_mpi()) {
            const MpiWorld world(argc, argv);
            if (world.size() > 1) return mpi_build(*parsed.build, closed, world);
            return build(*parsed.build, closed);
        }
#endif
        return build(*parsed.build, closed);
    } catch (const Error& e) {
        std::cerr << "kgraph: " << e.what() << '\n';
    } catch (const std::bad_alloc&) {
        std::cerr << "kgraph: out of memory; nothing was written [resource-exhausted]\n";
    }
    return 2;
}

} // namespace kg::cli
