// SPDX-License-Identifier: Apache-2.0
#include "kg/extract/contribution.hpp"

#include "extraction.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

kg::AnnotatedDocument article(const std::string& id, const std::string& language, const std::string& text) {
    kg::AnnotatedDocument a = kg::test::run(language, text);
    a.info.id = id;
    a.info.date = "2024-06-19";
    return a;
}

} // namespace

TEST_CASE("contribution: a document's entities and relations, with its sentences as evidence", "[contribution]") {
    const std::string text = "Vladimir Putin ha firmato il trattato con Kim Jong Un a Pyongyang.";
    const kg::AnnotatedDocument a = article("doc-1", "it", text);
    const kg::DocumentContribution c = kg::contribution_of(a, kg::test::ontology());
    CHECK(c.info.id == "doc-1");
    REQUIRE(c.entities.size() == a.entities.size());
    for (const kg::EntityNode& e : c.entities) {
        CHECK(e.first_seen == "2024-06-19");
        CHECK(e.last_seen == "2024-06-19");
    }
    REQUIRE_FALSE(c.relations.empty());
    for (const kg::ContributedRelation& r : c.relations) {
        CHECK(r.evidence.document == "doc-1");
        CHECK(r.evidence.reported == "2024-06-19");
        CHECK(r.evidence.text == text.substr(r.evidence.begin, r.evidence.end - r.evidence.begin));
        CHECK(r.symmetric == kg::test::ontology().find_relation(r.type)->symmetric);
    }
}

TEST_CASE("contribution: folding contributions in order gives the graph merge_into gives", "[contribution]") {
    const kg::AnnotatedDocument a = article("doc-1", "it", "Vladimir Putin ha incontrato Kim Jong Un a Pyongyang.");
    const kg::AnnotatedDocument b = article("doc-2", "en", "Kim Jong Un met Vladimir Putin in Vladivostok.");
    kg::KnowledgeGraph direct(2), folded(2);
    kg::merge_into(direct, a, kg::test::ontology());
    kg::merge_into(direct, b, kg::test::ontology());
    kg::add_contribution(folded, kg::contribution_of(a, kg::test::ontology()));
    kg::add_contribution(folded, kg::contribution_of(b, kg::test::ontology()));
    REQUIRE(direct.entity_count() == folded.entity_count());
    REQUIRE(direct.relation_count() == folded.relation_count());
    for (std::size_t v = 0; v < direct.entity_count(); ++v) {
        CHECK(direct.entity(v).id == folded.entity(v).id);
        CHECK(direct.entity(v).aliases == folded.entity(v).aliases);
        CHECK(direct.entity(v).mentions == folded.entity(v).mentions);
    }
    for (auto [e, end] = boost::edges(direct.graph()); e != end; ++e) {
        const kg::RelationEdge& r = direct.relation(*e);
        const auto other = folded.find_relation(direct.entity(boost::source(*e, direct.graph())).id,
                                                direct.entity(boost::target(*e, direct.graph())).id, r.type);
        REQUIRE(other);
        CHECK(folded.relation(*other).evidence == r.evidence);
        CHECK(folded.relation(*other).weight() == r.weight());
    }
}

TEST_CASE("contribution: an id taken by another class gets the class appended", "[contribution]") {
    kg::DocumentContribution first, second;
    first.info.id = "a";
    second.info.id = "b";
    kg::EntityNode georgia;
    georgia.id = "georgia";
    georgia.type = "State";
    georgia.coarse = "Actor";
    first.entities.push_back(georgia);
    georgia.type = "Place";
    georgia.coarse = "Place";
    second.entities.push_back(georgia);
    kg::KnowledgeGraph g;
    kg::add_contribution(g, first);
    kg::add_contribution(g, second);
    CHECK(g.find("georgia"));
    CHECK(g.find("georgia_place"));
    CHECK(g.info().documents.size() == 2);
}
