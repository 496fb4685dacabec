// SPDX-License-Identifier: Apache-2.0
// Stage "transliterations": a person the gazetteer knows, named in another language's
// romanisation ("Sergej Lawrow", "Andrej Belousow", "Wolodymyr Selenskyj" for Lavrov,
// Belousov, Zelensky). Names not found by their aliases are compared with every known
// person's by a key that forgets what romanisations disagree on (w/v, j/y/i, z/s, kh/ch/h,
// doubled letters); a key one person alone has is that person.
#include "names.hpp"
#include "stages.hpp"

#include "kg/text/normalize.hpp"


namespace kg::detail {

void find_transliterations(StageContext& c) {
    const ClassId person = c.class_with(Trait::person);
    const auto& people = c.tables.romanised_people;
    std::vector<std::pair<std::string, const EntityRecord*>> renames;
    for (const auto& [key, ent] : c.entities) {
        if (ent.from_gazetteer || ent.cls != person || ent.surfaces.empty()) continue;
        for (const auto& surface : ent.surfaces) {
            if (phrase_words(surface).size() < 2) continue;
            if (auto it = people.find(romanisation_key(surface)); it != people.end()) {
                renames.emplace_back(key, it->second);
                break;
            }
        }
    }
    for (const auto& [from, rec] : renames) {
        const std::string to = Ontology::graph_id(*rec);
        auto [it, fresh] = c.entities.try_emplace(to);
        if (fresh) {
            it->second.key = to;
            it->second.cls = person;
            it->second.order = c.entities.at(from).order;
        }
        it->second.label = rec->label;
        it->second.wikidata = rec->wikidata;
        it->second.from_gazetteer = true;
        rekey_entity(c, from, to);
    }
}

} // namespace kg::detail
