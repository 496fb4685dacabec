// SPDX-License-Identifier: Apache-2.0
#pragma once
// Partial graphs: what extraction found in a share of a batch's documents, written by one
// process (`kgraph extract --shard I/N`) and merged by another (`kgraph merge`), so that a
// corpus can be read on many machines and still give the graph of one run, byte for byte.
//
// Format card (JSON Lines, UTF-8, one JSON object per line, no pretty-printing):
//   line 1, the header: {"format": "kgraph-partial", "version": 1, "producer": "kgraph X.Y",
//     "inputs": N, "inputs_sha256": H} — N units in the batch's listing and the SHA-256 of
//     their locations (see inputs_fingerprint), so that partials of different listings or
//     builds are never merged;
//   then one line per document, in ascending "order" (its index in the listing):
//     {"order": i, "info": {DocumentInfo's fields}, "entities": [{EntityNode's fields}],
//      "sentences": [[begin, end, char_begin, char_end, text], ...],
//      "relations": [[subject, object, type, symmetric 0/1, sentence index, status 0-3,
//                     attributed_to, date, quantity, role], ...]}
//   Each sentence a relation cites is written once per document. A relation's evidence is
//   its sentence, its document is the document's id and its reported date the document's.
// Merging is a union by order: associative and indifferent to argument order, so any
// grouping of partials merges to the same partial, and folding it in order gives the graph
// of one run over the same listing.
#include "kg/extract/contribution.hpp"
#include "kg/input/input.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace kg {

/// One document of a partial graph: its index in the batch's listing and its contribution.
struct PartialDocument {
    std::uint64_t order = 0;
    DocumentContribution contribution;

    friend bool operator==(const PartialDocument&, const PartialDocument&) = default;
};

/// A partial graph. Contract: `documents` are in ascending, unique `order`, each below
/// `inputs`.
struct PartialGraph {
    std::string producer;      ///< the program that extracted it, e.g. "kgraph 0.9.0"
    std::uint64_t inputs = 0;  ///< units in the batch's listing
    std::string inputs_sha256; ///< inputs_fingerprint of that listing
    std::vector<PartialDocument> documents;

    friend bool operator==(const PartialGraph&, const PartialGraph&) = default;
};

/// The SHA-256 (64 hex digits) of the units' locations (InputUnit::where), one per line in
/// listing order: two runs over the same inputs agree on it, and on each unit's order.
std::string inputs_fingerprint(const std::vector<InputUnit>& units);

/// Which of `shards` shards the unit of listing index `order` belongs to: order mod shards,
/// so that long and short articles spread evenly and a shard's share never depends on
/// what the others read.
inline std::uint64_t shard_of(std::uint64_t order, std::uint64_t shards) { return order % shards; }

/// Write `partial` in the format above. Throws Errc::export_error for a graph that breaks
/// the contract (an order out of sequence, an evidence of another document).
void write_partial(std::ostream& out, const PartialGraph& partial);

/// Read a partial graph; `name` is the file named in errors. Throws Errc::partial_format
/// naming the file and line for anything that is not the format above.
PartialGraph read_partial(std::istream& in, const std::string& name);

/// The union of partial graphs of one listing, in any number and order. Throws
/// Errc::partial_format, naming the files (`names`, one per partial), when their producers
/// or listings differ or when one document is in two of them.
PartialGraph merge_partials(std::vector<PartialGraph> partials, const std::vector<std::string>& names);

} // namespace kg
