// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: where relation stages put what they read. One relation per (subject, type,
// object, sentence); symmetric types are stored with the smaller key first.
#include "stage_context.hpp"

#include <set>
#include <string>
#include <tuple>

namespace kg::detail {

/// One end of a relation: the entity and where the text names it (size 0: not in this sentence).
struct Argument {
    std::string key;
    ByteSpan span;
};

class Emitter {
public:
    explicit Emitter(StageContext& c) : c_(c) {
        for (const auto& r : c.annotated.relations) seen_.emplace(r.subject, r.type, r.object, r.sentence);
    }
    /// Emit `def` between two entities in sentence `sentence`, with the sentence's facts
    /// (`facts`) and the trigger's span; `role` is the role text behind a role relation.
    void emit(const Argument& subject, const RelationDef& def, const Argument& object, std::uint32_t sentence,
              const SentenceFacts& facts, ByteSpan trigger, const std::string& role = {});

private:
    StageContext& c_;
    std::set<std::tuple<std::string, std::string, std::string, std::uint32_t>> seen_;
};

} // namespace kg::detail
