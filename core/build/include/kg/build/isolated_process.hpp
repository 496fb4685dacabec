// SPDX-License-Identifier: Apache-2.0
#pragma once
// Work that may end the process it runs in (a C library that calls exit() or aborts on a
// full disk or a failed allocation: Graphviz does) runs in a child process instead, so that
// its failure becomes an error the program can report and recover from.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// The child's way back to the parent: text records, delivered in order.
class IsolatedChannel {
public:
    explicit IsolatedChannel(int fd) : fd_(fd) {}
    /// Send one record (any bytes). Returns false if the parent is gone.
    bool send(std::string_view record) noexcept;

private:
    int fd_;
};

/// How an isolated child ended and what it sent.
struct IsolatedResult {
    std::vector<std::string> records; ///< what the child sent, in order
    std::string diagnostics;          ///< what the child wrote to its standard error (bounded)
    int exit_status = -1;             ///< exit status, or -1 if it was killed
    int signal = 0;                   ///< the signal that ended it, or 0
    bool completed() const noexcept { return exit_status == 0 && signal == 0; }
    /// "exit status 1", "signal 6 (Aborted)", ...
    std::string ending() const;
};

/// A child process started by start_isolated(); `wait()` collects it. Destroying it without
/// waiting kills the child.
class IsolatedProcess {
public:
    IsolatedProcess() = default;
    IsolatedProcess(IsolatedProcess&& other) noexcept;
    IsolatedProcess& operator=(IsolatedProcess&& other) noexcept;
    ~IsolatedProcess();
    /// Read everything the child sends until it ends, then reap it.
    IsolatedResult wait();
    bool running() const noexcept { return pid_ > 0; }

private:
    friend IsolatedProcess start_isolated(const std::function<void(IsolatedChannel&)>& work);
    int pid_ = -1;
    int records_fd_ = -1;
    int diagnostics_fd_ = -1;
};

/// Run `work` in a forked child (no exec: it shares this process's memory as it was at the
/// fork). The child dies with its parent, has the default signal actions, writes its
/// standard error to the parent, runs with TZ=UTC (no time zone reaches what it writes) and
/// ends with _exit: no exit handlers of the parent run twice. An exception out of `work`
/// ends the child with status 1 after sending its message as the last record.
/// Contract: call while no other thread of this process holds a lock `work` needs (in
/// practice: while this is the only thread); throws kg::Error(io_error) if no process can
/// be started.
IsolatedProcess start_isolated(const std::function<void(IsolatedChannel&)>& work);

} // namespace kg
