// SPDX-License-Identifier: Apache-2.0
// kg/ontology/ontology.hpp: loading ontology directories (classes, relations, gazetteer,
// languages), merging records by id, and errors that name FILE:LINE:COL.
#include "kg/ontology/ontology.hpp"

#include <sys/stat.h>

#include "kg/error.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

constexpr const char* kClasses = R"({"classes": [
  {"name": "Person", "coarse": "Actor", "schema_org": "Person", "display": {"en": "person", "it": "persona"}},
  {"name": "State", "coarse": "Actor", "labels": ["Actor", "State", "Country"], "schema_org": "Country"},
  {"name": "Place", "coarse": "Place"}
]}
)";

constexpr const char* kRelations = R"({"relations": [
  {"name": "leader_of", "domain": ["Person"], "range": ["State"], "display": {"en": "leader of", "it": "guida"}},
  {"name": "member_of", "domain": ["Person"], "range": ["State"]},
  {"name": "met", "domain": ["Person"], "range": ["Person"], "symmetric": true},
  {"name": "mentioned_with", "scored": false}
]}
)";

constexpr const char* kStates = R"({"entities": [
  {"id": "north_korea", "type": "State", "label": "North Korea", "wikidata": "Q423", "iso": "KP",
   "capital": "pyongyang",
   "aliases": {"*": ["DPRK"], "it": ["Corea del Nord", "RPDC"], "en": ["North Korea"]},
   "demonyms": {"it": ["nordcoreano", "nordcoreana"], "en": ["North Korean"]}},
  {"id": "pyongyang", "type": "Place", "wikidata": "Q18808", "located_in": "north_korea",
   "aliases": {"*": ["Pyongyang"]}}
]}
)";

constexpr const char* kItalian = R"({"code": "it",
 "function_words": ["il", "La", "di"],
 "elision_prefixes": ["l'", "dell’", "all"],
 "abbreviations": ["Sig.", "U.S."],
 "boilerplate": ["Leggi anche", "Lascia  un commento"],
 "not_name_words": ["Lunedì"],
 "name_connectors": ["di"],
 "roles": [{"phrase": "il ministro degli Esteri", "relation": "member_of"},
           {"phrase": "il presidente", "relation": "leader_of"}],
 "organization_heads": ["Ministero"],
 "place_heads": ["piazza"],
 "agreement_heads": ["trattato"],
 "weapon_heads": ["missile"],
 "given_names": ["Sergei"],
 "locative_prepositions": ["a", "nella"],
 "months": {"Gennaio": 1, "dicembre": 12},
 "weekdays": ["Lunedì"]}
)";

/// A small valid ontology directory: classes, relations, one gazetteer, one language.
void write_base(const kg::test::TempDir& tmp, const std::string& dir = "base") {
    tmp.write(dir + "/classes.json", kClasses);
    tmp.write(dir + "/relations.json", kRelations);
    tmp.write(dir + "/gazetteer/states.json", kStates);
    tmp.write(dir + "/languages/it.json", kItalian);
}

/// Load and expect a kg::Error; returns it for further checks.
kg::Error load_error(const std::vector<std::string>& dirs) {
    try {
        kg::load_ontology(dirs);
    } catch (const kg::Error& e) {
        return e;
    }
    FAIL("load_ontology did not throw");
    throw; // unreachable
}

template <class C, class V>
bool contains(const C& c, const V& v) {
    return std::find(c.begin(), c.end(), v) != c.end();
}

bool mentions(const kg::Error& e, const std::string& s) { return std::string(e.what()).find(s) != std::string::npos; }

} // namespace

TEST_CASE("ontology: a small directory fills classes, relations, entities and languages", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    const kg::Ontology o = kg::load_ontology({tmp / "base"});

    REQUIRE(o.classes.size() == 3);
    const kg::ClassDef* person = o.find_class("Person");
    REQUIRE(person);
    CHECK(person->coarse == "Actor");
    CHECK(person->labels == std::vector<std::string>{"Actor", "Person"}); // default labels
    CHECK(person->schema_org == "Person");
    CHECK(person->display.at("it") == "persona");
    CHECK(o.find_class("State")->labels == std::vector<std::string>{"Actor", "State", "Country"});
    CHECK(o.find_class("Place")->labels == std::vector<std::string>{"Place"}); // coarse == fine
    CHECK(o.coarse_of("State") == "Actor");
    CHECK(o.coarse_of("Dragon").empty());
    CHECK(o.find_class("Dragon") == nullptr);

    REQUIRE(o.relations.size() == 4);
    const kg::RelationDef* leader = o.find_relation("leader_of");
    REQUIRE(leader);
    CHECK(leader->domain == std::vector<std::string>{"Person"});
    CHECK(leader->range == std::vector<std::string>{"State"});
    CHECK_FALSE(leader->symmetric);
    CHECK(leader->scored);
    CHECK(leader->display.at("it") == "guida");
    CHECK(o.find_relation("met")->symmetric);
    CHECK_FALSE(o.find_relation("mentioned_with")->scored);
    CHECK(o.find_relation("mentioned_with")->domain.empty());

    const kg::EntityRecord* nk = o.find_entity("north_korea");
    REQUIRE(nk);
    CHECK(nk->type == "State");
    CHECK(nk->label == "North Korea");
    CHECK(nk->wikidata == "Q423");
    CHECK(nk->iso == "KP");
    CHECK(nk->capital == "pyongyang");
    CHECK(nk->aliases.at("*") == std::vector<std::string>{"DPRK"});
    CHECK(nk->aliases.at("it") == std::vector<std::string>{"Corea del Nord", "RPDC"});
    CHECK(nk->demonyms.at("it") == std::vector<std::string>{"nordcoreano", "nordcoreana"});
    CHECK(nk->source.find("states.json:2:") != std::string::npos);
    CHECK(kg::Ontology::graph_id(*nk) == "Q423");
    const kg::EntityRecord* pyongyang = o.find_entity("pyongyang");
    REQUIRE(pyongyang);
    CHECK(pyongyang->located_in == "north_korea");
    CHECK(pyongyang->label == "Pyongyang"); // no label: the first alias

    const kg::LanguageData* it = o.find_language("it");
    REQUIRE(it);
    CHECK(it->code == "it");
    CHECK(o.find_language("en") == nullptr);
    CHECK(it->function_words == std::set<std::string>{"il", "la", "di"});
    CHECK(it->segmentation.elision_prefixes == std::vector<std::string>{"l", "dell", "all"});
    CHECK(it->segmentation.abbreviations == std::vector<std::string>{"sig", "u.s"});
    CHECK(it->segmentation.boilerplate == std::vector<std::string>{"leggi anche", "lascia un commento"});
    CHECK(it->not_name_words.count("luned\xC3\xAC"));
    REQUIRE(it->roles.size() == 2);
    CHECK(it->roles[0].phrase == "il ministro degli Esteri");
    CHECK(it->roles[0].words == std::vector<std::string>{"il", "ministro", "degli", "esteri"});
    CHECK(it->roles[0].relation == "member_of");
    CHECK(it->roles[1].relation == "leader_of");
    CHECK(it->organization_heads.count("ministero"));
    CHECK(it->place_heads.count("piazza"));
    CHECK(it->agreement_heads.count("trattato"));
    CHECK(it->weapon_heads.count("missile"));
    CHECK(it->given_names.count("sergei"));
    CHECK(it->locative_prepositions.count("nella"));
    CHECK(it->months.at("gennaio") == 1);
    CHECK(it->months.at("dicembre") == 12);
    CHECK(it->weekdays.count("luned\xC3\xAC"));

    CHECK(o.files.size() == 4);
}

TEST_CASE("ontology: records with the same id in two files merge their aliases", "[ontology][merge]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/zz_more.json", R"({"entities": [
  {"id": "north_korea", "wikidata": "Q423",
   "aliases": {"it": ["Nordcorea", "Corea del Nord"], "fr": ["Cor\u00e9e du Nord"]},
   "demonyms": {"en": ["North Korean", "DPRK's"]}}
]})");
    const kg::Ontology o = kg::load_ontology({tmp / "base"});
    const kg::EntityRecord* nk = o.find_entity("north_korea");
    REQUIRE(nk);
    CHECK(nk->aliases.at("it") == std::vector<std::string>{"Corea del Nord", "RPDC", "Nordcorea"});
    CHECK(nk->aliases.at("fr") == std::vector<std::string>{"Cor\xC3\xA9" "e du Nord"});
    CHECK(nk->aliases.at("*") == std::vector<std::string>{"DPRK"});
    CHECK(nk->demonyms.at("en") == std::vector<std::string>{"North Korean", "DPRK's"});
    CHECK(nk->type == "State"); // kept from the first file
    CHECK(nk->source.find("states.json") != std::string::npos); // the first record
}

TEST_CASE("ontology: a field set to two different values is a conflict naming both places", "[ontology][merge]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/zz_more.json", "{\"entities\": [\n  {\"id\": \"north_korea\", \"wikidata\": \"Q424\"}\n]}\n");
    const kg::Error e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_conflict);
    CHECK(e.file() == tmp / "base/gazetteer/zz_more.json");
    CHECK(e.line() == 2);
    CHECK(e.column() == 37); // the value "Q424"
    CHECK(mentions(e, "states.json:2:"));
    CHECK(mentions(e, "Q423"));
    CHECK(mentions(e, "Q424"));
}

TEST_CASE("ontology: the same id in another type is a conflict", "[ontology][merge]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/zz_more.json", R"({"entities": [{"id": "pyongyang", "type": "State"}]})");
    CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_conflict);
}

TEST_CASE("ontology: a JSON syntax error gives its line and column", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    // Line 3 lacks the comma between "State" and "coarse": the parser stops at column 20.
    tmp.write("base/classes.json", "{\"classes\": [\n"
                                   "  {\"name\": \"Person\", \"coarse\": \"Actor\"},\n"
                                   "  {\"name\": \"State\" \"coarse\": \"Actor\"}\n"
                                   "]}\n");
    const kg::Error e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_syntax);
    CHECK(e.file() == tmp / "base/classes.json");
    CHECK(e.line() == 3);
    CHECK(e.column() == 20);
    CHECK(mentions(e, tmp / "base/classes.json:3:20"));
}

TEST_CASE("ontology: syntax error columns count code points", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    // A trailing comma: the error is at the '}' in column 22 (byte 23: Š is two bytes).
    tmp.write("base/gazetteer/people.json", "{\"entities\": [\n"
                                            "  {\"label\": \"\xC5\xA0ojgu\", }\n"
                                            "]}\n");
    const kg::Error e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_syntax);
    CHECK(e.line() == 2);
    CHECK(e.column() == 22);
}

TEST_CASE("ontology: more syntax errors", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("an unterminated file") {
        tmp.write("base/gazetteer/people.json", "{\"entities\": [\n");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_syntax);
    }
    SECTION("an empty file") {
        tmp.write("base/gazetteer/people.json", "");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_syntax);
    }
    SECTION("text after the document") {
        tmp.write("base/gazetteer/people.json", "{\"entities\": []}\n}\n");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_syntax);
        CHECK(e.line() == 2);
        CHECK(e.column() == 1);
    }
    SECTION("invalid UTF-8") {
        tmp.write("base/gazetteer/people.json", "{\"entities\": [\n  {\"id\": \"a\xFF\"}]}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_syntax);
        CHECK(e.line() == 2);
        CHECK(e.column() == 12);
    }
}

TEST_CASE("ontology: a value of the wrong type is a schema error at that value", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/people.json", "{\"entities\": [\n"
                                            "  {\"id\": \"kim_jong_un\", \"type\": \"Person\",\n"
                                            "   \"aliases\": \"x\"}\n"
                                            "]}\n");
    const kg::Error e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_schema);
    CHECK(e.file() == tmp / "base/gazetteer/people.json");
    CHECK(e.line() == 3);
    CHECK(e.column() == 15);
    CHECK(mentions(e, "aliases"));
}

TEST_CASE("ontology: wrong types inside lists and objects", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("a number in an alias list") {
        tmp.write("base/gazetteer/people.json", "{\"entities\": [\n"
                                                "  {\"id\": \"kim\", \"type\": \"Person\", \"aliases\": {\"en\": [\"Kim\", 42]}}\n"
                                                "]}\n");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(e.line() == 2);
        CHECK(e.column() == 61);
    }
    SECTION("a string for a boolean") {
        tmp.write("base/relations.json", "{\"relations\": [\n  {\"name\": \"met\", \"symmetric\": \"yes\"}\n]}\n");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(e.line() == 2);
        CHECK(e.column() == 32);
    }
    SECTION("a top level that is not an object") {
        tmp.write("base/gazetteer/people.json", "[]");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
    SECTION("a missing required field") {
        tmp.write("base/gazetteer/people.json", "{\"entities\": [{\"type\": \"Person\"}]}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "\"id\""));
    }
    SECTION("a month out of range") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"months\": {\"january\": 13}}");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
    SECTION("a role with an unknown relation") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"roles\": [{\"phrase\": \"President\", \"relation\": \"boss_of\"}]}");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
    SECTION("an alias language that is not a code") {
        tmp.write("base/gazetteer/people.json", R"({"entities": [{"id": "kim", "type": "Person", "aliases": {"English": ["Kim"]}}]})");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
    SECTION("an empty alias") {
        tmp.write("base/gazetteer/people.json", R"({"entities": [{"id": "kim", "type": "Person", "aliases": {"en": [""]}}]})");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
    SECTION("an id that is not a slug") {
        tmp.write("base/gazetteer/people.json", R"({"entities": [{"id": "Kim Jong-un", "type": "Person"}]})");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
}

TEST_CASE("ontology: an unknown field is a schema error naming it at its line", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/people.json", "{\"entities\": [\n"
                                            "  {\"id\": \"kim_jong_un\", \"type\": \"Person\",\n"
                                            "   \"alias\": {\"en\": [\"Kim\"]}}\n"
                                            "]}\n");
    const kg::Error e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_schema);
    CHECK(e.line() == 3);
    CHECK(e.column() == 4);
    CHECK(mentions(e, "\"alias\""));
}

TEST_CASE("ontology: an unknown field in a language file or a class is an error", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("language") {
        tmp.write("base/languages/en.json", "{\"code\": \"en\",\n \"function_word\": [\"the\"]}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(e.line() == 2);
        CHECK(e.column() == 2);
        CHECK(mentions(e, "function_word"));
    }
    SECTION("class") {
        tmp.write("base/classes.json", "{\"classes\": [{\"name\": \"Person\", \"coarse\": \"Actor\", \"label\": \"x\"}]}");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
}

TEST_CASE("ontology: a gazetteer entity of an unknown class is an error", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/people.json", "{\"entities\": [\n  {\"id\": \"smaug\", \"type\": \"Dragon\"}\n]}\n");
    const kg::Error e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_schema);
    CHECK(e.line() == 2);
    CHECK(e.column() == 27);
    CHECK(mentions(e, "Dragon"));
}

TEST_CASE("ontology: a relation with an unknown class is an error", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/relations.json", R"({"relations": [{"name": "rides", "domain": ["Person"], "range": ["Dragon"]}]})");
    CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
}

TEST_CASE("ontology: an entity without a type is an error", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/people.json", R"({"entities": [{"id": "nobody", "label": "Nobody"}]})");
    const kg::Error e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_schema);
    CHECK(mentions(e, "nobody"));
}

TEST_CASE("ontology: a dangling capital, seat or location reference is an error", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("capital") {
        tmp.write("base/gazetteer/zz.json", R"({"entities": [{"id": "atlantis_state", "type": "State", "capital": "atlantis"}]})");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "atlantis"));
        CHECK(mentions(e, "zz.json"));
    }
    SECTION("located_in") {
        tmp.write("base/gazetteer/zz.json", R"({"entities": [{"id": "x", "type": "Place", "located_in": "nowhere"}]})");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
    SECTION("seat_of") {
        tmp.write("base/gazetteer/zz.json", R"({"entities": [{"id": "x", "type": "Place", "seat_of": "nowhere"}]})");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
}

TEST_CASE("ontology: a person's affiliation is a reference to a known body", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("known") {
        tmp.write("base/gazetteer/people.json", R"({"entities": [{"id": "kim", "type": "Person", "affiliation": "north_korea"}]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base"});
        CHECK(onto.find_entity("kim")->affiliation == "north_korea");
    }
    SECTION("dangling") {
        tmp.write("base/gazetteer/people.json", R"({"entities": [{"id": "kim", "type": "Person", "affiliation": "nowhere"}]})");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "affiliation"));
        CHECK(mentions(e, "nowhere"));
    }
}

TEST_CASE("ontology: a body's kind is one the languages name, on a body of a known whole", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("extra/languages/xx.json", R"({"code": "en", "body_kinds": {"defence_ministry": ["defence ministry"]}})");
    SECTION("known") {
        tmp.write("extra/gazetteer/bodies.json",
                  R"({"entities": [{"id": "mod", "type": "State", "part_of": "north_korea", "body_kind": "defence_ministry"}]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base", tmp / "extra"});
        CHECK(onto.find_entity("mod")->body_kind == "defence_ministry");
        CHECK(onto.languages.at("en").body_kinds.at("defence_ministry").size() == 1);
    }
    SECTION("unknown kind") {
        tmp.write("extra/gazetteer/bodies.json",
                  R"({"entities": [{"id": "mod", "type": "State", "part_of": "north_korea", "body_kind": "navy_ministry"}]})");
        const kg::Error e = load_error({tmp / "base", tmp / "extra"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "navy_ministry"));
    }
    SECTION("no whole") {
        tmp.write("extra/gazetteer/bodies.json", R"({"entities": [{"id": "mod", "type": "State", "body_kind": "defence_ministry"}]})");
        CHECK(load_error({tmp / "base", tmp / "extra"}).code() == kg::Errc::ontology_schema);
    }
    SECTION("a kind that is no id") {
        tmp.write("extra/languages/xx.json", R"({"code": "en", "body_kinds": {"Defence Ministry": ["defence ministry"]}})");
        CHECK(load_error({tmp / "base", tmp / "extra"}).code() == kg::Errc::ontology_schema);
    }
}

TEST_CASE("ontology: a role's body classes, a stance relation, infinitive markers", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("read") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "roles": [{"phrase": "professor", "relation": "member_of", "body_classes": ["State"]}]})");
        tmp.write("extra/relations.json", R"({"relations": [{"name": "opposes", "domain": ["State"], "range": ["State"], "stance": true}]})");
        tmp.write("extra/triggers/en.json", R"({"code": "en", "relations": {}, "infinitive_markers": ["to"]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base", tmp / "extra"});
        const kg::RoleDef& role = onto.languages.at("en").roles.front();
        CHECK(role.admits_body(onto.class_id("State")));
        CHECK_FALSE(role.admits_body(onto.class_id("Person")));
        CHECK(onto.find_relation("opposes")->stance);
        CHECK_FALSE(onto.find_relation("met")->stance);
        CHECK(onto.languages.at("en").infinitive_markers.count("to") == 1);
    }
    SECTION("an unknown body class") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "roles": [{"phrase": "professor", "relation": "member_of", "body_classes": ["University"]}]})");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "University"));
    }
    SECTION("body classes without a relation") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "roles": [{"phrase": "professor", "body_classes": ["State"]}]})");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
}

TEST_CASE("ontology: a trigger's separable particle, exact words, and the language's particles", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/languages/xx.json", R"({"code": "en"})");
    SECTION("read") {
        tmp.write("extra/triggers/en.json",
                  R"({"code": "en", "relations": {"met": {"triggers": ["met", {"phrase": "came", "particle": "Together"},
                                                                     {"phrase": "Talks", "exact": true, "noun": true, "speaker": true}]}},
                      "separable_particles": ["together", "up"], "list_continuations": ["This includes"],
                      "companion_markers": ["accompanied by"]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base", tmp / "extra"});
        REQUIRE(onto.languages.at("en").list_continuations.size() == 1);
        CHECK(onto.languages.at("en").list_continuations[0].stems.size() == 2);
        CHECK(onto.languages.at("en").companion_markers.size() == 1);
        const kg::LanguageData& en = onto.languages.at("en");
        const auto& triggers = en.relation_cues.at("met").triggers;
        REQUIRE(triggers.size() == 3);
        CHECK(triggers[0].particle.empty());
        CHECK(triggers[1].particle == "together");
        CHECK_FALSE(triggers[1].exact);
        CHECK(triggers[2].exact);
        CHECK(triggers[2].noun);
        CHECK_FALSE(triggers[0].noun);
        CHECK(triggers[2].speaker);
        CHECK_FALSE(triggers[1].speaker);
        CHECK(triggers[2].keys == std::vector<std::string>{"talks"});
        CHECK(en.separable_particles.count("up") == 1);
    }
    SECTION("a particle of two words is refused at its place") {
        tmp.write("extra/triggers/en.json", "{\"code\": \"en\", \"relations\": {\"met\": {\"triggers\": [\n"
                                            "  {\"phrase\": \"came\", \"particle\": \"up to\"}]}}}");
        const kg::Error e = load_error({tmp / "base", tmp / "extra"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "en.json:2"));
        CHECK(mentions(e, "particle"));
    }
}

TEST_CASE("ontology: group words with their number, plural subject pronouns, subordinators", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("read") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "pair_words": ["two"], "group_words": {"Three": 3, "four": 4}})");
        tmp.write("extra/triggers/en.json", R"({"code": "en", "plural_subject_pronouns": ["They"], "subordinators": ["Where", "when"]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base", tmp / "extra"});
        const kg::LanguageData& en = onto.languages.at("en");
        CHECK(en.group_words == std::map<std::string, int>{{"three", 3}, {"four", 4}});
        CHECK(en.plural_subject_pronouns == std::set<std::string>{"they"});
        CHECK(en.subordinators == std::set<std::string>{"when", "where"});
    }
    SECTION("a group of two is pair_words' and refused at its place") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\",\n  \"group_words\": {\"two\": 2}}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "xx.json:2"));
        CHECK(mentions(e, "group size"));
    }
    SECTION("a number that is no integer") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "group_words": {"three": "3"}})");
        CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
    }
}

TEST_CASE("ontology: what aims an agreement, what refers back to one, relative pronouns, infinitive endings, capacities, person nouns", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("read") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "agreement_target_verbs": ["targets"], "capacity_markers": ["as", "In Capacity Of"], "person_nouns": ["leaders"],
                                               "agreement_references": {"sanctions": ["Measures"]}})");
        tmp.write("extra/triggers/en.json", R"({"code": "en", "relations": {}, "relative_pronouns": ["which"],
                                               "infinitive_endings": ["are"], "predicative_verbs": ["regards"], "predicative_markers": ["As"]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base", tmp / "extra"});
        const kg::LanguageData& en = onto.languages.at("en");
        CHECK(en.agreement_target_verbs.count("target") == 1); // stemmed
        CHECK(en.agreement_references.at("measures") == "sanctions");
        CHECK(en.relative_pronouns.count("which") == 1);
        CHECK(en.infinitive_endings == std::vector<std::string>{"are"});
        CHECK(en.predicative_verbs == std::set<std::string>{"regard"}); // stemmed
        CHECK(en.predicative_markers == std::set<std::string>{"as"});
        CHECK(en.capacity_markers == std::vector<std::vector<std::string>>{{"as"}, {"in", "capacity", "of"}});
        CHECK(en.person_nouns.count("leaders") == 1);
    }
    SECTION("a kind that is no id") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\",\n \"agreement_references\": {\"Sanctions!\": [\"measures\"]}}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "xx.json:2"));
    }
}

TEST_CASE("ontology: a borrowed role takes no relation of its own, and the former markers", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("read") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "roles": [{"phrase": "counterpart", "borrowed": true}, {"phrase": "envoy"}],
                                               "former_markers": ["Former", "ex"]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base"});
        CHECK(onto.languages.at("en").former_markers == std::set<std::string>{"ex", "former"});
        const auto& roles = onto.languages.at("en").roles;
        REQUIRE(roles.size() == 2);
        CHECK(roles[0].borrowed);
        CHECK(roles[0].relation.empty());
        CHECK_FALSE(roles[1].borrowed);
    }
    SECTION("with a relation") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"roles\": [\n  {\"phrase\": \"counterpart\", \"relation\": \"member_of\", \"borrowed\": true}]}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "xx.json:2"));
        CHECK(mentions(e, "borrows"));
    }
    SECTION("not a boolean") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"roles\": [\n  {\"phrase\": \"counterpart\", \"borrowed\": \"yes\"}]}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(mentions(e, "xx.json:2"));
    }
}

TEST_CASE("ontology: a role's relation with its own organisation, and plural roles", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("read") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "roles": [{"phrase": "commander", "relation": "member_of", "organization_relation": "leader_of"}]})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base"});
        CHECK(onto.languages.at("en").roles.at(0).organization_relation == "leader_of");
    }
    SECTION("without a relation") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"roles\": [\n  {\"phrase\": \"commander\", \"organization_relation\": \"leader_of\"}]}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(mentions(e, "xx.json:2"));
        CHECK(mentions(e, "without a relation"));
    }
    SECTION("an unknown relation") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "roles": [{"phrase": "commander", "relation": "member_of", "organization_relation": "heads"}]})");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(mentions(e, "heads"));
    }
    SECTION("a plural role") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "roles": [{"phrase": "officials", "relation": "member_of", "plural": true}]})");
        CHECK(kg::load_ontology({tmp / "base"}).languages.at("en").roles.at(0).plural);
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"roles\": [\n  {\"phrase\": \"officials\", \"plural\": true}]}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(mentions(e, "xx.json:2"));
        CHECK(mentions(e, "plural role"));
    }
}

TEST_CASE("ontology: compass regions name a direction by where the word stands", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    SECTION("read") {
        tmp.write("base/languages/xx.json", R"({"code": "en", "compass_regions": {"before_name": {"Eastern": "east"},
                                               "of_name": {"north": "north", "centre": "centre"}}})");
        const kg::Ontology onto = kg::load_ontology({tmp / "base"});
        const auto& regions = onto.languages.at("en").compass_regions;
        CHECK(regions.before_name == std::map<std::string, std::string>{{"eastern", "east"}});
        CHECK(regions.after_name.empty());
        CHECK(regions.of_name.size() == 2);
        CHECK(regions.of_name.at("north") == "north");
    }
    SECTION("an unknown direction") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"compass_regions\": {\"of_name\":\n  {\"up\": \"upward\"}}}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(mentions(e, "xx.json:2"));
        CHECK(mentions(e, "upward"));
    }
    SECTION("two words") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"compass_regions\": {\"before_name\":\n  {\"north-eastern\": \"northeast\"}}}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(mentions(e, "xx.json:2"));
        CHECK(mentions(e, "one word"));
    }
    SECTION("an unknown position") {
        tmp.write("base/languages/xx.json", "{\"code\": \"en\", \"compass_regions\": {\n  \"inside_name\": {}}}");
        const kg::Error e = load_error({tmp / "base"});
        CHECK(mentions(e, "inside_name"));
    }
}

TEST_CASE("ontology: a relation implied at the place of another must exist", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("extra/relations.json", R"({"relations": [{"name": "talked", "domain": ["Person"], "range": ["Person"], "at_place": "toured"}]})");
    const kg::Error e = load_error({tmp / "base", tmp / "extra"});
    CHECK(e.code() == kg::Errc::ontology_schema);
    CHECK(mentions(e, "toured"));
    CHECK(mentions(e, "relations.json:1"));
}

TEST_CASE("ontology: a reference may point into a file or directory loaded later", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/a.json", R"({"entities": [{"id": "russia", "type": "State", "capital": "moscow"}]})");
    tmp.write("extra/gazetteer/places.json", R"({"entities": [{"id": "moscow", "type": "Place", "located_in": "russia"}]})");
    const kg::Ontology o = kg::load_ontology({tmp / "base", tmp / "extra"});
    REQUIRE(o.find_entity("russia"));
    CHECK(o.find_entity("russia")->capital == "moscow");
}

TEST_CASE("ontology: an invalid QID is an error", "[ontology][errors]") {
    for (const char* qid : {"q423", "Q", "Q0423", "Q42a", "423", "P31", ""}) {
        DYNAMIC_SECTION("wikidata \"" << qid << "\"") {
            kg::test::TempDir tmp;
            write_base(tmp);
            tmp.write("base/gazetteer/people.json",
                      std::string("{\"entities\": [\n  {\"id\": \"kim\", \"type\": \"Person\", \"wikidata\": \"") + qid + "\"}\n]}");
            const kg::Error e = load_error({tmp / "base"});
            CHECK(e.code() == kg::Errc::ontology_schema);
            CHECK(e.line() == 2);
            CHECK(e.column() == 47);
        }
    }
}

TEST_CASE("ontology: a second directory extends the first", "[ontology][merge]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("mine/gazetteer/extra.json", R"({"entities": [
  {"id": "north_korea", "aliases": {"en": ["Hermit Kingdom"]}},
  {"id": "kim_jong_un", "type": "Person", "label": "Kim Jong Un", "wikidata": "Q56226",
   "aliases": {"*": ["Kim Jong-un", "Kim"]}}
]})");
    tmp.write("mine/languages/it.json", R"({"code": "it", "boilerplate": ["Iscriviti alla newsletter"]})");
    const kg::Ontology o = kg::load_ontology({tmp / "base", tmp / "mine"});
    const kg::EntityRecord* nk = o.find_entity("north_korea");
    REQUIRE(nk);
    CHECK(nk->aliases.at("en") == std::vector<std::string>{"North Korea", "Hermit Kingdom"});
    CHECK(nk->wikidata == "Q423");
    REQUIRE(o.find_entity("kim_jong_un"));
    CHECK(o.find_entity("kim_jong_un")->wikidata == "Q56226");
    const kg::LanguageData* it = o.find_language("it");
    REQUIRE(it);
    CHECK(contains(it->segmentation.boilerplate, "leggi anche"));
    CHECK(contains(it->segmentation.boilerplate, "iscriviti alla newsletter"));
    CHECK(it->function_words.count("il")); // not lost by the second file
    CHECK(o.files.size() == 6);
    CHECK(o.files.back() == tmp / "mine/languages/it.json");
}

TEST_CASE("ontology: a second directory can add classes and relations", "[ontology][merge]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("mine/classes.json", R"({"classes": [{"name": "Weapon", "coarse": "Weapon"}]})");
    tmp.write("mine/relations.json", R"({"relations": [{"name": "possesses", "domain": ["State"], "range": ["Weapon"]}]})");
    const kg::Ontology o = kg::load_ontology({tmp / "base", tmp / "mine"});
    CHECK(o.classes.size() == 4);
    CHECK(o.find_class("Person")); // kept
    REQUIRE(o.find_relation("possesses"));
    CHECK(o.find_relation("leader_of"));
}

TEST_CASE("ontology: a missing directory or missing classes is an error", "[ontology][errors]") {
    kg::test::TempDir tmp;
    CHECK(load_error({tmp / "nowhere"}).code() == kg::Errc::io_error);
    tmp.write("empty/gazetteer/none.json", R"({"entities": []})");
    CHECK(load_error({tmp / "empty"}).code() == kg::Errc::ontology_schema);
}

TEST_CASE("ontology: what is neither data nor documentation is refused with its name", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/README.md", "# notes on the gazetteer");
    CHECK_NOTHROW(kg::load_ontology({tmp / "base"}));
    SECTION("a backup file") {
        tmp.write("base/gazetteer/states.json~", "{ broken");
        const auto e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(e.file().ends_with("states.json~"));
    }
    SECTION("an upper-case extension") {
        tmp.write("base/gazetteer/more.JSON", R"({"entities": []})");
        CHECK(load_error({tmp / "base"}).file().ends_with("more.JSON"));
    }
    SECTION("a misspelt folder") {
        tmp.write("base/gazeteer/more.json", R"({"entities": []})");
        const auto e = load_error({tmp / "base"});
        CHECK(e.code() == kg::Errc::ontology_schema);
        CHECK(e.file().ends_with("gazeteer"));
    }
    SECTION("a stray file at the top") {
        tmp.write("base/notes.txt", "not json at all {");
        CHECK(load_error({tmp / "base"}).file().ends_with("notes.txt"));
    }
}

TEST_CASE("ontology: a key given twice in one object is an error at its place", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/gazetteer/twice.json", "{\"entities\": [],\n \"entities\": []}");
    const auto e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::ontology_syntax);
    CHECK(e.line() == 2);
    CHECK(e.column() == 2);
}

TEST_CASE("ontology: a FIFO among the data files is refused, not waited on", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    const std::filesystem::path fifo = std::filesystem::path(tmp / "base") / "gazetteer" / "pipe.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto e = load_error({tmp / "base"});
    CHECK(e.code() == kg::Errc::io_error);
    CHECK(e.file() == fifo.string());
}

TEST_CASE("ontology: style.json fills the style table", "[ontology]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/style.json", R"({"classes": {"Person": {"shape": "ellipse", "fillcolor": "#fde"}},
 "relations": {"*": {"color": "#555"}, "met": {"style": "dashed"}}})");
    const kg::Ontology o = kg::load_ontology({tmp / "base"});
    CHECK(o.style.at("classes").at("Person").at("shape") == "ellipse");
    CHECK(o.style.at("relations").at("*").at("color") == "#555");
    CHECK(o.style.at("relations").at("met").at("style") == "dashed");
}

TEST_CASE("ontology: a style value that is not a string is an error", "[ontology][errors]") {
    kg::test::TempDir tmp;
    write_base(tmp);
    tmp.write("base/style.json", "{\"classes\": {\"Person\": {\"penwidth\": 2}}}");
    CHECK(load_error({tmp / "base"}).code() == kg::Errc::ontology_schema);
}

// ---- The bundled ontology ------------------------------------------------------------

namespace {

const kg::Ontology& bundled() {
    static const kg::Ontology o = kg::load_ontology({KG_ONTOLOGY_DIR});
    return o;
}

} // namespace

TEST_CASE("ontology: the bundled ontology loads", "[ontology][bundled]") {
    REQUIRE_NOTHROW(bundled());
    CHECK_FALSE(bundled().files.empty());
}

TEST_CASE("ontology: the bundled ontology has the six entity classes", "[ontology][bundled]") {
    const kg::Ontology& o = bundled();
    const std::vector<std::pair<std::string, std::string>> want = {
        {"Person", "Actor"}, {"State", "Actor"}, {"Organization", "Actor"},
        {"Agreement", "Agreement"}, {"Weapon", "Weapon"}, {"Place", "Place"}};
    CHECK(o.classes.size() == want.size());
    for (const auto& [fine, coarse] : want) {
        INFO("class " << fine);
        const kg::ClassDef* c = o.find_class(fine);
        REQUIRE(c);
        CHECK(c->coarse == coarse);
        CHECK(contains(c->labels, fine));
    }
}

TEST_CASE("ontology: the bundled ontology has every relation of the guideline", "[ontology][bundled]") {
    const kg::Ontology& o = bundled();
    const std::vector<std::string> scored = {
        "leader_of", "member_of", "visited", "met", "signed", "ratified", "vetoed", "sanctioned",
        "supplied", "supplied_to", "deployed_to", "struck", "possesses", "supports", "opposes",
        "cooperates_with", "severed_ties_with", "recognized", "located_in"};
    for (const auto& name : scored) {
        INFO("relation " << name);
        const kg::RelationDef* r = o.find_relation(name);
        REQUIRE(r);
        CHECK(r->scored);
        const bool symmetric = name == "met" || name == "cooperates_with" || name == "severed_ties_with";
        CHECK(r->symmetric == symmetric);
    }
    const kg::RelationDef* co = o.find_relation("mentioned_with");
    REQUIRE(co);
    CHECK_FALSE(co->scored);
    CHECK(o.relations.size() == scored.size() + 1);
}

TEST_CASE("ontology: the bundled relations have the guideline's domains and ranges", "[ontology][bundled]") {
    const kg::Ontology& o = bundled();
    auto allows = [&](const std::string& rel, const std::string& subject, const std::string& object) {
        const kg::RelationDef* r = o.find_relation(rel);
        if (!r) return false;
        return (r->domain.empty() || contains(r->domain, subject)) && (r->range.empty() || contains(r->range, object));
    };
    CHECK(allows("leader_of", "Person", "State"));
    CHECK(allows("leader_of", "Person", "Organization"));
    CHECK_FALSE(allows("leader_of", "State", "Person"));
    CHECK(allows("met", "Person", "Person"));
    CHECK(allows("signed", "State", "Agreement"));
    CHECK(allows("vetoed", "State", "Agreement"));
    CHECK(allows("supplied", "State", "Weapon"));
    CHECK(allows("supplied_to", "State", "State"));
    CHECK(allows("struck", "Weapon", "Place"));
    CHECK(allows("located_in", "Place", "State"));
    CHECK(allows("located_in", "Place", "Place"));
    CHECK(allows("visited", "Person", "Place"));
    CHECK(allows("severed_ties_with", "State", "State"));
}

TEST_CASE("ontology: the bundled ontology has the five languages", "[ontology][bundled]") {
    const kg::Ontology& o = bundled();
    for (const char* code : {"it", "en", "fr", "es", "de"}) {
        INFO("language " << code);
        const kg::LanguageData* l = o.find_language(code);
        REQUIRE(l);
        CHECK(l->code == code);
        CHECK_FALSE(l->function_words.empty());
    }
    CHECK(contains(o.find_language("it")->segmentation.elision_prefixes, "l"));
}

TEST_CASE("ontology: the bundled ontology has the states with their ICU names", "[ontology][bundled]") {
    const kg::Ontology& o = bundled();
    const kg::EntityRecord* kp = nullptr;
    int states = 0;
    for (const auto& [id, e] : o.entities) {
        if (!e.iso.empty()) {
            ++states;
            CHECK(e.type == "State");
        }
        if (e.iso == "KP") kp = &e;
    }
    CHECK(states >= 200);
    REQUIRE(kp);
    CHECK(kp->type == "State");
    REQUIRE(kp->aliases.count("it"));
    CHECK(contains(kp->aliases.at("it"), "Corea del Nord"));
    REQUIRE(kp->aliases.count("de"));
    CHECK(contains(kp->aliases.at("de"), "Nordkorea"));
}
