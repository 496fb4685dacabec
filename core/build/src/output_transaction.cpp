// SPDX-License-Identifier: Apache-2.0
#include "kg/build/output_transaction.hpp"

#include "kg/base/sha256.hpp"
#include "kg/error.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <sstream>
#include <streambuf>

namespace fs = std::filesystem;

namespace kg {
namespace {

constexpr const char* staging_prefix = ".kgraph-run-";
constexpr const char* owner_name = ".owner";
constexpr const char* journal_name = ".kgraph-publish";
constexpr const char* journal_temp_name = ".kgraph-publish.tmp";

std::string system_reason(int err) { return std::strerror(err); }

[[noreturn]] void fail(const std::string& what, const fs::path& where, int err) {
    throw Error(Errc::io_error, what + (err ? ": " + system_reason(err) : std::string()), where.string());
}

// ---- what the signal handler may touch -------------------------------------------------
// Plain arrays and atomics only: the handler runs at any point of any thread and may call
// nothing but async-signal-safe functions (unlinkat, kill, raise).

constexpr std::size_t max_names = 64, max_name = 128, max_children = 16;
struct InterruptState {
    std::atomic<int> out_fd{-1};
    std::atomic<int> staging_fd{-1};
    char staging_name[max_name] = {};
    char names[max_names][max_name] = {};
    std::atomic<std::size_t> name_count{0};
    std::atomic<int> children[max_children] = {};
};
InterruptState interrupt_state;
std::mutex names_mutex;

void on_interrupt(int sig) {
    const int saved = errno;
    for (auto& child : interrupt_state.children)
        if (const int pid = child.load(); pid > 0) ::kill(pid, SIGKILL);
    const int staging = interrupt_state.staging_fd.load();
    if (staging >= 0) {
        const std::size_t n = std::min(interrupt_state.name_count.load(), max_names);
        for (std::size_t i = 0; i < n; ++i) ::unlinkat(staging, interrupt_state.names[i], 0);
        ::unlinkat(staging, owner_name, 0);
        ::unlinkat(interrupt_state.out_fd.load(), interrupt_state.staging_name, AT_REMOVEDIR);
    }
    errno = saved;
    // SA_RESETHAND restored the default action: the signal, raised again, ends the process
    // as soon as this handler returns, with the status a parent expects.
    ::raise(sig);
}

// Signals held back while files move into place.
sigset_t interrupt_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&set, s);
    return set;
}

// ---- files -------------------------------------------------------------------------------

/// A streambuf over a file descriptor that hashes and counts what it writes and keeps the
/// first system error, so the caller can say why a write failed.
class HashingFileBuf : public std::streambuf {
public:
    explicit HashingFileBuf(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    int error() const noexcept { return error_; }
    std::uint64_t bytes() const noexcept { return bytes_; }
    std::string digest() { return hash_.hex(); }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        // Large pieces go straight to the file: no copy through the buffer.
        if (n >= static_cast<std::streamsize>(buffer_.size())) {
            if (!drain() || !write_all(s, static_cast<std::size_t>(n))) return 0;
            return n;
        }
        return std::streambuf::xsputn(s, n);
    }

private:
    bool drain() {
        const auto n = static_cast<std::size_t>(pptr() - pbase());
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return n == 0 || write_all(buffer_.data(), n);
    }
    bool write_all(const char* p, std::size_t n) {
        if (error_) return false;
        hash_.update(p, n);
        bytes_ += n;
        while (n > 0) {
            const ssize_t w = ::write(fd_, p, n);
            if (w < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                return false;
            }
            p += w;
            n -= static_cast<std::size_t>(w);
        }
        return true;
    }
    int fd_;
    int error_ = 0;
    std::uint64_t bytes_ = 0;
    Sha256 hash_;
    std::array<char, 1 << 16> buffer_{};
};

bool valid_name(std::string_view name) {
    return !name.empty() && name.size() < max_name && name.find('/') == std::string_view::npos && name != "." &&
           name != ".." && !name.starts_with(".kgraph");
}

// Remove a staging folder's files (it never holds folders) and the folder itself.
void remove_staging_folder(int out_fd, const std::string& name) {
    const int fd = ::openat(out_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        if (DIR* d = ::fdopendir(fd)) {
            std::vector<std::string> entries;
            while (dirent* e = ::readdir(d))
                if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) entries.emplace_back(e->d_name);
            for (const auto& e : entries) ::unlinkat(::dirfd(d), e.c_str(), 0);
            ::closedir(d);
        } else {
            ::close(fd);
        }
    }
    ::unlinkat(out_fd, name.c_str(), AT_REMOVEDIR);
}

// A staging folder is alive while its run (or a child of it) holds the lock on its .owner.
bool staging_folder_alive(int out_fd, const std::string& name) {
    const int dir = ::openat(out_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir < 0) return false;
    const int owner = ::openat(dir, owner_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    ::close(dir);
    if (owner < 0) return false;
    const bool alive = ::flock(owner, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(owner);
    return alive;
}

std::vector<std::string> folder_entries(int dir_fd) {
    std::vector<std::string> out;
    const int fd = ::openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return out;
    DIR* d = ::fdopendir(fd);
    if (!d) { ::close(fd); return out; }
    while (dirent* e = ::readdir(d)) out.emplace_back(e->d_name);
    ::closedir(d);
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_small_file(int dir_fd, const char* name) {
    const int fd = ::openat(dir_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return {};
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0 && text.size() < (1u << 20);) text.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return text;
}

// A publication that a killed run left half done: the journal names the staging folder and
// its files, all complete and synced before the journal was written, so finishing the
// renames is always right.
void finish_interrupted_publication(int out_fd) {
    const std::string journal = read_small_file(out_fd, journal_name);
    if (journal.empty()) return;
    std::istringstream in(journal);
    std::string magic, staging, name;
    std::getline(in, magic);
    std::getline(in, staging);
    if (magic == "kgraph-publish 1" && staging.starts_with(staging_prefix)) {
        const int dir = ::openat(out_fd, staging.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (dir >= 0) {
            while (std::getline(in, name))
                if (valid_name(name) || name == OutputTransaction::manifest_name) ::renameat(dir, name.c_str(), out_fd, name.c_str());
            ::close(dir);
        }
        remove_staging_folder(out_fd, staging);
    }
    ::unlinkat(out_fd, journal_name, 0);
    ::fsync(out_fd);
}

// Debris of earlier runs: staging folders nobody holds, a journal's temporary, and the
// ".graph.EXT.tmpPID" files that kgraph 0.1 left when killed (when that process is gone).
void remove_debris(int out_fd) {
    for (const std::string& e : folder_entries(out_fd)) {
        if (e.starts_with(staging_prefix)) {
            if (!staging_folder_alive(out_fd, e)) remove_staging_folder(out_fd, e);
        } else if (e == journal_temp_name) {
            ::unlinkat(out_fd, e.c_str(), 0);
        } else if (e.starts_with(".graph.") && e.find(".tmp") != std::string::npos) {
            const std::string pid = e.substr(e.rfind(".tmp") + 4);
            if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos && pid.size() < 10 &&
                ::kill(std::stoi(pid), 0) != 0 && errno == ESRCH)
                ::unlinkat(out_fd, e.c_str(), 0);
        }
    }
}

class FolderLock {
public:
    FolderLock(int fd, const fs::path& where) : fd_(fd) {
        while (::flock(fd_, LOCK_EX) != 0)
            if (errno != EINTR) fail("cannot lock the output folder", where, errno);
    }
    ~FolderLock() { ::flock(fd_, LOCK_UN); }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_;
};

void write_whole(int fd, const std::string& text, const fs::path& where) {
    const char* p = text.data();
    std::size_t n = text.size();
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", where, errno);
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out.push_back('\\');
        if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
            continue;
        }
        out.push_back(c);
    }
    return out + "\"";
}

} // namespace

OutputTransaction::OutputTransaction(fs::path out_dir, std::string generator)
    : out_dir_(std::move(out_dir)), generator_(std::move(generator)) {
    std::error_code ec;
    fs::create_directories(out_dir_, ec);
    if (ec) throw Error(Errc::io_error, "cannot create output directory: " + ec.message(), out_dir_.string());
    out_fd_ = ::open(out_dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (out_fd_ < 0) fail(errno == ENOTDIR ? "output path is not a directory" : "cannot open output directory", out_dir_, errno == ENOTDIR ? 0 : errno);
    try {
        if (::faccessat(out_fd_, ".", W_OK | X_OK, AT_EACCESS) != 0) fail("output directory is not writable", out_dir_, errno);
        FolderLock lock(out_fd_, out_dir_);
        finish_interrupted_publication(out_fd_);
        remove_debris(out_fd_);
        std::string templ = (out_dir_ / (std::string(staging_prefix) + "XXXXXX")).string();
        if (!::mkdtemp(templ.data())) fail("cannot create a staging folder", out_dir_, errno);
        staging_name_ = fs::path(templ).filename().string();
        staging_fd_ = ::openat(out_fd_, staging_name_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (staging_fd_ < 0) fail("cannot open the staging folder", templ, errno);
        owner_fd_ = ::openat(staging_fd_, owner_name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (owner_fd_ < 0 || ::flock(owner_fd_, LOCK_EX | LOCK_NB) != 0) fail("cannot lock the staging folder", templ, errno);
    } catch (...) {
        roll_back();
        throw;
    }
    std::snprintf(interrupt_state.staging_name, max_name, "%s", staging_name_.c_str());
    interrupt_state.name_count = 0;
    interrupt_state.out_fd = out_fd_;
    interrupt_state.staging_fd = staging_fd_;
}

OutputTransaction::~OutputTransaction() { roll_back(); }

void OutputTransaction::add_name(std::string_view name) {
    if (!valid_name(name) && name != manifest_name)
        throw Error(Errc::io_error, "not a plain output file name: \"" + std::string(name) + "\"", out_dir_.string());
    std::lock_guard lock(names_mutex);
    if (std::find(names_.begin(), names_.end(), name) != names_.end()) return;
    names_.emplace_back(name);
    if (const std::size_t i = interrupt_state.name_count.load(); i < max_names && interrupt_state.staging_fd.load() == staging_fd_) {
        std::snprintf(interrupt_state.names[i], max_name, "%.*s", static_cast<int>(name.size()), name.data());
        interrupt_state.name_count = i + 1;
    }
}

fs::path OutputTransaction::staging_path(std::string_view name) {
    add_name(name);
    return out_dir_ / staging_name_ / std::string(name);
}

void OutputTransaction::write(std::string_view name, const std::function<void(std::ostream&)>& write) {
    add_name(name);
    const std::string n(name);
    const fs::path final_path = out_dir_ / n;
    const int fd = ::openat(staging_fd_, n.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) fail("cannot create", final_path, errno);
    Staged staged{n, 0, {}};
    try {
        HashingFileBuf buf(fd);
        std::ostream out(&buf);
        try {
            write(out);
        } catch (const Error& e) {
            // A writer that fails on its stream (disk full) knows no file name: add it.
            if (!e.file().empty()) throw;
            const int err = buf.error();
            throw Error(e.code(), e.message() + (err ? ": " + system_reason(err) : std::string()), final_path.string());
        }
        out.flush();
        if (buf.error() || !out) fail("cannot write", final_path, buf.error());
        if (::fsync(fd) != 0) fail("cannot write (fsync)", final_path, errno);
        staged.bytes = buf.bytes();
        staged.sha256 = buf.digest();
        if (::close(fd) != 0) {
            const int err = errno;
            ::unlinkat(staging_fd_, n.c_str(), 0);
            fail("cannot write (close)", final_path, err);
        }
    } catch (...) {
        ::close(fd);
        ::unlinkat(staging_fd_, n.c_str(), 0);
        throw;
    }
    std::lock_guard lock(names_mutex);
    staged_.push_back(std::move(staged));
}

void OutputTransaction::adopt(std::string_view name) {
    add_name(name);
    const std::string n(name);
    const fs::path final_path = out_dir_ / n;
    const int fd = ::openat(staging_fd_, n.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) fail("cannot open the written file", final_path, errno);
    Sha256 hash;
    std::uint64_t bytes = 0;
    std::array<char, 1 << 16> buf;
    ssize_t r;
    while ((r = ::read(fd, buf.data(), buf.size())) != 0) {
        if (r < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            fail("cannot read back", final_path, err);
        }
        hash.update(buf.data(), static_cast<std::size_t>(r));
        bytes += static_cast<std::uint64_t>(r);
    }
    const bool synced = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!synced) fail("cannot write (fsync)", final_path, err);
    std::lock_guard lock(names_mutex);
    staged_.push_back({n, bytes, hash.hex()});
}

std::vector<fs::path> OutputTransaction::publish() {
    if (done_ || staging_fd_ < 0) throw Error(Errc::io_error, "output already published or rolled back", out_dir_.string());
    std::vector<Staged> files = staged_;
    std::sort(files.begin(), files.end(), [](const Staged& a, const Staged& b) { return a.name < b.name; });
    std::string manifest = "{\n  \"generator\": " + json_string(generator_) + ",\n  \"files\": [";
    for (std::size_t i = 0; i < files.size(); ++i)
        manifest += std::string(i ? "," : "") + "\n    {\"name\": " + json_string(files[i].name) +
                    ", \"bytes\": " + std::to_string(files[i].bytes) + ", \"sha256\": \"" + files[i].sha256 + "\"}";
    manifest += "\n  ]\n}\n";
    write(manifest_name, [&](std::ostream& out) { out << manifest; });
    if (::fsync(staging_fd_) != 0) fail("cannot sync the staging folder", out_dir_, errno);

    std::vector<std::string> order;
    for (const auto& s : staged_) order.push_back(s.name);
    // A folder where a file goes cannot be replaced by rename: refuse before anything moves.
    for (const auto& name : order) {
        struct stat st;
        if (::fstatat(out_fd_, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
            throw Error(Errc::io_error, "a folder is in the way of the output file", (out_dir_ / name).string());
    }
    const sigset_t held = interrupt_signals();
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &held, &previous);
    struct Restore {
        sigset_t mask;
        ~Restore() { pthread_sigmask(SIG_SETMASK, &mask, nullptr); }
    } restore{previous};
    FolderLock lock(out_fd_, out_dir_);
    std::string journal = "kgraph-publish 1\n" + staging_name_ + "\n";
    for (const auto& name : order) journal += name + "\n";
    {
        const int jfd = ::openat(out_fd_, journal_temp_name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (jfd < 0) fail("cannot write the publication journal", out_dir_ / journal_temp_name, errno);
        try {
            write_whole(jfd, journal, out_dir_ / journal_temp_name);
            if (::fsync(jfd) != 0) fail("cannot write the publication journal", out_dir_ / journal_temp_name, errno);
        } catch (...) {
            ::close(jfd);
            ::unlinkat(out_fd_, journal_temp_name, 0);
            throw;
        }
        ::close(jfd);
        if (::renameat(out_fd_, journal_temp_name, out_fd_, journal_name) != 0 || ::fsync(out_fd_) != 0)
            fail("cannot write the publication journal", out_dir_ / journal_name, errno);
    }
    std::vector<fs::path> published;
    for (const auto& name : order) {
        if (::renameat(staging_fd_, name.c_str(), out_fd_, name.c_str()) != 0)
            fail("cannot move the output into place", out_dir_ / name, errno);
        if (name != manifest_name) published.push_back(out_dir_ / name);
    }
    ::fsync(out_fd_);
    ::unlinkat(out_fd_, journal_name, 0);
    done_ = true;
    roll_back(); // removes the now empty staging folder
    ::fsync(out_fd_);
    return published;
}

void OutputTransaction::roll_back() noexcept {
    if (staging_fd_ >= 0 && interrupt_state.staging_fd.load() == staging_fd_) {
        interrupt_state.staging_fd = -1;
        interrupt_state.name_count = 0;
    }
    if (owner_fd_ >= 0) {
        ::close(owner_fd_);
        owner_fd_ = -1;
    }
    if (staging_fd_ >= 0) {
        ::close(staging_fd_);
        staging_fd_ = -1;
        if (out_fd_ >= 0) remove_staging_folder(out_fd_, staging_name_);
    }
    if (out_fd_ >= 0) {
        ::close(out_fd_);
        out_fd_ = -1;
    }
}

void install_interrupt_cleanup() {
    struct sigaction sa {};
    sa.sa_handler = &on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) ::sigaction(s, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
}

void register_child_process(int pid) noexcept {
    for (auto& c : interrupt_state.children) {
        int expected = 0;
        if (c.compare_exchange_strong(expected, pid)) return;
    }
}

void unregister_child_process(int pid) noexcept {
    for (auto& c : interrupt_state.children) {
        int expected = pid;
        if (c.compare_exchange_strong(expected, 0)) return;
    }
}

unsigned ensure_standard_descriptors() noexcept {
    unsigned reopened = 0;
    for (int fd = 0; fd <= 2; ++fd)
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            reopened |= 1u << fd;
            const int opened = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
            if (opened >= 0 && opened != fd) {
                ::dup2(opened, fd);
                ::close(opened);
            }
        }
    return reopened;
}

} // namespace kg
