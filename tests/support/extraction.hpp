// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the extractor tests share: the bundled ontology and one extractor, loaded once; runs
// of short documents; lookups of entities, mentions and relations; a description of
// everything extracted for failure messages.
#include "kg/extract/extractor.hpp"
#include "kg/ontology/ontology.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kg::test {

inline const kg::Ontology& ontology() {
    static const kg::Ontology onto = kg::load_ontology({KG_ONTOLOGY_DIR});
    return onto;
}

inline const kg::Extractor& extractor() {
    static const kg::Extractor x(ontology());
    return x;
}

inline kg::AnnotatedDocument run(const std::string& language, const std::string& text) {
    kg::Document doc;
    doc.id = "test." + language + ".txt";
    doc.text = text;
    doc.language = language;
    return extractor().extract(std::move(doc));
}

// Everything the extraction found, for the failure messages.
inline std::string describe(const kg::AnnotatedDocument& x) {
    std::ostringstream os;
    os << "language " << x.info.language << "\nentities:\n";
    for (const auto& e : x.entities) {
        os << "  " << e.id << " " << e.type << " '" << e.label << "' aliases:";
        for (const auto& a : e.aliases) os << " '" << a << "'";
        os << "\n";
    }
    os << "mentions:\n";
    for (const auto& m : x.mentions)
        os << "  s" << m.sentence << " '" << x.doc.text.substr(m.span.begin, m.span.size()) << "' -> " << m.entity << " "
           << ontology().class_names.at(m.cls) << "\n";
    os << "relations:\n";
    for (const auto& r : x.relations) {
        if (r.type == "mentioned_with") continue;
        os << "  s" << r.sentence << " " << r.subject << " " << r.type << " " << r.object << " [" << kg::to_string(r.status);
        if (!r.attributed_to.empty()) os << " by " << r.attributed_to;
        if (!r.date.empty()) os << " date " << r.date;
        if (!r.quantity.empty()) os << " qty '" << r.quantity << "'";
        if (!r.role.empty()) os << " role '" << r.role << "'";
        os << "]\n";
    }
    return os.str();
}

inline const kg::EntityNode* entity(const kg::AnnotatedDocument& x, std::string_view id) {
    for (const auto& e : x.entities)
        if (e.id == id) return &e;
    return nullptr;
}

// The entity one of whose surface forms is exactly `alias`.
inline const kg::EntityNode* entity_named(const kg::AnnotatedDocument& x, std::string_view alias) {
    for (const auto& e : x.entities)
        if (e.aliases.count(std::string(alias))) return &e;
    return nullptr;
}

inline std::size_t count_type(const kg::AnnotatedDocument& x, std::string_view type) {
    return static_cast<std::size_t>(
        std::count_if(x.entities.begin(), x.entities.end(), [&](const kg::EntityNode& e) { return e.type == type; }));
}

inline bool symmetric(std::string_view type) {
    const kg::RelationDef* def = ontology().find_relation(std::string(type));
    return def && def->symmetric;
}

// The first relation s -type-> o (either direction for symmetric types).
inline const kg::RelationMention* relation(const kg::AnnotatedDocument& x, std::string_view s, std::string_view type,
                                    std::string_view o) {
    for (const auto& r : x.relations) {
        if (r.type != type) continue;
        if ((r.subject == s && r.object == o) || (symmetric(type) && r.subject == o && r.object == s)) return &r;
    }
    return nullptr;
}

// The fine class of an entity key: from the document, else from the ontology (an endpoint
// named only by a demonym).
inline std::string type_of(const kg::AnnotatedDocument& x, std::string_view key) {
    if (const auto* e = entity(x, key)) return e->type;
    if (const auto* rec = ontology().find_by_graph_id(std::string(key))) return rec->type;
    return {};
}

// The first relation from s of a type whose object is of class `object_type`.
inline const kg::RelationMention* relation_to_class(const kg::AnnotatedDocument& x, std::string_view s, std::string_view type,
                                             std::string_view object_type) {
    for (const auto& r : x.relations)
        if (r.type == type && r.subject == s && type_of(x, r.object) == object_type) return &r;
    return nullptr;
}

inline std::vector<const kg::RelationMention*> typed_relations(const kg::AnnotatedDocument& x) {
    std::vector<const kg::RelationMention*> out;
    for (const auto& r : x.relations)
        if (r.type != "mentioned_with") out.push_back(&r);
    return out;
}

inline std::size_t count_relations(const kg::AnnotatedDocument& x, std::string_view type) {
    return static_cast<std::size_t>(
        std::count_if(x.relations.begin(), x.relations.end(), [&](const kg::RelationMention& r) { return r.type == type; }));
}

// The mention whose text is `surface`, in sentence `sentence`.
inline const kg::Mention* mention(const kg::AnnotatedDocument& x, std::uint32_t sentence, std::string_view surface) {
    for (const auto& m : x.mentions)
        if (m.sentence == sentence && x.doc.text.substr(m.span.begin, m.span.size()) == surface) return &m;
    return nullptr;
}

inline bool any_mention_in(const kg::AnnotatedDocument& x, std::uint32_t sentence, std::string_view type) {
    return std::any_of(x.mentions.begin(), x.mentions.end(),
                       [&](const kg::Mention& m) { return m.sentence == sentence && ontology().class_names.at(m.cls) == type; });
}

// Shorthands for the checks every case makes.
#define CHECK_REL(x, s, type, o) CHECK(relation((x), (s), (type), (o)) != nullptr)
#define CHECK_NO_REL(x, s, type, o) CHECK(relation((x), (s), (type), (o)) == nullptr)


} // namespace kg::test
