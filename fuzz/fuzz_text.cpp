// SPDX-License-Identifier: Apache-2.0
// The text pipeline on arbitrary bytes that pass read_input's checks (no NUL, valid UTF-8):
// language detection, ICU segmentation, mention and relation extraction, merging into the
// graph. Only kg::Error may escape, and the contracts hold: sentence spans inside the text,
// every evidence text equal to the bytes it points at.
// The first byte picks the language option (auto, it, en, fr, es, de).
#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/base/utf8.hpp"
#include "fuzz_check.hpp"

#include <string>

using kg::fuzz::check;

namespace {
const kg::Ontology& ontology() {
    static const kg::Ontology onto = kg::load_ontology({KG_ONTOLOGY_DIR});
    return onto;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kg::Extractor extractor(ontology());
    if (size == 0) return 0;
    static const char* langs[] = {"auto", "it", "en", "fr", "es", "de"};
    const std::string lang = langs[data[0] % 6];
    std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (kg::find_nul(text) || kg::find_invalid_utf8(text)) return 0; // read_input refuses these
    kg::Document doc;
    doc.id = "fuzz.txt";
    doc.text = text;
    if (lang != "auto") doc.language = lang;
    kg::AnnotatedDocument x;
    try {
        x = extractor.extract(std::move(doc));
    } catch (const kg::Error&) {
        return 0;
    }
    check(x.doc.text == text, "extraction text differs from the input");
    for (const auto& s : x.doc.sentences) check(s.span.begin <= s.span.end && s.span.end <= text.size(), "sentence span outside the text");
    for (const auto& m : x.mentions) check(m.span.end <= text.size() && m.tok_end <= x.doc.tokens.size(), "mention outside the text");
    kg::KnowledgeGraph g;
    kg::merge_into(g, x, ontology());
    for (auto e : boost::make_iterator_range(boost::edges(g.graph())))
        for (const auto& ev : g.relation(e).evidence)
            check(ev.end <= text.size() && ev.text == text.substr(ev.begin, ev.end - ev.begin), "evidence text");
    return 0;
}
