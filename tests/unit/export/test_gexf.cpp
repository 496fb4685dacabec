// SPDX-License-Identifier: Apache-2.0
// kg/export/gexf.hpp: read back with Boost.PropertyTree's XML parser (not our writer): every
// node and edge with the stable ids, one kind per relation type so parallel relations of two
// types between one pair stay apart, typed attvalues, viz values from the style, spells from
// evidence dates (a day, a month, a year); escaping, refusal and dropping of what XML cannot
// hold; determinism; a golden file.
#include "kg/export/gexf.hpp"

#include "golden.hpp"
#include "checks.hpp"
#include "graph_builders.hpp"
#include "kg/error.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace pt = boost::property_tree;

std::string to_gexf(const kg::KnowledgeGraph& g, const kg::GexfOptions& o = {}) {
    std::ostringstream out;
    kg::write_gexf(g, out, o);
    return out.str();
}

pt::ptree parse(const std::string& xml) {
    std::istringstream in(xml);
    pt::ptree tree;
    pt::read_xml(in, tree);
    return tree;
}

kg::GexfOptions styled() {
    kg::GexfOptions o;
    o.viz.class_colors["State"] = {0xE6, 0x9F, 0x00};
    o.viz.class_shapes["State"] = "square";
    o.viz.relation_colors["signed"] = {0xCC, 0x79, 0xA7};
    return o;
}

/// attvalue "for" -> "value" of a node or edge.
std::map<std::string, std::string> attvalues(const pt::ptree& item) {
    std::map<std::string, std::string> out;
    if (auto a = item.get_child_optional("attvalues"))
        for (const auto& [tag, v] : *a) out[v.get<std::string>("<xmlattr>.for")] = v.get<std::string>("<xmlattr>.value");
    return out;
}

} // namespace

TEST_CASE("gexf: every node and edge, with stable ids and one kind per relation type", "[gexf]") {
    const auto g = kg::test::news_graph();
    const pt::ptree doc = parse(to_gexf(g, styled()));
    const pt::ptree& graph = doc.get_child("gexf.graph");
    CHECK(doc.get<std::string>("gexf.<xmlattr>.version") == "1.3");
    CHECK(graph.get<std::string>("<xmlattr>.defaultedgetype") == "directed");
    CHECK(graph.get<std::size_t>("nodes.<xmlattr>.count") == g.entity_count());
    CHECK(graph.get<std::size_t>("edges.<xmlattr>.count") == g.relation_count());
    std::map<std::string, pt::ptree> edges;
    for (const auto& [tag, e] : graph.get_child("edges"))
        if (tag == "edge") edges[e.get<std::string>("<xmlattr>.id")] = e;
    REQUIRE(edges.size() == g.relation_count());
    // Two relation types between Russia and North Korea stay two edges, of two kinds.
    CHECK(edges.at("Q159:mentioned_with:Q423").get<std::string>("<xmlattr>.kind") == "mentioned_with");
    CHECK(edges.at("Q159:cooperates_with:Q423").get<std::string>("<xmlattr>.kind") == "cooperates_with");
    const pt::ptree& met = edges.at("Q423:met:Q7747");
    CHECK(met.get<std::string>("<xmlattr>.kind") == "met");
    CHECK(met.get<int>("<xmlattr>.weight") == 2);
    CHECK(attvalues(met).at("status") == "asserted");
    CHECK(attvalues(met).at("symmetric") == "true");
    const pt::ptree& signed_edge = edges.at("Q159:signed:partnership_treaty");
    CHECK(signed_edge.get<std::string>("<xmlattr>.source") == "Q159");
    CHECK(signed_edge.get<int>("viz:color.<xmlattr>.r") == 0xCC);
    const auto supplied = attvalues(edges.at("Q423:supplied:artillery_shells"));
    CHECK(supplied.at("status") == "alleged");
    CHECK(supplied.at("quantities") == "[\"13000 proiettili\"]");
    CHECK(supplied.count("wikidata") == 0);
}

TEST_CASE("gexf: node attributes are typed and carry the style, none is called type", "[gexf]") {
    const pt::ptree doc = parse(to_gexf(kg::test::news_graph(), styled()));
    std::map<std::string, pt::ptree> nodes;
    for (const auto& [tag, n] : doc.get_child("gexf.graph.nodes"))
        if (tag == "node") nodes[n.get<std::string>("<xmlattr>.id")] = n;
    const pt::ptree& russia = nodes.at("Q159");
    CHECK(russia.get<std::string>("<xmlattr>.label") == "Russia");
    const auto av = attvalues(russia);
    CHECK(av.at("class") == "State");
    CHECK(av.at("coarse_class") == "Actor");
    CHECK(av.at("mentions") == "6");
    CHECK(av.at("aliases") == "[\"Mosca\", \"Russia\"]");
    CHECK(av.count("type") == 0);
    CHECK(russia.get<int>("viz:color.<xmlattr>.g") == 0x9F);
    CHECK(russia.get<std::string>("viz:shape.<xmlattr>.value") == "square");
    CHECK(nodes.at("partnership_treaty").count("viz:shape") == 1);
    for (const auto& [tag, decl] : doc.get_child("gexf.graph"))
        if (tag == "attributes")
            for (const auto& [t, a] : decl)
                if (t == "attribute") CHECK(a.get<std::string>("<xmlattr>.title") != "type");
}

TEST_CASE("gexf: spells cover the day, month or year of the evidence dates", "[gexf][timeline]") {
    const pt::ptree doc = parse(to_gexf(kg::test::news_graph()));
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> spells;
    for (const auto& [tag, e] : doc.get_child("gexf.graph.edges"))
        if (auto s = e.get_child_optional("spells"))
            for (const auto& [t, spell] : *s)
                spells[e.get<std::string>("<xmlattr>.id")].emplace_back(spell.get<std::string>("<xmlattr>.start"),
                                                                        spell.get<std::string>("<xmlattr>.end"));
    CHECK(spells.at("Q159:signed:partnership_treaty") == std::vector<std::pair<std::string, std::string>>{{"2024-06-19", "2024-06-19"}});
    CHECK(spells.at("Q423:supplied:artillery_shells") == std::vector<std::pair<std::string, std::string>>{{"2024-10-01", "2024-10-31"}});
    CHECK(spells.count("Q423:met:Q7747") == 0); // undated: always shown
}

TEST_CASE("gexf: markup in text is escaped and reads back exactly", "[gexf][escape]") {
    const pt::ptree doc = parse(to_gexf(kg::test::news_graph()));
    for (const auto& [tag, e] : doc.get_child("gexf.graph.edges"))
        if (tag == "edge" && e.get<std::string>("<xmlattr>.kind") == "mentioned_with")
            CHECK(attvalues(e).at("evidence").find("</script><script>alert(1)</script>") != std::string::npos);
}

TEST_CASE("gexf: characters XML cannot hold are refused, or dropped and reported", "[gexf][escape]") {
    kg::KnowledgeGraph g;
    g.add_entity(kg::test::entity("x", "bad\x01label", "State", "Actor", {"bad\x01label"}, {"d"}, 1));
    CHECK_THROWS_MATCHES(to_gexf(g), kg::Error, kg::test::has_code(kg::Errc::forbidden_character));
    kg::GexfOptions o;
    o.drop_forbidden = true;
    std::vector<std::string> warnings;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    const pt::ptree doc = parse(to_gexf(g, o));
    CHECK(doc.get<std::string>("gexf.graph.nodes.node.<xmlattr>.label") == "badlabel");
    CHECK_FALSE(warnings.empty());
}

TEST_CASE("gexf: deterministic, and the same whatever order relations arrive in", "[gexf]") {
    CHECK(to_gexf(kg::test::news_graph()) == to_gexf(kg::test::news_graph()));
    const pt::ptree a = parse(to_gexf(kg::test::news_graph(false))), b = parse(to_gexf(kg::test::news_graph(true)));
    std::multiset<std::string> ea, eb;
    for (const auto& [t, e] : a.get_child("gexf.graph.edges")) if (t == "edge") ea.insert(e.get<std::string>("<xmlattr>.id"));
    for (const auto& [t, e] : b.get_child("gexf.graph.edges")) if (t == "edge") eb.insert(e.get<std::string>("<xmlattr>.id"));
    CHECK(ea == eb);
}

TEST_CASE("gexf: golden output for the small news graph", "[gexf][golden]") {
    kg::test::check_golden(to_gexf(kg::test::news_graph(), styled()), kg::test::golden_path("news.gexf"));
}
