// SPDX-License-Identifier: Apache-2.0
// Analysts' merge and split decisions (resolution.json) change the graph on the next run.
#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/ontology/ontology.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

namespace {

void write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

kg::KnowledgeGraph build(const kg::Ontology& onto, const std::string& text) {
    kg::Extractor x(onto, {.language = "en", .cooccurrence = true});
    kg::Document doc;
    doc.id = "doc.txt";
    doc.text = text;
    kg::KnowledgeGraph g;
    kg::merge_into(g, x.extract(doc), onto);
    return g;
}

} // namespace

TEST_CASE("resolution: same_as merges two entities into the first id", "[resolution]") {
    kg::test::TempDir dir;
    write(dir.path() / "resolution.json", R"({"same_as": [["Q7747", "vladimir_vladimirovich"]]})");
    auto onto = kg::load_ontology({KG_ONTOLOGY_DIR, dir.path().string()});
    REQUIRE(onto.resolve_id("vladimir_vladimirovich") == "Q7747");
    REQUIRE(onto.resolve_id("Q7747") == "Q7747");
}

TEST_CASE("resolution: a same_as cycle is refused", "[resolution]") {
    kg::test::TempDir dir;
    write(dir.path() / "resolution.json", R"({"same_as": [["a", "b"], ["b", "a"]]})");
    try {
        kg::load_ontology({KG_ONTOLOGY_DIR, dir.path().string()});
        FAIL("a cycle was accepted");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::ontology_conflict);
        CHECK(e.line() == 1);
    }
}

TEST_CASE("resolution: not_same_as stops a surface form from naming an entity", "[resolution]") {
    const std::string text = "President Vladimir Putin met Kim Jong Un in Pyongyang. Later Putin left.";
    auto plain = kg::load_ontology({KG_ONTOLOGY_DIR});
    auto g1 = build(plain, text);
    auto putin = g1.find("Q7747");
    REQUIRE(putin);
    CHECK(g1.entity(*putin).aliases.count("Putin") == 1);

    kg::test::TempDir dir;
    write(dir.path() / "resolution.json", R"({"not_same_as": [["Q7747", "Putin"]]})");
    auto split = kg::load_ontology({KG_ONTOLOGY_DIR, dir.path().string()});
    auto g2 = build(split, text);
    auto putin2 = g2.find("Q7747");
    REQUIRE(putin2);
    CHECK(g2.entity(*putin2).aliases.count("Putin") == 0);
    CHECK(g2.entity(*putin2).aliases.count("Vladimir Putin") == 1);
}
