// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading inputs: expand paths into a sorted list of documents and read each one's bytes
// with the checks a batch needs (missing, unreadable, binary, not UTF-8).
#include "kg/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// Bounds on what a batch reads, so that no input can hang it or exhaust its memory.
struct InputLimits {
    /// A document over this many bytes is refused (its file is named; the batch goes on).
    std::uint64_t max_document_bytes = 8u << 20;
    /// A file that holds many articles (JSON Lines, a JSON array) over this many bytes is
    /// refused; each of its records is still bounded by max_document_bytes.
    std::uint64_t max_input_bytes = 1ull << 30;
    /// Folders nested deeper than this below a path given are not walked (and reported).
    unsigned max_depth = 64;
};

/// One input to read: a file path, or "-" for standard input.
struct InputSource {
    std::string path; ///< as it will appear in the graph ("<stdin>" for "-")
    bool is_stdin = false;
};

/// A problem with one input that does not stop the batch.
struct InputProblem {
    std::string path;
    Error error;
};

/// Expand the command-line paths: files are taken as they are; directories are walked
/// recursively (symlink loops detected, at most `limits.max_depth` levels) for files ending
/// in the given extensions (a folder's README documents it and is left out; hidden folders
/// are skipped), sorted by path so the order never depends on the file system. Each real
/// file is listed once, under the first path that reaches it, however many links lead to
/// it. Missing paths, unreadable directories, folders nested too deep and entries with an
/// input extension that are not regular files (FIFOs, devices, sockets) become problems.
std::vector<InputSource> expand_inputs(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& extensions,
                                       std::vector<InputProblem>& problems, const InputLimits& limits = {});

/// Read one input's bytes. Only regular files are read (a FIFO or a device would block or
/// never end), and standard input only when it is not a directory; at most
/// `limits.max_document_bytes`. Throws kg::Error: io_error (cannot open/read, with errno
/// text; not a regular file; over the size limit), binary_input (NUL byte, with its
/// offset), invalid_utf8 (with the first bad byte's offset). A UTF-8 byte-order mark is
/// kept in the text (offsets stay file offsets) and skipped by segmentation.
std::string read_input(const InputSource& source, const InputLimits& limits = {});

/// read_input without the text checks: at most `limit` bytes (0: no limit) of a regular
/// file or of standard input, whatever they hold (an HTML page in its own encoding, a JSON
/// Lines file whose records are checked one by one). Throws kg::Error(io_error) as read_input;
/// `what` names the limit in the message ("per file (--max-input-bytes)").
std::string read_bytes(const InputSource& source, std::uint64_t limit, std::string_view what);

/// The checks read_input makes of a text: throws kg::Error binary_input (NUL byte) or
/// invalid_utf8, with the byte offset and `path`.
void check_text(std::string_view bytes, const std::string& path);

} // namespace kg
