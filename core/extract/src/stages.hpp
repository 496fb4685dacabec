// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the stage functions. Each reads and assigns the layers pipeline.cpp declares for
// it; the order they run in is written there, and only there.
#include "stage_context.hpp"

namespace kg::detail {

// Entity mentions. Each mention stage claims tokens no earlier stage claimed, so the order
// of the pipeline is the order of precedence between recognisers.
void mark_headlines(StageContext& c);          // headlines.cpp
void find_name_candidates(StageContext& c);    // learned_names.cpp
void find_gazetteer_mentions(StageContext& c); // gazetteer.cpp
void find_demonyms(StageContext& c);           // demonyms.cpp
void find_headed_names(StageContext& c);       // headed_names.cpp
void find_learned_names(StageContext& c);      // learned_names.cpp
void find_acronyms(StageContext& c);           // acronyms.cpp
void find_role_names(StageContext& c);         // roles.cpp
void find_designators(StageContext& c);        // weapons.cpp
void find_name_shapes(StageContext& c);        // name_shapes.cpp
void find_agreements(StageContext& c);         // agreements.cpp
void find_weapon_nouns(StageContext& c);       // weapons.cpp
void find_transliterations(StageContext& c);    // transliterations.cpp
void find_short_forms(StageContext& c);        // short_forms.cpp
void find_compass_regions(StageContext& c);    // compass_regions.cpp

// Relations.
void read_sentence_facts(StageContext& c);     // sentence_facts.cpp: claim status, date, quantity
void find_trigger_relations(StageContext& c);  // trigger_relations.cpp
void apply_cancellations(StageContext& c);     // structural_relations.cpp
void find_role_relations(StageContext& c);     // structural_relations.cpp
void find_agreement_relations(StageContext& c);   // structural_relations.cpp
void find_containment_and_possession(StageContext& c); // structural_relations.cpp
void find_meeting_places(StageContext& c);     // structural_relations.cpp
void find_cooccurrences(StageContext& c);      // cooccurrence.cpp
void resolve_entities(StageContext& c);        // resolution.cpp

} // namespace kg::detail
