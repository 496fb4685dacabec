// SPDX-License-Identifier: Apache-2.0
#pragma once
// A unique temporary directory for one test, removed (with everything in it) at the end.
// Use: `kg::test::TempDir tmp; tmp.write("a/b.txt", "text"); load(tmp.path());`
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace kg::test {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kg-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) FAIL("mkdtemp failed for " << pattern);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        // Give back permissions a test may have taken away, so removal succeeds.
        for (auto it = std::filesystem::recursive_directory_iterator(
                 path_, std::filesystem::directory_options::skip_permission_denied, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code pec;
            if (it->is_directory(pec) && !it->is_symlink(pec))
                std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                             std::filesystem::perm_options::add, pec);
        }
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string str() const { return path_.string(); }
    /// path() / relative, as a string.
    std::string operator/(std::string_view relative) const { return (path_ / relative).string(); }

    /// Write `bytes` to path()/relative, creating parent folders; returns the full path.
    std::string write(std::string_view relative, std::string_view bytes) const {
        const std::filesystem::path p = path_ / relative;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) FAIL("cannot write " << p.string());
        return p.string();
    }

    /// Create the folder path()/relative; returns the full path.
    std::string mkdir(std::string_view relative) const {
        const std::filesystem::path p = path_ / relative;
        std::filesystem::create_directories(p);
        return p.string();
    }

private:
    std::filesystem::path path_;
};

} // namespace kg::test
