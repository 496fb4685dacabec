// SPDX-License-Identifier: Apache-2.0
#include "sentence_view.hpp"

#include "kg/text/normalize.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace kg::detail {

bool capitalised(std::string_view phrase) {
    if (phrase.empty()) return false;
    std::int32_t i = 0;
    UChar32 first = 0;
    U8_NEXT(phrase.data(), i, static_cast<std::int32_t>(phrase.size()), first);
    return first >= 0 && u_isupper(first);
}

SentenceView::SentenceView(const StageContext& context, std::uint32_t s) : c(context), index(s) {
    const Sentence& sent = c.doc.sentences[s];
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
        const Token& t = c.doc.tokens[i];
        if (t.has(tok_hyphen)) continue;
        toks.push_back(i);
        stems.push_back(c.token_stem(i));
        const int m = c.owner[i];
        mention_at.push_back(m);
        if (m >= 0 && (mentions.empty() || mentions.back() != m)) mentions.push_back(m);
    }
}

std::pair<std::size_t, std::size_t> SentenceView::extent(int m) const {
    std::size_t b = toks.size(), e = 0;
    for (std::size_t p = 0; p < toks.size(); ++p)
        if (mention_at[p] == m) { b = std::min(b, p); e = p; }
    return {b, e};
}

bool SentenceView::matches(const TriggerDef& t, std::size_t p) const {
    if (p + t.stems.size() > toks.size()) return false;
    for (std::size_t k = 0; k < t.stems.size(); ++k)
        if (stems[p + k] != t.stems[k] || !tok(p + k).has(tok_word) || (t.exact && tok(p + k).key != t.keys[k])) return false;
    // Stems are coarse ("alleati" and the preposition "alle" share one): a function word is
    // a trigger only where the data spells it.
    const std::string& key = tok(p).key;
    if (t.stems.size() == 1 && (c.in(c.lang.function_words, key) || c.in(c.lang.prepositions, key)) && phrase_key(t.phrase) != key)
        return false;
    // Where every noun is capitalised the data spells verbs in lower case, and a capitalised
    // word inside the sentence is a noun ("mit 220 Treffern" is no "treffen").
    const bool noun_trigger = capitalised(t.phrase);
    if (c.lang.person_needs_given_name && !noun_trigger && p > 0 && tok(p).has(tok_upper_initial) && tok(p - 1).has(tok_word))
        return false;
    if (c.lang.separable_particles.empty() || noun_trigger) return t.particle.empty();
    return closing_particle(p + t.stems.size() - 1) == t.particle;
}

std::string_view SentenceView::closing_particle(std::size_t p) const {
    // The clause ends at a comma or a clause mark, or at a coordinator that joins another verb
    // ("griff an und tötete"), not another name ("griff Kiew und Odessa an"). A quote may
    // open a quoted phrase inside the clause ("warnte ihn vor \"sozialer Demontage\"").
    auto particle_before = [&](std::size_t q) -> std::string_view {
        if (q <= p + 1) return {};
        const Token& t = tok(q - 1);
        if (mention_at[q - 1] >= 0 || t.has(tok_upper_initial) || !c.in(c.lang.separable_particles, t.key)) return {};
        return t.key;
    };
    for (std::size_t q = p + 1; q < toks.size(); ++q) {
        const Token& t = tok(q);
        if (t.has(tok_comma) || ends_clause(t)) return particle_before(q);
        if (!c.in(c.lang.coordinators, t.key)) continue;
        if (auto part = particle_before(q); !part.empty()) return part;
        const bool verb_follows = q + 1 < toks.size() && tok(q + 1).has(tok_word) && !tok(q + 1).has(tok_upper_initial) &&
                                  !c.in(c.lang.articles, tok(q + 1).key) && !tok(q + 1).has(tok_digit);
        if (verb_follows) return {};
    }
    return particle_before(toks.size());
}

const std::vector<SentenceView::TriggerStart>& SentenceView::trigger_starts() const {
    if (trigger_starts_built_) return trigger_starts_;
    trigger_starts_built_ = true;
    const auto& by_stem = c.tables.triggers_by_first_stem;
    for (std::size_t p = 0; p < stems.size(); ++p)
        if (auto it = by_stem.find(stems[p]); it != by_stem.end())
            for (const TriggerRef& ref : it->second) trigger_starts_.push_back({p, &ref});
    return trigger_starts_;
}

bool SentenceView::has_any(const std::vector<TriggerDef>& markers, std::size_t* where) const {
    for (std::size_t p = 0; p < toks.size(); ++p) {
        // "States" in "United States", "State" in "Secretary of State Antony Blinken" are
        // no reporting verbs.
        if (mention_at[p] >= 0 || c.role_tokens.count(toks[p])) continue;
        for (const auto& t : markers)
            if (matches(t, p)) {
                if (where) *where = p;
                return true;
            }
    }
    return false;
}

bool SentenceView::introducer(std::size_t p) const {
    const auto ti = toks[p];
    return c.role_tokens.count(ti) || (!c.demonym_of.empty() && !c.demonym_of[ti].empty());
}

std::vector<int> coordination_group(const SentenceView& v, int m) {
    const auto& mentions = v.mentions;
    auto pos = static_cast<std::size_t>(std::find(mentions.begin(), mentions.end(), m) - mentions.begin());
    const std::string& coarse = v.c.onto.class_def(v.cls(m)).coarse;
    // 0: not joined; 1: joined by a comma; 2: joined by a coordinator ("e", "and").
    auto joint = [&](int a, int b) -> int {
        auto ae = v.extent(a).second;
        auto bb = v.extent(b).first;
        if (v.c.onto.class_def(v.cls(b)).coarse != coarse || bb <= ae + 1) return 0;
        int kind = 0;
        for (std::size_t p = ae + 1; p < bb; ++p) {
            const Token& t = v.tok(p);
            if (v.c.in(v.c.lang.coordinators, t.key)) { kind = 2; continue; }
            if (t.has(tok_comma)) { kind = std::max(kind, 1); continue; }
            if (v.c.in(v.c.lang.articles, t.key) || t.has(tok_apostrophe)) continue;
            // "Macron e la cancelliera tedesca Angela Merkel": a role and a demonym introduce
            // the next member.
            if (v.introducer(p)) continue;
            return 0;
        }
        return kind;
    };
    // "Cina, Russia e Iran": commas join only in a list that a coordinator closes.
    std::size_t first = pos, last = pos;
    while (first > 0 && joint(mentions[first - 1], mentions[first])) --first;
    while (last + 1 < mentions.size() && joint(mentions[last], mentions[last + 1])) ++last;
    while (last > first && joint(mentions[last - 1], mentions[last]) == 1) --last; // trailing commas
    if (last < pos) last = pos;
    bool coordinated = false;
    for (std::size_t i = first; i < last; ++i) coordinated |= joint(mentions[i], mentions[i + 1]) == 2;
    if (!coordinated || pos < first || pos > last) return {m};
    return std::vector<int>(mentions.begin() + static_cast<std::ptrdiff_t>(first),
                            mentions.begin() + static_cast<std::ptrdiff_t>(last) + 1);
}

bool is_clitic(const SentenceView& v, std::size_t p) {
    const auto& suffixes = v.c.lang.segmentation.clitic_suffixes;
    return std::find(suffixes.begin(), suffixes.end(), v.tok(p).key) != suffixes.end();
}

const Token* word_before(const SentenceView& v, std::size_t b) {
    std::size_t k = b;
    int articles = 0;
    for (int steps = 0; k > 0 && steps < 8; ++steps) {
        const Token& t = v.tok(k - 1);
        const bool article = (t.has(tok_apostrophe) && !v.c.in(v.c.lang.prepositions, t.key) && !v.c.in(v.c.lang.genitives, t.key)) ||
                             v.c.in(v.c.lang.articles, t.key);
        // "contro il gasdotto Turkstream": a place descriptor introduces the name as a role
        // word introduces a person's.
        const bool descriptor = v.mention_at[k - 1] < 0 && v.c.in(v.c.lang.place_descriptors, t.key);
        if (v.introducer(k - 1) || descriptor || (article && articles++ < 2)) { --k; continue; }
        break;
    }
    return k > 0 ? &v.tok(k - 1) : nullptr;
}

bool prepositional(const SentenceView& v, std::size_t b) {
    const Token* t = word_before(v, b);
    return t && (v.c.in(v.c.lang.prepositions, t->key) || v.c.in(v.c.lang.genitives, t->key));
}

} // namespace kg::detail
