#pragma once
// Atomic output files: write to a temporary file beside the target, then rename, so an
// interrupted or failing run never leaves a truncated graph behind.
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace kg::cli {

/// Fail early, before any work, when `dir` cannot be created or written.
void check_output_dir(const std::filesystem::path& dir);

/// Write `target` through `write`, atomically. Throws kg::Error(io_error) naming the file.
void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

/// Same, for writers that need a file name (renderers that write the file themselves).
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(const std::string& temp_path)>& write);

} // namespace kg::cli
