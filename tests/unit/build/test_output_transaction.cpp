// SPDX-License-Identifier: Apache-2.0
// kg/build/output_transaction.hpp: files staged privately and published together, or not at
// all; debris of killed runs removed; a half-done publication finished by the next run.
#include "kg/build/output_transaction.hpp"

#include "kg/base/sha256.hpp"
#include "kg/error.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("transaction: nothing is visible before publish, everything after", "[build][transaction]") {
    kg::test::TempDir tmp;
    const fs::path out = tmp.path() / "out";
    {
        kg::OutputTransaction t(out, "kgraph test");
        t.write("graph.graphml", [](std::ostream& s) { s << "<graphml/>"; });
        t.write("graph.jsonld", [](std::ostream& s) { s << "{}"; });
        const auto names = names_in(out);
        REQUIRE(names.size() == 1); // only the staging folder
        CHECK(names.begin()->starts_with(".kgraph-run-"));
        const auto published = t.publish();
        CHECK(published.size() == 2);
    }
    CHECK(names_in(out) == std::set<std::string>{"graph.graphml", "graph.jsonld", "manifest.json"});
    CHECK(read(out / "graph.graphml") == "<graphml/>");
    const std::string manifest = read(out / "manifest.json");
    CHECK(manifest.find("\"generator\": \"kgraph test\"") != std::string::npos);
    CHECK(manifest.find(kg::sha256_hex("<graphml/>")) != std::string::npos);
    CHECK(manifest.find("\"bytes\": 2") != std::string::npos);
}

TEST_CASE("transaction: a transaction dropped unpublished leaves the folder as it was", "[build][transaction]") {
    kg::test::TempDir tmp;
    const fs::path out = tmp.path() / "out";
    tmp.write("out/graph.graphml", "earlier");
    {
        kg::OutputTransaction t(out, "kgraph test");
        t.write("graph.graphml", [](std::ostream& s) { s << "later"; });
        CHECK_THROWS_AS(t.write("graph.jsonld", [](std::ostream& s) {
            s << "partial";
            throw kg::Error(kg::Errc::export_error, "the writer failed");
        }), kg::Error);
    }
    CHECK(names_in(out) == std::set<std::string>{"graph.graphml"});
    CHECK(read(out / "graph.graphml") == "earlier");
}

TEST_CASE("transaction: a writer's failure names the final file", "[build][transaction]") {
    kg::test::TempDir tmp;
    kg::OutputTransaction t(tmp.path() / "out", "kgraph test");
    try {
        t.write("graph.dot", [](std::ostream&) { throw kg::Error(kg::Errc::export_error, "no room"); });
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.file() == (tmp.path() / "out" / "graph.dot").string());
    }
}

TEST_CASE("transaction: names are plain file names", "[build][transaction]") {
    kg::test::TempDir tmp;
    kg::OutputTransaction t(tmp.path() / "out", "kgraph test");
    for (const char* bad : {"../escape", "a/b", "", ".kgraph-publish", ".."})
        CHECK_THROWS_AS(t.write(bad, [](std::ostream& s) { s << "x"; }), kg::Error);
}

TEST_CASE("transaction: adopted files are published with their digest", "[build][transaction]") {
    kg::test::TempDir tmp;
    const fs::path out = tmp.path() / "out";
    kg::OutputTransaction t(out, "kgraph test");
    std::ofstream(t.staging_path("graph.svg"), std::ios::binary) << "<svg/>";
    t.adopt("graph.svg");
    t.publish();
    CHECK(read(out / "graph.svg") == "<svg/>");
    CHECK(read(out / "manifest.json").find(kg::sha256_hex("<svg/>")) != std::string::npos);
}

TEST_CASE("transaction: staging folders of dead runs are removed, live ones kept", "[build][transaction]") {
    kg::test::TempDir tmp;
    const fs::path out = tmp.path() / "out";
    // A dead run: a staging folder whose .owner nobody locks, and a 0.1-style temporary file.
    tmp.write("out/.kgraph-run-dead01/graph.graphml", "half");
    tmp.write("out/.kgraph-run-dead01/.owner", "");
    tmp.write("out/.graph.graphml.tmp999999999", "half"); // no such process
    // A live run in another process: it holds its staging folder until told to go.
    int to_child[2];
    REQUIRE(::pipe(to_child) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(to_child[1]);
        kg::OutputTransaction live(out, "kgraph live");
        char c;
        (void)::read(to_child[0], &c, 1);
        ::_exit(0);
    }
    ::close(to_child[0]);
    // Wait for the live run's staging folder to appear.
    for (int i = 0; i < 200; ++i) {
        bool seen = false;
        if (fs::exists(out))
            for (const auto& n : names_in(out)) seen |= n.starts_with(".kgraph-run-") && n != ".kgraph-run-dead01";
        if (seen) break;
        ::usleep(10000);
    }
    {
        kg::OutputTransaction t(out, "kgraph test");
        std::set<std::string> staging;
        for (const auto& n : names_in(out))
            if (n.starts_with(".kgraph-run-")) staging.insert(n);
        CHECK(staging.size() == 2); // the live run's and this one's
        CHECK(!staging.count(".kgraph-run-dead01"));
        CHECK(!fs::exists(out / ".graph.graphml.tmp999999999"));
    }
    (void)::write(to_child[1], "x", 1);
    ::close(to_child[1]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    // The other run ended without cleaning up (as if killed): the next run removes its folder.
    { kg::OutputTransaction t(out, "kgraph test"); }
    CHECK(names_in(out).empty());
}

TEST_CASE("transaction: a publication cut short is finished by the next run", "[build][transaction]") {
    kg::test::TempDir tmp;
    const fs::path out = tmp.path() / "out";
    // The state a run killed between two renames leaves: the journal names the staging
    // folder, one file has moved, the other has not.
    tmp.write("out/graph.graphml", "new graphml");
    tmp.write("out/graph.jsonld", "old jsonld");
    tmp.write("out/.kgraph-run-abc123/graph.jsonld", "new jsonld");
    tmp.write("out/.kgraph-run-abc123/manifest.json", "{}");
    tmp.write("out/.kgraph-run-abc123/.owner", "");
    tmp.write("out/.kgraph-publish", "kgraph-publish 1\n.kgraph-run-abc123\ngraph.graphml\ngraph.jsonld\nmanifest.json\n");
    { kg::OutputTransaction t(out, "kgraph test"); }
    CHECK(names_in(out) == std::set<std::string>{"graph.graphml", "graph.jsonld", "manifest.json"});
    CHECK(read(out / "graph.jsonld") == "new jsonld");
}

TEST_CASE("transaction: an output path that is a file is refused", "[build][transaction]") {
    kg::test::TempDir tmp;
    tmp.write("file", "x");
    try {
        kg::OutputTransaction t(tmp.path() / "file", "kgraph test");
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::io_error);
        CHECK(e.file() == (tmp.path() / "file").string());
    }
}
