// SPDX-License-Identifier: Apache-2.0
// Feature extraction's internals (core/ner/src/features.hpp): the weight sums the tagger
// reads through its per-form cache must equal, integer for integer, the sums of every
// feature extract_features lists, for each shipped model, at sequence ends, in headlines,
// for a form met again and after the cache has started over.
#include "features.hpp"

#include "kg/ner/name_finder.hpp"
#include "kg/text/segment.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace {

// The weight sums of every feature of every token, one feature at a time.
std::vector<std::int32_t> listed_weights(const kg::detail::NerModel& m, const kg::Document& doc,
                                         std::span<const kg::Token> seq, const kg::detail::NameContextData& context) {
    kg::detail::FeatureRows rows;
    kg::detail::extract_features(doc.text, seq, context, m.lexicon, m.feature_groups, rows);
    std::vector<std::int32_t> sums(seq.size() * kg::detail::ner_tag_count, 0);
    for (std::size_t i = 0; i < seq.size(); ++i) m.add_weights(rows.row(i), &sums[i * kg::detail::ner_tag_count]);
    return sums;
}

kg::Document segmented(const std::string& text, const std::string& language) {
    kg::Document doc;
    doc.text = text;
    doc.language = language;
    kg::segment(doc, kg::SegmentationRules{});
    return doc;
}

// Every sentence of `text`, and every one-, two- and three-token prefix of each (the ends
// of a sequence are where neighbours are missing).
void check_text(const kg::detail::NerModel& m, const std::string& text, const std::string& language) {
    const kg::Document doc = segmented(text, language);
    const kg::detail::NameContextData context = kg::detail::build_context(doc.text, doc.tokens);
    REQUIRE_FALSE(doc.sentences.empty());
    for (const kg::Sentence& s : doc.sentences) {
        const std::span<const kg::Token> all(doc.tokens.data() + s.first_token, s.end_token - s.first_token);
        for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}, all.size()}) {
            if (n > all.size()) continue;
            const auto seq = all.first(n);
            INFO(language << ": " << doc.text.substr(s.span.begin, s.span.size()) << " (first " << n << " tokens)");
            CHECK(kg::detail::feature_weights(m, doc.text, seq, context) == listed_weights(m, doc, seq, context));
        }
    }
}

} // namespace

TEST_CASE("ner features: sums by word form equal the sums of the listed features", "[ner]") {
    struct Case {
        const char* language;
        const char* text;
    };
    // Written for this test: names, digits, an elided article, a hyphen, a headline in
    // capitals, a word repeated (the second time from the cache).
    const Case cases[] = {
        {"en", "Minister Anna Ferri met the Velto Bank's chief in Tolvana on 12 May. "
               "FERRI MEETS VELTO BANK CHIEF. The talks were calm, and the talks went on."},
        {"it", "Il ministro Anna Ferri ha incontrato l'ambasciatore della Velto a Tolvana il 12 maggio. "
               "FERRI INCONTRA VELTO. Colloqui franco-tedeschi: i colloqui continuano."},
        {"fr", "La ministre Anna Ferri a rencontré l'ambassadeur de Velto à Tolvana le 12 mai. "
               "Les entretiens franco-allemands continuent."},
        {"es", "La ministra Anna Ferri se reunió con el embajador de Velto en Tolvana el 12 de mayo. "
               "Las conversaciones siguen."},
        {"de", "Ministerin Anna Ferri traf am 12. Mai in Tolvana den Botschafter der Velto-Bank. "
               "Die Gespräche gingen weiter."},
    };
    for (const Case& c : cases) {
        const kg::NameFinder f =
            kg::NameFinder::load(std::string(KG_ONTOLOGY_DIR) + "/models/ner-" + c.language + ".bin");
        const kg::detail::NerModel& m = kg::detail::model_of(f);
        REQUIRE(m.serial != 0);
        check_text(m, c.text, c.language);
        check_text(m, c.text, c.language); // now every form is cached
    }
}

TEST_CASE("ner features: sums stay exact after the form cache starts over", "[ner]") {
    const kg::NameFinder f = kg::NameFinder::load(std::string(KG_ONTOLOGY_DIR) + "/models/ner-en.bin");
    const kg::detail::NerModel& m = kg::detail::model_of(f);
    // More distinct forms than the cache keeps (2^14), in sentences of about twenty words.
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += (i % 7 == 0 ? "Velto" : "word") + std::to_string(i);
        text += i % 20 == 19 ? ". " : " ";
    }
    const kg::Document doc = segmented(text, "en");
    const kg::detail::NameContextData context = kg::detail::build_context(doc.text, doc.tokens);
    std::size_t differ = 0;
    for (const kg::Sentence& s : doc.sentences) {
        const std::span<const kg::Token> seq(doc.tokens.data() + s.first_token, s.end_token - s.first_token);
        if (kg::detail::feature_weights(m, doc.text, seq, context) != listed_weights(m, doc, seq, context)) ++differ;
    }
    CHECK(doc.tokens.size() > 20000); // 20,000 words and the full stops
    CHECK(differ == 0);
}
