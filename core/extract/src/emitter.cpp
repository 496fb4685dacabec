// SPDX-License-Identifier: Apache-2.0
#include "emitter.hpp"

#include "names.hpp"

#include <utility>

namespace kg::detail {

void Emitter::emit(const Argument& subject, const RelationDef& def, const Argument& object, std::uint32_t sentence,
                   const SentenceFacts& facts, ByteSpan trigger, const std::string& role) {
    if (subject.key == object.key || subject.key.empty() || object.key.empty()) return;
    // No one goes to the state they belong to ("Putin visited Russia"): a trip inside it
    // reaches the places it names.
    if (def.locative_object && home_of(c_, subject.key) == object.key) return;
    const Argument* a = &subject;
    const Argument* b = &object;
    if (def.symmetric && b->key < a->key) std::swap(a, b);
    if (!seen_.emplace(a->key, def.name, b->key, sentence).second) return;
    RelationMention r;
    r.subject = a->key;
    r.object = b->key;
    r.type = def.name;
    r.sentence = sentence;
    r.status = facts.status;
    r.attributed_to = facts.attributed_to;
    r.date = facts.date;
    if (def.quantified) r.quantity = facts.quantity;
    r.role = role;
    r.subject_span = a->span;
    r.trigger_span = trigger;
    r.object_span = b->span;
    c_.annotated.relations.push_back(std::move(r));
    // "sent troops to eastern Russia": what reaches a part of a state named by the state's
    // name reaches the state, where the relation takes a state.
    if (auto part = c_.entities.find(b->key); !def.symmetric && part != c_.entities.end() && !part->second.part_of_state.empty()) {
        const std::string& state = part->second.part_of_state;
        ClassId cls = no_class;
        if (auto it = c_.entities.find(state); it != c_.entities.end()) cls = it->second.cls;
        else if (const EntityRecord* rec = c_.onto.find_by_graph_id(state)) cls = c_.class_of(*rec);
        if (cls != no_class && def.admits_object(cls) && a->key != state) {
            const Argument whole{state, b->span};
            emit(*a, def, whole, sentence, facts, trigger, role);
        }
    }
}

} // namespace kg::detail
