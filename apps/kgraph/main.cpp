// SPDX-License-Identifier: Apache-2.0
// kgraph: the command-line program, the one place that wires the stages together:
// read inputs -> extract (in parallel, one document per task) -> merge in input order ->
// write each requested format atomically.
#include "cli.hpp"

#include <iostream>

int main(int argc, char** argv) {
    try {
        return kg::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "kgraph: " << e.what() << '\n';
        return 2;
    }
}
