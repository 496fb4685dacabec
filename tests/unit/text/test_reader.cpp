// SPDX-License-Identifier: Apache-2.0
// kg/text/reader.hpp: expanding command-line paths into a sorted list of inputs, and
// reading one input with the checks a batch needs (missing, unreadable, binary, not UTF-8).
#include "kg/text/reader.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

const std::vector<std::string> kExtensions = {".txt", ".md", ".html"};

std::vector<std::string> paths_of(const std::vector<kg::InputSource>& inputs) {
    std::vector<std::string> out;
    for (const auto& i : inputs) out.push_back(i.path);
    return out;
}

std::string problems_text(const std::vector<kg::InputProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.path + ": " + p.error.what() + "\n";
    return out;
}

kg::InputSource file(const std::string& path) { return kg::InputSource{path, false}; }

} // namespace

TEST_CASE("reader: directories are walked recursively in sorted path order", "[text][reader]") {
    kg::test::TempDir tmp;
    // Written out of order on purpose.
    tmp.write("corpus/z.txt", "z");
    tmp.write("corpus/b/c.txt", "c");
    tmp.write("corpus/b.txt", "b");
    tmp.write("corpus/a.md", "a");
    tmp.write("corpus/b/a/deep.html", "d");
    tmp.write("corpus/B.txt", "B");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "corpus"}, kExtensions, problems);
    INFO(problems_text(problems));
    CHECK(problems.empty());
    const std::string d = tmp / "corpus";
    CHECK(paths_of(inputs) == std::vector<std::string>{d + "/B.txt", d + "/a.md", d + "/b/a/deep.html",
                                                       d + "/b/c.txt", d + "/b.txt", d + "/z.txt"});
    for (const auto& i : inputs) CHECK_FALSE(i.is_stdin);
}

TEST_CASE("reader: the order does not depend on the order files were created", "[text][reader]") {
    kg::test::TempDir one, two;
    const std::vector<std::string> names = {"m/x.txt", "a.txt", "m.txt", "k/q/r.md", "k/a.txt", "0.txt"};
    for (const auto& n : names) one.write(n, "x");
    for (auto it = names.rbegin(); it != names.rend(); ++it) two.write(*it, "x");
    std::vector<kg::InputProblem> problems;
    auto a = paths_of(kg::expand_inputs({one.str()}, kExtensions, problems));
    auto b = paths_of(kg::expand_inputs({two.str()}, kExtensions, problems));
    for (auto& p : a) p = p.substr(one.str().size());
    for (auto& p : b) p = p.substr(two.str().size());
    CHECK(a == b);
    CHECK(a.size() == names.size());
}

TEST_CASE("reader: only files with the given extensions are taken from directories", "[text][reader]") {
    kg::test::TempDir tmp;
    tmp.write("d/keep.txt", "x");
    tmp.write("d/keep.md", "x");
    tmp.write("d/keep.html", "x");
    tmp.write("d/UPPER.TXT", "x");
    tmp.write("d/skip.pdf", "x");
    tmp.write("d/skip.txt.bak", "x");
    tmp.write("d/README", "x");
    tmp.write("d/txt", "x");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    const std::string d = tmp / "d";
    CHECK(paths_of(inputs) ==
          std::vector<std::string>{d + "/UPPER.TXT", d + "/keep.html", d + "/keep.md", d + "/keep.txt"});
    CHECK(problems.empty());
}

TEST_CASE("reader: a file named on the command line is taken whatever its extension", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string csv = tmp.write("data.csv", "x");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({csv}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{csv});
    CHECK(problems.empty());
}

TEST_CASE("reader: hidden directories are skipped", "[text][reader]") {
    kg::test::TempDir tmp;
    tmp.write("d/.git/objects/x.txt", "x");
    tmp.write("d/.cache/y.md", "x");
    tmp.write("d/sub/.hidden/z.txt", "x");
    tmp.write("d/visible.txt", "x");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/visible.txt"});
    CHECK(problems.empty());
}

TEST_CASE("reader: a missing path is a problem and the others are still listed", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string good = tmp.write("good.txt", "x");
    const std::string missing = tmp / "no-such-file.txt";
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({missing, good}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{good});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == missing);
    CHECK(problems[0].error.code() == kg::Errc::io_error);
    CHECK(problems[0].error.file() == missing);
}

TEST_CASE("reader: a symbolic link loop is reported, not walked forever", "[text][reader]") {
    kg::test::TempDir tmp;
    tmp.write("d/a.txt", "x");
    tmp.write("d/sub/b.txt", "x");
    fs::create_directory_symlink("..", tmp.path() / "d/sub/loop");
    fs::create_directory_symlink(".", tmp.path() / "d/self");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    INFO(problems_text(problems));
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/a.txt", tmp / "d/sub/b.txt"});
    REQUIRE(problems.size() == 2);
    for (const auto& p : problems) CHECK(p.error.code() == kg::Errc::io_error);
    std::vector<std::string> where = {problems[0].path, problems[1].path};
    std::sort(where.begin(), where.end());
    CHECK(where == std::vector<std::string>{tmp / "d/self", tmp / "d/sub/loop"});
}

TEST_CASE("reader: a directory reached twice through a link is listed once and is not an error",
          "[text][reader]") {
    // Not a loop: "alias" points at a sibling. Its files must not be read twice (they would
    // count every mention double), and nothing is wrong with the input.
    kg::test::TempDir tmp;
    tmp.write("d/real/a.txt", "x");
    fs::create_directory_symlink("real", tmp.path() / "d/zalias");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/real/a.txt"});
    INFO(problems_text(problems));
    CHECK(problems.empty());
}

TEST_CASE("reader: a dangling symlink with a text extension is a problem", "[text][reader]") {
    kg::test::TempDir tmp;
    tmp.write("d/a.txt", "x");
    fs::create_symlink("nowhere.txt", tmp.path() / "d/broken.txt");
    fs::create_symlink("nowhere.bin", tmp.path() / "d/broken.bin");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/a.txt"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == tmp / "d/broken.txt");
}

TEST_CASE("reader: the same file named several ways is listed once", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string a = tmp.write("d/a.txt", "x");
    tmp.write("d/sub/b.txt", "x");
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d", tmp / "d/", a, tmp / "d/./a.txt", tmp / "d/sub", tmp / "d/sub/../a.txt"},
                                    kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{a, tmp / "d/sub/b.txt"});
    CHECK(problems.empty());
}

TEST_CASE("reader: \"-\" is standard input, listed once", "[text][reader]") {
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({"-", "-"}, kExtensions, problems);
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].is_stdin);
    CHECK(inputs[0].path == "<stdin>");
    CHECK(problems.empty());
}

TEST_CASE("reader: an unreadable directory is a problem", "[text][reader]") {
    if (::geteuid() == 0) {
        WARN("running as root: permissions are not enforced, check skipped");
        return;
    }
    kg::test::TempDir tmp;
    tmp.write("d/a.txt", "x");
    tmp.write("d/locked/b.txt", "x");
    fs::permissions(tmp.path() / "d/locked", fs::perms::none);
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/a.txt"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == tmp / "d/locked");
    CHECK(problems[0].error.code() == kg::Errc::io_error);
}

TEST_CASE("reader: read_input returns the bytes unchanged", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string bytes = "\xEF\xBB\xBFKim \xED\x8F\x89\xEC\x96\x91\r\nline two\n";
    const std::string p = tmp.write("a.txt", bytes);
    CHECK(kg::read_input(file(p)) == bytes); // the BOM and CRLF are kept
}

TEST_CASE("reader: read_input of an empty file is an empty string", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string p = tmp.write("empty.txt", "");
    CHECK(kg::read_input(file(p)).empty());
}

TEST_CASE("reader: read_input of a larger file reads all of it", "[text][reader]") {
    kg::test::TempDir tmp;
    std::string big;
    for (int i = 0; i < 20000; ++i) big += "riga " + std::to_string(i) + " \xC3\xA8 qui\n";
    const std::string p = tmp.write("big.txt", big);
    CHECK(kg::read_input(file(p)) == big);
}

TEST_CASE("reader: invalid UTF-8 is an error at the first bad byte", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string p = tmp.write("bad.txt", "ab\n\xC3\xA9 x\xFF rest \xC0\xAF");
    try {
        kg::read_input(file(p));
        FAIL("no error for invalid UTF-8");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::invalid_utf8);
        CHECK(e.byte_offset() == 7);
        CHECK(e.file() == p);
        CHECK(std::string(e.what()).find("byte 7") != std::string::npos);
    }
}

TEST_CASE("reader: a truncated sequence at the end of a file is invalid UTF-8", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string p = tmp.write("cut.txt", "Pyongyang \xED\x8F");
    try {
        kg::read_input(file(p));
        FAIL("no error for a truncated sequence");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::invalid_utf8);
        CHECK(e.byte_offset() == 10);
    }
}

TEST_CASE("reader: a NUL byte makes the input binary", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string p = tmp.write("bin.txt", "PK\x03\x04text\0more"s);
    try {
        kg::read_input(file(p));
        FAIL("no error for a NUL byte");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::binary_input);
        CHECK(e.byte_offset() == 8);
        CHECK(e.file() == p);
    }
}

TEST_CASE("reader: a missing file is an io_error naming it", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string p = tmp / "gone.txt";
    try {
        kg::read_input(file(p));
        FAIL("no error for a missing file");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::io_error);
        CHECK(e.file() == p);
    }
}

TEST_CASE("reader: an unreadable file is an io_error", "[text][reader]") {
    if (::geteuid() == 0) {
        WARN("running as root: permissions are not enforced, check skipped");
        return;
    }
    kg::test::TempDir tmp;
    const std::string p = tmp.write("locked.txt", "secret");
    fs::permissions(p, fs::perms::none);
    try {
        kg::read_input(file(p));
        FAIL("no error for an unreadable file");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::io_error);
        CHECK(e.file() == p);
    }
}

TEST_CASE("reader: a directory passed as a file is an io_error", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string d = tmp.mkdir("folder.txt");
    try {
        kg::read_input(file(d));
        FAIL("no error for a directory");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::io_error);
        CHECK(e.file() == d);
    }
}

TEST_CASE("reader: FIFOs and devices are refused, never waited on", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string fifo = tmp / "pipe.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::string& p : {fifo, std::string("/dev/zero")}) {
        try {
            kg::read_input(file(p));
            FAIL("no error for " << p);
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::io_error);
            CHECK(e.message().find("not a regular file") != std::string::npos);
        }
    }
    tmp.write("d/a.txt", "text");
    REQUIRE(::mkfifo((tmp / "d/b.txt").c_str(), 0600) == 0);
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/a.txt"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == tmp / "d/b.txt");
}

TEST_CASE("reader: a document over the size limit is refused with the limit named", "[text][reader]") {
    kg::test::TempDir tmp;
    const std::string p = tmp.write("big.txt", std::string(1001, 'a'));
    kg::InputLimits limits;
    limits.max_document_bytes = 1000;
    try {
        kg::read_input(file(p), limits);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.file() == p);
        CHECK(e.message().find("1001 bytes, over the limit of 1000") != std::string::npos);
    }
    limits.max_document_bytes = 1001;
    CHECK(kg::read_input(file(p), limits).size() == 1001);
}

TEST_CASE("reader: folders deeper than the limit are reported, not walked", "[text][reader]") {
    kg::test::TempDir tmp;
    tmp.write("d/a.txt", "a");
    tmp.write("d/1/2/3/deep.txt", "deep");
    kg::InputLimits limits;
    limits.max_depth = 2;
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems, limits);
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/a.txt"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == tmp / "d/1/2/3");
}

TEST_CASE("reader: one real file is one input, however many links reach it", "[text][reader]") {
    kg::test::TempDir tmp;
    tmp.write("d/a.txt", "a");
    for (int i = 0; i < 5; ++i) fs::create_symlink("a.txt", tmp / ("d/l" + std::to_string(i) + ".txt"));
    std::vector<kg::InputProblem> problems;
    auto inputs = kg::expand_inputs({tmp / "d"}, kExtensions, problems);
    CHECK(paths_of(inputs) == std::vector<std::string>{tmp / "d/a.txt"});
}
