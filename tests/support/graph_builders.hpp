#pragma once
// Small builders for hand-made graphs in the exporter tests.
#include "kg/graph/model.hpp"

#include <cstdint>
#include <set>
#include <string>

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

} // namespace kg::test
