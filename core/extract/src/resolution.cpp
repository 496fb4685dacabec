// SPDX-License-Identifier: Apache-2.0
// Stage "resolution": the document's entities as the graph will hold them. Every key goes
// through the analysts' same_as decisions (resolution.json) — mentions, relations, sources
// of claims, roles — so two keys of one referent become one entity; entities reached only
// through a demonym ("le truppe nordcoreane") join from the ontology, with no mention; a
// relation to an entity nobody can name is dropped; mentions are put in text order.
//
// An agreement described in common words gets its identity from what the article says of
// it: its kind, its actors (the parties that signed or ratified it, the body that issued
// it, "tra X e Y") and its targets ("sanzioni contro X"). Descriptions with one identity
// are one agreement across articles and languages ("il patto di difesa", "the mutual
// defense treaty", "Partnerschaftsvertrag" signed by Russia and North Korea), and a known
// agreement with that identity in the gazetteer is that one.
#include "stages.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>

namespace kg::detail {
namespace {

// The body an actor belongs to at the top ("the Security Council" -> "the United Nations");
// a person stands for the state or body the article gives them a role in, or else the one
// the gazetteer says they act for (a head of state signs for the state).
std::string top_actor(const StageContext& c, std::string key, const std::map<std::string, std::string>& role_of) {
    if (auto it = role_of.find(key); it != role_of.end())
        key = it->second;
    else if (const EntityRecord* person = c.onto.find_by_graph_id(key); person && !person->affiliation.empty())
        if (const EntityRecord* body = c.onto.find_entity(person->affiliation)) key = Ontology::graph_id(*body);
    for (int hops = 0; hops < 8; ++hops) {
        const EntityRecord* rec = c.onto.find_by_graph_id(key);
        if (!rec || rec->part_of.empty()) break;
        const EntityRecord* whole = c.onto.find_entity(rec->part_of);
        if (!whole) break;
        key = Ontology::graph_id(*whole);
    }
    return c.onto.resolve_id(key);
}

// "kind|actor,actor|target": the identity of an agreement; empty when nothing identifies it.
std::string identity(const std::string& kind, std::set<std::string> actors, const std::set<std::string>& targets) {
    if (kind.empty() || (actors.empty() && targets.empty())) return {};
    std::string id = kind + "|";
    for (const auto& a : actors) id += a + ",";
    id += "|";
    for (const auto& t : targets) id += t + ",";
    return id;
}

// The known agreement of the identity, or the one known agreement of that kind whose actors
// and targets include all the ones the description names and whose parties the article
// names ("the treaty Russia signed", in an article that names North Korea too, when one
// known treaty has both among its parties); nullptr when none or several.
const EntityRecord* known_agreement(const StageContext& c, const std::string& kind, const std::set<std::string>& actors,
                                    const std::set<std::string>& targets) {
    const auto& known = c.tables.agreement_identities;
    if (auto it = known.find(identity(kind, actors, targets)); it != known.end()) return it->second;
    const EntityRecord* found = nullptr;
    std::set<std::string> named; // the article's entities and the bodies they belong to
    for (const auto& [key, e] : c.entities) named.insert(key), named.insert(top_actor(c, key, {}));
    for (const auto& [id, rec] : known) {
        if (!id.starts_with(kind + "|")) continue;
        auto listed = [&](const std::set<std::string>& keys, const std::vector<std::string>& ids) {
            return std::all_of(keys.begin(), keys.end(), [&](const std::string& k) {
                return std::any_of(ids.begin(), ids.end(), [&](const std::string& i) {
                    const EntityRecord* r = c.onto.find_entity(i);
                    return r && Ontology::graph_id(*r) == k;
                });
            });
        };
        if (!listed(actors, rec->actors) || !listed(targets, rec->targets)) continue;
        // The article must name every party of the known one: Russia is party to many
        // treaties the gazetteer does not list, and "the Russian parliament ratified the
        // treaty" in an article that never names North Korea is not theirs.
        const bool parties_named = std::all_of(rec->actors.begin(), rec->actors.end(), [&](const std::string& i) {
            const EntityRecord* r = c.onto.find_entity(i);
            return r && named.count(Ontology::graph_id(*r)) != 0;
        });
        if (!parties_named) continue;
        if (found) return nullptr;
        found = rec;
    }
    return found;
}

// New keys for the agreements described in common words, by identity.
std::map<std::string, std::string> agreement_keys(StageContext& c) {
    auto& facts = c.annotated.agreement_facts;
    for (const RelationMention& r : c.annotated.relations)
        if (const RelationDef* def = c.onto.find_relation(r.type); def && def->party && facts.count(r.object))
            facts[r.object].actors.insert(r.subject);
    std::map<std::string, std::string> role_of;
    for (const RoleLink& l : c.roles)
        if (!l.affiliation.empty()) role_of.emplace(l.person, l.affiliation);
    std::map<std::string, std::string> rename;
    struct Identified {
        std::string kind;
        std::set<std::string> actors, targets;
    };
    std::map<std::string, Identified> identified;
    for (const auto& [key, f] : facts) {
        std::set<std::string> actors, targets;
        for (const auto& a : f.actors) actors.insert(top_actor(c, a, role_of));
        // People sign for the states and bodies that are the parties: when the article names
        // those, they identify the agreement.
        const auto is_person = [&](const std::string& k) {
            auto it = c.entities.find(k);
            const EntityRecord* rec = it == c.entities.end() ? c.onto.find_by_graph_id(k) : nullptr;
            const ClassId cls = it != c.entities.end() ? it->second.cls : rec ? c.class_of(*rec) : no_class;
            return c.is(cls, Trait::person);
        };
        if (std::any_of(actors.begin(), actors.end(), [&](const std::string& a) { return !is_person(a); }))
            std::erase_if(actors, is_person);
        for (const auto& t : f.targets) targets.insert(top_actor(c, t, role_of));
        const std::string id = identity(f.kind, actors, targets);
        if (id.empty()) continue;
        identified[key] = {f.kind, actors, targets};
        if (const EntityRecord* known = known_agreement(c, f.kind, actors, targets))
            rename[key] = Ontology::graph_id(*known);
        else
            rename[key] = slugify(id);
    }
    // "Sanzioni all'Iran" ... "sanzioni europee contro l'Iran": within one article, an
    // agreement named by its targets alone is the one agreement of its kind that has the same
    // targets and names its actors too.
    for (const auto& [key, a] : identified) {
        if (!a.actors.empty() || a.targets.empty()) continue;
        std::string only;
        int found = 0;
        for (const auto& [other, b] : identified)
            if (other != key && b.kind == a.kind && !b.actors.empty() && b.targets == a.targets && rename[other] != only) {
                only = rename[other];
                ++found;
            }
        if (found == 1) rename[key] = only;
    }
    return rename;
}

void resolve_keys(StageContext& c, const std::map<std::string, std::string>& rename) {
    auto resolve = [&](std::string& key) {
        if (key.empty()) return;
        if (auto it = rename.find(key); it != rename.end()) key = it->second;
        key = c.onto.resolve_id(key);
    };
    for (Mention& m : c.mentions) resolve(m.entity);
    for (RelationMention& r : c.annotated.relations) {
        resolve(r.subject);
        resolve(r.object);
        resolve(r.attributed_to);
    }
    for (SentenceFacts& f : c.annotated.facts) resolve(f.attributed_to);
    for (RoleLink& l : c.roles) {
        resolve(l.person);
        resolve(l.affiliation);
    }
}

EntityNode node_of(const StageContext& c, const LocalEntity& e, const std::map<std::string, std::string>& rename) {
    EntityNode n;
    auto renamed = rename.find(e.key);
    n.id = c.onto.resolve_id(renamed == rename.end() ? e.key : renamed->second);
    n.label = e.label;
    n.type = c.onto.class_names.at(e.cls);
    n.coarse = c.onto.class_def(e.cls).coarse;
    n.wikidata = e.wikidata;
    n.aliases.insert(e.surfaces.begin(), e.surfaces.end());
    n.documents.insert(c.doc.id);
    n.mentions = e.mentions;
    // A description found to be a known agreement takes its name.
    if (renamed != rename.end())
        if (const EntityRecord* rec = c.onto.find_by_graph_id(n.id)) {
            n.label = rec->label;
            n.wikidata = rec->wikidata;
        }
    return n;
}

// Local entities in first-mention order, merged where two resolve to one id.
void collect_entities(StageContext& c, const std::map<std::string, std::string>& rename, std::vector<EntityNode>& out,
                      std::map<std::string, std::size_t>& at) {
    std::vector<const LocalEntity*> ordered;
    for (const auto& [key, e] : c.entities) ordered.push_back(&e);
    std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->order < b->order; });
    for (const LocalEntity* e : ordered) {
        EntityNode n = node_of(c, *e, rename);
        if (auto it = at.find(n.id); it != at.end()) {
            EntityNode& first = out[it->second];
            first.aliases.insert(n.aliases.begin(), n.aliases.end());
            first.mentions += n.mentions;
            continue;
        }
        at.emplace(n.id, out.size());
        out.push_back(std::move(n));
    }
}

// An endpoint the document names only through a demonym joins from the ontology.
bool endpoint_known(StageContext& c, const std::string& key, std::vector<EntityNode>& out, std::map<std::string, std::size_t>& at) {
    if (at.count(key)) return true;
    const EntityRecord* rec = c.onto.find_by_graph_id(key);
    if (!rec) return false;
    EntityNode n;
    n.id = key;
    n.label = rec->label;
    n.type = rec->type;
    n.coarse = c.onto.coarse_of(rec->type);
    n.wikidata = rec->wikidata;
    n.documents.insert(c.doc.id);
    at.emplace(key, out.size());
    out.push_back(std::move(n));
    return true;
}

} // namespace

void resolve_entities(StageContext& c) {
    // Text order; a token keeps the mention that claimed it first ("sanzioni delle Nazioni
    // Unite" spans the United Nations mention, which keeps its tokens).
    std::vector<std::size_t> order(c.mentions.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c.mentions[a].tok_begin < c.mentions[b].tok_begin; });
    std::vector<int> new_index(order.size());
    std::vector<Mention> sorted;
    sorted.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        new_index[order[i]] = static_cast<int>(i);
        sorted.push_back(std::move(c.mentions[order[i]]));
    }
    c.mentions = std::move(sorted);
    for (int& o : c.owner)
        if (o >= 0) o = new_index[static_cast<std::size_t>(o)];
    const std::map<std::string, std::string> rename = agreement_keys(c);
    resolve_keys(c, rename);
    auto& out = c.annotated.entities;
    out.clear();
    std::map<std::string, std::size_t> at;
    collect_entities(c, rename, out, at);
    std::erase_if(c.annotated.relations, [&](const RelationMention& r) {
        const bool s = endpoint_known(c, r.subject, out, at);
        const bool o = endpoint_known(c, r.object, out, at);
        return !s || !o;
    });
}

} // namespace kg::detail
