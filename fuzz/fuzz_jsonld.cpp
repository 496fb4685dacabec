// SPDX-License-Identifier: Apache-2.0
// JSON-LD writer on a graph made of fuzz bytes: it either refuses with kg::Error or writes
// valid JSON (RapidJSON parse with UTF-8 validation) whose top level is an object holding
// "@context" and "@graph".
#include "fuzz_graph.hpp"

#include "kg/error.hpp"
#include "kg/export/jsonld.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    kg::JsonldOptions options;
    options.pretty = in.ConsumeBool();
    options.include_vocabulary = in.ConsumeBool();
    options.replace_invalid_utf8 = in.ConsumeBool();
    options.warn = [](const std::string&) {};
    if (in.ConsumeBool()) options.base_iri = in.ConsumeRandomLengthString(40);
    const kg::KnowledgeGraph g = kg::fuzz::graph_from(in);
    std::ostringstream out;
    try {
        kg::write_jsonld(g, out, options);
    } catch (const kg::Error&) {
        return 0;
    }
    const std::string json = out.str();
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("@context") || !doc.HasMember("@graph")) {
        std::fprintf(stderr, "JSON-LD is not valid JSON: %s at %zu\n--- output ---\n%s\n",
                     doc.HasParseError() ? rapidjson::GetParseError_En(doc.GetParseError()) : "bad shape",
                     doc.GetErrorOffset(), json.c_str());
        std::abort();
    }
    return 0;
}
