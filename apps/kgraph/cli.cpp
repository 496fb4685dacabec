#include "cli.hpp"

#include "formats.hpp"
#include "output.hpp"

#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/text/reader.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
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

Build a knowledge graph from news articles. Each PATH is a file, a directory (read
recursively for .txt, .md and .html files), or - for standard input.

options:
  -o, --out DIR          output directory (default: out)
  -f, --formats LIST     comma-separated formats to write (default: all but png, pdf)
                         available: )";

constexpr const char* usage_tail = R"(
      --ontology DIR     extra ontology data on top of the bundled ontology (repeatable)
      --lang CODE        document language: auto (default), it, en, fr, es, de
  -j, --jobs N           extraction threads (default: 1; 0 = one per core)
      --graphml-plain    GraphML without the Neo4j APOC XML attributes
      --base-iri IRI     JSON-LD: base of the IRIs minted for entities without a
                         Wikidata id, articles, relations and mentions
                         (default: https://w3id.org/kgraph/id/)

diagram options (formats dot, svg, png, pdf):
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
      --max-nodes N      keep the N most connected entities
      --isolated         also draw entities without a drawn relation
      --label-lang CODE  language of class and relation labels: en (default), it, fr, es, de
      --no-legend        leave the legend out
      --no-cooccurrence  leave out mentioned_with edges
  -q, --quiet            no progress bar and no summary
      --timings          print phase times on standard error, one "kgraph-timing
                         PHASE SECONDS" line each (read and extract summed over threads)
  -h, --help             this help
      --version          print the version

exit status: 0 success; 1 some documents could not be read (the rest were built);
             2 bad usage or nothing could be built.
)";

struct Options {
    fs::path out = "out";
    std::vector<std::string> formats;
    std::vector<std::string> ontology_dirs;
    std::string language = "auto";
    unsigned jobs = 1;
    bool quiet = false;
    bool timings = false;
    bool cooccurrence = true;
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

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) usage_error("missing command");
    if (args[0] == "--help" || args[0] == "-h") {
        std::cout << usage_text << format_names() << usage_tail;
        return std::nullopt;
    }
    if (args[0] == "--version") {
        std::cout << "kgraph " << KG_VERSION << '\n';
        return std::nullopt;
    }
    if (args[0] != "build") usage_error("unknown command \"" + args[0] + "\"");
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> std::string {
            if (auto eq = a.find('='); a.starts_with("--") && eq != std::string::npos) return a.substr(eq + 1);
            if (i + 1 >= args.size()) usage_error(std::string("option ") + name + " needs a value");
            return args[++i];
        };
        auto is = [&](const char* s, const char* l) {
            return a == s || a == l || (a.starts_with(std::string(l) + "="));
        };
        if (a == "-h" || a == "--help") {
            std::cout << usage_text << format_names() << usage_tail;
            return std::nullopt;
        } else if (a == "--version") {
            std::cout << "kgraph " << KG_VERSION << '\n';
            return std::nullopt;
        } else if (is("-o", "--out")) o.out = value("--out");
        else if (is("-f", "--formats")) {
            o.formats = split_list(value("--formats"));
            if (o.formats.empty()) usage_error("--formats needs at least one format");
        } else if (is("--ontology", "--ontology")) o.ontology_dirs.push_back(value("--ontology"));
        else if (is("--lang", "--lang")) o.language = value("--lang");
        else if (is("-j", "--jobs")) {
            std::string v = value("--jobs");
            try {
                std::size_t used = 0;
                int n = std::stoi(v, &used);
                if (used != v.size() || n < 0 || n > 1024) throw std::invalid_argument(v);
                o.jobs = n == 0 ? std::max(1u, std::thread::hardware_concurrency()) : static_cast<unsigned>(n);
            } catch (const std::exception&) { usage_error("--jobs needs a number from 0 to 1024, not \"" + v + "\""); }
        } else if (a == "--graphml-plain") o.format_options.graphml_plain = true;
        else if (a == "--no-cooccurrence") o.cooccurrence = false;
        else if (a == "-q" || a == "--quiet") o.quiet = true;
        else if (a == "--timings") o.timings = true;
        else if (a == "-" || !a.starts_with("-")) o.paths.push_back(a);
        else if (a == "--") { for (++i; i < args.size(); ++i) o.paths.push_back(args[i]); }
        else if (!parse_format_option(args, i, o.format_options)) usage_error("unknown option \"" + a + "\"");
    }
    if (o.paths.empty()) usage_error("no input paths");
    static const std::vector<std::string> langs = {"auto", "it", "en", "fr", "es", "de"};
    if (std::find(langs.begin(), langs.end(), o.language) == langs.end())
        usage_error("--lang must be one of auto, it, en, fr, es, de, not \"" + o.language + "\"");
    if (o.formats.empty()) o.formats = default_formats();
    for (const auto& f : o.formats)
        if (!find_format(f)) usage_error("unknown format \"" + f + "\" (available: " + format_names() + ")");
    return o;
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

using Outcome = std::variant<Extraction, Error>;

// Time spent reading and extracting, summed over the threads that do it (--timings).
struct PhaseTimes {
    std::atomic<std::int64_t> read_ns{0}, extract_ns{0};
};

// Extract documents on `jobs` threads; hand results to `consume` strictly in input order,
// keeping at most a bounded window of finished documents in memory.
void run_extraction(const std::vector<InputSource>& inputs, const Extractor& extractor, const std::string& language,
                    unsigned jobs, PhaseTimes& times, const std::function<void(std::size_t, Outcome&&)>& consume) {
    auto process = [&](std::size_t i) -> Outcome {
        using clock = std::chrono::steady_clock;
        auto ns = [](clock::duration d) { return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(); };
        try {
            Document doc;
            doc.id = inputs[i].path;
            const auto t0 = clock::now();
            doc.text = read_input(inputs[i]);
            const auto t1 = clock::now();
            times.read_ns += ns(t1 - t0);
            if (language != "auto") doc.language = language;
            Extraction x = extractor.extract(std::move(doc));
            times.extract_ns += ns(clock::now() - t1);
            return x;
        } catch (const Error& e) {
            return e;
        } catch (const std::exception& e) {
            return Error(Errc::io_error, e.what(), inputs[i].path);
        }
    };
    if (jobs <= 1 || inputs.size() <= 1) {
        for (std::size_t i = 0; i < inputs.size(); ++i) consume(i, process(i));
        return;
    }
    std::mutex m;
    std::condition_variable cv;
    std::map<std::size_t, Outcome> ready;
    std::size_t next_task = 0, next_merge = 0;
    const std::size_t window = static_cast<std::size_t>(jobs) * 8;
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < jobs; ++t) {
        workers.emplace_back([&] {
            for (;;) {
                std::size_t i;
                {
                    std::unique_lock lock(m);
                    cv.wait(lock, [&] { return next_task >= inputs.size() || next_task < next_merge + window; });
                    if (next_task >= inputs.size()) return;
                    i = next_task++;
                }
                Outcome r = process(i);
                {
                    std::lock_guard lock(m);
                    ready.emplace(i, std::move(r));
                }
                cv.notify_all();
            }
        });
    }
    while (next_merge < inputs.size()) {
        std::optional<Outcome> r;
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return ready.count(next_merge) != 0; });
            auto it = ready.find(next_merge);
            r.emplace(std::move(it->second));
            ready.erase(it);
        }
        consume(next_merge, std::move(*r));
        {
            std::lock_guard lock(m);
            ++next_merge;
        }
        cv.notify_all();
    }
    for (auto& w : workers) w.join();
}

std::string seconds(std::chrono::steady_clock::duration d) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::fixed << std::setprecision(2) << std::chrono::duration<double>(d).count() << " s";
    return s.str();
}

} // namespace

int run(int argc, char** argv) {
    const auto t0 = std::chrono::steady_clock::now();
    std::optional<Options> parsed;
    try {
        parsed = parse(argc, argv);
    } catch (const Error& e) {
        std::cerr << "kgraph: " << e.what() << '\n';
        return 2;
    }
    if (!parsed) return 0;
    Options& o = *parsed;

    std::vector<std::string> dirs{bundled_ontology_dir()};
    dirs.insert(dirs.end(), o.ontology_dirs.begin(), o.ontology_dirs.end());
    Ontology ontology;
    try {
        ontology = load_ontology(dirs);
        check_output_dir(o.out);
    } catch (const Error& e) {
        std::cerr << "kgraph: " << e.what() << '\n';
        return 2;
    }
    ExtractorOptions xo;
    xo.language = o.language;
    xo.cooccurrence = o.cooccurrence;
    Extractor extractor(ontology, xo);

    std::vector<InputProblem> problems;
    const std::vector<InputSource> inputs = expand_inputs(o.paths, {".txt", ".md", ".html", ".htm"}, problems);
    const auto t_read = std::chrono::steady_clock::now();

    KnowledgeGraph graph;
    std::size_t built = 0;
    std::uint64_t bytes = 0;
    Progress progress(inputs.size(), !o.quiet);
    PhaseTimes times;
    std::chrono::steady_clock::duration merge_time{};
    run_extraction(inputs, extractor, o.language, o.jobs, times, [&](std::size_t i, Outcome&& r) {
        if (auto* e = std::get_if<Error>(&r)) {
            problems.push_back({inputs[i].path, *e});
        } else {
            auto& x = std::get<Extraction>(r);
            bytes += x.info.bytes;
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

    std::vector<std::pair<std::string, std::chrono::steady_clock::duration>> written;
    int status = problems.empty() ? 0 : 1;
    // The formats are independent readers of the finished graph: with -j N they are written
    // on up to N threads (each file is still atomic and the same bytes); results and messages
    // are reported in the order the formats were asked for.
    struct Export {
        std::string path;
        std::chrono::steady_clock::duration time{};
        std::optional<Error> error;
    };
    std::vector<Export> exports(o.formats.size());
    auto write_format = [&](std::size_t k) {
        const auto tf = std::chrono::steady_clock::now();
        try {
            const Format* f = find_format(o.formats[k]);
            f->write(graph, ontology, o.out, o.format_options);
            exports[k].path = (o.out / ("graph." + std::string(f->extension))).string();
        } catch (const Error& e) {
            exports[k].error = e;
        } catch (const std::exception& e) {
            exports[k].error = Error(Errc::export_error, e.what());
        }
        exports[k].time = std::chrono::steady_clock::now() - tf;
    };
    const std::size_t export_threads = std::min<std::size_t>(o.jobs, o.formats.size());
    if (export_threads > 1) {
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < export_threads; ++t)
            threads.emplace_back([&] {
                for (std::size_t k; (k = next++) < o.formats.size();) write_format(k);
            });
        for (auto& t : threads) t.join();
    } else {
        for (std::size_t k = 0; k < o.formats.size(); ++k) write_format(k);
    }
    for (std::size_t k = 0; k < exports.size(); ++k) {
        if (exports[k].error) {
            std::cerr << "kgraph: " << o.formats[k] << ": " << exports[k].error->what() << '\n';
            status = 2;
        } else {
            written.emplace_back(exports[k].path, exports[k].time);
        }
    }

    if (!o.quiet) {
        std::map<std::string, int> per_class;
        for (auto v : boost::make_iterator_range(boost::vertices(graph.graph()))) ++per_class[graph.entity(v).type];
        std::map<std::string, int> per_relation;
        for (auto e : boost::make_iterator_range(boost::edges(graph.graph()))) ++per_relation[graph.relation(e).type];
        std::ostream& s = std::cerr;
        s << "kgraph: " << built << " document" << (built == 1 ? "" : "s") << " read (" << bytes << " bytes), "
          << problems.size() << " skipped\n";
        s << "  entities: " << graph.entity_count();
        for (const auto& [k, n] : per_class) s << "  " << k << " " << n;
        s << "\n  relations: " << graph.relation_count();
        for (const auto& [k, n] : per_relation) s << "  " << k << " " << n;
        s << "\n  time: " << seconds(t_extract - t0) << " to read and extract (" << seconds(t_read - t0)
          << " to load the ontology and list inputs)";
        for (const auto& [path, d] : written) s << "\n  wrote " << path << " (" << seconds(d) << ")";
        s << "\n  total: " << seconds(std::chrono::steady_clock::now() - t0) << '\n';
    }
    if (o.timings) {
        auto secs = [](auto d) { return std::chrono::duration<double>(d).count(); };
        std::ostringstream s;
        s.imbue(std::locale::classic());
        s << std::fixed << std::setprecision(6);
        s << "kgraph-timing documents " << built << "\nkgraph-timing bytes " << bytes << "\nkgraph-timing entities "
          << graph.entity_count() << "\nkgraph-timing relations " << graph.relation_count() << "\nkgraph-timing jobs "
          << o.jobs << "\nkgraph-timing setup " << secs(t_read - t0) << "\nkgraph-timing read "
          << static_cast<double>(times.read_ns.load()) / 1e9 << "\nkgraph-timing extract "
          << static_cast<double>(times.extract_ns.load()) / 1e9 << "\nkgraph-timing merge " << secs(merge_time)
          << "\nkgraph-timing read_extract_merge_wall " << secs(t_extract - t_read) << '\n';
        for (const auto& [path, d] : written)
            s << "kgraph-timing export:" << fs::path(path).extension().string().substr(1) << ' ' << secs(d) << '\n';
        s << "kgraph-timing total " << secs(std::chrono::steady_clock::now() - t0) << '\n';
        std::cerr << s.str();
    }
    return status;
}

} // namespace kg::cli
