// SPDX-License-Identifier: Apache-2.0
// kg/export/rdf.hpp: N-Triples lines that are triples (no blank node), the same triples in
// Turtle's prefixed form, literal escaping (quotes, line breaks, markup kept as text),
// refusal or repair of malformed UTF-8, a bad IRI from the vocabulary refused, determinism
// and a golden N-Triples file.
#include "kg/export/rdf.hpp"

#include "golden.hpp"
#include "checks.hpp"
#include "graph_builders.hpp"
#include "kg/error.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string nt(const kg::KnowledgeGraph& g, const kg::JsonldOptions& o = {}) {
    std::ostringstream out;
    kg::write_ntriples(g, out, o);
    return out.str();
}

std::string ttl(const kg::KnowledgeGraph& g, const kg::JsonldOptions& o = {}) {
    std::ostringstream out;
    kg::write_turtle(g, out, o);
    return out.str();
}

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}


} // namespace

TEST_CASE("rdf: every N-Triples line is one triple of IRIs and literals, no blank node", "[rdf][nt]") {
    const auto all = lines(nt(kg::test::news_graph()));
    REQUIRE(all.size() > 50);
    const std::regex triple("^" + std::string(R"(<[^<>"{}|^`\\ ]+>)") + " " + R"(<[^<>"{}|^`\\ ]+>)" + " (" +
                            R"(<[^<>"{}|^`\\ ]+>)" + "|" + R"("([^"\\]|\\["\\nrtu0-9A-Fa-f])*"(@[a-z]+|\^\^<[^>]+>)?)" + ") \\.$");
    for (const auto& l : all) {
        INFO(l);
        CHECK(std::regex_match(l, triple));
        CHECK(l.find("_:") != 0);
    }
    std::set<std::string> unique(all.begin(), all.end());
    CHECK(unique.size() == all.size());
}

TEST_CASE("rdf: literals keep the text exactly, escaped for N-Triples", "[rdf][escape]") {
    const std::string out = nt(kg::test::news_graph());
    CHECK(out.find(R"("Forniture \"segrete\" <b>di</b> proiettili"@it)") != std::string::npos);
    CHECK(out.find("Russia </script><script>alert(1)</script> and North Korea \\\"<!--\\\" \xE2\x80\xA8 met.") != std::string::npos);
    CHECK(out.find("\"13000 proiettili\"") != std::string::npos);
}

TEST_CASE("rdf: Turtle holds the same subjects, with prefixes", "[rdf][ttl]") {
    const auto g = kg::test::news_graph();
    const std::string t = ttl(g), n = nt(g);
    CHECK(t.starts_with("@prefix kg: <https://w3id.org/kgraph/vocab#> ."));
    CHECK(t.find("wd:Q159 a ") != std::string::npos);
    CHECK(n.find("<http://www.wikidata.org/entity/Q159> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") != std::string::npos);
    // Every relation of the graph is a direct triple in both.
    CHECK(t.find("kg:signed <https://w3id.org/kgraph/id/entity/partnership_treaty>") != std::string::npos);
    CHECK(n.find("<http://www.wikidata.org/entity/Q159> <https://w3id.org/kgraph/vocab#signed> "
                 "<https://w3id.org/kgraph/id/entity/partnership_treaty> .") != std::string::npos);
    CHECK(t.find("_:") == std::string::npos);
}

TEST_CASE("rdf: malformed UTF-8 is refused, or replaced and reported", "[rdf][escape]") {
    kg::KnowledgeGraph g;
    g.add_entity(kg::test::entity("x", "bad \xC3\x28", "Person", "Actor", {"bad"}, {"d"}, 1));
    CHECK_THROWS_MATCHES(nt(g), kg::Error, kg::test::has_code(kg::Errc::forbidden_character));
    kg::JsonldOptions o;
    o.replace_invalid_utf8 = true;
    int warnings = 0;
    o.warn = [&](const std::string&) { ++warnings; };
    CHECK(ttl(g, o).find("bad \xEF\xBF\xBD(") != std::string::npos);
    CHECK(warnings > 0);
}

TEST_CASE("rdf: an IRI from the vocabulary that IRIs cannot hold is refused", "[rdf][escape]") {
    kg::JsonldOptions o;
    o.vocabulary.classes["State"].additional_type = "http://example.org/a b";
    o.include_vocabulary = true;
    CHECK_THROWS_MATCHES(nt(kg::test::news_graph(), o), kg::Error, kg::test::has_code(kg::Errc::export_error));
}

TEST_CASE("rdf: deterministic, golden N-Triples of the small news graph", "[rdf][golden]") {
    CHECK(nt(kg::test::news_graph()) == nt(kg::test::news_graph()));
    CHECK(ttl(kg::test::news_graph()) == ttl(kg::test::news_graph()));
    kg::test::check_golden(nt(kg::test::news_graph()), kg::test::golden_path("news.nt"));
}
