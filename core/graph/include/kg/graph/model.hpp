#pragma once
// The values a knowledge graph holds: entities (vertices), relations (edges) and the
// evidence behind each relation. Plain data; no extraction or export logic lives here.
#include <compare>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace kg {

/// One real-world referent: a person, state, organisation, agreement, weapon or place.
/// Contract: `id` is stable across runs and inputs (the Wikidata QID when the ontology
/// knows it, else a slug); `aliases` holds every surface form seen, exactly as written,
/// sorted and unique; `documents` holds the ids of the documents that mention it.
struct EntityNode {
    std::string id;       ///< stable identity, e.g. "Q423" or "victor_cha"
    std::string label;    ///< display name (canonical English name when known)
    std::string type;     ///< fine class: Person, State, Organization, Agreement, Weapon, Place
    std::string coarse;   ///< coarse class: Actor, Agreement, Weapon, Place
    std::string wikidata; ///< QID such as "Q423", or empty
    std::set<std::string> aliases;
    std::set<std::string> documents;
    std::uint32_t mentions = 0;
};

/// How sure the source is of a claim. Order matters: a relation seen with several
/// statuses reports the strongest one (asserted > reported > alleged > denied).
enum class ClaimStatus : std::uint8_t { asserted = 0, reported = 1, alleged = 2, denied = 3 };

/// "asserted", "reported", "alleged", "denied".
const char* to_string(ClaimStatus status) noexcept;

/// One sentence that supports a relation. Contract: `text` equals the bytes
/// [begin, end) of the source document `document`, always; `begin` and `end` count bytes of
/// the file as read; `char_begin` and `char_end` are the same bounds counted in Unicode code
/// points from the start of the document (what Web Annotation selectors count), filled in by
/// whoever has the whole text (merge_into), else 0.
struct Evidence {
    std::string document;   ///< document id (the path as given, or "<stdin>")
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::string text;       ///< the sentence, exactly as in the source
    ClaimStatus status = ClaimStatus::asserted;
    std::string attributed_to; ///< entity id of the source a reported claim is attributed to
    std::string date;          ///< ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or empty
    std::string quantity;      ///< e.g. "13000 troops", or empty
    std::string role;          ///< role text behind leader_of/member_of, e.g. "ministro degli Esteri"
    std::uint64_t char_begin = 0; ///< `begin` in code points of the document
    std::uint64_t char_end = 0;   ///< `end` in code points of the document

    friend auto operator<=>(const Evidence&, const Evidence&) = default;
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

/// A typed relation between two entities, aggregated over all the sentences that state it.
/// Contract: `evidence` is sorted and unique, and holds at most the graph's evidence limit
/// (the first ones in that order); `weight()` is the number of distinct sentences, kept or
/// not; for symmetric types the source is the endpoint with the smaller id.
struct RelationEdge {
    std::string type;              ///< predicate, e.g. "signed" or "mentioned_with"
    std::vector<Evidence> evidence;
    std::uint32_t evidence_dropped = 0; ///< sentences counted in the weight but not kept
    std::set<std::string> sources; ///< ids of the documents the evidence comes from
    bool symmetric = false;        ///< undirected in meaning (met, cooperates_with...)

    std::uint32_t weight() const noexcept { return static_cast<std::uint32_t>(evidence.size()) + evidence_dropped; }
    /// Strongest status over the evidence (asserted when there is none).
    ClaimStatus status() const noexcept;
};

/// A document that went into the graph.
struct DocumentInfo {
    std::string id;       ///< the path as given on the command line, or "<stdin>"
    std::string language; ///< ISO 639-1 code: it, en, fr, es, de
    std::uint64_t bytes = 0;
    std::string title;    ///< first non-empty line, trimmed
};

/// Graph-level properties.
struct GraphInfo {
    std::vector<DocumentInfo> documents; ///< in input order
};

} // namespace kg
