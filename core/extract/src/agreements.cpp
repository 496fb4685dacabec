// SPDX-License-Identifier: Apache-2.0
// Stage "agreements": agreements described by a head noun of the language data ("accordo di
// partenariato strategico", "the mutual defence treaty", "sanzioni delle Nazioni Unite"), and
// their identity: a description that matches a known treaty's name is that treaty; within
// one article the treaty-like descriptions ("il patto", "l'accordo russo-coreano") are one
// agreement; a bare "sanzioni" refers back to the last sanctions named.
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

// One agreement description found in the text, before identity is decided.
struct AgreementPhrase {
    std::uint32_t tok_begin = 0, tok_end = 0;
    std::string head;               ///< stem of the head noun
    bool treaty_like = false;
    bool bare = false;              ///< the head alone ("l'accordo")
    std::string key;                ///< stems, with named bodies replaced by their ids
    std::set<std::string> content;  ///< content-word stems other than the head
    std::string label;
    AgreementFacts facts;
    bool reference = false;         ///< a word that only refers back ("the measures")
};

// The word of `heads` a word is, or that ends a compound word (German: "vertrag" in
// "Partnerschaftsvertrag"), or empty.
std::string head_in(const StageContext& c, const std::set<std::string>& heads, const std::string& key) {
    if (c.in(heads, key)) return key;
    if (!c.lang.compound_heads) return {};
    for (const auto& head : heads)
        if (key.size() > head.size() + 2 && key.ends_with(head)) return head;
    return {};
}

std::string head_of(const StageContext& c, const std::string& key) { return head_in(c, c.lang.agreement_heads, key); }

bool issuer_verb(const StageContext& c, std::uint32_t token) {
    return c.doc.tokens[token].has(tok_word) && !c.lang.agreement_issuer_verbs.empty() &&
           c.in(c.lang.agreement_issuer_verbs, c.token_stem(token));
}

// The actors a description names around it: a body attached to it (already in `body`),
// states named by demonyms inside it ("l'accordo russo-coreano"), the members of "tra X e
// Y" / "between X and Y" after it; and what it is aimed at ("contro la Corea del Nord").
std::string issuer_before(const StageContext& c, const Words& s, std::size_t start);


// "the two isolated states'", "i due Paesi", "beiden Länder": a pair word with a state noun
// at most two words after it, among words [from, to); the pair word's position or npos.
std::size_t pair_reference(const StageContext& c, const Words& s, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < s.words.size(); ++k) {
        if (!c.in(c.lang.pair_words, s.words[k]->key)) continue;
        for (std::size_t n = k + 1; n < s.words.size() && n <= k + 3; ++n)
            if (c.in(c.lang.state_nouns, s.words[n]->key)) return k;
    }
    return std::string::npos;
}

void read_actors_and_targets(const StageContext& c, const Words& s, std::size_t start, std::size_t end, AgreementFacts& f) {
    if (const std::string issuer = issuer_before(c, s, start); !issuer.empty()) f.actors.insert(issuer);
    // "the two isolated states' new mutual defence treaty", "il trattato tra i due Paesi".
    constexpr std::size_t pair_window = 5;
    const std::size_t pair = pair_reference(c, s, start > pair_window ? start - pair_window : 0, end + pair_window);
    // "i due governi potrebbero firmare un accordo": a plan is no party to anything yet.
    bool planned = false;
    for (std::size_t k = pair; pair < start && k < start; ++k)
        planned |= c.in(c.lang.modals, s.words[k]->key) || c.in(c.lang.negations, s.words[k]->key);
    if (pair != std::string::npos && !planned)
        for (const auto& st : last_named_group(c, s.index[pair], Trait::sovereign)) f.actors.insert(st);
    for (std::size_t k = start; k < end; ++k)
        if (const std::string st = demonym_state_id(c, s.index[k]); !st.empty()) f.actors.insert(st);
    // "Kenyan sanctions": where modifiers come first, the demonym right before the phrase.
    if (c.lang.modifiers_before_head && start > 0)
        if (const std::string st = demonym_state_id(c, s.index[start - 1]); !st.empty()) f.actors.insert(st);
    // After the phrase: a marker, then mentions joined by coordinators, commas and articles.
    for (std::size_t k = end; k < s.words.size() && k < end + 3; ++k) {
        const std::string& key = s.words[k]->key;
        const bool reciprocal = c.in(c.lang.reciprocal_markers, key);
        const bool target = c.in(c.lang.agreement_target_markers, key);
        if (!reciprocal && !target) continue;
        std::set<std::string>& into = reciprocal ? f.actors : f.targets;
        for (std::size_t j = k + 1; j < s.words.size() && j < k + 12; ++j) {
            const Token& t = *s.words[j];
            if (const Mention* m = c.mention_at(s.index[j])) {
                if (c.is(m->cls, Trait::agent)) into.insert(m->entity);
                while (j + 1 < s.words.size() && c.mention_at(s.index[j + 1]) == m) ++j;
                continue;
            }
            if (t.has(tok_comma) || t.has(tok_apostrophe) || c.in(c.lang.coordinators, t.key) || c.in(c.lang.articles, t.key) ||
                c.in(c.lang.genitives, t.key))
                continue;
            break;
        }
        break;
    }
}

bool content_word(const StageContext& c, const Token& t) {
    return t.has(tok_word) && !t.has(tok_upper_initial) && !t.has(tok_digit) && !t.has(tok_apostrophe) &&
           !c.in(c.lang.function_words, t.key) && !c.in(c.lang.not_name_words, t.key) && t.key.size() > 2;
}

// The issuer named as the subject of a verb whose object the agreement is ("l'UE ha imposto
// nuove sanzioni", "the EU imposed sanctions"): the nearest actor before the verb, outside a
// prepositional phrase and within the clause; empty if none.
std::string issuer_before(const StageContext& c, const Words& s, std::size_t start) {
    constexpr std::size_t max_adjectives = 2, max_distance = 8, max_date_words = 3;
    std::size_t k = start;
    // Adjectives and articles, and a date ("ha imposto lunedì nuove sanzioni", "verhängte am
    // Montag neue Sanktionen"), between the verb and the description.
    for (std::size_t skipped = 0, dated = 0; k > 0 && skipped <= max_adjectives;) {
        const Token& t = *s.words[k - 1];
        if (issuer_verb(c, s.index[k - 1])) break;
        if (c.owner[s.index[k - 1]] >= 0) return {};
        const bool date_word = c.in(c.lang.weekdays, t.key) || c.lang.months.count(t.key) || t.has(tok_digit);
        const bool date_joint = k >= 2 && c.in(c.lang.prepositions, t.key) && !date_word &&
                                (c.in(c.lang.weekdays, s.words[k]->key) || c.lang.months.count(s.words[k]->key));
        if ((date_word || date_joint) && dated < max_date_words) {
            ++dated;
        } else if (content_word(c, t) || c.in(c.lang.articles, t.key) || c.in(c.lang.function_words, t.key)) {
            ++skipped;
        } else {
            return {};
        }
        --k;
    }
    if (k == 0 || !issuer_verb(c, s.index[k - 1])) return {};
    for (std::size_t q = k - 1; q-- > 0 && k - 1 - q <= max_distance;) {
        const Token& t = *s.words[q];
        if (t.has(tok_comma) || t.key == ";" || t.key == ":") return {};
        const Mention* m = c.mention_at(s.index[q]);
        if (!m) continue;
        std::size_t first = q;
        while (first > 0 && c.mention_at(s.index[first - 1]) == m) --first;
        if (first > 0 && c.in(c.lang.prepositions, s.words[first - 1]->key) && !c.in(c.lang.articles, s.words[first - 1]->key)) return {};
        return c.is(m->cls, Trait::agent) ? m->entity : std::string();
    }
    return {};
}

const EntityRecord* link_to_known_agreement(const StageContext& c, const std::set<std::string>& content) {
    if (content.size() < 2) return nullptr;
    for (const auto& [stems, rec] : c.tables.agreement_stems)
        if (std::includes(stems.begin(), stems.end(), content.begin(), content.end())) return rec;
    return nullptr;
}

// English, German: up to two modifiers and a named body before the head. Returns the start.
std::size_t modifiers_before(const StageContext& c, const Words& s, std::size_t i, std::string& body) {
    std::size_t start = i;
    int before = 0;
    while (start > 0 && before < 2 && c.owner[s.index[start - 1]] < 0 && content_word(c, *s.words[start - 1]) &&
           c.demonym_of[s.index[start - 1]].empty() && !issuer_verb(c, s.index[start - 1])) {
        --start;
        ++before;
    }
    if (start > 0)
        if (const Mention* m = c.mention_at(s.index[start - 1]); m && affiliation_class(c, m->cls)) {
            body = m->entity;
            // "UN-Resolutionen", "EU-Sanktionen": a body joined to the head by a hyphen is
            // part of the name.
            const Token& head = *s.words[start];
            if (m->span.end + 1 == head.span.begin && c.doc.text[m->span.end] == '-') {
                while (start > 0 && c.mention_at(s.index[start - 1]) == m) --start;
            }
        }
    return start;
}

// After the head: [modifier] [di + modifier [modifier]] | [di] named body (Romance), or
// [of + modifier | of body] (English, German). Returns the end.
std::size_t modifiers_after(const StageContext& c, const Words& s, std::size_t i, std::string& body, bool& body_is_target) {
    const auto& words = s.words;
    std::size_t j = i + 1, end = j;
    int content = 0;
    bool after_di = false;
    // "Sanktionen Kenias": where names take a genitive -s, the body may follow the head bare.
    if (c.lang.genitive_s && j < words.size())
        if (const Mention* m = c.mention_at(s.index[j]); m && affiliation_class(c, m->cls)) {
            body = m->entity;
            while (j < words.size() && c.mention_at(s.index[j]) == m) ++j;
            return j;
        }
    while (j < words.size()) {
        if (c.lang.modifiers_before_head && !after_di && !c.in(c.lang.genitives, words[j]->key)) break;
        const Token& t = *words[j];
        if (const Mention* m = c.mention_at(s.index[j])) {
            const bool attached = j == i + 1 || c.in(c.lang.name_connectors, words[j - 1]->key);
            if (affiliation_class(c, m->cls) && attached) {
                body = m->entity;
                // "sanzioni alla Russia": a body after a target marker is what the agreement aims at.
                body_is_target = j > i + 1 && c.in(c.lang.agreement_target_markers, words[j - 1]->key);
                while (j < words.size() && c.mention_at(s.index[j]) == m) ++j;
                end = j;
            }
            break;
        }
        const int limit = after_di ? 2 : 1;
        // "l'accordo prevede il..." — a word followed by an article is a verb with its object.
        const bool verb_like = j + 1 < words.size() &&
                               (c.in(c.lang.articles, words[j + 1]->key) || (c.owner[s.index[j + 1]] >= 0 && j == i + 1));
        if (content_word(c, t) && content < limit && !verb_like) {
            ++content;
            ++j;
            // a hyphenated compound counts as one modifier: "russo-coreano"
            while (j < words.size() && words[j]->span.begin == words[j - 1]->span.end + 1 &&
                   c.doc.text[words[j - 1]->span.end] == '-' && content_word(c, *words[j]))
                ++j;
            end = j;
            continue;
        }
        if (!after_di && c.in(c.lang.name_connectors, t.key) && j + 1 < words.size()) {
            const Token& n = *words[j + 1];
            if (content_word(c, n) || c.mention_at(s.index[j + 1])) { after_di = true; content = 0; ++j; continue; }
        }
        break;
    }
    return end;
}

AgreementPhrase read_phrase(const StageContext& c, const Words& s, std::size_t i, std::size_t& end) {
    std::string body; // id of a named body inside the phrase ("delle Nazioni Unite")
    const std::size_t start = c.lang.modifiers_before_head ? modifiers_before(c, s, i, body) : i;
    bool body_is_target = false;
    end = modifiers_after(c, s, i, body, body_is_target);
    AgreementPhrase ph;
    ph.tok_begin = s.index[start];
    ph.tok_end = s.index[end - 1] + 1;
    ph.head = c.stem(head_of(c, s.words[i]->key));
    ph.treaty_like = !head_in(c, c.lang.treaty_heads, s.words[i]->key).empty();
    ph.bare = end == i + 1 && start == i;
    ph.key = ph.head;
    for (std::size_t k = start; k < end; ++k) {
        if (k == i) continue;
        const Token& t = *s.words[k];
        if (c.owner[s.index[k]] >= 0 || c.in(c.lang.function_words, t.key) || t.has(tok_apostrophe)) continue;
        const std::string st = c.stem(t.key);
        ph.content.insert(st);
        ph.key += " " + st;
    }
    if (!body.empty()) ph.key += " " + body;
    ph.key = slugify(ph.key);
    ph.label = text_of(c, s.index, start, end);
    std::string head = head_of(c, s.words[i]->key);
    if (!c.lang.agreement_kinds.count(head)) {
        // A compound listed whole ("Partnerschaftsabkommen") has the kind of its last part.
        for (const auto& [word, kind] : c.lang.agreement_kinds)
            if (c.lang.compound_heads && head.size() > word.size() && head.ends_with(word)) head = word;
    }
    if (auto kind = c.lang.agreement_kinds.find(head); kind != c.lang.agreement_kinds.end()) ph.facts.kind = kind->second;
    if (!body.empty()) (body_is_target ? ph.facts.targets : ph.facts.actors).insert(body);
    read_actors_and_targets(c, s, start, end, ph.facts);
    return ph;
}

void assign_identities(StageContext& c, const std::vector<AgreementPhrase>& phrases) {
    std::string treaty_key, treaty_label;
    for (const auto& ph : phrases) {
        if (!ph.treaty_like) continue;
        if (const EntityRecord* rec = link_to_known_agreement(c, ph.content)) {
            treaty_key = Ontology::graph_id(*rec);
            treaty_label = rec->label;
            break;
        }
        if (treaty_key.empty()) { treaty_key = ph.key; treaty_label = ph.label; }
    }
    // A bare head with no earlier description of its kind ("Sanzioni all'Iran" in a title)
    // refers forward to the first one the article goes on to describe ("sanzioni europee").
    auto own_key = [&](const AgreementPhrase& ph) { return ph.treaty_like ? treaty_key : ph.key; };
    std::map<std::string, std::string> last_by_head, last_by_kind;
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        const AgreementPhrase& ph = phrases[i];
        if (ph.reference) {
            // "The measures target ...": the last agreement of the kind, or nothing.
            if (auto last = last_by_kind.find(ph.facts.kind); last != last_by_kind.end())
                c.add_mention(ph.tok_begin, ph.tok_end, last->second, c.class_with(Trait::agreement), MentionSource::common_noun, {}, {}, false);
            continue;
        }
        std::string key, label, wikidata;
        bool known = false;
        std::string ahead;
        if (ph.bare && !ph.treaty_like && !last_by_head.count(ph.head))
            for (std::size_t j = i + 1; j < phrases.size() && ahead.empty(); ++j)
                if (phrases[j].head == ph.head && !phrases[j].bare && !link_to_known_agreement(c, phrases[j].content))
                    ahead = own_key(phrases[j]);
        if (const EntityRecord* rec = link_to_known_agreement(c, ph.content)) {
            key = Ontology::graph_id(*rec);
            label = rec->label;
            wikidata = rec->wikidata;
            known = true;
        } else if (ph.treaty_like) {
            key = treaty_key;
            label = treaty_label;
            known = c.onto.find_by_graph_id(key) != nullptr;
        } else if (ph.bare && last_by_head.count(ph.head)) {
            key = last_by_head[ph.head];
        } else if (!ahead.empty()) {
            key = ahead;
        } else {
            key = ph.key;
            label = ph.label;
        }
        if (c.add_mention(ph.tok_begin, ph.tok_end, key, c.class_with(Trait::agreement),
                          known ? MentionSource::gazetteer : MentionSource::common_noun, label, wikidata, known) >= 0 &&
            !known) {
            AgreementFacts& f = c.annotated.agreement_facts[key];
            if (f.kind.empty()) f.kind = ph.facts.kind;
            f.actors.insert(ph.facts.actors.begin(), ph.facts.actors.end());
            f.targets.insert(ph.facts.targets.begin(), ph.facts.targets.end());
        }
        last_by_head[ph.head] = key;
        if (!ph.facts.kind.empty()) last_by_kind[ph.facts.kind] = key;
    }
}

} // namespace

std::size_t aimed_list_start(const StageContext& c, const std::vector<std::uint32_t>& words, std::size_t b, std::size_t e) {
    auto tok = [&](std::size_t q) -> const Token& { return c.doc.tokens[words[q]]; };
    auto aims = [&](std::size_t q) { return c.owner[words[q]] < 0 && tok(q).has(tok_word) && c.in(c.lang.agreement_target_verbs, c.token_stem(words[q])); };
    constexpr std::size_t max_adverbs = 2;
    for (std::size_t q = e + 1; q < words.size() && q <= e + 1 + max_adverbs; ++q) {
        if (aims(q)) return q + 1;
        const Token& t = tok(q);
        if (c.owner[words[q]] >= 0 || !t.has(tok_word) || t.has(tok_upper_initial) || c.in(c.lang.articles, t.key)) break;
    }
    std::size_t k = b;
    while (k > 0 && c.owner[words[k - 1]] < 0 && c.in(c.lang.articles, tok(k - 1).key)) --k;
    if (k >= 2 && c.in(c.lang.passive_agents, tok(k - 1).key) && aims(k - 2)) return e + 1;
    return std::string::npos;
}

namespace {

// A count right before word `i`: a number or a multiplier word ("12 accordi", "mille trattati").
bool counted(const StageContext& c, const Words& s, std::size_t i) {
    if (i == 0) return false;
    const Token& t = *s.words[i - 1];
    return t.has(tok_digit) || c.lang.multipliers.count(t.key) > 0;
}

} // namespace

void find_agreements(StageContext& c) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    std::vector<AgreementPhrase> phrases;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        c.words_of(s, words, index);
        const Words sw{words, index};
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (c.owner[index[i]] >= 0) continue;
            if (auto ref = c.lang.agreement_references.find(words[i]->key);
                // "The measures target ...", "colpito dalle misure": a reference word counts
                // only next to a verb that aims an agreement; elsewhere measures are any measures.
                ref != c.lang.agreement_references.end() && aimed_list_start(c, index, i, i) != std::string::npos) {
                AgreementPhrase ph;
                ph.tok_begin = index[i];
                ph.tok_end = index[i] + 1;
                ph.reference = true;
                ph.facts.kind = ref->second;
                phrases.push_back(std::move(ph));
                continue;
            }
            if (head_of(c, words[i]->key).empty()) continue;
            std::size_t end = i + 1;
            AgreementPhrase ph = read_phrase(c, sw, i, end);
            i = end - 1;
            // "mille trattati", "three treaties": a bare head that is counted names no agreement.
            if (!(ph.bare && counted(c, sw, i))) phrases.push_back(std::move(ph));
        }
    }
    assign_identities(c, phrases);
}

} // namespace kg::detail
