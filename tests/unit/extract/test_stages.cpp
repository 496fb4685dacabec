// SPDX-License-Identifier: Apache-2.0
// The extraction stages one at a time, against a tiny ontology written here (a fictional
// world, so that nothing the bundled gazetteer knows can help): each case prepares a document,
// runs the stages before the one under test, then that stage, and checks only what it adds.
// Also: the stage table itself (order, requirements) and the annotation formats.
#include "kg/extract/annotation_format.hpp"
#include "kg/extract/extractor.hpp"

#include "kg/error.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* kClasses = R"({"classes": [
  {"name": "Person", "coarse": "Actor", "traits": ["agent", "person"]},
  {"name": "State", "coarse": "Actor", "traits": ["agent", "sovereign"]},
  {"name": "Organization", "coarse": "Actor", "traits": ["agent", "institution"]},
  {"name": "Agreement", "coarse": "Agreement", "traits": ["agreement"]},
  {"name": "Weapon", "coarse": "Weapon", "traits": ["weapon"]},
  {"name": "Place", "coarse": "Place", "traits": ["location"]}
]})";

const char* kRelations = R"({"relations": [
  {"name": "leader_of", "domain": ["Person"], "range": ["State", "Organization"]},
  {"name": "visited", "domain": ["Person", "State"], "range": ["Place", "State"], "locative_object": true},
  {"name": "met", "domain": ["Person"], "range": ["Person"], "symmetric": true},
  {"name": "signed", "domain": ["Person", "State"], "range": ["Agreement"], "party": true},
  {"name": "supplied", "domain": ["State"], "range": ["Weapon"], "quantified": true},
  {"name": "cooperates_with", "domain": ["State"], "range": ["State"], "symmetric": true},
  {"name": "severed_ties_with", "domain": ["State"], "range": ["State"], "symmetric": true, "cancels": ["cooperates_with"]},
  {"name": "located_in", "domain": ["Place"], "range": ["Place", "State"], "structural": "containment"},
  {"name": "possesses", "domain": ["State"], "range": ["Weapon"], "structural": "possession"},
  {"name": "mentioned_with", "scored": false, "symmetric": true, "structural": "cooccurrence"}
]})";

const char* kGazetteer = R"({"entities": [
  {"id": "ruritania", "type": "State", "label": "Ruritania", "capital": "strelsau",
   "aliases": {"*": ["Ruritania"]}, "demonyms": {"en": ["Ruritanian"]}},
  {"id": "elbonia", "type": "State", "label": "Elbonia", "aliases": {"*": ["Elbonia"]}, "demonyms": {"en": ["Elbonian"]}},
  {"id": "strelsau", "type": "Place", "label": "Strelsau", "aliases": {"*": ["Strelsau"]}, "located_in": "ruritania"},
  {"id": "rudolf_rassendyll", "type": "Person", "label": "Rudolf Rassendyll", "aliases": {"*": ["Rudolf Rassendyll"]}},
  {"id": "zenda_accord", "type": "Agreement", "label": "Zenda Accord", "aliases": {"en": ["Zenda Accord"]}}
]})";

const char* kLanguage = R"({"code": "en",
 "function_words": ["the", "a", "of", "and", "in", "to", "with", "by", "on", "has", "had", "was", "is", "his"],
 "clitic_suffixes": ["'s"],
 "not_name_words": ["Monday"],
 "name_connectors": ["of", "van"],
 "roles": [{"phrase": "President", "relation": "leader_of"}, {"phrase": "leader", "relation": "leader_of"}, {"phrase": "envoy"}],
 "organization_heads": ["Ministry", "University"],
 "place_heads": ["Square", "region"],
 "agreement_heads": ["treaty", "accord", "pact", "sanctions"],
 "treaty_heads": ["treaty", "accord", "pact"],
 "agreement_kinds": {"treaty": ["treaty", "accord", "pact"], "sanctions": ["sanctions"]},
 "agreement_target_markers": ["on", "against"],
 "weapon_heads": ["missiles", "drones"],
 "state_agents": ["troops"],
 "given_names": ["Flavia", "Michael"],
 "locative_prepositions": ["in", "to", "at"],
 "modifiers_before_head": true,
 "months": {"June": 6},
 "weekdays": ["Monday"],
 "date_connectors": ["of"],
 "decimal_comma": false,
 "detection_fallback": true
})";

const char* kTriggers = R"({"code": "en",
 "relations": {
   "visited": {"triggers": ["visit", "visited"], "object_markers": ["in", "to"]},
   "met": {"triggers": ["met"], "object_markers": ["with"]},
   "signed": {"triggers": ["signed"]},
   "supplied": {"triggers": ["supplied"], "object_markers": ["with"]},
   "cooperates_with": {"triggers": ["cooperation"], "object_markers": ["with", "between"]},
   "severed_ties_with": {"triggers": ["broke off relations"], "object_markers": ["with"]}
 },
 "reported": ["said"], "denied": ["denied"], "alleged": ["allegedly"],
 "passive_agents": ["by"], "coordinators": ["and"], "negations": ["not"], "modals": ["could"],
 "prepositions": ["in", "to", "with", "by", "on", "at", "of"], "genitives": ["of"], "articles": ["the", "a"],
 "reciprocal_markers": ["between"], "multipliers": {"thousand": 1000}
})";

// The tiny world, loaded once.
struct World {
    kg::test::TempDir dir;
    kg::Ontology onto;
    World() {
        dir.write("o/classes.json", kClasses);
        dir.write("o/relations.json", kRelations);
        dir.write("o/gazetteer/world.json", kGazetteer);
        dir.write("o/languages/en.json", kLanguage);
        dir.write("o/triggers/en.json", kTriggers);
        onto = kg::load_ontology({dir / "o"});
    }
};

const World& world() {
    static const World w;
    return w;
}

const kg::Extractor& extractor() {
    static const kg::Extractor x(world().onto);
    return x;
}

// Prepare `text` and run every stage up to and including `stage`.
kg::AnnotatedDocument through(const std::string& text, std::string_view stage) {
    kg::Document doc;
    doc.id = "t.txt";
    doc.text = text;
    doc.language = "en";
    kg::AnnotatedDocument a = extractor().prepare(std::move(doc));
    for (const auto& s : kg::Extractor::stages()) {
        extractor().run_stage(s.name, a);
        if (s.name == stage) return a;
    }
    FAIL("no stage " << stage);
    return a;
}

// "Type surface" for every mention, in the order the stages added them.
std::vector<std::string> mentions_of(const kg::AnnotatedDocument& a, std::size_t from = 0) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < a.mentions.size(); ++i)
        out.push_back(world().onto.class_names.at(a.mentions[i].cls) + " " + std::string(a.text_of(a.mentions[i].span)));
    return out;
}

std::vector<std::string> relations_of(const kg::AnnotatedDocument& a, bool cooccurrence = false) {
    std::vector<std::string> out;
    for (const auto& r : a.relations)
        if (cooccurrence || r.type != "mentioned_with") out.push_back(r.subject + " " + r.type + " " + r.object);
    return out;
}

// Mentions a stage adds: those it finds beyond what the stages before it found.
std::vector<std::string> added_by(const std::string& text, std::string_view stage) {
    const auto stages = kg::Extractor::stages();
    auto it = std::find_if(stages.begin(), stages.end(), [&](const kg::StageInfo& s) { return s.name == stage; });
    REQUIRE(it != stages.end());
    const std::size_t before = it == stages.begin() ? 0 : through(text, std::prev(it)->name).mentions.size();
    return mentions_of(through(text, stage), before);
}

struct MentionCase {
    const char* stage;
    const char* text;
    std::vector<std::string> added;
};

} // namespace

TEST_CASE("stages: each entity stage adds the mentions it is for, and nothing else", "[extract][stages]") {
    const MentionCase c = GENERATE(values<MentionCase>({
        {"gazetteer", "Rudolf Rassendyll met officials in Elbonia.", {"Person Rudolf Rassendyll", "State Elbonia"}},
        // A capital speaks for its state unless it is a location.
        {"gazetteer", "Strelsau denied it.", {"State Strelsau"}},
        {"gazetteer", "He landed in Strelsau.", {"Place Strelsau"}},
        {"gazetteer", "They will visit Strelsau.", {"Place Strelsau"}},
        {"headed_names", "The Ruritanian defence Ministry said so.", {"Organization Ruritanian defence Ministry"}},
        {"headed_names", "The Kronberg region was quiet.", {}},
        {"roles", "Ruritanian President Flavia Elphberg spoke.", {"Person Flavia Elphberg"}},
        {"designators", "Elbonia tested missiles of the XR-40 type.", {"Weapon XR-40"}},
        {"designators", "The bus XR-40 was late.", {}},
        {"name_shapes", "Officials of Tarlenheim University met.", {"Organization Tarlenheim University"}},
        {"name_shapes", "On Monday the spokesman Michael Hentzau arrived.", {"Person Michael Hentzau"}},
        // A headline capitalises every word: no name is read from its shape there.
        {"name_shapes", "Envoy Michael Hentzau Arrives In The Capital", {}},
        {"name_shapes", "A statement from the ZDA followed.", {"Organization ZDA"}},
        {"agreements", "Elbonia signed the mutual defence treaty.", {"Agreement mutual defence treaty"}},
        {"weapon_nouns", "Elbonia supplied drones.", {"Weapon drones"}},
        {"short_forms", "Michael Hentzau arrived. Later Hentzau left.", {"Person Hentzau"}},
    }));
    CAPTURE(c.stage, c.text);
    CHECK(added_by(c.text, c.stage) == c.added);
}

TEST_CASE("stages: demonyms mark the state they name, token by token", "[extract][stages]") {
    const auto a = through("The Elbonian troops arrived.", "demonyms");
    REQUIRE(a.demonym_of.size() == a.doc.tokens.size());
    CHECK(a.demonym_of[1] == "elbonia");
    CHECK(a.demonym_of[2].empty());
}

TEST_CASE("stages: a role records its person and its body", "[extract][stages]") {
    const auto a = through("Ruritanian President Flavia Elphberg spoke.", "roles");
    REQUIRE(a.roles.size() == 1);
    CHECK(a.roles[0].person == "flavia_elphberg");
    CHECK(a.roles[0].affiliation == "ruritania");
    CHECK(a.text_of(a.roles[0].role_span) == "President");
}

struct FactCase {
    const char* text;
    kg::ClaimStatus status;
    const char* date;
    const char* quantity;
};

TEST_CASE("stages: sentence facts read status, date and quantity from the language data", "[extract][stages]") {
    const FactCase c = GENERATE(values<FactCase>({
        {"Elbonia supplied 3 thousand drones on 19 June 2024.", kg::ClaimStatus::asserted, "2024-06-19", "3000 drones"},
        {"Ruritania said Elbonia supplied drones.", kg::ClaimStatus::reported, "", ""},
        {"Elbonia denied that it supplied 1,500 drones in June of 2023.", kg::ClaimStatus::denied, "2023-06", "1500 drones"},
        {"Elbonia allegedly supplied drones.", kg::ClaimStatus::alleged, "", ""},
    }));
    CAPTURE(c.text);
    const auto a = through(c.text, "sentence_facts");
    REQUIRE(a.facts.size() == 1);
    CHECK(a.facts[0].status == c.status);
    CHECK(a.facts[0].date == c.date);
    CHECK(a.facts[0].quantity == c.quantity);
}

struct RelationCase {
    const char* stage;
    const char* text;
    std::vector<std::string> relations;
};

TEST_CASE("stages: each relation stage reads the relations it is for", "[extract][stages]") {
    const RelationCase c = GENERATE(values<RelationCase>({
        {"trigger_relations", "Rudolf Rassendyll met the envoy Michael Hentzau.", {"michael_hentzau met rudolf_rassendyll"}},
        {"trigger_relations", "Ruritania and Elbonia signed the Zenda Accord.",
         {"ruritania signed zenda_accord", "elbonia signed zenda_accord"}},
        {"trigger_relations", "The Zenda Accord was signed by Ruritania.", {"ruritania signed zenda_accord"}},
        {"trigger_relations", "Elbonia could visit Strelsau.", {}},
        {"trigger_relations", "The Elbonian troops visited Strelsau.", {"elbonia visited strelsau"}},
        {"cancellations", "Ruritania broke off relations and cooperation with Elbonia.", {"elbonia severed_ties_with ruritania"}},
        {"role_relations", "Ruritanian President Flavia Elphberg spoke.", {"flavia_elphberg leader_of ruritania"}},
        {"containment_and_possession", "They landed in Strelsau in Ruritania with Elbonian drones.",
         {"strelsau located_in ruritania", "elbonia possesses drone"}},
    }));
    CAPTURE(c.stage, c.text);
    CHECK(relations_of(through(c.text, c.stage)) == c.relations);
}

TEST_CASE("stages: co-occurrence pairs every two entities of a sentence, once", "[extract][stages]") {
    const auto a = through("Ruritania, Elbonia and Rudolf Rassendyll.", "cooccurrence");
    CHECK(relations_of(a, true) == std::vector<std::string>{"elbonia mentioned_with rudolf_rassendyll",
                                                             "elbonia mentioned_with ruritania",
                                                             "rudolf_rassendyll mentioned_with ruritania"});
}

TEST_CASE("stages: resolution lists an entity named only by a demonym, from the ontology", "[extract][stages]") {
    const auto a = through("The Elbonian troops visited Strelsau.", "resolution");
    std::vector<std::string> ids;
    for (const auto& e : a.entities) ids.push_back(e.id + ":" + std::to_string(e.mentions));
    CHECK(ids == std::vector<std::string>{"strelsau:1", "elbonia:0"});
}

TEST_CASE("stages: the table runs in one order and every requirement comes earlier", "[extract][stages]") {
    const auto stages = kg::Extractor::stages();
    REQUIRE(stages.size() >= 10);
    CHECK(stages.front().name == "headlines");
    CHECK(stages.back().name == "resolution");
    std::vector<kg::Layer> assigned{kg::Layer::tokens};
    for (const auto& s : stages) {
        for (kg::Layer l : s.needs) CHECK(std::find(assigned.begin(), assigned.end(), l) != assigned.end());
        assigned.insert(assigned.end(), s.assigns.begin(), s.assigns.end());
        CHECK(!s.does.empty());
    }
}

TEST_CASE("stages: a stage run before what it needs is refused, naming the stage to run first", "[extract][stages]") {
    kg::Document doc;
    doc.id = "t.txt";
    doc.text = "Ruritania met Elbonia.";
    doc.language = "en";
    kg::AnnotatedDocument a = extractor().prepare(std::move(doc));
    try {
        extractor().run_stage("name_shapes", a);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::usage);
        CHECK(e.message().find("headlines") != std::string::npos);
    }
    CHECK_THROWS_AS(extractor().run_stage("no_such_stage", a), kg::Error);
}

TEST_CASE("stages: the whole pipeline equals the stages run one by one", "[extract][stages]") {
    const std::string text = "Ruritanian President Flavia Elphberg met Rudolf Rassendyll in Strelsau. They signed the Zenda Accord.";
    kg::Document doc;
    doc.id = "t.txt";
    doc.text = text;
    doc.language = "en";
    const kg::AnnotatedDocument whole = extractor().extract(std::move(doc));
    const kg::AnnotatedDocument steps = through(text, "resolution");
    CHECK(mentions_of(whole) == mentions_of(steps));
    CHECK(relations_of(whole, true) == relations_of(steps, true));
}

TEST_CASE("annotation: JSON Lines offsets point at the text they quote", "[extract][annotation]") {
    kg::Document doc;
    doc.id = "t.txt";
    doc.text = "Ruritanian President Flavia Elphberg visited Strelsau. \"Quoted\" \\ text.";
    doc.language = "en";
    const auto a = extractor().extract(std::move(doc));
    std::ostringstream jsonl;
    kg::write_annotation_jsonl(jsonl, a, world().onto);
    const std::string line = jsonl.str();
    CHECK(std::count(line.begin(), line.end(), '\n') == 1);
    CHECK(line.find("\"text\":\"Flavia Elphberg\"") != std::string::npos);
    CHECK(line.find("\"type\":\"leader_of\"") != std::string::npos);
    CHECK(line.find("\"trigger_span\":[11,20]") != std::string::npos); // "President"
    std::ostringstream text;
    kg::write_annotation_text(text, a, world().onto);
    CHECK(text.str().find("[Person Flavia Elphberg] visited [Place Strelsau]") != std::string::npos);
    CHECK(text.str().find("-> flavia_elphberg visited strelsau") != std::string::npos);
}

TEST_CASE("stages: agreements described in common words get their identity from actors and targets", "[extract][stages]") {
    // Two descriptions, one treaty: the parties make it one; the kind comes from the head.
    const auto a = through("Ruritania and Elbonia signed the mutual defence treaty. The pact between Ruritania and Elbonia holds.",
                           "resolution");
    std::vector<std::string> agreements;
    for (const auto& e : a.entities)
        if (e.type == "Agreement") agreements.push_back(e.id);
    CHECK(agreements == std::vector<std::string>{"treaty_elbonia_ruritania"});
}
