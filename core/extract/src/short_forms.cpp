// SPDX-License-Identifier: Apache-2.0
// Stage "short_forms": a person named in full earlier ("Kim Jong Un", "Vladimir Putin") is
// named again by the first or last part of the name ("Kim", "Putin"); a known person by
// surname alone even without a full name first. A part two people share goes to the nearest
// earlier one; a part read as a person of its own before the full name comes joins it. A
// state is named again by the first word of its name ("the North").
#include "names.hpp"
#include "stages.hpp"

namespace kg::detail {
namespace {

struct ShortForms {
    std::map<std::string, std::string> owner; ///< name part -> person key
    std::set<std::string> ambiguous;
};

ShortForms collect_short_forms(const StageContext& c) {
    ShortForms sf;
    for (const auto& [key, ent] : c.entities) {
        if (!c.is(ent.cls, Trait::person)) continue;
        for (const auto& surface : ent.surfaces) {
            const auto parts = phrase_tokens(surface, c.lang);
            if (parts.size() < 2) continue;
            for (const std::string& part : {parts.front(), parts.back()}) {
                // "Il" of "Kim Jong Il" is also the article that opens a sentence.
                if (c.in(c.lang.function_words, part) || c.in(c.lang.not_name_words, part)) continue;
                auto [it, fresh] = sf.owner.try_emplace(part, key);
                if (!fresh && it->second != key) sf.ambiguous.insert(part);
            }
        }
    }
    return sf;
}

// A point of the compass a word is, or empty: the word itself or, where words compound, an
// inflected form ("Norden" of "Nord").
std::string compass_point(const StageContext& c, const std::string& word) {
    constexpr std::size_t max_ending = 2;
    for (const auto& point : c.lang.compass_words)
        if (word == point || (c.lang.compound_heads && word.starts_with(point) && word.size() <= point.size() + max_ending)) return point;
    return {};
}

// "the North's official name", "threats posed by the North": a point of the compass alone
// names the one state of the article whose name holds it (North Korea, Corea del Nord,
// Nordkorea). Taken where it is capitalised inside a sentence and nothing else claims it.
void find_state_short_forms(StageContext& c) {
    if (c.lang.compass_words.empty()) return;
    ShortForms sf;
    for (const auto& [key, ent] : c.entities) {
        if (!c.is(ent.cls, Trait::sovereign)) continue;
        for (const auto& surface : ent.surfaces)
            for (const auto& part : phrase_tokens(surface, c.lang))
                for (const auto& point : c.lang.compass_words)
                    if (part == point || (c.lang.compound_heads && part.starts_with(point))) {
                        auto [it, fresh] = sf.owner.try_emplace(point, key);
                        if (!fresh && it->second != key) sf.ambiguous.insert(point);
                    }
    }
    if (sf.owner.empty()) return;
    auto state_named_by = [&](const std::string& word) -> std::string {
        const std::string point = compass_point(c, word);
        if (point.empty() || sf.ambiguous.count(point)) return {};
        auto it = sf.owner.find(point);
        return it == sf.owner.end() ? std::string() : it->second;
    };
    for (std::uint32_t i = 0; i < c.doc.tokens.size(); ++i) {
        const Token& t = c.doc.tokens[i];
        if (c.owner[i] >= 0 || !t.has(tok_upper_initial) || !t.has(tok_word) || i == c.doc.sentences[t.sentence].first_token) continue;
        // "North Korean", "South African": a word of a longer name.
        const std::uint32_t end = c.doc.sentences[t.sentence].end_token;
        if (i + 1 < end && (c.doc.tokens[i + 1].has(tok_upper_initial) || c.doc.tokens[i + 1].has(tok_hyphen))) continue;
        if (const std::string key = state_named_by(t.key); !key.empty()) {
            const LocalEntity& ent = c.entities.at(key);
            c.add_mention(i, i + 1, key, ent.cls, MentionSource::short_form, ent.label, ent.wikidata, ent.from_gazetteer);
        }
    }
    // The word read as a name of its own (the name finder's "the North", a Place).
    std::vector<std::pair<std::string, std::string>> merges;
    for (const auto& [key, ent] : c.entities) {
        if (ent.from_gazetteer || c.is(ent.cls, Trait::person) || c.is(ent.cls, Trait::sovereign) || ent.surfaces.size() != 1) continue;
        const auto parts = phrase_tokens(ent.surfaces.front(), c.lang);
        if (parts.size() != 1) continue;
        if (const std::string state = state_named_by(parts.front()); !state.empty()) merges.emplace_back(key, state);
    }
    for (const auto& [from, to] : merges) {
        const ClassId cls = c.entities.at(to).cls;
        for (Mention& m : c.mentions)
            if (m.entity == from) m.cls = cls;
        rekey_entity(c, from, to);
    }
}

} // namespace

void find_short_forms(StageContext& c) {
    const ShortForms sf = collect_short_forms(c);
    const ClassId person = c.class_with(Trait::person);
    for (std::uint32_t i = 0; i < c.doc.tokens.size(); ++i) {
        const Token& t = c.doc.tokens[i];
        if (c.owner[i] >= 0 || !t.has(tok_upper_initial) || !t.has(tok_word)) continue;
        auto it = sf.owner.find(t.key);
        if (it == sf.owner.end()) {
            if (const EntityRecord* known = known_surname(c, t))
                c.add_mention(i, i + 1, Ontology::graph_id(*known), person, MentionSource::short_form, known->label,
                              known->wikidata, true);
            continue;
        }
        const std::string key = sf.ambiguous.count(t.key) ? nearest_person(c, i, t.key) : it->second;
        if (key.empty()) continue;
        const LocalEntity& ent = c.entities.at(key);
        c.add_mention(i, i + 1, key, person, MentionSource::short_form, ent.label, ent.wikidata, ent.from_gazetteer);
    }
    // A short form read as a person of its own before the full name comes ("Kim y Putin
    // celebraron una cumbre ... el líder Kim Jong Un") is that person.
    std::vector<std::pair<std::string, std::string>> merges;
    for (const auto& [key, ent] : c.entities) {
        if (ent.from_gazetteer || !c.is(ent.cls, Trait::person) || ent.surfaces.size() != 1) continue;
        const auto parts = phrase_tokens(ent.surfaces.front(), c.lang);
        if (parts.size() != 1 || sf.ambiguous.count(parts.front())) continue;
        if (auto it = sf.owner.find(parts.front()); it != sf.owner.end() && it->second != key) merges.emplace_back(key, it->second);
    }
    for (const auto& [from, to] : merges) rekey_entity(c, from, to);
    find_state_short_forms(c);
}

} // namespace kg::detail
