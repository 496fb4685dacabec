// SPDX-License-Identifier: Apache-2.0
// kg/build/isolated_process.hpp: work in a child process, its records and how it ended.
#include "kg/build/isolated_process.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

TEST_CASE("isolated: records arrive in order, whole, and the child ends cleanly", "[build][isolated]") {
    auto p = kg::start_isolated([](kg::IsolatedChannel& c) {
        c.send("first");
        c.send(std::string(200000, 'x')); // more than a pipe holds at once
        c.send("");
        c.send("a\nrecord\twith\nbreaks");
    });
    const kg::IsolatedResult r = p.wait();
    CHECK(r.completed());
    REQUIRE(r.records.size() == 4);
    CHECK(r.records[0] == "first");
    CHECK(r.records[1].size() == 200000);
    CHECK(r.records[2].empty());
    CHECK(r.records[3] == "a\nrecord\twith\nbreaks");
}

TEST_CASE("isolated: a child that calls exit() or aborts ends only itself", "[build][isolated]") {
    auto exits = kg::start_isolated([](kg::IsolatedChannel& c) {
        c.send("before");
        std::fprintf(stderr, "disk full\n");
        std::exit(1); // what Graphviz does on some failures
    });
    const auto r = exits.wait();
    CHECK_FALSE(r.completed());
    CHECK(r.exit_status == 1);
    CHECK(r.records == std::vector<std::string>{"before"});
    CHECK(r.diagnostics == "disk full\n");
    CHECK(r.ending() == "exit status 1");

    auto aborts = kg::start_isolated([](kg::IsolatedChannel&) { std::abort(); });
    const auto a = aborts.wait();
    CHECK(a.signal == SIGABRT);
    CHECK(a.ending().starts_with("signal 6"));
}

TEST_CASE("isolated: an exception becomes the last record and exit status 1", "[build][isolated]") {
    auto p = kg::start_isolated([](kg::IsolatedChannel&) { throw std::runtime_error("no layout"); });
    const auto r = p.wait();
    CHECK(r.exit_status == 1);
    CHECK(r.records == std::vector<std::string>{"no layout"});
}

TEST_CASE("isolated: the child runs in UTC", "[build][isolated]") {
    auto p = kg::start_isolated([](kg::IsolatedChannel& c) {
        const std::time_t epoch = 0;
        char buf[64];
        std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M %Z", std::localtime(&epoch));
        c.send(buf);
    });
    const auto r = p.wait();
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].starts_with("1970-01-01 00:00"));
}
