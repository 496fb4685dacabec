// SPDX-License-Identifier: Apache-2.0
// Stages that read relations from the shape of the text rather than from a trigger:
// "cancellations" (a relation that withdraws another in the same sentence: severing ties is
// no cooperation), "role_relations" (a role phrase relates its person to the body it names:
// "il ministro degli Esteri russo Sergei Lavrov"), "agreement_relations" (what an agreement's
// kind states between its issuers and targets: "le sanzioni europee contro l'Iran" -> the EU
// sanctioned Iran), and "containment_and_possession" (a place
// named with its container: "Kharkiv, in Ucraina", "la città ucraina di Kharkiv"; a weapon
// named with its owner: "un missile balistico nordcoreano"), and "meeting_places" (a meeting
// in a place is a visit to it by each party not at home there).
#include "emitter.hpp"
#include "sentence_view.hpp"
#include "names.hpp"
#include "stages.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace kg::detail {
namespace {

// The state a demonym at word q names, when no mention holds the word (words: the view's).
const EntityRecord* demonym_at(const SentenceView& v, const std::vector<const Token*>& words, std::size_t q, std::size_t length = 0) {
    if (q >= words.size() || v.mention_at[q] >= 0) return nullptr;
    const std::vector<PhraseEntry>* dem = nullptr;
    const std::size_t n = v.c.tables.demonyms.longest(words, q, dem);
    if (n == 0 || (length && n != length)) return nullptr;
    return v.c.onto.find_entity(dem->front().id);
}

Argument of(const SentenceView& v, int m) { return {v.mention(m).entity, v.mention(m).span}; }

Argument state_argument(const SentenceView& v, const EntityRecord& st, std::size_t q) {
    return {Ontology::graph_id(st), v.tok(q).span};
}

// A place and the next mention, joined by at most a locative or a connector ("Kharkiv, in
// Ucraina" is joined by a comma and "in"; a comma alone is too weak: "retake Kursk, Seoul says").
void place_then_container(const SentenceView& v, std::size_t k, Emitter& em, const RelationDef& contains, const SentenceFacts& facts) {
    const StageContext& c = v.c;
    if (k + 1 >= v.mentions.size()) return;
    const int m = v.mentions[k], n = v.mentions[k + 1];
    const auto e = v.extent(m).second;
    const auto nb = v.extent(n).first;
    bool linked = nb > e && nb - e <= 3, comma = false;
    // A coordinator joins two places, it does not put one in the other ("Kyiv y Zaporiyia",
    // though "y" also joins the parts of a Spanish name); nor does a passive's agent marker
    // ("firmato a Lima dal Kenya").
    for (std::size_t q = e + 1; q < nb && linked; ++q)
        linked = !c.in(c.lang.coordinators, v.tok(q).key) && !c.in(c.lang.passive_agents, v.tok(q).key) &&
                 (v.tok(q).has(tok_comma) || c.in(c.lang.locative_prepositions, v.tok(q).key) ||
                  c.in(c.lang.name_connectors, v.tok(q).key) || v.tok(q).has(tok_apostrophe));
    for (std::size_t q = e + 1; q < nb; ++q) comma |= v.tok(q).has(tok_comma);
    if (linked && !comma && (c.is(v.cls(n), Trait::sovereign) || c.is(v.cls(n), Trait::location)))
        em.emit(of(v, m), contains, of(v, n), v.index, facts, nb > e + 1 ? v.span(e + 1, nb - 1) : ByteSpan{});
}

// "la città ucraina di Kharkiv", "le repubbliche ucraine di Donetsk e Luhansk", "the Russian
// city of Belgorod", "die russische Hauptstadt Moskau", "la capitale russa Mosca", "the
// Ukrainian [city of Zolotarivka]": a demonym beside a place noun before the name, or before
// the genitive, names the container of every place.
void demonym_container(const SentenceView& v, const std::vector<const Token*>& words, std::size_t k, Emitter& em,
                       const RelationDef& contains) {
    const StageContext& c = v.c;
    const auto b = v.extent(v.mentions[k]).first;
    auto place_noun = [&](std::size_t q) { return c.in(c.lang.place_heads, v.tok(q).key); };
    std::size_t at = 0;
    const EntityRecord* st = nullptr;
    ByteSpan cue;
    if (b >= 1 && place_noun(b)) {
        st = demonym_at(v, words, at = b - 1);
        cue = v.tok(b - 1).span;
    } else if (b >= 2 && c.in(c.lang.genitives, v.tok(b - 1).key)) {
        st = demonym_at(v, words, at = b - 2);
        if (!st && b >= 3 && place_noun(b - 2)) st = demonym_at(v, words, at = b - 3);
        cue = v.tok(b - 1).span;
    } else if (b >= 2 && v.mention_at[b - 1] < 0 && v.mention_at[b - 2] < 0) {
        if (place_noun(b - 1)) st = demonym_at(v, words, at = b - 2);
        else if (place_noun(b - 2)) st = demonym_at(v, words, at = b - 1);
        cue = v.span(b - 2, b - 1);
    }
    if (!st) return;
    // The description is the writer's own statement, whatever the sentence reports.
    for (int g : coordination_group(v, v.mentions[k]))
        if (c.is(v.cls(g), Trait::location)) em.emit(of(v, g), contains, state_argument(v, *st, at), v.index, SentenceFacts{}, cue);
}

void place_relations(const SentenceView& v, const std::vector<const Token*>& words, std::size_t k, const std::set<std::string>& present,
                     Emitter& em, const RelationDef& contains, SentenceFacts facts) {
    const StageContext& c = v.c;
    const Mention& m = v.mention(v.mentions[k]);
    facts.date.clear();
    // The ontology's container, when the sentence names it too.
    if (const EntityRecord* rec = c.onto.find_by_graph_id(m.entity); rec && !rec->located_in.empty()) {
        const EntityRecord* container = c.onto.find_entity(rec->located_in);
        if (container && present.count(Ontology::graph_id(*container)))
            em.emit(of(v, v.mentions[k]), contains, {Ontology::graph_id(*container), {}}, v.index, facts, {});
    }
    place_then_container(v, k, em, contains, facts);
    demonym_container(v, words, k, em, contains);
}

// "un missile balistico nordcoreano", "North Korean missiles": the demonym's state owns the
// weapon, and the named model that specifies it ("della serie Hwasong-11") too.
void weapon_owner(const SentenceView& v, const std::vector<const Token*>& words, std::size_t k, Emitter& em, const RelationDef& owns,
                  SentenceFacts facts) {
    const StageContext& c = v.c;
    facts.quantity.clear();
    const int m = v.mentions[k];
    const auto [b, e] = v.extent(m);
    std::size_t at = e + 1;
    const EntityRecord* st = demonym_at(v, words, at);
    for (std::size_t back = 1; !st && back <= 2 && back <= b; ++back) st = demonym_at(v, words, at = b - back, back);
    if (!st) return;
    em.emit(state_argument(v, *st, at), owns, of(v, m), v.index, facts, {});
    if (k + 1 >= v.mentions.size() || !c.is(v.cls(v.mentions[k + 1]), Trait::weapon)) return;
    const auto nb = v.extent(v.mentions[k + 1]).first;
    bool joined = nb > e && nb - e <= 4;
    for (std::size_t q = e + 1; q < nb && joined; ++q) joined = v.mention_at[q] < 0 && !v.tok(q).has(tok_comma);
    if (joined && !c.in(c.lang.genitives, v.tok(nb - 1).key) && nb >= 2 && c.in(c.lang.genitives, v.tok(nb - 2).key))
        em.emit(state_argument(v, *st, at), owns, of(v, v.mentions[k + 1]), v.index, facts, {});
}

} // namespace

void apply_cancellations(StageContext& c) {
    auto& relations = c.annotated.relations;
    std::set<std::tuple<std::string, std::string, std::string, std::uint32_t>> cancelled;
    for (const auto& r : relations)
        if (const RelationDef* def = c.onto.find_relation(r.type))
            for (const auto& other : def->cancels) cancelled.emplace(other, r.subject, r.object, r.sentence);
    std::erase_if(relations, [&](const RelationMention& r) { return cancelled.count({r.type, r.subject, r.object, r.sentence}) != 0; });
}

namespace {

ClassId class_of_key(const StageContext& c, const std::string& key) {
    if (auto it = c.entities.find(key); it != c.entities.end()) return it->second.cls;
    const EntityRecord* rec = c.onto.find_by_graph_id(key);
    return rec ? c.class_of(*rec) : no_class;
}

// Whether the role words name the one role of the organisation named after them: "comandante
// del Corpo X", not "un comandante del Corpo X".
bool own_organization(const StageContext& c, const RoleLink& link, ClassId body) {
    if (!c.is(body, Trait::institution) || link.affiliation_span.begin < link.role_span.end) return false;
    const Sentence& s = c.doc.sentences[link.sentence];
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
        if (c.doc.tokens[t].span.begin < link.role_span.begin) continue;
        if (t == s.first_token) return true;
        const std::string& before = c.doc.tokens[t - 1].key;
        return !(c.in(c.lang.articles, before) && !c.in(c.lang.definite_articles, before));
    }
    return false;
}

} // namespace

void find_role_relations(StageContext& c) {
    Emitter em(c);
    for (const RoleLink& link : c.roles) {
        const RoleDef& role = c.lang.roles[static_cast<std::size_t>(link.role)];
        const RelationDef* def = role.relation.empty() ? nullptr : c.onto.find_relation(role.relation);
        if (!def || link.former) continue;
        Argument body{link.affiliation, link.affiliation_span};
        if (body.key.empty()) body.key = recorded_affiliation(c, link.person); // "Außenminister Sergej Lawrow"
        if (body.key.empty() || !role.admits_body(class_of_key(c, body.key))) continue;
        if (!role.organization_relation.empty() && own_organization(c, link, class_of_key(c, body.key)))
            def = c.onto.find_relation(role.organization_relation);
        // An apposition is the writer's own statement, whatever the sentence reports.
        ByteSpan person_span;
        for (const Mention& m : c.mentions)
            if (m.entity == link.person && m.sentence == link.sentence && m.source != MentionSource::role_reference) {
                person_span = m.span;
                break;
            }
        em.emit({link.person, person_span}, *def, body, link.sentence, SentenceFacts{},
                link.role_span, std::string(c.doc.view(link.role_span)));
    }
}

namespace {

// "La Corea del Nord, alleato storico della Cina, è invece sotto sanzioni del Consiglio di
// Sicurezza": an agreement after a subjection marker has the clause's subject for target; so
// has one after a passive's agent marker ("la Russia è schiacciata da molteplici round di
// sanzioni occidentali", "Russia is hit by Western sanctions"), over a quantity of it.
std::string subject_under(const StageContext& c, const Mention& agreement) {
    const SentenceView v(c, agreement.sentence);
    std::size_t p = 0;
    while (p < v.toks.size() && v.toks[p] != agreement.tok_begin) ++p;
    if (p >= v.toks.size()) return {};
    const Token* before = word_before(v, p);
    bool marked = before && c.in(c.lang.subjection_markers, before->key);
    constexpr std::size_t max_quantity_words = 4;
    for (std::size_t q = p; !marked && q-- > 0 && p - q <= max_quantity_words + 1;) {
        const Token& t = v.tok(q);
        if ((v.mention_at[q] >= 0 && !v.introducer(q)) || t.has(tok_comma)) break;
        if (c.in(c.lang.passive_agents, t.key)) {
            marked = q > 0 && v.mention_at[q - 1] < 0 && !c.in(c.lang.prepositions, v.tok(q - 1).key);
            break;
        }
    }
    if (!marked) return {};
    for (std::size_t q = 0; q < p; ++q) {
        const int m = v.mention_at[q];
        if (m >= 0 && c.is(v.cls(m), Trait::agent) && !prepositional(v, v.extent(m).first)) return v.mention(m).entity;
    }
    return {};
}

// The actors listed from word `from` to the end of the sentence: each at the head of an item
// (not inside a prepositional phrase unless a target marker opens it: "richten sich gegen
// X"); a relative clause after an item is passed over up to its comma ("la Shahed, che
// fabbrica i droni, e il generale X").
std::vector<int> aimed_actors(const SentenceView& v, std::size_t from) {
    const StageContext& c = v.c;
    std::vector<int> out;
    constexpr std::size_t max_words = 80;
    for (std::size_t q = from; q < v.toks.size() && q < from + max_words; ++q) {
        const Token& t = v.tok(q);
        if (ends_clause(t) && t.key != ":") break;
        const int m = v.mention_at[q];
        if (m < 0) {
            const bool after_item = q > 0 && (v.mention_at[q - 1] >= 0 || v.tok(q - 1).has(tok_comma));
            if (after_item && c.in(c.lang.relative_pronouns, t.key)) {
                while (q + 1 < v.toks.size() && !v.tok(q + 1).has(tok_comma) && !ends_clause(v.tok(q + 1))) ++q;
            }
            continue;
        }
        const std::size_t b = v.extent(m).first;
        q = v.extent(m).second;
        const Token* before = word_before(v, b);
        const bool marked = before && c.in(c.lang.agreement_target_markers, before->key);
        if (c.is(v.cls(m), Trait::agent) && (marked || !prepositional(v, b)) && std::find(out.begin(), out.end(), m) == out.end())
            out.push_back(m);
    }
    return out;
}

} // namespace

void find_agreement_relations(StageContext& c) {
    std::vector<const RelationDef*> defs;
    for (const auto& name : c.onto.relation_names)
        if (const RelationDef* def = c.onto.find_relation(name); def && !def->agreement_kind.empty()) defs.push_back(def);
    if (defs.empty()) return;
    Emitter em(c);
    std::set<std::string> done;
    for (const Mention& m : c.mentions) {
        if (!c.is(m.cls, Trait::agreement)) continue;
        // What the article says of it, else what the record of the known agreement lists.
        const AgreementFacts* said = nullptr;
        if (auto it = c.annotated.agreement_facts.find(m.entity); it != c.annotated.agreement_facts.end()) said = &it->second;
        const EntityRecord* rec = said ? nullptr : c.onto.find_by_graph_id(m.entity);
        const std::string& kind = said ? said->kind : rec ? rec->kind : std::string();
        if (kind.empty()) continue;
        std::vector<std::string> issuers, targets;
        if (said) {
            issuers.assign(said->actors.begin(), said->actors.end());
            targets.assign(said->targets.begin(), said->targets.end());
        } else {
            for (const auto& id : rec->actors)
                if (const EntityRecord* a = c.onto.find_entity(id)) issuers.push_back(Ontology::graph_id(*a));
            for (const auto& id : rec->targets)
                if (const EntityRecord* t = c.onto.find_entity(id)) targets.push_back(Ontology::graph_id(*t));
        }
        if (issuers.empty()) continue;
        const SentenceFacts& facts = c.annotated.facts[m.sentence];
        // What a verb aims this mention at, in its own sentence: "Le sanzioni colpiscono X".
        const SentenceView v(c, m.sentence);
        const int self = static_cast<int>(&m - c.mentions.data());
        const auto [b, e] = v.extent(self);
        if (b < v.toks.size())
            if (const std::size_t from = aimed_list_start(c, v.toks, b, e); from != std::string::npos)
                for (int t : aimed_actors(v, from))
                    for (const RelationDef* def : defs)
                        if (def->agreement_kind == kind && !def->party)
                            for (const auto& a : issuers)
                                if (a != v.mention(t).entity) em.emit({a, {}}, *def, of(v, t), m.sentence, facts, m.span);
        if (done.count(m.entity)) continue;
        if (targets.empty())
            if (std::string subject = subject_under(c, m); !subject.empty()) targets.push_back(std::move(subject));
        done.insert(m.entity);
        for (const RelationDef* def : defs) {
            if (def->agreement_kind != kind) continue;
            for (const auto& a : issuers) {
                if (def->party) em.emit({a, {}}, *def, {m.entity, m.span}, m.sentence, facts, m.span);
                for (const auto& t : def->party ? std::vector<std::string>{} : targets)
                    em.emit({a, {}}, *def, {t, {}}, m.sentence, facts, m.span);
            }
        }
    }
}

void find_containment_and_possession(StageContext& c) {
    const RelationDef* contains = c.onto.relation_with(Structural::containment);
    const RelationDef* owns = c.onto.relation_with(Structural::possession);
    Emitter em(c);
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        const SentenceView v(c, s);
        std::set<std::string> present;
        // A people ("gli ucraini") names no place's container.
        for (int m : v.mentions)
            if (v.mention(m).source != MentionSource::people) present.insert(v.mention(m).entity);
        std::vector<const Token*> words;
        for (auto t : v.toks) words.push_back(&c.doc.tokens[t]);
        for (std::size_t k = 0; k < v.mentions.size(); ++k) {
            const ClassId cls = v.cls(v.mentions[k]);
            // "la Russia orientale" is in Russia: the writer's own statement, in its name, and
            // the only container it has.
            if (auto part = c.entities.find(v.mention(v.mentions[k]).entity); part != c.entities.end() && !part->second.part_of_state.empty()) {
                if (contains)
                    em.emit({part->first, v.mention(v.mentions[k]).span}, *contains, {part->second.part_of_state, {}}, s, SentenceFacts{}, {});
                continue;
            }
            if (contains && c.is(cls, Trait::location)) place_relations(v, words, k, present, em, *contains, c.annotated.facts[s]);
            if (owns && c.is(cls, Trait::weapon)) weapon_owner(v, words, k, em, *owns, c.annotated.facts[s]);
        }
    }
}

namespace {

// The state a place lies in, by what the article says (a containment relation) or the
// record of a known place, followed up to a few levels; empty if unknown.
std::string state_of_place(const StageContext& c, const std::string& place, const RelationDef* contains) {
    std::string at = place;
    constexpr int max_levels = 4;
    for (int level = 0; level < max_levels && !at.empty(); ++level) {
        if (const EntityRecord* rec = c.onto.find_by_graph_id(at)) {
            if (c.is(c.class_of(*rec), Trait::sovereign)) return at;
            if (!rec->located_in.empty()) {
                const EntityRecord* up = c.onto.find_entity(rec->located_in);
                at = up ? Ontology::graph_id(*up) : std::string();
                continue;
            }
            // A capital lies in its state.
            if (auto it = c.tables.capital_of.find(rec->id); it != c.tables.capital_of.end())
                if (const EntityRecord* state = c.onto.find_entity(it->second); state && c.is(c.class_of(*state), Trait::sovereign))
                    return Ontology::graph_id(*state);
        } else if (auto it = c.entities.find(at); it != c.entities.end() && c.is(it->second.cls, Trait::sovereign)) {
            return at;
        }
        std::string up;
        for (const auto& r : c.annotated.relations)
            if (contains && r.type == contains->name && r.subject == at) {
                up = r.object;
                break;
            }
        at = up;
    }
    return {};
}

// The first place named after `from` in sentence v behind a locative preposition within a
// few words ("vicino alla località costiera di Wonsan", "in Geneva"), or -1.
int place_after(const SentenceView& v, std::size_t from) {
    const StageContext& c = v.c;
    constexpr std::size_t max_words = 4;
    for (std::size_t q = from; q < v.toks.size(); ++q) {
        const int m = v.mention_at[q];
        if (m < 0 || v.extent(m).first != q) continue;
        if (!c.is(v.cls(m), Trait::location) || c.is(v.cls(m), Trait::sovereign)) continue;
        for (std::size_t k = q; k-- > 0 && q - k <= max_words;) {
            const Token& t = v.tok(k);
            if (v.mention_at[k] >= 0 || t.has(tok_comma) || ends_clause(t)) break;
            if (c.in(c.lang.locative_prepositions, t.key)) return m;
        }
    }
    return -1;
}

} // namespace

void find_meeting_places(StageContext& c) {
    const RelationDef* contains = c.onto.relation_with(Structural::containment);
    Emitter em(c);
    const std::vector<RelationMention> stated = c.annotated.relations;
    for (const RelationMention& r : stated) {
        const RelationDef* def = c.onto.find_relation(r.type);
        const RelationDef* implied = def && !def->at_place.empty() ? c.onto.find_relation(def->at_place) : nullptr;
        if (!implied) continue;
        const SentenceView v(c, r.sentence);
        // From the trigger, or from a party named before it in the sentence: the place may
        // stand before a trigger noun ("ha incontrato a Pechino il suo omologo").
        std::uint32_t start = r.trigger_span.begin;
        for (const ByteSpan& party : {r.subject_span, r.object_span})
            if (party.begin >= c.doc.sentences[r.sentence].span.begin && party.end <= start) start = party.end;
        std::size_t from = 0;
        while (from < v.toks.size() && v.tok(from).span.begin < start) ++from;
        const int place = place_after(v, from);
        if (place < 0 || !implied->admits_object(v.cls(place))) continue;
        const std::string where = state_of_place(c, v.mention(place).entity, contains);
        if (where.empty()) continue;
        SentenceFacts facts = c.annotated.facts[r.sentence];
        facts.status = r.status;
        for (const auto& [party, span] : {std::pair{r.subject, r.subject_span}, std::pair{r.object, r.object_span}}) {
            const std::string home = home_of(c, party);
            auto it = c.entities.find(party);
            if (home.empty() || home == where || it == c.entities.end() || !implied->admits_subject(it->second.cls)) continue;
            em.emit({party, span}, *implied, {v.mention(place).entity, v.mention(place).span}, r.sentence, facts, r.trigger_span);
        }
    }
}

} // namespace kg::detail
