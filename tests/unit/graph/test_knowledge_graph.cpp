// SPDX-License-Identifier: Apache-2.0
// kg/graph/knowledge_graph.hpp: merging by stable id, one edge per (source, target, type),
// evidence kept sorted and unique with the strongest status.
#include "kg/graph/knowledge_graph.hpp"

#include "graph_builders.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

kg::EntityNode entity(std::string id, std::string label, std::string type, std::string coarse,
                      std::vector<std::string> aliases, std::vector<std::string> documents,
                      std::uint32_t mentions, std::string wikidata = {}) {
    kg::EntityNode node;
    node.id = std::move(id);
    node.label = std::move(label);
    node.type = std::move(type);
    node.coarse = std::move(coarse);
    node.wikidata = std::move(wikidata);
    node.aliases.insert(aliases.begin(), aliases.end());
    node.documents.insert(documents.begin(), documents.end());
    node.mentions = mentions;
    return node;
}

kg::Evidence evidence(std::string document, std::uint64_t begin, std::uint64_t end, std::string text,
                      kg::ClaimStatus status = kg::ClaimStatus::asserted) {
    kg::Evidence ev;
    ev.document = std::move(document);
    ev.begin = begin;
    ev.end = end;
    ev.text = std::move(text);
    ev.status = status;
    return ev;
}

} // namespace

TEST_CASE("knowledge_graph: add_entity merges by id", "[graph]") {
    kg::KnowledgeGraph kg;
    const auto first = kg.add_entity(entity("Q423", "North Korea", "State", "Actor",
                                            {"Corea del Nord", "Pyongyang"}, {"a.txt"}, 3));
    const auto second = kg.add_entity(entity("Q423", "DPRK", "Organization", "Actor",
                                             {"Corea del Nord", "Nordcorea"}, {"a.txt", "b.txt"}, 2,
                                             "Q423"));
    REQUIRE(first == second);
    REQUIRE(kg.entity_count() == 1);
    const kg::EntityNode& node = kg.entity(first);
    CHECK(node.label == "North Korea");  // first insertion wins
    CHECK(node.type == "State");
    CHECK(node.aliases == std::set<std::string>{"Corea del Nord", "Nordcorea", "Pyongyang"});
    CHECK(node.documents == std::set<std::string>{"a.txt", "b.txt"});
    CHECK(node.mentions == 5);
    CHECK(node.wikidata == "Q423"); // filled in because it was empty

    kg.add_entity(entity("Q423", "x", "State", "Actor", {}, {}, 0, "Q999"));
    CHECK(kg.entity(first).wikidata == "Q423"); // never overwritten once set
}

TEST_CASE("knowledge_graph: find and vertex order", "[graph]") {
    kg::KnowledgeGraph kg;
    CHECK_FALSE(kg.find("nobody"));
    const auto b = kg.add_entity(entity("b", "B", "Person", "Actor", {}, {}, 1));
    const auto a = kg.add_entity(entity("a", "A", "Person", "Actor", {}, {}, 1));
    REQUIRE(kg.find("a"));
    CHECK(*kg.find("a") == a);
    CHECK(*kg.find("b") == b);
    CHECK_FALSE(kg.find("A")); // ids are case-sensitive
    // Vertices iterate in insertion order.
    std::vector<std::string> ids;
    for (auto [v, end] = boost::vertices(kg.graph()); v != end; ++v) ids.push_back(kg.entity(*v).id);
    CHECK(ids == std::vector<std::string>{"b", "a"});
}

TEST_CASE("knowledge_graph: add_relation keeps one edge per (source, target, type)", "[graph]") {
    kg::KnowledgeGraph kg;
    const auto ru = kg.add_entity(entity("Q159", "Russia", "State", "Actor", {}, {}, 1));
    const auto kp = kg.add_entity(entity("Q423", "North Korea", "State", "Actor", {}, {}, 1));

    const auto e1 = kg.add_relation(kp, ru, "supports", evidence("a.txt", 0, 10, "0123456789"), false);
    const auto e2 = kg.add_relation(kp, ru, "supports", evidence("b.txt", 5, 9, "5678"), false);
    CHECK(e1 == e2);
    const auto other_type = kg.add_relation(kp, ru, "supplied_to", evidence("a.txt", 0, 10, "0123456789"), false);
    const auto reversed = kg.add_relation(ru, kp, "supports", evidence("a.txt", 0, 10, "0123456789"), false);
    CHECK(other_type != e1);
    CHECK(reversed != e1); // not symmetric: the reverse direction is another relation
    CHECK(kg.relation_count() == 3);

    const kg::RelationEdge& rel = kg.relation(e1);
    CHECK(rel.type == "supports");
    CHECK(rel.weight() == 2);
    CHECK(rel.sources == std::set<std::string>{"a.txt", "b.txt"});
    CHECK(std::is_sorted(rel.evidence.begin(), rel.evidence.end()));

    REQUIRE(kg.find_relation("Q423", "Q159", "supports"));
    CHECK(*kg.find_relation("Q423", "Q159", "supports") == e1);
    CHECK_FALSE(kg.find_relation("Q423", "Q159", "opposes"));
    CHECK_FALSE(kg.find_relation("Q423", "nobody", "supports"));
}

TEST_CASE("knowledge_graph: symmetric relations are stored once, smaller id first", "[graph]") {
    kg::KnowledgeGraph kg;
    const auto lavrov = kg.add_entity(entity("sergey_lavrov", "Sergey Lavrov", "Person", "Actor", {}, {}, 1));
    const auto kim = kg.add_entity(entity("kim_jong_un", "Kim Jong Un", "Person", "Actor", {}, {}, 1));

    const auto e1 = kg.add_relation(lavrov, kim, "met", evidence("a.txt", 0, 4, "met!"), true);
    const auto e2 = kg.add_relation(kim, lavrov, "met", evidence("a.txt", 10, 14, "met!"), true);
    CHECK(e1 == e2);
    CHECK(kg.relation_count() == 1);
    const auto& g = kg.graph();
    CHECK(kg.entity(boost::source(e1, g)).id == "kim_jong_un");
    CHECK(kg.entity(boost::target(e1, g)).id == "sergey_lavrov");
    CHECK(kg.relation(e1).weight() == 2);
    CHECK(kg.find_relation("kim_jong_un", "sergey_lavrov", "met"));
}

TEST_CASE("knowledge_graph: duplicate evidence merges and keeps the strongest status", "[graph]") {
    using kg::ClaimStatus;
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a", "A", "State", "Actor", {}, {}, 1));
    const auto b = kg.add_entity(entity("b", "B", "State", "Actor", {}, {}, 1));

    auto alleged = evidence("doc.txt", 100, 120, "A allegedly helps B.", ClaimStatus::alleged);
    const auto e = kg.add_relation(a, b, "supports", alleged, false);
    CHECK(kg.relation(e).status() == ClaimStatus::alleged);

    // The same sentence read again as reported, with a date: merged, not added.
    auto reported = alleged;
    reported.status = ClaimStatus::reported;
    reported.date = "2024-06-19";
    kg.add_relation(a, b, "supports", reported, false);
    REQUIRE(kg.relation(e).weight() == 1);
    CHECK(kg.relation(e).evidence.front().status == ClaimStatus::reported);
    CHECK(kg.relation(e).evidence.front().date == "2024-06-19");

    // A weaker reading of the same sentence does not weaken it.
    auto denied = alleged;
    denied.status = ClaimStatus::denied;
    kg.add_relation(a, b, "supports", denied, false);
    CHECK(kg.relation(e).evidence.front().status == ClaimStatus::reported);
    CHECK(kg.relation(e).weight() == 1);

    // Another sentence counts; status() is the strongest over all evidence.
    kg.add_relation(a, b, "supports", evidence("doc.txt", 200, 230, "A supports B.", ClaimStatus::denied),
                    false);
    CHECK(kg.relation(e).weight() == 2);
    CHECK(kg.relation(e).status() == ClaimStatus::reported);
    kg.add_relation(a, b, "supports", evidence("other.txt", 0, 13, "A supports B.", ClaimStatus::asserted),
                    false);
    CHECK(kg.relation(e).weight() == 3);
    CHECK(kg.relation(e).status() == ClaimStatus::asserted);
}

TEST_CASE("knowledge_graph: status of a relation without evidence is asserted", "[graph]") {
    kg::RelationEdge edge;
    CHECK(edge.weight() == 0);
    CHECK(edge.status() == kg::ClaimStatus::asserted);
    edge.evidence.push_back(evidence("d", 0, 1, "x", kg::ClaimStatus::denied));
    CHECK(edge.status() == kg::ClaimStatus::denied);
    CHECK(std::string(kg::to_string(kg::ClaimStatus::alleged)) == "alleged");
}

TEST_CASE("knowledge_graph: documents are recorded in input order", "[graph]") {
    kg::KnowledgeGraph kg;
    kg.add_document(kg::test::document("b.txt", "it", 10, "Titolo"));
    kg.add_document(kg::test::document("a.txt", "en", 20, "Title"));
    REQUIRE(kg.info().documents.size() == 2);
    CHECK(kg.info().documents[0].id == "b.txt");
    CHECK(kg.info().documents[1].language == "en");
}

TEST_CASE("knowledge_graph: the evidence limit keeps the first sentences, whatever the merge order", "[graph]") {
    auto build = [](const std::vector<int>& order) {
        kg::KnowledgeGraph g(3);
        const auto a = g.add_entity(entity("a", "A", "State", "Actor", {}, {}, 1));
        const auto b = g.add_entity(entity("b", "B", "State", "Actor", {}, {}, 1));
        for (int i : order) g.add_relation(a, b, "met", evidence("d" + std::to_string(i), 0, 5, "text"), false);
        return g;
    };
    for (const auto& order : {std::vector<int>{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}, {3, 5, 1, 4, 2}}) {
        const kg::KnowledgeGraph g = build(order);
        const auto& r = g.relation(*g.find_relation("a", "b", "met"));
        CHECK(r.weight() == 5);
        REQUIRE(r.evidence.size() == 3);
        CHECK(r.evidence[0].document == "d1");
        CHECK(r.evidence[2].document == "d3");
        CHECK(g.relations_at_evidence_limit() == 1);
    }
}

TEST_CASE("knowledge_graph: a relation type can have its own evidence limit, smaller or unlimited", "[graph]") {
    kg::KnowledgeGraph g(4);
    g.set_evidence_limit("mentioned_with", 2);
    g.set_evidence_limit("signed", 0);
    CHECK(g.evidence_limit("mentioned_with") == 2);
    CHECK(g.evidence_limit("signed") == 0);
    CHECK(g.evidence_limit("met") == 4);
    const auto a = g.add_entity(entity("a", "A", "State", "Actor", {}, {}, 1));
    const auto b = g.add_entity(entity("b", "B", "State", "Actor", {}, {}, 1));
    for (int i : {6, 2, 5, 1, 4, 3}) {
        const kg::Evidence e = evidence("d" + std::to_string(i), 0, 5, "text");
        g.add_relation(a, b, "mentioned_with", e, true);
        g.add_relation(a, b, "met", e, true);
        g.add_relation(a, b, "signed", e, false);
    }
    const auto& with = g.relation(*g.find_relation("a", "b", "mentioned_with"));
    CHECK(with.weight() == 6);
    REQUIRE(with.evidence.size() == 2);
    CHECK(with.evidence[0].document == "d1");
    CHECK(with.evidence[1].document == "d2");
    CHECK(g.relation(*g.find_relation("a", "b", "met")).evidence.size() == 4);
    CHECK(g.relation(*g.find_relation("a", "b", "signed")).evidence.size() == 6);
    CHECK(g.relations_at_evidence_limit() == 2);
}

TEST_CASE("knowledge_graph: without a limit every sentence is kept", "[graph]") {
    kg::KnowledgeGraph g;
    const auto a = g.add_entity(entity("a", "A", "State", "Actor", {}, {}, 1));
    const auto b = g.add_entity(entity("b", "B", "State", "Actor", {}, {}, 1));
    for (int i = 0; i < 500; ++i) g.add_relation(a, b, "met", evidence("d", static_cast<std::uint64_t>(i) * 10, i * 10 + 5, "t"), false);
    CHECK(g.relation(*g.find_relation("a", "b", "met")).evidence.size() == 500);
    CHECK(g.relations_at_evidence_limit() == 0);
}

TEST_CASE("graph: first and last seen widen, reported dates are kept past the evidence limit", "[graph]") {
    kg::KnowledgeGraph g(1);
    kg::EntityNode a = entity("a", "A", "Person", "Actor", {"A"}, {"d1"}, 1);
    a.first_seen = a.last_seen = "2024-06-19";
    const auto va = g.add_entity(a);
    a.first_seen = a.last_seen = "2024-06-02";
    g.add_entity(a);
    a.first_seen = a.last_seen = "";
    g.add_entity(a); // an undated article changes nothing
    a.first_seen = a.last_seen = "2024-07-01";
    g.add_entity(a);
    CHECK(g.entity(va).first_seen == "2024-06-02");
    CHECK(g.entity(va).last_seen == "2024-07-01");
    const auto vb = g.add_entity(entity("b", "B", "State", "Actor", {"B"}, {"d1"}, 1));
    auto e1 = evidence("d1", 0, 5, "A met B");
    e1.reported = "2024-06-19";
    auto e2 = evidence("d2", 0, 5, "A met B");
    e2.reported = "2024-06-25";
    g.add_relation(va, vb, "met", e1, true);
    const auto e = g.add_relation(va, vb, "met", e2, true);
    CHECK(g.relation(e).evidence.size() == 1);
    CHECK(g.relation(e).reported == std::set<std::string>{"2024-06-19", "2024-06-25"});
}

TEST_CASE("graph: documents found by id", "[graph]") {
    kg::KnowledgeGraph g;
    g.add_document(kg::test::document("https://example.org/a", "en", 10, "A"));
    g.add_document(kg::test::document("sha256:0123", "it", 20, "B"));
    REQUIRE(g.document("sha256:0123") != nullptr);
    CHECK(g.document("sha256:0123")->title == "B");
    CHECK(g.document("missing") == nullptr);
    const kg::KnowledgeGraph copy = g;
    CHECK(copy.document("https://example.org/a")->bytes == 10);
}
