// SPDX-License-Identifier: Apache-2.0
// Stage "headed_names": names built on a head noun of the language data. A national body
// described in common words ("il ministero della difesa russo", "the Russian defence
// ministry", "Russia's Security Council") is an institution keyed by its words and its
// state; a capitalised head-first name ("Ministero della Difesa", "regione di Kursk") is an
// institution or a place by its head.
#include "names.hpp"
#include "stages.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>

namespace kg::detail {
namespace {

struct Words {
    const std::vector<const Token*>& words;
    const std::vector<std::uint32_t>& index;
};

std::string body_key(const StageContext& c, const Words& s, std::size_t b, std::size_t e, const std::string& state) {
    return national_body_key(c, s.index[b], s.index[e - 1] + 1, state);
}

// An organisation's head noun: a word of the list, or where nouns join into compounds a word
// that ends in one ("Verteidigungsministerium").
bool organization_head(const StageContext& c, const std::string& key) {
    if (c.in(c.lang.organization_heads, key)) return true;
    if (!c.lang.compound_heads) return false;
    for (const auto& head : c.lang.organization_heads)
        if (key.size() > head.size() + 2 && key.ends_with(head)) return true;
    return false;
}

// After a demonym that follows a head at e: a connector, articles and one or two content
// words ("de la Défense"); returns the end of those words, or e.
std::size_t words_after_demonym(const StageContext& c, const Words& s, std::size_t e) {
    const auto& words = s.words;
    if (e >= words.size() || !c.in(c.lang.name_connectors, words[e]->key)) return e;
    std::size_t j = e + 1;
    while (j < words.size() && (c.in(c.lang.articles, words[j]->key) || words[j]->has(tok_apostrophe))) ++j;
    std::size_t end = j;
    while (end < words.size() && end < j + 2 && c.owner[s.index[end]] < 0 && words[end]->has(tok_word) && !words[end]->has(tok_digit) &&
           !c.in(c.lang.function_words, words[end]->key) && demonym_state_id(c, s.index[end]).empty())
        ++end;
    return end == j ? e : end;
}

// Romance order: "<head> [di] word [word] <demonym>" at head i; returns the words consumed.
std::size_t body_head_first(StageContext& c, const Words& s, std::size_t i, bool agent_only) {
    const auto& words = s.words;
    std::size_t j = i + 1;
    int content = 0;
    while (j < words.size() && j - i <= 4 && c.owner[s.index[j]] < 0) {
        const std::string st = demonym_state_id(c, s.index[j]);
        if (!st.empty()) {
            std::size_t e = j;
            while (e < words.size() && !demonym_state_id(c, s.index[e]).empty()) ++e;
            if (content == 0) {
                // "le ministère kényan de la Défense": the body's own words after the demonym.
                const std::size_t after = words_after_demonym(c, s, e);
                if (after == e || body_kind_of(c, s.index[i], s.index[after - 1] + 1).empty()) return 0;
                add_body(c, s.index[i], s.index[after - 1] + 1, body_key(c, s, i, after, st), MentionSource::name_shape,
                         text_of(c, s.index, i, after));
                return after - i;
            }
            // "l'agenzia di stampa russa Interfax" describes the named agency that follows.
            if (e < words.size()) {
                const Mention* named = c.mention_at(s.index[e]);
                const bool org_name = named ? c.is(named->cls, Trait::institution)
                                            : words[e]->has(tok_upper_initial) && !c.in(c.lang.given_names, words[e]->key) &&
                                                  !c.in(c.lang.not_name_words, words[e]->key);
                if (org_name) return e - i;
            }
            // A state agent's head ("servizi", "forces") makes a body only of a kind the data
            // names: "i servizi segreti americani" are the United States acting.
            if (agent_only && body_kind_of(c, s.index[i], s.index[e - 1] + 1).empty()) return 0;
            add_body(c, s.index[i], s.index[e - 1] + 1, body_key(c, s, i, e, st), MentionSource::name_shape, text_of(c, s.index, i, e));
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
std::size_t body_head_last(StageContext& c, const Words& s, std::size_t i, bool agent_only) {
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
    // "die russische Armee": a state agent with no word of its own is the state acting.
    if (agent_only && (b == i || body_kind_of(c, s.index[b], s.index[i] + 1).empty())) return 0;
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
    add_body(c, s.index[start], s.index[i] + 1, body_key(c, s, start, i + 1, state), MentionSource::name_shape,
             text_of(c, s.index, start, i + 1));
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
        // "Ministero della Difesa", "Ministère de la Défense", "Ministère de l'Intérieur"; a
        // place's name ends at a coordinator ("Río de Janeiro y Espíritu Santo" are two),
        // an institution's may go on ("Ministerio de Ciencia y Tecnología").
        std::size_t k = j;
        while (k < words.size() && k - j < 2 &&
               (c.in(c.lang.name_connectors, words[k]->key) || c.in(c.lang.articles, words[k]->key) || words[k]->has(tok_apostrophe)) &&
               (org_head || !c.in(c.lang.coordinators, words[k]->key)))
            ++k;
        if (k > j && k < words.size() && words[k]->has(tok_upper_initial) && c.owner[s.index[k]] < 0) { j = k; continue; }
        break;
    }
    return last;
}

// "la città ucraina di Zolotarivka", "la ciudad ucraniana de Járkov": a place noun, a
// demonym and a genitive say that the name after them is a place, and only the name is its
// name (the demonym's state contains it: the containment stage reads that). Returns the end
// of the name in words, or 0 when the words at i are not so.
std::size_t name_after_demonym(StageContext& c, const Words& s, std::size_t i) {
    const auto& words = s.words;
    std::size_t j = i + 1;
    while (j < words.size() && c.owner[s.index[j]] < 0 && !c.demonym_of[s.index[j]].empty()) ++j;
    if (j == i + 1 || j >= words.size() || !c.in(c.lang.genitives, words[j]->key)) return 0;
    std::size_t k = j + 1;
    while (k < words.size() && (c.in(c.lang.articles, words[k]->key) || words[k]->has(tok_apostrophe))) ++k;
    if (k >= words.size() || c.owner[s.index[k]] >= 0 || !words[k]->has(tok_upper_initial) || !name_word(c, *words[k])) return 0;
    constexpr std::size_t max_words = 4;
    const std::size_t end = name_run(c, words, s.index, k, max_words);
    if (end <= k) return 0;
    const std::string name = text_of(c, s.index, k, end);
    c.add_mention(s.index[k], s.index[end - 1] + 1, slugify(name), c.class_with(Trait::location), MentionSource::name_shape, name);
    return end;
}

// "Shahed Aviation Industries", "Kim Il Sung University", "Kim Il Sung Square": a person's or
// a weapon's name followed by capitalised words that end in an institution's or a place's
// head noun is the name of that institution or place, named after them; the known name
// alone was only its first words.
void widen_names_with_heads(StageContext& c) {
    constexpr std::size_t max_words = 5;
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        if (c.headline[s]) continue;
        c.words_of(s, words, index);
        for (std::size_t j = 1; j < words.size(); ++j) {
            const Mention* before = c.mention_at(index[j - 1]);
            if (!before || c.owner[index[j]] >= 0 || before->tok_end != index[j - 1] + 1 || !name_word(c, *words[j])) continue;
            // People and weapons lend their names; a state or a body before a head is its
            // owner or its place ("the West Bank", "EFE Baleares"), which another stage reads.
            if (!(c.is(before->cls, Trait::person) || c.is(before->cls, Trait::weapon)) || !words[j]->has(tok_upper_initial)) continue;
            const std::size_t run_end = name_run(c, words, index, j, max_words);
            // The last head noun of the run ends the name ("Shahed Aviation Industries
            // Research Center").
            std::size_t head = run_end;
            bool institution = false;
            for (std::size_t k = run_end; k-- > j;) {
                if (institution_head_anywhere(c, words[k]->key)) {
                    head = k;
                    institution = true;
                    break;
                }
                if (c.in(c.lang.place_heads, words[k]->key)) {
                    head = k;
                    break;
                }
            }
            if (head == run_end) continue;
            const int m = c.owner[index[j - 1]];
            widen_mention(c, m, index[head] + 1, c.class_with(institution ? Trait::institution : Trait::location));
            j = head;
        }
    }
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
            // A state agent's head with words of its own ("il ministero della difesa russo",
            // "the Kenyan defence ministry") is a body; alone ("il ministero russo") it is the
            // state acting.
            const bool named = t.has(tok_upper_initial) && !c.lang.person_needs_given_name;
            // "state news agency": where the head comes last, a head followed by another one
            // is a modifier of it.
            const bool head_follows = c.lang.modifiers_before_head && i + 1 < words.size() && c.owner[index[i + 1]] < 0 &&
                                      organization_head(c, words[i + 1]->key);
            if (organization_head(c, t.key) && !head_follows) {
                const bool agent_only = !named && c.in(c.lang.state_agents, t.key);
                const std::size_t n =
                    c.lang.modifiers_before_head ? body_head_last(c, sw, i, agent_only) : body_head_first(c, sw, i, agent_only);
                if (n) { i += n - 1; continue; }
            }
            const bool org_head = c.in(c.lang.organization_heads, t.key) && t.has(tok_upper_initial);
            const bool descriptor = c.in(c.lang.place_descriptors, t.key);
            const bool place_head = c.in(c.lang.place_heads, t.key) || descriptor;
            if (!org_head && !place_head) continue;
            if (place_head && !org_head)
                if (const std::size_t end = name_after_demonym(c, sw, i)) {
                    i = end - 1;
                    continue;
                }
            const std::size_t last = head_first_name(c, sw, i, org_head);
            if (last > i) {
                // "die Zeitung Der Standard", "das Magazin Der Spiegel": a capitalised article
                // right after the head opens a title; the head only says what it names.
                const bool titled = org_head && c.lang.person_needs_given_name && c.in(c.lang.articles, words[i + 1]->key) &&
                                    words[i + 1]->has(tok_upper_initial) && last > i + 1;
                if (titled) {
                    add_institution_name(c, index[i + 1], index[last] + 1, MentionSource::name_shape);
                } else if (org_head) {
                    add_institution_name(c, index[i], index[last] + 1, MentionSource::name_shape);
                } else {
                    // A descriptor right before the name ("il gasdotto Turkstream") says what
                    // it is, but is no part of it; a head is ("piazza Dante").
                    const bool apposed = descriptor && words[i + 1]->has(tok_upper_initial);
                    const std::size_t from = apposed ? i + 1 : i;
                    const std::string name = text_of(c, index, from, last + 1);
                    c.add_mention(index[from], index[last] + 1, slugify(name), c.class_with(Trait::location), MentionSource::name_shape, name);
                }
                i = last;
            }
        }
    }
    widen_names_with_heads(c);
}

} // namespace kg::detail
