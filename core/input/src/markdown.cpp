// SPDX-License-Identifier: Apache-2.0
#include "kg/input/markdown.hpp"

#include "kg/error.hpp"

#include <yaml.h>

#include <algorithm>

namespace kg {
namespace {

// The line that starts at `b`, without its line break; `next` is where the following one starts.
std::string_view line_at(std::string_view text, std::size_t b, std::size_t& next) {
    std::size_t e = text.find('\n', b);
    next = e == std::string_view::npos ? text.size() : e + 1;
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    if (line.ends_with('\r')) line.remove_suffix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line;
}

// libyaml's document, freed on every path. The one place its errors become kg::Error.
class YamlDocument {
public:
    YamlDocument(std::string_view yaml, const std::string& path, std::int64_t first_line) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
        if (!yaml_parser_load(&parser_, &doc_)) {
            const std::string problem = parser_.problem ? parser_.problem : "unreadable YAML";
            const auto line = static_cast<std::int64_t>(parser_.problem_mark.line) + first_line;
            const auto column = static_cast<std::int64_t>(parser_.problem_mark.column) + 1;
            yaml_parser_delete(&parser_);
            throw Error(Errc::input_record, "front matter: " + problem, path, line, column);
        }
        loaded_ = true;
    }
    ~YamlDocument() {
        if (loaded_) yaml_document_delete(&doc_);
        yaml_parser_delete(&parser_);
    }
    YamlDocument(const YamlDocument&) = delete;
    YamlDocument& operator=(const YamlDocument&) = delete;

    yaml_node_t* root() { return yaml_document_get_root_node(&doc_); }
    yaml_node_t* node(int id) { return yaml_document_get_node(&doc_, id); }

private:
    yaml_parser_t parser_{};
    yaml_document_t doc_{};
    bool loaded_ = false;
};

std::string_view scalar(const yaml_node_t* n) {
    if (!n || n->type != YAML_SCALAR_NODE) return {};
    return {reinterpret_cast<const char*>(n->data.scalar.value), n->data.scalar.length};
}

} // namespace

std::optional<FrontMatter> read_front_matter(std::string_view text, const FieldNames& names, const std::string& path) {
    std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0, next = 0;
    if (line_at(text, start, next) != "---") return std::nullopt;
    const std::size_t yaml_begin = next;
    std::int64_t line_no = 2;
    for (std::size_t b = yaml_begin; b < text.size(); ++line_no) {
        std::size_t after = 0;
        const std::string_view line = line_at(text, b, after);
        if (line == "---" || line == "...") {
            FrontMatter fm;
            fm.span = {0, static_cast<std::uint32_t>(after)};
            YamlDocument yaml(text.substr(yaml_begin, b - yaml_begin), path, 2);
            yaml_node_t* root = yaml.root();
            if (!root) return fm; // an empty front matter
            if (root->type != YAML_MAPPING_NODE)
                throw Error(Errc::input_record, "front matter: the top level is not a mapping of keys to values", path, 2);
            for (RecordField field : {RecordField::url, RecordField::title, RecordField::date, RecordField::outlet,
                                      RecordField::authors, RecordField::language}) {
                const auto& keys = names.of(field);
                yaml_node_t* value = nullptr;
                for (auto k = keys.begin(); k != keys.end() && !value; ++k)
                    for (yaml_node_pair_t* p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; ++p)
                        if (scalar(yaml.node(p->key)) == *k) {
                            value = yaml.node(p->value);
                            break;
                        }
                if (!value) continue;
                try {
                    if (value->type == YAML_SEQUENCE_NODE && field == RecordField::authors) {
                        for (yaml_node_item_t* i = value->data.sequence.items.start; i < value->data.sequence.items.top; ++i)
                            set_record_field(fm.record, field, scalar(yaml.node(*i)));
                    } else {
                        set_record_field(fm.record, field, scalar(value));
                    }
                } catch (const Error& e) {
                    throw Error(e.code(), "front matter: " + e.message(), path, static_cast<std::int64_t>(value->start_mark.line) + 2,
                                static_cast<std::int64_t>(value->start_mark.column) + 1);
                }
            }
            return fm;
        }
        b = after;
    }
    throw Error(Errc::input_record, "front matter opened by \"---\" on line 1 is never closed by a \"---\" line", path, 1);
}

} // namespace kg
