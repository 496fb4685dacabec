// SPDX-License-Identifier: Apache-2.0
#include "pipeline.hpp"

#include "kg/error.hpp"
#include "stages.hpp"

namespace kg::detail {

void limit_relations(StageContext& c); // cooccurrence.cpp

namespace {

using L = Layer;

std::vector<Stage> make_pipeline() {
    return {
        {"headlines", {L::tokens}, {L::headlines}, &mark_headlines, "title-case headlines, where capitals say nothing"},
        {"name_finder", {L::tokens, L::headlines}, {L::names}, &find_name_candidates, "name candidates from the learned name finder"},
        {"gazetteer", {L::tokens, L::names}, {L::mentions}, &find_gazetteer_mentions,
         "known entities by their aliases, unless part of a longer name; capitals for states"},
        {"demonyms", {L::mentions}, {L::demonyms, L::mentions}, &find_demonyms,
         "adjectives that name a state, and the people of a state named by one ('gli ucraini')"},
        {"headed_names", {L::headlines, L::demonyms, L::mentions}, {L::mentions}, &find_headed_names,
         "national bodies in common words, head-first institution and place names"},
        {"designators", {L::mentions}, {L::mentions}, &find_designators, "weapon model designators (Hwasong-11)"},
        {"learned_names", {L::names, L::mentions}, {L::mentions}, &find_learned_names,
         "names the statistical name finder marks, classed by the ontology's traits and head nouns"},
        {"acronyms", {L::mentions}, {L::mentions}, &find_acronyms,
         "names defined with an acronym in brackets, and the acronym's uses"},
        {"roles", {L::demonyms, L::mentions}, {L::mentions, L::roles}, &find_role_names,
         "role words, the person they introduce and the body they belong to"},
        {"name_shapes", {L::headlines, L::demonyms, L::roles, L::mentions}, {L::mentions}, &find_name_shapes,
         "unknown names by their shape: head nouns, given names, acronyms"},
        {"agreements", {L::demonyms, L::mentions}, {L::mentions}, &find_agreements,
         "agreements described by a head noun, and which of them are one agreement"},
        {"weapon_nouns", {L::mentions}, {L::mentions}, &find_weapon_nouns, "weapon classes by their head noun"},
        {"transliterations", {L::mentions}, {L::mentions}, &find_transliterations,
         "known people named in another romanisation (Lawrow, Belousow)"},
        {"short_forms", {L::mentions}, {L::mentions}, &find_short_forms, "people named again by part of their name"},
        {"compass_regions", {L::mentions}, {L::mentions}, &find_compass_regions,
         "a part of a state named by the compass and the state's name ('la Russia orientale'): a place in it"},
        {"sentence_facts", {L::mentions, L::demonyms}, {L::facts}, &read_sentence_facts,
         "each sentence's claim status, source, date and quantity"},
        {"trigger_relations", {L::mentions, L::demonyms, L::roles, L::facts}, {L::relations}, &find_trigger_relations,
         "relations signalled by trigger words, with subject and object by syntax"},
        {"cancellations", {L::relations}, {L::relations}, &apply_cancellations, "relations another withdraws (severed ties)"},
        {"role_relations", {L::roles, L::relations}, {L::relations}, &find_role_relations, "a role's person and body (member_of, leader_of)"},
        {"agreement_relations", {L::mentions, L::facts, L::relations}, {L::relations}, &find_agreement_relations,
         "what an agreement's kind states between its issuers and its targets (sanctions: sanctioned)"},
        {"containment_and_possession", {L::mentions, L::demonyms, L::facts, L::relations}, {L::relations},
         &find_containment_and_possession, "places in their container, weapons with their owner"},
        {"meeting_places", {L::mentions, L::roles, L::facts, L::relations}, {L::relations}, &find_meeting_places,
         "a meeting in a place is a visit to it by each party not at home there"},
        {"cooccurrence", {L::mentions, L::relations}, {L::relations}, &find_cooccurrences, "entity pairs named in one sentence"},
        {"relation_limit", {L::relations}, {L::relations}, &limit_relations, "at most N relations per sentence, typed ones first"},
        {"resolution", {L::mentions, L::relations}, {L::resolved}, &resolve_entities,
         "keys through same_as decisions, entities as the graph holds them"},
    };
}

std::uint32_t bit(Layer l) { return 1u << static_cast<unsigned>(l); }

} // namespace

const std::vector<Stage>& pipeline() {
    static const std::vector<Stage> stages = [] {
        std::vector<Stage> s = make_pipeline();
        std::uint32_t assigned = bit(Layer::tokens);
        for (const Stage& st : s) {
            for (Layer l : st.needs)
                if (!(assigned & bit(l)))
                    throw Error(Errc::usage, "pipeline: stage \"" + std::string(st.name) + "\" needs " + to_string(l) +
                                                 ", which no earlier stage assigns");
            for (Layer l : st.assigns) assigned |= bit(l);
        }
        return s;
    }();
    return stages;
}

void run_stage(const Stage& stage, StageContext& c) {
    for (Layer l : stage.needs) {
        if (c.annotated.has(l)) continue;
        std::string first;
        for (const Stage& s : pipeline())
            for (Layer a : s.assigns)
                if (a == l && first.empty()) first = std::string(s.name);
        throw Error(Errc::usage, "stage \"" + std::string(stage.name) + "\" needs the " + to_string(l) + " layer (run stage \"" +
                                     first + "\" first)");
    }
    stage.run(c);
    for (Layer l : stage.assigns) c.annotated.layers |= bit(l);
}

} // namespace kg::detail
