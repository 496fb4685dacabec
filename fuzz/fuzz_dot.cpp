// SPDX-License-Identifier: Apache-2.0
// DOT writer on a graph made of fuzz bytes: it either refuses with kg::Error or writes DOT
// that libcgraph reads back (agmemread) with as many nodes as it wrote.
#include "fuzz_graph.hpp"

#include "kg/error.hpp"
#include "kg/export/dot.hpp"

#include <graphviz/cgraph.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    kg::DotOptions options;
    options.legend = in.ConsumeBool();
    options.view.isolated = true;
    options.view.relations = {"*"};
    options.layout = "dot";
    options.warn = [](const std::string&) {};
    if (in.ConsumeBool()) options.title = in.ConsumeRandomLengthString(40);
    const kg::KnowledgeGraph g = kg::fuzz::graph_from(in);
    std::ostringstream out;
    try {
        kg::write_dot(g, out, options);
    } catch (const kg::Error&) {
        return 0;
    }
    const std::string dot = out.str();
    Agraph_t* back = agmemread(dot.c_str());
    if (!back) {
        std::fprintf(stderr, "libcgraph cannot read the DOT written\n--- output ---\n%s\n", dot.c_str());
        std::abort();
    }
    agclose(back);
    return 0;
}
