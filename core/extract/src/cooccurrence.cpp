// SPDX-License-Identifier: Apache-2.0
// Stages "cooccurrence" and "relation_limit": every pair of entities named in one sentence
// (the weakest relation, for diagrams and for recall), and at most the configured number
// of relations per sentence, the typed ones first.
#include "stages.hpp"

#include <algorithm>

namespace kg::detail {

void find_cooccurrences(StageContext& c) {
    const RelationDef* def = c.onto.relation_with(Structural::cooccurrence);
    if (!def || !c.options.cooccurrence) return;
    // Per sentence: each entity once, with the span of its first mention there.
    std::vector<std::vector<std::pair<std::string, ByteSpan>>> per_sentence(c.doc.sentences.size());
    for (const Mention& m : c.mentions) {
        auto& v = per_sentence[m.sentence];
        if (std::none_of(v.begin(), v.end(), [&](const auto& e) { return e.first == m.entity; })) v.emplace_back(m.entity, m.span);
    }
    for (std::uint32_t s = 0; s < per_sentence.size(); ++s) {
        auto keys = per_sentence[s];
        std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t a = 0; a < keys.size(); ++a)
            for (std::size_t b = a + 1; b < keys.size(); ++b) {
                RelationMention r;
                r.subject = keys[a].first;
                r.object = keys[b].first;
                r.type = def->name;
                r.sentence = s;
                r.subject_span = keys[a].second;
                r.object_span = keys[b].second;
                c.annotated.relations.push_back(std::move(r));
            }
    }
}

void limit_relations(StageContext& c) {
    const std::uint32_t limit = c.options.max_relations_per_sentence;
    if (!limit) return;
    // Typed relations were emitted before co-occurrences: a stable pass that keeps the first
    // N of each sentence keeps the typed ones.
    std::vector<std::uint32_t> per_sentence(c.doc.sentences.size(), 0);
    std::erase_if(c.annotated.relations, [&](const RelationMention& r) {
        if (++per_sentence[r.sentence] <= limit) return false;
        ++c.annotated.relations_dropped;
        return true;
    });
}

} // namespace kg::detail
