#include "output.hpp"

#include "kg/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kg::cli {

void check_output_dir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(Errc::io_error, "cannot create output directory: " + ec.message(), dir.string());
    if (!fs::is_directory(dir, ec)) throw Error(Errc::io_error, "output path is not a directory", dir.string());
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        throw Error(Errc::io_error, std::string("output directory is not writable: ") + std::strerror(errno), dir.string());
}

namespace {
fs::path temp_name(const fs::path& target) {
    return target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
}
void commit(const fs::path& tmp, const fs::path& target) {
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(Errc::io_error, "cannot move output into place: " + ec.message(), target.string());
    }
}
} // namespace

void write_atomically(const fs::path& target, const std::function<void(std::ostream&)>& write) {
    const fs::path tmp = temp_name(target);
    try {
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            if (!out) throw Error(Errc::io_error, std::string("cannot create: ") + std::strerror(errno), tmp.string());
            errno = 0;
            try {
                write(out);
            } catch (const Error& e) {
                // A writer that fails on its stream (disk full) knows no file name: add it.
                if (!e.file().empty()) throw;
                const int err = errno;
                throw Error(e.code(), e.message() + (err ? std::string(": ") + std::strerror(err) : std::string()),
                            target.string());
            }
            out.flush();
            if (!out) throw Error(Errc::io_error, "write failed (disk full?)", target.string());
        }
        commit(tmp, target);
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

void write_file_atomically(const fs::path& target, const std::function<void(const std::string&)>& write) {
    const fs::path tmp = temp_name(target);
    try {
        write(tmp.string());
        commit(tmp, target);
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

} // namespace kg::cli
