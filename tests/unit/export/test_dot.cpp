// SPDX-License-Identifier: Apache-2.0
// kg/export/dot.hpp: golden DOT for a small graph, read back by libcgraph's own parser
// (agmemread), SVG/PNG/PDF renderings (well-formed XML whose node titles are the ids, magic
// bytes, determinism), every adversarial string through the writer, view selection
// (focus/depth, filters, budget), layout choice, error translation and thread safety.
#include "kg/export/dot.hpp"

#include "adversarial.hpp"
#include "golden.hpp"
#include "kg/error.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

namespace {

using kg::ClaimStatus;

kg::EntityNode entity(std::string id, std::string label, std::string type, std::uint32_t mentions,
                      std::set<std::string> aliases = {}, std::string wikidata = {}) {
    kg::EntityNode node;
    node.id = std::move(id);
    node.label = std::move(label);
    node.type = std::move(type);
    node.coarse = (node.type == "Person" || node.type == "State" || node.type == "Organization") ? "Actor" : node.type;
    node.wikidata = std::move(wikidata);
    node.aliases = std::move(aliases);
    node.mentions = mentions;
    return node;
}

kg::Evidence evidence(std::uint64_t begin, ClaimStatus status = ClaimStatus::asserted) {
    kg::Evidence ev;
    ev.document = "doc.txt";
    ev.begin = begin;
    ev.end = begin + 10;
    ev.text = "sentence " + std::to_string(begin);
    ev.status = status;
    return ev;
}

void relate(kg::KnowledgeGraph& kg, kg::KnowledgeGraph::Vertex s, kg::KnowledgeGraph::Vertex t, const char* type,
            int sentences = 1, ClaimStatus status = ClaimStatus::asserted, bool symmetric = false) {
    for (int i = 0; i < sentences; ++i)
        kg.add_relation(s, t, type, evidence(static_cast<std::uint64_t>(100 * i + 7), status), symmetric);
}

/// Six entities of five classes; typed relations with weights 1..4, an alleged and a
/// denied claim, a symmetric relation and a co-occurrence edge; one entity (Kursk) linked
/// only by co-occurrence and one (an isolated weapon) by nothing.
kg::KnowledgeGraph small_graph() {
    kg::KnowledgeGraph kg;
    const auto putin = kg.add_entity(entity("Q7747", "Vladimir Putin", "Person", 9, {"Putin", "Vladimir Putin"}, "Q7747"));
    const auto kim = kg.add_entity(entity("Q56226", "Kim Jong Un", "Person", 6, {"Kim", "Kim Jong-un"}, "Q56226"));
    const auto ru = kg.add_entity(entity("Q159", "Russia", "State", 12, {"Mosca", "Russia"}, "Q159"));
    const auto kp = kg.add_entity(entity("Q423", "North Korea", "State", 8, {"Corea del Nord", "DPRK"}, "Q423"));
    const auto treaty = kg.add_entity(entity("comprehensive_strategic_partnership_treaty",
                                             "Comprehensive Strategic Partnership Treaty", "Agreement", 3,
                                             {"trattato"}));
    const auto shells = kg.add_entity(entity("artillery_shells", "artillery shells", "Weapon", 2));
    const auto kursk = kg.add_entity(entity("kursk", "Kursk", "Place", 1, {"Kursk"}));
    kg.add_entity(entity("hwasong_11", "Hwasong-11", "Weapon", 1));
    relate(kg, putin, ru, "leader_of", 4);
    relate(kg, kim, kp, "leader_of", 2);
    relate(kg, putin, kim, "met", 3, ClaimStatus::asserted, true);
    relate(kg, ru, treaty, "signed", 2);
    relate(kg, kp, treaty, "signed", 1);
    relate(kg, kp, shells, "supplied", 1, ClaimStatus::alleged);
    relate(kg, kp, ru, "supplied_to", 1, ClaimStatus::denied);
    relate(kg, kp, kursk, "mentioned_with", 1, ClaimStatus::asserted, true);
    return kg;
}

kg::DotStyle test_style() {
    kg::DotStyle s;
    s.graph["*"] = {{"fontname", "DejaVu Sans"}, {"outputorder", "edgesfirst"}};
    s.graph["dot"] = {{"rankdir", "LR"}};
    s.classes["*"] = {{"shape", "box"}, {"style", "filled"}, {"fillcolor", "#eeeeee"}, {"fontname", "DejaVu Sans"}};
    s.classes["Person"] = {{"shape", "ellipse"}, {"fillcolor", "#d6e6f5"}};
    s.classes["State"] = {{"fillcolor", "#fbe0c8"}};
    s.classes["Agreement"] = {{"shape", "note"}, {"fillcolor", "#fff3b0"}};
    s.relations["*"] = {{"color", "#4a5568"}, {"fontname", "DejaVu Sans"}, {"fontsize", "9"}};
    s.relations["met"] = {{"dir", "none"}, {"color", "#2b6cb0"}};
    s.relations["mentioned_with"] = {{"dir", "none"}, {"color", "#cbd5e0"}};
    s.statuses["alleged"] = {{"style", "dashed"}};
    s.statuses["denied"] = {{"style", "dotted"}, {"color", "#a0aec0"}};
    s.class_labels = {{"Person", "Person"}, {"State", "State"}, {"Agreement", "Agreement"}, {"Weapon", "Weapon"}};
    s.relation_labels = {{"leader_of", "leader of"}, {"met", "met"}, {"signed", "signed"}, {"supplied", "supplied"},
                         {"supplied_to", "supplied to"}};
    s.status_labels = {{"alleged", "alleged"}, {"denied", "denied"}};
    return s;
}

kg::DotOptions test_options() {
    kg::DotOptions o;
    o.style = test_style();
    return o;
}

std::string to_dot(const kg::KnowledgeGraph& kg, const kg::DotOptions& o) {
    std::ostringstream out;
    kg::write_dot(kg, out, o);
    return out.str();
}

std::set<std::string> ids(const kg::KnowledgeGraph& kg, const kg::DotSelection& s) {
    std::set<std::string> out;
    for (auto v : s.vertices) out.insert(kg.entity(v).id);
    return out;
}

std::set<std::string> types(const kg::KnowledgeGraph& kg, const kg::DotSelection& s) {
    std::set<std::string> out;
    for (auto e : s.edges) out.insert(kg.relation(e).type);
    return out;
}

// ---- reading DOT back with libcgraph (agmemread: Graphviz's parser, not ours) ----------------

struct ParsedDot {
    std::map<std::string, std::string> labels; ///< node name -> label, legend nodes left out
    std::size_t legend_nodes = 0;
    std::size_t edges = 0;                     ///< edges between non-legend nodes
    std::map<std::string, std::string> graph_attrs;
    std::vector<std::string> edge_labels;
};

ParsedDot parse_dot(const std::string& text) {
    ParsedDot out;
    Agraph_t* g = agmemread(text.c_str());
    REQUIRE(g != nullptr);
    for (Agsym_t* sym = agnxtattr(g, AGRAPH, nullptr); sym; sym = agnxtattr(g, AGRAPH, sym))
        out.graph_attrs[sym->name] = agxget(g, sym);
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const std::string name = agnameof(n);
        if (name.starts_with("legend:")) {
            ++out.legend_nodes;
            continue;
        }
        const char* label = agget(n, const_cast<char*>("label"));
        out.labels[name] = label ? label : "";
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            ++out.edges;
            const char* l = agget(e, const_cast<char*>("label"));
            out.edge_labels.emplace_back(l ? l : "");
        }
    }
    agclose(g);
    return out;
}

/// Undo dot_text's escaping the way Graphviz reads an escString label.
std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            ++i;
            out += s[i] == 'n' ? '\n' : s[i];
        } else if (s.substr(i).starts_with("&amp;")) {
            out += '&';
            i += 4;
        } else {
            out += s[i];
        }
    }
    return out;
}

// ---- an oracle, written apart from the exporter: what every renderer can show -----------------

bool showable_text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (n == 0 || c > 0xF4 || i + n > s.size()) return false;
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        const char32_t min = n == 1 ? 0 : n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) return false;
        i += n;
    }
    return true;
}

// ---- SVG: parsed with Boost.PropertyTree's XML reader ------------------------------------------

namespace pt = boost::property_tree;

void collect_titles(const pt::ptree& tree, const std::string& wanted_class, std::vector<std::string>& out) {
    for (const auto& [name, child] : tree) {
        if (name == "g" && child.get<std::string>("<xmlattr>.class", "").starts_with(wanted_class))
            out.push_back(child.get<std::string>("title", ""));
        collect_titles(child, wanted_class, out);
    }
}

/// Node titles of an SVG document (throws if it is not well-formed XML).
std::vector<std::string> svg_node_titles(const std::string& svg) {
    std::istringstream in(svg);
    pt::ptree tree;
    pt::read_xml(in, tree);
    std::vector<std::string> out;
    collect_titles(tree, "node", out);
    return out;
}

} // namespace

// ================================================================================================

TEST_CASE("dot: golden output for a small graph", "[dot][golden]") {
    kg::test::check_golden(to_dot(small_graph(), test_options()), kg::test::golden_path("small.dot"));
}

TEST_CASE("dot: output is deterministic", "[dot]") {
    const auto kg = small_graph();
    CHECK(to_dot(kg, test_options()) == to_dot(kg, test_options()));
    CHECK(kg::render_to_string(kg, "svg", test_options()) == kg::render_to_string(kg, "svg", test_options()));
    CHECK(kg::render_to_string(kg, "png", test_options()) == kg::render_to_string(kg, "png", test_options()));
    CHECK(kg::render_to_string(kg, "pdf", test_options()) == kg::render_to_string(kg, "pdf", test_options()));
}

TEST_CASE("dot: libcgraph reads the output back", "[dot][roundtrip]") {
    const auto kg = small_graph();
    const ParsedDot dot = parse_dot(to_dot(kg, test_options()));
    // Default view: every typed relation (not mentioned_with); isolated entities left out.
    CHECK(dot.labels == std::map<std::string, std::string>{
                            {"Q7747", "Vladimir Putin"},
                            {"Q56226", "Kim Jong Un"},
                            {"Q159", "Russia"},
                            {"Q423", "North Korea"},
                            {"comprehensive_strategic_partnership_treaty", "Comprehensive Strategic Partnership Treaty"},
                            {"artillery_shells", "artillery shells"}});
    CHECK(dot.edges == 7);
    // Person, State, Agreement, Weapon; alleged and denied line samples; what colour means (a
    // heading and the 5 relation types shown); what width means (a heading and 2 samples).
    CHECK(dot.legend_nodes == 4 + 2 + 1 + 5 + 3);
    CHECK(dot.graph_attrs.at("layout") == "dot");
    CHECK(dot.graph_attrs.at("linelength") == "0");
    CHECK(dot.graph_attrs.at("rankdir") == "LR");
    CHECK(std::count(dot.edge_labels.begin(), dot.edge_labels.end(), "leader of") == 2);

    kg::DotOptions plain = test_options();
    plain.legend = false;
    plain.view.relations = {"*"};
    plain.view.isolated = true;
    const ParsedDot all = parse_dot(to_dot(kg, plain));
    CHECK(all.labels.size() == kg.entity_count());
    CHECK(all.edges == kg.relation_count());
    CHECK(all.legend_nodes == 0);
}

/// agwrite of a graph libcgraph parsed from `text` (the in-process `dot -Tcanon`, without layout).
std::string rewrite(const std::string& text) {
    Agraph_t* g = agmemread(text.c_str());
    REQUIRE(g != nullptr);
    char* buffer = nullptr;
    std::size_t size = 0;
    FILE* out = open_memstream(&buffer, &size);
    REQUIRE(out != nullptr);
    CHECK(agwrite(g, out) == 0);
    std::fclose(out);
    agclose(g);
    std::string result(buffer, size);
    std::free(buffer);
    return result;
}

TEST_CASE("dot: libcgraph writes the output back unchanged (a fixpoint)", "[dot][roundtrip]") {
    // Node and edge order survive a read: legend first, then agwrite's own emission order.
    const auto kg = small_graph();
    const std::string text = to_dot(kg, test_options());
    CHECK(rewrite(text) == text);
    kg::DotOptions table = test_options();
    table.large_graph = 0;
    const std::string with_table = to_dot(kg, table);
    CHECK(rewrite(with_table) == with_table);
    kg::DotOptions all = test_options();
    all.view.relations = {"*"};
    all.view.isolated = true;
    const std::string everything = to_dot(kg, all);
    CHECK(rewrite(everything) == everything);
}

TEST_CASE("dot: SVG is well-formed and its node titles are the entity ids", "[dot][svg]") {
    const auto kg = small_graph();
    kg::DotOptions o = test_options();
    o.legend = false;
    const std::string svg = kg::render_to_string(kg, "svg", o);
    std::vector<std::string> titles = svg_node_titles(svg);
    std::sort(titles.begin(), titles.end());
    CHECK(titles == std::vector<std::string>{"Q159", "Q423", "Q56226", "Q7747", "artillery_shells",
                                             "comprehensive_strategic_partnership_treaty"});
    CHECK(svg.find("class=\"node Person\"") != std::string::npos);
    CHECK(svg.find("class=\"edge supplied alleged\"") != std::string::npos);
    CHECK(svg.find("https://www.wikidata.org/wiki/Q7747") != std::string::npos);
    CHECK(svg.find("font-family=\"DejaVu Sans") != std::string::npos);

    const std::string with_legend = kg::render_to_string(kg, "svg", test_options());
    titles = svg_node_titles(with_legend);
    CHECK(std::count(titles.begin(), titles.end(), "legend:Person") == 1);
    CHECK(with_legend.find("cluster_legend") != std::string::npos);
}

TEST_CASE("dot: PNG and PDF carry their magic bytes and real content", "[dot][render]") {
    const auto kg = small_graph();
    const std::string png = kg::render_to_string(kg, "png", test_options());
    CHECK(png.starts_with("\x89PNG\r\n\x1A\n"));
    CHECK(png.size() > 5000);
    const std::string pdf = kg::render_to_string(kg, "pdf", test_options());
    CHECK(pdf.starts_with("%PDF-"));
    CHECK(pdf.size() > 5000);
    CHECK(pdf.find("/CreationDate (D:19700101000000") != std::string::npos);

    // render() writes the same bytes to a file.
    const auto path = std::filesystem::temp_directory_path() / ("kg_test_dot_" + std::to_string(::getpid()) + ".pdf");
    kg::render(kg, "pdf", path.string(), test_options());
    std::string file;
    REQUIRE(kg::test::read_file_bytes(path, file));
    std::filesystem::remove(path);
    CHECK(file == pdf);
}

TEST_CASE("dot: dot_text escapes for Graphviz's escString labels", "[dot][escape]") {
    CHECK(kg::dot_text("plain") == "plain");
    CHECK(kg::dot_text("C:\\Users\\n") == "C:\\\\Users\\\\n");
    CHECK(kg::dot_text("ends with \\") == "ends with \\\\");
    CHECK(kg::dot_text("\\N \\G \\L") == "\\\\N \\\\G \\\\L");
    CHECK(kg::dot_text("a\nb\r\nc\rd") == "a\\nb\\nc\\nd");
    CHECK(kg::dot_text("a&b &amp; &#0; &#x1; & ;") == "a&b &amp;amp; &amp;#0; &amp;#x1; & ;");
    CHECK(kg::dot_text("say \"no\" <b>") == "say \"no\" <b>"); // cgraph quotes; renderers escape XML
    CHECK(kg::dot_text("x\x01y") == "x\xEF\xBF\xBDy");
    CHECK(kg::dot_text("Citt\xE0") == "Citt\xEF\xBF\xBD");
    CHECK(kg::dot_text("\xEA\xB9\x80\xEC\xA0\x95\xEC\x9D\x80") == "\xEA\xB9\x80\xEC\xA0\x95\xEC\x9D\x80");
}

TEST_CASE("dot: every adversarial string goes through the writer", "[dot][adversarial]") {
    for (const auto& a : kg::test::adversarial_strings()) {
        DYNAMIC_SECTION(a.name) {
            // As display text: a label, a relation label, a legend title, a class name.
            kg::KnowledgeGraph kg;
            const auto x = kg.add_entity(entity("x", a.bytes, "Person", 1));
            const auto y = kg.add_entity(entity("y", "y", a.bytes, 1));
            relate(kg, x, y, "signed");
            kg::DotOptions o = test_options();
            o.style.relation_labels["signed"] = a.bytes;
            o.style.legend_title = a.bytes;
            std::vector<std::string> warnings;
            o.warn = [&](const std::string& w) { warnings.push_back(w); };
            const std::string text = to_dot(kg, o);
            const ParsedDot dot = parse_dot(text);
            CHECK(rewrite(text) == text); // quoting is stable under libcgraph's reader and writer
            REQUIRE(dot.labels.count("x") == 1);
            // Labels are for reading: past 200 bytes they end, at a character boundary, in "…".
            std::string shown = a.bytes.empty() ? "x" : a.bytes;
            if (shown.size() > 200) {
                std::size_t cut = 200;
                while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
                shown = shown.substr(0, cut) + "\u2026";
            }
            CHECK(dot.labels.at("x") == kg::dot_text(shown));
            REQUIRE(dot.edge_labels.size() == 1);
            CHECK(dot.edge_labels[0] == kg::dot_text(a.bytes));
            if (showable_text(a.bytes)) {
                CHECK(warnings.empty());
                if (!a.bytes.empty() && a.bytes.find('\r') == std::string::npos) CHECK(unescape(dot.labels.at("x")) == shown);
            } else {
                CHECK(!warnings.empty());
                CHECK(dot.labels.at("x").find("\xEF\xBF\xBD") != std::string::npos);
            }
            // The rendered SVG is well-formed XML whatever the text.
            const std::string svg = kg::render_to_string(kg, "svg", o);
            CHECK_NOTHROW(svg_node_titles(svg));
            // Also through the HTML-like table legend of engines without clusters.
            kg::DotOptions table = o;
            table.large_graph = 0;
            CHECK(parse_dot(to_dot(kg, table)).labels.count("x") == 1);
            CHECK_NOTHROW(svg_node_titles(kg::render_to_string(kg, "svg", table)));

            // As an entity id: carried unchanged, or refused with forbidden_character.
            kg::KnowledgeGraph byid;
            const auto z = byid.add_entity(entity(a.bytes, "label", "Person", 1));
            const auto w = byid.add_entity(entity(a.bytes == "w" ? "w2" : "w", "w", "Person", 1));
            relate(byid, z, w, "met");
            bool refused = false;
            std::string written;
            try {
                written = to_dot(byid, o);
            } catch (const kg::Error& e) {
                CHECK(e.code() == kg::Errc::forbidden_character);
                refused = true;
            }
            const bool id_ok = showable_text(a.bytes) && a.bytes.find_first_of("\\\t\n\r") == std::string::npos &&
                               a.bytes.find("&#") == std::string::npos && a.bytes.find("&amp;") == std::string::npos;
            if (id_ok) {
                REQUIRE_FALSE(refused);
                const ParsedDot back = parse_dot(written);
                CHECK(back.labels.count(a.bytes) == 1);
                CHECK(rewrite(written) == written);
                CHECK_NOTHROW(svg_node_titles(kg::render_to_string(byid, "svg", o)));
            } else if (!showable_text(a.bytes) || a.bytes.find('\\') != std::string::npos) {
                CHECK(refused);
            }
        }
    }
}

TEST_CASE("dot: ids Graphviz cannot carry are refused", "[dot][errors]") {
    for (const std::string id : {"ends\\", "a\\b", "x&amp;y", "tab\there", "Citt\xE0", "legend:Person"}) {
        kg::KnowledgeGraph kg;
        const auto a = kg.add_entity(entity(id, "A", "Person", 1));
        const auto b = kg.add_entity(entity("b", "B", "Person", 1));
        relate(kg, a, b, "met");
        try {
            to_dot(kg, test_options());
            FAIL("accepted id " << id);
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::forbidden_character);
        }
    }
    // Without a legend, a "legend:" id cannot collide: it is accepted.
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("legend:Person", "A", "Person", 1));
    const auto b = kg.add_entity(entity("b", "B", "Person", 1));
    relate(kg, a, b, "met");
    kg::DotOptions o = test_options();
    o.legend = false;
    CHECK(parse_dot(to_dot(kg, o)).labels.size() == 1); // parse_dot skips legend:* names
}

TEST_CASE("dot: Graphviz failures become graphviz_error", "[dot][errors]") {
    const auto kg = small_graph();
    kg::DotOptions o = test_options();
    o.layout = "no_such_engine";
    try {
        kg::render_to_string(kg, "svg", o);
        FAIL("unknown engine accepted");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::graphviz_error);
        CHECK_THAT(e.message(), Catch::Contains("no_such_engine"));
    }
    try {
        kg::render_to_string(kg, "no_such_format", test_options());
        FAIL("unknown format accepted");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::graphviz_error);
    }
    // The session recovers: the next call works.
    CHECK(kg::render_to_string(kg, "svg", test_options()).find("<svg") != std::string::npos);
}

TEST_CASE("dot: a failing stream is an export_error", "[dot][errors]") {
    struct Failing : std::streambuf {
        int overflow(int) override { return traits_type::eof(); }
    } buffer;
    std::ostream out(&buffer);
    try {
        kg::write_dot(small_graph(), out, test_options());
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::export_error);
    }
}

TEST_CASE("dot: Graphviz warnings reach the warn callback", "[dot][errors]") {
    kg::DotOptions o = test_options();
    o.style.classes["Person"]["fillcolor"] = "not_a_colour";
    std::vector<std::string> warnings;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    CHECK_NOTHROW(kg::render_to_string(small_graph(), "svg", o));
    REQUIRE_FALSE(warnings.empty());
    CHECK_THAT(warnings.front(), Catch::Contains("not_a_colour"));
}

TEST_CASE("dot: renders from several threads at once", "[dot][threads]") {
    const auto kg = small_graph();
    const std::string expected = kg::render_to_string(kg, "svg", test_options());
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] { results[t] = kg::render_to_string(kg, "svg", test_options()); });
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("dot: style attributes, sizes and widths", "[dot][style]") {
    const auto kg = small_graph();
    kg::DotOptions o = test_options();
    o.legend = false;
    const std::string text = to_dot(kg, o);
    Agraph_t* g = agmemread(text.c_str());
    REQUIRE(g);
    auto node_attr = [&](const char* id, const char* attr) {
        Agnode_t* n = agnode(g, const_cast<char*>(id), 0);
        REQUIRE(n);
        return std::string(agget(n, const_cast<char*>(attr)));
    };
    CHECK(node_attr("Q7747", "shape") == "ellipse");
    CHECK(node_attr("Q159", "shape") == "box");
    CHECK(node_attr("Q159", "fillcolor") == "#fbe0c8");
    CHECK(node_attr("comprehensive_strategic_partnership_treaty", "shape") == "note");
    // fontsize grows with mentions, bounded.
    const double putin = std::stod(node_attr("Q7747", "fontsize"));
    const double shells = std::stod(node_attr("artillery_shells", "fontsize"));
    const double russia = std::stod(node_attr("Q159", "fontsize"));
    CHECK(shells < putin);
    CHECK(putin < russia);
    CHECK(russia <= o.max_fontsize);
    CHECK(shells >= o.min_fontsize);
    // Edges: penwidth by weight, style by status, class "type status".
    std::map<std::string, std::string> style_of;
    std::map<std::string, std::set<std::string>> width_of;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const std::string cls = agget(e, const_cast<char*>("class"));
            style_of[cls] = agget(e, const_cast<char*>("style"));
            width_of[cls].insert(agget(e, const_cast<char*>("penwidth")));
        }
    agclose(g);
    CHECK(style_of.at("supplied alleged") == "dashed");
    CHECK(style_of.at("supplied_to denied") == "dotted");
    CHECK(style_of.at("signed asserted").empty());
    CHECK(width_of.at("leader_of asserted") == std::set<std::string>{"3", "2"}); // 4 and 2 sentences: 1 + log2(n)
    CHECK(width_of.at("supplied alleged") == std::set<std::string>{"1"});
    CHECK(std::stod(*width_of.at("met asserted").begin()) > 2.5);                 // 3 sentences
}

TEST_CASE("dot: layout engine chosen by size, overridable", "[dot][layout]") {
    kg::DotOptions o;
    CHECK(kg::choose_layout(10, o) == "dot");
    CHECK(kg::choose_layout(150, o) == "dot");
    CHECK(kg::choose_layout(151, o) == "sfdp");
    o.layout = "neato";
    CHECK(kg::choose_layout(1000, o) == "neato");

    // A "large" graph is laid out with sfdp, overlap removal on, edge labels moved to the legend.
    const auto kg = small_graph();
    kg::DotOptions big = test_options();
    big.large_graph = 3;
    const ParsedDot dot = parse_dot(to_dot(kg, big));
    CHECK(dot.graph_attrs.at("layout") == "sfdp");
    CHECK(dot.graph_attrs.at("overlap") == "prism");
    CHECK(std::all_of(dot.edge_labels.begin(), dot.edge_labels.end(), [](const std::string& l) { return l.empty(); }));
    const std::string svg = kg::render_to_string(kg, "svg", big);
    CHECK(svg_node_titles(svg).size() >= 6);
    // sfdp draws no clusters: the legend is one HTML-like table node, relation colours included.
    CHECK(svg.find("<title>legend:table</title>") != std::string::npos);
    CHECK(svg.find(" leader of</text>") != std::string::npos);
    CHECK(dot.graph_attrs.at("pack") == "true");
}

TEST_CASE("dot: an empty graph still renders", "[dot][render]") {
    kg::KnowledgeGraph kg;
    CHECK(parse_dot(to_dot(kg, test_options())).labels.empty());
    CHECK_NOTHROW(svg_node_titles(kg::render_to_string(kg, "svg", test_options())));
}

// ---- views ----------------------------------------------------------------------------------

TEST_CASE("dot view: default shows typed relations and drops isolated entities", "[dot][view]") {
    const auto kg = small_graph();
    const auto s = kg::select_view(kg, {});
    CHECK(ids(kg, s) == std::set<std::string>{"Q7747", "Q56226", "Q159", "Q423",
                                               "comprehensive_strategic_partnership_treaty", "artillery_shells"});
    CHECK(types(kg, s).count("mentioned_with") == 0);
    CHECK(s.edges.size() == 7);

    kg::DotView all;
    all.relations = {"*"};
    all.isolated = true;
    const auto everything = kg::select_view(kg, all);
    CHECK(everything.vertices.size() == kg.entity_count());
    CHECK(everything.edges.size() == kg.relation_count());
    // Graph order is kept.
    CHECK(std::is_sorted(everything.vertices.begin(), everything.vertices.end()));
}

TEST_CASE("dot view: co-occurrence is drawn when nothing else would be", "[dot][view]") {
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a", "A", "Person", 1));
    const auto b = kg.add_entity(entity("b", "B", "Person", 1));
    relate(kg, a, b, "mentioned_with", 1, ClaimStatus::asserted, true);
    CHECK(types(kg, kg::select_view(kg, {})) == std::set<std::string>{"mentioned_with"});
    kg::DotView only_met;
    only_met.relations = {"met"};
    CHECK(kg::select_view(kg, only_met).edges.empty());
}

TEST_CASE("dot view: focus by id, label or alias, with depth", "[dot][view]") {
    const auto kg = small_graph();
    kg::DotView v;
    v.focus = {"vladimir putin"};
    v.depth = 1;
    CHECK(ids(kg, kg::select_view(kg, v)) == std::set<std::string>{"Q7747", "Q159", "Q56226"});
    v.focus = {"Q7747"};
    v.depth = 0;
    CHECK(ids(kg, kg::select_view(kg, v)) == std::set<std::string>{"Q7747"});
    v.focus = {"DPRK"}; // an alias
    v.depth = 1;
    CHECK(ids(kg, kg::select_view(kg, v)) ==
          std::set<std::string>{"Q423", "Q56226", "Q159", "comprehensive_strategic_partnership_treaty", "artillery_shells"});
    v.focus = {"Putin"};
    v.depth = 2;
    const auto two = kg::select_view(kg, v);
    CHECK(ids(kg, two) == std::set<std::string>{"Q7747", "Q159", "Q56226", "Q423",
                                                 "comprehensive_strategic_partnership_treaty"});
    // Edges between shown entities only: Russia -> treaty, Kim -> North Korea, North Korea -> Russia...
    for (auto e : two.edges) CHECK(ids(kg, two).count(kg.entity(boost::target(e, kg.graph())).id) == 1);

    // Two focus entities: the union of their networks.
    v.focus = {"Q7747", "artillery_shells"};
    v.depth = 1;
    CHECK(ids(kg, kg::select_view(kg, v)) == std::set<std::string>{"Q7747", "Q159", "Q56226", "artillery_shells", "Q423"});
}

TEST_CASE("dot view: an unknown focus is a usage error with suggestions", "[dot][view]") {
    const auto kg = small_graph();
    kg::DotView v;
    v.focus = {"Vladimir"};
    try {
        kg::select_view(kg, v);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::usage);
        CHECK_THAT(e.message(), Catch::Contains("Vladimir Putin"));
    }
}

TEST_CASE("dot view: class, relation and weight filters", "[dot][view]") {
    const auto kg = small_graph();
    kg::DotView v;
    v.classes = {"Person", "State"};
    auto s = kg::select_view(kg, v);
    CHECK(ids(kg, s) == std::set<std::string>{"Q7747", "Q56226", "Q159", "Q423"});
    CHECK(types(kg, s) == std::set<std::string>{"leader_of", "met", "supplied_to"});

    v = {};
    v.classes = {"Actor"}; // a coarse class
    CHECK(ids(kg, kg::select_view(kg, v)) == std::set<std::string>{"Q7747", "Q56226", "Q159", "Q423"});

    v = {};
    v.relations = {"signed", "mentioned_with"};
    s = kg::select_view(kg, v);
    CHECK(types(kg, s) == std::set<std::string>{"signed", "mentioned_with"});
    CHECK(ids(kg, s) == std::set<std::string>{"Q159", "Q423", "comprehensive_strategic_partnership_treaty", "kursk"});

    v = {};
    v.min_weight = 2;
    s = kg::select_view(kg, v);
    CHECK(types(kg, s) == std::set<std::string>{"leader_of", "met", "signed"});
    CHECK(s.edges.size() == 4);

    // A focus entity is kept even when its class is filtered out.
    v = {};
    v.classes = {"State"};
    v.focus = {"Q7747"};
    CHECK(ids(kg, kg::select_view(kg, v)) == std::set<std::string>{"Q7747", "Q159"});
}

TEST_CASE("dot view: max-nodes keeps the most connected entities", "[dot][view]") {
    const auto kg = small_graph();
    kg::DotView v;
    v.max_nodes = 2;
    // Degrees: North Korea 4, Russia 3, Putin 2, Kim 2, treaty 2, shells 1.
    auto s = kg::select_view(kg, v);
    CHECK(ids(kg, s) == std::set<std::string>{"Q423", "Q159"});
    CHECK(s.edges.size() == 1); // supplied_to
    v.max_nodes = 3;
    CHECK(ids(kg, kg::select_view(kg, v)) == std::set<std::string>{"Q423", "Q159", "Q7747"}); // tie on degree: mentions
    // Focus entities are always kept.
    v.max_nodes = 2;
    v.focus = {"artillery_shells"};
    v.depth = 2;
    CHECK(ids(kg, kg::select_view(kg, v)) == std::set<std::string>{"artillery_shells", "Q423"});
}

TEST_CASE("dot view: a budget that cuts says how many entities the view had", "[dot][view]") {
    const auto kg = small_graph();
    kg::DotView v;
    CHECK(kg::select_view(kg, v).before_budget == 0);
    v.max_nodes = 6; // as many as there are: nothing cut
    CHECK(kg::select_view(kg, v).before_budget == 0);
    v.max_nodes = 2;
    CHECK(kg::select_view(kg, v).before_budget == 6);

    // The legend notes it in the diagram's words, and the writer warns once.
    kg::DotOptions o = test_options();
    o.view.max_nodes = 2;
    o.style.words["budget"] = "{shown} entità su {total}: le più collegate";
    std::vector<std::string> warnings;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::string dot = to_dot(kg, o);
    CHECK(dot.find("2 entità su 6: le più collegate") != std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "2 of 6 entities: the most connected (--max-nodes sets how many; 0 draws all)");

    // Nothing cut, nothing said.
    o.view.max_nodes = 0;
    warnings.clear();
    CHECK(to_dot(kg, o).find("le più collegate") == std::string::npos);
    CHECK(warnings.empty());
}

TEST_CASE("dot view: a focus view is titled with the entities' labels", "[dot][view]") {
    kg::DotOptions o = test_options();
    o.view.focus = {"putin"}; // an alias, in another case
    const ParsedDot dot = parse_dot(to_dot(small_graph(), o));
    CHECK(dot.graph_attrs.at("label") == "Around Vladimir Putin (depth 1)");
    CHECK(dot.graph_attrs.at("labelloc") == "t");
    CHECK(dot.labels.size() == 3);
}

TEST_CASE("dot: tooltips say when, in the style's language", "[dot][style]") {
    kg::KnowledgeGraph kg;
    kg::EntityNode putin = entity("Q7747", "Vladimir Putin", "Person", 2);
    putin.first_seen = "2024-06-18";
    putin.last_seen = "2024-06-19";
    kg::EntityNode kim = entity("Q56226", "Kim Jong Un", "Person", 1);
    kim.first_seen = kim.last_seen = "2024-06-19";
    const auto p = kg.add_entity(putin), k = kg.add_entity(kim);
    kg::Evidence ev = evidence(7);
    ev.reported = "2024-06-19";
    kg.add_relation(p, k, "met", ev, true);

    auto tooltips = [&](const kg::DotStyle& style) {
        kg::DotOptions o;
        o.style = style;
        o.legend = false;
        Agraph_t* g = agmemread(to_dot(kg, o).c_str());
        REQUIRE(g);
        std::string all;
        for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
            all += std::string(agget(n, const_cast<char*>("tooltip"))) + "\n";
            for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) all += std::string(agget(e, const_cast<char*>("tooltip"))) + "\n";
        }
        agclose(g);
        return all;
    };
    const std::string english = tooltips(test_style());
    CHECK(english.find("first seen 2024-06-18, last seen 2024-06-19") != std::string::npos);
    CHECK(english.find("seen 2024-06-19") != std::string::npos);
    CHECK(english.find("reported 2024-06-19") != std::string::npos);

    kg::DotStyle italian = test_style();
    italian.words = {{"seen", "visto il"}, {"first_seen", "visto la prima volta il"}, {"last_seen", "l'ultima il"},
                     {"reported_on", "riferito il"}};
    const std::string it = tooltips(italian);
    CHECK(it.find("visto la prima volta il 2024-06-18, l'ultima il 2024-06-19") != std::string::npos);
    CHECK(it.find("visto il 2024-06-19") != std::string::npos);
    CHECK(it.find("riferito il 2024-06-19") != std::string::npos);
    CHECK(it.find("seen") == std::string::npos);
    CHECK(it.find("reported") == std::string::npos);
}
