// SPDX-License-Identifier: Apache-2.0
// Stage "headlines": a title-case headline ("Putin Promises Trade And Security") has capitals
// everywhere, so name shapes would find a name in every word pair; such sentences are marked.
#include "stages.hpp"

namespace kg::detail {
namespace {

bool is_headline(const Document& doc, const Sentence& s) {
    int words = 0, upper = 0;
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = doc.tokens[i];
        if (!t.has(tok_word) || t.has(tok_digit)) continue;
        ++words;
        if (t.has(tok_upper_initial)) ++upper;
    }
    return words >= 4 && upper * 10 >= words * 7;
}

} // namespace

void mark_headlines(StageContext& c) {
    c.headline.assign(c.doc.sentences.size(), false);
    for (std::size_t s = 0; s < c.doc.sentences.size(); ++s) c.headline[s] = is_headline(c.doc, c.doc.sentences[s]);
}

} // namespace kg::detail
