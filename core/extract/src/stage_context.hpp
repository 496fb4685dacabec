// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: what a stage works with — the ontology, the language's compiled tables, and the
// annotated document's layers under the short names the stages use.
#include "kg/extract/annotated_document.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/ner/name_finder.hpp"
#include "kg/ontology/ontology.hpp"
#include "kg/text/stem.hpp"
#include "tables.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kg::detail {

/// One document in the making, seen by one stage.
struct StageContext {
    const Ontology& onto;
    const ExtractorOptions& options;
    const LanguageTables& tables;
    const LanguageData& lang;
    const NameFinder* name_finder; ///< the language's learned name finder, or nullptr
    AnnotatedDocument& annotated;
    const Document& doc;
    std::vector<int>& owner;
    std::vector<Mention>& mentions;
    std::map<std::string, LocalEntity>& entities;
    std::vector<RoleLink>& roles;
    std::vector<bool>& headline;
    std::vector<std::string>& demonym_of;
    std::set<std::uint32_t>& role_tokens;

    StageContext(const Ontology& o, const ExtractorOptions& opt, const LanguageTables& t, const NameFinder* finder,
                 AnnotatedDocument& a)
        : onto(o), options(opt), tables(t), lang(*t.data), name_finder(finder), annotated(a), doc(a.doc), owner(a.owner), mentions(a.mentions),
          entities(a.local_entities), roles(a.roles), headline(a.headline), demonym_of(a.demonym_of),
          role_tokens(a.role_tokens) {}

    /// Word tokens of a sentence (hyphens left out), as pointers, with their indices.
    void words_of(std::uint32_t sentence, std::vector<const Token*>& words, std::vector<std::uint32_t>& index) const;
    bool free(std::uint32_t tok_begin, std::uint32_t tok_end) const;
    /// Record a mention over tokens [b, e) for entity `key` (created on first use).
    int add_mention(std::uint32_t b, std::uint32_t e, const std::string& key, ClassId cls, MentionSource source,
                    const std::string& label = {}, const std::string& wikidata = {}, bool from_gazetteer = false);
    /// Point mention m at entity `key` of class `cls` (created on first use, as by
    /// add_mention); the entity it named before is dropped when no mention is left to it.
    void rekey_mention(int m, const std::string& key, ClassId cls, const std::string& label = {}, const std::string& wikidata = {},
                       bool from_gazetteer = false);
    const Mention* mention_at(std::uint32_t token) const {
        return owner[token] < 0 ? nullptr : &mentions[static_cast<std::size_t>(owner[token])];
    }
    /// Does class `c` have the trait?
    bool is(ClassId c, Trait t) const { return onto.has(c, t); }
    /// The class a recogniser of names with this trait assigns.
    ClassId class_with(Trait t) const { return onto.class_with(t); }
    /// The fine class of a gazetteer record.
    ClassId class_of(const EntityRecord& rec) const { return onto.class_id(rec.type); }
    /// The state record a demonym token names, or nullptr.
    const EntityRecord* demonym_state(std::uint32_t token) const {
        return demonym_of.empty() || demonym_of[token].empty() ? nullptr : onto.find_entity(demonym_of[token]);
    }
    /// Membership of a word key in a lexicon of the language data.
    static bool in(const std::set<std::string>& lexicon, const std::string& key) { return lexicon.count(key) != 0; }
    std::string stem(const std::string& word) const { return stem_word(word, lang.code); }
    /// The stem of token t's key (its key for a token that is no word), computed once per
    /// document: every sentence view of every stage reads the same stems.
    const std::string& token_stem(std::uint32_t t) const;

private:
    mutable std::vector<std::string> token_stems_; ///< by token, filled on first use
    mutable std::vector<bool> stemmed_;
    /// Count mention m (its entity, class and source set) into its entity, created on first use.
    void count_mention(const Mention& m, const std::string& label, const std::string& wikidata, bool from_gazetteer);
};

} // namespace kg::detail
