// SPDX-License-Identifier: Apache-2.0
#include "kg/input/input.hpp"

#include "kg/base/utf8.hpp"
#include "kg/error.hpp"
#include "kg/input/html.hpp"
#include "kg/input/markdown.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>

namespace kg {
namespace {

std::string lower_extension(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    const std::size_t dot = path.find_last_of('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
    std::string ext(path.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && json_space(s[i])) ++i;
    return i;
}

std::int64_t line_of(std::string_view s, std::size_t offset) {
    return 1 + static_cast<std::int64_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(std::min(offset, s.size())), '\n'));
}

const char* field_name(RecordField f) {
    switch (f) {
    case RecordField::url: return "url";
    case RecordField::title: return "title";
    case RecordField::text: return "text";
    case RecordField::date: return "date";
    case RecordField::outlet: return "outlet";
    case RecordField::authors: return "authors";
    case RecordField::language: return "language";
    }
    return "?";
}

// The first of a field's keys that the object has with a value other than null.
const rapidjson::Value* member(const rapidjson::Value& object, const std::vector<std::string>& keys, std::string& key) {
    for (const auto& k : keys) {
        auto it = object.FindMember(rapidjson::Value(k.data(), static_cast<rapidjson::SizeType>(k.size())));
        if (it != object.MemberEnd() && !it->value.IsNull()) {
            key = k;
            return &it->value;
        }
    }
    return nullptr;
}

std::string_view string_of(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// One article object. Throws kg::Error(input_record) without a location; the caller adds it.
Article article_of(const rapidjson::Value& v, const InputOptions& options) {
    if (!v.IsObject()) throw Error(Errc::input_record, "the record is not a JSON object");
    Article a;
    std::string key;
    const rapidjson::Value* text = member(v, options.fields.text, key);
    if (!text) throw Error(Errc::input_record, "the record has no text (none of the keys " + [&] {
        std::string keys;
        for (const auto& k : options.fields.text) keys += (keys.empty() ? "\"" : ", \"") + k + "\"";
        return keys;
    }() + "; see --json-field text=KEY)");
    if (!text->IsString()) throw Error(Errc::input_record, "the text field \"" + key + "\" is not a string");
    a.text = std::string(string_of(*text));
    if (a.text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(Errc::input_record, "the text field \"" + key + "\" is empty");
    if (a.text.size() > options.limits.max_document_bytes && options.limits.max_document_bytes)
        throw Error(Errc::input_record, "a text of " + std::to_string(a.text.size()) + " bytes, over the limit of " +
                                            std::to_string(options.limits.max_document_bytes) +
                                            " bytes per document (--max-document-bytes): not read");
    if (auto nul = find_nul(a.text))
        throw Error(Errc::input_record, "the text holds a NUL character (at byte " + std::to_string(*nul) + " of the text)");
    if (auto bad = find_invalid_utf8(a.text))
        throw Error(Errc::input_record, "the text is not valid UTF-8 (at byte " + std::to_string(*bad) + " of the text)");
    for (RecordField field : {RecordField::url, RecordField::title, RecordField::date, RecordField::outlet, RecordField::authors,
                              RecordField::language}) {
        const rapidjson::Value* value = member(v, options.fields.of(field), key);
        if (!value) continue;
        try {
            if (value->IsString()) {
                set_record_field(a.record, field, string_of(*value));
            } else if (value->IsArray() && field == RecordField::authors) {
                for (const auto& item : value->GetArray()) {
                    if (!item.IsString()) throw Error(Errc::input_record, "an author that is not a string");
                    set_record_field(a.record, field, string_of(item));
                }
            } else {
                throw Error(Errc::input_record, std::string("not a string") + (field == RecordField::authors ? " or a list of strings" : ""));
            }
        } catch (const Error& e) {
            throw Error(Errc::input_record, std::string(field_name(field)) + " field \"" + key + "\": " + e.message());
        }
    }
    return a;
}

// Each JSON value of a JSON Lines file (one a line; blank lines skipped) or of a JSON array
// becomes a unit, or a problem with its line.
void json_units(const InputSource& source, const std::string& bytes, const InputOptions& options, std::vector<InputUnit>& out,
                std::vector<InputProblem>& problems) {
    // Iterative: a record nested a million levels deep must not overflow the stack.
    constexpr unsigned line_flags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
    constexpr unsigned flags = line_flags | rapidjson::kParseStopWhenDoneFlag;
    auto add = [&](const rapidjson::Value& v, std::int64_t line) {
        InputUnit u{source, InputFormat::jsonl, static_cast<std::uint64_t>(line), std::nullopt};
        try {
            Article a = article_of(v, options);
            complete_record(a.record, a.text, "jsonl", u.where());
            u.article = std::move(a);
            out.push_back(std::move(u));
        } catch (const Error& e) {
            problems.push_back({u.where(), Error(e.code(), e.message(), source.path, line)});
        }
    };
    auto parse_error = [&](const rapidjson::Document& d, std::size_t base, std::int64_t line) {
        const std::size_t at = base + d.GetErrorOffset();
        const std::size_t line_start = bytes.rfind('\n', at == 0 ? 0 : at - 1);
        const auto column = static_cast<std::int64_t>(at - (line_start == std::string::npos || at == 0 ? 0 : line_start + 1)) + 1;
        problems.push_back({source.path + ":" + std::to_string(line),
                            Error(Errc::input_record, std::string("not valid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()),
                                  source.path, line, column)});
    };
    std::size_t i = skip_space(bytes, 0);
    if (i < bytes.size() && bytes[i] == '[') {
        // A JSON array of article objects: each element parsed on its own, so that one bad
        // record is one problem; a syntax error ends the array (nothing after it can be placed).
        ++i;
        for (;;) {
            i = skip_space(bytes, i);
            if (i < bytes.size() && bytes[i] == ']') return;
            rapidjson::Document d;
            rapidjson::StringStream ss(bytes.c_str() + i);
            d.ParseStream<flags>(ss);
            const std::int64_t line = line_of(bytes, i);
            if (d.HasParseError()) {
                parse_error(d, i, line_of(bytes, i + d.GetErrorOffset()));
                return;
            }
            add(d, line);
            i = skip_space(bytes, i + ss.Tell());
            if (i < bytes.size() && bytes[i] == ',') { ++i; continue; }
            if (i < bytes.size() && bytes[i] == ']') return;
            problems.push_back({source.path + ":" + std::to_string(line_of(bytes, i)),
                                Error(Errc::input_record, "the JSON array goes on with neither ',' nor ']': the rest is not read",
                                      source.path, line_of(bytes, i))});
            return;
        }
    }
    std::int64_t line = 1;
    for (std::size_t b = 0; b < bytes.size(); ++line) {
        std::size_t e = bytes.find('\n', b);
        if (e == std::string::npos) e = bytes.size();
        const std::size_t start = skip_space(std::string_view(bytes).substr(0, e), b);
        if (start < e) {
            rapidjson::Document d;
            d.Parse<line_flags>(bytes.c_str() + start, e - start);
            if (d.HasParseError()) parse_error(d, start, line);
            else add(d, line);
        }
        b = e + 1;
    }
}

// One article from the bytes of a file or of standard input, in its format.
Article article_from(std::string bytes, InputFormat format, const InputOptions& options, const InputSource& source,
                     const std::string& where) {
    Article a;
    if (format == InputFormat::html) {
        HtmlArticle h = extract_html(bytes, source.path);
        a.text = std::move(h.text);
        a.record = std::move(h.record);
        a.record.extracted_text = a.text;
    } else {
        check_text(bytes, source.path);
        a.text = std::move(bytes);
        if (format == InputFormat::markdown)
            if (auto fm = read_front_matter(a.text, options.fields, source.path)) {
                a.metadata.push_back(fm->span);
                a.record = std::move(fm->record);
            }
    }
    complete_record(a.record, a.text, to_string(format), where);
    return a;
}

} // namespace

const char* to_string(InputFormat format) noexcept {
    switch (format) {
    case InputFormat::automatic: return "auto";
    case InputFormat::text: return "text";
    case InputFormat::markdown: return "markdown";
    case InputFormat::html: return "html";
    case InputFormat::jsonl: return "jsonl";
    }
    return "?";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
    if (name == "auto") return InputFormat::automatic;
    if (name == "text" || name == "txt") return InputFormat::text;
    if (name == "markdown" || name == "md") return InputFormat::markdown;
    if (name == "html" || name == "htm") return InputFormat::html;
    if (name == "jsonl" || name == "json" || name == "ndjson") return InputFormat::jsonl;
    return std::nullopt;
}

InputFormat format_of_path(std::string_view path) {
    const std::string ext = lower_extension(path);
    if (ext == ".md" || ext == ".markdown") return InputFormat::markdown;
    if (ext == ".html" || ext == ".htm") return InputFormat::html;
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return InputFormat::jsonl;
    return InputFormat::text;
}

std::string InputUnit::where() const { return line ? source.path + ":" + std::to_string(line) : source.path; }

std::vector<InputUnit> list_units(const std::vector<InputSource>& sources, const InputOptions& options,
                                  std::vector<InputProblem>& problems) {
    std::vector<InputUnit> out;
    for (const InputSource& source : sources) {
        InputFormat format = options.format != InputFormat::automatic ? options.format
                             : source.is_stdin                      ? InputFormat::automatic
                                                                    : format_of_path(source.path);
        if (format != InputFormat::jsonl && !source.is_stdin) {
            out.push_back({source, format, 0, std::nullopt});
            continue;
        }
        try {
            std::string bytes = read_bytes(source, options.limits.max_input_bytes, "per input file (--max-input-bytes)");
            if (format == InputFormat::automatic) {
                const std::size_t first = skip_space(bytes, 0);
                format = first < bytes.size() && (bytes[first] == '{' || bytes[first] == '[') ? InputFormat::jsonl : InputFormat::text;
            }
            if (format == InputFormat::jsonl) {
                json_units(source, bytes, options, out, problems);
                continue;
            }
            // Standard input holding one article: read now, it cannot be read twice.
            if (options.limits.max_document_bytes && bytes.size() > options.limits.max_document_bytes)
                throw Error(Errc::io_error, std::to_string(bytes.size()) + " bytes, over the limit of " +
                                                std::to_string(options.limits.max_document_bytes) +
                                                " bytes per document (--max-document-bytes): not read",
                            source.path);
            InputUnit u{source, format, 0, std::nullopt};
            u.article = article_from(std::move(bytes), format, options, source, u.where());
            out.push_back(std::move(u));
        } catch (const Error& e) {
            problems.push_back({source.path, e});
        }
    }
    return out;
}

Article read_article(InputUnit& unit, const InputOptions& options) {
    if (unit.article) {
        Article a = std::move(*unit.article);
        unit.article.reset();
        return a;
    }
    return article_from(read_bytes(unit.source, options.limits.max_document_bytes, "per document (--max-document-bytes)"),
                        unit.format, options, unit.source, unit.where());
}

} // namespace kg
