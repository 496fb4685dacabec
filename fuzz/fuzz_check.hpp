// SPDX-License-Identifier: Apache-2.0
#pragma once
// A broken contract in a fuzz target: say which one and abort, so that libFuzzer keeps the
// input as a crash.
#include <cstdio>
#include <cstdlib>

namespace kg::fuzz {

inline void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "contract broken: %s\n", what);
        std::abort();
    }
}

} // namespace kg::fuzz
