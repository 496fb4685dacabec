#pragma once
// Reading inputs: expand paths into a sorted list of documents and read each one's bytes
// with the checks a batch needs (missing, unreadable, binary, not UTF-8).
#include "kg/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kg {

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
/// recursively (symlink loops detected) for files ending in the given extensions (a folder's
/// README documents it and is left out; hidden folders are skipped), sorted
/// by path so the order never depends on the file system. Missing paths and unreadable
/// directories become problems.
std::vector<InputSource> expand_inputs(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& extensions,
                                       std::vector<InputProblem>& problems);

/// Read one input's bytes. Throws kg::Error: io_error (cannot open/read, with errno
/// text), binary_input (NUL byte, with its offset), invalid_utf8 (with the first bad
/// byte's offset). A UTF-8 byte-order mark is kept in the text (offsets stay file offsets)
/// and skipped by segmentation.
std::string read_input(const InputSource& source);

} // namespace kg
