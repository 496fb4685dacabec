// SPDX-License-Identifier: Apache-2.0
// Stage "gazetteer": the longest alias of a known entity at each word, with its case rule;
// a capital that speaks for its state ("Mosca ha negato") is a mention of the state.
#include "names.hpp"
#include "stages.hpp"

namespace kg::detail {
namespace {

// Between two records with one name, the class that comes first in classes.json wins, then
// the smaller id.
bool better(const PhraseEntry& a, const PhraseEntry* best) {
    return !best || a.cls < best->cls || (a.cls == best->cls && a.id < best->id);
}

// The verb before word i, skipping articles and a time adverbial ("besuchte im Februar
// Washington"), is a trigger of a relation whose object is a destination ("to visit
// Moscow", "visitare Mosca", "visitato il Cairo") or a place and never a state ("airstrikes
// hit Beirut").
bool after_locative_trigger(const StageContext& c, const std::vector<const Token*>& words, std::size_t i) {
    auto time_word = [&](std::size_t q) { return c.in(c.lang.weekdays, words[q]->key) || c.lang.months.count(words[q]->key) != 0; };
    std::size_t k = i - 1;
    while (k > 0 && (c.in(c.lang.articles, words[k]->key) || time_word(k) || words[k]->has(tok_digit) ||
                     (c.in(c.lang.prepositions, words[k]->key) && k + 1 < i && time_word(k + 1))))
        --k;
    const std::string st = c.stem(words[k]->key);
    const ClassId state = c.class_with(Trait::sovereign), place = c.class_with(Trait::location);
    for (const auto& [name, cues] : c.lang.relation_cues) {
        const RelationDef* def = c.onto.find_relation(name);
        if (!def || !(def->locative_object || (def->admits_object(place) && !def->admits_object(state)))) continue;
        for (const auto& t : cues.triggers)
            if (t.stems.size() == 1 && t.stems[0] == st) return true;
    }
    return false;
}

// The preposition at word q introduces the object of the verb right before it, and that
// object is an actor, never a place ("a fourni à Moscou des drones", "ha venduto a Teheran",
// "sanctions imposed on Pyongyang"): a capital there stands for its state.
// The verb may have its direct object between ("livré des drones à Moscou"), a few words.
bool marks_actor_object(const StageContext& c, const std::vector<const Token*>& words, std::size_t q) {
    constexpr std::size_t max_object_words = 4;
    const ClassId state = c.class_with(Trait::sovereign), place = c.class_with(Trait::location);
    for (std::size_t k = q; k-- > 0 && q - k <= max_object_words + 1;) {
        const Token& w = *words[k];
        if (w.has(tok_comma) || w.key == ";" || w.key == ":" || w.key == ".") return false;
        const std::string st = c.stem(w.key);
        for (const auto& [name, cues] : c.lang.relation_cues) {
            const RelationDef* def = c.onto.find_relation(name);
            if (!def || !def->admits_object(state) || def->admits_object(place)) continue;
            for (const auto& t : cues.triggers) {
                if (t.stems.size() != 1 || t.stems[0] != st) continue;
                const auto& markers = t.object_markers.empty() ? cues.object_markers : t.object_markers;
                if (markers.count(words[q]->key)) return true;
            }
        }
    }
    return false;
}

const PhraseEntry* best_alias(const StageContext& c, const std::vector<const Token*>& words, std::size_t i, std::size_t& n);

// A place the gazetteer knows that is no capital ("Zaporizhzhia"), named at word i.
bool plain_place_at(const StageContext& c, const std::vector<const Token*>& words, std::size_t i) {
    if (i >= words.size()) return false;
    std::size_t n = 0;
    const PhraseEntry* e = best_alias(c, words, i, n);
    const EntityRecord* rec = e ? c.onto.find_entity(e->id) : nullptr;
    return rec && c.is(c.class_of(*rec), Trait::location) && !c.tables.capital_of.count(rec->id);
}

// A capital named without a locative preposition or place noun before it stands for its
// government: "Mosca e Pyongyang hanno negato" vs "atterrato a Pyongyang". The capital's
// name is words [i, i + n).
bool used_as_place(const StageContext& c, const std::vector<const Token*>& words, std::size_t i, std::size_t n) {
    // "Kyiv e Zaporizhzhia", "Kharkiv and Kyiv": coordinated with a place that is only a place.
    if (i + n + 1 < words.size() && c.in(c.lang.coordinators, words[i + n]->key) && plain_place_at(c, words, i + n + 1)) return true;
    if (i >= 2 && c.in(c.lang.coordinators, words[i - 1]->key)) {
        const Mention* m = c.mention_at(static_cast<std::uint32_t>(words[i - 2] - c.doc.tokens.data()));
        const EntityRecord* rec = m ? c.onto.find_by_graph_id(m->entity) : nullptr;
        if (m && c.is(m->cls, Trait::location) && m->source == MentionSource::gazetteer && rec && !c.tables.capital_of.count(rec->id))
            return true;
    }
    if (i == 0) return false;
    const std::string& prev = words[i - 1]->key;
    if (c.in(c.lang.locative_prepositions, prev)) return !marks_actor_object(c, words, i - 1);
    if (after_locative_trigger(c, words, i)) return true;
    if (c.in(c.lang.place_heads, prev)) return true;
    if (i >= 2 && c.in(c.lang.name_connectors, prev) && c.in(c.lang.place_heads, words[i - 2]->key)) return true;
    // "Kim Il-Sung Square di Pyongyang", "Dongguk University di Seul": a place or an
    // institution named just before, through "di", is there (a state's body of a kind the
    // data names, "il ministero della Difesa di Mosca", belongs to the state instead).
    if (i >= 2 && c.in(c.lang.name_connectors, prev)) {
        const Mention* m = c.mention_at(static_cast<std::uint32_t>(words[i - 2] - c.doc.tokens.data()));
        if (m && c.is(m->cls, Trait::location)) return true;
        if (m && c.is(m->cls, Trait::institution) && m->tok_end == static_cast<std::uint32_t>(words[i - 1] - c.doc.tokens.data()) &&
            body_kind_of(c, m->tok_begin, m->tok_end).empty() && !c.onto.find_by_graph_id(m->entity))
            return true;
    }
    // "nel centro di Pyongyang": a place noun two words back, through "di".
    if (i >= 2 && c.in(c.lang.place_heads, words[i - 2]->key)) return true;
    // "Kyiv e la regione circostante": coordinated with a place noun.
    for (std::size_t k = i + 1; k < words.size() && k <= i + 3; ++k) {
        if (c.in(c.lang.place_heads, words[k]->key)) return true;
        if (!c.in(c.lang.function_words, words[k]->key)) break;
    }
    return false;
}

// The best entry for the words at i: the longest alias whose case rule holds; a shorter one
// when the longest fails it. Sets n to its length.
const PhraseEntry* best_alias(const StageContext& c, const std::vector<const Token*>& words, std::size_t i, std::size_t& n) {
    const std::vector<PhraseEntry>* entries = nullptr;
    n = c.tables.entities.longest(words, i, entries);
    const PhraseEntry* best = nullptr;
    while (n > 0) {
        for (const auto& e : *entries)
            if (case_ok(e, words, i, n) && better(e, best)) best = &e;
        if (best) return best;
        std::vector<const Token*> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i + n - 1));
        n = c.tables.entities.longest(head, i, entries);
    }
    return nullptr;
}

// "Russlands Präsident": a name in the genitive, when the bare name is a known state,
// person or place.
const PhraseEntry* genitive_alias(const StageContext& c, const Token& t) {
    if (!c.lang.genitive_s || !t.has(tok_upper_initial) || t.key.size() <= 3 || t.key.back() != 's') return nullptr;
    Token bare = t;
    bare.key.pop_back();
    std::vector<const Token*> one{&bare};
    const std::vector<PhraseEntry>* entries = nullptr;
    if (c.tables.entities.longest(one, 0, entries) != 1) return nullptr;
    for (const auto& e : *entries)
        if (e.proper && (c.is(e.cls, Trait::sovereign) || c.is(e.cls, Trait::person) || c.is(e.cls, Trait::location)))
            return &e;
    return nullptr;
}

// Whether a known place or state at tokens [b, e) lies inside a longer organisation or place
// name the name finder is confident of, and is part of it: "Moscow" in "Dynamo Moscow",
// "Japan" in "the Ministry of Defence of Japan", "Panama" in "Panama City". People and
// organisations keep their names whatever the model joins them with ("Nato Mark Rutte");
// a list or a pair ("Russia, China and Iran", "Russia-North Korea") is no one name.
bool inside_longer_name(const StageContext& c, const PhraseEntry& alias, std::uint32_t b, std::uint32_t e, bool title_case) {
    // An acronym in title case is a word like any other: a longer name the model reads
    // around it ("Rai Holding", "Fundación Efe") keeps it.
    // A given name after it starts a person's name instead ("della Nato Mark Rutte").
    const bool person_follows = e < c.doc.tokens.size() && c.in(c.lang.given_names, c.doc.tokens[e].key);
    if (title_case && !person_follows)
        for (const NameSpan& n : c.annotated.names) {
            if (n.tok_begin > b) break;
            if (n.tok_end >= e && n.tok_end - n.tok_begin > e - b && n.label != NameLabel::person) return true;
        }
    // Places, states and weapon names give their names to others ("Shahed Aviation
    // Industries", "Dynamo Moscow").
    if (!c.is(alias.cls, Trait::location) && !c.is(alias.cls, Trait::sovereign) && !c.is(alias.cls, Trait::weapon)) return false;
    for (const NameSpan& n : c.annotated.names) {
        if (n.tok_begin > b) break;
        if (n.tok_end < e || n.confidence < 0.5f) continue;
        // The same words read as a person's name ("MaliVai Washington ... Washington fell"):
        // the model, which saw the whole document, is the better judge.
        if (n.tok_end == e && n.tok_begin == b) {
            if (n.label == NameLabel::person && n.confidence >= 0.8f) return true;
            continue;
        }
        if (n.tok_end - n.tok_begin <= e - b) continue;
        // "Western Russia": compass adjectives before a state make no name of their own.
        if (c.is(alias.cls, Trait::sovereign) && n.tok_end == e) {
            std::uint32_t k = n.tok_begin;
            while (k < b && c.lang.compass_regions.before_name.count(c.doc.tokens[k].key)) ++k;
            if (k == b) continue;
        }
        // An event or a title named after a place ("U.S. Open", "la guerra di Corea" is
        // another name) counts when the model is sure of it.
        if (n.label == NameLabel::misc && n.confidence < 0.7f) continue;
        if (n.label == NameLabel::person) continue;
        bool list = false;
        for (std::uint32_t t = n.tok_begin; t < n.tok_end && !list; ++t) {
            const Token& tok = c.doc.tokens[t];
            list = tok.has(tok_comma) || tok.has(tok_hyphen) || c.in(c.lang.coordinators, tok.key);
        }
        if (!list) return true;
    }
    return false;
}

} // namespace

void find_gazetteer_mentions(StageContext& c) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        c.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size();) {
            std::size_t n = 0;
            const PhraseEntry* best = best_alias(c, words, i, n);
            if (!best && (best = genitive_alias(c, *words[i]))) n = 1;
            if (!best || !c.free(index[i], index[i + n - 1] + 1) ||
                inside_longer_name(c, *best, index[i], index[i + n - 1] + 1, title_case_match(*best, words, i, n))) {
                ++i;
                continue;
            }
            const EntityRecord* rec = c.onto.find_entity(best->id);
            if (!rec) { ++i; continue; }
            const EntityRecord* target = rec;
            if (auto cap = c.tables.capital_of.find(rec->id); cap != c.tables.capital_of.end() && !used_as_place(c, words, i, n))
                target = c.onto.find_entity(cap->second);
            c.add_mention(index[i], index[i + n - 1] + 1, Ontology::graph_id(*target), c.class_of(*target),
                          MentionSource::gazetteer, target->label, target->wikidata, true);
            i += n;
        }
    }
}

} // namespace kg::detail
