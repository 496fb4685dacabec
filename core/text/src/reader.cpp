// SPDX-License-Identifier: Apache-2.0
#include "kg/text/reader.hpp"

#include "kg/base/utf8.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace kg {
namespace {

bool has_extension(const fs::path& p, const std::vector<std::string>& extensions) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

// A README inside a corpus folder documents the corpus; it is not one of its articles.
// (Given by name on the command line, it is read like any file.)
bool is_folder_readme(const fs::path& p) {
    std::string stem = p.stem().string();
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return stem == "README";
}

const char* file_kind(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISDIR(mode)) return "a directory";
    return "not a regular file";
}

struct Walk {
    const std::vector<std::string>& extensions;
    const InputLimits& limits;
    std::vector<InputProblem>& problems;
    std::set<fs::path> visited;
    std::vector<fs::path> ancestors;
    std::vector<std::string> files;

    // Walk a directory by hand so that symlink loops, unreadable folders and nesting past the
    // limit become problems naming the folder, instead of exceptions that end the whole walk.
    void folder(const fs::path& dir, unsigned depth) {
        if (depth > limits.max_depth) {
            problems.push_back({dir.string(), Error(Errc::io_error, "folder nested deeper than " + std::to_string(limits.max_depth) +
                                                                        " levels below the path given: not read", dir.string())});
            return;
        }
        std::error_code ec;
        fs::path canonical = fs::canonical(dir, ec);
        if (ec) {
            problems.push_back({dir.string(), Error(Errc::io_error, "cannot resolve directory: " + ec.message(), dir.string())});
            return;
        }
        // A link back into a folder being walked is a loop; a second path to a folder already
        // walked elsewhere is just skipped.
        if (std::find(ancestors.begin(), ancestors.end(), canonical) != ancestors.end()) {
            problems.push_back({dir.string(), Error(Errc::io_error, "symbolic link loop: leads back into " +
                                                                         canonical.string(), dir.string())});
            return;
        }
        if (!visited.insert(canonical).second) return;
        ancestors.push_back(canonical);
        struct Pop { std::vector<fs::path>& a; ~Pop() { a.pop_back(); } } pop{ancestors};
        fs::directory_iterator it(dir, ec), end;
        if (ec) {
            problems.push_back({dir.string(), Error(Errc::io_error, "cannot read directory: " + ec.message(), dir.string())});
            return;
        }
        std::vector<fs::path> entries;
        for (; it != end; it.increment(ec)) {
            if (ec) {
                problems.push_back({dir.string(), Error(Errc::io_error, "cannot list directory: " + ec.message(), dir.string())});
                break;
            }
            entries.push_back(it->path());
        }
        std::sort(entries.begin(), entries.end());
        for (const auto& p : entries) entry(p, depth);
    }

    void entry(const fs::path& p, unsigned depth) {
        struct stat st;
        if (::stat(p.c_str(), &st) != 0) {
            // A dangling symlink or an entry that vanished: only worth a word if it looked like input.
            if (has_extension(p, extensions))
                problems.push_back({p.string(), Error(Errc::io_error, std::string("cannot stat: ") + std::strerror(errno), p.string())});
            return;
        }
        if (S_ISDIR(st.st_mode)) {
            if (p.filename().string().starts_with(".")) return; // .git and friends
            folder(p, depth + 1);
        } else if (has_extension(p, extensions) && !is_folder_readme(p)) {
            if (!S_ISREG(st.st_mode))
                problems.push_back({p.string(), Error(Errc::io_error, std::string(file_kind(st.st_mode)) + ", not a regular file: not read", p.string())});
            else
                files.push_back(p.lexically_normal().string());
        }
    }
};

} // namespace

std::vector<InputSource> expand_inputs(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& extensions,
                                       std::vector<InputProblem>& problems, const InputLimits& limits) {
    std::vector<InputSource> out;
    std::set<std::string> seen;
    std::set<std::pair<dev_t, ino_t>> seen_files; // each real file once, however it is reached
    auto add = [&](std::string f) {
        struct stat st;
        if (::stat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode) && !seen_files.emplace(st.st_dev, st.st_ino).second) return;
        if (seen.insert(f).second) out.push_back({std::move(f), false});
    };
    for (const auto& raw : paths) {
        if (raw == "-") {
            if (seen.insert("<stdin>").second) out.push_back({"<stdin>", true});
            continue;
        }
        fs::path p(raw);
        std::error_code ec;
        auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            problems.push_back({raw, Error(Errc::io_error, "no such file or directory", raw)});
            continue;
        }
        if (fs::is_directory(st)) {
            Walk walk{extensions, limits, problems, {}, {}, {}};
            walk.folder(p, 0);
            for (auto& f : walk.files) add(std::move(f));
        } else {
            add(p.lexically_normal().string());
        }
    }
    return out;
}

namespace {

// Read at most `limit` + 1 bytes: one more than allowed is enough to know it is too much.
std::string read_bounded(int fd, std::uint64_t limit, const std::string& path) {
    std::string bytes;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(Errc::io_error, std::string("read error: ") + std::strerror(errno), path);
        }
        if (n == 0) break;
        bytes.append(buf, static_cast<std::size_t>(n));
        if (bytes.size() > limit) break;
    }
    return bytes;
}

[[noreturn]] void too_large(std::uint64_t size, std::uint64_t limit, const std::string& path, bool at_least, std::string_view what) {
    throw Error(Errc::io_error, (at_least ? "more than " : "") + std::to_string(size) + " bytes, over the limit of " +
                                    std::to_string(limit) + " bytes " + std::string(what) + ": not read",
                path);
}

} // namespace

std::string read_bytes(const InputSource& source, std::uint64_t limit, std::string_view what) {
    if (limit == 0) limit = UINT64_MAX - 1;
    std::string bytes;
    if (source.is_stdin) {
        struct stat st;
        if (::fstat(0, &st) != 0) throw Error(Errc::io_error, std::string("cannot read standard input: ") + std::strerror(errno), source.path);
        if (S_ISDIR(st.st_mode)) throw Error(Errc::io_error, "standard input is a directory", source.path);
        bytes = read_bounded(0, limit, source.path);
    } else {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        const int fd = ::open(source.path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) throw Error(Errc::io_error, std::string("cannot open: ") + std::strerror(errno), source.path);
        struct Close { int fd; ~Close() { ::close(fd); } } close_fd{fd};
        struct stat st;
        if (::fstat(fd, &st) != 0) throw Error(Errc::io_error, std::string("cannot stat: ") + std::strerror(errno), source.path);
        if (S_ISDIR(st.st_mode)) throw Error(Errc::io_error, "is a directory", source.path);
        if (!S_ISREG(st.st_mode)) throw Error(Errc::io_error, std::string(file_kind(st.st_mode)) + ", not a regular file: not read", source.path);
        if (static_cast<std::uint64_t>(st.st_size) > limit) too_large(static_cast<std::uint64_t>(st.st_size), limit, source.path, false, what);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        bytes = read_bounded(fd, limit, source.path);
    }
    // A file that grew while read, or standard input, is measured as it is read.
    if (bytes.size() > limit) too_large(limit, limit, source.path, true, what);
    return bytes;
}

void check_text(std::string_view bytes, const std::string& path) {
    if (auto nul = find_nul(bytes))
        throw Error::at_byte(Errc::binary_input, "NUL byte: this looks like a binary file, not text", path,
                             static_cast<std::int64_t>(*nul));
    if (auto bad = find_invalid_utf8(bytes)) {
        auto lc = line_column(bytes, *bad);
        throw Error::at_byte(Errc::invalid_utf8,
                             "invalid UTF-8 (line " + std::to_string(lc.line) + ", column " +
                                 std::to_string(lc.column) + ")",
                             path, static_cast<std::int64_t>(*bad));
    }
}

std::string read_input(const InputSource& source, const InputLimits& limits) {
    std::string bytes = read_bytes(source, limits.max_document_bytes, "per document (--max-document-bytes)");
    check_text(bytes, source.path);
    return bytes;
}

} // namespace kg
