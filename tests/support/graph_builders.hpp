// SPDX-License-Identifier: Apache-2.0
#pragma once
// Small builders for hand-made graphs in the exporter tests.
#include "kg/graph/knowledge_graph.hpp"
#include "kg/graph/model.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace kg::test {

inline EntityNode entity(std::string id, std::string label, std::string type, std::string coarse,
                         std::set<std::string> aliases, std::set<std::string> documents, std::uint32_t mentions,
                         std::string wikidata = {}) {
    EntityNode node;
    node.id = std::move(id);
    node.label = std::move(label);
    node.type = std::move(type);
    node.coarse = std::move(coarse);
    node.wikidata = std::move(wikidata);
    node.aliases = std::move(aliases);
    node.documents = std::move(documents);
    node.mentions = mentions;
    return node;
}

/// One evidence sentence starting at byte `begin`; its end follows from the text. Its code
/// point offsets are those of a document whose text before `begin` is ASCII.
inline Evidence evidence(std::string document, std::uint64_t begin, std::string text,
                         ClaimStatus status = ClaimStatus::asserted) {
    Evidence ev;
    ev.document = std::move(document);
    ev.begin = begin;
    ev.end = begin + text.size();
    ev.char_begin = begin;
    ev.char_end = begin;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++ev.char_end;
    ev.text = std::move(text);
    ev.status = status;
    return ev;
}

/// A document record with only what the builders need (the rest empty).
inline DocumentInfo document(std::string id, std::string language, std::uint64_t bytes, std::string title) {
    DocumentInfo d;
    d.id = std::move(id);
    d.language = std::move(language);
    d.bytes = bytes;
    d.title = std::move(title);
    return d;
}

/// A small news graph for the exporter tests of issues #14 and #15: two documents with
/// titles; Russia (Q159), North Korea (Q423), Vladimir Putin (Q7747), a treaty and a weapon
/// without QID; relations: Russia signed the treaty (dated 2024-06-19), Putin met Russia's
/// counterpart (symmetric, reported and asserted), North Korea supplied shells (alleged,
/// with a quantity, dated 2024-10), and Russia mentioned_with North Korea, whose sentence
/// holds markup, quotes and a line separator, and cooperates_with (a second, parallel
/// relation of that pair). `reversed` adds the relations in the
/// opposite order (the ids must not care); `extra_document` adds a third document with one
/// more relation (a rebuild with more input).
inline KnowledgeGraph news_graph(bool reversed = false, bool extra_document = false) {
    KnowledgeGraph kg;
    const std::string en = "news/en-treaty.txt", it = "news/it-forniture.txt";
    kg.add_document(document(en, "en", 400, "Putin and Kim sign a treaty"));
    kg.add_document(document(it, "it", 300, "Forniture \"segrete\" <b>di</b> proiettili"));
    const auto ru = kg.add_entity(entity("Q159", "Russia", "State", "Actor", {"Russia", "Mosca"}, {en, it}, 6, "Q159"));
    const auto kp = kg.add_entity(entity("Q423", "North Korea", "State", "Actor", {"North Korea", "Corea del Nord"}, {en, it}, 4, "Q423"));
    const auto putin = kg.add_entity(entity("Q7747", "Vladimir Putin", "Person", "Actor", {"Putin", "Vladimir Putin"}, {en}, 3, "Q7747"));
    const auto treaty = kg.add_entity(entity("partnership_treaty", "Partnership Treaty", "Agreement", "Agreement", {"treaty"}, {en}, 2));
    const auto shells = kg.add_entity(entity("artillery_shells", "artillery shells", "Weapon", "Weapon", {"proiettili"}, {it}, 1));

    auto signed_ev = evidence(en, 30, "Russia signed the Partnership Treaty.");
    signed_ev.date = "2024-06-19";
    auto met_reported = evidence(it, 10, "Putin avrebbe incontrato la Corea del Nord.", ClaimStatus::reported);
    auto met_asserted = evidence(en, 80, "Putin met North Korea's envoy.");
    auto supplied_ev = evidence(it, 120, "La Corea del Nord avrebbe fornito 13000 proiettili.", ClaimStatus::alleged);
    supplied_ev.date = "2024-10";
    supplied_ev.quantity = "13000 proiettili";
    auto with_ev = evidence(en, 200, "Russia </script><script>alert(1)</script> and North Korea \"<!--\" \xE2\x80\xA8 met.");
    std::vector<std::function<void()>> adds = {
        [&] { kg.add_relation(ru, treaty, "signed", signed_ev, false); },
        [&] { kg.add_relation(putin, kp, "met", met_reported, true); },
        [&] { kg.add_relation(kp, putin, "met", met_asserted, true); },
        [&] { kg.add_relation(kp, shells, "supplied", supplied_ev, false); },
        [&] { kg.add_relation(ru, kp, "mentioned_with", with_ev, true); },
        [&] { kg.add_relation(kp, ru, "cooperates_with", evidence(en, 300, "North Korea and Russia cooperate."), true); },
    };
    if (reversed) std::reverse(adds.begin(), adds.end());
    for (auto& add : adds) add();
    if (extra_document) {
        const std::string de = "news/de-besuch.txt";
        kg.add_document(document(de, "de", 100, "Besuch"));
        kg.add_relation(putin, ru, "visited", evidence(de, 0, "Putin besuchte Russland."), false);
    }
    return kg;
}

} // namespace kg::test
