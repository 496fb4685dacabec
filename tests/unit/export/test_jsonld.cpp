// SPDX-License-Identifier: Apache-2.0
// kg/export/jsonld.hpp: golden output, determinism, the shape readers rely on (counts of
// articles, entities, relations and mentions; Wikidata IRIs; the embedded context), every
// adversarial string read back with RapidJSON's reader, IRI minting, base IRI checks,
// HTML-safe output, reserved names and stream failures.
#include "kg/export/jsonld.hpp"
#include "kg/export/vocabulary.hpp"

#include "adversarial.hpp"
#include "golden.hpp"
#include "kg/error.hpp"

#include "graph_builders.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace {

using kg::ClaimStatus;
using Json = rapidjson::Value;

constexpr const char* kIt = "samples/it/2024-06-19-trattato.txt";
constexpr const char* kEn = "samples/en/2024-06-19-treaty.txt";
constexpr const char* kBase = "https://w3id.org/kgraph/id/";

using kg::test::entity;
using kg::test::evidence;

/// Two articles (Italian, English); five entities (two with QIDs, a person, an agreement, a
/// weapon without QID); five relations: signed with a date, a symmetric cooperates_with with
/// reported (attributed) and asserted evidence, member_of with a role, supplied with a
/// quantity and a year, and a mentioned_with whose sentence holds quotes, '<', '&' and a tab.
kg::KnowledgeGraph small_graph() {
    kg::KnowledgeGraph kg;
    kg.add_document(kg::test::document(kIt, "it", 2048, "Putin e Kim firmano il trattato"));
    kg.add_document(kg::test::document(kEn, "en", 1024, "Putin and Kim sign a defence pact"));
    const auto ru = kg.add_entity(entity("Q159", "Russia", "State", "Actor",
                                         {"Federazione Russa", "Mosca", "Russia"}, {kIt, kEn}, 7, "Q159"));
    const auto kp = kg.add_entity(entity("Q423", "North Korea", "State", "Actor",
                                         {"Corea del Nord", "Pyongyang", "\xEC\xA1\xB0\xEC\x84\xA0"}, {kIt, kEn},
                                         5, "Q423"));
    const auto lavrov = kg.add_entity(entity("sergey_lavrov", "Sergey Lavrov", "Person", "Actor",
                                             {"Lavrov", "\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 "
                                                        "\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2"},
                                             {kIt}, 2));
    const auto treaty = kg.add_entity(entity("comprehensive_strategic_partnership_treaty",
                                             "Comprehensive Strategic Partnership Treaty", "Agreement",
                                             "Agreement",
                                             {"Partnership & Cooperation Treaty",
                                              "trattato di partenariato strategico globale"},
                                             {kIt}, 1));
    const auto missiles = kg.add_entity(entity("ballistic_missiles", "missili balistici", "Weapon", "Weapon",
                                               {"missili balistici"}, {kEn}, 1));

    auto signed_ev = evidence(kIt, 120, "La Russia ha firmato il trattato di partenariato strategico globale.");
    signed_ev.date = "2024-06-19";
    kg.add_relation(ru, treaty, "signed", signed_ev, false);

    auto coop_it = evidence(kIt, 310, "\xC2\xAB" "Cooperazione\xC2\xBB tra Mosca e Pyongyang, ha detto Lavrov.",
                            ClaimStatus::reported);
    coop_it.attributed_to = "sergey_lavrov";
    kg.add_relation(kp, ru, "cooperates_with", coop_it, true);
    auto coop_en = evidence(kEn, 44, "Russia and North Korea pledged cooperation.");
    coop_en.date = "2024-06";
    kg.add_relation(kp, ru, "cooperates_with", coop_en, true);

    auto member = evidence(kIt, 250, "il ministro degli Esteri Sergey Lavrov");
    member.role = "ministro degli Esteri";
    kg.add_relation(lavrov, ru, "member_of", member, false);

    auto supplied = evidence(kEn, 500, "North Korea allegedly supplied 12 million shells and ballistic missiles.",
                             ClaimStatus::alleged);
    supplied.quantity = "12 million shells";
    supplied.date = "2024";
    kg.add_relation(kp, missiles, "supplied", supplied, false);

    kg.add_relation(kp, lavrov, "mentioned_with",
                    evidence(kIt, 400, "Lavrov <in Pyongyang> said:\t\"A & B\" -- 'done'. </script>"), true);
    return kg;
}

// The options the program uses: the vocabulary of the bundled ontology.
const kg::JsonldOptions& bundled() {
    static const kg::JsonldOptions options = [] {
        const kg::Ontology onto = kg::load_ontology({KG_ONTOLOGY_DIR});
        kg::JsonldOptions o;
        o.vocabulary = kg::jsonld_vocabulary(onto);
        o.canonical_ids = kg::canonical_ids(onto);
        return o;
    }();
    return options;
}

std::string to_jsonld(const kg::KnowledgeGraph& kg, const kg::JsonldOptions& options = bundled()) {
    std::ostringstream out;
    kg::write_jsonld(kg, out, options);
    return out.str();
}

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    INFO("offset " << doc.GetErrorOffset() << ": " << rapidjson::GetParseError_En(doc.GetParseError()));
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    return doc;
}

std::string str(const Json& v) {
    REQUIRE(v.IsString());
    return std::string(v.GetString(), v.GetStringLength());
}

/// The @type of a node as a list (a single string or an array).
std::vector<std::string> types_of(const Json& node) {
    std::vector<std::string> out;
    if (!node.HasMember("@type")) return out;
    const Json& t = node["@type"];
    if (t.IsString()) out.push_back(str(t));
    else
        for (const auto& x : t.GetArray()) out.push_back(str(x));
    return out;
}

bool has_type(const Json& node, std::string_view type) {
    for (const auto& t : types_of(node))
        if (t == type) return true;
    return false;
}

const Json* find_node(const Json& doc, std::string_view id) {
    for (const auto& node : doc["@graph"].GetArray())
        if (node.HasMember("@id") && str(node["@id"]) == id) return &node;
    return nullptr;
}

struct Counts {
    std::size_t articles = 0, entities = 0, relations = 0, cooccurrences = 0, mentions = 0, direct = 0;
};

Counts count(const Json& doc) {
    Counts c;
    for (const auto& node : doc["@graph"].GetArray()) {
        if (has_type(node, "NewsArticle")) ++c.articles;
        if (has_type(node, "kg:Entity")) {
            ++c.entities;
            for (const auto& m : node.GetObject()) {
                const std::string name = str(m.name);
                if (name.rfind("kg:", 0) == 0 && name != "kg:mentionCount" && name != "kg:documentCount")
                    c.direct += m.value.Size();
            }
        }
        if (has_type(node, "kg:Relation")) {
            ++c.relations;
            if (has_type(node, "kg:Cooccurrence")) ++c.cooccurrences;
            for (const auto& m : node["prov:wasDerivedFrom"].GetArray()) {
                CHECK(has_type(m, "oa:Annotation"));
                ++c.mentions;
            }
        }
    }
    return c;
}

/// A stream buffer that accepts `capacity` bytes, then fails.
class FullBuffer : public std::streambuf {
public:
    explicit FullBuffer(std::size_t capacity) : left_(capacity) {}

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        if (left_ == 0) return traits_type::eof();
        --left_;
        return c;
    }

private:
    std::size_t left_;
};

/// Where an adversarial string is put.
enum class Place { label, alias, evidence, title, id, role };

constexpr Place kPlaces[] = {Place::label, Place::alias, Place::evidence, Place::title, Place::id, Place::role};

const char* place_name(Place p) {
    switch (p) {
    case Place::label: return "label";
    case Place::alias: return "alias";
    case Place::evidence: return "evidence";
    case Place::title: return "title";
    case Place::id: return "id";
    case Place::role: return "role";
    }
    return "?";
}

kg::KnowledgeGraph graph_with(Place place, const std::string& value) {
    kg::KnowledgeGraph kg;
    kg.add_document(kg::test::document("doc.txt", "it", 10, place == Place::title ? value : "Title"));
    const auto x = kg.add_entity(entity(place == Place::id ? value : "x", place == Place::label ? value : "X",
                                        "Person", "Actor",
                                        place == Place::alias ? std::set<std::string>{value} : std::set<std::string>{},
                                        {"doc.txt"}, 1));
    const auto y = kg.add_entity(entity("y", "Y", "State", "Actor", {}, {"doc.txt"}, 1));
    auto ev = evidence("doc.txt", 0, place == Place::evidence ? value : "text");
    if (place == Place::role) ev.role = value;
    kg.add_relation(x, y, "member_of", ev, false);
    return kg;
}

/// The value at `place` in the parsed output of graph_with(place, ...); false if absent.
bool value_at(const Json& doc, Place place, std::string& out) {
    const auto& graph = doc["@graph"];
    const Json& article = graph[0];
    const Json& x = graph[1];
    const Json& relation = graph[3];
    REQUIRE(has_type(article, "NewsArticle"));
    REQUIRE(has_type(x, "kg:Entity"));
    REQUIRE(has_type(relation, "kg:Relation"));
    const Json& mention = relation["prov:wasDerivedFrom"][0];
    switch (place) {
    case Place::label:
        if (!x.HasMember("name")) return false;
        out = str(x["name"]);
        return true;
    case Place::alias:
        out = str(x["alternateName"][0]);
        return true;
    case Place::evidence:
        out = str(graph[4]["oa:hasSelector"][1]["oa:exact"]); // the sentence, after the relation
        CHECK(str(graph[4]["@id"]) == str(mention["oa:hasTarget"]["@id"]));
        return true;
    case Place::title:
        if (!article.HasMember("headline")) return false;
        out = str(article["headline"]["@value"]);
        return true;
    case Place::id:
        out = str(x["identifier"]);
        return true;
    case Place::role:
        if (!mention.HasMember("kg:role")) return false;
        out = str(mention["kg:role"]);
        CHECK(str(relation["kg:role"][0]) == out);
        return true;
    }
    return false;
}

} // namespace

TEST_CASE("jsonld: small graph matches the golden file", "[jsonld][golden]") {
    kg::test::check_golden(to_jsonld(small_graph()), kg::test::golden_path("small.jsonld"));
}

TEST_CASE("jsonld: output is deterministic and byte-identical", "[jsonld]") {
    const auto graph = small_graph();
    const std::string first = to_jsonld(graph);
    CHECK(first == to_jsonld(graph));
    CHECK(first == to_jsonld(small_graph()));
    // Compact by default: no indentation, a line per node of the @graph.
    CHECK(first.find("\n ") == std::string::npos);
    CHECK(first.find("\n{\"@id\":") != std::string::npos);
    kg::JsonldOptions pretty = bundled();
    pretty.pretty = true;
    const std::string indented = to_jsonld(graph, pretty);
    CHECK(indented == to_jsonld(small_graph(), pretty));
    CHECK(indented.find("\n  \"@context\": {") != std::string::npos);
    CHECK(std::count(indented.begin(), indented.end(), '\n') > std::count(first.begin(), first.end(), '\n'));
    // Indentation is layout only: both parse to the same value.
    CHECK(parse(first) == parse(indented));
}

TEST_CASE("jsonld: valid JSON whose nodes match the graph", "[jsonld]") {
    const auto graph = small_graph();
    const auto doc = parse(to_jsonld(graph));
    REQUIRE(doc["@context"].IsObject());
    REQUIRE(doc["@graph"].IsArray());
    const Counts c = count(doc);
    std::size_t evidence = 0;
    for (auto [e, end] = boost::edges(graph.graph()); e != end; ++e) evidence += graph.relation(*e).evidence.size();
    CHECK(c.articles == 2);
    CHECK(c.entities == graph.entity_count());
    CHECK(c.relations == graph.relation_count());
    CHECK(c.cooccurrences == 1);
    CHECK(c.direct == graph.relation_count());
    CHECK(c.mentions == evidence);
    CHECK(c.mentions == 6);
}

TEST_CASE("jsonld: entities carry Wikidata IRIs, schema.org types and tagged names", "[jsonld]") {
    const auto doc = parse(to_jsonld(small_graph()));
    const Json* kp = find_node(doc, "http://www.wikidata.org/entity/Q423");
    REQUIRE(kp != nullptr);
    CHECK(types_of(*kp) == std::vector<std::string>{"Country", "kg:Entity", "kg:Actor", "kg:State"});
    CHECK(str((*kp)["identifier"]) == "Q423");
    CHECK(str((*kp)["name"]["@value"]) == "North Korea");
    CHECK(str((*kp)["name"]["@language"]) == "en");
    CHECK((*kp)["alternateName"].Size() == 3);
    CHECK((*kp)["kg:mentionCount"].GetUint() == 5);
    CHECK((*kp)["kg:documentCount"].GetUint() == 2);
    // Direct properties: cooperates_with (stored Q159 -> Q423, so not here), supplied, mentioned_with.
    CHECK_FALSE(kp->HasMember("kg:cooperates_with"));
    REQUIRE(kp->HasMember("kg:supplied"));
    CHECK(str((*kp)["kg:supplied"][0]) == std::string(kBase) + "entity/ballistic_missiles");
    const Json* ru = find_node(doc, "http://www.wikidata.org/entity/Q159");
    REQUIRE(ru != nullptr);
    CHECK(str((*ru)["kg:cooperates_with"][0]) == "http://www.wikidata.org/entity/Q423");

    const Json* weapon = find_node(doc, std::string(kBase) + "entity/ballistic_missiles");
    REQUIRE(weapon != nullptr);
    CHECK(has_type(*weapon, "Product"));
    CHECK(str((*weapon)["additionalType"]) == "http://www.wikidata.org/entity/Q728");
    // Not a canonical label: no language tag.
    CHECK(str((*weapon)["name"]) == "missili balistici");

    const Json* treaty = find_node(doc, std::string(kBase) + "entity/comprehensive_strategic_partnership_treaty");
    REQUIRE(treaty != nullptr);
    CHECK(has_type(*treaty, "Legislation"));

    // canonical_ids tags the label of an entity without QID.
    kg::JsonldOptions options = bundled();
    options.canonical_ids = {"comprehensive_strategic_partnership_treaty"};
    const auto tagged = parse(to_jsonld(small_graph(), options));
    const Json* t2 = find_node(tagged, std::string(kBase) + "entity/comprehensive_strategic_partnership_treaty");
    REQUIRE(t2 != nullptr);
    CHECK(str((*t2)["name"]["@language"]) == "en");
}

TEST_CASE("jsonld: relations are reified with status, dates and mentions", "[jsonld]") {
    const auto doc = parse(to_jsonld(small_graph()));
    const std::string base = kBase;
    const Json* coop = find_node(doc, base + "relation/Q159/cooperates_with/Q423");
    REQUIRE(coop != nullptr);
    CHECK(str((*coop)["kg:subject"]) == "http://www.wikidata.org/entity/Q159");
    CHECK(str((*coop)["kg:predicate"]) == "kg:cooperates_with");
    CHECK(str((*coop)["kg:object"]) == "http://www.wikidata.org/entity/Q423");
    CHECK(str((*coop)["kg:status"]) == "asserted");
    CHECK((*coop)["kg:weight"].GetUint() == 2);
    CHECK(str((*coop)["kg:date"][0]["@type"]) == "xsd:gYearMonth");
    CHECK(str((*coop)["kg:attributedTo"][0]) == base + "entity/sergey_lavrov");
    const auto& mentions = (*coop)["prov:wasDerivedFrom"];
    REQUIRE(mentions.Size() == 2);
    // Evidence order: by document, so the English article first.
    const Json& m0 = mentions[0];
    CHECK(str(m0["@id"]) ==
          base + "mention/samples%2Fen%2F2024-06-19-treaty.txt/44-87/Q159/cooperates_with/Q423");
    // The mention targets its sentence, a node of its own described once.
    const std::string sentence = base + "sentence/samples%2Fen%2F2024-06-19-treaty.txt/44-87";
    CHECK(str(m0["oa:hasTarget"]["@id"]) == sentence);
    CHECK(m0["oa:hasTarget"].MemberCount() == 1);
    const Json* found = find_node(doc, sentence);
    REQUIRE(found != nullptr);
    const Json& target = *found;
    CHECK(str(target["@type"]) == "oa:SpecificResource");
    CHECK(str(target["oa:hasSource"]) == base + "document/samples%2Fen%2F2024-06-19-treaty.txt");
    const Json& position = target["oa:hasSelector"][0];
    CHECK(str(position["@type"]) == "oa:TextPositionSelector");
    CHECK(str(position["@id"]) == sentence + "#position"); // no blank node
    CHECK(position["oa:start"].GetUint64() == 44); // code points: the builder's text before is ASCII
    CHECK(position["oa:end"].GetUint64() == 87);
    CHECK(position["kg:byteStart"].GetUint64() == 44);
    CHECK(position["kg:byteEnd"].GetUint64() == 87);
    CHECK(!position.HasMember("kg:offsetUnit"));
    CHECK(str(target["oa:hasSelector"][1]["oa:exact"]) == "Russia and North Korea pledged cooperation.");
    CHECK(str(mentions[1]["kg:status"]) == "reported");

    const Json* supplied = find_node(doc, base + "relation/Q423/supplied/ballistic_missiles");
    REQUIRE(supplied != nullptr);
    CHECK(str((*supplied)["kg:status"]) == "alleged");
    CHECK(str((*supplied)["kg:quantity"][0]) == "12 million shells");
    CHECK(str((*supplied)["kg:date"][0]["@type"]) == "xsd:gYear");

    const Json* signed_rel = find_node(doc, base + "relation/Q159/signed/comprehensive_strategic_partnership_treaty");
    REQUIRE(signed_rel != nullptr);
    CHECK(str((*signed_rel)["kg:date"][0]["@value"]) == "2024-06-19");
    CHECK(str((*signed_rel)["kg:date"][0]["@type"]) == "xsd:date");

    const Json* article = find_node(doc, base + "document/samples%2Fit%2F2024-06-19-trattato.txt");
    REQUIRE(article != nullptr);
    CHECK(str((*article)["headline"]["@language"]) == "it");
    CHECK(str((*article)["inLanguage"]) == "it");
    CHECK(str((*article)["identifier"]) == kIt);
    CHECK((*article)["mentions"].Size() == 4);
}

TEST_CASE("jsonld: the context is embedded and defines every term used", "[jsonld]") {
    const auto doc = parse(to_jsonld(small_graph()));
    const Json& ctx = doc["@context"];
    CHECK(str(ctx["schema"]) == "https://schema.org/");
    CHECK(str(ctx["wd"]) == "http://www.wikidata.org/entity/");
    CHECK(str(ctx["prov"]) == "http://www.w3.org/ns/prov#");
    CHECK(str(ctx["oa"]) == "http://www.w3.org/ns/oa#");
    CHECK(str(ctx["kg"]) == kg::kJsonldVocabulary);
    CHECK_FALSE(ctx.HasMember("@vocab"));
    CHECK(str(ctx["kg:signed"]["@type"]) == "@id");
    CHECK(str(ctx["kg:mentioned_with"]["@type"]) == "@id");

    // Every key and every @type value is a keyword, a prefixed name with a known prefix, or a
    // term of the context: nothing a JSON-LD processor would drop.
    std::set<std::string> prefixes, terms;
    for (const auto& m : ctx.GetObject()) {
        const std::string name = str(m.name);
        if (m.value.IsString() && str(m.value).find("://") != std::string::npos) prefixes.insert(name);
        else terms.insert(name);
    }
    const auto known = [&](const std::string& k) {
        if (k.rfind('@', 0) == 0 || terms.count(k)) return true;
        const auto colon = k.find(':');
        return colon != std::string::npos && prefixes.count(k.substr(0, colon)) != 0;
    };
    std::vector<std::string> unknown;
    const std::function<void(const Json&)> walk = [&](const Json& v) {
        if (v.IsArray()) {
            for (const auto& x : v.GetArray()) walk(x);
        } else if (v.IsObject()) {
            for (const auto& m : v.GetObject()) {
                const std::string k = str(m.name);
                if (!known(k)) unknown.push_back(k);
                if (k == "@type" && !v.HasMember("@value"))
                    for (const auto& t : types_of(v))
                        if (!known(t)) unknown.push_back("@type " + t);
                walk(m.value);
            }
        }
    };
    walk(doc["@graph"]);
    CHECK(unknown.empty());
    INFO(unknown.size());
}

TEST_CASE("jsonld: output can sit in an HTML script element", "[jsonld]") {
    const std::string out = to_jsonld(small_graph());
    CHECK(out.find('<') == std::string::npos);
    const auto doc = parse(out);
    const Json* rel = find_node(doc, std::string(kBase) + "relation/Q423/mentioned_with/sergey_lavrov");
    REQUIRE(rel != nullptr);
    const Json* sentence = find_node(doc, str((*rel)["prov:wasDerivedFrom"][0]["oa:hasTarget"]["@id"]));
    REQUIRE(sentence != nullptr);
    CHECK(str((*sentence)["oa:hasSelector"][1]["oa:exact"]) == "Lavrov <in Pyongyang> said:\t\"A & B\" -- 'done'. </script>");
}

TEST_CASE("jsonld: every adversarial string is written exactly or refused", "[jsonld][escape]") {
    for (const auto& a : kg::test::adversarial_strings()) {
        for (Place place : kPlaces) {
            DYNAMIC_SECTION(a.name << " in " << place_name(place)) {
                const auto graph = graph_with(place, a.bytes);
                if (place == Place::id && a.bytes.empty()) {
                    try {
                        to_jsonld(graph);
                        FAIL("no error for an empty id");
                    } catch (const kg::Error& e) {
                        CHECK(e.code() == kg::Errc::export_error);
                    }
                } else if (a.valid_utf8) {
                    const std::string out = to_jsonld(graph);
                    CHECK(out.find('<') == std::string::npos);
                    const auto doc = parse(out);
                    std::string got;
                    const bool present = value_at(doc, place, got);
                    if (a.bytes.empty() && (place == Place::label || place == Place::title || place == Place::role)) {
                        CHECK_FALSE(present); // empty names and roles are left out
                    } else {
                        REQUIRE(present);
                        CHECK(got == a.bytes);
                    }
                    if (place == Place::id) {
                        // The IRI is plain ASCII: the id percent-encoded.
                        const std::string iri = str(doc["@graph"][1]["@id"]);
                        CHECK(iri.rfind(std::string(kBase) + "entity/", 0) == 0);
                        for (char c : iri) CHECK((c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>'));
                    }
                } else {
                    try {
                        to_jsonld(graph);
                        FAIL("no error");
                    } catch (const kg::Error& e) {
                        CHECK(e.code() == kg::Errc::forbidden_character);
                        CHECK_THAT(e.message(), Catch::Contains("field") && Catch::Contains("at byte"));
                    }
                }
            }
        }
    }
}

TEST_CASE("jsonld: invalid UTF-8 can be replaced with U+FFFD, with a warning", "[jsonld][escape]") {
    kg::KnowledgeGraph kg;
    const std::string latin1 = "Citt\xE0.txt";
    kg.add_document(kg::test::document(latin1, "it", 10, "Title"));
    const auto a = kg.add_entity(entity("a", "A", "Person", "Actor", {"a\xC3\x28" "b"}, {latin1}, 1));
    const auto b = kg.add_entity(entity("b", "B", "Place", "Place", {}, {latin1}, 1));
    kg.add_relation(a, b, "visited", evidence(latin1, 0, "went"), false);
    CHECK_THROWS_AS(to_jsonld(kg), kg::Error);

    kg::JsonldOptions options = bundled();
    options.replace_invalid_utf8 = true;
    std::vector<std::string> warnings;
    options.warn = [&](const std::string& w) { warnings.push_back(w); };
    const auto doc = parse(to_jsonld(kg, options));
    const Json* article = find_node(doc, std::string(kBase) + "document/Citt%E0.txt"); // the IRI keeps the byte
    REQUIRE(article != nullptr);
    CHECK(str((*article)["identifier"]) == "Citt\xEF\xBF\xBD.txt");
    const Json* ea = find_node(doc, std::string(kBase) + "entity/a");
    REQUIRE(ea != nullptr);
    CHECK(str((*ea)["alternateName"][0]) == "a\xEF\xBF\xBD(b");
    // One warning per distinct repair (the document path is repeated in several places).
    CHECK(warnings.size() == 2);
    CHECK_THAT(warnings.at(0), Catch::Contains("identifier") && Catch::Contains("U+FFFD"));
}

TEST_CASE("jsonld: minted IRIs percent-encode ids and use the base IRI", "[jsonld]") {
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a b/c", "A", "Person", "Actor", {}, {"x y.txt"}, 1));
    const auto b = kg.add_entity(entity("caf\xC3\xA9", "B", "Place", "Place", {}, {"x y.txt"}, 1, "not-a-qid"));
    kg.add_relation(a, b, "visited", evidence("x y.txt", 3, "went"), false);
    kg::JsonldOptions options = bundled();
    options.base_iri = "urn:example:kg#";
    const auto doc = parse(to_jsonld(kg, options));
    CHECK(find_node(doc, "urn:example:kg#entity/a%20b%2Fc") != nullptr);
    CHECK(find_node(doc, "urn:example:kg#entity/caf%C3%A9") != nullptr); // a malformed QID is not used
    CHECK(find_node(doc, "urn:example:kg#document/x%20y.txt") != nullptr); // named only by the data
    CHECK(find_node(doc, "urn:example:kg#relation/a%20b%2Fc/visited/caf%C3%A9") != nullptr);
}

TEST_CASE("jsonld: base IRIs are checked", "[jsonld]") {
    std::string why;
    CHECK(kg::valid_jsonld_base("https://example.org/kg/"));
    CHECK(kg::valid_jsonld_base("https://example.org/kg#"));
    CHECK(kg::valid_jsonld_base("urn:x:"));
    CHECK_FALSE(kg::valid_jsonld_base("https://example.org/kg", &why));
    CHECK_THAT(why, Catch::Contains("end in"));
    CHECK_FALSE(kg::valid_jsonld_base("example.org/", &why));
    CHECK_FALSE(kg::valid_jsonld_base("/relative/"));
    CHECK_FALSE(kg::valid_jsonld_base("1http://x/"));
    CHECK_FALSE(kg::valid_jsonld_base("https://exa mple.org/"));
    CHECK_FALSE(kg::valid_jsonld_base("https://example.org/<x>/"));
    CHECK_FALSE(kg::valid_jsonld_base(""));

    kg::JsonldOptions options = bundled();
    options.base_iri = "not an iri/";
    try {
        to_jsonld(small_graph(), options);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::export_error);
    }
}

TEST_CASE("jsonld: the vocabulary table drives types, symmetry and labels", "[jsonld]") {
    kg::JsonldOptions options = bundled();
    options.vocabulary.classes["State"].schema_type = "Country";
    options.vocabulary.classes["State"].labels = {{"en", "State"}, {"it", "Stato"}};
    options.vocabulary.relations["signed"].labels["it"] = "ha firmato";
    const auto doc = parse(to_jsonld(small_graph(), options));
    const Json* state = find_node(doc, "kg:State");
    REQUIRE(state != nullptr);
    CHECK(str((*state)["rdfs:label"][1]["@value"]) == "Stato");
    CHECK(str((*state)["rdfs:subClassOf"][0]) == "kg:Actor");
    CHECK(str((*state)["rdfs:subClassOf"][1]) == "schema:Country");
    const Json* coop = find_node(doc, "kg:cooperates_with");
    REQUIRE(coop != nullptr);
    CHECK(has_type(*coop, "owl:SymmetricProperty"));
    const Json* sig = find_node(doc, "kg:signed");
    REQUIRE(sig != nullptr);
    CHECK_FALSE(has_type(*sig, "owl:SymmetricProperty"));

    options.include_vocabulary = false;
    CHECK(find_node(parse(to_jsonld(small_graph(), options)), "kg:State") == nullptr);

    // A graph without a table still gets sensible defaults.
    options.vocabulary = {};
    const auto bare = parse(to_jsonld(small_graph(), options));
    const Json* kp = find_node(bare, "http://www.wikidata.org/entity/Q423");
    REQUIRE(kp != nullptr);
    CHECK(has_type(*kp, "Thing"));
    CHECK(count(bare).relations == small_graph().relation_count());
}

TEST_CASE("jsonld: relation types may not take the name of a kgraph term", "[jsonld]") {
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a", "A", "Person", "Actor", {}, {}, 1));
    const auto b = kg.add_entity(entity("b", "B", "Person", "Actor", {}, {}, 1));
    kg.add_relation(a, b, "status", evidence("d", 0, "x"), false);
    try {
        to_jsonld(kg);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::export_error);
        CHECK_THAT(e.message(), Catch::Contains("status"));
    }
}

TEST_CASE("jsonld: dates that are not ISO 8601 stay plain strings", "[jsonld]") {
    kg::KnowledgeGraph kg;
    const auto a = kg.add_entity(entity("a", "A", "Person", "Actor", {}, {}, 1));
    const auto b = kg.add_entity(entity("b", "B", "Person", "Actor", {}, {}, 1));
    for (const char* d : {"2024-13", "June 2024", "2024-06-32", "20240"}) {
        auto ev = evidence("d", std::string_view(d).size(), d);
        ev.date = d;
        kg.add_relation(a, b, "met", ev, true);
    }
    const auto doc = parse(to_jsonld(kg));
    const Json* rel = find_node(doc, std::string(kBase) + "relation/a/met/b");
    REQUIRE(rel != nullptr);
    REQUIRE((*rel)["kg:date"].Size() == 4);
    for (const auto& d : (*rel)["kg:date"].GetArray()) CHECK(d.IsString());
}

TEST_CASE("jsonld: a failing stream is an export error", "[jsonld]") {
    const auto graph = small_graph();
    for (std::size_t capacity : {std::size_t{0}, std::size_t{100}, std::size_t{5000}}) {
        FullBuffer buffer(capacity);
        std::ostream out(&buffer);
        try {
            kg::write_jsonld(graph, out);
            FAIL("no error at capacity " << capacity);
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::export_error);
        }
    }
    std::ostringstream bad;
    bad.setstate(std::ios::badbit);
    CHECK_THROWS_AS(kg::write_jsonld(graph, bad), kg::Error);
}

TEST_CASE("jsonld: an article with a record is a NewsArticle known by its URL", "[jsonld]") {
    kg::KnowledgeGraph kg;
    kg::DocumentInfo info;
    info.id = info.url = "https://example.org/world/2024/06/19/treaty";
    info.language = "en";
    info.bytes = 40;
    info.title = "Putin and Kim sign a treaty";
    info.date = "2024-06-19";
    info.outlet = "Example News";
    info.authors = {"Jane Doe", "John Roe"};
    info.source_path = "feeds/day.jsonl:3";
    info.format = "html";
    info.extracted_text = "Putin and Kim sign a treaty\n\nRussia and North Korea pledged cooperation.";
    info.text_sha256 = std::string(64, 'a');
    kg.add_document(info);
    kg::EntityNode ru = entity("Q159", "Russia", "State", "Actor", {"Russia"}, {info.id}, 1, "Q159");
    ru.first_seen = ru.last_seen = "2024-06-19";
    const auto a = kg.add_entity(ru);
    const auto b = kg.add_entity(entity("Q423", "North Korea", "State", "Actor", {"North Korea"}, {info.id}, 1, "Q423"));
    auto ev = evidence(info.id, 29, "Russia and North Korea pledged cooperation.");
    ev.reported = "2024-06-19";
    kg.add_relation(a, b, "cooperates_with", ev, true);
    const auto doc = parse(to_jsonld(kg));
    const Json* article = find_node(doc, info.url);
    REQUIRE(article != nullptr);
    CHECK(has_type(*article, "NewsArticle"));
    CHECK(str((*article)["url"]) == info.url);
    CHECK(str((*article)["identifier"]) == info.url);
    CHECK(str((*article)["headline"]["@value"]) == info.title);
    CHECK(str((*article)["datePublished"]["@value"]) == "2024-06-19");
    CHECK(str((*article)["datePublished"]["@type"]) == "xsd:date");
    CHECK(str((*article)["publisher"]["name"]) == "Example News");
    CHECK(str((*article)["publisher"]["@id"]) == std::string(kBase) + "publisher/Example%20News");
    REQUIRE((*article)["author"].Size() == 2);
    CHECK(str((*article)["author"][1]["name"]) == "John Roe");
    CHECK(str((*article)["author"][1]["@type"]) == "Person");
    CHECK(str((*article)["kg:path"]) == "feeds/day.jsonl:3");
    CHECK(str((*article)["text"]) == info.extracted_text);
    const Json* relation = find_node(doc, std::string(kBase) + "relation/Q159/cooperates_with/Q423");
    REQUIRE(relation != nullptr);
    CHECK(str((*relation)["kg:reported"][0]["@value"]) == "2024-06-19");
    const Json& mention = (*relation)["prov:wasDerivedFrom"][0];
    CHECK(str(mention["kg:reported"]["@value"]) == "2024-06-19");
    const Json* sentence = find_node(doc, str(mention["oa:hasTarget"]["@id"]));
    REQUIRE(sentence != nullptr);
    CHECK(str((*sentence)["oa:hasSource"]) == info.url);
    const Json* russia = find_node(doc, "http://www.wikidata.org/entity/Q159");
    REQUIRE(russia != nullptr);
    CHECK(str((*russia)["kg:firstSeen"]["@value"]) == "2024-06-19");
}

TEST_CASE("jsonld: a relation over the evidence limit states the sentences it leaves out", "[jsonld]") {
    kg::KnowledgeGraph g(1);
    const auto a = g.add_entity(entity("a", "A", "State", "Actor", {"A"}, {"d.txt"}, 3));
    const auto b = g.add_entity(entity("b", "B", "State", "Actor", {"B"}, {"d.txt"}, 3));
    for (std::uint64_t begin : {0, 10, 20}) g.add_relation(a, b, "met", evidence("d.txt", begin, "A met B."), true);
    g.add_relation(a, b, "signed", evidence("d.txt", 0, "A met B."), false);
    const auto doc = parse(to_jsonld(g));
    int checked = 0;
    for (const auto& node : doc["@graph"].GetArray()) {
        if (!node.HasMember("kg:weight")) continue;
        const bool met = std::string_view(node["kg:predicate"].GetString()) == "kg:met";
        CHECK(node["kg:weight"].GetInt() == (met ? 3 : 1));
        CHECK(node["prov:wasDerivedFrom"].GetArray().Size() == 1);
        CHECK(node.HasMember("kg:evidenceOmitted") == met);
        if (met) CHECK(node["kg:evidenceOmitted"].GetInt() == 2);
        ++checked;
    }
    CHECK(checked == 2);
}
