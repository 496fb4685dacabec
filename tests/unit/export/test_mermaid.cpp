// SPDX-License-Identifier: Apache-2.0
// kg/export/mermaid.hpp: text escaping into Mermaid entity codes, injective and keyword-safe
// node ids, the flowchart's lines (nodes, arrows by symmetry and claim status, classDef,
// linkStyle), the DOT view's filters, the maxEdges and max-nodes warnings, and determinism.
#include "kg/export/mermaid.hpp"

#include "checks.hpp"
#include "graph_builders.hpp"
#include "kg/error.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>

namespace {

std::string mmd(const kg::KnowledgeGraph& g, const kg::MermaidOptions& o = {}) {
    std::ostringstream out;
    kg::write_mermaid(g, out, o);
    return out.str();
}


} // namespace

TEST_CASE("mermaid: label text becomes entity codes, nothing closes the quotes", "[mermaid][escape]") {
    CHECK(kg::mermaid_text("say \"hi\"") == "say #quot;hi#quot;");
    CHECK(kg::mermaid_text("<b>#1 & |x| `y`</b>") == "#lt;b#gt;#35;1 #amp; #124;x#124; #96;y#96;#lt;/b#gt;");
    CHECK(kg::mermaid_text("two\nlines\r\n") == "two lines  ");
    CHECK(kg::mermaid_text("Кремль") == "Кремль");
    std::size_t replaced = 0;
    CHECK(kg::mermaid_text("a\x01" "b\xC3\x28", &replaced) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD(");
    CHECK(replaced == 2);
}

TEST_CASE("mermaid: node ids are injective and never a keyword or an arrow head", "[mermaid][escape]") {
    CHECK(kg::mermaid_id("Q159") == "e_Q159");
    CHECK(kg::mermaid_id("victor_cha") == "e_victor_cha");
    CHECK(kg::mermaid_id("end") == "e_end");
    CHECK(kg::mermaid_id("o") == "e_o");
    CHECK(kg::mermaid_id("a-b") == "e_a_X2Db");
    CHECK(kg::mermaid_id("a_X2Db") == "e_a_X5FX2Db");
    std::set<std::string> ids;
    for (const char* id : {"a-b", "a_X2Db", "a_b", "a b", "a.b", "a__b", "a_X5Fb"}) ids.insert(kg::mermaid_id(id));
    CHECK(ids.size() == 7);
}

TEST_CASE("mermaid: a graph LR flowchart of the DOT view", "[mermaid]") {
    kg::MermaidOptions o;
    o.style.classes["State"] = {{"fillcolor", "#E69F00"}, {"color", "#8C6100"}, {"fontcolor", "#000000"}};
    o.style.relations["signed"] = {{"color", "#CC79A7"}};
    o.style.relation_labels["signed"] = "ha firmato";
    const std::string out = mmd(kg::test::news_graph(), o);
    CHECK(out.find("\ngraph LR\n") != std::string::npos);
    CHECK(out.starts_with("%% kgraph: 5 entities, 4 relations"));
    // The default view leaves out mentioned_with, as the DOT one does.
    CHECK(out.find("mentioned with") == std::string::npos);
    CHECK(out.find("  e_Q159[\"Russia\"]:::c_State\n") != std::string::npos);
    CHECK(out.find("  e_Q159 -->|\"ha firmato\"| e_partnership_treaty\n") != std::string::npos);
    CHECK(out.find("  e_Q423 ---|\"met\"| e_Q7747\n") != std::string::npos);          // symmetric
    CHECK(out.find("  e_Q423 -.->|\"supplied\"| e_artillery_shells\n") != std::string::npos); // alleged
    CHECK(out.find("  classDef c_State fill:#E69F00,stroke:#8C6100,color:#000000\n") != std::string::npos);
    CHECK(kg::test::occurrences(out, "  linkStyle ") == 4);
    CHECK(out.find("linkStyle 0 stroke:#CC79A7,stroke-width:1px") != std::string::npos);
    CHECK(out.find("stroke-width:2px") != std::string::npos); // met: 2 sentences
}

TEST_CASE("mermaid: the DOT view's filters apply", "[mermaid]") {
    kg::MermaidOptions o;
    o.view.relations = {"*"};
    CHECK(kg::test::occurrences(mmd(kg::test::news_graph(), o), "|\"") == 5);
    o.view.relations = {"signed"};
    const std::string only = mmd(kg::test::news_graph(), o);
    CHECK(kg::test::occurrences(only, "|\"") == 1);
    CHECK(kg::test::occurrences(only, "[\"") == 2);
    o.view = {};
    o.view.focus = {"Nobody At All"};
    CHECK_THROWS_AS(mmd(kg::test::news_graph(), o), kg::Error);
}

TEST_CASE("mermaid: a view over Mermaid's default maxEdges is written and reported", "[mermaid]") {
    kg::KnowledgeGraph g;
    std::vector<kg::KnowledgeGraph::Vertex> v;
    for (int i = 0; i < 40; ++i)
        v.push_back(g.add_entity(kg::test::entity("n" + std::to_string(i), "N" + std::to_string(i), "State", "Actor", {"N"}, {"d"}, 1)));
    for (int i = 0; i < 40; ++i)
        for (int j = 0; j < 40; ++j)
            if (i != j) g.add_relation(v[i], v[j], "supports", kg::test::evidence("d", 0, "x"), false);
    std::vector<std::string> warnings;
    kg::MermaidOptions o;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::string out = mmd(g, o);
    CHECK(kg::test::occurrences(out, " -->|") == 40 * 39);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("maxEdges") != std::string::npos);
}

TEST_CASE("mermaid: a view cut by max-nodes is reported", "[mermaid]") {
    kg::MermaidOptions o;
    o.view.relations = {"*"};
    std::vector<std::string> warnings;
    o.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::string all = mmd(kg::test::news_graph(), o);
    CHECK(warnings.empty());
    o.view.max_nodes = 2;
    const std::string two = mmd(kg::test::news_graph(), o);
    CHECK(kg::test::occurrences(two, "[\"") == 2);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("Mermaid: 2 of "));
    CHECK(warnings[0].find("the most connected") != std::string::npos);
}

TEST_CASE("mermaid: deterministic", "[mermaid]") {
    CHECK(mmd(kg::test::news_graph()) == mmd(kg::test::news_graph()));
}
