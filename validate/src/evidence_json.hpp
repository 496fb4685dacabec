// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "contract.hpp"

namespace kg::detail {

/// The evidence records of a GraphML or GEXF value: a JSON array of {document, begin, end,
/// text, ...}. A value that is not such an array is one problem, named after `owner`.
std::vector<EvidenceFacts> evidence_from_json(const std::string& json, std::uint64_t line, const std::string& owner,
                                              Reporter& report);

} // namespace kg::detail
