// SPDX-License-Identifier: Apache-2.0
#pragma once
// A streaming XML reader with each element's line: libxml2's reader, whose types and
// messages stay in xml_reader.cpp (the one place kg::validate calls libxml2).
#include "contract.hpp"

#include <memory>
#include <string>

namespace kg::detail {

class XmlReader {
public:
    /// Opens `path`; a file that cannot be opened, and every well-formedness error met while
    /// reading, goes to `report` with its line.
    XmlReader(const std::string& path, Reporter& report);
    ~XmlReader();
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    /// Moves to the next start or end tag; false at the end of the file or on an error.
    bool next();
    bool at_start() const noexcept { return start_; }
    bool empty_element() const; ///< <x/>: no end tag follows
    std::string name() const;   ///< local name
    std::string namespace_uri() const;
    std::uint64_t line() const;
    std::string attribute(const char* name) const;
    /// The text content of the current element (reads through it).
    std::string text();
    bool opened() const noexcept { return reader_ != nullptr; }
    /// The file was not well-formed (or could not be opened): reading stopped early.
    bool failed() const noexcept { return failed_; }

private:
    void* reader_ = nullptr; ///< libxml2's xmlTextReader
    Reporter& report_;
    bool start_ = false;
    bool failed_ = false;
};

} // namespace kg::detail
