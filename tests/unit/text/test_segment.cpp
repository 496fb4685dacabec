// SPDX-License-Identifier: Apache-2.0
// kg/text/segment.hpp: sentences and tokens over the original UTF-8 bytes, with elision,
// boilerplate and abbreviation rules, and the token shape flags.
#include "kg/text/segment.hpp"

#include "kg/error.hpp"
#include "kg/text/normalize.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// The contract of Document, checked on every segmented test text.
void check_invariants(const kg::Document& doc) {
    std::uint32_t prev_end = 0;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        const kg::Token& t = doc.tokens[i];
        INFO("token " << i << " [" << t.span.begin << ", " << t.span.end << ")");
        REQUIRE(t.span.begin < t.span.end);
        REQUIRE(t.span.end <= doc.text.size());
        CHECK(t.span.begin >= prev_end); // in text order, no overlap
        prev_end = t.span.end;
        CHECK(t.key == kg::match_key(doc.view(t)));
        REQUIRE(t.sentence < doc.sentences.size());
        const kg::Sentence& s = doc.sentences[t.sentence];
        CHECK(i >= s.first_token);
        CHECK(i < s.end_token);
        CHECK(t.span.begin >= s.span.begin);
        CHECK(t.span.end <= s.span.end);
        for (const auto& sk : doc.skipped_lines) CHECK((t.span.end <= sk.begin || t.span.begin >= sk.end));
    }
    std::uint32_t next_token = 0;
    std::uint32_t prev_sentence_end = 0;
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
        const kg::Sentence& s = doc.sentences[i];
        INFO("sentence " << i << ": \"" << doc.view(s.span) << "\"");
        CHECK(s.first_token == next_token); // sentences tile the token list
        CHECK(s.first_token < s.end_token); // and none is empty
        next_token = s.end_token;
        CHECK(s.span.begin >= prev_sentence_end);
        prev_sentence_end = s.span.end;
    }
    CHECK(next_token == doc.tokens.size());
}

kg::Document seg(std::string text, const kg::SegmentationRules& rules = {}, std::string language = "en") {
    kg::Document doc;
    doc.id = "test.txt";
    doc.text = std::move(text);
    doc.language = std::move(language);
    kg::segment(doc, rules);
    check_invariants(doc);
    return doc;
}

std::vector<std::string> surfaces(const kg::Document& doc) {
    std::vector<std::string> out;
    for (const auto& t : doc.tokens) out.emplace_back(doc.view(t));
    return out;
}

std::vector<std::string> sentence_texts(const kg::Document& doc) {
    std::vector<std::string> out;
    for (const auto& s : doc.sentences) out.emplace_back(doc.view(s.span));
    return out;
}

const kg::Token* find_token(const kg::Document& doc, std::string_view surface) {
    for (const auto& t : doc.tokens)
        if (doc.view(t) == surface) return &t;
    return nullptr;
}

kg::SegmentationRules italian() {
    kg::SegmentationRules r;
    r.elision_prefixes = {"l", "dell", "all"};
    r.boilerplate = {"Leggi anche", "Lascia un commento"};
    r.abbreviations = {"sig", "dott"};
    return r;
}

} // namespace

TEST_CASE("segment: tokens carry exact byte offsets into the original text", "[text][segment]") {
    const std::string text = "Kim met \xC5\xA0ojgu in Pyongyang.";
    auto doc = seg(text);
    CHECK(surfaces(doc) == std::vector<std::string>{"Kim", "met", "\xC5\xA0ojgu", "in", "Pyongyang", "."});
    REQUIRE(doc.tokens.size() == 6);
    CHECK(doc.tokens[0].span == kg::ByteSpan{0, 3});
    CHECK(doc.tokens[1].span == kg::ByteSpan{4, 7});
    CHECK(doc.tokens[2].span == kg::ByteSpan{8, 14}); // Š is two bytes
    CHECK(doc.tokens[3].span == kg::ByteSpan{15, 17});
    CHECK(doc.tokens[4].span == kg::ByteSpan{18, 27});
    CHECK(doc.tokens[5].span == kg::ByteSpan{27, 28});
    CHECK(doc.tokens[2].key == "\xC5\xA1ojgu");
}

TEST_CASE("segment: offsets stay on the original bytes when NFKC changes a word", "[text][segment]") {
    // "ﬁ" (U+FB01, 3 bytes) becomes "fi" in the key, but the span covers the ligature.
    const std::string text = "La \xEF\xAC\x81nanza di \xEF\xBC\xAB\xEF\xBC\xA9\xEF\xBC\xAD cresce.";
    auto doc = seg(text, {}, "it");
    const kg::Token* lig = find_token(doc, "\xEF\xAC\x81nanza");
    REQUIRE(lig);
    CHECK(lig->span == kg::ByteSpan{3, 11});
    CHECK(lig->key == "finanza");
    const kg::Token* wide = find_token(doc, "\xEF\xBC\xAB\xEF\xBC\xA9\xEF\xBC\xAD");
    REQUIRE(wide);
    CHECK(wide->key == "kim");
    CHECK(doc.view(*wide) == "\xEF\xBC\xAB\xEF\xBC\xA9\xEF\xBC\xAD");
    // Multi-byte text before the ligature shifts nothing either.
    auto doc2 = seg("\xED\x8F\x89\xEC\x96\x91 \xEF\xAC\x81nanza.", {}, "it");
    const kg::Token* lig2 = find_token(doc2, "\xEF\xAC\x81nanza");
    REQUIRE(lig2);
    CHECK(lig2->span.begin == 7);
}

TEST_CASE("segment: Italian elision splits off the article with ' and \xE2\x80\x99", "[text][segment][elision]") {
    const std::string text = "Il sostegno all\xE2\x80\x99Iran, dell'Occidente e l\xE2\x80\x99Ucraina.";
    auto doc = seg(text, italian(), "it");
    CHECK(surfaces(doc) == std::vector<std::string>{"Il", "sostegno", "all\xE2\x80\x99", "Iran", ",", "dell'",
                                                    "Occidente", "e", "l\xE2\x80\x99", "Ucraina", "."});
    const kg::Token* l = find_token(doc, "l\xE2\x80\x99");
    REQUIRE(l);
    CHECK(l->has(kg::tok_apostrophe));
    CHECK(l->key == "l'");
    const kg::Token* ucraina = find_token(doc, "Ucraina");
    REQUIRE(ucraina);
    CHECK_FALSE(ucraina->has(kg::tok_apostrophe));
    CHECK(ucraina->has(kg::tok_upper_initial));
    CHECK(ucraina->has(kg::tok_word));
    CHECK(ucraina->span.begin == l->span.end);
    const kg::Token* dell = find_token(doc, "dell'");
    REQUIRE(dell);
    CHECK(dell->has(kg::tok_apostrophe));
    CHECK(dell->key == "dell'");
}

TEST_CASE("segment: elision at the start of a sentence", "[text][segment][elision]") {
    auto doc = seg("L\xE2\x80\x99Ucraina protesta.", italian(), "it");
    CHECK(surfaces(doc) == std::vector<std::string>{"L\xE2\x80\x99", "Ucraina", "protesta", "."});
    REQUIRE(doc.tokens.size() == 4);
    // The article is not the sentence's first word: the name after it is.
    CHECK_FALSE(doc.tokens[0].has(kg::tok_sentence_start));
    CHECK(doc.tokens[1].has(kg::tok_sentence_start));
}

TEST_CASE("segment: an apostrophe that is not an elision does not split the word", "[text][segment][elision]") {
    SECTION("English rules, no prefixes") {
        auto doc = seg("O'Brien arrived in Seoul.");
        CHECK(surfaces(doc) == std::vector<std::string>{"O'Brien", "arrived", "in", "Seoul", "."});
    }
    SECTION("Italian rules, a prefix that is not listed") {
        auto doc = seg("O\xE2\x80\x99" "Brien \xC3\xA8 arrivato.", italian(), "it");
        CHECK(surfaces(doc).front() == "O\xE2\x80\x99" "Brien");
    }
    SECTION("a trailing apostrophe") {
        auto doc = seg("Ne parla un po' ovunque.", italian(), "it");
        const auto s = surfaces(doc);
        CHECK(std::find(s.begin(), s.end(), "l") == s.end());
        for (const auto& t : doc.tokens) CHECK_FALSE(t.has(kg::tok_apostrophe));
    }
}

TEST_CASE("segment: whole boilerplate lines are skipped", "[text][segment][boilerplate]") {
    const std::string text = "Kim \xC3\xA8 arrivato a Mosca.\n"
                             "Lascia un commento\n"
                             "Poi \xC3\xA8 ripartito.\n";
    auto doc = seg(text, italian(), "it");
    REQUIRE(doc.skipped_lines.size() == 1);
    CHECK(doc.view(doc.skipped_lines[0]) == "Lascia un commento");
    CHECK(find_token(doc, "commento") == nullptr);
    CHECK(sentence_texts(doc) == std::vector<std::string>{"Kim \xC3\xA8 arrivato a Mosca.", "Poi \xC3\xA8 ripartito."});
}

TEST_CASE("segment: a line that starts with boilerplate is skipped", "[text][segment][boilerplate]") {
    const std::string text = "Kim \xC3\xA8 arrivato a Mosca.\n"
                             "Leggi anche Putin a Pyongyang\n"
                             "Poi \xC3\xA8 ripartito.\n";
    auto doc = seg(text, italian(), "it");
    REQUIRE(doc.skipped_lines.size() == 1);
    CHECK(doc.view(doc.skipped_lines[0]) == "Leggi anche Putin a Pyongyang");
    CHECK(find_token(doc, "Putin") == nullptr);
    CHECK(find_token(doc, "Pyongyang") == nullptr);
    CHECK(find_token(doc, "ripartito"));
}

TEST_CASE("segment: a boilerplate prefix followed by a colon is skipped", "[text][segment][boilerplate]") {
    // "Leggi anche: ..." is how the phrase appears on news pages.
    const std::string text = "Kim \xC3\xA8 arrivato a Mosca.\n"
                             "Leggi anche: Putin a Pyongyang\n"
                             "Poi \xC3\xA8 ripartito.\n";
    auto doc = seg(text, italian(), "it");
    REQUIRE(doc.skipped_lines.size() == 1);
    CHECK(doc.view(doc.skipped_lines[0]) == "Leggi anche: Putin a Pyongyang");
    CHECK(find_token(doc, "Putin") == nullptr);
}

TEST_CASE("segment: boilerplate matches whole words only and ignores case", "[text][segment][boilerplate]") {
    auto doc = seg("LEGGI ANCHE\nLeggi anchetta la notizia.\n", italian(), "it");
    REQUIRE(doc.skipped_lines.size() == 1);
    CHECK(doc.view(doc.skipped_lines[0]) == "LEGGI ANCHE");
    CHECK(find_token(doc, "anchetta"));
}

TEST_CASE("segment: a headline, a blank line and a paragraph are separate sentences", "[text][segment]") {
    auto doc = seg("Kim visits Moscow\n\nThe leader of North Korea arrived on Monday. He met Putin.\n");
    CHECK(sentence_texts(doc) ==
          std::vector<std::string>{"Kim visits Moscow", "The leader of North Korea arrived on Monday.", "He met Putin."});
}

TEST_CASE("segment: a headline line ends a sentence even without a blank line", "[text][segment]") {
    auto doc = seg("Kim visits Moscow\nThe leader arrived on Monday.");
    CHECK(sentence_texts(doc) == std::vector<std::string>{"Kim visits Moscow", "The leader arrived on Monday."});
}

TEST_CASE("segment: CRLF line endings", "[text][segment]") {
    const std::string text = "Kim visits Moscow\r\n\r\nLascia un commento\r\nThe leader arrived.\r\nHe met Putin.\r\n";
    auto doc = seg(text, italian());
    CHECK(sentence_texts(doc) == std::vector<std::string>{"Kim visits Moscow", "The leader arrived.", "He met Putin."});
    REQUIRE(doc.skipped_lines.size() == 1);
    CHECK(doc.view(doc.skipped_lines[0]) == "Lascia un commento");
    for (const auto& t : doc.tokens) CHECK(doc.view(t).find('\r') == std::string_view::npos);
}

TEST_CASE("segment: documents segmented on several threads give the same result", "[text][segment]") {
    const std::string text = "L\xE2\x80\x99Ucraina accusa la Corea del Nord.\nLeggi anche Putin\nKim \xC3\xA8 arrivato. Poi \xC3\xA8 partito.";
    const kg::Document ref = seg(text, italian(), "it");
    std::vector<std::size_t> counts(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < counts.size(); ++i)
        threads.emplace_back([&, i] {
            for (int round = 0; round < 50; ++round) {
                kg::Document d;
                d.text = text;
                d.language = i % 2 ? "it" : "en";
                kg::segment(d, italian());
                if (d.tokens.size() == ref.tokens.size() && d.sentences.size() == ref.sentences.size()) ++counts[i];
            }
        });
    for (auto& t : threads) t.join();
    for (auto c : counts) CHECK(c == 50);
}

TEST_CASE("segment: an abbreviation does not end a sentence", "[text][segment][abbreviation]") {
    const std::string text = "Yesterday the U.S. State Department said it would respond. Kim did not.";
    kg::SegmentationRules rules;
    rules.abbreviations = {"u.s"};
    auto doc = seg(text, rules);
    CHECK(sentence_texts(doc) ==
          std::vector<std::string>{"Yesterday the U.S. State Department said it would respond.", "Kim did not."});
    // The sentence holds the tokens of both ICU pieces, and only one sentence start.
    REQUIRE(doc.sentences.size() == 2);
    int starts = 0;
    for (auto i = doc.sentences[0].first_token; i < doc.sentences[0].end_token; ++i)
        starts += doc.tokens[i].has(kg::tok_sentence_start) ? 1 : 0;
    CHECK(starts == 1);
}

TEST_CASE("segment: an abbreviation does not join sentences across a line break", "[text][segment][abbreviation]") {
    kg::SegmentationRules rules;
    rules.abbreviations = {"u.s"};
    auto doc = seg("Sanctions by the U.S.\nState media replied.", rules);
    CHECK(doc.sentences.size() == 2);
}

TEST_CASE("segment: a UTF-8 byte-order mark yields no token", "[text][segment]") {
    auto doc = seg("\xEF\xBB\xBFKim arrived.");
    CHECK(surfaces(doc) == std::vector<std::string>{"Kim", "arrived", "."});
    REQUIRE_FALSE(doc.tokens.empty());
    CHECK(doc.tokens[0].span.begin == 3);
    REQUIRE(doc.sentences.size() == 1);
    CHECK(doc.sentences[0].span.begin == 3);
    CHECK(doc.tokens[0].has(kg::tok_sentence_start));
}

TEST_CASE("segment: an empty or blank document has no sentences", "[text][segment]") {
    for (const char* text : {"", "   ", "\n\n\n", " \t\r\n", "\xEF\xBB\xBF", "\xC2\xA0\xC2\xA0"}) {
        auto doc = seg(text);
        CHECK(doc.sentences.empty());
        CHECK(doc.tokens.empty());
    }
}

TEST_CASE("segment: segmenting twice gives the same result", "[text][segment]") {
    kg::Document doc;
    doc.text = "Kim arrived.\nLeggi anche Putin\nHe left.";
    doc.language = "it";
    kg::segment(doc, italian());
    const auto tokens = doc.tokens.size();
    const auto sentences = doc.sentences.size();
    const auto skipped = doc.skipped_lines.size();
    kg::segment(doc, italian());
    CHECK(doc.tokens.size() == tokens);
    CHECK(doc.sentences.size() == sentences);
    CHECK(doc.skipped_lines.size() == skipped);
}

TEST_CASE("segment: sentence spans have no leading or trailing white space", "[text][segment]") {
    const std::string text = "  First one.   Second one.  \n\n \xC2\xA0Third one\xC2\xA0 \r\n\t";
    auto doc = seg(text);
    CHECK(sentence_texts(doc) == std::vector<std::string>{"First one.", "Second one.", "Third one"});
    for (const auto& s : doc.sentences) {
        const std::string_view v = doc.view(s.span);
        REQUIRE_FALSE(v.empty());
        CHECK(v.front() != ' ');
        CHECK(v.back() != ' ');
        CHECK(v.back() != '\n');
        CHECK(v.back() != '\r');
        CHECK_FALSE(v.starts_with("\xC2\xA0"));
        CHECK_FALSE(v.ends_with("\xC2\xA0"));
    }
}

TEST_CASE("segment: the first word of each sentence is flagged", "[text][segment][flags]") {
    auto doc = seg("\xE2\x80\x9CWe will respond,\xE2\x80\x9D Kim said. Lavrov agreed.");
    REQUIRE(doc.sentences.size() == 2);
    std::vector<std::string> starts;
    for (const auto& t : doc.tokens)
        if (t.has(kg::tok_sentence_start)) starts.emplace_back(doc.view(t));
    CHECK(starts == std::vector<std::string>{"We", "Lavrov"});
}

TEST_CASE("segment: shape flags", "[text][segment][flags]") {
    auto doc = seg("KCNA said Kim fired 2 missiles (Hwasong-11), a \xE2\x80\x9Cwarning\xE2\x80\x9D to the U.S.");
    auto tok = [&](std::string_view s) -> const kg::Token& {
        const kg::Token* t = find_token(doc, s);
        INFO("token " << s);
        REQUIRE(t);
        return *t;
    };
    CHECK(tok("KCNA").has(kg::tok_all_caps));
    CHECK(tok("KCNA").has(kg::tok_upper_initial));
    CHECK(tok("KCNA").has(kg::tok_word));
    CHECK_FALSE(tok("Kim").has(kg::tok_all_caps));
    CHECK(tok("Kim").has(kg::tok_upper_initial));
    CHECK_FALSE(tok("said").has(kg::tok_upper_initial));
    CHECK_FALSE(tok("a").has(kg::tok_all_caps));
    CHECK(tok("2").has(kg::tok_digit));
    CHECK(tok("2").has(kg::tok_word));
    CHECK(tok("(").has(kg::tok_paren));
    CHECK(tok(")").has(kg::tok_paren));
    CHECK(tok(",").has(kg::tok_comma));
    CHECK_FALSE(tok(",").has(kg::tok_word));
    CHECK(tok("\xE2\x80\x9C").has(kg::tok_quote));
    CHECK(tok("\xE2\x80\x9D").has(kg::tok_quote));
    CHECK_FALSE(tok("\xE2\x80\x9C").has(kg::tok_word));
    CHECK_FALSE(tok("warning").has(kg::tok_quote));
}

TEST_CASE("segment: guillemets and straight quotes are quotes", "[text][segment][flags]") {
    auto doc = seg("Kim ha detto \xC2\xAB" "basta\xC2\xBB e \"no\".", {}, "it");
    for (std::string_view q : {"\xC2\xAB", "\xC2\xBB", "\""}) {
        INFO("quote " << q);
        const kg::Token* t = find_token(doc, q);
        REQUIRE(t);
        CHECK(t->has(kg::tok_quote));
    }
}

TEST_CASE("segment: a hyphen or dash between words is flagged", "[text][segment][flags]") {
    auto doc = seg("Moscow \xE2\x80\x93 Pyongyang talks - again.");
    const kg::Token* en = find_token(doc, "\xE2\x80\x93");
    REQUIRE(en);
    CHECK(en->has(kg::tok_hyphen));
    const kg::Token* minus = find_token(doc, "-");
    REQUIRE(minus);
    CHECK(minus->has(kg::tok_hyphen));
}

TEST_CASE("segment: the first token on each line is flagged", "[text][segment][flags]") {
    auto doc = seg("Kim visits Moscow\n\nThe leader arrived.\nHe met Putin.");
    std::vector<std::string> line_starts;
    for (const auto& t : doc.tokens)
        if (t.has(kg::tok_line_start)) line_starts.emplace_back(doc.view(t));
    CHECK(line_starts == std::vector<std::string>{"Kim", "The", "He"});
}

TEST_CASE("segment: sentences over the length limit get no tokens and are listed", "[text][segment]") {
    const std::string longer = "Kim " + std::string(300, 'a') + " met Putin.";
    const std::string text = "Putin met Kim. " + longer + " Xi met Kim.";
    kg::Document doc;
    doc.id = "t.txt";
    doc.text = text;
    doc.language = "en";
    kg::segment(doc, {}, 100);
    CHECK(sentence_texts(doc) == std::vector<std::string>{"Putin met Kim.", "Xi met Kim."});
    REQUIRE(doc.skipped_sentences.size() == 1);
    CHECK(doc.view(doc.skipped_sentences[0]) == longer);
    for (const auto& t : doc.tokens) CHECK(doc.view(t).find("aaa") == std::string_view::npos);
    kg::segment(doc, {}, 0);
    CHECK(doc.sentences.size() == 3);
    CHECK(doc.skipped_sentences.empty());
}
