// SPDX-License-Identifier: Apache-2.0
// kg/ner/name_finder.hpp and kg/ner/training.hpp: a tiny model trained here on sentences
// written for this test (never corpus text) must tag them, save and load byte for byte,
// train deterministically, and refuse damaged model files with a located error.
#include "kg/ner/name_finder.hpp"
#include "kg/ner/training.hpp"

#include "kg/error.hpp"
#include "kg/text/segment.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

// A sentence written with its names marked: "[PER Anna Ferri] visited [LOC Tolvana] ."
// Returns the plain text and appends the names' byte ranges and labels.
struct Marked {
    std::uint32_t begin, end;
    kg::NameLabel label;
};

std::string unmark(const std::string& marked, std::uint32_t base, std::vector<Marked>& names) {
    std::string text;
    for (std::size_t i = 0; i < marked.size(); ++i) {
        if (marked[i] == '[') {
            const std::size_t sp = marked.find(' ', i);
            const auto label = kg::parse_name_label(marked.substr(i + 1, sp - i - 1));
            REQUIRE(label);
            const std::size_t close = marked.find(']', sp);
            const auto b = static_cast<std::uint32_t>(base + text.size());
            text += marked.substr(sp + 1, close - sp - 1);
            names.push_back({b, static_cast<std::uint32_t>(base + text.size()), *label});
            i = close;
        } else {
            text.push_back(marked[i]);
        }
    }
    return text;
}

// One document of marked sentences, segmented as kgraph does, names projected on tokens.
kg::NerDocument make_document(const std::vector<std::string>& sentences) {
    kg::NerDocument d;
    d.lexicon_language = "en";
    d.doc.language = "en";
    std::vector<Marked> names;
    for (const auto& s : sentences) {
        d.doc.text += unmark(s, static_cast<std::uint32_t>(d.doc.text.size()), names);
        d.doc.text += '\n';
    }
    kg::segment(d.doc, kg::SegmentationRules{});
    auto token_at = [&](std::uint32_t byte) {
        std::uint32_t i = 0;
        while (i < d.doc.tokens.size() && d.doc.tokens[i].span.begin < byte) ++i;
        return i;
    };
    for (const kg::Sentence& s : d.doc.sentences) {
        kg::NerSequence seq{s.first_token, s.end_token, {}};
        for (const Marked& m : names)
            if (m.begin >= s.span.begin && m.end <= s.span.end) seq.names.push_back({token_at(m.begin), token_at(m.end), m.label, 1});
        d.sequences.push_back(seq);
    }
    return d;
}

const std::vector<std::string> training_text = {
    "[PER Anna Ferri] visited [LOC Tolvana] on Monday .",
    "The minister [PER Bruno Calde] met [PER Anna Ferri] in [LOC Marisca] .",
    "[ORG Velto Industries] opened a plant near [LOC Tolvana] .",
    "Talks between [ORG Velto Industries] and [ORG Orsan Bank] ended .",
    "[PER Bruno Calde] said the [MISC Tolvanese] market was calm .",
    "Workers of [ORG Orsan Bank] marched in [LOC Marisca] .",
    "A report by [ORG Orsan Bank] praised [PER Carla Denti] .",
    "[PER Carla Denti] flew to [LOC Brevia] to meet [PER Bruno Calde] .",
    "The river flows from [LOC Brevia] to [LOC Tolvana] .",
    "Shares of [ORG Velto Industries] rose after the news .",
};

kg::NameLexicon tiny_lexicon() {
    kg::NameLexicon lex;
    lex.language = "en";
    lex.names["marisca"] = {kg::NameLabel::location};
    lex.lower_words = {"the", "river", "market", "plant", "news"};
    return lex;
}

std::string train_tiny(std::uint64_t seed = 7) {
    std::vector<kg::NerDocument> docs;
    for (std::size_t i = 0; i < training_text.size(); i += 5)
        docs.push_back(make_document({training_text.begin() + static_cast<std::ptrdiff_t>(i),
                                      training_text.begin() + static_cast<std::ptrdiff_t>(i + 5)}));
    kg::NerTrainOptions o;
    o.language = "en";
    o.iterations = 8;
    o.seed = seed;
    return kg::train_name_finder(docs, {{"en", tiny_lexicon()}}, o);
}

// The names a finder reports for a one-sentence text, as "LABEL:text" strings.
std::vector<std::string> tag(const kg::NameFinder& f, const std::string& sentence) {
    kg::Document doc;
    doc.text = sentence;
    doc.language = "en";
    kg::segment(doc, kg::SegmentationRules{});
    std::vector<std::string> out;
    for (const kg::NameSpan& s : f.find_document(doc)) {
        const auto b = doc.tokens[s.tok_begin].span.begin, e = doc.tokens[s.tok_end - 1].span.end;
        out.push_back(std::string(kg::name_label_code(s.label)) + ":" + doc.text.substr(b, e - b));
        CHECK(s.confidence > 0.0f);
        CHECK(s.confidence <= 1.0f);
    }
    return out;
}

std::string temp_path(const char* name) {
    return (std::filesystem::temp_directory_path() / (std::string("kg_ner_test_") + name)).string();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The model_format error that loading `bytes` gives, naming the file and a byte inside it.
kg::Error load_error(const std::string& bytes, const char* name) {
    const std::string path = temp_path(name);
    write_file(path, bytes);
    try {
        kg::NameFinder::load(path);
    } catch (const kg::Error& e) {
        std::remove(path.c_str());
        CHECK(e.file() == path);
        CHECK(std::string(e.what()).find(path + ": byte ") == 0);
        return e;
    }
    std::remove(path.c_str());
    FAIL("a damaged model loaded without error");
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("ner: a model trained on a handful of sentences tags them", "[ner]") {
    const kg::NameFinder f = kg::NameFinder::from_bytes(train_tiny());
    CHECK(f.language() == "en");
    CHECK(f.feature_count() > 0);
    CHECK(tag(f, "Anna Ferri visited Tolvana on Monday .") ==
          std::vector<std::string>{"PER:Anna Ferri", "LOC:Tolvana"});
    CHECK(tag(f, "Talks between Velto Industries and Orsan Bank ended .") ==
          std::vector<std::string>{"ORG:Velto Industries", "ORG:Orsan Bank"});
    // A sentence it never saw, made of names and contexts it did.
    CHECK(tag(f, "Carla Denti met Bruno Calde in Brevia .") ==
          std::vector<std::string>{"PER:Carla Denti", "PER:Bruno Calde", "LOC:Brevia"});
}

TEST_CASE("ner: find works on one sentence's tokens and returns sentence-relative spans", "[ner]") {
    const kg::NameFinder f = kg::NameFinder::from_bytes(train_tiny());
    kg::Document doc;
    doc.text = "Nothing happened .\nShares of Velto Industries rose after the news .";
    kg::segment(doc, kg::SegmentationRules{});
    REQUIRE(doc.sentences.size() == 2);
    const kg::Sentence& s = doc.sentences[1];
    const std::span<const kg::Token> tokens(doc.tokens.data() + s.first_token, s.end_token - s.first_token);
    kg::NameContext context(doc.text, doc.tokens);
    const auto names = f.find(doc.text, tokens, context);
    REQUIRE(names.size() == 1);
    CHECK(names[0].tok_begin == 2);
    CHECK(names[0].tok_end == 4);
    CHECK(names[0].label == kg::NameLabel::organization);
    const auto whole = f.find_document(doc);
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].tok_begin == s.first_token + 2); // document token indices
    CHECK(f.find(doc.text, {}).empty());
}

TEST_CASE("ner: training is deterministic and the seed matters", "[ner]") {
    const std::string a = train_tiny(7), b = train_tiny(7), c = train_tiny(8);
    CHECK(a == b);
    CHECK(a != c);
}

TEST_CASE("ner: save and load round trip byte for byte", "[ner]") {
    const std::string bytes = train_tiny();
    const std::string path = temp_path("roundtrip.bin");
    write_file(path, bytes);
    const kg::NameFinder loaded = kg::NameFinder::load(path);
    std::remove(path.c_str());
    CHECK(loaded.to_bytes() == bytes);
    const kg::NameFinder direct = kg::NameFinder::from_bytes(bytes);
    const std::string s = "Carla Denti flew to Marisca to meet Anna Ferri .";
    CHECK(tag(loaded, s) == tag(direct, s));
}

TEST_CASE("ner: tagging from several threads gives the same answers", "[ner][threads]") {
    const kg::NameFinder f = kg::NameFinder::from_bytes(train_tiny());
    const std::string s = "Bruno Calde met Anna Ferri in Marisca .";
    const auto expected = tag(f, s);
    std::vector<std::vector<std::string>> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t)
        threads.emplace_back([&, t] {
            kg::Document doc;
            doc.text = s;
            kg::segment(doc, kg::SegmentationRules{});
            for (int i = 0; i < 50; ++i) {
                got[t].clear();
                for (const auto& n : f.find_document(doc))
                    got[t].push_back(std::string(kg::name_label_code(n.label)) + ":" +
                                     doc.text.substr(doc.tokens[n.tok_begin].span.begin,
                                                     doc.tokens[n.tok_end - 1].span.end - doc.tokens[n.tok_begin].span.begin));
            }
        });
    for (auto& t : threads) t.join();
    for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("ner: damaged model files fail with the file and the byte position", "[ner][errors]") {
    const std::string bytes = train_tiny();
    REQUIRE(bytes.size() > 200);

    SECTION("not a model") {
        const kg::Error e = load_error("hello, world: not a model at all", "magic.bin");
        CHECK(e.code() == kg::Errc::model_format);
        CHECK(e.byte_offset() == 0);
    }
    SECTION("another format version") {
        std::string v = bytes;
        v[8] = 9;
        const kg::Error e = load_error(v, "version.bin");
        CHECK(e.code() == kg::Errc::model_format);
        CHECK(e.byte_offset() == 8);
    }
    SECTION("truncated anywhere") {
        for (std::size_t keep : {std::size_t{10}, std::size_t{40}, bytes.size() / 2, bytes.size() - 9, bytes.size() - 1}) {
            INFO("kept " << keep << " of " << bytes.size() << " bytes");
            const kg::Error e = load_error(bytes.substr(0, keep), "truncated.bin");
            CHECK(e.code() == kg::Errc::model_format);
            CHECK(e.byte_offset() >= 0);
            CHECK(e.byte_offset() <= static_cast<std::int64_t>(keep));
        }
    }
    SECTION("a flipped byte that breaks the structure is located") {
        std::string c = bytes;
        c[c.size() / 2] = static_cast<char>(c[c.size() / 2] ^ 0x01);
        const kg::Error e = load_error(c, "flipped.bin");
        CHECK(e.code() == kg::Errc::model_format);
        CHECK(e.byte_offset() >= 0);
    }
    SECTION("a flipped bit that keeps the structure is caught by the checksum") {
        // The byte before the 8-byte checksum belongs to the last lexicon mask, which any
        // value fits: only the checksum can tell.
        std::string c = bytes;
        c[c.size() - 9] = static_cast<char>(c[c.size() - 9] ^ 0x40);
        const kg::Error e = load_error(c, "flipped_mask.bin");
        CHECK(e.code() == kg::Errc::model_format);
        CHECK(e.byte_offset() == static_cast<std::int64_t>(bytes.size() - 8));
        CHECK(e.message().find("checksum") != std::string::npos);
    }
    SECTION("trailing bytes") {
        const kg::Error e = load_error(bytes + "x", "trailing.bin");
        CHECK(e.code() == kg::Errc::model_format);
        CHECK(e.byte_offset() == static_cast<std::int64_t>(bytes.size()));
    }
    SECTION("a missing file is an io_error") {
        try {
            kg::NameFinder::load(temp_path("does_not_exist.bin"));
            FAIL("loaded a missing file");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::io_error);
        }
    }
}

TEST_CASE("ner: label codes round trip", "[ner]") {
    for (int l = 0; l < kg::name_label_count; ++l) {
        const auto label = static_cast<kg::NameLabel>(l);
        CHECK(kg::parse_name_label(kg::name_label_code(label)) == label);
    }
    CHECK_FALSE(kg::parse_name_label("GPE"));
}

TEST_CASE("ner: training refuses overlapping or misplaced gold names", "[ner][errors]") {
    kg::NerDocument d = make_document({"[PER Anna Ferri] visited [LOC Tolvana] ."});
    d.sequences[0].names.push_back({d.sequences[0].names[0].tok_begin, d.sequences[0].names[0].tok_end, kg::NameLabel::misc, 1});
    kg::NerTrainOptions o;
    o.language = "en";
    try {
        kg::train_name_finder({d}, {{"en", tiny_lexicon()}}, o);
        FAIL("trained on overlapping names");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::usage);
    }
    o.language = "xx";
    CHECK_THROWS_AS(kg::train_name_finder({make_document({"Nothing ."})}, {{"en", tiny_lexicon()}}, o), kg::Error);
}

// The shipped models (ontology/models/ner-*.bin) on sentences written for this test: each
// loads, reports its language, and finds the plain names of a plain news sentence.
TEST_CASE("ner: the shipped models load and find names in their language", "[ner][models]") {
    struct Case {
        const char* language;
        const char* text;
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"en", "Angela Merkel met Emmanuel Macron in Berlin on Tuesday .", {"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Berlin"}},
        {"de", "Angela Merkel traf Emmanuel Macron am Dienstag in Berlin .", {"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Berlin"}},
        {"es", "Angela Merkel se reunió con Emmanuel Macron en Berlín el martes .", {"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Berlín"}},
        {"it", "Angela Merkel ha incontrato Emmanuel Macron a Berlino martedì .", {"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Berlino"}},
        {"fr", "Angela Merkel a rencontré Emmanuel Macron à Berlin mardi .", {"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Berlin"}},
    };
    for (const Case& c : cases) {
        INFO("language " << c.language);
        const kg::NameFinder f = kg::NameFinder::load(std::string(KG_ONTOLOGY_DIR) + "/models/ner-" + c.language + ".bin");
        CHECK(f.language() == c.language);
        CHECK(tag(f, c.text) == c.expected);
    }
}
