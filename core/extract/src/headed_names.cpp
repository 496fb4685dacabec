// SPDX-License-Identifier: Apache-2.0
// Stage "headed_names": names built on a head noun of the language data. A national body
// described in common words ("il ministero della difesa russo", "the Russian defence
// ministry", "Russia's Security Council") is an institution keyed by its words and its
// state; a capitalised head-first name ("Ministero della Difesa", "regione di Kursk") is an
// institution or a place by its head.
#include "names.hpp"
#include "stages.hpp"

#include "kg/text/normalize.hpp"

namespace kg::detail {
namespace {

struct Words {
    const std::vector<const Token*>& words;
    const std::vector<std::uint32_t>& index;
};

std::string body_key(const StageContext& c, const Words& s, std::size_t b, std::size_t e, const std::string& state) {
    return national_body_key(c, s.index[b], s.index[e - 1] + 1, state);
}

// Romance order: "<head> [di] word [word] <demonym>" at head i; returns the words consumed.
std::size_t body_head_first(StageContext& c, const Words& s, std::size_t i) {
    const auto& words = s.words;
    std::size_t j = i + 1;
    int content = 0;
    while (j < words.size() && j - i <= 4 && c.owner[s.index[j]] < 0) {
        const std::string st = demonym_state_id(c, s.index[j]);
        if (!st.empty()) {
            if (content == 0) return 0;
            std::size_t e = j;
            while (e < words.size() && !demonym_state_id(c, s.index[e]).empty()) ++e;
            // "l'agenzia di stampa russa Interfax" describes the named agency that follows.
            if (e < words.size()) {
                const Mention* named = c.mention_at(s.index[e]);
                const bool org_name = named ? c.is(named->cls, Trait::institution)
                                            : words[e]->has(tok_upper_initial) && !c.in(c.lang.given_names, words[e]->key) &&
                                                  !c.in(c.lang.not_name_words, words[e]->key);
                if (org_name) return e - i;
            }
            c.add_mention(s.index[i], s.index[e - 1] + 1, body_key(c, s, i, e, st), c.class_with(Trait::institution),
                          MentionSource::name_shape, text_of(c, s.index, i, e));
            return e - i;
        }
        const Token& u = *words[j];
        if (c.in(c.lang.name_connectors, u.key) || c.in(c.lang.articles, u.key) || u.has(tok_apostrophe)) { ++j; continue; }
        if (!u.has(tok_word) || u.has(tok_digit) || c.in(c.lang.function_words, u.key) || ++content > 2) return 0;
        ++j;
    }
    return 0;
}

// English order: "<demonym|State's> word [word] <head>" ending at head i; returns 1 when found.
std::size_t body_head_last(StageContext& c, const Words& s, std::size_t i) {
    const auto& words = s.words;
    std::size_t b = i;
    int content = 0;
    while (b > 0 && content < 2 && c.owner[s.index[b - 1]] < 0 && demonym_state_id(c, s.index[b - 1]).empty() &&
           words[b - 1]->has(tok_word) && !words[b - 1]->has(tok_digit) && !c.in(c.lang.function_words, words[b - 1]->key)) {
        --b;
        ++content;
    }
    std::string state;
    std::size_t start = b;
    if (b > 0 && !demonym_state_id(c, s.index[b - 1]).empty()) {
        state = demonym_state_id(c, s.index[b - 1]);
        start = b - 1;
        while (start > 0 && !demonym_state_id(c, s.index[start - 1]).empty()) --start;
    } else if (b >= 2 && words[b - 1]->has(tok_apostrophe)) {
        if (const Mention* m = c.mention_at(s.index[b - 2]); m && c.is(m->cls, Trait::sovereign)) {
            state = m->entity;
            start = b;
        }
    }
    if (state.empty()) return 0;
    c.add_mention(s.index[start], s.index[i] + 1, body_key(c, s, start, i + 1, state), c.class_with(Trait::institution),
                  MentionSource::name_shape, text_of(c, s.index, start, i + 1));
    return 1;
}

// A capitalised name that starts with its head noun; returns the last word, or i if none.
std::size_t head_first_name(const StageContext& c, const Words& s, std::size_t i, bool org_head) {
    const auto& words = s.words;
    std::size_t j = i + 1, last = i;
    while (j < words.size() && j - i < 7 && c.owner[s.index[j]] < 0) {
        const Token& u = *words[j];
        // A given name starts the person the organisation introduces:
        // "il portavoce del Ministero degli Esteri Lin Jian".
        if (j > i + 1 && c.in(c.lang.given_names, u.key)) break;
        if (name_word(c, u) || (org_head && u.has(tok_upper_initial) && !u.has(tok_apostrophe))) { last = j; ++j; continue; }
        // "Ministero della Difesa", "Ministère de la Défense", "Ministère de l'Intérieur"
        std::size_t k = j;
        while (k < words.size() && k - j < 2 &&
               (c.in(c.lang.name_connectors, words[k]->key) || c.in(c.lang.articles, words[k]->key) || words[k]->has(tok_apostrophe)))
            ++k;
        if (k > j && k < words.size() && words[k]->has(tok_upper_initial) && c.owner[s.index[k]] < 0) { j = k; continue; }
        break;
    }
    return last;
}

} // namespace

void find_headed_names(StageContext& c) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        if (c.headline[s]) continue;
        c.words_of(s, words, index);
        const Words sw{words, index};
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (c.owner[index[i]] >= 0) continue;
            const Token& t = *words[i];
            // A state's agent described in lower-case words ("il ministero della difesa russo",
            // "North Korean forces") is no name: the state acts through it.
            // A capital says the body is named, except where every noun has one (German).
            const bool named = t.has(tok_upper_initial) && !c.lang.person_needs_given_name;
            if (c.in(c.lang.organization_heads, t.key) && (named || !c.in(c.lang.state_agents, t.key))) {
                const std::size_t n = c.lang.modifiers_before_head ? body_head_last(c, sw, i) : body_head_first(c, sw, i);
                if (n) { i += n - 1; continue; }
            }
            const bool org_head = c.in(c.lang.organization_heads, t.key) && t.has(tok_upper_initial);
            const bool place_head = c.in(c.lang.place_heads, t.key);
            if (!org_head && !place_head) continue;
            const std::size_t last = head_first_name(c, sw, i, org_head);
            if (last > i) {
                if (org_head) {
                    add_institution_name(c, index[i], index[last] + 1, MentionSource::name_shape);
                } else {
                    const std::string name = text_of(c, index, i, last + 1);
                    c.add_mention(index[i], index[last] + 1, slugify(name), c.class_with(Trait::location), MentionSource::name_shape, name);
                }
                i = last;
            }
        }
    }
}

} // namespace kg::detail
