// SPDX-License-Identifier: Apache-2.0
#include "kg/build/isolated_process.hpp"

#include "kg/build/output_transaction.hpp"
#include "kg/error.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>

namespace kg {
namespace {

constexpr std::size_t max_diagnostics = 1 << 16;

bool write_all(int fd, const char* p, std::size_t n) noexcept {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// Records are framed as "<length>\n<bytes>".
void split_records(std::string& buffer, std::vector<std::string>& out) {
    std::size_t at = 0;
    for (;;) {
        const std::size_t nl = buffer.find('\n', at);
        if (nl == std::string::npos) break;
        const std::size_t len = std::strtoull(buffer.c_str() + at, nullptr, 10);
        if (buffer.size() - (nl + 1) < len) break;
        out.push_back(buffer.substr(nl + 1, len));
        at = nl + 1 + len;
    }
    buffer.erase(0, at);
}

[[noreturn]] void run_child(const std::function<void(IsolatedChannel&)>& work, int records_fd, int diagnostics_fd,
                            pid_t parent) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(111);
    // SIGABRT too: a handler the host program installed (a test runner's, an embedding
    // application's) would otherwise run in the child and could end it with an exit status,
    // hiding the abort from the parent.
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT}) std::signal(s, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(diagnostics_fd, 2);
    ::close(diagnostics_fd);
    ::setenv("TZ", "UTC0", 1);
    ::tzset();
    IsolatedChannel channel(records_fd);
    int status = 0;
    try {
        work(channel);
    } catch (const std::exception& e) {
        channel.send(e.what());
        status = 1;
    } catch (...) {
        channel.send("unknown failure");
        status = 1;
    }
    ::_exit(status);
}

} // namespace

bool IsolatedChannel::send(std::string_view record) noexcept {
    const std::string head = std::to_string(record.size()) + "\n";
    return write_all(fd_, head.data(), head.size()) && write_all(fd_, record.data(), record.size());
}

std::string IsolatedResult::ending() const {
    if (signal) return "signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
    return "exit status " + std::to_string(exit_status);
}

IsolatedProcess::IsolatedProcess(IsolatedProcess&& other) noexcept
    : pid_(other.pid_), records_fd_(other.records_fd_), diagnostics_fd_(other.diagnostics_fd_) {
    other.pid_ = other.records_fd_ = other.diagnostics_fd_ = -1;
}

IsolatedProcess& IsolatedProcess::operator=(IsolatedProcess&& other) noexcept {
    if (this != &other) {
        this->~IsolatedProcess();
        pid_ = other.pid_;
        records_fd_ = other.records_fd_;
        diagnostics_fd_ = other.diagnostics_fd_;
        other.pid_ = other.records_fd_ = other.diagnostics_fd_ = -1;
    }
    return *this;
}

IsolatedProcess::~IsolatedProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int status;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
        unregister_child_process(pid_);
    }
    if (records_fd_ >= 0) ::close(records_fd_);
    if (diagnostics_fd_ >= 0) ::close(diagnostics_fd_);
}

IsolatedResult IsolatedProcess::wait() {
    IsolatedResult result;
    std::string records;
    pollfd fds[2] = {{records_fd_, POLLIN, 0}, {diagnostics_fd_, POLLIN, 0}};
    int open_fds = 2;
    char buf[1 << 15];
    while (open_fds > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (auto& p : fds) {
            if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = ::read(p.fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ::close(p.fd);
                if (p.fd == records_fd_) records_fd_ = -1;
                else diagnostics_fd_ = -1;
                p.fd = -1;
                --open_fds;
                continue;
            }
            if (p.fd == records_fd_) {
                records.append(buf, static_cast<std::size_t>(n));
                split_records(records, result.records);
            } else if (result.diagnostics.size() < max_diagnostics) {
                result.diagnostics.append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0)
        if (errno != EINTR) break;
    unregister_child_process(pid_);
    pid_ = -1;
    if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

IsolatedProcess start_isolated(const std::function<void(IsolatedChannel&)>& work) {
    int records[2], diagnostics[2];
    if (::pipe2(records, O_CLOEXEC) != 0) throw Error(Errc::io_error, std::string("cannot create a pipe: ") + std::strerror(errno));
    if (::pipe2(diagnostics, O_CLOEXEC) != 0) {
        const int err = errno;
        ::close(records[0]);
        ::close(records[1]);
        throw Error(Errc::io_error, std::string("cannot create a pipe: ") + std::strerror(err));
    }
    std::fflush(nullptr);
    std::cout.flush();
    std::cerr.flush();
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int err = errno;
        for (int fd : {records[0], records[1], diagnostics[0], diagnostics[1]}) ::close(fd);
        throw Error(Errc::io_error, std::string("cannot start a child process: ") + std::strerror(err));
    }
    if (pid == 0) {
        ::close(records[0]);
        ::close(diagnostics[0]);
        run_child(work, records[1], diagnostics[1], parent);
    }
    ::close(records[1]);
    ::close(diagnostics[1]);
    register_child_process(pid);
    IsolatedProcess p;
    p.pid_ = pid;
    p.records_fd_ = records[0];
    p.diagnostics_fd_ = diagnostics[0];
    return p;
}

} // namespace kg
