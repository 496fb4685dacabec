// SPDX-License-Identifier: Apache-2.0
// kg/export/graphml.hpp: golden output, determinism, the APOC attributes and the plain
// variant, escaping of every adversarial string (checked by reading the output back with
// boost::read_graphml, a reader we did not write), locale independence, stream failures.
#include "kg/export/graphml.hpp"

#include "adversarial.hpp"
#include "golden.hpp"
#include "kg/error.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include "graph_builders.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <algorithm>
#include <set>
#include <locale>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace {

using kg::ClaimStatus;

using kg::test::entity;
using kg::test::evidence;

/// Four entities (non-ASCII names, an alias with '&', one without Wikidata id), four
/// relations: a plain one with a date, a symmetric one given in reverse order with reported
/// and asserted evidence, a member_of with a role, and a mentioned_with whose evidence holds
/// quotes, markup characters and a tab.
kg::KnowledgeGraph small_graph() {
    kg::KnowledgeGraph kg;
    const char* it = "samples/it/2024-06-19-trattato.txt";
    const char* en = "samples/en/2024-06-19-treaty.txt";
    const auto ru = kg.add_entity(entity("Q159", "Russia", "State", "Actor",
                                         {"Federazione Russa", "Mosca", "Russia"}, {it, en}, 7, "Q159"));
    const auto kp = kg.add_entity(entity("Q423", "North Korea", "State", "Actor",
                                         {"Corea del Nord", "Pyongyang", "\xEC\xA1\xB0\xEC\x84\xA0"}, {it, en},
                                         5, "Q423"));
    const auto lavrov = kg.add_entity(entity("sergey_lavrov", "Sergey Lavrov", "Person", "Actor",
                                             {"Lavrov", "\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 "
                                                        "\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2"},
                                             {it}, 2));
    const auto treaty = kg.add_entity(entity("comprehensive_strategic_partnership_treaty",
                                             "Comprehensive Strategic Partnership Treaty", "Agreement",
                                             "Agreement",
                                             {"Partnership & Cooperation Treaty",
                                              "trattato di partenariato strategico globale"},
                                             {it}, 1));

    auto signed_ev = evidence(it, 120, "La Russia ha firmato il trattato di partenariato strategico globale.");
    signed_ev.date = "2024-06-19";
    kg.add_relation(ru, treaty, "signed", signed_ev, false);

    auto coop_it = evidence(it, 310, "\xC2\xAB" "Cooperazione\xC2\xBB tra Mosca e Pyongyang, ha detto Lavrov.",
                            ClaimStatus::reported);
    coop_it.attributed_to = "sergey_lavrov";
    kg.add_relation(kp, ru, "cooperates_with", coop_it, true);
    auto coop_en = evidence(en, 44, "Russia and North Korea pledged cooperation.");
    coop_en.date = "2024-06";
    kg.add_relation(kp, ru, "cooperates_with", coop_en, true);

    auto member = evidence(it, 250, "il ministro degli Esteri Sergey Lavrov");
    member.role = "ministro degli Esteri";
    kg.add_relation(lavrov, ru, "member_of", member, false);

    kg.add_relation(kp, lavrov, "mentioned_with",
                    evidence(it, 400, "Lavrov <in Pyongyang> said:\t\"A & B\" -- 'done'."), true);
    return kg;
}

std::string to_graphml(const kg::KnowledgeGraph& kg, const kg::GraphmlOptions& options = {}) {
    std::ostringstream out;
    kg::write_graphml(kg, out, options);
    return out.str();
}

// ---- reading back with Boost ---------------------------------------------------------------

struct ReadNode {
    std::string label, type, aliases, cls, wikidata;
    int mentions = -1;
};
struct ReadEdge {
    std::string label, type, status, evidence, sources;
    int weight = -1;
};
using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ReadNode, ReadEdge>;

ReadGraph read_back(const std::string& xml) {
    ReadGraph g;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("label", boost::get(&ReadNode::label, g));
    dp.property("type", boost::get(&ReadNode::type, g));
    dp.property("aliases", boost::get(&ReadNode::aliases, g));
    dp.property("class", boost::get(&ReadNode::cls, g));
    dp.property("wikidata", boost::get(&ReadNode::wikidata, g));
    dp.property("mentions", boost::get(&ReadNode::mentions, g));
    dp.property("label", boost::get(&ReadEdge::label, g));
    dp.property("type", boost::get(&ReadEdge::type, g));
    dp.property("status", boost::get(&ReadEdge::status, g));
    dp.property("evidence", boost::get(&ReadEdge::evidence, g));
    dp.property("sources", boost::get(&ReadEdge::sources, g));
    dp.property("weight", boost::get(&ReadEdge::weight, g));
    std::istringstream in(xml);
    boost::read_graphml(in, g, dp);
    return g;
}

// ---- an oracle for "what XML 1.0 can hold", written apart from the exporter ----------------

/// Length of the well-formed UTF-8 sequence at s[i] (0 if malformed) and its code point.
std::pair<std::size_t, char32_t> utf8_at(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return {1, c};
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > s.size()) return {0, 0};
    char32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    const char32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {n, cp};
}

bool xml_char(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// True when every byte of `s` belongs to a character XML 1.0 can hold.
bool all_xml_chars(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto [n, cp] = utf8_at(s, i);
        if (n == 0 || !xml_char(cp)) return false;
        i += n;
    }
    return true;
}

/// `s` without what the exporter drops: malformed bytes one at a time, forbidden characters whole.
std::string without_forbidden(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        auto [n, cp] = utf8_at(s, i);
        if (n == 0) {
            ++i;
            continue;
        }
        if (xml_char(cp)) out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

/// Encode one code point as UTF-8.
void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// What a conforming XML parser makes of character data `s` (no markup inside): entity
/// and character references expanded, a raw CR normalised away (so it must not be there).
std::string xml_text_value(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<') FAIL("raw '<' in character data: " << s);
        if (s[i] == '\r') FAIL("raw CR in character data would be normalised: " << s);
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        REQUIRE(semi != std::string_view::npos);
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        if (name == "amp") out += '&';
        else if (name == "lt") out += '<';
        else if (name == "gt") out += '>';
        else if (name == "quot") out += '"';
        else if (name == "apos") out += '\'';
        else if (name.size() > 2 && name[0] == '#' && name[1] == 'x')
            append_utf8(out, static_cast<char32_t>(std::stoul(std::string(name.substr(2)), nullptr, 16)));
        else if (name.size() > 1 && name[0] == '#')
            append_utf8(out, static_cast<char32_t>(std::stoul(std::string(name.substr(1)))));
        else FAIL("unknown entity &" << name << ";");
        i = semi;
    }
    return out;
}

/// The values of every <data key="KEY"> in `xml`, in order, as an XML parser reads them.
std::vector<std::string> data_values(const std::string& xml, std::string_view key) {
    std::vector<std::string> out;
    const std::string open = "<data key=\"" + std::string(key) + "\">";
    for (std::size_t pos = xml.find(open); pos != std::string::npos; pos = xml.find(open, pos)) {
        pos += open.size();
        const std::size_t end = xml.find("</data>", pos);
        REQUIRE(end != std::string::npos);
        out.push_back(xml_text_value(std::string_view(xml).substr(pos, end - pos)));
    }
    return out;
}

/// boost::read_graphml parses with property_tree's trim_whitespace flag: it trims data values
/// and collapses whitespace runs (not an XML-conforming reading). Values it cannot carry are
/// compared through data_values() only.
bool boost_keeps(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    if (!s.empty() && (space(s.front()) || space(s.back()))) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') return false;
        if (i > 0 && space(s[i]) && space(s[i - 1])) return false;
    }
    return true;
}

/// A graph with one node whose label, alias or evidence text is `value`.
enum class Place { label, alias, evidence };

kg::KnowledgeGraph graph_with(Place place, const std::string& value) {
    kg::KnowledgeGraph kg;
    const auto x = kg.add_entity(entity("x", place == Place::label ? value : "X", "Person", "Actor",
                                        place == Place::alias ? std::set<std::string>{value}
                                                              : std::set<std::string>{},
                                        {"doc.txt"}, 1));
    const auto y = kg.add_entity(entity("y", "Y", "State", "Actor", {}, {"doc.txt"}, 1));
    kg.add_relation(x, y, "member_of", evidence("doc.txt", 0, place == Place::evidence ? value : "text"), false);
    return kg;
}

/// The one evidence entry's text, parsed from the JSON array in `json`.
std::string evidence_text(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsArray());
    REQUIRE(doc.Size() == 1);
    const auto& text = doc[0]["text"];
    return std::string(text.GetString(), text.GetStringLength());
}

/// Restores the global C++ locale on scope exit.
struct GlobalLocaleGuard {
    std::locale saved = std::locale();
    ~GlobalLocaleGuard() { std::locale::global(saved); }
};

/// Groups thousands with '.' and uses ',' for decimals, like de_DE.
struct GermanNumpunct : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

/// A stream buffer that accepts `capacity` bytes, then fails.
class FullBuffer : public std::streambuf {
public:
    explicit FullBuffer(std::size_t capacity) : left_(capacity) {}

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        if (left_ == 0) return traits_type::eof();
        --left_;
        return c;
    }

private:
    std::size_t left_;
};

/// Checks that `xml` holds `expected` as the value of `place`, read two ways: by the
/// conforming oracle above (exact), and by boost::read_graphml where Boost can carry it.
void check_value(const std::string& xml, Place place, const std::string& expected) {
    CHECK(all_xml_chars(xml));
    const ReadGraph read = read_back(xml);
    REQUIRE(boost::num_vertices(read) == 2);
    REQUIRE(boost::num_edges(read) == 1);
    switch (place) {
    case Place::label: {
        const auto values = data_values(xml, "n_label");
        REQUIRE(values.size() == 2);
        CHECK(values[0] == expected);
        if (boost_keeps(expected)) CHECK(read[boost::vertex(0, read)].label == expected);
        break;
    }
    case Place::alias: {
        const auto values = data_values(xml, "n_aliases");
        REQUIRE(values.size() == 1);
        CHECK(values[0] == expected);
        if (boost_keeps(expected)) CHECK(read[boost::vertex(0, read)].aliases == expected);
        break;
    }
    case Place::evidence: {
        const auto values = data_values(xml, "e_evidence");
        REQUIRE(values.size() == 1);
        CHECK(evidence_text(values[0]) == expected);
        // JSON escapes tab, LF and CR, so only spaces are at Boost's mercy here.
        const std::string& json = read[*boost::edges(read).first].evidence;
        if (expected.find("  ") == std::string::npos) CHECK(evidence_text(json) == expected);
        break;
    }
    }
}

void check_refused(const kg::KnowledgeGraph& graph, std::string_view field) {
    try {
        to_graphml(graph);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::forbidden_character);
        CHECK_THAT(e.message(), Catch::Contains(std::string(field)) &&
                                    Catch::Contains("at byte"));
    }
}

} // namespace

TEST_CASE("graphml: small graph matches the golden file", "[graphml][golden]") {
    kg::test::check_golden(to_graphml(small_graph()), kg::test::golden_path("small.graphml"));
}

TEST_CASE("graphml: output is deterministic", "[graphml]") {
    const auto graph = small_graph();
    const std::string first = to_graphml(graph);
    CHECK(first == to_graphml(graph));
    CHECK(first == to_graphml(small_graph()));
}

TEST_CASE("graphml: APOC attributes, and the plain variant without them", "[graphml]") {
    const std::string full = to_graphml(small_graph());
    CHECK(full.find(R"(<node id="Q159" labels=":Actor:State">)") != std::string::npos);
    CHECK(full.find(R"(<node id="comprehensive_strategic_partnership_treaty" labels=":Agreement">)") !=
          std::string::npos);
    CHECK(full.find(R"(source="Q159" target="Q423" label="COOPERATES_WITH">)") != std::string::npos);
    CHECK(full.find(R"(label="MENTIONED_WITH">)") != std::string::npos);

    kg::GraphmlOptions plain;
    plain.plain = true;
    const std::string stripped = to_graphml(small_graph(), plain);
    std::istringstream lines(stripped);
    std::size_t elements = 0;
    for (std::string line; std::getline(lines, line);) {
        const auto start = line.find_first_not_of(' ');
        if (start == std::string::npos) continue;
        const std::string_view tag = std::string_view(line).substr(start);
        if (tag.rfind("<node ", 0) == 0 || tag.rfind("<edge ", 0) == 0) {
            ++elements;
            CHECK(tag.find(" labels=") == std::string_view::npos);
            CHECK(tag.find(" label=") == std::string_view::npos);
        }
    }
    CHECK(elements == 8);
    // The data that APOC falls back on stay: node data "labels", edge first data "label".
    CHECK(stripped.find(R"(<data key="labels">:Actor:State</data>)") != std::string::npos);
    CHECK(stripped.find("label=\"COOPERATES_WITH\">\n      <data") == std::string::npos);
    CHECK(stripped.find("target=\"Q423\">\n      <data key=\"label\">COOPERATES_WITH</data>") != std::string::npos);
}

TEST_CASE("graphml: what boost::read_graphml reads back equals the graph", "[graphml][roundtrip]") {
    const auto graph = small_graph();
    const ReadGraph read = read_back(to_graphml(graph));
    REQUIRE(boost::num_vertices(read) == graph.entity_count());
    REQUIRE(boost::num_edges(read) == graph.relation_count());

    std::size_t i = 0;
    for (auto [v, end] = boost::vertices(graph.graph()); v != end; ++v, ++i) {
        const kg::EntityNode& node = graph.entity(*v);
        const ReadNode& got = read[boost::vertex(i, read)];
        CHECK(got.label == node.label);
        CHECK(got.type == node.type);
        CHECK(got.cls == node.coarse);
        CHECK(got.wikidata == node.wikidata);
        CHECK(got.mentions == static_cast<int>(node.mentions));
        std::string aliases;
        for (const auto& a : node.aliases) aliases += (aliases.empty() ? "" : "|") + a;
        CHECK(got.aliases == aliases);
    }
    // Edges come back in file order, which is edges(g) order.
    std::vector<const ReadEdge*> read_edges;
    for (auto [e, end] = boost::edges(read); e != end; ++e) read_edges.push_back(&read[*e]);
    std::sort(read_edges.begin(), read_edges.end(),
              [](const ReadEdge* a, const ReadEdge* b) { return a->type < b->type; });
    std::vector<const kg::RelationEdge*> edges;
    for (auto [e, end] = boost::edges(graph.graph()); e != end; ++e) edges.push_back(&graph.relation(*e));
    std::sort(edges.begin(), edges.end(),
              [](const kg::RelationEdge* a, const kg::RelationEdge* b) { return a->type < b->type; });
    for (std::size_t k = 0; k < edges.size(); ++k) {
        CHECK(read_edges[k]->type == edges[k]->type);
        CHECK(read_edges[k]->weight == static_cast<int>(edges[k]->weight()));
        CHECK(read_edges[k]->status == kg::to_string(edges[k]->status()));
        rapidjson::Document doc;
        doc.Parse(read_edges[k]->evidence.c_str());
        REQUIRE(doc.IsArray());
        REQUIRE(doc.Size() == edges[k]->evidence.size());
        for (rapidjson::SizeType j = 0; j < doc.Size(); ++j) {
            const kg::Evidence& ev = edges[k]->evidence[j];
            CHECK(doc[j]["document"].GetString() == ev.document);
            CHECK(doc[j]["begin"].GetUint64() == ev.begin);
            CHECK(doc[j]["end"].GetUint64() == ev.end);
            CHECK(doc[j]["text"].GetString() == ev.text);
            CHECK(doc[j]["status"].GetString() == std::string(kg::to_string(ev.status)));
            CHECK(doc[j].HasMember("date") == !ev.date.empty());
        }
    }
    const auto member = std::find_if(read_edges.begin(), read_edges.end(),
                                     [](const ReadEdge* e) { return e->type == "member_of"; });
    REQUIRE(member != read_edges.end());
    CHECK((*member)->label == "MEMBER_OF");
}

TEST_CASE("graphml: adversarial strings as label, alias and evidence text", "[graphml][escape]") {
    for (const auto& a : kg::test::adversarial_strings()) {
        DYNAMIC_SECTION("label: " << a.name) {
            const auto graph = graph_with(Place::label, a.bytes);
            if (a.valid_xml_text) check_value(to_graphml(graph), Place::label, a.bytes);
            else check_refused(graph, "node \"x\" field \"label\"");
        }
        DYNAMIC_SECTION("alias: " << a.name) {
            const auto graph = graph_with(Place::alias, a.bytes);
            if (a.valid_xml_text) check_value(to_graphml(graph), Place::alias, a.bytes);
            else check_refused(graph, "node \"x\" field \"aliases\"");
        }
        DYNAMIC_SECTION("evidence: " << a.name) {
            // JSON escapes control characters and U+FFFE/U+FFFF, so evidence text loses nothing
            // unless it is not UTF-8 at all.
            const auto graph = graph_with(Place::evidence, a.bytes);
            if (a.valid_utf8) check_value(to_graphml(graph), Place::evidence, a.bytes);
            else check_refused(graph, "edge \"x:member_of:y\" (x -> y) field \"evidence[0].text\"");
        }
        DYNAMIC_SECTION("drop_forbidden: " << a.name) {
            std::vector<std::string> warnings;
            kg::GraphmlOptions options;
            options.drop_forbidden = true;
            options.warn = [&](const std::string& w) { warnings.push_back(w); };
            for (Place place : {Place::label, Place::alias, Place::evidence}) {
                warnings.clear();
                const std::string xml = to_graphml(graph_with(place, a.bytes), options);
                const bool lossy = place == Place::evidence ? !a.valid_utf8 : !a.valid_xml_text;
                const bool separator = place == Place::alias && a.bytes.find('|') != std::string::npos;
                CHECK(warnings.size() == (lossy ? 1u : 0u) + (separator ? 1u : 0u));
                if (lossy) CHECK_THAT(warnings.front(), Catch::Contains("dropped"));
                check_value(xml, place, lossy ? without_forbidden(a.bytes) : a.bytes);
            }
        }
    }
}

// Independent of the table: every single byte value, alone, as a label.
TEST_CASE("graphml: every single byte as a label is written or refused, never corrupt", "[graphml][escape]") {
    for (int byte = 0; byte < 256; ++byte) {
        const std::string value(1, static_cast<char>(byte));
        const auto graph = graph_with(Place::label, value);
        const bool ok = all_xml_chars(value);
        INFO("byte " << byte);
        if (ok) check_value(to_graphml(graph), Place::label, value);
        else CHECK_THROWS_AS(to_graphml(graph), kg::Error);
    }
}

TEST_CASE("graphml: ids, types and list items are escaped too", "[graphml][escape]") {
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a\"<&>'b", "A", "Person", "Actor", {"x&y", "p<q"}, {}, 1));
    const auto b = kg.add_entity(entity("c d", "B", "Per\"son", "Act&or", {}, {}, 1));
    auto ev = evidence("dir/a&b \"q\".txt", 0, "t");
    ev.date = "2024<";
    ev.role = "ministro\tdegli \"Esteri\"";
    kg.add_relation(a, b, "odd&type", ev, false);
    const std::string xml = to_graphml(kg);
    CHECK(xml.find(R"(<node id="a&quot;&lt;&amp;&gt;&apos;b" labels=":Actor:Person">)") != std::string::npos);
    CHECK(xml.find(R"(labels=":Act&amp;or:Per&quot;son")") != std::string::npos);
    CHECK(xml.find(R"(source="a&quot;&lt;&amp;&gt;&apos;b" target="c d" label="ODD&amp;TYPE")") !=
          std::string::npos);
    CHECK(xml.find("<data key=\"n_aliases\">p&lt;q|x&amp;y</data>") != std::string::npos);
    CHECK(xml.find("<data key=\"e_roles\">ministro&#9;degli \"Esteri\"</data>") != std::string::npos);
    CHECK(xml.find(R"("document":"dir/a&amp;b \"q\".txt")") != std::string::npos);

    const ReadGraph read = read_back(xml);
    CHECK(read[boost::vertex(1, read)].type == "Per\"son");
    CHECK(read[boost::vertex(1, read)].cls == "Act&or");
    CHECK(read[*boost::edges(read).first].sources == "dir/a&b \"q\".txt");
    CHECK(read[*boost::edges(read).first].type == "odd&type");
}

TEST_CASE("graphml: forbidden characters in ids are refused, naming the id", "[graphml][escape]") {
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity(std::string("bad\x01id"), "A", "Person", "Actor", {}, {}, 1));
    const auto b = kg.add_entity(entity("b", "B", "Person", "Actor", {}, {}, 1));
    kg.add_relation(b, a, "met", evidence("d", 0, "t"), false);
    try {
        to_graphml(kg);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::forbidden_character);
        CHECK_THAT(e.message(), Catch::Contains("field \"id\"") && Catch::Contains("byte 3"));
    }
    std::vector<std::string> warnings;
    kg::GraphmlOptions options;
    options.drop_forbidden = true;
    options.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::string xml = to_graphml(kg, options);
    CHECK(xml.find("<node id=\"badid\"") != std::string::npos);
    CHECK(xml.find("target=\"badid\"") != std::string::npos);
    CHECK(warnings.size() == 2); // the node id, then the edge's target
}

TEST_CASE("graphml: empty values are left out, label and type are always written", "[graphml]") {
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a", "", "", "", {}, {}, 0));
    const auto b = kg.add_entity(entity("b", "B", "Place", "Place", {}, {}, 0));
    kg.add_relation(a, b, "visited", evidence("d", 0, "t"), false);
    const std::string xml = to_graphml(kg);
    CHECK(xml.find("<node id=\"a\">\n"
                   "      <data key=\"n_label\"></data>\n"
                   "      <data key=\"n_type\"></data>\n"
                   "      <data key=\"n_mentions\">0</data>\n"
                   "      <data key=\"n_documents\">0</data>\n"
                   "      <data key=\"n_size\">10</data>\n"
                   "      <data key=\"n_color\">#999999</data>\n") != std::string::npos);
    CHECK(xml.find("<node id=\"b\" labels=\":Place\">") != std::string::npos);
    CHECK(xml.find("e_dates\">") == std::string::npos);
    CHECK(xml.find("e_roles\">") == std::string::npos);
    CHECK(xml.find("e_quantities\">") == std::string::npos);
    CHECK(xml.find("e_attributed_to\">") == std::string::npos);
    CHECK(xml.find(R"("date")") == std::string::npos);
    CHECK(read_back(xml)[boost::vertex(0, read_back(xml))].label.empty());
}

TEST_CASE("graphml: a node without an id is refused", "[graphml]") {
    kg::KnowledgeGraph kg;
    kg.add_entity(entity("", "Nameless", "Person", "Actor", {}, {}, 1));
    try {
        to_graphml(kg);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::export_error);
    }
}

TEST_CASE("graphml: list items holding the separator are reported", "[graphml]") {
    kg::KnowledgeGraph kg;
    kg.add_entity(entity("a", "A", "Person", "Actor", {"A|B", "C"}, {}, 1));
    std::vector<std::string> warnings;
    kg::GraphmlOptions options;
    options.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::string xml = to_graphml(kg, options);
    CHECK(xml.find("<data key=\"n_aliases\">A|B|C</data>") != std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("A|B") && Catch::Contains("aliases"));
}

TEST_CASE("graphml: numbers do not depend on the global locale", "[graphml][locale]") {
    GlobalLocaleGuard guard;
    try {
        std::locale::global(std::locale("de_DE.UTF-8"));
    } catch (const std::runtime_error&) {
        std::locale::global(std::locale(std::locale::classic(), new GermanNumpunct));
    }
    {
        std::ostringstream probe;
        probe << 12345;
        REQUIRE(probe.str() != "12345"); // the locale really groups digits
    }
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a", "A", "Person", "Actor", {}, {}, 12345));
    const auto b = kg.add_entity(entity("b", "B", "Person", "Actor", {}, {}, 1));
    kg.add_relation(a, b, "met", evidence("d", 1234567, "t"), false);
    std::ostringstream out; // constructed after the change, so it carries the grouping locale
    kg::write_graphml(kg, out);
    const std::string xml = out.str();
    CHECK(xml.find("<data key=\"n_mentions\">12345</data>") != std::string::npos);
    CHECK(xml.find("\"begin\":1234567,\"end\":1234568") != std::string::npos);
}

TEST_CASE("graphml: a failing stream is an export_error", "[graphml][io]") {
    const auto graph = small_graph();
    SECTION("already bad") {
        std::ostringstream out;
        out.setstate(std::ios::badbit);
        try {
            kg::write_graphml(graph, out);
            FAIL("no error");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::export_error);
        }
    }
    SECTION("fails half way") {
        FullBuffer buffer(600);
        std::ostream out(&buffer);
        try {
            kg::write_graphml(graph, out);
            FAIL("no error");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::export_error);
        }
    }
    SECTION("fails half way, stream throws") {
        FullBuffer buffer(3000);
        std::ostream out(&buffer);
        out.exceptions(std::ios::badbit | std::ios::failbit);
        try {
            kg::write_graphml(graph, out);
            FAIL("no error");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::export_error);
        }
    }
}

TEST_CASE("graphml: the article record and the reported dates", "[graphml]") {
    kg::KnowledgeGraph kg;
    kg::DocumentInfo info;
    info.id = info.url = "https://example.org/a";
    info.title = "Putin and Kim sign a treaty";
    info.date = "2024-06-19";
    info.outlet = "Example News";
    info.authors = {"Jane Doe", "John Roe"};
    info.source_path = "/home/someone/corpus/a.html"; // never written: GraphML names no local path
    kg.add_document(info);
    kg::EntityNode ru = entity("Q159", "Russia", "State", "Actor", {"Russia"}, {info.id}, 1, "Q159");
    ru.first_seen = "2024-06-19";
    ru.last_seen = "2024-06-25";
    const auto a = kg.add_entity(ru);
    const auto b = kg.add_entity(entity("Q423", "North Korea", "State", "Actor", {"North Korea"}, {info.id}, 1, "Q423"));
    auto ev = evidence(info.id, 0, "Russia and North Korea pledged cooperation.");
    ev.reported = "2024-06-19";
    kg.add_relation(a, b, "cooperates_with", ev, true);
    auto later = evidence("sha256:0123456789abcdef0123", 0, "Russia and North Korea met again.");
    later.reported = "2024-06-25";
    kg.add_relation(a, b, "cooperates_with", later, true);
    const std::string out = to_graphml(kg);
    CHECK_THAT(out, Catch::Contains("<data key=\"n_first_seen\">2024-06-19</data>") &&
                        Catch::Contains("<data key=\"n_last_seen\">2024-06-25</data>") &&
                        Catch::Contains("<data key=\"e_reported\">2024-06-19|2024-06-25</data>") &&
                        Catch::Contains(R"("reported":"2024-06-19","url":"https://example.org/a","title":"Putin and Kim sign a treaty","outlet":"Example News","authors":["Jane Doe","John Roe"])") &&
                        Catch::Contains(R"("reported":"2024-06-25"})"));
    CHECK_THAT(out, !Catch::Contains("/home/someone"));
}

TEST_CASE("graphml: a relation over the evidence limit says how many sentences its evidence leaves out", "[graphml]") {
    kg::KnowledgeGraph g(2);
    const auto a = g.add_entity(entity("a", "A", "State", "Actor", {"A"}, {"d.txt"}, 4));
    const auto b = g.add_entity(entity("b", "B", "State", "Actor", {"B"}, {"d.txt"}, 4));
    for (std::uint64_t begin : {0, 10, 20, 30}) g.add_relation(a, b, "met", evidence("d.txt", begin, "A met B."), true);
    g.add_relation(a, b, "signed", evidence("d.txt", 0, "A met B."), false);
    const std::string xml = to_graphml(g);
    CHECK(xml.find("<key id=\"e_evidence_omitted\" for=\"edge\" attr.name=\"evidence_omitted\" attr.type=\"int\"/>") !=
          std::string::npos);
    CHECK(xml.find("<data key=\"e_weight\">4</data>") != std::string::npos);
    CHECK(xml.find("<data key=\"e_evidence_omitted\">2</data>") != std::string::npos);
    // Written only where something is left out: the relation with all its evidence has none.
    CHECK(std::count_if(xml.begin(), xml.end(), [&, i = std::size_t{0}](char) mutable {
              return xml.compare(i++, 24, "<data key=\"e_evidence_om") == 0;
          }) == 1);
}
