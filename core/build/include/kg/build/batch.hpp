// SPDX-License-Identifier: Apache-2.0
#pragma once
// The batch loop: inputs -> read -> extract (on N threads) -> handed over in input order.
// Used by the command line, the benchmarks and the fuzzers alike.
#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/input/input.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <variant>
#include <vector>

namespace kg {

/// What became of one input unit: its extraction, or the error that stopped it
/// (Errc::duplicate_document for an article already built).
using DocumentOutcome = std::variant<AnnotatedDocument, Error>;

/// Time spent reading and extracting, summed over the threads that did it.
struct BatchTimes {
    std::atomic<std::int64_t> read_ns{0};
    std::atomic<std::int64_t> extract_ns{0};
};

struct BatchOptions {
    unsigned jobs = 1;            ///< extraction threads (1: on the calling thread)
    std::string language = "auto"; ///< forced document language, or "auto"
    InputOptions input;           ///< formats, JSON field names and the bounds on each input
};

/// The file extensions a folder is searched for (.txt, .md, .markdown, .html, .htm, .jsonl,
/// .ndjson; a .json file is read only when named).
const std::vector<std::string>& input_extensions();

/// The units of a batch (kg/input/input.hpp): files as given, folders searched for
/// input_extensions(), "-" for standard input (a problem instead when standard input was
/// closed at start); the records of JSON Lines files, each a unit, bad ones problems.
std::vector<InputUnit> list_inputs(std::vector<std::string> paths, const InputOptions& options,
                                   std::vector<InputProblem>& problems, bool stdin_closed = false);

/// Read and extract every unit, on `options.jobs` threads, and hand each outcome to
/// `consume` on the calling thread strictly in unit order, keeping at most 8 finished
/// documents per thread waiting. One unit's failure (unreadable, too large, invalid
/// UTF-8, out of memory while extracting it) is its outcome and never stops the batch. An
/// article already handed over — the same id (URL) or the same text — is handed over as
/// Errc::duplicate_document naming the first, so each article is built once. Articles read
/// while listing are moved out of `units`. Throws kg::Error(resource_exhausted) if no worker
/// thread can be started (the threads already started are stopped and joined first); an
/// exception from `consume` stops the batch the same way and is rethrown.
void extract_batch(std::vector<InputUnit>& units, const Extractor& extractor, const BatchOptions& options,
                   BatchTimes& times, const std::function<void(std::size_t, DocumentOutcome&&)>& consume);

} // namespace kg
