// SPDX-License-Identifier: Apache-2.0
// kg/validate/validate.hpp: a small GraphML written here keeps the contract; each way of
// breaking it is reported once, with its line; evidence is checked against the documents.
#include "kg/validate/validate.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

const kg::Ontology& ontology() {
    static const kg::Ontology onto = kg::load_ontology({KG_ONTOLOGY_DIR});
    return onto;
}

const std::string kArticle = "Putin met Kim in Pyongyang.";

std::string graphml(const std::string& nodes_extra, const std::string& edge_type, const std::string& evidence) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="n_type" for="node" attr.name="type" attr.type="string"/>
  <key id="n_mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="e_type" for="edge" attr.name="type" attr.type="string"/>
  <key id="e_evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="Q7747"><data key="n_type">Person</data><data key="n_mentions">1</data></node>
    <node id="Q56226"><data key="n_type">Person</data></node>
)" + nodes_extra +
           R"(    <edge id="Q7747:met:Q56226" source="Q7747" target="Q56226"><data key="e_type">)" + edge_type +
           R"(</data><data key="e_evidence">)" + evidence + R"(</data></edge>
  </graph>
</graphml>
)";
}

std::string evidence(int begin, int end, const std::string& text) {
    return R"([{&quot;document&quot;:&quot;a.txt&quot;,&quot;begin&quot;:)" + std::to_string(begin) + R"(,&quot;end&quot;:)" +
           std::to_string(end) + R"(,&quot;text&quot;:&quot;)" + text + R"(&quot;}])";
}

/// A file name of this process alone: ctest runs the test cases as parallel processes.
std::filesystem::path scratch(const std::string& name) {
    static int counter = 0;
    return std::filesystem::temp_directory_path() /
           ("kg-test-validate-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "-" + name);
}

std::vector<kg::ValidationProblem> check(const std::string& text, bool with_documents = true) {
    const auto path = scratch("graph.graphml");
    std::ofstream(path) << text;
    kg::ValidationContext context;
    context.ontology = &ontology();
    if (with_documents) context.documents["a.txt"] = kArticle;
    auto problems = kg::validate_graphml(path.string(), context);
    std::filesystem::remove(path);
    return problems;
}

std::string all(const std::vector<kg::ValidationProblem>& ps) {
    std::string s;
    for (const auto& p : ps) s += p.to_string() + "\n";
    return s;
}

} // namespace

TEST_CASE("validate: a graph that keeps the contract has no problem", "[validate]") {
    const auto ps = check(graphml("", "met", evidence(0, 27, kArticle)));
    INFO(all(ps));
    CHECK(ps.empty());
}

TEST_CASE("validate: each broken rule is one located problem", "[validate]") {
    struct Case {
        const char* what;
        std::string text;
        const char* message;
        std::uint64_t line;
    };
    const std::vector<Case> cases = {
        {"class unknown", graphml(R"(    <node id="x"><data key="n_type">Planet</data></node>
)", "met", evidence(0, 27, kArticle)), "class \"Planet\" is not in the ontology", 10},
        {"node without class", graphml(R"(    <node id="x"/>
)", "met", evidence(0, 27, kArticle)), "node \"x\" has no class", 10},
        {"relation unknown", graphml("", "loves", evidence(0, 27, kArticle)), "relation type \"loves\" is not in the ontology", 10},
        {"edge key on a node", graphml(R"(    <node id="x"><data key="n_type">Person</data><data key="e_type">met</data></node>
)", "met", evidence(0, 27, kArticle)), "key \"e_type\" is declared for edges", 10},
        {"int that is not", graphml(R"(    <node id="x"><data key="n_type">Person</data><data key="n_mentions">1.5</data></node>
)", "met", evidence(0, 27, kArticle)), "mentions \"1.5\" is not of type int", 10},
        {"evidence reversed", graphml("", "met", evidence(9, 3, "x")), "begin 9 is after end 3", 10},
        {"evidence misquoted", graphml("", "met", evidence(0, 9, "Putin saw")), "the quoted text is not bytes 0-9", 10},
        {"evidence outside", graphml("", "met", evidence(0, 900, "x")), "bytes 0-900 lie outside \"a.txt\" (27 bytes)", 10},
        {"duplicate node", graphml(R"(    <node id="Q7747"><data key="n_type">Person</data></node>
)", "met", evidence(0, 27, kArticle)), "node id \"Q7747\" is used twice", 10},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto ps = check(c.text);
        INFO(all(ps));
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].message.find(c.message) != std::string::npos);
        CHECK(ps[0].line == c.line);
    }
}

TEST_CASE("validate: without documents, evidence is checked for order only", "[validate]") {
    CHECK(check(graphml("", "met", evidence(0, 9, "elsewhere")), false).empty());
    kg::ValidationContext context;
    context.ontology = &ontology();
    context.documents["b.txt"] = "other";
    const auto path = scratch("doc.graphml");
    std::ofstream(path) << graphml("", "met", evidence(0, 27, kArticle));
    const auto ps = kg::validate_graphml(path.string(), context);
    std::filesystem::remove(path);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].message.find("document \"a.txt\" is not among the documents given") != std::string::npos);
}

TEST_CASE("validate: a file that is not GraphML, or not there", "[validate]") {
    const auto ps = check("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n");
    REQUIRE_FALSE(ps.empty());
    CHECK(ps[0].message.find("the root element is not <graphml>") != std::string::npos);
    kg::ValidationContext context;
    context.ontology = &ontology();
    const auto missing = kg::validate_graphml("/nonexistent/graph.graphml", context);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].file == "/nonexistent/graph.graphml");
}

TEST_CASE("validate: a Neo4j import set is read as RFC 4180 CSV and checked together", "[validate]") {
    const auto dir = scratch("neo4j");
    std::filesystem::create_directories(dir);
    const auto nodes = (dir / "neo4j-nodes-Actor-Person.csv").string(), rels = (dir / "neo4j-rels-MET.csv").string(),
               evidence = (dir / "neo4j-evidence.csv").string();
    std::ofstream(nodes) << "id:ID(Entity),:LABEL,label,type,mentions:int\n"
                            "\"Q7747\",\"Entity;Actor;Person\",\"Vladimir \"\"the\"\"\nPutin\",\"Person\",3\n"
                            "\"Q56226\",\"Entity;Actor;Person\",\"Kim Jong Un\",\"Person\",2\n";
    std::ofstream(rels) << ":START_ID(Entity),:END_ID(Entity),:TYPE,id,type\n"
                           "\"Q7747\",\"Q56226\",\"MET\",\"Q7747:met:Q56226\",\"met\"\n";
    std::ofstream(evidence) << "id:ID(Evidence),:LABEL,relation,document,byte_begin:long,byte_end:long,text\n"
                               "\"e1\",\"Evidence\",\"Q7747:met:Q56226\",\"a.txt\",0,27,\"" + kArticle + "\"\n";
    kg::ValidationContext context;
    context.ontology = &ontology();
    context.documents["a.txt"] = kArticle;
    auto ps = kg::validate_neo4j({nodes, rels, evidence}, context);
    INFO(all(ps));
    CHECK(ps.empty()); // the line break and doubled quotes inside a quoted field are one field

    std::ofstream(rels) << ":START_ID(Entity),:END_ID(Entity),:TYPE,id,type\n"
                           "\"Q7747\",\"Q1\",\"MET\",\"Q7747:met:Q1\",\"met\"\n";
    ps = kg::validate_neo4j({nodes, rels}, context);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].file == rels);
    CHECK(ps[0].line == 2);
    CHECK(ps[0].message.find("target \"Q1\" is no node") != std::string::npos);
    std::filesystem::remove_all(dir);
}
