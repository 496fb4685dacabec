// SPDX-License-Identifier: Apache-2.0
#include "emitter.hpp"

#include <utility>

namespace kg::detail {

void Emitter::emit(const Argument& subject, const RelationDef& def, const Argument& object, std::uint32_t sentence,
                   const SentenceFacts& facts, ByteSpan trigger, const std::string& role) {
    if (subject.key == object.key || subject.key.empty() || object.key.empty()) return;
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
}

} // namespace kg::detail
