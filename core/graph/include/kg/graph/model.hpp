// SPDX-License-Identifier: Apache-2.0
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
    /// Publication dates (DocumentInfo::date) of the earliest and the latest dated article
    /// that mentions it, ISO 8601; empty when no such article has a date.
    std::string first_seen;
    std::string last_seen;

    friend bool operator==(const EntityNode&, const EntityNode&) = default;
};

/// How sure the source is of a claim. Order matters: a relation seen with several
/// statuses reports the strongest one (asserted > reported > alleged > denied).
enum class ClaimStatus : std::uint8_t { asserted = 0, reported = 1, alleged = 2, denied = 3 };

/// "asserted", "reported", "alleged", "denied".
const char* to_string(ClaimStatus status) noexcept;

/// One sentence that supports a relation. Contract: `text` equals the bytes
/// [begin, end) of the text of document `document`, always (the text offsets count in: a
/// plain-text or Markdown file's bytes, a JSON Lines record's decoded text field, an HTML
/// page's extracted text; see DocumentInfo); `begin` and `end` count bytes; `char_begin` and `char_end` are the same bounds counted in Unicode code
/// points from the start of the document (what Web Annotation selectors count), filled in by
/// whoever has the whole text (merge_into), else 0.
struct Evidence {
    std::string document;   ///< the document's stable id (DocumentInfo::id)
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
    std::string reported;         ///< publication date of the document (DocumentInfo::date), or empty

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
    /// Publication dates of the articles that state it (every one, kept as evidence or not):
    /// when it was reported, as opposed to the event dates the sentences give.
    std::set<std::string> reported;
    bool symmetric = false;        ///< undirected in meaning (met, cooperates_with...)

    std::uint32_t weight() const noexcept { return static_cast<std::uint32_t>(evidence.size()) + evidence_dropped; }
    /// Strongest status over the evidence (asserted when there is none).
    ClaimStatus status() const noexcept;
};

/// A document that went into the graph: the record of one article (kg/input/input.hpp
/// reads it from the input's metadata). Contract: `id` is stable across machines, folders
/// and runs: the article's URL when it has one, else "sha256:" and the first 20 hex digits
/// of the SHA-256 of its text — never a local path; every other field but `id`, `language`,
/// `bytes` and `text_sha256` may be empty (nothing is invented).
struct DocumentInfo {
    // The first four in their original order, so that {id, language, bytes, title} still reads.
    std::string id;       ///< stable id: the URL, or "sha256:<20 hex digits>" of the text
    std::string language; ///< ISO 639-1 code: it, en, fr, es, de
    std::uint64_t bytes = 0;  ///< size of the text in bytes
    std::string title;    ///< headline: from the metadata, else the first line of text
    std::string url;      ///< the article's address (canonical URL), or empty
    std::string date;     ///< publication date, ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY), or empty
    std::string outlet;   ///< publisher or site ("Yonhap", "example-news.org"), or empty
    std::vector<std::string> authors; ///< bylines, in the order given
    std::string place;    ///< the dateline's place ("SEOUL"), or empty
    std::string text_sha256;  ///< SHA-256 of the text, 64 lower-case hex digits
    /// Where it was read: the path as given on the command line (a JSON Lines record adds
    /// ":LINE"), or "<stdin>". Not part of the identity: the same article read from two
    /// folders is the same document.
    std::string source_path;
    std::string format;   ///< input format: text, markdown, html, jsonl
    /// The text the offsets count in, when no file or field holds it as is (an HTML page's
    /// extracted text); else empty.
    std::string extracted_text;

    friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

/// Graph-level properties.
struct GraphInfo {
    std::vector<DocumentInfo> documents; ///< in input order
};

} // namespace kg
