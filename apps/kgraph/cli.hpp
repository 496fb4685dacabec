// SPDX-License-Identifier: Apache-2.0
#pragma once
namespace kg::cli {
/// Run the program; returns the exit status (0 success, 1 some documents failed, 2 usage
/// error or nothing built).
int run(int argc, char** argv);
} // namespace kg::cli
