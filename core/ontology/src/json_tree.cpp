// SPDX-License-Identifier: Apache-2.0
#include "json_tree.hpp"

#include "kg/base/utf8.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace kg::detail {

const JsonValue* JsonValue::find(const std::string& key) const {
    for (const auto& [k, v] : members)
        if (k == key) return &v;
    return nullptr;
}

namespace {

// RapidJSON copies a plain StringStream while parsing strings and numbers, so Tell() would
// lag behind inside the handler; a derived stream type turns that copying off.
struct PositionStream : rapidjson::StringStream {
    using rapidjson::StringStream::StringStream;
};

// SAX handler building JsonValue trees. RapidJSON reports an event after consuming the
// token, so the start of a scalar is found by skipping separators from the previous end.
class TreeBuilder {
public:
    TreeBuilder(const std::string& text, PositionStream& stream) : text_(text), stream_(stream) {}

    bool Null() { return scalar(JsonValue{}); }
    bool Bool(bool b) { JsonValue v; v.kind = JsonValue::Kind::boolean; v.boolean = b; return scalar(std::move(v)); }
    bool Int(int i) { return number(i, true); }
    bool Uint(unsigned u) { return number(u, true); }
    bool Int64(std::int64_t i) { return number(static_cast<double>(i), true); }
    bool Uint64(std::uint64_t u) { return number(static_cast<double>(u), true); }
    bool Double(double d) { return number(d, false); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        JsonValue v;
        v.kind = JsonValue::Kind::string;
        v.string.assign(s, n);
        return scalar(std::move(v));
    }
    bool StartObject() { return open(JsonValue::Kind::object); }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        pending_key_.assign(s, n);
        pending_key_offset_ = start_of_token();
        mark();
        // A key given twice would silently drop one of the two values: refuse it.
        if (!stack_.back().keys.insert(pending_key_).second) {
            duplicate_at_ = pending_key_offset_;
            return false; // RapidJSON stops with kParseErrorTermination
        }
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(JsonValue::Kind::array); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    JsonValue take_root() { return std::move(root_); }

    /// Nesting deeper than this is refused: RapidJSON's reader recurses once per level and
    /// the tree is destroyed recursively, so "[[[[..." a few hundred thousand deep would
    /// overflow the stack. Ontology files need four or five levels.
    static constexpr std::size_t max_depth = 256;
    /// Where the first container past max_depth opens, or npos.
    std::size_t too_deep_at() const { return too_deep_at_; }
    /// Where a key that its object already has starts, or npos; and the key.
    std::size_t duplicate_at() const { return duplicate_at_; }
    const std::string& duplicate_key() const { return pending_key_; }

private:
    std::size_t start_of_token() const {
        std::size_t p = last_end_;
        while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\n' ||
                                    text_[p] == '\r' || text_[p] == ',' || text_[p] == ':'))
            ++p;
        return p;
    }
    void mark() { last_end_ = stream_.Tell(); }
    bool number(double d, bool integral) {
        JsonValue v;
        v.kind = JsonValue::Kind::number;
        v.number = d;
        v.integral = integral;
        return scalar(std::move(v));
    }
    bool scalar(JsonValue v) {
        v.offset = start_of_token();
        mark();
        attach(std::move(v));
        return true;
    }
    bool open(JsonValue::Kind kind) {
        if (stack_.size() >= max_depth) {
            too_deep_at_ = stream_.Tell() - 1;
            return false; // RapidJSON stops with kParseErrorTermination
        }
        JsonValue v;
        v.kind = kind;
        v.offset = stream_.Tell() - 1;
        mark();
        stack_.push_back({std::move(v), pending_key_, pending_key_offset_, {}});
        return true;
    }
    bool close() {
        mark();
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        pending_key_ = f.key;
        pending_key_offset_ = f.key_offset;
        attach(std::move(f.value));
        return true;
    }
    void attach(JsonValue v) {
        if (stack_.empty()) { root_ = std::move(v); return; }
        JsonValue& parent = stack_.back().value;
        if (parent.kind == JsonValue::Kind::object) {
            parent.members.emplace_back(pending_key_, std::move(v));
            parent.key_offsets.push_back(pending_key_offset_);
        } else {
            parent.items.push_back(std::move(v));
        }
    }

    struct Frame { JsonValue value; std::string key; std::size_t key_offset; std::unordered_set<std::string> keys; };
    const std::string& text_;
    PositionStream& stream_;
    std::vector<Frame> stack_;
    JsonValue root_;
    std::string pending_key_;
    std::size_t pending_key_offset_ = 0;
    std::size_t last_end_ = 0;
    std::size_t too_deep_at_ = std::string::npos;
    std::size_t duplicate_at_ = std::string::npos;
};

const char* kind_name(JsonValue::Kind k) {
    switch (k) {
    case JsonValue::Kind::null: return "null";
    case JsonValue::Kind::boolean: return "a boolean";
    case JsonValue::Kind::number: return "a number";
    case JsonValue::Kind::string: return "a string";
    case JsonValue::Kind::array: return "an array";
    case JsonValue::Kind::object: return "an object";
    }
    return "?";
}

} // namespace

JsonFile::JsonFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
    if (auto bad = find_invalid_utf8(text_)) {
        auto lc = line_column(text_, *bad);
        throw Error(Errc::ontology_syntax, "invalid UTF-8", path_, static_cast<std::int64_t>(lc.line),
                    static_cast<std::int64_t>(lc.column));
    }
    PositionStream stream(text_.c_str());
    TreeBuilder builder(text_, stream);
    rapidjson::Reader reader;
    rapidjson::ParseResult ok = reader.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseFullPrecisionFlag>(stream, builder);
    if (!ok && builder.too_deep_at() != std::string::npos) {
        auto lc = line_column(text_, builder.too_deep_at());
        throw Error(Errc::ontology_syntax,
                    "JSON nested deeper than " + std::to_string(TreeBuilder::max_depth) + " levels", path_,
                    static_cast<std::int64_t>(lc.line), static_cast<std::int64_t>(lc.column));
    }
    if (!ok && builder.duplicate_at() != std::string::npos) {
        auto lc = line_column(text_, builder.duplicate_at());
        throw Error(Errc::ontology_syntax, "duplicate key \"" + builder.duplicate_key() + "\" in one object", path_,
                    static_cast<std::int64_t>(lc.line), static_cast<std::int64_t>(lc.column));
    }
    if (!ok) {
        auto lc = line_column(text_, ok.Offset());
        throw Error(Errc::ontology_syntax, std::string("JSON syntax error: ") + rapidjson::GetParseError_En(ok.Code()),
                    path_, static_cast<std::int64_t>(lc.line), static_cast<std::int64_t>(lc.column));
    }
    // Anything but white space after the document is an error too.
    for (std::size_t p = stream.Tell(); p < text_.size(); ++p) {
        const char c = text_[p];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            auto lc = line_column(text_, p);
            throw Error(Errc::ontology_syntax, "JSON syntax error: text after the end of the document", path_,
                        static_cast<std::int64_t>(lc.line), static_cast<std::int64_t>(lc.column));
        }
    }
    root_ = builder.take_root();
}

std::string JsonFile::where(std::size_t offset) const {
    auto lc = line_column(text_, offset);
    return path_ + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

void JsonFile::fail(const JsonValue& at, const std::string& message, Errc code) const {
    auto lc = line_column(text_, at.offset);
    throw Error(code, message, path_, static_cast<std::int64_t>(lc.line), static_cast<std::int64_t>(lc.column));
}

const JsonValue& JsonFile::require(const JsonValue& object, const std::string& key) const {
    if (const JsonValue* v = object.find(key)) return *v;
    fail(object, "missing required field \"" + key + "\"");
}

std::string JsonFile::string_of(const JsonValue& v, const std::string& what) const {
    if (v.kind != JsonValue::Kind::string) fail(v, what + " must be a string, not " + kind_name(v.kind));
    return v.string;
}

bool JsonFile::bool_of(const JsonValue& v, const std::string& what) const {
    if (v.kind != JsonValue::Kind::boolean) fail(v, what + " must be true or false, not " + kind_name(v.kind));
    return v.boolean;
}

int JsonFile::int_of(const JsonValue& v, const std::string& what) const {
    if (v.kind != JsonValue::Kind::number || !v.integral || std::fabs(v.number) > 1e9)
        fail(v, what + " must be an integer");
    return static_cast<int>(v.number);
}

std::vector<std::string> JsonFile::strings_of(const JsonValue& v, const std::string& what) const {
    if (v.kind != JsonValue::Kind::array) fail(v, what + " must be an array of strings, not " + kind_name(v.kind));
    std::vector<std::string> out;
    out.reserve(v.items.size());
    for (const auto& item : v.items) out.push_back(string_of(item, what + " item"));
    return out;
}

const JsonValue& JsonFile::object_of(const JsonValue& v, const std::string& what) const {
    if (v.kind != JsonValue::Kind::object) fail(v, what + " must be an object, not " + kind_name(v.kind));
    return v;
}

const JsonValue& JsonFile::array_of(const JsonValue& v, const std::string& what) const {
    if (v.kind != JsonValue::Kind::array) fail(v, what + " must be an array, not " + kind_name(v.kind));
    return v;
}

void JsonFile::only_keys(const JsonValue& object, std::initializer_list<const char*> allowed) const {
    for (std::size_t i = 0; i < object.members.size(); ++i) {
        const std::string& k = object.members[i].first;
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; })) {
            std::string list;
            for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            JsonValue at;
            at.offset = object.key_offsets[i];
            fail(at, "unknown field \"" + k + "\" (expected one of: " + list + ")");
        }
    }
}

} // namespace kg::detail
