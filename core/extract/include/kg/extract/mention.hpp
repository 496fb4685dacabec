#pragma once
// Mentions and relation mentions: what extraction finds in one document, before merging.
#include "kg/graph/model.hpp"
#include "kg/text/document.hpp"

#include <string>
#include <vector>

namespace kg {

/// How a mention was found; kept for diagnostics and for precedence between recognisers.
enum class MentionSource : std::uint8_t {
    gazetteer,     ///< an ontology alias
    role,          ///< a name after a role word ("il ministro degli Esteri Sergei Lavrov")
    name_shape,    ///< a capitalised name with a head noun or a given name
    designator,    ///< a model designator such as Hwasong-11
    common_noun,   ///< a head noun phrase ("accordo di partenariato", "missili ipersonici")
    short_form,    ///< a short form of a name seen earlier in the document ("Kim")
    role_reference,///< a role standing for the person the article gave it ("il presidente russo")
};

/// A span of tokens [tok_begin, tok_end) that names an entity. Contract: `span` is the
/// byte range from the first token's begin to the last token's end, inside one sentence.
struct Mention {
    std::uint32_t tok_begin = 0;
    std::uint32_t tok_end = 0;
    ByteSpan span;
    std::uint32_t sentence = 0;
    std::string entity;  ///< document-local entity key (the entity's graph id)
    std::string type;    ///< fine class
    MentionSource source = MentionSource::gazetteer;
};

/// A relation stated in one sentence between two mentioned entities.
struct RelationMention {
    std::string subject; ///< entity key
    std::string object;  ///< entity key
    std::string type;
    std::uint32_t sentence = 0;
    ClaimStatus status = ClaimStatus::asserted;
    std::string attributed_to;
    std::string date;
    std::string quantity;
    std::string role;
};

/// Everything extraction produced for one document: its entities (aggregated per document,
/// with the aliases seen in it) and its relations with their sentences.
struct Extraction {
    DocumentInfo info;
    std::vector<Mention> mentions;             ///< in text order
    std::vector<EntityNode> entities;          ///< one per entity key, in first-mention order
    std::vector<RelationMention> relations;    ///< in text order
    std::vector<ByteSpan> sentence_spans;      ///< indexed by Mention::sentence
    std::string text;                          ///< the original bytes, for evidence quotes
    std::vector<ByteSpan> skipped_sentences;   ///< over the length limit, not analysed
    std::uint32_t relations_dropped = 0;       ///< over the per-sentence limit, left out
};

} // namespace kg
