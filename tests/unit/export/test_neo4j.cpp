// SPDX-License-Identifier: Apache-2.0
// kg/export/neo4j.hpp: the files and their order, CSV headers and quoting, one relationship
// file per type, the Cypher script (constraints, MERGE on kgraph ids, statements split by
// rows_per_statement, string escaping), refusals (malformed UTF-8, a relation type Neo4j
// cannot take), the ';' warning, and determinism.
#include "kg/export/neo4j.hpp"

#include "checks.hpp"
#include "graph_builders.hpp"
#include "kg/error.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Files {
    std::vector<std::string> order;
    std::map<std::string, std::string> text;
};

Files write(const kg::KnowledgeGraph& g, const kg::Neo4jOptions& o = {}) {
    Files f;
    kg::write_neo4j(g, [&](const std::string& name, const std::function<void(std::ostream&)>& fn) {
        std::ostringstream out;
        fn(out);
        f.order.push_back(name);
        f.text[name] = out.str();
    }, o);
    return f;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }



} // namespace

TEST_CASE("neo4j: the files of the format card, in a fixed order", "[neo4j]") {
    const Files f = write(kg::test::news_graph());
    CHECK(f.order == std::vector<std::string>{
                         "neo4j-nodes-Actor-Person.csv", "neo4j-nodes-Actor-State.csv", "neo4j-nodes-Agreement.csv",
                         "neo4j-nodes-Weapon.csv", "neo4j-documents.csv", "neo4j-evidence.csv",
                         "neo4j-rels-COOPERATES_WITH.csv", "neo4j-rels-MENTIONED_WITH.csv", "neo4j-rels-MET.csv",
                         "neo4j-rels-SIGNED.csv", "neo4j-rels-SUPPLIED.csv", "neo4j-rels-EVIDENCE_IN.csv",
                         "neo4j-rels-MENTIONED_IN.csv", "graph.cypher"});
}

TEST_CASE("neo4j: CSV headers, one row per item, text quoted with doubled quotes", "[neo4j][csv]") {
    const Files f = write(kg::test::news_graph());
    const std::string& states = f.text.at("neo4j-nodes-Actor-State.csv");
    CHECK(first_line(states) == "id:ID(Entity),:LABEL,label,type,class,aliases:string[],wikidata,mentions:int,documents:int");
    CHECK(states.find("\n\"Q159\",\"Entity;Actor;State\",\"Russia\",\"State\",\"Actor\",\"Mosca;Russia\",\"Q159\",6,2\n") != std::string::npos);
    CHECK(kg::test::occurrences(states, "\n") == 1 + 2);
    const std::string& met = f.text.at("neo4j-rels-MET.csv");
    CHECK(first_line(met).starts_with(":START_ID(Entity),:END_ID(Entity),:TYPE,id,type,weight:int,status,symmetric:boolean"));
    CHECK(met.find("\"Q423\",\"Q7747\",\"MET\",\"Q423:met:Q7747\",\"met\",2,\"asserted\",true") != std::string::npos);
    const std::string& docs = f.text.at("neo4j-documents.csv");
    CHECK(docs.find("\"Forniture \"\"segrete\"\" <b>di</b> proiettili\"") != std::string::npos);
    const std::string& evidence = f.text.at("neo4j-evidence.csv");
    CHECK(kg::test::occurrences(evidence, "\"Evidence\"") == 6); // every kept sentence of every relation
    CHECK(evidence.find("\"13000 proiettili\"") != std::string::npos);
}

TEST_CASE("neo4j: the Cypher script MERGEs on kgraph ids, with constraints first", "[neo4j][cypher]") {
    const std::string cypher = write(kg::test::news_graph()).text.at("graph.cypher");
    const auto constraint = cypher.find("CREATE CONSTRAINT kgraph_entity_id IF NOT EXISTS");
    REQUIRE(constraint != std::string::npos);
    CHECK(constraint < cypher.find("UNWIND"));
    CHECK(cypher.find("MERGE (n:Entity {id: row.id})") != std::string::npos);
    CHECK(cypher.find("MERGE (a)-[r:SIGNED {id: row.id}]->(b)") != std::string::npos);
    CHECK(cypher.find("SET n:Actor:State;") != std::string::npos);
    CHECK(cypher.find("'Forniture \"segrete\" <b>di</b> proiettili'") != std::string::npos);
    CHECK(cypher.find("'Putin met North Korea\\'s envoy.'") != std::string::npos);
}

TEST_CASE("neo4j: strings escape backslash and quote, rows_per_statement splits statements", "[neo4j][cypher][escape]") {
    kg::KnowledgeGraph g;
    g.add_entity(kg::test::entity("x", "O'Brien \\ Co", "Person", "Actor", {"O'Brien"}, {"d"}, 1));
    g.add_entity(kg::test::entity("y", "Y", "Person", "Actor", {"Y"}, {"d"}, 1));
    g.add_entity(kg::test::entity("z", "Z", "Person", "Actor", {"Z"}, {"d"}, 1));
    kg::Neo4jOptions one;
    one.rows_per_statement = 1;
    const std::string split = write(g, one).text.at("graph.cypher");
    const std::string whole = write(g).text.at("graph.cypher");
    CHECK(split.find("'O\\'Brien \\\\ Co'") != std::string::npos);
    CHECK(kg::test::occurrences(split, "MERGE (n:Entity") == 3);
    CHECK(kg::test::occurrences(whole, "MERGE (n:Entity") == 1);
}

TEST_CASE("neo4j: malformed UTF-8 is refused, or replaced and reported", "[neo4j][escape]") {
    kg::KnowledgeGraph g;
    g.add_entity(kg::test::entity("x", "bad \xC3\x28", "Person", "Actor", {"bad"}, {"d"}, 1));
    CHECK_THROWS_MATCHES(write(g), kg::Error, kg::test::has_code(kg::Errc::forbidden_character));
    kg::Neo4jOptions o;
    o.replace_invalid_utf8 = true;
    std::vector<std::string> warnings;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    const Files f = write(g, o);
    CHECK(f.text.at("neo4j-nodes-Actor-Person.csv").find("bad \xEF\xBF\xBD(") != std::string::npos);
    CHECK_FALSE(warnings.empty());
}

TEST_CASE("neo4j: a relation type Neo4j cannot take is an export error", "[neo4j]") {
    kg::KnowledgeGraph g;
    const auto a = g.add_entity(kg::test::entity("a", "A", "State", "Actor", {"A"}, {"d"}, 1));
    const auto b = g.add_entity(kg::test::entity("b", "B", "State", "Actor", {"B"}, {"d"}, 1));
    g.add_relation(a, b, "evidence_in", kg::test::evidence("d", 0, "A and B."), false);
    CHECK_THROWS_MATCHES(write(g), kg::Error, kg::test::has_code(kg::Errc::export_error));
}

TEST_CASE("neo4j: a list item holding the array delimiter is reported", "[neo4j][csv]") {
    kg::KnowledgeGraph g;
    g.add_entity(kg::test::entity("a", "A", "State", "Actor", {"A;B"}, {"d"}, 1));
    std::vector<std::string> warnings;
    kg::Neo4jOptions o;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    write(g, o);
    CHECK(warnings.size() == 1);
}

TEST_CASE("neo4j: deterministic", "[neo4j]") {
    CHECK(write(kg::test::news_graph()).text == write(kg::test::news_graph()).text);
}
