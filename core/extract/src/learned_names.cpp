// SPDX-License-Identifier: Apache-2.0
// Stages "name_finder" and "learned_names". The statistical name finder (kg/ner: a model
// trained on annotated news, ontology/models/ner-<lang>.bin) marks names first, as
// candidates the gazetteer respects (a known name inside a longer one — "Moscow" in "Dynamo
// Moscow", "Japan" in "the Ministry of Defence of Japan" — is part of that name); once the
// rule recognisers have run, its names on tokens no recogniser claimed become mentions —
// the names no list has seen. Its person, organisation and location labels are
// turned into classes by the ontology's traits, with the name's own head noun as stronger
// evidence ("Kursk Oblast" is a place whatever the model says, "Tarlenheim University" an
// institution); MISC names (nationalities, events) are no entities here.
#include "names.hpp"
#include "stages.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>

namespace kg::detail {
namespace {

ClassId class_of_name(const StageContext& c, const Token& first, const Token& last, NameLabel label) {
    // "Nairobi Friendship Treaty", "Trattato di Amicizia": a treaty's head makes an agreement
    // of a name the model reads as a title or an event (MISC).
    const Token& head = c.lang.modifiers_before_head ? last : first;
    // (An organisation the model is sure of keeps its class: "Pacto de Progreso" is a
    // coalition.)
    if (label == NameLabel::misc && &first != &last && head.has(tok_upper_initial) && last.has(tok_upper_initial) &&
        c.in(c.lang.treaty_heads, head.key))
        return c.class_with(Trait::agreement);
    if (c.in(c.lang.organization_heads, last.key)) return c.class_with(Trait::institution);
    if (c.in(c.lang.place_heads, last.key)) return c.class_with(Trait::location);
    switch (label) {
    case NameLabel::person: return c.class_with(Trait::person);
    case NameLabel::organization: return c.class_with(Trait::institution);
    case NameLabel::location: return c.class_with(Trait::location);
    case NameLabel::misc: return no_class;
    }
    return no_class;
}

// A sentence opens with a capitalised article that may or may not be part of the name ("El
// País", "The Hague" are names with their article): it is left out when the rest is a name
// the gazetteer knows ("Le Rwanda", "Il Cremlino").
void trim(const StageContext& c, NameSpan& n) {
    if (n.tok_end - n.tok_begin < 2) return;
    const Token& first = c.doc.tokens[n.tok_begin];
    if (!first.has(tok_sentence_start) || !c.in(c.lang.articles, first.key)) return;
    std::vector<const Token*> rest;
    for (std::uint32_t t = n.tok_begin + 1; t < n.tok_end; ++t)
        if (!c.doc.tokens[t].has(tok_hyphen)) rest.push_back(&c.doc.tokens[t]);
    const std::vector<PhraseEntry>* entries = nullptr;
    if (c.tables.entities.longest(rest, 0, entries) == rest.size()) ++n.tok_begin;
}

// A person's name goes on through a particle the model may stop at: "Abdel Fattah
// al-Burhan", "Alberto van Klaveren".
void extend_person(const StageContext& c, NameSpan& n) {
    if (n.label != NameLabel::person) return;
    n.tok_end = person_name_end(c, n.tok_begin, n.tok_end);
    const std::uint32_t s = c.doc.tokens[n.tok_begin].sentence;
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    c.words_of(s, words, index);
    auto at = std::find(index.begin(), index.end(), n.tok_end);
    if (at == index.end()) return;
    std::size_t j = static_cast<std::size_t>(at - index.begin());
    // The particle is joined by a hyphen ("al-") or is no function word ("van", not "of":
    // "Paul Johnson of Kent" is no name).
    auto particle = [&](std::size_t k) {
        const Token& t = *words[k];
        const bool hyphenated = t.span.end < c.doc.text.size() && c.doc.text[t.span.end] == '-';
        return c.in(c.lang.name_connectors, t.key) && !t.has(tok_upper_initial) && (hyphenated || !c.in(c.lang.function_words, t.key));
    };
    while (j + 1 < words.size() && particle(j) && name_word(c, *words[j + 1])) {
        n.tok_end = index[j + 1] + 1;
        j += 2;
    }
}

// "Light Airplanes Design and Manufacturing Industries", "Institute for Peace and Security
// Studies": two names joined by a coordinator, the second ending in an institution's head
// noun and the first no name the gazetteer knows, are one institution's name.
bool joins_one_institution(const StageContext& c, const NameSpan& a, const NameSpan& b) {
    // Two organisations the model read as two ("Ford and General Motors Corp") stay two.
    if (b.tok_begin != a.tok_end + 1 || b.label == NameLabel::person || a.label == NameLabel::organization) return false;
    // The words of any language: a name keeps its own ("Design and Manufacturing Industries"
    // in a French article).
    const std::string& joint = c.doc.tokens[a.tok_end].key;
    const std::string& head = c.doc.tokens[b.tok_end - 1].key;
    const bool coordinator = std::any_of(c.onto.languages.begin(), c.onto.languages.end(),
                                         [&](const auto& lang) { return lang.second.coordinators.count(joint) != 0; });
    if (!coordinator || !institution_head_anywhere(c, head)) return false;
    std::vector<const Token*> words;
    for (std::uint32_t t = a.tok_begin; t < a.tok_end; ++t)
        if (!c.doc.tokens[t].has(tok_hyphen)) words.push_back(&c.doc.tokens[t]);
    const std::vector<PhraseEntry>* entries = nullptr;
    if (c.tables.entities.longest(words, 0, entries) == words.size()) return false;
    // Every word of the first name is capitalised: "Russia and ..." is a known name, "he and
    // ..." none at all.
    for (const Token* w : words)
        if (w->has(tok_word) && !w->has(tok_upper_initial)) return false;
    return true;
}

// "El ministro de Defensa Andrej Belousow": a role phrase may end with a capitalised word the
// model took for the first word of the person's name; the name starts after the role.
void trim_role(const StageContext& c, NameSpan& n) {
    constexpr std::uint32_t max_role_words = 5;
    if (n.label != NameLabel::person || n.tok_end - n.tok_begin < 3) return;
    const std::uint32_t first = c.doc.sentences[c.doc.tokens[n.tok_begin].sentence].first_token;
    for (std::uint32_t k = n.tok_begin > first + max_role_words ? n.tok_begin - max_role_words : first; k < n.tok_begin; ++k) {
        std::vector<const Token*> words;
        for (std::uint32_t t = k; t < n.tok_end; ++t) words.push_back(&c.doc.tokens[t]);
        const std::vector<PhraseEntry>* entries = nullptr;
        const std::size_t len = c.tables.roles.longest(words, 0, entries);
        if (len > n.tok_begin - k && k + len + 2 <= n.tok_end) {
            n.tok_begin = k + static_cast<std::uint32_t>(len);
            return;
        }
    }
}

// Most words of the sentence are written in capitals ("SOCCER - ROTOR FANS LOCKED OUT").
bool in_capitals(const StageContext& c, std::uint32_t sentence) {
    const Sentence& s = c.doc.sentences[sentence];
    int words = 0, caps = 0;
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = c.doc.tokens[i];
        if (!t.has(tok_word) || t.has(tok_digit)) continue;
        ++words;
        if (t.has(tok_all_caps)) ++caps;
    }
    return caps * 2 > words;
}

// "Covid-19", "Su-27": a name joined by a hyphen to the number that follows is a code of
// which the model saw only the letters; the designator stages, not the name finder, class it.
bool glued_to_number(const StageContext& c, const NameSpan& n) {
    const std::size_t end = c.doc.tokens[n.tok_end - 1].span.end;
    const std::string_view text = c.doc.text;
    return end + 1 < text.size() && text[end] == '-' && text[end + 1] >= '0' && text[end + 1] <= '9';
}

} // namespace

void find_name_candidates(StageContext& c) {
    auto& names = c.annotated.names;
    names.clear();
    if (!c.name_finder) return;
    for (NameSpan n : c.name_finder->find_document(c.doc)) {
        trim(c, n);
        if (n.tok_begin >= n.tok_end) continue;
        // A title-case headline capitalises every word: only short, sure names count there.
        // (A line in capitals is another matter: the model learned from news set that way.)
        const std::uint32_t sentence = c.doc.tokens[n.tok_begin].sentence;
        if (c.headline[sentence] && !in_capitals(c, sentence) && (n.tok_end - n.tok_begin > 3 || n.confidence < 0.7f)) continue;
        if (glued_to_number(c, n)) continue;
        trim_role(c, n);
        extend_person(c, n);
        if (!names.empty() && n.tok_begin < names.back().tok_end) continue;
        if (!names.empty() && joins_one_institution(c, names.back(), n)) {
            names.back().tok_end = n.tok_end;
            names.back().label = NameLabel::organization;
            continue;
        }
        names.push_back(n);
    }
}

namespace {

// The known person a single word names: one the gazetteer knows, named in full earlier in
// the document or by surname; empty if none.
std::string person_named_by(const StageContext& c, std::uint32_t token) {
    const Token& t = c.doc.tokens[token];
    // Only people the gazetteer knows: two unknown words side by side are more likely one
    // unknown person ("Dino Baggio" after "Dino Zoff" and "Roberto Baggio").
    if (std::string earlier = nearest_person(c, token, t.key); !earlier.empty())
        return c.onto.find_by_graph_id(earlier) ? earlier : std::string();
    if (const EntityRecord* known = known_surname(c, t)) return Ontology::graph_id(*known);
    return {};
}

// Two people side by side ("lud Putin Kim nun ein", verb-second with its object): every word
// names a different person already known, so the words are not one name.
bool add_side_by_side_people(StageContext& c, const NameSpan& n) {
    if (n.label != NameLabel::person || n.tok_end - n.tok_begin < 2) return false;
    // A given name first makes one person's name ("Roberto Baggio" after "Roberto Carlos" and
    // "Dino Baggio").
    if (c.in(c.lang.given_names, c.doc.tokens[n.tok_begin].key)) return false;
    std::vector<std::string> people;
    for (std::uint32_t t = n.tok_begin; t < n.tok_end; ++t) {
        std::string p = c.doc.tokens[t].has(tok_word) ? person_named_by(c, t) : std::string();
        if (p.empty() || std::find(people.begin(), people.end(), p) != people.end()) return false;
        people.push_back(std::move(p));
    }
    for (std::uint32_t t = n.tok_begin; t < n.tok_end; ++t) {
        const std::string& key = people[t - n.tok_begin];
        if (auto it = c.entities.find(key); it != c.entities.end()) {
            const LocalEntity ent = it->second;
            c.add_mention(t, t + 1, key, ent.cls, MentionSource::short_form, ent.label, ent.wikidata, ent.from_gazetteer);
        } else if (const EntityRecord* rec = c.onto.find_by_graph_id(key)) {
            c.add_mention(t, t + 1, key, c.class_of(*rec), MentionSource::short_form, rec->label, rec->wikidata, true);
        }
    }
    return true;
}

} // namespace

void find_learned_names(StageContext& c) {
    for (const NameSpan& n : c.annotated.names) {
        if (!c.free(n.tok_begin, n.tok_end)) continue;
        if (add_side_by_side_people(c, n)) continue;
        // One word of a person named in full before ("Kim" after "Kim Jong Un") is that
        // person; so is a known person's surname ("Putin"), whatever the label.
        if (n.tok_end == n.tok_begin + 1) {
            const Token& t = c.doc.tokens[n.tok_begin];
            if (std::string earlier = nearest_person(c, n.tok_begin, t.key); !earlier.empty() && n.label == NameLabel::person) {
                const LocalEntity& ent = c.entities.at(earlier);
                c.add_mention(n.tok_begin, n.tok_end, earlier, ent.cls, MentionSource::short_form, ent.label, ent.wikidata,
                              ent.from_gazetteer);
                continue;
            }
            if (const EntityRecord* known = known_surname(c, t)) {
                c.add_mention(n.tok_begin, n.tok_end, Ontology::graph_id(*known), c.class_with(Trait::person), MentionSource::short_form,
                              known->label, known->wikidata, true);
                continue;
            }
        }
        const ClassId cls = class_of_name(c, c.doc.tokens[n.tok_begin], c.doc.tokens[n.tok_end - 1], n.label);
        if (cls == no_class) continue;
        const std::string name(c.doc.view(ByteSpan{c.doc.tokens[n.tok_begin].span.begin, c.doc.tokens[n.tok_end - 1].span.end}));
        if (c.is(cls, Trait::institution))
            add_institution_name(c, n.tok_begin, n.tok_end, MentionSource::learned);
        else
            c.add_mention(n.tok_begin, n.tok_end, slugify(name), cls, MentionSource::learned, name);
    }
}

} // namespace kg::detail
