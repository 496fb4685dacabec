// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small knowledge graph built from fuzz bytes: ids, labels, classes, aliases, relation
// types, evidence text, dates, quantities and document ids are all taken from the input, so
// the exporters meet every byte sequence (invalid UTF-8, controls, quotes, '&', "]]>", ...).
#include "kg/graph/knowledge_graph.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <string>
#include <vector>

namespace kg::fuzz {

inline KnowledgeGraph graph_from(FuzzedDataProvider& in) {
    KnowledgeGraph g;
    const int docs = in.ConsumeIntegralInRange(0, 3);
    for (int d = 0; d < docs; ++d) {
        DocumentInfo info;
        info.id = in.ConsumeRandomLengthString(40);
        info.language = in.ConsumeRandomLengthString(4);
        info.bytes = in.ConsumeIntegral<std::uint32_t>();
        info.title = in.ConsumeRandomLengthString(60);
        g.add_document(std::move(info));
    }
    std::vector<KnowledgeGraph::Vertex> vs;
    const int n = in.ConsumeIntegralInRange(0, 8);
    static const char* classes[] = {"Person", "State", "Organization", "Agreement", "Weapon", "Place"};
    for (int i = 0; i < n; ++i) {
        EntityNode e;
        // Mostly kgraph-like ids (QIDs, slugs), sometimes arbitrary bytes.
        e.id = in.ConsumeBool() ? "e" + std::to_string(i) : in.ConsumeRandomLengthString(24);
        e.label = in.ConsumeRandomLengthString(60);
        e.type = in.ConsumeBool() ? classes[in.ConsumeIntegralInRange(0, 5)] : in.ConsumeRandomLengthString(16);
        e.coarse = in.ConsumeRandomLengthString(12);
        if (in.ConsumeBool()) e.wikidata = in.ConsumeBool() ? "Q" + std::to_string(in.ConsumeIntegral<std::uint16_t>()) : in.ConsumeRandomLengthString(12);
        const int aliases = in.ConsumeIntegralInRange(0, 3);
        for (int a = 0; a < aliases; ++a) e.aliases.insert(in.ConsumeRandomLengthString(40));
        const int ds = in.ConsumeIntegralInRange(0, 2);
        for (int a = 0; a < ds; ++a) e.documents.insert(in.ConsumeRandomLengthString(30));
        e.mentions = in.ConsumeIntegral<std::uint16_t>();
        vs.push_back(g.add_entity(e));
    }
    if (vs.empty()) return g;
    static const char* types[] = {"met", "signed", "supplied", "mentioned_with", "leader_of", "visited"};
    const int rels = in.ConsumeIntegralInRange(0, 12);
    for (int r = 0; r < rels && in.remaining_bytes() > 0; ++r) {
        const auto s = vs[in.ConsumeIntegralInRange<std::size_t>(0, vs.size() - 1)];
        const auto t = vs[in.ConsumeIntegralInRange<std::size_t>(0, vs.size() - 1)];
        const std::string type = in.ConsumeBool() ? types[in.ConsumeIntegralInRange(0, 5)] : in.ConsumeRandomLengthString(16);
        Evidence ev;
        ev.document = in.ConsumeRandomLengthString(30);
        ev.begin = in.ConsumeIntegral<std::uint32_t>();
        ev.end = ev.begin + in.ConsumeIntegral<std::uint16_t>();
        ev.text = in.ConsumeRandomLengthString(120);
        ev.status = static_cast<ClaimStatus>(in.ConsumeIntegralInRange(0, 3));
        if (in.ConsumeBool()) ev.attributed_to = in.ConsumeRandomLengthString(20);
        if (in.ConsumeBool()) ev.date = in.ConsumeRandomLengthString(12);
        if (in.ConsumeBool()) ev.quantity = in.ConsumeRandomLengthString(20);
        if (in.ConsumeBool()) ev.role = in.ConsumeRandomLengthString(20);
        g.add_relation(s, t, type, std::move(ev), in.ConsumeBool());
    }
    return g;
}

} // namespace kg::fuzz
