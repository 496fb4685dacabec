// SPDX-License-Identifier: Apache-2.0
// Stages "designators" and "weapon_nouns": weapons named by a model designator
// ("Hwasong-11", "KN-23") in a sentence about weapons, and weapon classes named by a head
// noun of the language data ("missili", "drones"), keyed by stem so that singular and
// plural are one class.
#include "stages.hpp"

#include "kg/text/normalize.hpp"

namespace kg::detail {
namespace {

bool sentence_mentions_weapons(const StageContext& c, std::uint32_t s) {
    const Sentence& sent = c.doc.sentences[s];
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
        if (c.in(c.lang.weapon_heads, c.doc.tokens[i].key)) return true;
        if (const Mention* m = c.mention_at(i); m && c.is(m->cls, Trait::weapon)) return true;
    }
    return false;
}

} // namespace

void find_designators(StageContext& c) {
    const auto& T = c.doc.tokens;
    for (std::uint32_t i = 0; i + 2 < T.size(); ++i) {
        const Token& a = T[i];
        const Token& h = T[i + 1];
        const Token& b = T[i + 2];
        if (!a.has(tok_word) || !(a.has(tok_upper_initial)) || a.has(tok_digit)) continue;
        if (!h.has(tok_hyphen) || h.span.begin != a.span.end || b.span.begin != h.span.end) continue;
        if (!b.has(tok_digit) || a.sentence != b.sentence) continue;
        if (!c.free(i, i + 3) || c.in(c.lang.not_name_words, a.key)) continue;
        if (!sentence_mentions_weapons(c, a.sentence)) continue;
        std::string name(c.doc.view(ByteSpan{a.span.begin, b.span.end}));
        c.add_mention(i, i + 3, slugify(name), c.class_with(Trait::weapon), MentionSource::designator, name);
    }
}

void find_weapon_nouns(StageContext& c) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        c.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (c.owner[index[i]] >= 0 || !c.in(c.lang.weapon_heads, words[i]->key)) continue;
            const std::string key = c.in(c.lang.function_words, words[i]->key) || words[i]->has(tok_apostrophe)
                                        ? std::string()
                                        : slugify(c.stem(words[i]->key));
            c.add_mention(index[i], index[i] + 1, key, c.class_with(Trait::weapon), MentionSource::common_noun, words[i]->key);
        }
    }
}

} // namespace kg::detail
