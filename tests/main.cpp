// SPDX-License-Identifier: Apache-2.0
// Catch2 v2's main, compiled once: the header is heavy and the machine has two cores.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
