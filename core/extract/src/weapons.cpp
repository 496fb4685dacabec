// SPDX-License-Identifier: Apache-2.0
// Stages "designators" and "weapon_nouns": weapons named by a model designator
// ("Hwasong-11", "KN-23") in a sentence about weapons, weapon classes named by a head noun
// of the language data ("missili", "drones"), keyed by stem so that singular and plural are
// one class, and systems named by a model name joined to a class ("Leopard tanks").
#include "stages.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>
#include <utility>

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

// A token that can be part of a weapon system's name: a capitalised word, not the
// sentence's first (whose capital says nothing), and no other name, demonym or function word.
bool model_word(const StageContext& c, std::uint32_t t) {
    const Token& w = c.doc.tokens[t];
    // "500-Kilogramm-Bomben": a word joined to a number by a hyphen is a measure.
    const auto& T = c.doc.tokens;
    if (t >= 2 && T[t - 1].has(tok_hyphen) && T[t - 2].has(tok_digit)) return false;
    return w.has(tok_word) && (w.has(tok_upper_initial) || w.has(tok_all_caps)) && !w.has(tok_digit) && c.owner[t] < 0 &&
           t != c.doc.sentences[w.sentence].first_token && !c.in(c.lang.function_words, w.key) &&
           !c.in(c.lang.not_name_words, w.key) && (c.demonym_of.empty() || c.demonym_of[t].empty());
}

// "18 Leopard tanks", "Caesar-Haubitzen", "carri armati Leopard", "canons Caesar": the
// capitalised words joined to a weapon class's head [b, e) name a system of that class.
// Where modifiers come before the head, up to two words right before it (German: one,
// joined by a hyphen, since every German noun is capitalised); elsewhere up to two right
// after it, past one lower-case word of the head's own ("carri armati"). The model's tokens.
std::pair<std::uint32_t, std::uint32_t> model_name(const StageContext& c, std::uint32_t b, std::uint32_t e) {
    const auto& T = c.doc.tokens;
    const std::uint32_t first = c.doc.sentences[T[b].sentence].first_token, end = c.doc.sentences[T[b].sentence].end_token;
    if (c.lang.modifiers_before_head) {
        if (c.lang.person_needs_given_name) { // German: "Leopard-Panzer"
            const bool joined = b >= first + 2 && T[b - 1].has(tok_hyphen) && T[b - 2].span.end == T[b - 1].span.begin &&
                                T[b - 1].span.end == T[b].span.begin;
            return joined && model_word(c, b - 2) ? std::pair{b - 2, b - 1} : std::pair{b, b};
        }
        std::uint32_t m = b;
        while (m > first && b - m < 2 && model_word(c, m - 1)) --m;
        return {m, b};
    }
    std::uint32_t m = e;
    if (m < end && T[m].has(tok_word) && !T[m].has(tok_upper_initial) && !c.in(c.lang.function_words, T[m].key) && c.owner[m] < 0 &&
        m + 1 < end && model_word(c, m + 1))
        ++m; // "carri armati Leopard"
    std::uint32_t me = m;
    while (me < end && me - m < 2 && model_word(c, me)) ++me;
    return {m, me};
}

// Widen the weapon class mentions that a model name joins into mentions of the system, keyed
// by the model's name in every language ("Leopard tanks", "carri armati Leopard", "chars
// Leopard" and "Leopard-Panzer" are one entity).
void name_weapon_models(StageContext& c) {
    for (std::size_t m = 0; m < c.mentions.size(); ++m) {
        Mention& mention = c.mentions[m];
        if (!c.is(mention.cls, Trait::weapon)) continue;
        bool common = true; // a class named by its head noun, not a name
        for (std::uint32_t t = mention.tok_begin; t < mention.tok_end && common; ++t)
            common = !c.doc.tokens[t].has(tok_upper_initial) || c.lang.person_needs_given_name;
        // Where every noun is capitalised, only a head noun of the language data says "class".
        bool head = !c.lang.person_needs_given_name;
        for (std::uint32_t t = mention.tok_begin; t < mention.tok_end; ++t) head |= c.in(c.lang.weapon_heads, c.doc.tokens[t].key);
        if (!common || !head) continue;
        const auto [mb, me] = model_name(c, mention.tok_begin, mention.tok_end);
        if (mb >= me) continue;
        const std::string model(c.doc.view(ByteSpan{c.doc.tokens[mb].span.begin, c.doc.tokens[me - 1].span.end}));
        const std::uint32_t b = std::min(mb, mention.tok_begin), e = std::max(me, mention.tok_end);
        for (std::uint32_t t = b; t < e; ++t)
            if (c.owner[t] < 0) c.owner[t] = static_cast<int>(m);
        mention.tok_begin = b;
        mention.tok_end = e;
        mention.span = ByteSpan{c.doc.tokens[b].span.begin, c.doc.tokens[e - 1].span.end};
        mention.source = MentionSource::designator;
        c.rekey_mention(static_cast<int>(m), slugify(model), mention.cls, std::string(c.doc.view(mention.span)));
    }
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
    name_weapon_models(c);
}

} // namespace kg::detail
