// SPDX-License-Identifier: Apache-2.0
// kg/input/input.hpp: inputs become units, one per article, each with its text and record;
// bad JSON Lines records are problems with file and line, the others are read.
#include "kg/input/input.hpp"

#include "kg/error.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

std::vector<kg::InputUnit> units_of(const std::vector<std::string>& paths, std::vector<kg::InputProblem>& problems,
                                    const kg::InputOptions& options = {}) {
    std::vector<kg::InputSource> sources;
    for (const auto& p : paths) sources.push_back({p, false});
    return kg::list_units(sources, options, problems);
}

} // namespace

TEST_CASE("input: formats by extension and by name", "[input]") {
    CHECK(kg::format_of_path("a/b.txt") == kg::InputFormat::text);
    CHECK(kg::format_of_path("a/b.MD") == kg::InputFormat::markdown);
    CHECK(kg::format_of_path("b.markdown") == kg::InputFormat::markdown);
    CHECK(kg::format_of_path("b.htm") == kg::InputFormat::html);
    CHECK(kg::format_of_path("b.jsonl") == kg::InputFormat::jsonl);
    CHECK(kg::format_of_path("b.json") == kg::InputFormat::jsonl);
    CHECK(kg::format_of_path("b.ndjson") == kg::InputFormat::jsonl);
    CHECK(kg::format_of_path("dir.d/noext") == kg::InputFormat::text);
    CHECK(kg::parse_input_format("md") == kg::InputFormat::markdown);
    CHECK(kg::parse_input_format("auto") == kg::InputFormat::automatic);
    CHECK_FALSE(kg::parse_input_format("pdf"));
    for (auto f : {kg::InputFormat::text, kg::InputFormat::markdown, kg::InputFormat::html, kg::InputFormat::jsonl})
        CHECK(kg::parse_input_format(kg::to_string(f)) == f);
}

TEST_CASE("input: a JSON Lines file is one unit per record, bad records are problems with their line", "[input][jsonl]") {
    kg::test::TempDir tmp;
    const std::string text = "Vladimir Putin met Kim Jong Un in Pyongyang. \xE2\x80\x9CIt is historic,\xE2\x80\x9D he said.";
    const std::string path = tmp.write("feed.jsonl",
        "{\"url\": \"https://example.org/a\", \"title\": \"A\", \"maintext\": \"Vladimir Putin met Kim Jong Un in Pyongyang. "
        "\\u201cIt is historic,\\u201d he said.\", \"date_publish\": \"2024-06-19 10:00:00\", \"source_domain\": \"example.org\", "
        "\"authors\": [\"Jane Doe\"], \"language\": \"en\"}\n"
        "\n"                                                      // 2: blank, skipped
        "{\"text\": \"No URL here.\", \"date\": null}\n"          // 3: null is absent
        "{\"text\": \"x\", \"date\": \"tomorrow\"}\n"             // 4: bad date
        "{\"title\": \"no text\"}\n"                              // 5
        "{\"text\": \"a\\u0000b\"}\n"                             // 6: NUL
        "{\"text\": \"ok\"} trailing\n"                           // 7: not one value
        "[1, 2]\n"                                                // 8: not an object
        "{\"text\": \"   \"}\n"                                   // 9: empty text
        "{\"text\": \"Last one.\", \"authors\": \"Ann Poe; Bo Li\"}"); // 10, no final newline
    std::vector<kg::InputProblem> problems;
    auto units = units_of({path}, problems);
    REQUIRE(units.size() == 3);
    CHECK(units[0].line == 1);
    CHECK(units[0].where() == path + ":1");
    CHECK(units[1].line == 3);
    CHECK(units[2].line == 10);
    REQUIRE(problems.size() == 6);
    const std::vector<std::int64_t> lines = {4, 5, 6, 7, 8, 9};
    for (std::size_t k = 0; k < problems.size(); ++k) {
        INFO(problems[k].error.what());
        CHECK(problems[k].error.code() == kg::Errc::input_record);
        CHECK(problems[k].error.file() == path);
        CHECK(problems[k].error.line() == lines[k]);
    }
    const kg::Article a = kg::read_article(units[0], {});
    CHECK(a.text == text); // the decoded text field: the text offsets count in
    CHECK(a.record.id == "https://example.org/a");
    CHECK(a.record.title == "A");
    CHECK(a.record.date == "2024-06-19");
    CHECK(a.record.outlet == "example.org");
    CHECK(a.record.authors == std::vector<std::string>{"Jane Doe"});
    CHECK(a.record.language == "en");
    CHECK(a.record.format == "jsonl");
    CHECK(a.record.source_path == path + ":1");
    CHECK(a.record.bytes == text.size());
    CHECK_FALSE(units[0].article); // moved out
    CHECK(kg::read_article(units[1], {}).record.id.starts_with("sha256:"));
    CHECK(kg::read_article(units[2], {}).record.authors == std::vector<std::string>{"Ann Poe", "Bo Li"});
}

TEST_CASE("input: a JSON array of articles, each element with its line", "[input][jsonl]") {
    kg::test::TempDir tmp;
    const std::string path = tmp.write("feed.json", "[\n  {\"text\": \"One.\"},\n  {\"title\": \"none\"},\n  {\"text\": \"Three.\"}\n]\n");
    std::vector<kg::InputProblem> problems;
    auto units = units_of({path}, problems);
    REQUIRE(units.size() == 2);
    CHECK(units[0].line == 2);
    CHECK(units[1].line == 4);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].error.line() == 3);
    const std::string broken = tmp.write("broken.json", "[{\"text\": \"One.\"},\n {\"text\": oops}, {\"text\": \"Three.\"}]");
    problems.clear();
    units = units_of({broken}, problems);
    CHECK(units.size() == 1); // nothing after a syntax error can be placed
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].error.line() == 2);
}

TEST_CASE("input: each record is bounded like a document, the file by max_input_bytes", "[input][jsonl]") {
    kg::test::TempDir tmp;
    const std::string path = tmp.write("feed.jsonl", "{\"text\": \"" + std::string(2000, 'a') + "\"}\n{\"text\": \"short\"}\n");
    kg::InputOptions options;
    options.limits.max_document_bytes = 1000;
    std::vector<kg::InputProblem> problems;
    auto units = units_of({path}, problems, options);
    CHECK(units.size() == 1);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].error.line() == 1);
    options.limits.max_input_bytes = 100;
    problems.clear();
    units = units_of({path}, problems, options);
    CHECK(units.empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].error.code() == kg::Errc::io_error);
}

TEST_CASE("input: one-article files are listed, then read in their format", "[input]") {
    kg::test::TempDir tmp;
    const std::string md = tmp.write("a.md", "---\ntitle: The title\nurl: https://example.org/md\n---\n# Heading\n\nKim met Putin.\n");
    const std::string txt = tmp.write("b.txt", "Headline\n\nKim met Putin.\n");
    const std::string html = tmp.write("c.html", "<html><body><article><h1>H</h1><p>Kim met Putin in Pyongyang on a rainy day.</p></article></body></html>");
    std::vector<kg::InputProblem> problems;
    auto units = units_of({md, txt, html}, problems);
    REQUIRE(units.size() == 3);
    CHECK_FALSE(units[0].article); // not read while listing
    const kg::Article a = kg::read_article(units[0], {});
    CHECK(a.text.starts_with("---\n")); // the file's bytes: offsets are file offsets
    REQUIRE(a.metadata.size() == 1);
    CHECK(a.text.substr(a.metadata[0].end).starts_with("# Heading"));
    CHECK(a.record.title == "The title");
    CHECK(a.record.id == "https://example.org/md");
    CHECK(a.record.format == "markdown");
    const kg::Article b = kg::read_article(units[1], {});
    CHECK(b.text == "Headline\n\nKim met Putin.\n");
    CHECK(b.record.title.empty()); // the extractor takes the first line
    CHECK(b.record.format == "text");
    const kg::Article c = kg::read_article(units[2], {});
    CHECK(c.text == "H\n\nKim met Putin in Pyongyang on a rainy day.");
    CHECK(c.record.extracted_text == c.text);
    CHECK(c.record.format == "html");
    // One format for all: --input-format text reads the page as text.
    kg::InputOptions as_text;
    as_text.format = kg::InputFormat::text;
    auto forced = units_of({html}, problems, as_text);
    CHECK(kg::read_article(forced[0], as_text).text.starts_with("<html>"));
}

TEST_CASE("input: a record nested a million levels deep is a problem, not a crash", "[input][jsonl]") {
    kg::test::TempDir tmp;
    const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    const std::string path = tmp.write("deep.jsonl", "{\"text\": \"Kim met Putin.\", \"x\": " + deep + "}\n" + deep + "\n" +
                                                         std::string(1000000, '{') + "\n{\"text\": \"Last.\"}\n");
    std::vector<kg::InputProblem> problems;
    const auto units = units_of({path}, problems);
    CHECK(units.size() == 2);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].error.line() == 2);
    CHECK(problems[1].error.line() == 3);
    const std::string array = tmp.write("deep.json", "[" + deep + "]");
    problems.clear();
    CHECK(units_of({array}, problems).empty());
    CHECK(problems.size() == 1);
}
