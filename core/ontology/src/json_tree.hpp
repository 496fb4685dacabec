// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small JSON tree that remembers where each value starts, so that ontology validation
// can say FILE:LINE:COL. Built with RapidJSON's SAX reader: the one place where RapidJSON
// parse errors become kg::Error.
#include "kg/error.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kg::detail {

class JsonFile;
struct JsonMember;

/// One JSON value and its byte offset in the file.
struct JsonValue {
    enum class Kind { null, boolean, number, string, array, object };
    Kind kind = Kind::null;
    bool boolean = false;
    double number = 0;
    bool integral = false;
    std::string string;
    std::vector<JsonValue> items;                            ///< array elements
    std::vector<JsonMember> members;                         ///< object members, in file order
    std::vector<std::size_t> key_offsets;                    ///< offset of each member's key
    std::size_t offset = 0;

    const JsonValue* find(const std::string& key) const;
    bool is_object() const { return kind == Kind::object; }
    bool is_array() const { return kind == Kind::array; }
    bool is_string() const { return kind == Kind::string; }
};

/// One object member: key and value. A struct, not std::pair, because std::pair of a type
/// still being defined does not compile with clang and libstdc++ (the fuzzing build).
struct JsonMember {
    std::string first;
    JsonValue second;
    JsonMember() = default;
    JsonMember(std::string key, JsonValue value) : first(std::move(key)), second(std::move(value)) {}
};

/// A parsed file: the tree plus the text, to turn offsets into line:column.
class JsonFile {
public:
    /// Parse `text`; throws Error(ontology_syntax) with FILE:LINE:COL on a syntax error.
    JsonFile(std::string path, std::string text);

    const JsonValue& root() const { return root_; }
    const std::string& path() const { return path_; }

    /// "FILE:LINE:COL" of an offset.
    std::string where(std::size_t offset) const;
    /// An ontology_schema error at a value.
    [[noreturn]] void fail(const JsonValue& at, const std::string& message,
                           Errc code = Errc::ontology_schema) const;

    // Typed accessors: each fails with a message naming the expected type.
    const JsonValue& require(const JsonValue& object, const std::string& key) const;
    std::string string_of(const JsonValue& v, const std::string& what) const;
    bool bool_of(const JsonValue& v, const std::string& what) const;
    int int_of(const JsonValue& v, const std::string& what) const;
    std::vector<std::string> strings_of(const JsonValue& v, const std::string& what) const;
    const JsonValue& object_of(const JsonValue& v, const std::string& what) const;
    const JsonValue& array_of(const JsonValue& v, const std::string& what) const;
    /// Fail on any member not in `allowed` (catches typos such as "alias").
    void only_keys(const JsonValue& object, std::initializer_list<const char*> allowed) const;

private:
    std::string path_;
    std::string text_;
    JsonValue root_;
};

} // namespace kg::detail
