// SPDX-License-Identifier: Apache-2.0
// kg/export/vocabulary.hpp: the diagram style read from a tiny ontology made here: labels of
// classes, relations, statuses and legend words in the chosen language (English, then the
// name, as fallbacks); entity names from the aliases of that language (capitalised names
// before descriptions, words before acronyms, the shortest), people's names kept, English
// fallbacks listed; symmetric relations without arrowheads; viewer colours and shapes.
#include "kg/export/vocabulary.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

kg::Ontology tiny() {
    kg::Ontology o;
    o.classes["State"].display = {{"en", "State"}, {"it", "Stato"}};
    o.classes["Person"].display = {{"en", "Person"}};
    o.relations["met"].display = {{"en", "met"}, {"it", "ha incontrato"}};
    o.relations["met"].symmetric = true;
    o.relations["signed"].display = {{"en", "signed"}};
    o.style["status"]["alleged"] = {{"style", "dashed"}, {"display:en", "alleged"}, {"display:it", "presunto"}};
    o.style["legend"]["*"] = {{"display:en", "Legend"}, {"display:it", "Legenda"}};
    o.style["legend"]["sentences"] = {{"display:en", "sentences"}, {"display:it", "frasi"}};
    o.style["classes"]["State"] = {{"shape", "box"}, {"fillcolor", "#E69F00"}};
    o.style["relations"]["met"] = {{"color", "#009E73"}};
    auto add = [&](std::string id, std::string label, std::map<std::string, std::vector<std::string>> aliases,
                   std::string qid = {}) {
        kg::EntityRecord& e = o.entities[id];
        e.id = id;
        e.type = "State";
        e.label = std::move(label);
        e.wikidata = std::move(qid);
        e.aliases = std::move(aliases);
    };
    add("north_korea", "North Korea", {{"it", {"Repubblica popolare democratica di Corea", "RPDC", "Nordcorea", "Corea del Nord"}}}, "Q423");
    add("treaty", "Partnership Treaty", {{"it", {"accordo di partenariato", "Trattato di partenariato"}}});
    add("putin", "Vladimir Putin", {{"*", {"Vladimir Putin"}}, {"fr", {"Vladimir Poutine"}}}, "Q7747");
    add("donetsk", "Donetsk", {{"en", {"Donetsk"}}, {"fr", {"Donetsk"}}});
    return o;
}

} // namespace

TEST_CASE("vocabulary: labels in the chosen language, then English, then the name", "[vocabulary]") {
    const kg::DotStyle it = kg::dot_style(tiny(), "it");
    CHECK(it.class_labels.at("State") == "Stato");
    CHECK(it.class_labels.at("Person") == "Person");
    CHECK(it.relation_labels.at("met") == "ha incontrato");
    CHECK(it.relation_labels.at("signed") == "signed");
    CHECK(it.status_labels.at("alleged") == "presunto");
    CHECK(it.legend_title == "Legenda");
    CHECK(it.words.at("sentences") == "frasi");
    CHECK(it.statuses.at("alleged").at("style") == "dashed");
    CHECK(it.statuses.at("alleged").count("display:it") == 0);
    CHECK(it.relations.at("met").at("dir") == "none");
    const kg::DotStyle en = kg::dot_style(tiny(), "en");
    CHECK(en.status_labels.at("alleged") == "alleged");
    CHECK(en.entity_labels.empty());
    CHECK(en.fallback_entities.empty());
}

TEST_CASE("vocabulary: entity names from the aliases of the language, English fallbacks marked", "[vocabulary]") {
    const kg::DotStyle it = kg::dot_style(tiny(), "it");
    CHECK(it.entity_labels.at("Q423") == "Nordcorea");                      // capitalised, not an acronym, shortest
    CHECK(it.entity_labels.at("treaty") == "Trattato di partenariato");     // a name before a description
    CHECK(it.entity_labels.count("Q7747") == 0);                            // a name for every language
    CHECK(it.fallback_entities.count("Q7747") == 0);
    CHECK(it.fallback_entities.count("donetsk") == 1);                      // named in en, fr only
    kg::EntityNode donetsk;
    donetsk.id = "donetsk";
    donetsk.label = "Donetsk";
    CHECK(kg::display_label(it, donetsk) == "Donetsk (en)");
    kg::EntityNode korea;
    korea.id = "Q423";
    korea.label = "North Korea";
    CHECK(kg::display_label(it, korea) == "Nordcorea");
}

TEST_CASE("vocabulary: viewer colours and shapes from the same style", "[vocabulary]") {
    const kg::VizStyle viz = kg::viz_style(tiny());
    CHECK(viz.node_color("State") == kg::Rgb{0xE6, 0x9F, 0x00});
    CHECK(viz.node_shape("State") == "square");
    CHECK(viz.edge_color("met") == kg::Rgb{0x00, 0x9E, 0x73});
}
