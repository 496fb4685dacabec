// SPDX-License-Identifier: Apache-2.0
#pragma once
// The annotated document (spaCy's Doc is the model): the original text with its tokens and
// sentences, and every layer of annotation the extraction stages add to it — mentions,
// demonyms, roles, per-sentence facts, relations, resolved entities. Offsets always point
// into the original bytes. It outlives extraction: the graph merge, `kgraph annotate` and
// the evaluation tools read it.
#include "kg/graph/model.hpp"
#include "kg/ner/name_finder.hpp"
#include "kg/ontology/ontology.hpp"
#include "kg/text/document.hpp"

#include <cstdint>
#include <map>
#include <set>
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
    learned,       ///< the statistical name finder (a model trained on annotated news)
    people,        ///< a demonym used as a noun for a state's people acting ("gli ucraini")
};

/// Stable lower-case name of a source ("gazetteer", "role_reference", ...).
const char* to_string(MentionSource source) noexcept;

/// A span of tokens [tok_begin, tok_end) that names an entity. Contract: `span` is the
/// byte range from the first token's begin to the last token's end, inside one sentence.
struct Mention {
    std::uint32_t tok_begin = 0;
    std::uint32_t tok_end = 0;
    ByteSpan span;
    std::uint32_t sentence = 0;
    std::string entity;       ///< the entity's key (its graph id once resolved)
    ClassId cls = no_class;   ///< fine class, an index into Ontology::class_names
    MentionSource source = MentionSource::gazetteer;
};

/// What the mentions of one entity in one document have in common.
struct LocalEntity {
    std::string key;      ///< graph id
    ClassId cls = no_class;
    std::string label;
    std::string wikidata;
    bool from_gazetteer = false;
    std::vector<std::string> surfaces; ///< as written, first-seen order, unique
    std::uint32_t mentions = 0;
    std::uint32_t order = 0;           ///< first-mention order
    /// For a part of a state named with the state's name ("la Russia orientale"): the state's
    /// key. What reaches the part reaches the state; empty for every other entity.
    std::string part_of_state;
};

/// A role phrase tied to a person ("il ministro degli Esteri russo Sergei Lavrov").
struct RoleLink {
    int role = -1;               ///< index into LanguageData::roles
    std::string person;          ///< entity key
    std::string affiliation;     ///< entity key of the state/organisation, or empty
    std::uint32_t sentence = 0;
    ByteSpan role_span;          ///< the role words as written
    ByteSpan affiliation_span;   ///< where the affiliation is named (a demonym, a name), or empty
    bool former = false;         ///< a past role ("the former president"): no relation holds now
};

/// What the descriptions of one agreement in a document say about which agreement it is:
/// its kind and the actors and targets named with it ("le sanzioni dell'ONU contro la
/// Corea del Nord", "the treaty between Russia and North Korea").
struct AgreementFacts {
    std::string kind;               ///< a kind of the language data ("treaty", "sanctions"), or empty
    std::set<std::string> actors;   ///< entity keys of its parties or issuers
    std::set<std::string> targets;  ///< entity keys of what it is aimed at
};

/// What one sentence says about all of its relations: how it is claimed, when, how many.
struct SentenceFacts {
    ClaimStatus status = ClaimStatus::asserted;
    std::string attributed_to;   ///< entity key of the source of a reported claim
    std::string date;            ///< ISO 8601, or empty
    std::string quantity;        ///< "13000 truppe", or empty
};

/// A relation stated in one sentence between two entities, with where the text says it.
/// A span of size 0 means the relation has no such part in the text: co-occurrence has no
/// trigger; a subject carried over from an earlier sentence has no span here.
struct RelationMention {
    std::string subject; ///< entity key
    std::string object;  ///< entity key
    std::string type;    ///< relation name
    std::uint32_t sentence = 0;
    ClaimStatus status = ClaimStatus::asserted;
    std::string attributed_to;
    std::string date;
    std::string quantity;
    std::string role;
    ByteSpan subject_span;
    ByteSpan trigger_span;
    ByteSpan object_span;
};

/// The layers of annotation, each assigned by the stages that declare it.
enum class Layer : std::uint8_t {
    tokens,    ///< doc.sentences, doc.tokens (segmentation)
    headlines, ///< headline
    names,     ///< names (the learned name finder's candidates)
    mentions,  ///< mentions, owner, local_entities
    demonyms,  ///< demonym_of
    roles,     ///< roles, role_tokens
    facts,     ///< facts
    relations, ///< relations, relations_dropped
    resolved,  ///< entities; every key resolved, mentions in text order
};

/// One document and its annotation layers.
struct AnnotatedDocument {
    Document doc;                           ///< original text, tokens, sentences
    DocumentInfo info;
    std::vector<bool> headline;             ///< per sentence: a title-case headline (no name shapes)
    std::vector<NameSpan> names;            ///< the name finder's names, in text order (token spans)
    std::vector<std::string> demonym_of;    ///< per token: id of the state record a demonym names, or empty
    std::vector<Mention> mentions;          ///< in text order once resolved
    std::vector<int> owner;                 ///< per token: index of the mention holding it, or -1
    std::map<std::string, LocalEntity> local_entities; ///< by key
    std::vector<RoleLink> roles;
    std::set<std::uint32_t> role_tokens;    ///< tokens of role words that introduce a named person
    std::map<std::string, AgreementFacts> agreement_facts; ///< by the key of an agreement described in common words
    std::vector<SentenceFacts> facts;       ///< per sentence
    std::vector<RelationMention> relations; ///< in the order the stages emit them
    std::uint32_t relations_dropped = 0;    ///< over the per-sentence limit, left out
    /// One per entity, in first-mention order, with the aliases seen in this document; entities
    /// reached only through a demonym ("le truppe nordcoreane") come last, with no mention.
    std::vector<EntityNode> entities;
    std::uint32_t layers = 0;               ///< bit (1 << Layer) per layer assigned

    bool has(Layer l) const noexcept { return (layers >> static_cast<unsigned>(l)) & 1u; }
    /// The text of a span.
    std::string_view text_of(ByteSpan s) const { return doc.view(s); }
};

} // namespace kg
