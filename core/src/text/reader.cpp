#include "kg/text/reader.hpp"

#include "kg/text/utf8.hpp"

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

// Walk a directory by hand so that symlink loops and unreadable folders become problems
// naming the folder, instead of exceptions that end the whole walk.
void walk(const fs::path& dir, const std::vector<std::string>& extensions, std::set<fs::path>& visited,
          std::vector<fs::path>& ancestors, std::vector<std::string>& files, std::vector<InputProblem>& problems) {
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
    for (const auto& p : entries) {
        std::error_code sec;
        auto st = fs::status(p, sec);
        if (sec) {
            // A dangling symlink or an entry that vanished: only worth a word if it looked like input.
            if (has_extension(p, extensions))
                problems.push_back({p.string(), Error(Errc::io_error, "cannot stat: " + sec.message(), p.string())});
            continue;
        }
        if (fs::is_directory(st)) {
            if (p.filename().string().starts_with(".")) continue; // .git and friends
            walk(p, extensions, visited, ancestors, files, problems);
        } else if (fs::is_regular_file(st) && has_extension(p, extensions) && !is_folder_readme(p)) {
            files.push_back(p.lexically_normal().string());
        }
    }
}

} // namespace

std::vector<InputSource> expand_inputs(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& extensions,
                                       std::vector<InputProblem>& problems) {
    std::vector<InputSource> out;
    std::set<std::string> seen;
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
            std::vector<std::string> files;
            std::set<fs::path> visited;
            std::vector<fs::path> ancestors;
            walk(p, extensions, visited, ancestors, files, problems);
            for (auto& f : files)
                if (seen.insert(f).second) out.push_back({std::move(f), false});
        } else {
            std::string f = p.lexically_normal().string();
            if (seen.insert(f).second) out.push_back({std::move(f), false});
        }
    }
    return out;
}

std::string read_input(const InputSource& source) {
    std::string bytes;
    if (source.is_stdin) {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (std::cin.bad()) throw Error(Errc::io_error, "cannot read standard input", source.path);
    } else {
        std::error_code ec;
        if (fs::is_directory(source.path, ec))
            throw Error(Errc::io_error, "is a directory", source.path);
        std::FILE* f = std::fopen(source.path.c_str(), "rb");
        if (!f) throw Error(Errc::io_error, std::string("cannot open: ") + std::strerror(errno), source.path);
        char buf[1 << 16];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
        const bool failed = std::ferror(f) != 0;
        const int err = errno;
        std::fclose(f);
        if (failed) throw Error(Errc::io_error, std::string("read error: ") + std::strerror(err), source.path);
    }
    if (auto nul = find_nul(bytes))
        throw Error::at_byte(Errc::binary_input, "NUL byte: this looks like a binary file, not text", source.path,
                             static_cast<std::int64_t>(*nul));
    if (auto bad = find_invalid_utf8(bytes)) {
        auto lc = line_column(bytes, *bad);
        throw Error::at_byte(Errc::invalid_utf8,
                             "invalid UTF-8 (line " + std::to_string(lc.line) + ", column " +
                                 std::to_string(lc.column) + ")",
                             source.path, static_cast<std::int64_t>(*bad));
    }
    return bytes;
}

} // namespace kg
