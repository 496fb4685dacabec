// SPDX-License-Identifier: Apache-2.0
// kg/text/normalize.hpp: matching keys (NFKC + full case folding, apostrophe and dash
// variants unified), phrase keys and ASCII slugs.
#include "kg/text/normalize.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

bool is_slug(const std::string& s) {
    return !s.empty() && s.front() != '_' && s.back() != '_' && s.find("__") == std::string::npos &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

} // namespace

TEST_CASE("normalize: match_key lower-cases ASCII", "[text][normalize]") {
    CHECK(kg::match_key("Kim Jong Un") == "kim jong un");
    CHECK(kg::match_key("KCNA") == "kcna");
    CHECK(kg::match_key("") == "");
    CHECK(kg::match_key("already lower 123") == "already lower 123");
}

TEST_CASE("normalize: match_key applies NFKC", "[text][normalize]") {
    CHECK(kg::match_key("\xEF\xBC\xAB\xEF\xBC\xA9\xEF\xBC\xAD") == "kim");   // fullwidth ＫＩＭ
    CHECK(kg::match_key("\xEF\xAC\x81nanza") == "finanza");                   // ﬁ ligature
    CHECK(kg::match_key("e\xCC\x81") == kg::match_key("\xC3\xA9"));           // e + combining acute == é
    CHECK(kg::match_key("\xC3\x89lys\xC3\xA9" "e") == "\xC3\xA9lys\xC3\xA9" "e"); // accents are kept
}

TEST_CASE("normalize: match_key applies full case folding", "[text][normalize]") {
    CHECK(kg::match_key("Stra\xC3\x9F" "e") == "strasse");           // ß -> ss
    CHECK(kg::match_key("STRASSE") == kg::match_key("Stra\xC3\x9F" "e"));
    // Ǆ (U+01C4), ǅ (U+01C5) and ǆ (U+01C6) all give "dž" (d + U+017E).
    CHECK(kg::match_key("\xC7\x84") == "d\xC5\xBE");
    CHECK(kg::match_key("\xC7\x85") == "d\xC5\xBE");
    CHECK(kg::match_key("\xC7\x86") == "d\xC5\xBE");
    CHECK(kg::match_key("\xD0\xA8\xD0\xBE\xD0\xB9\xD0\xB3\xD1\x83") == "\xD1\x88\xD0\xBE\xD0\xB9\xD0\xB3\xD1\x83"); // Шойгу -> шойгу
    CHECK(kg::match_key("\xCE\xA3\xCE\x99\xCE\x93\xCE\x9C\xCE\x91") == kg::match_key("\xCF\x83\xCE\xB9\xCE\xB3\xCE\xBC\xCE\xB1")); // ΣΙΓΜΑ
}

TEST_CASE("normalize: match_key unifies apostrophe variants", "[text][normalize]") {
    const std::string want = "l'ucraina";
    CHECK(kg::match_key("l'Ucraina") == want);
    CHECK(kg::match_key("l\xE2\x80\x99Ucraina") == want); // ’ U+2019
    CHECK(kg::match_key("l\xE2\x80\x98Ucraina") == want); // ‘ U+2018
    CHECK(kg::match_key("l`Ucraina") == want);            // ` U+0060 (ASCII path)
    CHECK(kg::match_key("l`Ucra\xC3\xAFna") == "l'ucra\xC3\xAFna"); // ` on the ICU path
    CHECK(kg::match_key("l\xCA\xBCUcraina") == want);     // ʼ U+02BC
}

TEST_CASE("normalize: match_key maps the acute accent U+00B4 to an apostrophe", "[text][normalize]") {
    // The header promises ´ -> '. NFKC decomposes U+00B4 to U+0020 U+0301 *before* the
    // apostrophe mapping runs, so the key becomes "l \u0301ucraina" (a space inside a word).
    CHECK(kg::match_key("l\xC2\xB4Ucraina") == "l'ucraina");
    CHECK(kg::phrase_key("l\xC2\xB4Ucraina") == kg::phrase_key("l'Ucraina"));
}

TEST_CASE("normalize: match_key unifies hyphen and dash variants", "[text][normalize]") {
    const std::string want = "jong-un";
    CHECK(kg::match_key("Jong-un") == want);
    CHECK(kg::match_key("Jong\xE2\x80\x90un") == want); // ‐ U+2010
    CHECK(kg::match_key("Jong\xE2\x80\x91un") == want); // ‑ U+2011 (non-breaking)
    CHECK(kg::match_key("Jong\xE2\x80\x92un") == want); // ‒ U+2012
    CHECK(kg::match_key("Jong\xE2\x80\x93un") == want); // – U+2013
    CHECK(kg::match_key("Jong\xE2\x80\x94un") == want); // — U+2014
    CHECK(kg::match_key("Jong\xE2\x80\x95un") == want); // ― U+2015
}

TEST_CASE("normalize: match_key is idempotent", "[text][normalize]") {
    for (const char* s : {"Kim Jong\xE2\x80\x93un", "l\xE2\x80\x99Ucraina", "Stra\xC3\x9F" "e", "\xEF\xBC\xAB\xEF\xBC\xA9\xEF\xBC\xAD",
                          "\xC7\x84", "Corea del Nord"}) {
        const std::string k = kg::match_key(s);
        CHECK(kg::match_key(k) == k);
    }
}

TEST_CASE("normalize: phrase_key ignores case, hyphens and repeated spaces", "[text][normalize]") {
    CHECK(kg::phrase_key("Kim Jong-un") == "kim jong un");
    CHECK(kg::phrase_key("kim  jong un") == "kim jong un");
    CHECK(kg::phrase_key("Kim Jong-un") == kg::phrase_key("kim  jong un"));
    CHECK(kg::phrase_key("Kim Jong\xE2\x80\x93Un") == kg::phrase_key("KIM JONG UN"));
    CHECK(kg::phrase_key("  Corea   del\tNord \n") == "corea del nord");
    CHECK(kg::phrase_key("") == "");
    CHECK(kg::phrase_key(" - ") == "");
}

TEST_CASE("normalize: phrase_words splits an elided article off its word", "[text][normalize]") {
    CHECK(kg::phrase_words("l\xE2\x80\x99Ucraina") == std::vector<std::string>{"l'", "ucraina"});
    CHECK(kg::phrase_words("dell'Occidente") == std::vector<std::string>{"dell'", "occidente"});
    CHECK(kg::phrase_words("il ministro degli Esteri") ==
          std::vector<std::string>{"il", "ministro", "degli", "esteri"});
    CHECK(kg::phrase_key("l'Ucraina") == "l' ucraina");
}

TEST_CASE("normalize: slugify transliterates Latin names to ASCII", "[text][normalize]") {
    CHECK(kg::slugify("\xC5\xA0ojgu") == "sojgu");
    CHECK(kg::slugify("Kim Il-Sung Square") == "kim_il_sung_square");
    CHECK(kg::slugify("Corea del Nord") == "corea_del_nord");
    CHECK(kg::slugify("C\xC3\xB4te d\xE2\x80\x99Ivoire") == "cote_divoire");
    CHECK(kg::slugify("  --Hwasong-11--  ") == "hwasong_11");
    CHECK(kg::slugify("Stra\xC3\x9F" "e") == "strasse");
}

TEST_CASE("normalize: slugify of Cyrillic, Korean and Chinese gives an ASCII slug", "[text][normalize]") {
    const std::string cyr = kg::slugify("\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 \xD0\xA8\xD0\xBE\xD0\xB9\xD0\xB3\xD1\x83"); // Сергей Шойгу
    CHECK(is_slug(cyr));
    CHECK(cyr.find('_') != std::string::npos);
    const std::string kor = kg::slugify("\xEA\xB9\x80\xEC\xA0\x95\xEC\x9D\x80"); // 김정은
    CHECK(is_slug(kor));
    const std::string zh = kg::slugify("\xE5\x8C\x97\xE4\xBA\xAC"); // 北京
    CHECK(is_slug(zh));
    INFO("cyrillic: " << cyr << "  korean: " << kor << "  chinese: " << zh);
    CHECK(cyr == "sergej_sojgu");
}

TEST_CASE("normalize: slugify of text without letters or digits is empty", "[text][normalize]") {
    CHECK(kg::slugify("") == "");
    CHECK(kg::slugify(" - , . ") == "");
}
