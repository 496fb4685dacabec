// SPDX-License-Identifier: Apache-2.0
// kg/build/batch.hpp: input units read and extracted on N threads, handed over in input
// order, one unit's failure its own outcome, each article once.
#include "kg/build/batch.hpp"

#include "kg/ontology/ontology.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

const kg::Ontology& ontology() {
    static const kg::Ontology onto = kg::load_ontology({KG_ONTOLOGY_DIR});
    return onto;
}

} // namespace

TEST_CASE("batch: outcomes come in input order, whatever the threads", "[build][batch]") {
    kg::test::TempDir tmp;
    std::vector<std::string> paths;
    for (int i = 0; i < 40; ++i) {
        // Long and short documents mixed, so threads finish out of order.
        std::string text = i % 3 == 0 ? std::string(2000, ' ') : "";
        for (int k = 0; k < (i % 5) * 20 + 1; ++k) text += "Vladimir Putin met Kim Jong Un in Pyongyang. ";
        paths.push_back(tmp.write("d" + std::to_string(100 + i) + ".txt", text + "Document " + std::to_string(i) + "."));
    }
    paths.push_back(tmp.write("bad.txt", "caf\xe9\n"));
    const kg::Extractor extractor(ontology());
    for (unsigned jobs : {1u, 2u, 7u}) {
        kg::BatchOptions options;
        options.jobs = jobs;
        std::vector<kg::InputProblem> problems;
        std::vector<kg::InputUnit> inputs = kg::list_inputs(paths, options.input, problems);
        REQUIRE(problems.empty());
        kg::BatchTimes times;
        std::vector<std::size_t> seen;
        std::vector<std::string> ids;
        kg::extract_batch(inputs, extractor, options, times, [&](std::size_t i, kg::DocumentOutcome&& r) {
            seen.push_back(i);
            if (auto* x = std::get_if<kg::AnnotatedDocument>(&r)) ids.push_back(x->info.source_path);
            else ids.push_back("error:" + std::string(kg::errc_name(std::get<kg::Error>(r).code())));
        });
        REQUIRE(seen.size() == inputs.size());
        for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
        CHECK(ids.back() == "error:invalid-utf8");
        CHECK(ids.front() == paths.front());
    }
}

TEST_CASE("batch: an article is built once, the first time, later copies are duplicates naming it", "[build][batch]") {
    kg::test::TempDir tmp;
    const std::string text = "Vladimir Putin met Kim Jong Un in Pyongyang.";
    const std::vector<std::string> paths = {
        tmp.write("a.txt", text), tmp.write("b.txt", "Sergei Lavrov visited Wonsan."),
        tmp.write("copy.txt", text), // the same text as a.txt
        tmp.write("feed.jsonl", "{\"url\": \"https://example.org/x\", \"text\": \"Kim Jong Un met Sergei Shoigu.\"}\n"
                                "{\"url\": \"https://EXAMPLE.org/x#top\", \"text\": \"Another text, the same URL.\"}\n")};
    const kg::Extractor extractor(ontology());
    for (unsigned jobs : {1u, 3u}) {
        kg::BatchOptions options;
        options.jobs = jobs;
        std::vector<kg::InputProblem> problems;
        std::vector<kg::InputUnit> inputs = kg::list_inputs(paths, options.input, problems);
        REQUIRE(inputs.size() == 5);
        kg::BatchTimes times;
        std::vector<std::string> outcome;
        kg::extract_batch(inputs, extractor, options, times, [&](std::size_t, kg::DocumentOutcome&& r) {
            if (auto* e = std::get_if<kg::Error>(&r)) {
                CHECK(e->code() == kg::Errc::duplicate_document);
                outcome.push_back(e->message());
            } else {
                outcome.push_back("built");
            }
        });
        REQUIRE(outcome.size() == 5);
        CHECK(outcome[0] == "built");
        CHECK(outcome[1] == "built");
        CHECK_THAT(outcome[2], Catch::Contains("a.txt") && Catch::Contains("the same text"));
        CHECK(outcome[3] == "built");
        CHECK_THAT(outcome[4], Catch::Contains("feed.jsonl:1") && Catch::Contains("the same URL"));
    }
}

TEST_CASE("batch: a failure in the consumer stops the workers and comes back", "[build][batch]") {
    kg::test::TempDir tmp;
    std::vector<std::string> paths;
    for (int i = 0; i < 30; ++i) paths.push_back(tmp.write("d" + std::to_string(i) + ".txt", "Putin met Kim " + std::to_string(i) + "."));
    const kg::Extractor extractor(ontology());
    kg::BatchOptions options;
    options.jobs = 3;
    std::vector<kg::InputProblem> problems;
    std::vector<kg::InputUnit> inputs = kg::list_inputs(paths, options.input, problems);
    kg::BatchTimes times;
    CHECK_THROWS_AS(kg::extract_batch(inputs, extractor, options, times, [&](std::size_t i, kg::DocumentOutcome&&) {
                        if (i == 5) throw std::runtime_error("merge failed");
                    }),
                    std::runtime_error);
}

TEST_CASE("batch: the size limit refuses a document and the others are built", "[build][batch]") {
    kg::test::TempDir tmp;
    const std::vector<std::string> paths = {tmp.write("small.txt", "Putin met Kim."), tmp.write("large.txt", std::string(5000, 'a'))};
    const kg::Extractor extractor(ontology());
    kg::BatchOptions options;
    options.input.limits.max_document_bytes = 1000;
    std::vector<kg::InputProblem> problems;
    std::vector<kg::InputUnit> inputs = kg::list_inputs(paths, options.input, problems);
    kg::BatchTimes times;
    std::vector<bool> built;
    kg::extract_batch(inputs, extractor, options, times,
                      [&](std::size_t, kg::DocumentOutcome&& r) { built.push_back(std::holds_alternative<kg::AnnotatedDocument>(r)); });
    CHECK(built == std::vector<bool>{true, false});
}
