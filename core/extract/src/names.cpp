// SPDX-License-Identifier: Apache-2.0
#include "names.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>

namespace kg::detail {

bool name_word(const StageContext& c, const Token& t) {
    const auto i = static_cast<std::size_t>(&t - c.doc.tokens.data());
    return t.has(tok_word) && t.has(tok_upper_initial) && !t.has(tok_apostrophe) && !c.in(c.lang.not_name_words, t.key) &&
           !c.in(c.lang.function_words, t.key) && (c.demonym_of.empty() || c.demonym_of[i].empty()) &&
           !c.role_tokens.count(static_cast<std::uint32_t>(i));
}

std::size_t name_run(const StageContext& c, const std::vector<const Token*>& words, const std::vector<std::uint32_t>& index,
                     std::size_t i, std::size_t max_len) {
    std::size_t j = i;
    while (j < words.size() && j - i < max_len && c.owner[index[j]] < 0) {
        if (name_word(c, *words[j])) { ++j; continue; }
        const bool hyphenated = words[j]->span.end < c.doc.text.size() && c.doc.text[words[j]->span.end] == '-';
        if (j > i && c.in(c.lang.name_connectors, words[j]->key) && !words[j]->has(tok_upper_initial) && j + 1 < words.size() &&
            name_word(c, *words[j + 1]) && c.owner[index[j + 1]] < 0 &&
            (hyphenated || !c.in(c.lang.function_words, words[j]->key))) {
            j += 2;
            continue;
        }
        break;
    }
    return j;
}

namespace {

// Tokens [e, e + 2) are a hyphen and a short lower-case syllable joined to token e - 1.
bool joined_syllable(const StageContext& c, std::uint32_t e) {
    constexpr std::size_t max_syllable = 4;
    const auto& tokens = c.doc.tokens;
    if (e == 0 || e + 1 >= tokens.size() || c.owner[e] >= 0 || c.owner[e + 1] >= 0) return false;
    const Token& first = tokens[e - 1];
    const Token& hyphen = tokens[e];
    const Token& syllable = tokens[e + 1];
    const bool joined = hyphen.has(tok_hyphen) && hyphen.span.begin == first.span.end && syllable.span.begin == hyphen.span.end &&
                        hyphen.span.end - hyphen.span.begin == 1;
    if (!joined || !syllable.has(tok_word) || syllable.has(tok_upper_initial) || syllable.has(tok_digit)) return false;
    if (first.key.size() > max_syllable || syllable.key.size() > max_syllable || syllable.key.size() < 2) return false;
    return syllable.span.end >= c.doc.text.size() || c.doc.text[syllable.span.end] != '-';
}

} // namespace

std::uint32_t person_name_end(const StageContext& c, std::uint32_t b, std::uint32_t e) {
    // Only after a family name: "Putin-style" stays apart.
    if (e - b >= 2 && joined_syllable(c, e)) return e + 2;
    // The whole given name after a family name the recogniser stopped at ("Yoo" + "Sang-bum").
    const auto& tokens = c.doc.tokens;
    if (e + 2 < tokens.size() && c.owner[e] < 0 && tokens[e].has(tok_word) && tokens[e].has(tok_upper_initial) &&
        tokens[e].span.begin == tokens[e - 1].span.end + 1 && joined_syllable(c, e + 1))
        return e + 3;
    return e;
}

const EntityRecord* known_surname(const StageContext& c, const Token& t) {
    if (c.in(c.lang.function_words, t.key) || c.in(c.lang.not_name_words, t.key) || c.in(c.lang.weekdays, t.key) ||
        c.lang.months.count(t.key))
        return nullptr;
    auto it = c.tables.surname.find(t.key);
    if (it == c.tables.surname.end() || !it->second) return nullptr;
    // A word that is also a given name ("Xi", "Lee") names the person only when the record
    // says it is their family name.
    if (c.in(c.lang.given_names, t.key) && it->second->family_name.empty()) return nullptr;
    return it->second;
}

std::string text_of(const StageContext& c, const std::vector<std::uint32_t>& index, std::size_t b, std::size_t e) {
    return std::string(c.doc.view(ByteSpan{c.doc.tokens[index[b]].span.begin, c.doc.tokens[index[e - 1]].span.end}));
}

std::string demonym_state_id(const StageContext& c, std::uint32_t token) {
    const EntityRecord* st = c.demonym_state(token);
    return st ? Ontology::graph_id(*st) : std::string();
}

std::string nearest_person(const StageContext& c, std::uint32_t token, const std::string& key) {
    for (auto m = c.mentions.rbegin(); m != c.mentions.rend(); ++m) {
        if (!c.is(m->cls, Trait::person) || m->tok_begin > token) continue;
        const auto parts = phrase_tokens(std::string(c.doc.view(m->span)), c.lang);
        if (parts.size() >= 2 && (parts.front() == key || parts.back() == key)) return m->entity;
    }
    return {};
}

namespace {

// The content words of a body's description over tokens [b, e): no function words, demonyms,
// elisions or names of their own.
std::vector<std::string> body_words(const StageContext& c, std::uint32_t b, std::uint32_t e) {
    std::vector<std::string> words;
    for (std::uint32_t k = b; k < e; ++k) {
        const Token& t = c.doc.tokens[k];
        if (!t.has(tok_word) || c.in(c.lang.function_words, t.key) || !demonym_state_id(c, k).empty() || t.has(tok_apostrophe) ||
            c.owner[k] >= 0)
            continue;
        words.push_back(t.key);
    }
    return words;
}

} // namespace

std::string body_kind_of(const StageContext& c, std::uint32_t b, std::uint32_t e) {
    auto kind = c.tables.body_kinds.find(body_stems(body_words(c, b, e), c.lang));
    return kind == c.tables.body_kinds.end() ? std::string() : kind->second;
}

std::string national_body_key(const StageContext& c, std::uint32_t b, std::uint32_t e, const std::string& state) {
    // A kind of body the language data names ("ministero della difesa": defence_ministry) is
    // keyed the same in every language, and is the gazetteer's record where there is one.
    if (const std::string kind = body_kind_of(c, b, e); !kind.empty()) {
        if (auto known = c.tables.known_bodies.find(kind + "|" + state); known != c.tables.known_bodies.end())
            return Ontology::graph_id(*known->second);
        return kind + "_" + slugify(state);
    }
    std::string key;
    for (const auto& w : body_words(c, b, e)) key += c.stem(w) + "_";
    return slugify(key) + "_" + slugify(state);
}

namespace {

// The graph id of the state a name ends with, after a connector ("di", "of", "de la"), and
// where the state's name begins; an empty id if the name ends otherwise.
std::string state_at_end(const StageContext& c, std::uint32_t b, std::uint32_t e, std::uint32_t& tail) {
    for (std::uint32_t k = e - 1; k > b + 1; --k) {
        const Token& connector = c.doc.tokens[k - 1];
        if (!c.in(c.lang.name_connectors, connector.key) && !c.in(c.lang.genitives, connector.key)) continue;
        std::uint32_t start = k;
        while (start < e && c.in(c.lang.articles, c.doc.tokens[start].key)) ++start;
        std::vector<const Token*> words;
        for (std::uint32_t t = start; t < e; ++t)
            if (!c.doc.tokens[t].has(tok_hyphen)) words.push_back(&c.doc.tokens[t]);
        const std::vector<PhraseEntry>* entries = nullptr;
        if (words.empty() || c.tables.entities.longest(words, 0, entries) != words.size() || !entries) return {};
        for (const PhraseEntry& entry : *entries) {
            const EntityRecord* rec = c.onto.find_entity(entry.id);
            if (!rec || !entry.proper) continue;
            if (auto cap = c.tables.capital_of.find(rec->id); cap != c.tables.capital_of.end()) rec = c.onto.find_entity(cap->second);
            if (rec && c.is(c.class_of(*rec), Trait::sovereign)) {
                tail = start;
                return Ontology::graph_id(*rec);
            }
        }
        return {};
    }
    return {};
}

} // namespace

namespace {

// Turn the mention of a state named by its capital into the mention of the capital, a place.
void place_capital(StageContext& c, std::size_t mention) {
    Mention& m = c.mentions[mention];
    const EntityRecord* state = c.onto.find_by_graph_id(m.entity);
    const EntityRecord* capital = state && !state->capital.empty() ? c.onto.find_entity(state->capital) : nullptr;
    if (!capital) return;
    std::vector<const Token*> words;
    for (std::uint32_t t = m.tok_begin; t < m.tok_end; ++t)
        if (!c.doc.tokens[t].has(tok_hyphen)) words.push_back(&c.doc.tokens[t]);
    const std::vector<PhraseEntry>* entries = nullptr;
    if (c.tables.entities.longest(words, 0, entries) != words.size() || !entries) return;
    const bool capital_alias = std::any_of(entries->begin(), entries->end(), [&](const PhraseEntry& e) { return e.id == capital->id; });
    if (!capital_alias) return;
    c.rekey_mention(static_cast<int>(mention), Ontology::graph_id(*capital), c.class_of(*capital), capital->label, capital->wikidata, true);
}

} // namespace

int add_body(StageContext& c, std::uint32_t b, std::uint32_t e, const std::string& key, MentionSource source, const std::string& text) {
    if (const EntityRecord* rec = c.onto.find_by_graph_id(key))
        return c.add_mention(b, e, key, c.class_of(*rec), source, rec->label, rec->wikidata, true);
    return c.add_mention(b, e, key, c.class_with(Trait::institution), source, text);
}

int add_institution_name(StageContext& c, std::uint32_t b, std::uint32_t e, MentionSource source) {
    const ClassId institution = c.class_with(Trait::institution);
    const std::string name(c.doc.view(ByteSpan{c.doc.tokens[b].span.begin, c.doc.tokens[e - 1].span.end}));
    std::uint32_t tail = e;
    std::string state = state_at_end(c, b, e, tail);
    // Only a kind of state body the data names is split from its state ("Ministero della Difesa
    // di Mosca"); "la Federación Nacional de Cafeteros de Colombia" is a name of its own.
    if (!state.empty() && body_kind_of(c, b, tail).empty()) return c.add_mention(b, e, slugify(name), institution, source, name);
    if (state.empty()) {
        // The state named right after the name ("Ministère de la Défense du Kenya",
        // "Verteidigungsministerium von Kenia").
        std::uint32_t k = e;
        if (k < c.doc.tokens.size() && (c.in(c.lang.genitives, c.doc.tokens[k].key) || c.in(c.lang.name_connectors, c.doc.tokens[k].key))) {
            ++k;
            while (k < c.doc.tokens.size() && c.in(c.lang.articles, c.doc.tokens[k].key) && c.owner[k] < 0) ++k;
            const Mention* after = k < c.doc.tokens.size() ? c.mention_at(k) : nullptr;
            if (after && after->tok_begin == k && c.is(after->cls, Trait::sovereign)) {
                // The name as written runs to the state's name, which keeps its own mention; a
                // kind of state body is keyed as that state's ("City University di Hong Kong" is
                // a name of its own).
                const std::uint32_t end = after->tok_end;
                const std::string text(c.doc.view(ByteSpan{c.doc.tokens[b].span.begin, c.doc.tokens[end - 1].span.end}));
                if (body_kind_of(c, b, e).empty()) {
                    // "Dongguk University di Seul": a capital after a name of its own is where
                    // the institution is, the city.
                    place_capital(c, static_cast<std::size_t>(c.owner[k]));
                    return c.add_mention(b, end, slugify(text), institution, source, text);
                }
                return add_body(c, b, end, national_body_key(c, b, e, after->entity), source, text);
            }
        }
        return c.add_mention(b, e, slugify(name), institution, source, name);
    }
    const EntityRecord* rec = c.onto.find_by_graph_id(state);
    c.add_mention(tail, e, state, c.class_of(*rec), MentionSource::gazetteer, rec->label, rec->wikidata, true);
    std::uint32_t head_end = tail;
    while (head_end > b && !c.doc.tokens[head_end - 1].has(tok_upper_initial)) --head_end;
    return add_body(c, b, e, national_body_key(c, b, head_end, state), source, name);
}

void rekey_entity(StageContext& c, const std::string& from, const std::string& to) {
    if (from == to) return;
    auto it = c.entities.find(from);
    if (it == c.entities.end()) return;
    LocalEntity moved = std::move(it->second);
    c.entities.erase(it);
    auto [dst, fresh] = c.entities.try_emplace(to);
    if (fresh) {
        dst->second = std::move(moved);
        dst->second.key = to;
    } else {
        for (auto& s : moved.surfaces)
            if (std::find(dst->second.surfaces.begin(), dst->second.surfaces.end(), s) == dst->second.surfaces.end())
                dst->second.surfaces.push_back(s);
        dst->second.mentions += moved.mentions;
        dst->second.order = std::min(dst->second.order, moved.order);
        if (moved.label.size() > dst->second.label.size() && !dst->second.from_gazetteer) dst->second.label = moved.label;
    }
    for (Mention& m : c.mentions)
        if (m.entity == from) m.entity = to;
    for (RoleLink& r : c.roles) {
        if (r.person == from) r.person = to;
        if (r.affiliation == from) r.affiliation = to;
    }
    for (auto& [key, facts] : c.annotated.agreement_facts)
        for (std::set<std::string>* keys : {&facts.actors, &facts.targets})
            if (keys->erase(from)) keys->insert(to);
}

// Is an entity's only claim to a key its own text, so that the acronym may replace it?
std::vector<std::string> last_named_group(const StageContext& c, std::uint32_t before, Trait trait, std::size_t size) {
    std::vector<const Mention*> named; // mentions with the trait, nearest first
    for (std::uint32_t t = before; t-- > 0;) {
        const Mention* m = c.mention_at(t);
        if (!m) continue;
        if (c.is(m->cls, trait)) named.push_back(m);
        t = m->tok_begin;
    }
    // Two named are joined by a coordinator or a hyphen; a list of more by commas too
    // ("South Korea, the United States and Japan").
    const bool list = size > 2;
    auto joined = [&](const Mention* a, const Mention* b) { // a before b in the text
        bool joiner = false;
        for (std::uint32_t t = a->tok_end; t < b->tok_begin; ++t) {
            const Token& w = c.doc.tokens[t];
            const bool link = c.in(c.lang.coordinators, w.key) || w.has(tok_hyphen) || (list && w.has(tok_comma));
            if (!(link || c.in(c.lang.articles, w.key) || w.has(tok_apostrophe))) return false;
            joiner |= link;
        }
        return joiner && a->entity != b->entity;
    };
    // A pair among the last six named; a whole list of three or more is rarer and so surer.
    const std::size_t max_looked = list ? 16 : 6;
    for (std::size_t k = 0; k + size <= named.size() && k < max_looked; ++k) {
        bool together = true;
        for (std::size_t i = k; i + 1 < k + size && together; ++i) together = joined(named[i + 1], named[i]);
        if (!together) continue;
        // The whole list, not its tail: "A, B, C and D" is no group of three.
        if (list && k + size < named.size() && joined(named[k + size], named[k + size - 1])) return {};
        std::vector<std::string> out; // in the text's order
        for (std::size_t i = k + size; i-- > k;) out.push_back(named[i]->entity);
        return out;
    }
    return {};
}

bool institution_head_anywhere(const StageContext& c, const std::string& key) {
    return std::any_of(c.onto.languages.begin(), c.onto.languages.end(),
                       [&](const auto& lang) { return lang.second.organization_heads.count(key) != 0; });
}

bool affiliation_class(const StageContext& c, ClassId cls) {
    return c.is(cls, Trait::sovereign) || c.is(cls, Trait::institution);
}

std::string recorded_affiliation(const StageContext& c, const std::string& person) {
    const EntityRecord* rec = c.onto.find_by_graph_id(person);
    const EntityRecord* body = rec && !rec->affiliation.empty() ? c.onto.find_entity(rec->affiliation) : nullptr;
    return body ? Ontology::graph_id(*body) : std::string();
}

std::string home_of(const StageContext& c, const std::string& person) {
    auto sovereign = [&](const std::string& key) {
        if (const EntityRecord* rec = c.onto.find_by_graph_id(key)) return c.is(c.class_of(*rec), Trait::sovereign);
        auto it = c.entities.find(key);
        return it != c.entities.end() && c.is(it->second.cls, Trait::sovereign);
    };
    for (const RoleLink& link : c.roles)
        if (link.person == person && !link.affiliation.empty() && sovereign(link.affiliation)) return link.affiliation;
    const std::string recorded = recorded_affiliation(c, person);
    return !recorded.empty() && sovereign(recorded) ? recorded : std::string();
}

void widen_mention(StageContext& c, int m, std::uint32_t end, ClassId cls) {
    Mention& mention = c.mentions[static_cast<std::size_t>(m)];
    for (std::uint32_t t = mention.tok_end; t < end; ++t)
        if (c.owner[t] < 0) c.owner[t] = m;
    mention.tok_end = end;
    mention.span.end = c.doc.tokens[end - 1].span.end;
    mention.source = MentionSource::name_shape;
    const std::string name(c.doc.view(mention.span));
    c.rekey_mention(m, slugify(name), cls, name);
}

} // namespace kg::detail
