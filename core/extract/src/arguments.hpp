// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the ways a trigger's subject and object are found in its sentence, one function
// per strategy. Each takes the sentence, the trigger's position and the relation, and
// returns mentions (indices into the document's mentions) or a state named by a demonym.
#include "sentence_view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kg::detail {

/// Where the subject of a trigger was looked for: found, blocked (the nearest candidate is
/// of the wrong class, or a clause boundary), or none at all in the sentence before it.
struct SubjectSearch {
    std::optional<int> mention;
    std::string demonym_state; ///< "le truppe nordcoreane sono entrate": the state of a demonym NP
    ByteSpan demonym_span;
    /// "He then visited Pyongyang": the person a subject pronoun stands for, and its span.
    std::string pronoun_referent;
    ByteSpan pronoun_span;
    /// "The two leaders signed ...": the pair named together before a plural reference.
    std::vector<std::string> pair_referents;
    ByteSpan pair_span;
    bool blocked = false;
};

/// Mark the mentions right after any trigger ("ha incontrato Kim") as objects, so that a
/// later trigger in the sentence does not take them for its subject.
void mark_trigger_objects(SentenceView& v);

/// The nearest mention before the trigger at p that is not inside a prepositional phrase and
/// not the object of an earlier trigger (except by object control: "accusano Pyongyang di
/// fornire"); a demonym noun phrase of a state agent ("North Korean soldiers had entered")
/// stands for its state. A candidate outside the relation's domain blocks the search.
SubjectSearch subject_before(const SentenceView& v, std::size_t p, const RelationDef& def);

/// The person a subject pronoun right after a subordinator stands for, in the verb-final
/// clause [start, p) ("wo er ein Abkommen mit China unterzeichnete"): its entity key and the
/// pronoun's token, when no name comes before the pronoun in the clause and the relation
/// admits the person as subject.
std::optional<std::pair<std::string, std::size_t>> clause_pronoun_subject(const SentenceView& v, std::size_t start, std::size_t p,
                                                                          const RelationDef& def);

/// Passive voice: the agent after a passive-agent word ("firmato da Putin e Kim").
std::vector<int> passive_agents(const SentenceView& v, std::size_t after, const RelationDef& def);

/// A demonym on the trigger noun names the actor: "le truppe nordcoreane", "la guerra
/// russa", "North Korean troops". Returns the state's graph id (and its span), or empty.
std::string demonym_actor(const SentenceView& v, std::size_t p, std::size_t after, ByteSpan& span);

/// A trigger noun inside an agreement mention ("sanzioni ONU") takes the body named right
/// after the agreement as its actor.
std::vector<int> body_after_agreement(const SentenceView& v, std::size_t after, int inside, const RelationDef& def);

/// A possessor names the actor: "the Kremlin's war".
std::vector<int> possessor(const SentenceView& v, std::size_t p, const RelationDef& def);

/// A possessive determiner before a stance noun ("Belarus over its support") refers to the
/// nearest name before it that the relation admits as subject; its coordination group, or none.
std::vector<int> possessive_reference(const SentenceView& v, std::size_t p, const RelationDef& def);

/// "During his trip to Hanoi, Putin signed ...", "Durante il suo viaggio ad Hanoi, Putin ha
/// firmato": a possessive before the trigger noun at p, in a phrase that opens the sentence
/// and ends at a comma, points forward to the actor that opens the main clause after the
/// comma (past its role words); in a verb-second language, with no comma, to the actor right
/// after the finite verb ("Während seiner Reise nach Hanoi unterzeichnete Putin"); that
/// actor's group, or none.
std::vector<int> forward_possessor(const SentenceView& v, std::size_t p, const RelationDef& def);

/// The trigger at p is used as a noun: after an article or a preposition ("la guerra").
bool noun_use(const SentenceView& v, std::size_t p);

/// An infinitive marker at q with an infinitive after it ("to send", "per ostacolare", "de
/// livrer"): in languages whose infinitives have regular `infinitive_endings`, only a word
/// with one of them counts.
bool opens_infinitive(const SentenceView& v, std::size_t q);

/// Nominalisation: "la visita di Putin", "l'invasione su vasta scala della Russia": the
/// genitive after a trigger used as a noun names the actor.
std::vector<int> genitive_actor(const SentenceView& v, std::size_t p, std::size_t after, const RelationDef& def);

/// Verb-second order: "Im Mai 2022 unterzeichnete Finnland den Vertrag".
std::vector<int> verb_second_subject(const SentenceView& v, std::size_t after, const RelationDef& def);

/// Whether the word `key` introduces an object for `markers`: one of them, or any form of the
/// genitive where a genitive is among them ("di" stands for "della", "dell'").
bool marks_object(const StageContext& c, const std::set<std::string>& markers, const std::string& key);

/// The object after position p: a direct object (at most articles, quantities, role words
/// between) or one introduced by a marker; a comma ends the search.
std::optional<int> object_after(const SentenceView& v, std::size_t p, const RelationDef& def,
                                const std::set<std::string>& markers, int exclude);

/// The actors an event's noun phrase names, for a stance taken on the event.
struct EventActors {
    std::vector<int> mentions;  ///< after a genitive or reciprocal marker (a coordination group)
    std::string demonym_state;  ///< or a state by its demonym ("droni iraniani")
    ByteSpan demonym_span;
};

/// A stance taken on an event ("condemned the expanding military cooperation between Russia
/// and North Korea", "condanna la consegna di droni iraniani"): the actors the noun phrase
/// after p names, up to the end of the clause. A genitive a trigger takes for its patient
/// ("the invasion of Ukraine") names no actor, and an actor after any other preposition (a
/// victim: "the war against Ukraine"; a recipient: "to Russia") ends the search.
EventActors event_actors(const SentenceView& v, std::size_t p, const RelationDef& def);

/// The patient of a passive, before the trigger.
std::optional<int> object_before(const SentenceView& v, std::size_t p, const RelationDef& def, int exclude);

} // namespace kg::detail
