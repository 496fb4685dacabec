// SPDX-License-Identifier: Apache-2.0
#include "kg/error.hpp"

namespace kg {

std::string_view errc_name(Errc code) noexcept {
    switch (code) {
    case Errc::io_error: return "io-error";
    case Errc::invalid_utf8: return "invalid-utf8";
    case Errc::binary_input: return "binary-input";
    case Errc::ontology_syntax: return "ontology-syntax";
    case Errc::ontology_schema: return "ontology-schema";
    case Errc::ontology_conflict: return "ontology-conflict";
    case Errc::unicode_error: return "unicode-error";
    case Errc::forbidden_character: return "forbidden-character";
    case Errc::export_error: return "export-error";
    case Errc::usage: return "usage";
    case Errc::graphviz_error: return "graphviz-error";
    case Errc::resource_exhausted: return "resource-exhausted";
    case Errc::model_format: return "model-format";
    case Errc::input_record: return "input-record";
    case Errc::duplicate_document: return "duplicate-document";
    case Errc::partial_format: return "partial-format";
    case Errc::distributed: return "distributed";
    }
    return "unknown";
}

namespace {
std::string compose(Errc code, const std::string& message, const std::string& file,
                    std::int64_t line, std::int64_t column, std::int64_t byte_offset) {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line >= 0) {
            out += ':' + std::to_string(line);
            if (column >= 0) out += ':' + std::to_string(column);
        } else if (byte_offset >= 0) {
            out += ": byte " + std::to_string(byte_offset);
        }
        out += ": ";
    }
    out += message;
    out += " [";
    out += errc_name(code);
    out += ']';
    return out;
}
} // namespace

Error::Error(Errc code, std::string message, std::string file, std::int64_t line,
             std::int64_t column, std::int64_t byte_offset)
    : std::runtime_error(compose(code, message, file, line, column, byte_offset)), code_(code),
      message_(std::move(message)), file_(std::move(file)), line_(line), column_(column),
      byte_offset_(byte_offset) {}

} // namespace kg
