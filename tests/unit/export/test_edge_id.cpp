// SPDX-License-Identifier: Apache-2.0
// kg/export/edge_id.hpp: the id's form, percent-encoding that keeps distinct triples apart,
// and stability: the same ids whatever the order relations arrive in, and every id kept by
// a rebuild with one more document.
#include "kg/export/edge_id.hpp"

#include "graph_builders.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

namespace {

std::set<std::string> ids_of(const kg::KnowledgeGraph& g) {
    std::set<std::string> ids;
    for (auto [e, end] = boost::edges(g.graph()); e != end; ++e) ids.insert(kg::edge_id(g, *e));
    return ids;
}

} // namespace

TEST_CASE("edge_id: source, type and target joined by colons", "[edge_id]") {
    CHECK(kg::edge_id("Q159", "signed", "Q423") == "Q159:signed:Q423");
    CHECK(kg::edge_id("victor_cha", "member_of", "csis.org-2") == "victor_cha:member_of:csis.org-2");
}

TEST_CASE("edge_id: other bytes are percent-encoded, so triples never share an id", "[edge_id][escape]") {
    CHECK(kg::edge_id("a:b", "t", "c") == "a%3Ab:t:c");
    CHECK(kg::edge_id("a", "b:t", "c") == "a:b%3At:c");
    CHECK(kg::edge_id("a%3Ab", "t", "c") == "a%253Ab:t:c");
    CHECK(kg::edge_id("São Tomé", "t", "x y") == "S%C3%A3o%20Tom%C3%A9:t:x%20y");
    CHECK(kg::edge_id("a:b", "t", "c") != kg::edge_id("a", "b:t", "c"));
    CHECK(kg::edge_id("", "t", "") == ":t:");
}

TEST_CASE("edge_id: an edge's id is that of its stored source, type and target", "[edge_id]") {
    const auto g = kg::test::news_graph();
    const auto ids = ids_of(g);
    CHECK(ids == std::set<std::string>{"Q159:signed:partnership_treaty", "Q423:met:Q7747",
                                       "Q423:supplied:artillery_shells", "Q159:mentioned_with:Q423",
                                       "Q159:cooperates_with:Q423"});
}

TEST_CASE("edge_id: the same across rebuilds, whatever the order relations arrive in", "[edge_id][stable]") {
    CHECK(ids_of(kg::test::news_graph(false)) == ids_of(kg::test::news_graph(true)));
}

TEST_CASE("edge_id: a rebuild with one more document keeps every earlier id", "[edge_id][stable]") {
    const auto before = ids_of(kg::test::news_graph());
    const auto after = ids_of(kg::test::news_graph(false, true));
    for (const auto& id : before) CHECK(after.count(id) == 1);
    CHECK(after.size() == before.size() + 1);
    CHECK(after.count("Q7747:visited:Q159") == 1);
}
