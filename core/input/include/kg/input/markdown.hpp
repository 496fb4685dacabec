// SPDX-License-Identifier: Apache-2.0
#pragma once
// Markdown with YAML front matter: the front matter is metadata, not text. Its bytes stay in
// the document (offsets are file offsets) as a metadata span that segmentation skips.
// Parsed by libyaml (the only place its errors are translated).
#include "kg/input/record.hpp"
#include "kg/text/document.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kg {

/// A file's front matter: where it is and what it says.
struct FrontMatter {
    ByteSpan span;      ///< from the opening "---" to the end of the closing "---" or "..." line
    DocumentInfo record; ///< url, title, date, outlet, authors, language from its keys
};

/// The front matter that opens `text` (after an optional byte-order mark): a line "---",
/// YAML, and a line "---" or "...". nullopt when the text opens otherwise. The top level
/// must be a mapping; the keys of `names` give the fields (the same defaults as JSON
/// records); a field's value is a scalar or, for authors, a list of scalars; other keys are
/// ignored. Throws kg::Error(input_record) with `path` and the line (in the file) for YAML
/// libyaml cannot read, a top level that is not a mapping, an unclosed front matter, or a
/// date that cannot be read.
std::optional<FrontMatter> read_front_matter(std::string_view text, const FieldNames& names, const std::string& path);

} // namespace kg
