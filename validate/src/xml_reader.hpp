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
    /// Opens `path`; a file that cannot be opened, every well-formedness error met while
    /// reading, and a root element other than `root` of namespace `namespace_uri` go to
    /// `report` with their line.
    XmlReader(const std::string& path, Reporter& report, std::string root, std::string namespace_uri);
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
    /// After the last next(): whether the shared checks can run on what was read. False when
    /// reading stopped early (the file is reported as such, not as the dangling edges it would
    /// leave) or the file held no element (reported here).
    bool read_whole();

private:
    void* reader_ = nullptr; ///< libxml2's xmlTextReader
    Reporter& report_;
    bool start_ = false;
    bool failed_ = false;
    bool root_seen_ = false;
    std::string root_, namespace_;
};

} // namespace kg::detail
