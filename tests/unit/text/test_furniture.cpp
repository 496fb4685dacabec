// SPDX-License-Identifier: Apache-2.0
// kg/text/furniture.hpp: what bylines and datelines say about an article, and a headline
// for a text without metadata.
#include "kg/text/furniture.hpp"

#include "kg/text/segment.hpp"

#include <catch2/catch.hpp>

namespace {

kg::Document segmented(std::string text, const kg::SegmentationRules& rules) {
    kg::Document doc;
    doc.text = std::move(text);
    doc.language = "en";
    kg::segment(doc, rules);
    return doc;
}

} // namespace

TEST_CASE("furniture: bylines give the authors, the dateline the place and agency", "[text][furniture]") {
    kg::SegmentationRules rules;
    rules.furniture.byline_markers = {"by", "written by"};
    const kg::Document doc = segmented("Kim meets Putin\n\nBy Jane Doe and John Roe\n\n"
                                       "SEOUL, Jun. 24 (Yonhap) \xE2\x80\x93 North Korea said on Monday it would send troops.\n\n"
                                       "WRITTEN BY ANNY BOC, JANE DOE\n",
                                       rules);
    const kg::FurnitureFacts facts = kg::furniture_facts(doc, rules.furniture);
    CHECK(facts.authors == std::vector<std::string>{"Jane Doe", "John Roe", "ANNY BOC", "JANE DOE"});
    CHECK(facts.place == "SEOUL");
    CHECK(facts.agency == "Yonhap");
    for (const auto& t : doc.tokens) CHECK(doc.view(t) != "Yonhap"); // furniture has no tokens
}

TEST_CASE("furniture: the first line of text as a headline", "[text][furniture]") {
    CHECK(kg::first_text_line("\n\n  Putin visits Pyongyang  \nBody.") == "Putin visits Pyongyang");
    CHECK(kg::first_text_line("\xEF\xBB\xBF# Putin visits Pyongyang\n") == "Putin visits Pyongyang");
    CHECK(kg::first_text_line("---\n\n=====\nTitle\n") == "Title");
    const std::string md = "---\ntitle: x\n---\n\n## Heading two\n";
    CHECK(kg::first_text_line(md, {{0, 16}}) == "Heading two");
    CHECK(kg::first_text_line("").empty());
    CHECK(kg::first_text_line(std::string(400, 'a')).size() == 300);
}

TEST_CASE("furniture: an outlet in lower case after a marker of several words, and the line under a byline",
          "[text][furniture]") {
    kg::SegmentationRules rules;
    rules.furniture.byline_markers = {"par", "article rédigé par"};
    rules.furniture.byline_connectors = {"et", "avec"};
    const kg::Document doc = segmented("Le sommet de Nairobi\n"
                                       "Article rédigé par kenyainfo avec AFP\n"
                                       "Radio Nairobi\n"
                                       "Le Kenya a signé un accord avec le Pérou.\n",
                                       rules);
    const kg::FurnitureFacts facts = kg::furniture_facts(doc, rules.furniture);
    CHECK(facts.authors == std::vector<std::string>{"kenyainfo", "AFP"});
    for (const auto& t : doc.tokens) {
        CHECK(doc.view(t) != "AFP");
        CHECK(doc.view(t) != "Radio"); // the outlet under the byline is furniture too
    }
    // A one-word marker needs a capital: "par" opens sentences.
    const kg::Document prose = segmented("Le sommet\npar exemple hier soir\n", rules);
    bool found = false;
    for (const auto& t : prose.tokens) found |= prose.view(t) == "exemple";
    CHECK(found);
    // A sentence under a byline is the story.
    const kg::Document story = segmented("Par Jean Dupont\nLe Kenya a signé.\n", rules);
    found = false;
    for (const auto& t : story.tokens) found |= story.view(t) == "Kenya";
    CHECK(found);
}
