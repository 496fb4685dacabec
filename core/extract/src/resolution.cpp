// Stage "resolution": the document's entities as the graph will hold them. Every key goes
// through the analysts' same_as decisions (resolution.json) — mentions, relations, sources
// of claims, roles — so two keys of one referent become one entity; entities reached only
// through a demonym ("le truppe nordcoreane") join from the ontology, with no mention; a
// relation to an entity nobody can name is dropped; mentions are put in text order.
#include "stages.hpp"

#include <algorithm>

namespace kg::detail {
namespace {

void resolve_keys(StageContext& c) {
    auto resolve = [&](std::string& key) {
        if (!key.empty()) key = c.onto.resolve_id(key);
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

EntityNode node_of(const StageContext& c, const LocalEntity& e) {
    EntityNode n;
    n.id = c.onto.resolve_id(e.key);
    n.label = e.label;
    n.type = c.onto.class_names.at(e.cls);
    n.coarse = c.onto.class_def(e.cls).coarse;
    n.wikidata = e.wikidata;
    n.aliases.insert(e.surfaces.begin(), e.surfaces.end());
    n.documents.insert(c.doc.id);
    n.mentions = e.mentions;
    return n;
}

// Local entities in first-mention order, merged where two resolve to one id.
void collect_entities(StageContext& c, std::vector<EntityNode>& out, std::map<std::string, std::size_t>& at) {
    std::vector<const LocalEntity*> ordered;
    for (const auto& [key, e] : c.entities) ordered.push_back(&e);
    std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->order < b->order; });
    for (const LocalEntity* e : ordered) {
        EntityNode n = node_of(c, *e);
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
    resolve_keys(c);
    auto& out = c.annotated.entities;
    out.clear();
    std::map<std::string, std::size_t> at;
    collect_entities(c, out, at);
    std::erase_if(c.annotated.relations, [&](const RelationMention& r) {
        const bool s = endpoint_known(c, r.subject, out, at);
        const bool o = endpoint_known(c, r.object, out, at);
        return !s || !o;
    });
}

} // namespace kg::detail
