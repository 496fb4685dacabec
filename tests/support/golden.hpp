// SPDX-License-Identifier: Apache-2.0
#pragma once
// Golden files, approval style: compare output with a file under tests/data/golden.
//  - on a match, a stale <file>.actual is removed;
//  - on a mismatch, the output is written to <file>.actual next to the golden file and the
//    test fails with the first differing line and the diff command to run;
//  - with KG_UPDATE_GOLDEN=1 in the environment, the golden file is rewritten instead (and
//    the test warns); review that diff like code.
// Files are compared byte for byte (binary mode, no line-ending games).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

namespace kg::test {

#ifdef KG_TEST_DATA_DIR
/// tests/data/golden/<name>
inline std::filesystem::path golden_path(std::string_view name) {
    return std::filesystem::path(KG_TEST_DATA_DIR) / "golden" / name;
}
#endif

inline bool read_file_bytes(const std::filesystem::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

inline void write_file_bytes(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) FAIL("cannot write " << path.string());
}

/// Where `expected` and `actual` first differ: "line N:\n  expected: ...\n  actual:   ...".
inline std::string first_difference(std::string_view expected, std::string_view actual) {
    std::size_t line = 1, start = 0, i = 0;
    for (; i < expected.size() && i < actual.size() && expected[i] == actual[i]; ++i) {
        if (expected[i] == '\n') ++line, start = i + 1;
    }
    const auto line_at = [&](std::string_view s) {
        if (start >= s.size()) return std::string("<end of file>");
        std::string_view rest = s.substr(start);
        std::string_view text = rest.substr(0, rest.find('\n'));
        if (text.size() > 200) return std::string(text.substr(0, 200)) + "...";
        return std::string(text);
    };
    std::ostringstream out;
    out << "first difference at line " << line << ", byte " << i << "\n  expected: " << line_at(expected)
        << "\n  actual:   " << line_at(actual);
    return out.str();
}

inline bool update_golden_requested() {
    const char* update = std::getenv("KG_UPDATE_GOLDEN");
    return update != nullptr && std::string_view(update) == "1";
}

/// Compare `actual` with the golden file at `golden`; see the top of this header.
inline void check_golden(std::string_view actual, const std::filesystem::path& golden) {
    std::filesystem::path actual_path = golden;
    actual_path += ".actual";
    if (update_golden_requested()) {
        std::filesystem::create_directories(golden.parent_path());
        write_file_bytes(golden, actual);
        std::filesystem::remove(actual_path);
        WARN("KG_UPDATE_GOLDEN=1: rewrote " << golden.string());
        return;
    }
    std::string expected;
    if (!read_file_bytes(golden, expected)) {
        write_file_bytes(actual_path, actual);
        FAIL("golden file " << golden.string() << " is missing; output written to "
                            << actual_path.string() << "; rerun with KG_UPDATE_GOLDEN=1 to accept it");
    }
    if (expected == actual) {
        std::filesystem::remove(actual_path);
        SUCCEED("matches " << golden.string());
        return;
    }
    write_file_bytes(actual_path, actual);
    FAIL("output differs from golden file " << golden.string() << "\n"
         << first_difference(expected, actual) << "\n  see: diff -u '" << golden.string() << "' '"
         << actual_path.string() << "'\n  accept: KG_UPDATE_GOLDEN=1 (then review the diff)");
}

} // namespace kg::test
