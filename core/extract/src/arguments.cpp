// SPDX-License-Identifier: Apache-2.0
#include "arguments.hpp"
#include "names.hpp"

#include <algorithm>

namespace kg::detail {
namespace {

bool admits_subject(const SentenceView& v, const RelationDef& def, int m) { return def.admits_subject(v.cls(m)); }

bool state_may_act(const StageContext& c, const RelationDef& def, const EntityRecord& state) {
    return def.admits_subject(c.class_of(state));
}

// A demonym noun phrase before the trigger, whose words span [first, q].
bool demonym_subject(const SentenceView& v, std::size_t first, std::size_t q, const RelationDef& def, SubjectSearch& r) {
    const StageContext& c = v.c;
    const bool in_pp = prepositional(v, first) || (first > 0 && prepositional(v, first - 1) &&
                                                    !c.in(c.lang.articles, v.tok(first - 1).key));
    // Only nouns that act for a state: troops, government, officials — not tourists.
    const bool agent = (first > 0 && c.in(c.lang.state_agents, v.tok(first - 1).key)) ||
                       (q + 1 < v.toks.size() && c.in(c.lang.state_agents, v.tok(q + 1).key));
    if (in_pp || !agent) return false;
    const EntityRecord* st = c.demonym_state(v.toks[q]);
    if (st && !state_may_act(c, def, *st)) { r.blocked = true; return true; }
    if (!st && !def.admits_subject(c.class_with(Trait::sovereign))) { r.blocked = true; return true; }
    if (st) {
        r.demonym_state = Ontology::graph_id(*st);
        r.demonym_span = v.span(first, q);
    }
    return true;
}

// A common noun with its article or a possessive, outside any prepositional phrase, is the
// subject itself: "le esercitazioni [di Stati Uniti e Corea del Sud] provocano", "its
// neighbour's troops".
bool common_noun_subject(const SentenceView& v, std::size_t q, std::size_t p) {
    const StageContext& c = v.c;
    const Token& t = v.tok(q);
    return q + 1 < p && q >= 1 && t.has(tok_word) && !t.has(tok_upper_initial) && !t.has(tok_digit) &&
           !c.in(c.lang.function_words, t.key) &&
           (c.in(c.lang.articles, v.tok(q - 1).key) || (c.in(c.lang.possessives, v.tok(q - 1).key) && is_clitic(v, q + 1))) &&
           !prepositional(v, q) &&
           !v.trigger_object_positions.count(q);
}

// How many a number word before a plural noun counts: 2 for pair_words ("two", "both"),
// group_words' number for larger groups ("three", "tre"), else 0.
std::size_t group_size(const StageContext& c, const std::string& key) {
    if (c.in(c.lang.pair_words, key)) return 2;
    const auto it = c.lang.group_words.find(key);
    return it == c.lang.group_words.end() ? 0 : static_cast<std::size_t>(it->second);
}

// Nothing but articles and quotes before token k: it opens the sentence.
bool opens_sentence(const SentenceView& v, std::size_t k) {
    for (std::size_t q = 0; q < k; ++q) {
        const Token& t = v.tok(q);
        if (!(t.has(tok_quote) || t.has(tok_apostrophe) || v.c.in(v.c.lang.articles, t.key))) return false;
    }
    return true;
}

// "The two leaders then signed", "i due Paesi hanno firmato", "The three countries
// reaffirmed their commitment to strengthening cooperation": a state or person noun with a
// number word at most two words before it, as a subject, stands for the group named
// together before it (each, when the relation admits them); true when the noun is such a
// reference. Right before the verb (`near`), or anywhere as the sentence's opening subject.
bool pair_subject(const SentenceView& v, std::size_t q, const RelationDef& def, bool near, bool far_allowed,
                  SubjectSearch& r) {
    const StageContext& c = v.c;
    const std::string& key = v.tok(q).key;
    const bool states = c.in(c.lang.state_nouns, key), people = c.in(c.lang.person_nouns, key);
    if (!states && !people) return false;
    std::size_t pair = q, size = 0;
    for (std::size_t k = q; k-- > 0 && q - k <= 2;) {
        if (v.mention_at[k] >= 0) break;
        if ((size = group_size(c, v.tok(k).key)) != 0) {
            pair = k;
            break;
        }
    }
    if (pair == q || prepositional(v, pair) || !(near || (far_allowed && opens_sentence(v, pair)))) return false;
    r.blocked = true;
    for (const auto& key2 : last_named_group(c, v.toks[pair], states ? Trait::sovereign : Trait::person, size)) {
        auto it = c.entities.find(key2);
        if (it != c.entities.end() && def.admits_subject(it->second.cls)) r.pair_referents.push_back(key2);
    }
    r.pair_span = v.span(pair, q);
    return true;
}

// The genitive at `marker` introduces the object of a directed trigger right before it:
// "the invasion of Ukraine", "la consegna di droni".
bool patient_genitive(const SentenceView& v, std::size_t marker) {
    const StageContext& c = v.c;
    for (const auto& [rel, cues] : c.lang.relation_cues) {
        const RelationDef* d = c.onto.find_relation(rel);
        if (!d || d->symmetric) continue;
        for (const TriggerDef& trig : cues.triggers) {
            const std::size_t n = trig.stems.size();
            if (n == 0 || n > marker || !v.matches(trig, marker - n)) continue;
            const auto& markers = trig.object_markers.empty() ? cues.object_markers : trig.object_markers;
            if (markers.count(v.tok(marker).key)) return true;
        }
    }
    return false;
}

} // namespace

EventActors event_actors(const SentenceView& v, std::size_t p, const RelationDef& def) {
    const StageContext& c = v.c;
    EventActors out;
    bool patient_next = false;
    for (std::size_t q = p; q < v.toks.size() && q - p <= 16; ++q) {
        const Token& t = v.tok(q);
        const int m = v.mention_at[q];
        if (m < 0) {
            if (t.has(tok_comma) || ends_clause(t)) break;
            // A subordinate clause ("warned last week that North Korean forces...") is what
            // was said, not an event the stance is about.
            const bool phrase_word = c.in(c.lang.articles, t.key) || c.in(c.lang.prepositions, t.key) || c.in(c.lang.genitives, t.key) ||
                                     c.in(c.lang.coordinators, t.key) || c.in(c.lang.reciprocal_markers, t.key) || t.has(tok_apostrophe) ||
                                     c.in(c.lang.possessives, t.key);
            // (A capitalised word inside the sentence is a noun or a name: "il colpo di Stato".)
            const bool capital_noun = t.has(tok_upper_initial) && q > 0;
            if (c.in(c.lang.function_words, t.key) && !phrase_word && !capital_noun) break;
            if (!c.demonym_of.empty() && !c.demonym_of[v.toks[q]].empty()) {
                // A demonym noun after a preposition is a participant, not the event's
                // adjective: "gli assalti condotti dai russi".
                // (A preposition right after the verb marks its object: Spanish "condenó al
                // ejército ruso".)
                const bool object_marker = q >= 1 && q - 1 == p && c.in(c.lang.prepositions, v.tok(p).key);
                if (prepositional(v, q) && !c.in(c.lang.genitives, word_before(v, q)->key) && !object_marker) break;
                const EntityRecord* st = c.demonym_state(v.toks[q]);
                // The adjective of a weapon names its maker or sender even in the patient
                // genitive ("the delivery of Iranian drones").
                const bool of_weapon = q + 1 < v.toks.size() && v.mention_at[q + 1] >= 0 && c.is(v.cls(v.mention_at[q + 1]), Trait::weapon);
                if ((!patient_next || of_weapon) && st && def.admits_object(c.class_of(*st))) {
                    out.demonym_state = Ontology::graph_id(*st);
                    out.demonym_span = t.span;
                    return out;
                }
                patient_next = false;
                continue;
            }
            if (c.in(c.lang.genitives, t.key) || c.in(c.lang.reciprocal_markers, t.key)) patient_next = patient_genitive(v, q);
            continue;
        }
        const auto [b, e] = v.extent(m);
        if (c.is(v.cls(m), Trait::location)) break;
        if (!c.is(v.cls(m), Trait::agent)) {
            // A weapon in the phrase: a demonym after it may still name its actor.
            patient_next = false;
            q = e;
            continue;
        }
        // Past the role words that introduce the name ("il colpo di Stato del maggiore X").
        std::size_t k = b;
        while (k > p && v.mention_at[k - 1] < 0 && v.introducer(k - 1)) --k;
        const Token* before = word_before(v, k);
        const bool possessor = e + 1 < v.toks.size() && is_clitic(v, e + 1); // "Russia's invasion"
        // The event's agent ("the coup by X", "l'invasion par la Russie") is its actor too.
        const bool marked = possessor || (before && (c.in(c.lang.genitives, before->key) || c.in(c.lang.reciprocal_markers, before->key) ||
                                                     c.in(c.lang.passive_agents, before->key)));
        // The event's patient ("the invasion of Peru") is no actor of it; its agent may follow
        // ("... by General X").
        if (patient_next) {
            patient_next = false;
            q = e;
            continue;
        }
        if (!marked || !def.admits_object(v.cls(m))) break;
        out.mentions = coordination_group(v, m);
        return out;
    }
    return out;
}

void mark_trigger_objects(SentenceView& v) {
    const StageContext& c = v.c;
    for (const auto& [p, ref] : v.trigger_starts()) {
        const TriggerDef& trig = *ref->trigger;
        // A judgement ("must stop", "illegal") is its reporter's, not an action of the clause.
        if (trig.speaker || !v.matches(trig, p)) continue;
        v.first_trigger = std::min(v.first_trigger, p);
        if (ref->relation && ref->relation->stance && !noun_use(v, p)) v.stance_verbs.insert(p);
        std::size_t q = p + trig.stems.size();
        while (q < v.toks.size() && (c.in(c.lang.articles, v.tok(q).key) || v.tok(q).has(tok_apostrophe))) ++q;
        if (q < v.toks.size() && v.mention_at[q] >= 0) v.trigger_objects.insert(v.mention_at[q]);
        else if (q < v.toks.size()) v.trigger_object_positions.insert(q);
    }
}

namespace {

// The person a subject pronoun at token `token` refers to: the first person named in the
// nearest sentence that names one (its own words before the pronoun first, then up to two
// sentences back) — the subject of the sentence before is the likeliest referent ("Mme Choe
// a réaffirmé son soutien à Poutine. Elle a accusé..." is Mme Choe). Empty if none.
std::string person_before(const StageContext& c, std::uint32_t token) {
    constexpr std::uint32_t sentences_back = 2;
    const std::uint32_t sentence = c.doc.tokens[token].sentence;
    for (std::uint32_t back = 0; back <= sentences_back && back <= sentence; ++back) {
        const Sentence& s = c.doc.sentences[sentence - back];
        const std::uint32_t end = back == 0 ? token : s.end_token;
        for (std::uint32_t t = s.first_token; t < end; ++t)
            if (const Mention* m = c.mention_at(t); m && c.is(m->cls, Trait::person)) return m->entity;
    }
    return {};
}

// A subject pronoun at word q: the sentence's first word, or after a comma, a coordinator or
// a quote ("Lui ha detto", "and he visited", "«Elle a signé").
bool subject_pronoun_at(const SentenceView& v, std::size_t q) {
    const StageContext& c = v.c;
    if (!c.in(c.lang.subject_pronouns, v.tok(q).key) || v.mention_at[q] >= 0) return false;
    if (q == 0) return true;
    const Token& before = v.tok(q - 1);
    return before.has(tok_comma) || before.has(tok_quote) || c.in(c.lang.coordinators, before.key) ||
           c.in(c.lang.subordinators, before.key);
}

// A verb-final clause opened by a subordinator puts its verb last: "wo er ein Abkommen mit
// China unterzeichnete". Whether the pronoun at q opens such a clause and p is its verb, with
// no comma or other name admitted as subject between.
bool verb_final_clause_subject(const SentenceView& v, std::size_t q, std::size_t p) {
    const StageContext& c = v.c;
    if (!c.lang.verb_final || q == 0 || !c.in(c.lang.subordinators, v.tok(q - 1).key)) return false;
    for (std::size_t k = q + 1; k < p; ++k)
        if (v.tok(k).has(tok_comma) || ends_clause(v.tok(k))) return false;
    return true;
}

// The group a plural pronoun opening the sentence of `token` stands for: the subject the
// sentence before opened with, when it was two or more actors named together ("Kenya and
// Peru condemned", "South Korea, the United States and Japan said") or a number reference to
// them ("The three countries said"); else none.
std::vector<std::string> group_before(const StageContext& c, std::uint32_t token) {
    const std::uint32_t sentence = c.doc.tokens[token].sentence;
    if (sentence == 0) return {};
    const Sentence& s = c.doc.sentences[sentence - 1];
    auto passed = [&](const Token& w) { return w.has(tok_quote) || w.has(tok_apostrophe) || c.in(c.lang.articles, w.key); };
    std::uint32_t t = s.first_token;
    while (t < s.end_token && passed(c.doc.tokens[t])) ++t;
    if (t >= s.end_token) return {};
    const Mention* first = c.mention_at(t);
    if (!first) {
        const std::size_t size = group_size(c, c.doc.tokens[t].key);
        for (std::uint32_t n = t + 1; size && n < s.end_token && n <= t + 2; ++n) {
            const std::string& noun = c.doc.tokens[n].key;
            if (c.in(c.lang.state_nouns, noun)) return last_named_group(c, t, Trait::sovereign, size);
            if (c.in(c.lang.person_nouns, noun)) return last_named_group(c, t, Trait::person, size);
        }
        return {};
    }
    const Trait trait = c.is(first->cls, Trait::person) ? Trait::person : Trait::sovereign;
    if (!c.is(first->cls, trait)) return {};
    std::vector<std::string> group{first->entity};
    for (std::uint32_t u = first->tok_end; u < s.end_token;) {
        const Token& w = c.doc.tokens[u];
        if (w.has(tok_comma) || c.in(c.lang.coordinators, w.key) || passed(w)) { ++u; continue; }
        const Mention* next = c.mention_at(u);
        if (!next || !c.is(next->cls, trait)) break;
        if (std::find(group.begin(), group.end(), next->entity) == group.end()) group.push_back(next->entity);
        u = next->tok_end;
    }
    return group.size() >= 2 ? group : std::vector<std::string>{};
}

} // namespace

std::optional<std::pair<std::string, std::size_t>> clause_pronoun_subject(const SentenceView& v, std::size_t start, std::size_t p,
                                                                          const RelationDef& def) {
    const StageContext& c = v.c;
    for (std::size_t q = start; q < p; ++q) {
        if (v.mention_at[q] >= 0) return std::nullopt;
        if (!subject_pronoun_at(v, q)) continue;
        if (!verb_final_clause_subject(v, q, p)) return std::nullopt;
        const std::string person = person_before(c, v.toks[q]);
        const auto it = c.entities.find(person);
        if (person.empty() || it == c.entities.end() || !def.admits_subject(it->second.cls)) return std::nullopt;
        return std::pair{person, q};
    }
    return std::nullopt;
}

SubjectSearch subject_before(const SentenceView& v, std::size_t p, const RelationDef& def) {
    const StageContext& c = v.c;
    SubjectSearch r;
    constexpr std::size_t max_pronoun_distance = 4;
    for (std::size_t q = p; q-- > 0 && p - q <= 25;) {
        const int m = v.mention_at[q];
        if (m < 0 && (p - q <= max_pronoun_distance || verb_final_clause_subject(v, q, p)) && subject_pronoun_at(v, q)) {
            const std::string person = person_before(c, v.toks[q]);
            const auto it = c.entities.find(person);
            if (!person.empty() && it != c.entities.end() && def.admits_subject(it->second.cls)) {
                r.pronoun_referent = person;
                r.pronoun_span = v.tok(q).span;
            }
            r.blocked = true;
            return r;
        }
        if (m < 0 && c.in(c.lang.plural_subject_pronouns, v.tok(q).key) && opens_sentence(v, q) && !prepositional(v, p)) {
            for (const auto& key : group_before(c, v.toks[q])) {
                const auto it = c.entities.find(key);
                if (it != c.entities.end() && def.admits_subject(it->second.cls)) r.pair_referents.push_back(key);
            }
            r.pair_span = v.tok(q).span;
            r.blocked = true;
            return r;
        }
        if (m < 0) {
            // Clause boundaries: a subject is not looked for across a semicolon or colon.
            if (v.tok(q).key == ";" || v.tok(q).key == ":") { r.blocked = true; return r; }
            if (!c.demonym_of.empty() && !c.demonym_of[v.toks[q]].empty()) {
                std::size_t first = q;
                while (first > 0 && !c.demonym_of[v.toks[first - 1]].empty()) --first;
                if (demonym_subject(v, first, q, def, r)) return r;
                q = first;
                continue;
            }
            // The verb follows such a subject closely ("I due leader hanno poi condannato").
            // Further on, only as the sentence's opening subject, and not for a noun in a
            // phrase of its own ("Both countries were criticised for the war in Ukraine").
            constexpr std::size_t max_pair_gap = 3;
            if (pair_subject(v, q, def, p - q <= max_pair_gap + 1, !prepositional(v, p), r)) return r;
            if (common_noun_subject(v, q, p)) { r.blocked = true; return r; }
            continue;
        }
        // "Klaus Kinkel (FDP) sprach sich ... aus": an organisation in brackets right after a
        // person is the person's affiliation; the subject is the person.
        if (const auto [mb, me] = v.extent(m); mb >= 2 && me + 1 < v.toks.size() && v.tok(mb - 1).key == "(" &&
                                                 v.tok(me + 1).key == ")" && v.mention_at[mb - 2] >= 0 &&
                                                 (c.is(v.cls(m), Trait::institution) || c.is(v.cls(m), Trait::sovereign)) &&
                                                 c.is(v.cls(v.mention_at[mb - 2]), Trait::person)) {
            q = mb - 1;
            continue;
        }
        const auto group = coordination_group(v, m);
        const auto b = v.extent(group.front()).first;
        if (v.trigger_objects.count(m)) {
            // Object control: "accusano Pyongyang di fornire", "invited Kim to visit" — the
            // object of the first verb is the subject of the second.
            const auto e = v.extent(group.back()).second;
            const bool control = e + 2 == p && (c.in(c.lang.genitives, v.tok(e + 1).key) || c.in(c.lang.prepositions, v.tok(e + 1).key));
            if (control && admits_subject(v, def, m)) { r.mention = m; return r; }
            q = std::min(q, b);
            continue;
        }
        if (prepositional(v, b)) { q = std::min(q, b); continue; }
        if (!admits_subject(v, def, m)) { r.blocked = true; return r; }
        r.mention = m;
        return r;
    }
    return r;
}

std::vector<int> passive_agents(const SentenceView& v, std::size_t after, const RelationDef& def) {
    const StageContext& c = v.c;
    // The agent right after the participle ("firmato da Putin"), or after one complement of
    // it ("inviati in Russia da Kim Jong Un", "signed in Moscow by Putin").
    bool complement_passed = false;
    for (std::size_t q = after; q < v.toks.size() && q <= after + 6; ++q) {
        const Token& t = v.tok(q);
        if (c.in(c.lang.passive_agents, t.key)) {
            // Articles, and the role words and demonyms that introduce a name ("by North
            // Korean leader Kim Jong Un"), may come between.
            std::size_t last = q + 2;
            for (std::size_t k = q + 1; k < v.toks.size() && k < q + 6 && v.mention_at[k] < 0 && v.introducer(k); ++k) last = k + 1;
            for (std::size_t r = q + 1; r < v.toks.size() && r <= last; ++r) {
                const int m = v.mention_at[r];
                if (m < 0 || !admits_subject(v, def, m)) continue;
                std::vector<int> agents = coordination_group(v, m);
                // "dal Kenya e dal Perù": the marker repeated after the coordinator.
                for (std::size_t e = v.extent(agents.back()).second + 1; e + 2 < v.toks.size();) {
                    if (!c.in(c.lang.coordinators, v.tok(e).key) || !c.in(c.lang.passive_agents, v.tok(e + 1).key)) break;
                    std::size_t k = e + 2;
                    while (k < v.toks.size() && v.mention_at[k] < 0 && c.in(c.lang.articles, v.tok(k).key)) ++k;
                    if (k >= v.toks.size() || v.mention_at[k] < 0 || !admits_subject(v, def, v.mention_at[k])) break;
                    for (int g : coordination_group(v, v.mention_at[k])) agents.push_back(g);
                    e = v.extent(agents.back()).second + 1;
                }
                return agents;
            }
            break;
        }
        if (q == after + 1 && !complement_passed) {
            // Not an agent marker in the first two words: only a complement may come first.
            const Token& n = v.tok(after + 1);
            const bool dated = c.in(c.lang.articles, v.tok(after).key) && (n.has(tok_digit) || c.lang.months.count(n.key));
            if (v.mention_at[after] >= 0 || !(c.in(c.lang.prepositions, v.tok(after).key) || dated)) break;
        }
        if (const int m = v.mention_at[q]; m >= 0) {
            if (complement_passed || !prepositional(v, v.extent(m).first)) break;
            complement_passed = true;
            q = v.extent(m).second;
            continue;
        }
        if (t.has(tok_comma) || ends_clause(t)) break;
        // A date is a complement too: "signed in June by", "firmato il 19 giugno da".
        const bool date_word = c.lang.months.count(t.key) || c.in(c.lang.weekdays, t.key) || t.has(tok_digit);
        if (q > after && !date_word && !c.in(c.lang.articles, t.key) && !t.has(tok_apostrophe) && !c.in(c.lang.prepositions, t.key))
            break;
    }
    return {};
}

std::string demonym_actor(const SentenceView& v, std::size_t p, std::size_t after, ByteSpan& span) {
    std::vector<const Token*> words;
    for (auto t : v.toks) words.push_back(&v.c.doc.tokens[t]);
    auto state_at = [&](std::size_t q, std::size_t n) -> std::string {
        const std::vector<PhraseEntry>* dem = nullptr;
        if (v.c.tables.demonyms.longest(words, q, dem) != n || dem == nullptr) return {};
        const EntityRecord* st = v.c.onto.find_entity(dem->front().id);
        if (!st) return {};
        span = v.span(q, q + n - 1);
        return Ontology::graph_id(*st);
    };
    // Where adjectives come first, a demonym after a verb is its object's ("uses Iranian
    // drones"); after a noun it may still name the actor ("die Lieferung iranischer Drohnen").
    const bool adjective_of_object = v.c.lang.modifiers_before_head && !noun_use(v, p);
    if (after < words.size() && v.mention_at[after] < 0 && !adjective_of_object) {
        const std::vector<PhraseEntry>* dem = nullptr;
        if (const std::size_t n = v.c.tables.demonyms.longest(words, after, dem))
            if (auto s = state_at(after, n); !s.empty()) return s;
    }
    // English puts the adjective first: "North Korean troops" (two words at most).
    for (std::size_t back = 1; back <= 2 && back <= p; ++back)
        if (v.mention_at[p - back] < 0)
            if (auto s = state_at(p - back, back); !s.empty()) return s;
    // A noun of supply or use whose genitive is weapons of a state ("the delivery of Iranian
    // drones", "la consegna di droni iraniani"): the state is the actor.
    if (!noun_use(v, p)) return {};
    const StageContext& c = v.c;
    std::size_t q = after;
    if (q >= words.size() || v.mention_at[q] >= 0 || !c.in(c.lang.genitives, words[q]->key)) return {};
    ++q;
    while (q < words.size() && v.mention_at[q] < 0 && (c.in(c.lang.articles, words[q]->key) || words[q]->has(tok_apostrophe))) ++q;
    auto weapon_at = [&](std::size_t k) { return k < words.size() && v.mention_at[k] >= 0 && c.is(v.cls(v.mention_at[k]), Trait::weapon); };
    for (std::size_t n = 2; n >= 1; --n)
        if (q + n < words.size() && v.mention_at[q] < 0 && weapon_at(q + n))
            if (auto s = state_at(q, n); !s.empty()) return s;
    if (weapon_at(q)) {
        const std::size_t e = v.extent(v.mention_at[q]).second + 1;
        for (std::size_t n = 2; n >= 1; --n)
            if (e + n <= words.size() && v.mention_at[e] < 0)
                if (auto s = state_at(e, n); !s.empty()) return s;
    }
    return {};
}

std::vector<int> body_after_agreement(const SentenceView& v, std::size_t after, int inside, const RelationDef& def) {
    std::size_t q = after;
    while (q < v.toks.size() && v.mention_at[q] == inside) ++q;
    if (q < v.toks.size() && v.mention_at[q] >= 0 && admits_subject(v, def, v.mention_at[q])) return coordination_group(v, v.mention_at[q]);
    return {};
}

std::vector<int> possessor(const SentenceView& v, std::size_t p, const RelationDef& def) {
    if (p >= 2 && is_clitic(v, p - 1) && v.mention_at[p - 2] >= 0 && admits_subject(v, def, v.mention_at[p - 2]))
        return coordination_group(v, v.mention_at[p - 2]);
    return {};
}

// "Putin, la cui ultima visita in Cina", "Kim, whose first visit to Russia", "Kim, dont la
// visite": a relative possessive before the noun (over articles and one adjective) names the
// actor right before the relative clause, whatever the relation.
std::vector<int> relative_possessor(const SentenceView& v, std::size_t p, const RelationDef& def) {
    const StageContext& c = v.c;
    if (c.lang.relative_possessives.empty()) return {};
    constexpr std::size_t max_between = 3;
    std::size_t k = p;
    while (k > 0 && p - k < max_between && !c.in(c.lang.relative_possessives, v.tok(k - 1).key) && v.mention_at[k - 1] < 0 &&
           v.tok(k - 1).has(tok_word) && !v.tok(k - 1).has(tok_upper_initial))
        --k;
    if (k == 0 || !c.in(c.lang.relative_possessives, v.tok(k - 1).key)) return {};
    // The antecedent ends right before the relative, over an article and a comma.
    std::size_t q = k - 1;
    while (q > 0 && (c.in(c.lang.articles, v.tok(q - 1).key) || v.tok(q - 1).has(tok_comma))) --q;
    if (q == 0 || v.mention_at[q - 1] < 0) return {};
    const int m = v.mention_at[q - 1];
    return admits_subject(v, def, m) ? std::vector<int>{m} : std::vector<int>{};
}

std::vector<int> possessive_reference(const SentenceView& v, std::size_t p, const RelationDef& def) {
    const StageContext& c = v.c;
    if (auto relative = relative_possessor(v, p, def); !relative.empty()) return relative;
    // Only a stance ("its support for", "la sua opposizione a"): what a possessive refers to
    // in "its nuclear programme" is too often a name further back than the nearest one.
    if (!def.stance) return {};
    // "its support", "il suo sostegno", "sa dernière visite": the determiner right before the
    // noun, or before one adjective.
    std::size_t k = p;
    if (k > 0 && !c.in(c.lang.possessives, v.tok(k - 1).key) && k > 1 && v.mention_at[k - 1] < 0 && v.tok(k - 1).has(tok_word) &&
        !v.tok(k - 1).has(tok_upper_initial))
        --k;
    if (k == 0 || !c.in(c.lang.possessives, v.tok(k - 1).key)) return {};
    // It refers to the nearest name before it that can act so.
    for (std::size_t q = k - 1; q-- > 0;) {
        const int m = v.mention_at[q];
        if (m < 0) continue;
        if (admits_subject(v, def, m)) return coordination_group(v, m);
        q = v.extent(m).first;
    }
    return {};
}

std::vector<int> forward_possessor(const SentenceView& v, std::size_t p, const RelationDef& def) {
    const StageContext& c = v.c;
    std::size_t k = p; // the possessive right before the noun, or before one adjective
    if (k > 1 && !c.in(c.lang.possessives, v.tok(k - 1).key) && v.mention_at[k - 1] < 0 && v.tok(k - 1).has(tok_word) &&
        !v.tok(k - 1).has(tok_upper_initial))
        --k;
    if (k == 0 || !c.in(c.lang.possessives, v.tok(k - 1).key)) return {};
    for (std::size_t q = 0; q + 1 < k; ++q)
        if (v.mention_at[q] >= 0 || v.tok(q).has(tok_comma) || ends_clause(v.tok(q))) return {};
    std::size_t comma = p + 1;
    while (comma < v.toks.size() && !v.tok(comma).has(tok_comma) && !ends_clause(v.tok(comma))) ++comma;
    if (comma >= v.toks.size() || !v.tok(comma).has(tok_comma)) {
        // Verb-second: "Während seiner Reise nach Hanoi unterzeichnete Putin": the phrase
        // fills the first place, the finite verb (the first lower-case content word) the
        // second, and the subject comes right after it.
        if (!c.lang.verb_second) return {};
        for (std::size_t q = p + 1; q < v.toks.size(); ++q) {
            const Token& t = v.tok(q);
            if (v.mention_at[q] >= 0 || !t.has(tok_word) || t.has(tok_upper_initial) || c.in(c.lang.function_words, t.key)) {
                if (t.has(tok_comma) || ends_clause(t)) return {};
                continue;
            }
            comma = q; // the verb stands where the comma would
            break;
        }
        if (comma >= v.toks.size()) return {};
    }
    for (std::size_t q = comma + 1; q < v.toks.size(); ++q) {
        if (const int m = v.mention_at[q]; m >= 0) return admits_subject(v, def, m) ? coordination_group(v, m) : std::vector<int>{};
        if (!(v.introducer(q) || c.in(c.lang.articles, v.tok(q).key) || v.tok(q).has(tok_apostrophe))) return {};
    }
    return {};
}

bool noun_use(const SentenceView& v, std::size_t p) {
    const StageContext& c = v.c;
    auto determiner = [&](std::size_t q) {
        return c.in(c.lang.articles, v.tok(q).key) || v.tok(q).has(tok_apostrophe) || c.in(c.lang.prepositions, v.tok(q).key) ||
               c.in(c.lang.possessives, v.tok(q).key);
    };
    // "pronta a consegnare", "to supply": after a word that also introduces an infinitive,
    // the trigger is a verb unless an article follows that word.
    if (p > 0 && c.in(c.lang.infinitive_markers, v.tok(p - 1).key)) return false;
    if (p > 0 && determiner(p - 1)) return true;
    // One adjective between: "L'ultima visita di Kim", "the first visit"; after an article
    // even one that is also a function word ("la prima visita", "il suo viaggio").
    const Token& between = p > 0 ? v.tok(p - 1) : v.tok(0);
    return p > 1 && determiner(p - 2) && between.has(tok_word) && !between.has(tok_upper_initial) && v.mention_at[p - 1] < 0 &&
           (!c.in(c.lang.function_words, between.key) || c.in(c.lang.articles, v.tok(p - 2).key)) &&
           !c.in(c.lang.modals, between.key);
}

std::vector<int> genitive_actor(const SentenceView& v, std::size_t p, std::size_t after, const RelationDef& def) {
    const StageContext& c = v.c;
    // Only a trigger used as a noun has one.
    if (!noun_use(v, p)) return {};
    // "la guerre d'agression non provoquée de la Russie": a genitive of common words may come
    // first; the one a trigger takes for its patient ("l'invasione dell'Ucraina") names no actor.
    // The noun's own complement may come first, once: "la visita in Corea del Nord del
    // presidente russo Putin", "the visit to North Korea by Russian President Putin".
    bool complement_passed = false;
    std::size_t complement_end = 0;
    for (std::size_t q = after; q < v.toks.size() && q <= after + 10; ++q) {
        if (v.tok(q).has(tok_comma)) break;
        // The genitive follows the complement at once ("in Corea del Nord del presidente").
        if (complement_passed && q > complement_end + 1) break;
        if (const int m = v.mention_at[q]; m >= 0) {
            const std::size_t b = v.extent(m).first;
            const Token* marker = word_before(v, b);
            if (complement_passed || !prepositional(v, b) || !marker || c.in(c.lang.genitives, marker->key)) break;
            complement_passed = true;
            q = complement_end = v.extent(m).second;
            continue;
        }
        const bool agent_marker = c.in(c.lang.passive_agents, v.tok(q).key) && complement_passed;
        if (!c.in(c.lang.genitives, v.tok(q).key) && !agent_marker) continue;
        // Past articles, and the role words and demonyms that introduce a name ("del
        // presidente russo Vladimir Putin").
        std::size_t r = q + 1;
        while (r < v.toks.size() && r < q + 5 && v.mention_at[r] < 0 &&
               (((c.in(c.lang.articles, v.tok(r).key) || v.tok(r).has(tok_apostrophe)) && r < q + 2) || v.introducer(r)))
            ++r;
        if (r >= v.toks.size() || v.mention_at[r] < 0) continue;
        if (admits_subject(v, def, v.mention_at[r]) && !patient_genitive(v, q)) return coordination_group(v, v.mention_at[r]);
        break;
    }
    return {};
}

std::vector<int> verb_second_subject(const SentenceView& v, std::size_t after, const RelationDef& def) {
    const StageContext& c = v.c;
    std::size_t q = after;
    // Articles, and the demonyms and role words that introduce a name ("reiste der russische
    // Staatschef").
    while (q < v.toks.size() && v.mention_at[q] < 0 && (c.in(c.lang.articles, v.tok(q).key) || v.tok(q).has(tok_apostrophe) || v.introducer(q)))
        ++q;
    if (q < v.toks.size() && v.mention_at[q] >= 0 && admits_subject(v, def, v.mention_at[q])) return coordination_group(v, v.mention_at[q]);
    return {};
}

bool opens_infinitive(const SentenceView& v, std::size_t q) {
    const StageContext& c = v.c;
    const auto& endings = c.lang.infinitive_endings;
    if (q + 1 >= v.toks.size() || v.mention_at[q] >= 0 || v.mention_at[q + 1] >= 0) return false;
    // Where the infinitive shows in its ending, any preposition may introduce it ("amenaza
    // con enviar"); elsewhere only the markers do ("threatening to send").
    if (!c.in(c.lang.infinitive_markers, v.tok(q).key) && (endings.empty() || !c.in(c.lang.prepositions, v.tok(q).key))) return false;
    const Token& verb = v.tok(q + 1);
    if (!verb.has(tok_word) || verb.has(tok_upper_initial) || verb.has(tok_digit) || c.in(c.lang.articles, verb.key) ||
        c.in(c.lang.function_words, verb.key))
        return false;
    return endings.empty() ||
           std::any_of(endings.begin(), endings.end(), [&](const std::string& e) { return verb.key.size() > e.size() + 1 && verb.key.ends_with(e); });
}

bool marks_object(const StageContext& c, const std::set<std::string>& markers, const std::string& key) {
    if (markers.count(key)) return true;
    return c.in(c.lang.genitives, key) &&
           std::any_of(markers.begin(), markers.end(), [&](const std::string& m) { return c.in(c.lang.genitives, m); });
}

namespace {

// "mit einer großen, hochrangigen Delegation nach Pjöngjang": where every noun is
// capitalised, a comma between two lower-case words before a noun joins adjectives of one
// noun; it closes nothing.
bool adjective_series(const SentenceView& v, std::size_t comma) {
    const StageContext& c = v.c;
    if (!c.lang.person_needs_given_name || comma == 0 || comma + 2 >= v.toks.size()) return false;
    auto adjective = [&](std::size_t q) {
        const Token& t = v.tok(q);
        return v.mention_at[q] < 0 && t.has(tok_word) && !t.has(tok_upper_initial) && !t.has(tok_digit) &&
               !c.in(c.lang.function_words, t.key);
    };
    const Token& noun = v.tok(comma + 2);
    return adjective(comma - 1) && adjective(comma + 1) && noun.has(tok_word) && noun.has(tok_upper_initial) && v.mention_at[comma + 2] < 0;
}

} // namespace

std::optional<int> object_after(const SentenceView& v, std::size_t p, const RelationDef& def,
                                const std::set<std::string>& markers, int exclude) {
    const StageContext& c = v.c;
    // Between a trigger and its direct object: articles, quantities, and the role words and
    // demonyms that introduce it ("ha incontrato il premier giapponese Fumio Kishida").
    // A time adverbial ("am Dienstag", "on Tuesday", "in June") is passed over too.
    auto time_word = [&](std::size_t q) {
        const Token& t = v.tok(q);
        return v.mention_at[q] < 0 && (c.in(c.lang.weekdays, t.key) || c.lang.months.count(t.key) != 0);
    };
    auto skippable = [&](std::size_t q) {
        const Token& t = v.tok(q);
        if (v.introducer(q) || (v.mention_at[q] < 0 && c.in(c.lang.place_descriptors, t.key))) return true;
        if (time_word(q) || (c.in(c.lang.prepositions, t.key) && q + 1 < v.toks.size() && time_word(q + 1))) return true;
        return c.in(c.lang.articles, t.key) || t.has(tok_apostrophe) || t.has(tok_digit) || c.lang.multipliers.count(t.key) ||
               (c.in(c.lang.function_words, t.key) && !c.in(c.lang.prepositions, t.key));
    };
    // The weapons listed between a supply verb and its recipient ("supplied ammunition,
    // including missiles and drones, to Peru") do not close its phrase.
    bool weapons_only = true, weapon_seen = false;
    // "provided valuable arms and technology, including air defence equipment": the examples
    // of the trigger's object stand for it.
    std::size_t examples_from = v.toks.size();
    auto inclusion = [&](std::size_t q) { return q < v.toks.size() && c.in(c.lang.inclusion_markers, v.tok(q).key); };
    for (std::size_t q = p; q < v.toks.size() && q - p <= (weapon_seen ? 24u : 18u); ++q) {
        const int m = v.mention_at[q];
        // "threatening to send weapons to Ukraine", "per ostacolare le esportazioni verso
        // l'Ue": a stance ends where an infinitive opens another action.
        if (def.stance && opens_infinitive(v, q)) return std::nullopt;
        // A comma closes the trigger's phrase: "ha riconosciuto l'indipendenza delle regioni,
        // dove ... dell'Ucraina" does not recognise Ukraine.
        if (m < 0 && q > p && v.tok(q).has(tok_comma) && !(weapons_only && weapon_seen) && !inclusion(q + 1) &&
            !adjective_series(v, q))
            return std::nullopt;
        if (m < 0 && inclusion(q)) examples_from = q + 1;
        if (m >= 0) {
            const bool weapon = c.is(v.cls(m), Trait::weapon);
            weapon_seen |= weapon;
            weapons_only &= weapon;
        }
        if (m < 0 || m == exclude || !def.admits_object(v.cls(m))) continue;
        if (exclude >= 0 && v.mention(m).entity == v.mention(exclude).entity) continue;
        auto [b, e] = v.extent(m);
        // A possessor ("the Kremlin's war") modifies the next noun; it is not the object,
        // except of a stance, which is taken toward the actor of the event ("support for
        // Russia's war").
        if (!def.stance && e + 1 < v.toks.size() && v.tok(e + 1).has(tok_apostrophe) && is_clitic(v, e + 1)) { q = e; continue; }
        const Token* before = word_before(v, b);
        std::size_t k = b;
        while (k > p) {
            if (skippable(k - 1)) { --k; continue; }
            // An indirect object before the direct one ("ha fornito alla Russia missili", "a
            // fourni à Moscou des drones"): a preposition, articles and one name; or the name
            // alone where the language needs no preposition ("sent Peru missiles").
            const int between = v.mention_at[k - 1];
            if (between < 0 || between == m) break;
            std::size_t j = v.extent(between).first;
            while (j > p && (c.in(c.lang.articles, v.tok(j - 1).key) || v.tok(j - 1).has(tok_apostrophe)) &&
                   !c.in(c.lang.prepositions, v.tok(j - 1).key))
                --j;
            // "sent Peru missiles": an actor right after the verb, where the object is no actor.
            if (j == p && c.is(v.cls(between), Trait::agent) && !def.admits_object(v.cls(between))) { k = p; break; }
            if (j == p || !c.in(c.lang.prepositions, v.tok(j - 1).key)) break;
            k = j - 1;
        }
        std::size_t first_word = b;
        while (first_word > examples_from && skippable(first_word - 1)) --first_word;
        const bool direct = k == p || first_word == examples_from;
        // A genitive marker stands for every form of the genitive ("di": "della", "dell'").
        // A genitive complement stays near its noun: "dei calcoli strategici di Pyongyang",
        // a dozen words on, is another noun's.
        constexpr std::size_t max_genitive_distance = 12;
        const bool genitive = before && c.in(c.lang.genitives, before->key);
        const bool marked = before && marks_object(c, markers, before->key) &&
                            !(genitive && b - p > max_genitive_distance);
        // Without markers any object that is not inside a prepositional phrase will do.
        if (!direct && !marked && (!markers.empty() || prepositional(v, b))) { q = e; continue; }
        return m;
    }
    return std::nullopt;
}

std::optional<int> object_before(const SentenceView& v, std::size_t p, const RelationDef& def, int exclude) {
    for (std::size_t q = p; q-- > 0 && p - q <= 12;) {
        const int m = v.mention_at[q];
        if (m >= 0 && m != exclude && def.admits_object(v.cls(m))) return m;
    }
    return std::nullopt;
}

} // namespace kg::detail
