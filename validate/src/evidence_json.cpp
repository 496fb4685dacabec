// SPDX-License-Identifier: Apache-2.0
#include "evidence_json.hpp"

#include <rapidjson/document.h>

namespace kg::detail {

std::vector<EvidenceFacts> evidence_from_json(const std::string& json, std::uint64_t line, const std::string& owner,
                                              Reporter& report) {
    std::vector<EvidenceFacts> out;
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError() || !d.IsArray()) {
        report(line, owner + ": evidence is not a JSON array");
        return out;
    }
    for (const auto& v : d.GetArray()) {
        EvidenceFacts ev;
        ev.line = line;
        if (v.IsObject()) {
            if (v.HasMember("document") && v["document"].IsString()) ev.document = v["document"].GetString();
            if (v.HasMember("begin") && v["begin"].IsInt64()) ev.begin = v["begin"].GetInt64();
            if (v.HasMember("end") && v["end"].IsInt64()) ev.end = v["end"].GetInt64();
            if (v.HasMember("text") && v["text"].IsString()) {
                ev.has_text = true;
                ev.text.assign(v["text"].GetString(), v["text"].GetStringLength());
            }
        }
        out.push_back(std::move(ev));
    }
    return out;
}

} // namespace kg::detail
