// SPDX-License-Identifier: Apache-2.0
#include "kg/build/partial.hpp"

#include "kg/error.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

kg::PartialDocument document(std::uint64_t order, const std::string& id) {
    kg::PartialDocument d;
    d.order = order;
    kg::DocumentContribution& c = d.contribution;
    c.info.id = id;
    c.info.language = "en";
    c.info.date = "2024-06-19";
    c.info.text_sha256 = std::string(64, 'a');
    c.info.authors = {"A. Writer", "B. \"Quoted\" Writer"};
    const std::string text = "Russia signed the treaty with North Korea. Kim met Putin.";
    c.info.bytes = text.size();
    for (const char* e : {"Q159", "Q423", "treaty"}) {
        kg::EntityNode n;
        n.id = e;
        n.label = e;
        n.type = "State";
        n.coarse = "Actor";
        n.aliases = {e, std::string(e) + "\xC3\xA9"};
        n.documents = {id};
        n.mentions = 2;
        n.first_seen = n.last_seen = "2024-06-19";
        c.entities.push_back(n);
    }
    auto relation = [&](const char* s, const char* o, const char* type, std::uint64_t b, std::uint64_t e) {
        kg::ContributedRelation r;
        r.subject = s;
        r.object = o;
        r.type = type;
        r.symmetric = std::string(type) == "met";
        r.evidence.document = id;
        r.evidence.reported = "2024-06-19";
        r.evidence.begin = b;
        r.evidence.end = e;
        r.evidence.char_begin = b;
        r.evidence.char_end = e;
        r.evidence.text = text.substr(b, e - b);
        r.evidence.status = kg::ClaimStatus::reported;
        r.evidence.attributed_to = "Q423";
        r.evidence.date = "2024";
        r.evidence.role = "leader";
        c.relations.push_back(r);
    };
    relation("Q159", "treaty", "signed", 0, 42);
    relation("Q159", "Q423", "mentioned_with", 0, 42); // the same sentence, written once
    relation("Q423", "Q159", "met", 43, 57);
    return d;
}

kg::PartialGraph partial(std::vector<std::uint64_t> orders) {
    kg::PartialGraph p;
    p.producer = "kgraph test";
    p.inputs = 10;
    p.inputs_sha256 = std::string(64, 'f');
    for (std::uint64_t o : orders) p.documents.push_back(document(o, "doc-" + std::to_string(o)));
    return p;
}

std::string text_of(const kg::PartialGraph& p) {
    std::ostringstream out;
    kg::write_partial(out, p);
    return out.str();
}

kg::PartialGraph read(const std::string& text, const std::string& name = "p.kgp") {
    std::istringstream in(text);
    return kg::read_partial(in, name);
}

} // namespace

TEST_CASE("partial: what is written reads back equal, one line per document", "[partial]") {
    const kg::PartialGraph p = partial({1, 4, 7});
    const std::string text = text_of(p);
    CHECK(std::count(text.begin(), text.end(), '\n') == 4);
    CHECK(read(text) == p);
    CHECK(text_of(read(text)) == text);
    // Each cited sentence once per document.
    const std::size_t start = text.find('\n') + 1;
    const std::string line = text.substr(start, text.find('\n', start) - start);
    CHECK(line.find("\"order\":1,") == 1);
    CHECK(line.find("Russia signed the treaty") == line.rfind("Russia signed the treaty"));
}

TEST_CASE("partial: merging is a union by order, whatever the grouping and the argument order", "[partial]") {
    const kg::PartialGraph a = partial({0, 3, 6, 9}), b = partial({1, 4, 7}), c = partial({2, 5, 8});
    const std::vector<std::string> names = {"a", "b", "c"};
    const kg::PartialGraph all = kg::merge_partials({a, b, c}, names);
    REQUIRE(all.documents.size() == 10);
    for (std::uint64_t i = 0; i < 10; ++i) CHECK(all.documents[i].order == i);
    CHECK(kg::merge_partials({c, a, b}, names) == all);
    CHECK(kg::merge_partials({kg::merge_partials({a, b}, names), c}, names) == all);
    CHECK(kg::merge_partials({a, kg::merge_partials({c, b}, names)}, names) == all);
    CHECK(text_of(kg::merge_partials({b, c, a}, names)) == text_of(all));
}

TEST_CASE("partial: shards take every N-th input", "[partial]") {
    std::vector<int> count(3, 0);
    for (std::uint64_t i = 0; i < 30; ++i) ++count[kg::shard_of(i, 3)];
    CHECK(count == std::vector<int>{10, 10, 10});
    CHECK(kg::shard_of(7, 1) == 0);
}

TEST_CASE("partial: merging refuses other listings, other producers and a document twice", "[partial]") {
    kg::PartialGraph a = partial({0}), b = partial({1});
    b.inputs_sha256 = std::string(64, 'e');
    CHECK_THROWS_WITH(kg::merge_partials({a, b}, {"a.kgp", "b.kgp"}), Catch::Contains("b.kgp") && Catch::Contains("other inputs"));
    b = partial({1});
    b.producer = "kgraph other";
    CHECK_THROWS_WITH(kg::merge_partials({a, b}, {"a.kgp", "b.kgp"}), Catch::Contains("kgraph other"));
    CHECK_THROWS_WITH(kg::merge_partials({a, partial({0})}, {"a.kgp", "again.kgp"}),
                      Catch::Contains("again.kgp") && Catch::Contains("also in a.kgp"));
}

TEST_CASE("partial: a damaged file is refused with its name and line", "[partial]") {
    const std::string good = text_of(partial({2, 5}));
    const auto error_of = [](const std::string& text) -> kg::Error {
        try {
            read(text, "bad.kgp");
        } catch (const kg::Error& e) {
            return e;
        }
        FAIL("no error for: " << text.substr(0, 200));
        return kg::Error(kg::Errc::usage, "unreachable");
    };
    const std::string header = good.substr(0, good.find('\n') + 1);
    const std::string first = good.substr(header.size(), good.find('\n', header.size()) - header.size() + 1);
    const std::string second = good.substr(header.size() + first.size());
    CHECK(error_of("").code() == kg::Errc::partial_format);
    CHECK(error_of("{\"format\": \"other\"}\n").line() == 1);
    CHECK(std::string(error_of("{\"format\":\"kgraph-partial\",\"version\":2}\n").what()).find("version 2") != std::string::npos);
    CHECK(error_of(header + first.substr(0, first.size() / 2) + "\n").line() == 2);
    CHECK(error_of(header + second + first).line() == 3); // out of order
    std::string wrong_offsets = first;
    wrong_offsets.replace(wrong_offsets.find("[0,42,"), 6, "[0,41,");
    const kg::Error e = error_of(header + wrong_offsets);
    CHECK(e.line() == 2);
    CHECK(e.file() == "bad.kgp");
    CHECK(std::string(e.what()).find("offsets") != std::string::npos);
}
