// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the stage table. The order extraction runs in is written in pipeline.cpp, once.
#include "stage_context.hpp"

#include <string_view>
#include <vector>

namespace kg::detail {

struct Stage {
    std::string_view name;
    std::vector<Layer> needs;
    std::vector<Layer> assigns;
    void (*run)(StageContext&);
    std::string_view does;
};

/// Every stage, in the order they run. Checked once: each requirement is assigned by an
/// earlier stage (or is Layer::tokens, which preparation assigns).
const std::vector<Stage>& pipeline();

/// Run one stage on a document, after checking its requirements; marks what it assigns.
void run_stage(const Stage& stage, StageContext& c);

} // namespace kg::detail
