// SPDX-License-Identifier: Apache-2.0
// The input readers on arbitrary bytes: the first byte picks the format (JSON Lines, HTML,
// Markdown, plain text), the rest is the file. Only kg::Error may escape, and the contracts
// hold: every article's text is UTF-8 without NUL, its metadata spans lie inside it, its
// record is complete (id, byte count, hash), and nothing read is ever longer than the limit.
#include "kg/base/utf8.hpp"
#include "kg/error.hpp"
#include "kg/input/input.hpp"
#include "fuzz_check.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

using kg::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* names[] = {"feed.jsonl", "page.html", "article.md", "article.txt"};
    static const std::string dir = [] {
        char pattern[] = "/tmp/kg-fuzz-input-XXXXXX";
        const char* d = ::mkdtemp(pattern);
        check(d != nullptr, "mkdtemp");
        return std::string(d);
    }();
    const std::string path = dir + "/" + names[data[0] % 4];
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data + 1, 1, size - 1, f);
        std::fclose(f);
    } else {
        return 0;
    }
    kg::InputOptions options;
    options.limits.max_document_bytes = 4096;
    std::vector<kg::InputProblem> problems;
    std::vector<kg::InputUnit> units = kg::list_units({{path, false}}, options, problems);
    for (const auto& p : problems) check(!p.error.message().empty(), "a problem without a message");
    for (kg::InputUnit& u : units) {
        kg::Article a;
        try {
            a = kg::read_article(u, options);
        } catch (const kg::Error&) {
            continue;
        }
        check(!kg::find_invalid_utf8(a.text) && !kg::find_nul(a.text), "an article's text is not UTF-8 without NUL");
        check(a.text.size() <= options.limits.max_document_bytes || u.format == kg::InputFormat::html, "a text over the limit");
        for (const auto& m : a.metadata) check(m.begin <= m.end && m.end <= a.text.size(), "a metadata span outside the text");
        check(!a.record.id.empty() && a.record.bytes == a.text.size() && a.record.text_sha256.size() == 64, "an incomplete record");
        check(!kg::find_invalid_utf8(a.record.title) && !kg::find_invalid_utf8(a.record.url), "a record field is not UTF-8");
    }
    return 0;
}
