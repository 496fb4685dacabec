// SPDX-License-Identifier: Apache-2.0
// GraphML writer on a graph made of fuzz bytes: it either refuses with kg::Error
// (forbidden_character: XML cannot hold the text) or writes well-formed XML, checked by
// libxml2's parser (the same parser xmllint uses).
#include "fuzz_graph.hpp"

#include "kg/error.hpp"
#include "kg/export/graphml.hpp"

#include <libxml/parser.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace {
void silent(void*, const char*, ...) {}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool init = [] {
        xmlInitParser();
        xmlSetGenericErrorFunc(nullptr, silent);
        return true;
    }();
    (void)init;
    FuzzedDataProvider in(data, size);
    kg::GraphmlOptions options;
    options.plain = in.ConsumeBool();
    options.drop_forbidden = in.ConsumeBool();
    options.warn = [](const std::string&) {};
    const kg::KnowledgeGraph g = kg::fuzz::graph_from(in);
    std::ostringstream out;
    try {
        kg::write_graphml(g, out, options);
    } catch (const kg::Error& e) {
        if (options.drop_forbidden && e.code() == kg::Errc::forbidden_character) {
            std::fprintf(stderr, "drop_forbidden is set, yet: %s\n", e.what());
            std::abort();
        }
        return 0;
    }
    const std::string xml = out.str();
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "graph.graphml", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc) {
        const xmlError* err = xmlGetLastError();
        std::fprintf(stderr, "GraphML is not well-formed XML: line %d: %s\n--- output ---\n%s\n",
                     err ? err->line : 0, err && err->message ? err->message : "?", xml.c_str());
        std::abort();
    }
    xmlFreeDoc(doc);
    return 0;
}
