// SPDX-License-Identifier: Apache-2.0
// Bugs found after the code was written, each with the input that showed it.
#include "kg/extract/extractor.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

const kg::Ontology& ontology() {
    static const kg::Ontology onto = kg::load_ontology({KG_ONTOLOGY_DIR});
    return onto;
}

kg::AnnotatedDocument extract(const std::string& text, const std::string& language) {
    static const kg::Extractor x(ontology());
    kg::Document doc;
    doc.id = "regression.txt";
    doc.text = text;
    doc.language = language;
    return x.extract(std::move(doc));
}

} // namespace

// The quantity reader joined a following three-digit group and then read one token past the
// end of the sentence (5 of 231 documents of a public news corpus crashed the build).
TEST_CASE("regression: a line ending in digit groups (phone numbers, cricket scores)", "[regression]") {
    for (const char* text : {"+31 20 504 504", "from 4-247 5-252", "Porsche 911 164", "1 000 000"})
        for (const char* language : {"en", "it", "fr", "es", "de"}) {
            CAPTURE(text, language);
            CHECK_NOTHROW(extract(text, language));
        }
}

// A count too large for a long long was converted anyway: -9223372036854775808 troops.
TEST_CASE("regression: a count too large to be one gives no quantity", "[regression]") {
    const auto a = extract("Russia sent 999999999999 billion troops to North Korea.", "en");
    for (const auto& r : a.relations) CHECK(r.quantity.find('-') == std::string::npos);
    for (const auto& f : a.facts) CHECK(f.quantity.empty());
}

// A title of more than 300 bytes was cut inside a character.
TEST_CASE("regression: the title is cut at a character boundary", "[regression]") {
    std::string title;
    for (int i = 0; i < 149; ++i) title += "\xC3\xA9"; // é, 298 bytes
    title += "x\xC3\xA9 and the rest\nPutin met Kim.";
    const auto a = extract(title, "en");
    CHECK(a.info.title.size() == 299);
    CHECK(a.info.title.back() == 'x');
}
