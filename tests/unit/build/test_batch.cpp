// kg/build/batch.hpp: inputs read and extracted on N threads, handed over in input order,
// one input's failure its own outcome.
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
    std::vector<kg::InputSource> inputs;
    for (int i = 0; i < 40; ++i) {
        // Long and short documents mixed, so threads finish out of order.
        std::string text = i % 3 == 0 ? std::string(2000, ' ') : "";
        for (int k = 0; k < (i % 5) * 20 + 1; ++k) text += "Vladimir Putin met Kim Jong Un in Pyongyang. ";
        inputs.push_back({tmp.write("d" + std::to_string(100 + i) + ".txt", text), false});
    }
    inputs.push_back({tmp.write("bad.txt", "caf\xe9\n"), false});
    const kg::Extractor extractor(ontology());
    for (unsigned jobs : {1u, 2u, 7u}) {
        kg::BatchOptions options;
        options.jobs = jobs;
        kg::BatchTimes times;
        std::vector<std::size_t> seen;
        std::vector<std::string> ids;
        kg::extract_batch(inputs, extractor, options, times, [&](std::size_t i, kg::DocumentOutcome&& r) {
            seen.push_back(i);
            if (auto* x = std::get_if<kg::AnnotatedDocument>(&r)) ids.push_back(x->info.id);
            else ids.push_back("error:" + std::string(kg::errc_name(std::get<kg::Error>(r).code())));
        });
        REQUIRE(seen.size() == inputs.size());
        for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
        CHECK(ids.back() == "error:invalid-utf8");
        CHECK(ids.front() == inputs.front().path);
    }
}

TEST_CASE("batch: a failure in the consumer stops the workers and comes back", "[build][batch]") {
    kg::test::TempDir tmp;
    std::vector<kg::InputSource> inputs;
    for (int i = 0; i < 30; ++i) inputs.push_back({tmp.write("d" + std::to_string(i) + ".txt", "Putin met Kim."), false});
    const kg::Extractor extractor(ontology());
    kg::BatchOptions options;
    options.jobs = 3;
    kg::BatchTimes times;
    CHECK_THROWS_AS(kg::extract_batch(inputs, extractor, options, times, [&](std::size_t i, kg::DocumentOutcome&&) {
                        if (i == 5) throw std::runtime_error("merge failed");
                    }),
                    std::runtime_error);
}

TEST_CASE("batch: the size limit refuses a document and the others are built", "[build][batch]") {
    kg::test::TempDir tmp;
    std::vector<kg::InputSource> inputs = {{tmp.write("small.txt", "Putin met Kim."), false},
                                           {tmp.write("large.txt", std::string(5000, 'a')), false}};
    const kg::Extractor extractor(ontology());
    kg::BatchOptions options;
    options.limits.max_document_bytes = 1000;
    kg::BatchTimes times;
    std::vector<bool> built;
    kg::extract_batch(inputs, extractor, options, times,
                      [&](std::size_t, kg::DocumentOutcome&& r) { built.push_back(std::holds_alternative<kg::AnnotatedDocument>(r)); });
    CHECK(built == std::vector<bool>{true, false});
}
