// SPDX-License-Identifier: Apache-2.0
// Stage "roles": role words of the language data ("il ministro degli Esteri", "President")
// and the person they introduce or, set off by a comma, describe ("Robert Fico, il primo
// ministro della Slovacchia"), with the body the role belongs to when the text names it
// (a demonym, a state or an institution around the role words). A role named without a
// person ("il presidente russo ha detto") stands for the one person the article gave it.
#include "names.hpp"
#include "stages.hpp"

#include <algorithm>

#include "kg/text/normalize.hpp"

namespace kg::detail {
namespace {

struct Sentence {
    const std::vector<const Token*>& words;
    const std::vector<std::uint32_t>& index;
    std::uint32_t number;
};

// A role without a named person, kept until every named one is known.
struct BareRole {
    RoleLink link;
    std::uint32_t tok_begin, tok_end;
    bool definite = false; ///< after a definite article, with no body: "the president"
};

// The role's words past any leading article, so that "the President" and "President",
// "il presidente" and "la presidente" are one role when a bare role refers back.
std::vector<std::string> role_head(const StageContext& c, const RoleDef& role) {
    auto b = role.words.begin();
    while (b != role.words.end() && c.in(c.lang.articles, *b)) ++b;
    return {b, role.words.end()};
}

ByteSpan span_of(const Token& a, const Token& b) { return {a.span.begin, b.span.end}; }

// The role words at word i, matched with demonyms left out so that "la ministre
// nord-coréenne des Affaires étrangères" reads as "la ministre des Affaires étrangères";
// returns their length in words (0: none) and fills the role and any affiliation inside or
// before them ("North Korean leader Kim Jong Un", "US State Department spokesman").
std::size_t match_role(const StageContext& c, const Sentence& s, std::size_t i, RoleLink& link) {
    const auto& words = s.words;
    std::vector<const Token*> rest;
    std::vector<std::size_t> rest_pos;
    for (std::size_t k = i; k < words.size() && rest.size() < 8; ++k) {
        if (!c.demonym_of[s.index[k]].empty()) continue;
        rest.push_back(words[k]);
        rest_pos.push_back(k);
    }
    const std::vector<PhraseEntry>* entries = nullptr;
    const std::size_t rn = c.tables.roles.longest(rest, 0, entries);
    if (rn == 0) return 0;
    const std::size_t n = rest_pos[rn - 1] + 1 - i;
    link.role = entries->front().role;
    link.sentence = s.number;
    link.role_span = span_of(*words[i], *words[i + n - 1]);
    for (std::size_t k = i; k < i + n && link.affiliation.empty(); ++k)
        if (!c.demonym_of[s.index[k]].empty()) {
            link.affiliation = demonym_state_id(c, s.index[k]);
            link.affiliation_span = words[k]->span;
        }
    if (link.affiliation.empty() && i > 0) {
        std::size_t k = i;
        while (k > 0 && c.in(c.lang.articles, words[k - 1]->key)) --k;
        if (k > 0 && !c.demonym_of[s.index[k - 1]].empty()) {
            link.affiliation = demonym_state_id(c, s.index[k - 1]);
            link.affiliation_span = words[k - 1]->span;
        } else if (k > 0) {
            // "Sudan's army chief": past the possessive clitic.
            const auto& clitics = c.lang.segmentation.clitic_suffixes;
            if (k > 1 && std::find(clitics.begin(), clitics.end(), words[k - 1]->key) != clitics.end()) --k;
            if (const Mention* m = c.mention_at(s.index[k - 1]); m && affiliation_class(c, m->cls)) {
                link.affiliation = m->entity;
                link.affiliation_span = m->span;
            }
        }
    }
    return n;
}

// Whether the role words [i, i + n), with no name and no body, refer back to someone: after
// a definite article ("the president", "il presidente"), with nothing after them that makes
// them another person's ("el presidente del país, Gustavo Noboa", "el secretario de
// Finanzas", "the spokesman, X"), and a role of office rather than of occupation ("the
// historian" is anyone's).
bool refers_back(const StageContext& c, const Sentence& s, std::size_t i, std::size_t n, const RoleDef& role) {
    const auto& words = s.words;
    const bool definite = c.in(c.lang.definite_articles, words[i]->key) ||
                          (i > 0 && c.in(c.lang.definite_articles, words[i - 1]->key) && c.owner[s.index[i - 1]] < 0);
    if (!definite || !role.body_classes.empty()) return false;
    if (i + n >= words.size()) return true;
    const Token& next = *words[i + n];
    if (next.has(tok_comma) || name_word(c, next) || c.owner[s.index[i + n]] >= 0 || c.in(c.lang.genitives, next.key)) return false;
    // A prepositional phrase after it ("the spokesman for X", "il portavoce a Mosca"); the
    // French auxiliary "a" is no preposition when an adverb or a participle follows it.
    if ((c.in(c.lang.prepositions, next.key) || c.in(c.lang.locative_prepositions, next.key)) && i + n + 1 < words.size()) {
        const std::size_t k = i + n + 1;
        if (c.in(c.lang.articles, words[k]->key) || name_word(c, *words[k]) || c.owner[s.index[k]] >= 0) return false;
    }
    // An adjective may come between: "el presidente boliviano, Hugo Banzer", "il leader
    // politico dell'indipendentismo".
    if (i + n + 1 >= words.size() || c.in(c.lang.function_words, next.key)) return true;
    const Token& after = *words[i + n + 1];
    return !after.has(tok_comma) && !c.in(c.lang.genitives, after.key);
}

// The name after the role words, at word j: a known surname alone or a run of name words.
void name_after_role(StageContext& c, const Sentence& s, std::size_t j, RoleLink& link) {
    const Token& t = *s.words[j];
    const std::size_t e = name_run(c, s.words, s.index, j, 4);
    if (e == j + 1) {
        if (const EntityRecord* known = known_surname(c, t)) {
            c.add_mention(s.index[j], s.index[j] + 1, Ontology::graph_id(*known), c.class_with(Trait::person), MentionSource::role,
                          known->label, known->wikidata, true);
            link.person = Ontology::graph_id(*known);
            return;
        }
    }
    if (e > j) {
        const std::uint32_t end = person_name_end(c, s.index[j], s.index[e - 1] + 1);
        const std::string name(c.doc.view(ByteSpan{c.doc.tokens[s.index[j]].span.begin, c.doc.tokens[end - 1].span.end}));
        c.add_mention(s.index[j], end, slugify(name), c.class_with(Trait::person), MentionSource::role, name);
        link.person = slugify(name);
    }
}

// After the role words (ending at word j): affiliations, locatives, a comma, function words,
// then the person. Returns where the role and the affiliation right after it end.
std::size_t read_after_role(StageContext& c, const Sentence& s, std::size_t j, RoleLink& link) {
    const auto& words = s.words;
    std::size_t role_end = j;
    bool comma_seen = false;
    for (std::size_t steps = 0; j < words.size() && steps < 10; ++steps) {
        const Token& t = *words[j];
        if (const Mention* m = c.mention_at(s.index[j])) {
            if (c.is(m->cls, Trait::person)) {
                // "il consigliere per la politica estera di Putin, Yuri Ushakov", "adviser to
                // Zelensky": a person after a preposition is whom the role serves; the holder
                // is named after the comma or before the role.
                const bool served = j > 0 && (c.in(c.lang.genitives, words[j - 1]->key) || c.in(c.lang.prepositions, words[j - 1]->key));
                if (served && !comma_seen) {
                    // Who serves a person serves that person's state or organisation.
                    if (link.affiliation.empty()) {
                        link.affiliation = recorded_affiliation(c, m->entity);
                        if (!link.affiliation.empty()) link.affiliation_span = m->span;
                    }
                    while (j < words.size() && c.mention_at(s.index[j]) == m) ++j;
                    continue;
                }
                link.person = m->entity;
                break;
            }
            const bool locative = j > 0 && c.in(c.lang.locative_prepositions, words[j - 1]->key) &&
                                  !c.in(c.lang.name_connectors, words[j - 1]->key);
            if (affiliation_class(c, m->cls) && !locative) {
                // The first affiliation counts: "l'ambasciatore russo in Corea del Nord".
                if (link.affiliation.empty()) {
                    link.affiliation = m->entity;
                    link.affiliation_span = m->span;
                }
                while (j < words.size() && c.mention_at(s.index[j]) == m) ++j;
                if (!comma_seen) role_end = j;
                continue;
            }
            if (!locative) break;
            while (j < words.size() && c.mention_at(s.index[j]) == m) ++j;
            continue;
        }
        if (!c.demonym_of[s.index[j]].empty()) {
            if (link.affiliation.empty()) {
                link.affiliation = demonym_state_id(c, s.index[j]);
                link.affiliation_span = t.span;
            }
            while (j < words.size() && !c.demonym_of[s.index[j]].empty()) ++j;
            if (!comma_seen) role_end = j;
            continue;
        }
        if (t.has(tok_comma) && !comma_seen) { comma_seen = true; ++j; continue; }
        // An elided article or preposition ("dell'Onu", "de l'AIEA") is a function word too.
        if (c.in(c.lang.name_connectors, t.key) || c.in(c.lang.function_words, t.key) || t.has(tok_apostrophe)) {
            if (t.has(tok_upper_initial)) break;
            ++j;
            continue;
        }
        // "Professorin für Geschichte": a capitalised word after a preposition is what the
        // role is about, not its holder.
        if (name_word(c, t) && j > 0 && c.in(c.lang.prepositions, words[j - 1]->key) && !comma_seen) {
            ++j;
            continue;
        }
        if (name_word(c, t)) name_after_role(c, s, j, link);
        break;
    }
    return role_end;
}

// Words [j, ...) that open an item of a list of people without being its person: articles,
// role words with the body they name ("il Capo di Stato Maggiore delle Forze Armate
// iraniane"), titles. Returns where the person may stand, or npos when another word comes.
std::size_t item_head(const StageContext& c, const Sentence& s, std::size_t j) {
    const auto& words = s.words;
    while (j < words.size()) {
        const Token& t = *words[j];
        if (const Mention* m = c.mention_at(s.index[j])) {
            if (c.is(m->cls, Trait::person)) return j;
            // A body named by the role words before the person, after a genitive.
            if (j == 0 || !c.in(c.lang.genitives, words[j - 1]->key)) return std::string::npos;
            while (j < words.size() && c.mention_at(s.index[j]) == m) ++j;
            continue;
        }
        RoleLink ignored;
        if (const std::size_t n = match_role(c, s, j, ignored); n > 0) {
            j += n;
            continue;
        }
        if (c.in(c.lang.articles, t.key) || c.in(c.lang.genitives, t.key) || !c.demonym_of[s.index[j]].empty() ||
            (t.has(tok_word) && t.has(tok_upper_initial))) {
            ++j;
            continue;
        }
        return std::string::npos;
    }
    return std::string::npos;
}

// "tre alti esponenti militari della Repubblica islamica: A, B e C", "two senior Iranian
// officials, A and B": a plural role (words [i, i + n)) with its body, then the people it
// lists, each of whom holds the role for that body. The list ends at the first item that
// names no person first, or at a relative clause.
std::vector<RoleLink> read_member_list(const StageContext& c, const Sentence& s, std::size_t i, std::size_t n, RoleLink link) {
    const auto& words = s.words;
    constexpr std::size_t max_words = 8;
    std::size_t j = i + n;
    for (; j < words.size() && j < i + n + max_words; ++j) {
        const Token& t = *words[j];
        if (t.key == ":" || t.has(tok_comma)) break;
        if (const Mention* m = c.mention_at(s.index[j])) {
            if (!affiliation_class(c, m->cls) || !link.affiliation.empty()) return {};
            link.affiliation = m->entity;
            link.affiliation_span = m->span;
            while (j + 1 < words.size() && c.mention_at(s.index[j + 1]) == m) ++j;
            continue;
        }
        if (!c.demonym_of[s.index[j]].empty()) {
            if (link.affiliation.empty()) {
                link.affiliation = demonym_state_id(c, s.index[j]);
                link.affiliation_span = t.span;
            }
            continue;
        }
        // Qualifiers ("militari", "senior"), genitives and articles.
        if (c.in(c.lang.genitives, t.key) || c.in(c.lang.articles, t.key) ||
            (t.has(tok_word) && !t.has(tok_upper_initial) && !t.has(tok_digit) && !c.in(c.lang.function_words, t.key)))
            continue;
        return {};
    }
    if (j >= words.size() || link.affiliation.empty() || (words[j]->key != ":" && !words[j]->has(tok_comma))) return {};
    std::vector<RoleLink> members;
    for (++j; j < words.size();) {
        const std::size_t at = item_head(c, s, j);
        if (at == std::string::npos) break;
        const Mention* person = c.mention_at(s.index[at]);
        link.person = person->entity;
        members.push_back(link);
        j = at;
        while (j < words.size() && c.mention_at(s.index[j]) == person) ++j;
        if (j >= words.size() || !(words[j]->has(tok_comma) || c.in(c.lang.coordinators, words[j]->key))) break;
        while (j < words.size() && (words[j]->has(tok_comma) || c.in(c.lang.coordinators, words[j]->key))) ++j;
    }
    return members;
}

// "Robert Fico, il primo ministro della Slovacchia", "Cho Koo-rae, the South Korean vice
// foreign minister": role words set off by a comma right after a person describe that
// person. Demonyms, articles and one body may stand between the comma and the role words
// (i is where they start). Returns the person's mention, or null.
const Mention* apposed_person(const StageContext& c, const Sentence& s, std::size_t i) {
    std::size_t k = i;
    bool body_seen = false;
    // "a former Kenyan security official": a few lower-case words that qualify the role.
    constexpr int max_modifiers = 3;
    int modifiers = 0;
    while (k > 0) {
        const std::size_t q = k - 1;
        // Past a qualifier, a genitive makes the role another's: "Kim Jong Il, padre
        // dell'attuale leader".
        if (modifiers > 0 && (c.in(c.lang.genitives, s.words[q]->key) || c.in(c.lang.prepositions, s.words[q]->key))) return nullptr;
        if (c.in(c.lang.articles, s.words[q]->key) || !c.demonym_of[s.index[q]].empty()) {
            k = q;
            continue;
        }
        const Token& w = *s.words[q];
        if (modifiers < max_modifiers && !body_seen && !c.mention_at(s.index[q]) && w.has(tok_word) && !w.has(tok_upper_initial) &&
            !w.has(tok_digit) && !c.in(c.lang.function_words, w.key)) {
            ++modifiers;
            k = q;
            continue;
        }
        const Mention* m = c.mention_at(s.index[q]);
        if (!m || body_seen || !affiliation_class(c, m->cls)) break;
        body_seen = true; // "Jung Pak, the U.S. senior official"
        while (k > 0 && c.mention_at(s.index[k - 1]) == m) --k;
    }
    if (k < 2 || !s.words[k - 1]->has(tok_comma)) return nullptr;
    const Mention* m = c.mention_at(s.index[k - 2]);
    return m && c.is(m->cls, Trait::person) ? m : nullptr;
}

// The body of an apposed role, read up to the end of the apposition: the first state or
// institution, or demonym, after common words ("professore di relazioni internazionali
// alla City University", "consigliere del presidente ucraino"). A state after a locative
// preposition is where the person serves, not what they belong to ("ambassador to Japan").
void read_apposed_body(StageContext& c, const Sentence& s, std::size_t j, RoleLink& link) {
    const auto& words = s.words;
    for (std::size_t steps = 0; j < words.size() && steps < 8; ++steps) {
        const Token& t = *words[j];
        if (t.has(tok_comma) || !(t.has(tok_word) || t.has(tok_apostrophe))) return;
        if (!c.demonym_of[s.index[j]].empty()) {
            link.affiliation = demonym_state_id(c, s.index[j]);
            link.affiliation_span = t.span;
            return;
        }
        const Mention* m = c.mention_at(s.index[j]);
        if (!m) { ++j; continue; }
        if (c.is(m->cls, Trait::person)) {
            // "adviser to Zelensky": who serves a person serves that person's body.
            link.affiliation = recorded_affiliation(c, m->entity);
            if (!link.affiliation.empty()) {
                link.affiliation_span = m->span;
                return;
            }
        }
        const bool locative = j > 0 && c.in(c.lang.locative_prepositions, words[j - 1]->key);
        if (affiliation_class(c, m->cls) && !(locative && c.is(m->cls, Trait::sovereign))) {
            link.affiliation = m->entity;
            link.affiliation_span = m->span;
            return;
        }
        while (j < words.size() && c.mention_at(s.index[j]) == m) ++j;
    }
}

// "Xi made his first visit to Pyongyang as China's president", "visitó Pyongyang como
// presidente de China": role words after a capacity marker (past the affiliation before
// them) are the role the clause's subject acts in — the first person named in the sentence
// before the marker, outside prepositional phrases. Returns that person's mention, or null.
const Mention* person_in_capacity(const StageContext& c, const Sentence& s, std::size_t i) {
    const auto& words = s.words;
    std::size_t k = i;
    while (k > 0 && (c.in(c.lang.articles, words[k - 1]->key) || !c.demonym_of[s.index[k - 1]].empty())) --k;
    // "as China's president": past the possessor and its clitic.
    const auto& clitics = c.lang.segmentation.clitic_suffixes;
    if (k > 1 && std::find(clitics.begin(), clitics.end(), words[k - 1]->key) != clitics.end())
        if (const Mention* m = c.mention_at(s.index[k - 2]); m && affiliation_class(c, m->cls)) {
            k -= 2;
            while (k > 0 && c.mention_at(s.index[k - 1]) == m) --k;
        }
    std::size_t marker = std::string::npos;
    for (const auto& phrase : c.lang.capacity_markers) {
        if (phrase.size() > k) continue;
        bool same = true;
        for (std::size_t w = 0; w < phrase.size() && same; ++w) same = words[k - phrase.size() + w]->key == phrase[w];
        if (same) {
            marker = k - phrase.size();
            break;
        }
    }
    if (marker == std::string::npos) return nullptr;
    auto subject_from = [&](std::size_t start) -> const Mention* {
        // "between Xi and Kim": the members of a prepositional phrase are all in it.
        bool in_phrase = false;
        for (std::size_t q = start; q < marker; ++q) {
            const Token& t = *words[q];
            if (t.key == ";" || t.key == ":") return nullptr;
            const Mention* m = c.mention_at(s.index[q]);
            if (!m) {
                if (!c.in(c.lang.coordinators, t.key) && !c.in(c.lang.articles, t.key)) in_phrase = false;
                continue;
            }
            in_phrase = in_phrase || (q > 0 && c.in(c.lang.prepositions, words[q - 1]->key));
            if (c.is(m->cls, Trait::person) && !in_phrase) return m;
            while (q + 1 < marker && c.mention_at(s.index[q + 1]) == m) ++q;
        }
        return nullptr;
    };
    // The marker's own clause first (after the last comma before it: "..., when Xi made his
    // visit as China's president"), then the sentence ("Xi, who arrived on Monday, visited
    // ...").
    std::size_t start = marker;
    while (start > 0 && !words[start - 1]->has(tok_comma) && words[start - 1]->key != ";" && words[start - 1]->key != ":") --start;
    if (const Mention* m = subject_from(start)) return m;
    return start > 0 ? subject_from(0) : nullptr;
}

// Whether a former marker qualifies the role words at word i ("the former Kenyan president",
// "l'ex presidente", "der ehemalige Außenminister"), among the articles, demonyms and a few
// lower-case words before them.
bool past_role(const StageContext& c, const Sentence& s, std::size_t i) {
    constexpr std::size_t max_words = 3;
    bool body_seen = false;
    for (std::size_t k = i, seen = 0; k > 0 && seen < max_words; --k, ++seen) {
        const Token& w = *s.words[k - 1];
        if (c.in(c.lang.former_markers, w.key)) return true;
        // "Former U.S. president": one body between.
        if (const Mention* m = c.mention_at(s.index[k - 1]); m && !body_seen && affiliation_class(c, m->cls)) {
            body_seen = true;
            while (k > 1 && c.mention_at(s.index[k - 2]) == m) --k;
            continue;
        }
        const bool article = c.in(c.lang.articles, w.key) || w.has(tok_apostrophe);
        if (!article && c.demonym_of[s.index[k - 1]].empty() && (!w.has(tok_word) || w.has(tok_upper_initial) || c.mention_at(s.index[k - 1])))
            return false;
    }
    return false;
}

// Borrowed role words at word i ("his Chinese counterpart", "quello iraniano") take the
// role of the person named last before them in the sentence, as the article gave it to
// that person before (in this sentence or an earlier one). False when that person has none.
bool lend_role(const StageContext& c, const Sentence& s, std::size_t i, RoleLink& link) {
    const Mention* lender = nullptr;
    for (std::size_t q = i; q-- > 0 && !lender;)
        if (const Mention* m = c.mention_at(s.index[q]); m && c.is(m->cls, Trait::person)) lender = m;
    if (!lender) return false;
    const std::uint32_t at = s.words[i]->span.begin;
    const RoleLink* lent = nullptr;
    for (const RoleLink& named : c.roles) {
        const RoleDef& r = c.lang.roles[static_cast<std::size_t>(named.role)];
        if (named.person == lender->entity && named.role_span.begin < at && !r.relation.empty()) lent = &named;
    }
    if (!lent) return false;
    link.role = lent->role;
    return true;
}

// A bare role with an affiliation refers to the one person the article gives that role:
// "il presidente russo" after "il presidente russo Vladimir Putin". A definite role without
// one ("the president then visited Bolivia") refers to the one person named before it with
// the same role words, whatever their body; with two such people it refers to nobody.
void resolve_bare_roles(StageContext& c, const std::vector<BareRole>& bare) {
    for (const auto& b : bare) {
        const RoleDef& role = c.lang.roles[static_cast<std::size_t>(b.link.role)];
        if (role.relation.empty() || !c.free(b.tok_begin, b.tok_end)) continue;
        const std::vector<std::string> head = b.definite ? role_head(c, role) : std::vector<std::string>{};
        const std::uint32_t at = c.doc.tokens[b.tok_begin].span.begin;
        std::string person;
        bool unique = true;
        for (const RoleLink& named : c.roles) {
            const RoleDef& r = c.lang.roles[static_cast<std::size_t>(named.role)];
            if (b.definite) {
                if (named.role_span.begin >= at || role_head(c, r) != head) continue;
            } else if (r.relation != role.relation || named.affiliation != b.link.affiliation) {
                continue;
            }
            if (!person.empty() && person != named.person) unique = false;
            person = named.person;
        }
        if (person.empty() || !unique) continue;
        const LocalEntity& ent = c.entities.at(person);
        c.add_mention(b.tok_begin, b.tok_end, person, c.class_with(Trait::person), MentionSource::role_reference, ent.label,
                      ent.wikidata, ent.from_gazetteer);
    }
}

} // namespace

void find_role_names(StageContext& c) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    std::vector<BareRole> bare;
    for (std::uint32_t sn = 0; sn < c.doc.sentences.size(); ++sn) {
        c.words_of(sn, words, index);
        const Sentence s{words, index, sn};
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (c.owner[index[i]] >= 0 || !c.demonym_of[index[i]].empty()) continue;
            RoleLink link;
            const std::size_t n = match_role(c, s, i, link);
            if (n == 0) continue;
            link.former = past_role(c, s, i);
            if (c.lang.roles[static_cast<std::size_t>(link.role)].plural) {
                const auto members = read_member_list(c, s, i, n, link);
                if (!members.empty())
                    for (std::size_t k = i; k < i + n; ++k) c.role_tokens.insert(index[k]);
                c.roles.insert(c.roles.end(), members.begin(), members.end());
                i += n - 1;
                continue;
            }
            const std::size_t role_end = read_after_role(c, s, i + n, link);
            if (c.lang.roles[static_cast<std::size_t>(link.role)].borrowed) {
                if (!link.person.empty() && lend_role(c, s, i, link)) {
                    for (std::size_t k = i; k < i + n; ++k) c.role_tokens.insert(index[k]);
                    c.roles.push_back(std::move(link));
                }
                i += n - 1;
                continue;
            }
            if (link.person.empty())
                if (const Mention* person = apposed_person(c, s, i)) {
                    link.person = person->entity;
                    if (link.affiliation.empty()) read_apposed_body(c, s, i + n, link);
                }
            if (link.person.empty() && !link.affiliation.empty())
                if (const Mention* person = person_in_capacity(c, s, i)) link.person = person->entity;
            if (!link.person.empty()) {
                for (std::size_t k = i; k < i + n; ++k) c.role_tokens.insert(index[k]);
                c.roles.push_back(std::move(link));
            } else if (!link.affiliation.empty()) {
                bare.push_back({std::move(link), index[i], index[role_end - 1] + 1});
            } else if (refers_back(c, s, i, n, c.lang.roles[static_cast<std::size_t>(link.role)])) {
                const std::size_t first = c.in(c.lang.definite_articles, words[i]->key) ? i : i - 1;
                bare.push_back({std::move(link), index[first], index[i + n - 1] + 1, true});
            }
            i += n - 1;
        }
    }
    resolve_bare_roles(c, bare);
}

} // namespace kg::detail
