// SPDX-License-Identifier: Apache-2.0
#pragma once
// The record of an article (DocumentInfo, kg/graph/model.hpp) from what its input says:
// its stable id, its URL in canonical form, its publication date in ISO 8601, and the
// metadata fields every format shares (JSON Lines keys, Markdown front matter keys).
#include "kg/graph/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// `raw` as an absolute http(s) URL in canonical form: surrounding spaces trimmed, scheme
/// and host in lower case, a default port (:80, :443) and the fragment ("#...") dropped,
/// spaces and other bytes an IRI cannot hold percent-encoded; path and query kept as they
/// are. Empty when `raw` is not an http(s) URL with a host.
std::string canonical_url(std::string_view raw);

/// The stable id of an article (the DocumentInfo::id rule): its canonical URL when it has
/// one, else "sha256:" and the first 20 hex digits of `text_sha256`. Never a local path.
std::string document_id(std::string_view url, std::string_view text_sha256);

/// The date part of a publication date, in ISO 8601: "YYYY-MM-DD" (or "YYYY-MM", "YYYY"),
/// from "2024-06-19", "2024-06-19T10:32:00+09:00", "2024-06-19 10:32:00", "2024/06/19",
/// "20240619", "Wed, 19 Jun 2024 10:32:00 GMT", "19 June 2024", "June 19, 2024". The day is
/// the one written (no time-zone shift). nullopt for anything else, or a month or day that
/// does not exist.
std::optional<std::string> iso_date(std::string_view raw);

/// What an article's metadata field means.
enum class RecordField : std::uint8_t { url, title, text, date, outlet, authors, language };

/// Which keys of a JSON record or of Markdown front matter hold which field, each tried in
/// order, the first present and not null winning. The defaults read the common scraper
/// layouts (news-please: url, title, maintext, date_publish, source_domain, authors,
/// language; most news datasets: text, date, source).
struct FieldNames {
    std::vector<std::string> url = {"url", "canonical_url", "link"};
    std::vector<std::string> title = {"title", "headline"};
    std::vector<std::string> text = {"text", "maintext", "content", "body"};
    std::vector<std::string> date = {"date_publish", "date", "published", "datePublished", "date_published", "pubdate"};
    std::vector<std::string> outlet = {"source_domain", "source", "outlet", "publisher", "site_name"};
    std::vector<std::string> authors = {"authors", "author", "byline"};
    std::vector<std::string> language = {"language", "lang"};

    /// The keys of one field.
    const std::vector<std::string>& of(RecordField field) const;
    std::vector<std::string>& of(RecordField field);
    /// Set one field's keys from "FIELD=KEY[,KEY...]" (FIELD: url, title, text, date, outlet,
    /// authors, language). Throws kg::Error(usage) naming what is wrong.
    void set(std::string_view assignment);
};

/// Store a metadata value in the record: url in canonical form (kept as given when it is
/// not an http(s) URL), date through iso_date (throws kg::Error(input_record) when it cannot
/// be read), language as a lower-case primary subtag ("en-GB" -> "en"), authors appended
/// (a string of several names is split at commas, semicolons and " and "), the others
/// trimmed. Empty values change nothing. `text` is not a record field: ignored here.
void set_record_field(DocumentInfo& record, RecordField field, std::string_view value);

/// Fill in what every article's record has: format, source path, byte count, text hash and
/// the id (document_id of the record's URL and of the text hash).
void complete_record(DocumentInfo& record, std::string_view text, std::string_view format, std::string source_path);

} // namespace kg
