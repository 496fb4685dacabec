// SPDX-License-Identifier: Apache-2.0
#pragma once
// The output of one run as one transaction: every file is written into a private staging
// folder inside the output folder and all of them are published together, or none is.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// One run's output files. Construction opens (or creates) the output folder, finishes a
/// publication that a killed run left half done, removes the staging folders of runs that
/// are no longer alive, and creates this run's staging folder (`.kgraph-run-XXXXXX`, mode
/// 0700, made by mkdtemp so no other user can plant a link in it). Files are written there
/// under their final names; `publish()` renames them into the output folder under an
/// exclusive lock on it, with a manifest (`manifest.json`: generator, then each file's name,
/// size and SHA-256, all of it deterministic) and a journal that lets the next run finish a
/// publication interrupted half-way. A transaction destroyed without `publish()` removes its
/// staging folder; a run killed by SIGINT, SIGTERM, SIGHUP or SIGQUIT removes it from the
/// signal handler (install_interrupt_cleanup()); a run killed by SIGKILL leaves it for the
/// next run to remove.
///
/// Readers that must never see files of two runs take a shared flock(2) on the output
/// folder while they read: publication holds the exclusive lock.
///
/// Contract: one transaction per output folder per process at a time; `write`, `adopt` and
/// `staging_path` may be called from several threads (distinct names); `publish` from one.
/// Errors are kg::Error(io_error) naming the file.
class OutputTransaction {
public:
    /// `generator` names the program in the manifest, e.g. "kgraph 0.2.0".
    OutputTransaction(std::filesystem::path out_dir, std::string generator);
    ~OutputTransaction();
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;

    /// Where the file `name` (a plain file name, no '/') is staged. Registers the name, so a
    /// file another process writes there (a renderer) is cleaned up on interruption too.
    std::filesystem::path staging_path(std::string_view name);

    /// Write the staged file `name` through `write`: buffered, every write checked, fsynced.
    /// On any failure the partial file is removed and kg::Error names the final path and
    /// the system's reason (disk full, file too large, ...).
    void write(std::string_view name, const std::function<void(std::ostream&)>& write);

    /// Take into the transaction a file another writer put at staging_path(name); fsyncs it.
    void adopt(std::string_view name);

    /// Publish every written and adopted file, plus the manifest, into the output folder.
    /// Signals are held back while files move, so an interruption leaves either the old set
    /// or the new one. Returns the published paths, in the order the files were added.
    std::vector<std::filesystem::path> publish();

    /// Drop every staged file and the staging folder (also done by the destructor).
    void roll_back() noexcept;

    const std::filesystem::path& out_dir() const noexcept { return out_dir_; }

    /// The manifest's file name.
    static constexpr std::string_view manifest_name = "manifest.json";

private:
    struct Staged {
        std::string name;
        std::uint64_t bytes = 0;
        std::string sha256;
    };
    void add_name(std::string_view name);

    std::filesystem::path out_dir_;
    std::string generator_;
    std::string staging_name_;
    int out_fd_ = -1;
    int staging_fd_ = -1;
    int owner_fd_ = -1;
    bool done_ = false;
    std::vector<Staged> staged_;
    std::vector<std::string> names_;
};

/// Install handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT that remove the staging folder
/// of the live OutputTransaction (if any) and stop every registered child process, then
/// end the process by the same signal; and ignore SIGPIPE and SIGXFSZ, so that writing to a
/// closed pipe or past a file-size limit is an error (EPIPE, EFBIG), not a silent death.
/// Call once, early, before any thread starts.
void install_interrupt_cleanup();

/// A child process the interrupt handler stops with SIGKILL (see run_isolated()).
void register_child_process(int pid) noexcept;
void unregister_child_process(int pid) noexcept;

/// Make sure descriptors 0, 1 and 2 are open (on /dev/null if they were closed), so that no
/// file the program opens later takes their number and receives its messages. Returns a
/// bit mask of the descriptors that were closed (bit 0: standard input, ...).
unsigned ensure_standard_descriptors() noexcept;

} // namespace kg
