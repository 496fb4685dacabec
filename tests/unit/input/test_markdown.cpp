// SPDX-License-Identifier: Apache-2.0
// kg/input/markdown.hpp: YAML front matter is metadata, its bytes a span of the file.
#include "kg/input/markdown.hpp"

#include "kg/error.hpp"

#include <catch2/catch.hpp>

namespace {

kg::Error error_of(const std::string& text) {
    try {
        kg::read_front_matter(text, {}, "a.md");
    } catch (const kg::Error& e) {
        return e;
    }
    FAIL("no error for: " << text);
    return kg::Error(kg::Errc::usage, "");
}

} // namespace

TEST_CASE("markdown: front matter fields and span", "[input][markdown]") {
    const std::string text = "---\n"
                             "title: \"Putin and Kim: a treaty\"\n"
                             "url: https://example.org/a\n"
                             "date: 2024-06-19\n"
                             "source: Example News\n"
                             "authors:\n  - Jane Doe\n  - John Roe\n"
                             "tags: [a, b]\n"
                             "lang: en\n"
                             "---\n"
                             "# Putin and Kim sign a treaty\n\nBody.\n";
    const auto fm = kg::read_front_matter(text, {}, "a.md");
    REQUIRE(fm);
    CHECK(text.substr(fm->span.begin, fm->span.size()).ends_with("lang: en\n---\n"));
    CHECK(text.substr(fm->span.end).starts_with("# Putin"));
    CHECK(fm->record.title == "Putin and Kim: a treaty");
    CHECK(fm->record.url == "https://example.org/a");
    CHECK(fm->record.date == "2024-06-19");
    CHECK(fm->record.outlet == "Example News");
    CHECK(fm->record.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(fm->record.language == "en");
}

TEST_CASE("markdown: no front matter, an empty one, CRLF and a byte-order mark", "[input][markdown]") {
    CHECK_FALSE(kg::read_front_matter("# Title\n\n---\nnot front matter\n---\n", {}, "a.md"));
    CHECK_FALSE(kg::read_front_matter("", {}, "a.md"));
    const auto empty = kg::read_front_matter("---\n---\nText.", {}, "a.md");
    REQUIRE(empty);
    CHECK(empty->span.end == 8);
    const auto crlf = kg::read_front_matter("\xEF\xBB\xBF---\r\ntitle: T\r\n...\r\nText.", {}, "a.md");
    REQUIRE(crlf);
    CHECK(crlf->record.title == "T");
    CHECK(crlf->span.end == 23);
}

TEST_CASE("markdown: bad front matter is an input-record error with its line", "[input][markdown]") {
    kg::Error e = error_of("---\ntitle: T\nauthors: [a, b\n---\nText.");
    CHECK(e.code() == kg::Errc::input_record);
    CHECK(e.file() == "a.md");
    CHECK(e.line() >= 3);
    e = error_of("---\n- a list\n- not a mapping\n---\nText.");
    CHECK(e.line() == 2);
    e = error_of("---\ntitle: T\n\nText that never closes it.\n");
    CHECK(e.line() == 1);
    e = error_of("---\ntitle: T\ndate: someday\n---\nText.");
    CHECK(e.line() == 3);
    CHECK_THAT(std::string(e.what()), Catch::Contains("someday"));
}
