// SPDX-License-Identifier: Apache-2.0
// Stage "trigger_relations": relations signalled by a trigger of the language data (matched
// by stem), with subject and object chosen by the relation's domain and range and by the
// shape of the sentence. For each trigger the subject strategies are tried in order —
// passive agent, demonym on the trigger noun, the body after an agreement noun, a
// possessor, a genitive after a nominalisation, the nearest subject before, verb-second —
// then the object; a sentence that opens with its trigger and names nobody before it
// continues the previous sentence's subject where the language drops subject pronouns.
#include "arguments.hpp"
#include "emitter.hpp"
#include "stages.hpp"

#include <algorithm>
#include <string_view>

namespace kg::detail {
namespace {

/// One trigger occurrence being read.
struct Reading {
    const SentenceView& v;
    const RelationDef& def;
    const RelationCues& cues;
    const TriggerDef& trig;
    std::size_t p;        ///< the trigger's first word
    std::size_t after;    ///< the word after the trigger
    int inside;           ///< the mention the trigger word belongs to, or -1
    bool noun;            ///< the trigger is used as a noun here
    std::vector<Argument> subjects, objects;
    bool passive = false, reciprocal = false, blocked = false;

    ByteSpan trigger_span() const { return v.span(p, after - 1); }
};

std::vector<Argument> arguments_of(const SentenceView& v, const std::vector<int>& mentions) {
    std::vector<Argument> out;
    for (int m : mentions) out.push_back({v.mention(m).entity, v.mention(m).span});
    return out;
}

// The clause before the trigger: a negation within two words denies the claim; a modal
// ("potrebbero firmare", "could sign") states a possibility, not a relation (returns false).
bool claim_before_trigger(const SentenceView& v, std::size_t p, SentenceFacts& claim) {
    const StageContext& c = v.c;
    bool possible_only = false;
    for (std::size_t k = p; k-- > 0 && p - k <= 8;) {
        if (v.mention_at[k] >= 0 || v.tok(k).has(tok_comma)) break;
        if (p - k <= 2 && c.in(c.lang.negations, v.tok(k).key)) claim.status = ClaimStatus::denied;
        if (c.in(c.lang.modals, v.tok(k).key)) possible_only = true;
    }
    return !possible_only;
}

// A stance verb after `from` whose phrase reaches p, with no coordinator between ("condemned
// the arms transfers"; but "condemned X and sent troops" coordinates two verbs).
bool stance_verb_between(const SentenceView& v, std::size_t from, std::size_t p) {
    const auto it = v.stance_verbs.upper_bound(from);
    if (it == v.stance_verbs.end() || *it >= p) return false;
    for (std::size_t q = *it + 1; q < p; ++q)
        if (v.c.in(v.c.lang.coordinators, v.tok(q).key)) return false;
    return true;
}

bool in_apposition(const SentenceView& v, std::size_t p) {
    if (!noun_use(v, p)) return false;
    std::size_t k = p;
    while (k > 0 && p - k < 3 && v.mention_at[k - 1] < 0 && !v.tok(k - 1).has(tok_comma)) --k;
    return k > 1 && v.tok(k - 1).has(tok_comma) && v.mention_at[k - 2] >= 0;
}

// Active voice: the strategies that name the subject, in order; then the object after it.
// "arms transfers from the DPRK to Russia", "truppe inviate dalla Corea del Nord": an actor
// introduced by a source marker within a few words after the trigger is where the object
// comes from, the subject. Nothing but articles, the trigger's own object and a complement
// may come between.
std::vector<int> source_after(const Reading& r) {
    constexpr std::size_t max_words = 4;
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    if (r.cues.source_markers.empty()) return {};
    for (std::size_t q = r.after; q < v.toks.size() && q <= r.after + max_words; ++q) {
        const Token& t = v.tok(q);
        if (t.has(tok_comma) || ends_clause(t)) return {};
        if (!r.cues.source_markers.count(t.key)) continue;
        std::size_t k = q + 1;
        while (k < v.toks.size() && v.mention_at[k] < 0 && (c.in(c.lang.articles, v.tok(k).key) || v.tok(k).has(tok_apostrophe))) ++k;
        if (k >= v.toks.size()) return {};
        const int m = v.mention_at[k];
        if (m < 0 || !c.is(v.cls(m), Trait::agent) || !r.def.admits_subject(v.cls(m))) continue;
        return coordination_group(v, m);
    }
    return {};
}

// "$500 million in aid to Ukraine", "500 millones de dólares en ayuda a Ucrania": a
// preposition after an amount measures the noun at p; it places nothing.
bool measured_noun(const SentenceView& v, std::size_t p) {
    const StageContext& c = v.c;
    std::size_t k = p;
    while (k > 0 && (c.in(c.lang.articles, v.tok(k - 1).key) || v.tok(k - 1).has(tok_apostrophe))) --k;
    if (k == 0 || !c.in(c.lang.prepositions, v.tok(k - 1).key)) return false;
    constexpr std::size_t amount_reach = 3; // "millones de dólares en"
    for (std::size_t q = k - 1; q-- > 0 && k - 1 - q <= amount_reach;) {
        const Token& t = v.tok(q);
        if (t.has(tok_digit) || c.lang.multipliers.count(t.key)) return true;
    }
    return false;
}

void read_active(Reading& r, std::vector<int>& subject_mentions) {
    const SentenceView& v = r.v;
    subject_mentions = source_after(r);
    if (!subject_mentions.empty()) {
        r.blocked = true;
        return;
    }
    const bool nominal = r.inside >= 0 && v.c.is(v.cls(r.inside), Trait::agreement);
    const bool have = !r.subjects.empty();
    if (nominal) subject_mentions = body_after_agreement(v, r.after, r.inside, r.def);
    if (subject_mentions.empty() && !have) subject_mentions = possessor(v, r.p, r.def);
    if (subject_mentions.empty() && !have) subject_mentions = possessive_reference(v, r.p, r.def);
    if (subject_mentions.empty() && !have && r.noun) {
        subject_mentions = forward_possessor(v, r.p, r.def);
        if (!subject_mentions.empty()) {
            r.blocked = true;
            return;
        }
    }
    // "Kenya, a historic ally of Russia": a noun in apposition describes the name before the
    // comma, and its genitive is the other party.
    if (subject_mentions.empty() && !have && !in_apposition(v, r.p)) subject_mentions = genitive_actor(v, r.p, r.after, r.def);
    // "l'impiego dei droni nella guerra contro l'Ucraina": a noun of stance inside a
    // prepositional phrase names a conflict of its own; the clause's subject is not its actor
    // (while "in visita a Pyongyang" is the subject's own visit).
    const StageContext& c = v.c;
    const Token* before = word_before(v, r.p);
    const bool in_locative = before && c.in(c.lang.locative_prepositions, before->key) &&
                             !c.in(c.lang.infinitive_markers, v.tok(r.p - 1).key) && !measured_noun(v, r.p);
    if (subject_mentions.empty() && !have && r.def.stance && r.noun && in_locative) {
        r.blocked = true;
        return;
    }
    if (subject_mentions.empty() && !have && !nominal) {
        const SubjectSearch found = subject_before(v, r.p, r.def);
        // "Kenya condemns the delivery of drones": the condemning subject is not the
        // actor of the event its verb is about.
        const bool behind_stance = found.mention && stance_verb_between(v, v.extent(*found.mention).second, r.p);
        if (found.mention && !behind_stance) subject_mentions = coordination_group(v, *found.mention);
        if (!found.demonym_state.empty()) r.subjects.push_back({found.demonym_state, found.demonym_span});
        if (!found.pronoun_referent.empty()) r.subjects.push_back({found.pronoun_referent, found.pronoun_span});
        for (const auto& k : found.pair_referents) r.subjects.push_back({k, found.pair_span});
        r.blocked = found.blocked || found.mention.has_value() || !found.demonym_state.empty();
        if (!r.blocked && v.c.lang.verb_second) {
            subject_mentions = verb_second_subject(v, r.after, r.def);
            r.blocked = !subject_mentions.empty();
        }
        // Any mention before the trigger means the subject is not dropped.
        for (std::size_t q = 0; q < r.p && !r.blocked; ++q) r.blocked = v.mention_at[q] >= 0;
    }
}

// "L'UE condanna la consegna di droni iraniani alla Russia": after a verb, a common noun
// (past articles and quotes) opens the phrase of an event; its markers belong to the noun.
// A quoted aside between the verb and its object ("condemned "in the strongest possible
// terms" the cooperation") is passed over whole.
bool opens_event_phrase(const SentenceView& v, std::size_t from, const std::set<std::string>& markers) {
    const StageContext& c = v.c;
    for (std::size_t q = from, steps = 0; q < v.toks.size() && steps < 4; ++q, ++steps) {
        const Token& t = v.tok(q);
        if (t.has(tok_quote)) {
            std::size_t close = q + 1;
            while (close < v.toks.size() && close < q + 10 && !v.tok(close).has(tok_quote)) ++close;
            if (close < v.toks.size() && v.tok(close).has(tok_quote) && close > q + 1) q = close;
            continue;
        }
        if (c.in(c.lang.articles, t.key) || t.has(tok_apostrophe)) continue;
        if (v.mention_at[q] >= 0) return false;
        if (!c.demonym_of.empty() && !c.demonym_of[v.toks[q]].empty()) {
            // "condemned Russian aggression", but not "ha accusato il russo Boris Marchenko".
            std::size_t e = q;
            while (e < v.toks.size() && !c.demonym_of[v.toks[e]].empty()) ++e;
            return e >= v.toks.size() || v.mention_at[e] < 0;
        }
        // A common noun: lower case, or any case where every noun is capitalised (German).
        const bool common = !t.has(tok_upper_initial) || c.lang.person_needs_given_name;
        return t.has(tok_word) && common && !v.introducer(q) && !markers.count(t.key) &&
               !c.in(c.lang.function_words, t.key);
    }
    return false;
}

// "ha inviato munizioni, inclusi missili e razzi, alla Russia": what is supplied or held is
// often a list that a coordinator alone does not join. For a relation whose objects are
// weapons, the weapons after the first one belong to it up to the end of the clause or the
// first actor, with at most three other words between two of them.
void extend_weapon_list(const SentenceView& v, const RelationDef& def, std::vector<int>& objects) {
    const StageContext& c = v.c;
    if (!c.is(v.cls(objects.front()), Trait::weapon) || !def.admits_object(v.cls(objects.front()))) return;
    std::size_t gap = 0;
    for (std::size_t q = v.extent(objects.back()).second + 1; q < v.toks.size(); ++q) {
        const int m = v.mention_at[q];
        if (m < 0) {
            const Token& t = v.tok(q);
            if (ends_clause(t) || t.has(tok_quote)) return;
            const bool joint = t.has(tok_comma) || c.in(c.lang.coordinators, t.key) || c.in(c.lang.articles, t.key) ||
                               t.has(tok_digit) || c.lang.multipliers.count(t.key) || c.in(c.lang.genitives, t.key);
            if (!joint && ++gap > 3) return;
            continue;
        }
        if (!c.is(v.cls(m), Trait::weapon)) return;
        gap = 0;
        if (def.admits_object(v.cls(m)) && std::find(objects.begin(), objects.end(), m) == objects.end()) objects.push_back(m);
        q = v.extent(m).second;
    }
}

// "La Russia ha lanciato droni contro Odessa", "Russia launched drones against Odesa": a
// relation whose subject is a weapon (struck) takes the weapons that are the verb's direct
// object, when no weapon comes before it; the clause's actor is the one who fired them.
std::vector<int> instrument_subject(const Reading& r) {
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    if (!r.def.admits_subject(c.class_with(Trait::weapon)) || r.def.admits_subject(c.class_with(Trait::sovereign))) return {};
    // Someone fires them: the nearest name before the verb is an actor, or there is none
    // ("le sanzioni colpiscono..." is another verb).
    for (std::size_t q = r.p; q-- > 0;)
        if (const int m = v.mention_at[q]; m >= 0) {
            if (!c.is(v.cls(m), Trait::agent)) return {};
            break;
        }
    // "la frappe de missiles sur Lima", "der Beschuss mit Raketen": a strike named as a noun
    // takes the weapons of its genitive or its instrument right after it.
    if (r.noun) {
        std::size_t q = r.after;
        if (q < v.toks.size() && (c.in(c.lang.genitives, v.tok(q).key) || c.in(c.lang.instrument_markers, v.tok(q).key))) ++q;
        while (q < v.toks.size() && v.mention_at[q] < 0 && (c.in(c.lang.articles, v.tok(q).key) || !c.demonym_of[v.toks[q]].empty())) ++q;
        if (q > r.after && q < v.toks.size() && v.mention_at[q] >= 0 && c.is(v.cls(v.mention_at[q]), Trait::weapon))
            return coordination_group(v, v.mention_at[q]);
    }
    // "attacked Lima with drones": the instrument after the verb's object.
    auto instrument_after = [&](std::size_t from) -> std::vector<int> {
        constexpr std::size_t max_words = 4;
        for (std::size_t q = from; q < v.toks.size() && q < from + max_words; ++q) {
            if (!c.in(c.lang.instrument_markers, v.tok(q).key)) continue;
            std::size_t k = q + 1;
            while (k < v.toks.size() && v.mention_at[k] < 0 && (c.in(c.lang.articles, v.tok(k).key) || v.tok(k).has(tok_digit))) ++k;
            if (k < v.toks.size() && v.mention_at[k] >= 0 && c.is(v.cls(v.mention_at[k]), Trait::weapon))
                return coordination_group(v, v.mention_at[k]);
            return {};
        }
        return {};
    };
    for (std::size_t q = r.after; q < v.toks.size() && q < r.after + 4; ++q) {
        const Token& t = v.tok(q);
        if (const int m = v.mention_at[q]; m >= 0) {
            if (!c.is(v.cls(m), Trait::weapon)) return instrument_after(v.extent(m).second + 1);
            std::vector<int> weapons = coordination_group(v, m);
            return weapons;
        }
        // "feuerte am Montag Drohnen ab": a date between the verb and its object.
        const bool date_word = c.in(c.lang.weekdays, t.key) || c.lang.months.count(t.key) ||
                               (q + 1 < v.toks.size() && c.in(c.lang.prepositions, t.key) &&
                                (c.in(c.lang.weekdays, v.tok(q + 1).key) || c.lang.months.count(v.tok(q + 1).key)));
        // "ha attaccato con droni la stazione", "attacked with drones": the instrument.
        const bool skippable = c.in(c.lang.articles, t.key) || t.has(tok_apostrophe) || t.has(tok_digit) || date_word ||
                               c.lang.multipliers.count(t.key) || v.introducer(q) || c.in(c.lang.instrument_markers, t.key) ||
                               c.in(c.lang.place_descriptors, t.key) ||
                               (c.in(c.lang.function_words, t.key) && !c.in(c.lang.prepositions, t.key));
        if (!skippable) return {};
    }
    return {};
}

void read_object(Reading& r, const std::vector<int>& subject_mentions) {
    const SentenceView& v = r.v;
    std::size_t from = r.after;
    for (int sm : subject_mentions) from = std::max(from, v.extent(sm).second + 1);
    const auto& markers = r.trig.object_markers.empty() ? r.cues.object_markers : r.trig.object_markers;
    std::set<std::string> taken;
    for (int sm : subject_mentions) taken.insert(v.mention(sm).entity);
    std::vector<int> objects;
    const bool about_event = r.def.stance && !r.noun && opens_event_phrase(v, from, markers);
    std::optional<int> object;
    // A noun's complement before its genitive actor: "la visita in Corea del Nord del
    // presidente Putin".
    if (!subject_mentions.empty() && from > r.after && !about_event)
        if (auto o = object_after(v, r.after, r.def, markers, subject_mentions.back());
            o && v.extent(*o).second < v.extent(subject_mentions.front()).first)
            object = o;
    if (!object && !about_event) object = object_after(v, from, r.def, markers, subject_mentions.empty() ? -1 : subject_mentions.back());
    // A noun whose data names the words of its complement takes only a complement so marked
    // ("exiled opponents said Gaddafi's airforce..." names no one the opponents oppose).
    if (object && r.noun && !r.trig.object_markers.empty()) {
        std::size_t k = v.extent(*object).first;
        auto passed = [&](const Token& t) { return !r.trig.object_markers.count(t.key) && (v.c.in(v.c.lang.articles, t.key) || t.has(tok_apostrophe)); };
        while (k > r.after && (passed(v.tok(k - 1)) || v.introducer(k - 1))) --k;
        if (k == r.after || !marks_object(v.c, r.trig.object_markers, v.tok(k - 1).key)) object.reset();
    }
    // A noun's complements do not lie past another action: in "le forze di Kiev non hanno
    // manifestato l'intenzione di disertare in Corea del Sud" the place is the deserting's.
    if (object && r.noun)
        for (std::size_t q = from; q < v.extent(*object).first && object; ++q)
            if (opens_infinitive(v, q)) object.reset();
    if (auto o = object) {
        objects = coordination_group(v, *o);
        const Token* marker = word_before(v, v.extent(objects.front()).first);
        // "la cooperazione tra la Corea del Nord e la Russia": the relation holds among the
        // coordinated objects, whatever the clause's subject.
        r.reciprocal = r.def.symmetric && marker && v.c.in(v.c.lang.reciprocal_markers, marker->key);
        if (r.reciprocal && objects.size() < 2) objects.clear();
    }
    // A verb of stance takes the actors of the event it is about; a noun of stance ("la
    // guerra d'aggressione della Russia") has its actor in the genitive instead.
    // A noun of stance takes the actors of the event its complement names too ("il suo
    // sostegno alla guerra della Russia").
    // (Its complement follows it: "exiled opponents said Gaddafi's airforce..." names none.)
    const bool complement_follows = from < v.toks.size() && (markers.count(v.tok(from).key) || v.c.in(v.c.lang.prepositions, v.tok(from).key));
    if (objects.empty() && r.def.stance && !about_event && r.noun && !subject_mentions.empty() && complement_follows) {
        EventActors actors = event_actors(v, from, r.def);
        objects = std::move(actors.mentions);
    }
    if (objects.empty() && about_event) {
        EventActors actors = event_actors(v, from, r.def);
        objects = std::move(actors.mentions);
        if (!actors.demonym_state.empty()) r.objects.push_back({actors.demonym_state, actors.demonym_span});
    }
    if (!objects.empty()) extend_weapon_list(v, r.def, objects);
    std::erase_if(objects, [&](int m) { return taken.count(v.mention(m).entity) != 0; });
    for (auto& a : arguments_of(v, objects)) r.objects.push_back(std::move(a));
}

// Italian drops subject pronouns ("Ha ringraziato la Corea del Nord"): a full sentence that
// opens with its first trigger, names nobody before it and does not open with an article or
// a preposition ("Durante la visita, Lavrov...") continues the previous subject.
void carry_subject(Reading& r, const std::string& topic) {
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    if (!r.subjects.empty() || r.blocked || !r.cues.carry_subject || topic.empty() || r.p != v.first_trigger || r.reciprocal)
        return;
    const bool opens_with_article = !v.toks.empty() && (c.in(c.lang.articles, v.tok(0).key) || c.in(c.lang.prepositions, v.tok(0).key));
    // A title or subheading ("Sostieni la guerra in Ucraina") continues nothing.
    const Token& last = v.tok(v.toks.size() - 1);
    const bool full_sentence = !last.has(tok_word) && (last.key == "." || last.key == "!" || last.key == "?" || last.has(tok_quote));
    if (opens_with_article || !full_sentence) return;
    auto it = c.entities.find(topic);
    if (it != c.entities.end() && r.def.admits_subject(it->second.cls)) r.subjects.push_back({topic, {}});
}

void emit_reading(Reading& r, Emitter& em, const SentenceFacts& claim) {
    const std::uint32_t s = r.v.index;
    if (r.trig.inverse) std::swap(r.subjects, r.objects);
    if (r.def.symmetric && r.objects.empty() && r.subjects.size() >= 2) {
        for (std::size_t a = 0; a < r.subjects.size(); ++a)
            for (std::size_t b = a + 1; b < r.subjects.size(); ++b) em.emit(r.subjects[a], r.def, r.subjects[b], s, claim, r.trigger_span());
        return;
    }
    for (const auto& sk : r.subjects)
        for (const auto& ok : r.objects) em.emit(sk, r.def, ok, s, claim, r.trigger_span());
}

// Two actors joined by a hyphen, a dash or a slash with no space ("Pyongyang-Mosca",
// "Russia–North Korea", "US/Japan"), the first at word position q: the mentions, or {-1, -1}.
std::pair<int, int> joined_pair_at(const SentenceView& v, std::size_t q) {
    const int first = v.mention_at[q];
    if (first < 0) return {-1, -1};
    const std::size_t e = v.extent(first).second;
    if (e + 1 >= v.toks.size()) return {-1, -1};
    const int second = v.mention_at[e + 1];
    if (second < 0 || second == first) return {-1, -1};
    const std::string_view between = std::string_view(v.c.doc.text).substr(v.tok(e).span.end, v.tok(e + 1).span.begin - v.tok(e).span.end);
    const bool joined = between == "-" || between == "/" || between == "\xE2\x80\x93" || between == "\xE2\x80\x94";
    if (!joined || !v.c.is(v.cls(first), Trait::agent) || !v.c.is(v.cls(second), Trait::agent)) return {-1, -1};
    return {first, second};
}

// "la cooperazione militare Pyongyang-Mosca", "the Russia-North Korea partnership": a pair
// of actors joined by a hyphen next to a symmetric trigger noun, with at most two words
// between, are the two parties, whatever the clause's subject.
std::pair<int, int> joined_parties(const SentenceView& v, std::size_t p, std::size_t after) {
    constexpr std::size_t max_between = 2;
    // After the trigger only where it is a noun; a pair right before it makes it one.
    for (std::size_t q = after; noun_use(v, p) && q < v.toks.size() && q <= after + max_between; ++q) {
        if (auto pair = joined_pair_at(v, q); pair.first >= 0) return pair;
        if (v.mention_at[q] >= 0 || v.tok(q).has(tok_comma) || ends_clause(v.tok(q))) break;
    }
    for (std::size_t q = p; q-- > 0 && p - q <= max_between + 1;) {
        const int m = v.mention_at[q];
        if (m < 0) {
            if (v.tok(q).has(tok_comma) || ends_clause(v.tok(q))) break;
            continue;
        }
        const std::size_t first = v.extent(m).first;
        if (first > 0 && v.mention_at[first - 1] >= 0)
            if (auto pair = joined_pair_at(v, v.extent(v.mention_at[first - 1]).first); pair.second == m) return pair;
        break;
    }
    return {-1, -1};
}

// "ha firmato un trattato con la Corea del Nord", "signed a pact with Kenya": an actor
// introduced by a partner marker right after the object is a party too.
std::vector<int> partners_after(const Reading& r) {
    constexpr std::size_t max_words = 2;
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    if (r.cues.partner_markers.empty() || r.objects.empty()) return {};
    std::size_t end = 0;
    for (int m : v.mentions)
        if (v.mention(m).span.end == r.objects.back().span.end) end = v.extent(m).second + 1;
    if (end == 0) return {};
    for (std::size_t q = end; q < v.toks.size() && q <= end + max_words; ++q) {
        if (!r.cues.partner_markers.count(v.tok(q).key)) continue;
        std::size_t k = q + 1;
        while (k < v.toks.size() && v.mention_at[k] < 0 && (c.in(c.lang.articles, v.tok(k).key) || v.tok(k).has(tok_apostrophe))) ++k;
        if (k >= v.toks.size() || v.mention_at[k] < 0) return {};
        const int m = v.mention_at[k];
        if (!c.is(v.cls(m), Trait::agent) || !r.def.admits_subject(v.cls(m))) return {};
        return coordination_group(v, m);
    }
    return {};
}

// The patient of a passive reaches its participle over auxiliaries and at most one other
// word ("la Russia è stata ieri sanzionata"); "condemned the arms sent by Iran" has its own
// patient, the arms, between.
bool patient_reaches(const SentenceView& v, int patient, std::size_t p) {
    const StageContext& c = v.c;
    int other = 0;
    for (std::size_t q = v.extent(patient).second + 1; q < p; ++q) {
        const Token& t = v.tok(q);
        if (c.in(c.lang.function_words, t.key) || c.in(c.lang.articles, t.key) || c.in(c.lang.prepositions, t.key) ||
            t.has(tok_apostrophe) || t.has(tok_comma))
            continue;
        if (++other > 1) return false;
    }
    return true;
}

// The mention after a passive-agent word in [from, to) that the relation admits as subject:
// "wurde von Chile und Peru unterzeichnet".
std::vector<int> agent_in_clause(const SentenceView& v, std::size_t from, std::size_t to, const RelationDef& def) {
    const StageContext& c = v.c;
    for (std::size_t q = from; q < to; ++q) {
        if (v.mention_at[q] >= 0 || !c.in(c.lang.passive_agents, v.tok(q).key)) continue;
        std::size_t k = q + 1;
        while (k < to && v.mention_at[k] < 0 && c.in(c.lang.articles, v.tok(k).key)) ++k;
        if (k < to && v.mention_at[k] >= 0 && c.is(v.cls(v.mention_at[k]), Trait::agent) && def.admits_subject(v.cls(v.mention_at[k])))
            return coordination_group(v, v.mention_at[k]);
    }
    return {};
}

// Where the clause that ends at p begins: after the last comma or clause end before it, past
// the commas of a list of names ("Raketen, Drohnen und Granaten").
std::size_t clause_start(const SentenceView& v, std::size_t p) {
    std::size_t start = p;
    while (start > 0) {
        const Token& t = v.tok(start - 1);
        if (ends_clause(t)) break;
        if (t.has(tok_comma)) {
            // A list goes on after its comma with a name of the same class within a few
            // words ("vom ZDF, Greenpeace, der Kinderzeitschrift Tierfreund und ...").
            constexpr std::size_t max_words = 4;
            bool list = false;
            const int before = start >= 2 ? v.mention_at[start - 2] : -1;
            for (std::size_t q = start; before >= 0 && q < v.toks.size() && q < start + max_words; ++q) {
                if (const int m = v.mention_at[q]; m >= 0) {
                    list = v.cls(m) == v.cls(before);
                    break;
                }
                if (v.tok(q).has(tok_comma) || ends_clause(v.tok(q))) break;
            }
            if (!list) break;
        }
        --start;
    }
    return start;
}

// Verb-final clauses ("…, dass Kenia Drohnen an Peru lieferte", "Ägypten soll Raketen an den
// Sudan geliefert haben", "Das Abkommen wurde von Chile und Peru unterzeichnet"): a trigger
// verb that ends its clause, past auxiliaries, finds its subject and object in the clause
// before it — the first actor outside a prepositional phrase, or in the passive the actor
// after a passive-agent word; then the first mention of the range, direct or introduced by
// one of the trigger's markers. Returns false, to read the trigger as usual, when the verb
// does not end its clause or the clause does not name both.
bool read_verb_final(Reading& r) {
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    if (!c.lang.verb_final || r.inside >= 0 || v.tok(r.p).has(tok_upper_initial) || r.noun) return false;
    std::size_t end = r.after;
    bool passive = false;
    for (; end < v.toks.size() && c.in(c.lang.final_auxiliaries, v.tok(end).key); ++end)
        passive = passive || c.in(c.lang.passive_auxiliaries, v.tok(end).key);
    if (end < v.toks.size()) {
        const Token& t = v.tok(end);
        if (!t.has(tok_comma) && !ends_clause(t) && !t.has(tok_quote) && !c.in(c.lang.coordinators, t.key)) return false;
    }
    const std::size_t start = clause_start(v, r.p);
    for (std::size_t q = start; q < r.p && !passive; ++q) passive = v.mention_at[q] < 0 && c.in(c.lang.passive_auxiliaries, v.tok(q).key);
    std::vector<int> subjects;
    // "wo er ein Handelsabkommen mit China unterzeichnete": a pronoun opening the clause.
    std::optional<std::pair<std::string, std::size_t>> pronoun;
    if (!passive) pronoun = clause_pronoun_subject(v, start, r.p, r.def);
    if (passive) {
        subjects = agent_in_clause(v, start, r.p, r.def);
    } else if (!pronoun) {
        for (std::size_t q = start; q < r.p && subjects.empty(); ++q) {
            const int m = v.mention_at[q];
            if (m < 0 || v.extent(m).first != q) continue;
            // "Nordkoreas Machthaber Kim Jong Un": a name right before a role or another name
            // is their possessor, not the subject.
            const std::size_t next = v.extent(m).second + 1;
            if (next < r.p && (v.introducer(next) || (v.mention_at[next] >= 0 && c.is(v.cls(v.mention_at[next]), Trait::person)))) continue;
            if (c.is(v.cls(m), Trait::agent) && r.def.admits_subject(v.cls(m)) && !prepositional(v, q)) subjects = coordination_group(v, m);
        }
    }
    if (subjects.empty() && !pronoun) return false;
    const auto& markers = r.trig.object_markers.empty() ? r.cues.object_markers : r.trig.object_markers;
    std::vector<int> objects;
    // The object follows the subject, except in the passive ("Der Vertrag wurde von ...").
    const std::size_t objects_from = passive ? start : pronoun ? pronoun->second + 1 : v.extent(subjects.back()).second + 1;
    for (std::size_t q = objects_from; q < r.p && objects.empty(); ++q) {
        const int m = v.mention_at[q];
        if (m < 0 || v.extent(m).first != q || std::find(subjects.begin(), subjects.end(), m) != subjects.end()) continue;
        if (!r.def.admits_object(v.cls(m))) continue;
        const Token* before = word_before(v, q);
        const bool marked = before && markers.count(before->key);
        if (marked || !prepositional(v, q)) objects = coordination_group(v, m);
    }
    std::erase_if(objects, [&](int m) { return std::find(subjects.begin(), subjects.end(), m) != subjects.end(); });
    if (objects.empty()) return false;
    r.subjects = arguments_of(v, subjects);
    if (pronoun) r.subjects.push_back({pronoun->first, v.tok(pronoun->second).span});
    r.objects = arguments_of(v, objects);
    for (auto& a : arguments_of(v, partners_after(r))) r.subjects.push_back(std::move(a));
    return true;
}

// "La Russie et la Corée du Nord considèrent les Etats-Unis comme un ennemi", "Moscow
// regards Kyiv as a partner": a relation noun as the predicate of a predicative verb relates
// the verb's subject to its object. Returns false when the trigger is no such predicate.
bool read_predicative(Reading& r) {
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    if (!r.noun || c.lang.predicative_markers.empty()) return false;
    // Back from the noun: articles and up to two adjectives, then the marker.
    constexpr std::size_t max_adjectives = 2, max_adverbs = 4;
    std::size_t k = r.p;
    for (std::size_t adjectives = 0; k > 0;) {
        const Token& t = v.tok(k - 1);
        if (v.mention_at[k - 1] >= 0) return false;
        if (c.in(c.lang.predicative_markers, t.key)) break;
        const bool adjective = t.has(tok_word) && !t.has(tok_upper_initial) && !c.in(c.lang.function_words, t.key);
        if (!c.in(c.lang.articles, t.key) && !(adjective && adjectives++ < max_adjectives)) return false;
        --k;
    }
    if (k < 2 || v.mention_at[k - 2] < 0) return false;
    const int object = v.mention_at[k - 2];
    const std::size_t object_begin = v.extent(object).first;
    // The verb before the object, past articles and a few adverbs ("considèrent tous les deux").
    std::size_t verb = object_begin;
    for (std::size_t skipped = 0; verb > 0 && skipped <= max_adverbs; ++skipped) {
        --verb;
        if (v.mention_at[verb] >= 0) return false;
        if (c.in(c.lang.predicative_verbs, c.token_stem(v.toks[verb]))) break;
        if (skipped == max_adverbs) return false;
    }
    if (!c.in(c.lang.predicative_verbs, c.token_stem(v.toks[verb])) || !r.def.admits_object(v.cls(object))) return false;
    const SubjectSearch found = subject_before(v, verb, r.def);
    if (!found.mention) return false;
    r.subjects = arguments_of(v, coordination_group(v, *found.mention));
    r.objects = arguments_of(v, coordination_group(v, object));
    return true;
}

void read_trigger(Reading& r, Emitter& em, const SentenceFacts& facts, const std::string& topic) {
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    SentenceFacts claim = facts;
    if (!claim_before_trigger(v, r.p, claim)) return;
    if (read_predicative(r)) {
        emit_reading(r, em, claim);
        return;
    }
    if (read_verb_final(r)) {
        emit_reading(r, em, claim);
        return;
    }
    if (r.def.symmetric) {
        if (auto [a, b] = joined_parties(v, r.p, r.after); a >= 0 && r.def.admits_subject(v.cls(a)) && r.def.admits_object(v.cls(b))) {
            r.subjects = arguments_of(v, {a});
            r.objects = arguments_of(v, {b});
            emit_reading(r, em, claim);
            return;
        }
    }
    std::vector<int> subject_mentions = passive_agents(v, r.after, r.def);
    // "ein Gegner von X": right after a noun, a word that marks both an agent and the noun's
    // object ("von", "de") marks its object.
    const auto& markers = r.trig.object_markers.empty() ? r.cues.object_markers : r.trig.object_markers;
    if (r.noun && r.after < v.toks.size() && markers.count(v.tok(r.after).key) && c.in(c.lang.passive_agents, v.tok(r.after).key))
        subject_mentions.clear();
    r.passive = !subject_mentions.empty();
    if (!r.passive) {
        ByteSpan span;
        const std::string state = demonym_actor(v, r.p, r.after, span);
        const EntityRecord* rec = state.empty() ? nullptr : c.onto.find_by_graph_id(state);
        if (!state.empty() && (c.entities.count(state) || rec) && r.def.admits_subject(rec ? c.class_of(*rec) : c.class_with(Trait::sovereign)))
            r.subjects.push_back({state, span});
    }
    if (r.passive) {
        // The patient of a passive stands outside prepositional phrases too; a noun with a
        // complement of its own before the agent ("the invasion of Peru by X") has it for
        // patient, not a name before the noun ("missiles for use by Russia").
        bool own_complement = false;
        for (std::size_t q = r.after; r.noun && q < v.extent(subject_mentions.front()).first; ++q) own_complement |= v.mention_at[q] >= 0;
        if (!own_complement)
            if (auto o = object_before(v, r.p, r.def, subject_mentions.front()); o && !prepositional(v, v.extent(*o).first) && patient_reaches(v, *o, r.p))
                r.objects = arguments_of(v, coordination_group(v, *o));
        // A destination after the participle ("inviati in Russia da Kim").
        // Or right after the agent ("inviate dall'Iran al Perù").
        constexpr std::size_t max_after_agent = 3;
        const std::size_t agent_end = v.extent(subject_mentions.back()).second;
        if (r.objects.empty() && !markers.empty())
            if (auto o = object_after(v, r.after, r.def, markers, subject_mentions.front());
                o && (v.extent(*o).second < v.extent(subject_mentions.front()).first ||
                      (v.extent(*o).first > agent_end && v.extent(*o).first <= agent_end + max_after_agent)))
                r.objects = arguments_of(v, coordination_group(v, *o));
    } else {
        read_active(r, subject_mentions);
        if (subject_mentions.empty() && r.subjects.empty()) {
            subject_mentions = instrument_subject(r);
            if (!subject_mentions.empty()) r.blocked = true;
        }
        read_object(r, subject_mentions);
    }
    for (auto& a : arguments_of(v, subject_mentions)) r.subjects.push_back(std::move(a));
    if (r.reciprocal) {
        r.subjects = std::move(r.objects);
        r.objects.clear();
    }
    // "La Russia e la Corea del Nord si sono avvicinate": a coordinated subject of a
    // symmetric relation relates its members to each other.
    if (r.def.symmetric && r.subjects.size() >= 2) r.objects.clear();
    const std::vector<int> partners = partners_after(r);
    carry_subject(r, topic);
    for (auto& a : arguments_of(v, partners)) r.subjects.push_back(std::move(a));
    emit_reading(r, em, claim);
}

// "Rutte ha affermato che il dispiegamento rappresenta una significativa escalation nel
// coinvolgimento della Corea del Nord", "Seoul says the cooperation between Pyongyang and
// Moscow is illegal": a judgement states the stance of whoever reports it, toward the actors
// it judges: for a noun those of its complement, else the ones named last before it in the
// reported clause; for an adjective only the latter ("illegal immigrants from Mexico" judges
// no state). The speaker of a quotation the sentence goes on with holds it too ("'Iran must
// stop supporting Russia's war of aggression,' Blinken said"). A judgement nobody reports is
// the writer's and relates no one.
void read_speaker_stance(Reading& r, Emitter& em, const SentenceFacts& facts) {
    const SentenceView& v = r.v;
    const StageContext& c = v.c;
    constexpr std::size_t npos = std::string::npos, max_speaker_distance = 4, max_complement = 8;
    std::size_t verb = npos;
    for (std::size_t q = r.p; q-- > 0 && verb == npos;)
        for (const auto& marker : c.lang.reported_markers)
            if (v.mention_at[q] < 0 && v.matches(marker, q)) {
                verb = q;
                break;
            }
    auto actor = [&](int m, bool subject) {
        return m >= 0 && c.is(v.cls(m), Trait::agent) && (subject ? r.def.admits_subject(v.cls(m)) : r.def.admits_object(v.cls(m)));
    };
    // The speaker: the name right before the reporting verb, else right after it; with no
    // reporting verb before the word, the source of a quotation the sentence goes on with.
    int speaker = -1;
    Argument speaker_key;
    if (verb != npos) {
        for (std::size_t q = verb; q-- > 0 && verb - q <= max_speaker_distance;)
            if (v.mention_at[q] >= 0 || v.tok(q).has(tok_comma)) {
                if (actor(v.mention_at[q], true)) speaker = v.mention_at[q];
                break;
            }
        for (std::size_t q = verb + 1; speaker < 0 && q < v.toks.size() && q <= verb + max_speaker_distance; ++q)
            if (v.mention_at[q] >= 0) {
                if (actor(v.mention_at[q], true)) speaker = v.mention_at[q];
                break;
            }
        if (speaker < 0) return;
        speaker_key = {v.mention(speaker).entity, v.mention(speaker).span};
    } else {
        auto it = c.entities.find(facts.attributed_to);
        if (facts.status != ClaimStatus::reported || it == c.entities.end() || !r.def.admits_subject(it->second.cls)) return;
        speaker_key = {facts.attributed_to, {}};
    }
    const std::size_t clause_begin = verb == npos ? 0 : verb + 1;
    // The first name of the complement; a thing named first ("una violazione delle
    // risoluzioni") is what is judged, and no actor is.
    bool thing_judged = false;
    auto after = [&]() -> std::vector<int> {
        for (std::size_t q = r.after; q < v.toks.size() && q < r.after + max_complement; ++q) {
            if (v.tok(q).has(tok_comma) || ends_clause(v.tok(q))) break;
            if (v.mention_at[q] < 0) continue;
            if (actor(v.mention_at[q], false)) return coordination_group(v, v.mention_at[q]);
            thing_judged = true;
            break;
        }
        return {};
    };
    // The nearest name before it in the reported clause, with those coordinated with it.
    auto before = [&]() -> std::vector<int> {
        for (std::size_t q = r.p; q-- > clause_begin;) {
            if (ends_clause(v.tok(q))) break;
            const int m = v.mention_at[q];
            if (m == speaker || (m >= 0 && v.mention(m).entity == speaker_key.key)) break;
            if (actor(m, false)) return coordination_group(v, m);
        }
        return {};
    };
    // The data says which judgements are nouns: an adjective after its noun looks like one.
    const bool noun = r.trig.noun;
    std::vector<int> judged = noun ? after() : before();
    if (judged.empty() && noun && !thing_judged) judged = before();
    if (judged.empty()) return;
    SentenceFacts claim = facts;
    if (claim.status == ClaimStatus::asserted) claim.status = ClaimStatus::reported;
    claim.attributed_to = speaker_key.key;
    r.subjects = {speaker_key};
    r.objects = arguments_of(v, judged);
    emit_reading(r, em, claim);
}

// "Esto incluye lanzacohetes, vehículos y cañones autopropulsados", "This includes rocket
// launchers": a sentence that opens by going on with a list names more of what the last
// sentence before it (up to a few back) supplied or held, by the same actors.
void continue_list(const SentenceView& v, Emitter& em, const SentenceFacts& facts) {
    const StageContext& c = v.c;
    constexpr std::uint32_t max_sentences_back = 3;
    std::size_t first = 0;
    while (first < v.toks.size() && v.tok(first).has(tok_quote)) ++first;
    bool opens = false;
    for (const auto& opener : c.lang.list_continuations) opens = opens || (first < v.toks.size() && v.matches(opener, first));
    if (!opens || v.index == 0) return;
    auto weapon = [&](const std::string& key) {
        auto it = c.entities.find(key);
        return it != c.entities.end() && c.is(it->second.cls, Trait::weapon);
    };
    // The last sentence before this one that relates actors to weapons.
    const auto& relations = c.annotated.relations;
    std::uint32_t source = UINT32_MAX;
    for (auto it = relations.rbegin(); it != relations.rend() && source == UINT32_MAX; ++it)
        if (it->sentence < v.index && it->sentence + max_sentences_back >= v.index && weapon(it->object)) source = it->sentence;
    if (source == UINT32_MAX) return;
    std::vector<std::pair<const RelationDef*, std::string>> held; // (relation, actor), in the order stated
    for (const auto& r : relations)
        if (r.sentence == source && weapon(r.object))
            if (const RelationDef* def = c.onto.find_relation(r.type);
                def && std::find(held.begin(), held.end(), std::pair{def, r.subject}) == held.end())
                held.emplace_back(def, r.subject);
    for (int m : v.mentions) {
        if (!c.is(v.cls(m), Trait::weapon)) continue;
        for (const auto& [def, actor] : held) em.emit({actor, {}}, *def, {v.mention(m).entity, v.mention(m).span}, v.index, facts, {});
    }
}

// "Nun reiste der russische Staatschef nach Pjöngjang: In seinem Gefolge waren Außenminister
// Sergej Lawrow und Vizepremier Denis Mantrurow": the people named after a companion marker
// go where the person they go with went, in this sentence or the one before.
void accompany(const SentenceView& v, Emitter& em, const SentenceFacts& facts) {
    const StageContext& c = v.c;
    std::size_t marker = v.toks.size(), marker_end = 0;
    for (std::size_t q = 0; q < v.toks.size() && marker == v.toks.size(); ++q)
        for (const auto& m : c.lang.companion_markers)
            if (v.mention_at[q] < 0 && v.matches(m, q)) {
                marker = q;
                marker_end = q + m.stems.size();
                break;
            }
    if (marker == v.toks.size()) return;
    std::vector<int> companions;
    for (std::size_t q = marker_end; q < v.toks.size(); ++q) {
        if (ends_clause(v.tok(q)) && v.tok(q).key != ":") break;
        const int m = v.mention_at[q];
        if (m >= 0 && c.is(v.cls(m), Trait::person) && std::find(companions.begin(), companions.end(), m) == companions.end())
            companions.push_back(m);
    }
    if (companions.empty()) return;
    // Whom they go with: the person named last before the marker; with none ("In seinem
    // Gefolge"), the one who went last.
    std::string leader;
    for (std::size_t q = marker; q-- > 0 && leader.empty();)
        if (const int m = v.mention_at[q]; m >= 0 && c.is(v.cls(m), Trait::person)) leader = v.mention(m).entity;
    const auto& relations = c.annotated.relations;
    for (std::uint32_t back = 0; back <= 1 && back <= v.index; ++back) {
        const std::uint32_t s = v.index - back;
        std::vector<std::pair<const RelationDef*, Argument>> went;
        for (const auto& r : relations) {
            if (r.sentence != s) continue;
            const RelationDef* def = c.onto.find_relation(r.type);
            if (!def || !def->locative_object) continue;
            auto who = c.entities.find(r.subject);
            if (who == c.entities.end() || !c.is(who->second.cls, Trait::person) || (!leader.empty() && r.subject != leader)) continue;
            // Before the marker, where it is in this sentence.
            if (back == 0 && r.subject_span.begin >= v.tok(marker).span.begin) continue;
            went.emplace_back(def, Argument{r.object, r.object_span});
        }
        if (went.empty()) continue;
        for (int m : companions)
            for (const auto& [def, where] : went) em.emit({v.mention(m).entity, v.mention(m).span}, *def, where, v.index, facts, {});
        return;
    }
}

// The first actor of a sentence outside a prepositional phrase: the subject the next
// sentence may continue.
std::string first_actor(const SentenceView& v) {
    for (int m : v.mentions)
        if (v.c.is(v.cls(m), Trait::agent) && !prepositional(v, v.extent(m).first)) return v.mention(m).entity;
    return {};
}

} // namespace

void find_trigger_relations(StageContext& c) {
    Emitter em(c);
    std::string topic;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        SentenceView v(c, s);
        mark_trigger_objects(v);
        const SentenceFacts& facts = c.annotated.facts[s];
        // Only the triggers whose first stem the sentence has can match in it.
        std::vector<char> present(c.tables.trigger_count, 0);
        for (const auto& start : v.trigger_starts()) present[start.ref->id] = 1;
        std::vector<char> possible;
        std::uint32_t first_id = 0;
        for (const auto& [rel, cues] : c.lang.relation_cues) {
            const RelationDef* def = c.onto.find_relation(rel);
            const std::uint32_t base = first_id;
            first_id += static_cast<std::uint32_t>(cues.triggers.size());
            if (!def) continue;
            possible.assign(cues.triggers.size(), 0);
            bool any = false;
            for (std::size_t i = 0; i < cues.triggers.size(); ++i) {
                possible[i] = cues.triggers[i].stems.empty() || present[base + i];
                any = any || possible[i];
            }
            if (!any) continue;
            for (std::size_t p = 0; p < v.toks.size(); ++p)
                for (std::size_t i = 0; i < cues.triggers.size(); ++i) {
                    const TriggerDef& trig = cues.triggers[i];
                    if (!possible[i] || !v.matches(trig, p)) continue;
                    const int inside = v.mention_at[p];
                    if (inside >= 0 && c.is(v.cls(inside), Trait::agent)) continue;
                    // Where every noun is capitalised, the data's spelling says which
                    // triggers are nouns.
                    const bool noun = trig.noun || (c.lang.person_needs_given_name && capitalised(trig.phrase)) || noun_use(v, p);
                    Reading r{v, *def, cues, trig, p, p + trig.stems.size(), inside, noun, {}, {}};
                    if (trig.speaker) read_speaker_stance(r, em, facts);
                    else read_trigger(r, em, facts, topic);
                }
        }
        continue_list(v, em, facts);
        accompany(v, em, facts);
        if (const std::string actor = first_actor(v); !actor.empty()) topic = actor;
    }
}

} // namespace kg::detail
