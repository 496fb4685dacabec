// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the shape of a proper name, shared by the stages that find names (roles, headed
// names, name shapes, short forms).
#include "stage_context.hpp"

#include <string>
#include <vector>

namespace kg::detail {

/// A capitalised word that can be part of a name: not a function word, not a word the
/// language never uses as a name, not a demonym, not a role word introducing a name.
bool name_word(const StageContext& c, const Token& t);

/// Extend a run of name words from word position i (lower-case particles inside allowed:
/// "Abdel Fattah al-Burhan", "Alberto van Klaveren"); returns its end, at most max_len on.
std::size_t name_run(const StageContext& c, const std::vector<const Token*>& words, const std::vector<std::uint32_t>& index,
                     std::size_t i, std::size_t max_len);

/// Where a person's name over tokens [b, e) really ends: past a romanised given name's second
/// syllable joined by a hyphen in lower case ("Yoo Sang-bum", "Park Ji-hoon"), which a
/// recogniser reading words may stop before; else `e`.
std::uint32_t person_name_end(const StageContext& c, std::uint32_t b, std::uint32_t e);

/// A known person named by surname alone ("Putin", "Lavrov"), when no other known person
/// has that surname and the word is not a common one; else nullptr.
const EntityRecord* known_surname(const StageContext& c, const Token& t);

/// The text from word b to word e-1 of a sentence's word list.
std::string text_of(const StageContext& c, const std::vector<std::uint32_t>& index, std::size_t b, std::size_t e);

/// The state a token names as (part of) a demonym, as a graph id; empty if none.
std::string demonym_state_id(const StageContext& c, std::uint32_t token);

/// The nearest mention before `token` of a person whose name begins or ends with the word
/// `key` ("Kim" after "Kim Jong Un"); its entity key, or empty.
std::string nearest_person(const StageContext& c, std::uint32_t token, const std::string& key);

/// The key of a national body over tokens [b, e) ("ministero della difesa russo", "the
/// Russian defence ministry") and its state's graph id: the stems of its content words and
/// the state, so that the body's descriptions in one language are one entity.
std::string national_body_key(const StageContext& c, std::uint32_t b, std::uint32_t e, const std::string& state);

/// The kind of national body the words over tokens [b, e) describe ("defence_ministry"), by
/// the language's body_kinds; empty if none.
std::string body_kind_of(const StageContext& c, std::uint32_t b, std::uint32_t e);

/// Add the mention of a national body keyed `key` over tokens [b, e): the gazetteer's record
/// when the key is a known body's, else an institution named by `text`.
int add_body(StageContext& c, std::uint32_t b, std::uint32_t e, const std::string& key, MentionSource source, const std::string& text);

/// Add the mention of an institution's name over tokens [b, e). A name that ends with its
/// state ("Ministero della Difesa di Mosca", "the Ministry of Defence of Japan") is that
/// state's body, keyed as the body described in common words is (national_body_key), and
/// the state keeps a mention of its own (a capital standing for its state).
int add_institution_name(StageContext& c, std::uint32_t b, std::uint32_t e, MentionSource source);

/// Give every mention, role and agreement fact of entity `from` to entity `to`, merging the
/// two entities' surfaces and counts (`to` keeps its label when it comes from the gazetteer).
void rekey_entity(StageContext& c, const std::string& from, const std::string& to);

/// Mention `m` made longer, to token `end`, and a name of its own in class `cls` (keyed by its
/// words): "Shahed" becomes "Shahed Aviation Industries". Its former entity loses the mention,
/// and is dropped when it has no other.
void widen_mention(StageContext& c, int m, std::uint32_t end, ClassId cls);

/// A class that can be a role's or a body's affiliation: a state or an institution.
bool affiliation_class(const StageContext& c, ClassId cls);

/// The `size` entities with `trait` a plural reference before token `before` means ("the two
/// countries", "i due leader", "the three countries"): the nearest pair named together ("la
/// Russia e la Corea del Nord", "Putin and Kim", "Russia-North Korea"), or for three and
/// more the nearest whole list of that length ("South Korea, the United States and Japan");
/// in the text's order; none if there is none among the last few named (the last ones named
/// apart are too often the wrong ones).
std::vector<std::string> last_named_group(const StageContext& c, std::uint32_t before, Trait trait, std::size_t size = 2);

/// Whether `key` is an institution's head noun in any language: names of companies and
/// institutes keep their own language inside another's text ("la Shahed Aviation Industries").
bool institution_head_anywhere(const StageContext& c, const std::string& key);

/// Where the actors an agreement at words [b, e] of a sentence (`words`: its token indices)
/// is aimed at are listed: after a verb of `agreement_target_verbs` it is the subject of ("Le
/// sanzioni colpiscono la Shahed", "the measures target ..."), or after the agreement itself
/// when it is that verb's passive agent ("colpito dalle sanzioni anche il generale X");
/// npos when no such verb is there.
std::size_t aimed_list_start(const StageContext& c, const std::vector<std::uint32_t>& words, std::size_t b, std::size_t e);

/// The graph id of the body the gazetteer's record of a person names (its "affiliation"), or
/// empty: the body of a role the text gives without one ("Außenminister Sergej Lawrow").
std::string recorded_affiliation(const StageContext& c, const std::string& person);

/// The state a person belongs to: the body of a role the article gives them, or their
/// record's; empty when neither names a state.
std::string home_of(const StageContext& c, const std::string& person);

} // namespace kg::detail
