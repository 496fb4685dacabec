// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the ontology compiled for matching. Phrases (aliases, role words, demonyms, head
// nouns) are tokenised with the same segmenter as documents, so a phrase matches exactly
// the token keys a document yields for it.
#include "kg/ontology/ontology.hpp"
#include "kg/text/document.hpp"

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kg::detail {

/// One phrase of a table and what it stands for.
struct PhraseEntry {
    std::string id;         ///< entity id (gazetteer, demonym) or role index as text
    ClassId cls = no_class; ///< fine class for entities
    bool proper = false;    ///< its first word is written with a capital
    std::vector<bool> capital; ///< per word: written with a capital in the data
    std::vector<bool> caps; ///< per word: written all in capitals (an acronym): exact case needed
    /// per word: an acronym that may also be written in title case ("Nato", "Onu", "Nis"),
    /// as much of the press does; only acronyms of three letters or more that are no word of
    /// the language.
    std::vector<bool> title_ok;
    int role = -1;          ///< index into LanguageData::roles
};

/// Phrases keyed by their word keys joined with ' ', with every prefix recorded so that a
/// longest-match scan can stop as soon as no phrase continues.
class PhraseTable {
public:
    void add(const std::vector<std::string>& words, PhraseEntry entry);
    /// Longest phrase starting at word position `i` of `words`; returns its length (0 if
    /// none) and the candidate entries in `out`.
    std::size_t longest(const std::vector<const Token*>& words, std::size_t i,
                        const std::vector<PhraseEntry>*& out) const;
    bool empty() const { return phrases_.empty(); }

private:
    /// Every phrase and every prefix of one, by key: one lookup per word of a scan. A key
    /// that is only a prefix has no entries.
    std::unordered_map<std::string, std::vector<PhraseEntry>> phrases_;
    std::size_t max_words_ = 0;
};

/// One trigger of LanguageData::relation_cues.
struct TriggerRef {
    const RelationDef* relation = nullptr; ///< null when the ontology defines no such relation
    const TriggerDef* trigger = nullptr;
    /// Position among all the language's triggers, relations in relation_cues order: a
    /// stage marks the triggers a sentence may hold in a vector of trigger_count flags.
    std::uint32_t id = 0;
};

/// Everything matching needs for one language.
struct LanguageTables {
    const LanguageData* data = nullptr;
    PhraseTable entities;   ///< gazetteer aliases
    PhraseTable demonyms;   ///< demonym -> state id
    PhraseTable roles;      ///< role phrases
    std::unordered_map<std::string, std::string> capital_of; ///< place id -> state id
    /// Surname key of known people -> the person, or nullptr when two people share it.
    std::unordered_map<std::string, const EntityRecord*> surname;
    /// Content-word stems of each known agreement's aliases, for linking descriptions such
    /// as "accordo strategico di partenariato" to the named treaty.
    std::vector<std::pair<std::set<std::string>, const EntityRecord*>> agreement_stems;
    /// Kinds of national body by the sorted stems of the content words that name one
    /// ("difes minister" -> "defence_ministry").
    std::map<std::string, std::string> body_kinds;
    /// Known bodies by kind and state graph id ("defence_ministry|Q159").
    std::map<std::string, const EntityRecord*> known_bodies;
    /// Known people by the romanisation key of each of their names of two words or more
    /// (every language's aliases); a key two people share is left out.
    std::unordered_map<std::string, const EntityRecord*> romanised_people;
    /// Known agreements by identity ("treaty|Q159,Q423,|"): kind, actors and targets as graph ids.
    std::map<std::string, const EntityRecord*> agreement_identities;
    /// Triggers with words, by the stem of their first word (views of the data's stems): a
    /// sentence's candidate triggers cost one lookup per word, not one per trigger.
    std::unordered_map<std::string_view, std::vector<TriggerRef>> triggers_by_first_stem;
    std::uint32_t trigger_count = 0;
};

/// Split a short phrase into the word keys a document in `language` would give it
/// (hyphens left out, elisions split).
std::vector<std::string> phrase_tokens(const std::string& phrase, const LanguageData& language);

/// Does a run of text tokens satisfy an entry's case rule? Acronyms must be in capitals, or
/// in title case alone inside a sentence where the entry allows it;
/// a name with capitals in the data needs one of those words capitalised in the text too
/// ("l'accord de Paris" matches "Accord de Paris"; "stati uniti" does not match "Stati Uniti").
bool case_ok(const PhraseEntry& e, const std::vector<const Token*>& words, std::size_t i, std::size_t n);
/// Did a match that passed case_ok take an acronym in title case ("Nato" for "NATO")?
bool title_case_match(const PhraseEntry& e, const std::vector<const Token*>& words, std::size_t i, std::size_t n);

/// The romanisation key of a name: its ASCII slug with the spellings that vary between
/// languages' romanisations of Cyrillic and Korean names made one (w/v, j/y/i, z/s,
/// sch/sh/s, kh/ch/tsch/h, ou/u, gue/ge, doubled letters): "Sergej Lawrow" and "Sergei Lavrov" meet.
std::string romanisation_key(std::string_view name);

/// The sorted, space-joined Snowball stems of a phrase's content words (function words left
/// out): the key of a body kind.
std::string body_stems(const std::vector<std::string>& words, const LanguageData& language);

LanguageTables compile_language(const Ontology& onto, const LanguageData& language);

} // namespace kg::detail
