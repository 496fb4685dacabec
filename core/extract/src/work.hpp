#pragma once
// Private: the state of one document's extraction, shared by the stage functions.
#include "kg/extract/mention.hpp"
#include "kg/ontology/ontology.hpp"
#include "kg/text/stem.hpp"
#include "tables.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kg::detail {

/// A document-local entity: what the mentions that refer to it have in common.
struct LocalEntity {
    std::string key;      ///< graph id
    std::string type;
    std::string label;
    std::string wikidata;
    bool from_gazetteer = false;
    std::vector<std::string> surfaces; ///< as written, first-seen order, unique
    std::uint32_t mentions = 0;
    std::uint32_t order = 0;           ///< first-mention order
};

/// A role phrase tied to a person ("il ministro degli Esteri russo Sergei Lavrov").
struct RoleLink {
    int role = -1;               ///< index into LanguageData::roles
    std::string person;          ///< entity key
    std::string affiliation;     ///< entity key of the state/organisation, or empty
    std::uint32_t sentence = 0;
    ByteSpan role_span;          ///< the role words as written
};

/// One document in the making.
struct Work {
    const Document& doc;
    const Ontology& onto;
    const LanguageTables& tables;
    const LanguageData& lang;
    std::vector<int> owner;                 ///< per token: index of the mention holding it, or -1
    std::vector<Mention> mentions;
    std::map<std::string, LocalEntity> entities;
    std::vector<RoleLink> roles;
    std::vector<bool> headline;             ///< per sentence: title-case headline (no name shapes)
    std::vector<std::string> demonym_of;    ///< per token: state id when it is part of a demonym
    std::set<std::uint32_t> role_tokens;    ///< tokens of role words that introduce a named person

    Work(const Document& d, const Ontology& o, const LanguageTables& t)
        : doc(d), onto(o), tables(t), lang(*t.data), owner(d.tokens.size(), -1) {}

    /// Word tokens of a sentence (hyphens left out), as pointers, with their indices.
    void words_of(std::uint32_t sentence, std::vector<const Token*>& words, std::vector<std::uint32_t>& index) const;
    bool free(std::uint32_t tok_begin, std::uint32_t tok_end) const;
    /// Record a mention over tokens [b, e) for entity `key` (created on first use).
    int add_mention(std::uint32_t b, std::uint32_t e, const std::string& key, const std::string& type,
                    MentionSource source, const std::string& label = {}, const std::string& wikidata = {},
                    bool from_gazetteer = false);
    const Mention* mention_at(std::uint32_t token) const {
        return owner[token] < 0 ? nullptr : &mentions[static_cast<std::size_t>(owner[token])];
    }
};

// The stages, in pipeline order (entities.cpp, relations.cpp).
void find_gazetteer_mentions(Work& w);
void find_role_names(Work& w);
void find_designators(Work& w);
void find_demonyms(Work& w);
void find_headed_names(Work& w);
void find_name_shapes(Work& w);
void find_agreements(Work& w);
void find_weapon_nouns(Work& w);
void find_short_forms(Work& w);
void find_relations(Work& w, std::vector<RelationMention>& out);
void find_cooccurrences(const Work& w, std::vector<RelationMention>& out);

/// Print each sentence with its mentions and relations to stderr (KG_DEBUG_MENTIONS=1).
void dump(const Work& w, const std::vector<RelationMention>& relations);

/// Snowball stem of one word key (see kg/text/stem.hpp).
inline std::string stem(const std::string& word, const std::string& language) { return stem_word(word, language); }

} // namespace kg::detail
