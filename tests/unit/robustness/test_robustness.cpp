// SPDX-License-Identifier: Apache-2.0
// Bad and extreme input through the library (issue 6): hostile ontology JSON, text the
// segmenter and extractor must survive, and evidence merged in any order. The CLI side
// (exit codes, messages, files left behind) is tests/external/test_robustness.sh.
#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/ontology.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace {

const kg::Ontology& bundled() {
    static const kg::Ontology onto = kg::load_ontology({KG_ONTOLOGY_DIR});
    return onto;
}

// Extract `text` and check the contracts every extraction keeps, whatever the input.
void extract_checked(const kg::Extractor& x, const std::string& text, const std::string& lang = "auto") {
    kg::Document doc;
    doc.id = "doc.txt";
    doc.text = text;
    if (lang != "auto") doc.language = lang;
    kg::AnnotatedDocument out = x.extract(std::move(doc));
    REQUIRE(out.doc.text == text);
    for (const auto& sentence : out.doc.sentences) {
        const kg::ByteSpan s = sentence.span;
        REQUIRE(s.begin <= s.end);
        REQUIRE(s.end <= text.size());
    }
    kg::KnowledgeGraph g;
    kg::merge_into(g, out, bundled());
    for (auto e : boost::make_iterator_range(boost::edges(g.graph())))
        for (const auto& ev : g.relation(e).evidence) REQUIRE(ev.text == text.substr(ev.begin, ev.end - ev.begin));
}

} // namespace

TEST_CASE("robustness: ontology JSON nested thousands deep is a syntax error, not a stack overflow",
          "[robustness][ontology]") {
    kg::test::TempDir tmp;
    tmp.write("gazetteer/deep.json", "{\"entities\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
    try {
        (void)kg::load_ontology({KG_ONTOLOGY_DIR, tmp.str()});
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::ontology_syntax);
        CHECK(e.file().find("deep.json") != std::string::npos);
        CHECK(e.line() == 1);
        CHECK(e.column() > 200);
        CHECK(e.column() < 300);
    }
}

TEST_CASE("robustness: nesting within the limit is read as usual", "[robustness][ontology]") {
    kg::test::TempDir tmp;
    // 200 levels of arrays inside an unknown field: a schema error, not a syntax error.
    tmp.write("gazetteer/nested.json", "{\"entities\": [], \"x\": " + std::string(200, '[') + std::string(200, ']') + "}");
    try {
        (void)kg::load_ontology({KG_ONTOLOGY_DIR, tmp.str()});
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::ontology_schema);
    }
}

TEST_CASE("robustness: odd but valid UTF-8 text is extracted without error", "[robustness][extract]") {
    kg::Extractor x(bundled());
    const std::vector<std::string> texts = {
        "",
        "\xEF\xBB\xBF",                                   // a byte-order mark alone
        "   \n\n\t\r\n  ",                                 // white space only
        std::string(100000, '.'),                          // one long run of punctuation
        std::string(100000, 'a'),                          // one 100,000-letter word
        std::string(5000, '\n'),                           // blank lines only
        "Putin\rmet\rKim\rin\rPyongyang.\r",               // CR line ends
        "e\xCC\x81\xCC\x81\xCC\x81\xCC\x81 Kim Jong Un \xCC\x81",     // combining marks
        "\xE2\x80\x8B\xE2\x80\x8BPutin\xE2\x80\x8B met\xC2\xA0Kim.", // zero-width and no-break spaces
        "Путин встретился с Ким Чен Ыном. 普京会见了金正恩。 بوتين التقى كيم.",
        "Vladimir Putin met Kim Jong Un " + std::string(3000, ' ') + " in Pyongyang.",
        "L'ONU l'ha detto: «Putin»! (Kim) [Mosca] {Seul} — \"Lavrov\" ‘Choe’ ’ ' '' ''' l’",
        "Leggi anche:\nLeggi anche:\nRiproduzione riservata",
        "Mr. Dr. Sig. Prof. Gen. Col. U.S. U.N. D.P.R.K. e.g. i.e. 1. 2. 3.",
        "\xF0\x9F\x98\x80 \xF0\x9F\x87\xB0\xF0\x9F\x87\xB5 Kim \xF0\x9F\x87\xB7\xF0\x9F\x87\xBA Putin", // emoji, flags
        "Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim.",
    };
    for (const auto& t : texts) {
        INFO("text of " << t.size() << " bytes starting " << t.substr(0, 40));
        for (const char* lang : {"auto", "it", "en", "fr", "es", "de"}) extract_checked(x, t, lang);
    }
}

TEST_CASE("robustness: many entities in one sentence stay bounded", "[robustness][extract]") {
    kg::Extractor x(bundled());
    std::string s;
    for (int i = 0; i < 300; ++i) s += (i % 3 == 0 ? "Russia, " : i % 3 == 1 ? "China, " : "Iran, ");
    s += "and North Korea met.";
    extract_checked(x, s, "en");
}

TEST_CASE("robustness: random printable text from the ontology's words never breaks extraction",
          "[robustness][extract]") {
    kg::Extractor x(bundled());
    const std::vector<std::string> words = {"Putin", "Kim", "Jong", "Un", "ha", "incontrato", "met", "signed",
                                            "the", "treaty", "trattato", "a", "Pyongyang", "Mosca", ".", ",",
                                            "«", "»", "l’", "dell'", "\n", "\n\n", "Leggi anche:", "13.000",
                                            "missili", "2024", "giugno", "Lavrov", "ONU", "-", "(", ")", "secondo"};
    std::mt19937 rng(6);
    for (int doc = 0; doc < 200; ++doc) {
        std::string t;
        const int n = static_cast<int>(rng() % 200);
        for (int i = 0; i < n; ++i) {
            t += words[rng() % words.size()];
            if (rng() % 4) t += ' ';
        }
        INFO(t);
        extract_checked(x, t);
    }
}

TEST_CASE("robustness: evidence merged out of order ends sorted and unique", "[robustness][graph]") {
    kg::KnowledgeGraph g;
    kg::EntityNode a, b;
    a.id = "a";
    b.id = "b";
    auto va = g.add_entity(a), vb = g.add_entity(b);
    std::mt19937 rng(42);
    std::vector<kg::Evidence> all;
    for (int d = 0; d < 30; ++d)
        for (int s = 0; s < 10; ++s) {
            kg::Evidence ev;
            ev.document = "doc" + std::to_string(d);
            ev.begin = static_cast<std::uint64_t>(s * 10);
            ev.end = ev.begin + 5;
            ev.text = "text" + std::to_string(s);
            ev.status = static_cast<kg::ClaimStatus>(rng() % 4);
            all.push_back(ev);
        }
    std::vector<kg::Evidence> shuffled = all;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    // Each sentence arrives twice, the second time with the strongest status.
    for (auto ev : shuffled) {
        g.add_relation(va, vb, "met", ev, false);
        ev.status = kg::ClaimStatus::asserted;
        ev.date = "2024";
        g.add_relation(va, vb, "met", ev, false);
    }
    REQUIRE(g.relation_count() == 1);
    const auto& ev = g.relation(*boost::edges(g.graph()).first).evidence;
    REQUIRE(ev.size() == all.size());
    REQUIRE(std::is_sorted(ev.begin(), ev.end()));
    for (const auto& e : ev) {
        CHECK(e.status == kg::ClaimStatus::asserted);
        CHECK(e.date == "2024");
    }
}
