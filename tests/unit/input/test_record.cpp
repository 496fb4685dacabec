// SPDX-License-Identifier: Apache-2.0
// kg/input/record.hpp: canonical URLs, the document id rule, publication dates, field names.
#include "kg/input/record.hpp"

#include "kg/error.hpp"

#include <catch2/catch.hpp>

TEST_CASE("record: URLs in canonical form", "[input][record]") {
    CHECK(kg::canonical_url("  HTTPS://Example.ORG/World/Story?id=3#comments ") == "https://example.org/World/Story?id=3");
    CHECK(kg::canonical_url("http://example.org:80/a") == "http://example.org/a");
    CHECK(kg::canonical_url("https://example.org:443") == "https://example.org/");
    CHECK(kg::canonical_url("https://example.org/a b") == "https://example.org/a%20b");
    CHECK(kg::canonical_url("https://example.org/citt\xC3\xA0") == "https://example.org/citt\xC3\xA0"); // an IRI keeps UTF-8
    CHECK(kg::canonical_url("ftp://example.org/a").empty());
    CHECK(kg::canonical_url("example.org/a").empty());
    CHECK(kg::canonical_url("https:///a").empty());
    CHECK(kg::canonical_url("/local/path.html").empty());
}

TEST_CASE("record: the document id is the URL, else a hash of the text, never a path", "[input][record]") {
    const std::string hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    CHECK(kg::document_id("https://Example.org/x#top", hash) == "https://example.org/x");
    CHECK(kg::document_id("", hash) == "sha256:0123456789abcdef0123");
    CHECK(kg::document_id("not a url", hash) == "sha256:0123456789abcdef0123");
    kg::DocumentInfo r;
    kg::complete_record(r, "Putin met Kim.", "text", "/home/me/corpus/a.txt");
    CHECK(r.id.starts_with("sha256:"));
    CHECK(r.id.find("corpus") == std::string::npos);
    CHECK(r.source_path == "/home/me/corpus/a.txt");
    CHECK(r.bytes == 14);
    CHECK(r.text_sha256.size() == 64);
    CHECK(r.format == "text");
}

TEST_CASE("record: publication dates in ISO 8601", "[input][record]") {
    CHECK(kg::iso_date("2024-06-19") == "2024-06-19");
    CHECK(kg::iso_date("2024-06-19T23:30:00-05:00") == "2024-06-19"); // the day as written
    CHECK(kg::iso_date("2024-06-19 10:32:00") == "2024-06-19");        // news-please
    CHECK(kg::iso_date("2024/6/9") == "2024-06-09");
    CHECK(kg::iso_date("20240619") == "2024-06-19");
    CHECK(kg::iso_date("2024-06") == "2024-06");
    CHECK(kg::iso_date("2024") == "2024");
    CHECK(kg::iso_date("Wed, 19 Jun 2024 10:32:00 GMT") == "2024-06-19");
    CHECK(kg::iso_date("19 June 2024") == "2024-06-19");
    CHECK(kg::iso_date("June 19, 2024") == "2024-06-19");
    CHECK(kg::iso_date("Sept. 3, 2024") == "2024-09-03");
    CHECK(kg::iso_date("2024-02-29") == "2024-02-29");
    CHECK_FALSE(kg::iso_date("2023-02-29"));
    CHECK_FALSE(kg::iso_date("2024-13-01"));
    CHECK_FALSE(kg::iso_date("2024-06-31"));
    CHECK_FALSE(kg::iso_date("yesterday"));
    CHECK_FALSE(kg::iso_date(""));
    CHECK_FALSE(kg::iso_date("1718789520")); // epoch seconds are not a date to guess
}

TEST_CASE("record: metadata values stored in the record", "[input][record]") {
    kg::DocumentInfo r;
    kg::set_record_field(r, kg::RecordField::url, " https://EXAMPLE.org/a ");
    kg::set_record_field(r, kg::RecordField::authors, "Jane Doe, John Roe and Ann Poe");
    kg::set_record_field(r, kg::RecordField::authors, "Jane Doe");
    kg::set_record_field(r, kg::RecordField::language, "en-GB");
    kg::set_record_field(r, kg::RecordField::date, "2024-06-19T08:00:00Z");
    kg::set_record_field(r, kg::RecordField::outlet, "  Example News ");
    kg::set_record_field(r, kg::RecordField::title, "");
    CHECK(r.url == "https://example.org/a");
    CHECK(r.authors == std::vector<std::string>{"Jane Doe", "John Roe", "Ann Poe"});
    CHECK(r.language == "en");
    CHECK(r.date == "2024-06-19");
    CHECK(r.outlet == "Example News");
    CHECK(r.title.empty());
    kg::set_record_field(r, kg::RecordField::url, "not/a/url");
    CHECK(r.url == "not/a/url"); // kept as given; the id then comes from the text
    try {
        kg::set_record_field(r, kg::RecordField::date, "soon");
        FAIL("an unreadable date was accepted");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::Errc::input_record);
    }
}

TEST_CASE("record: field names set from the command line", "[input][record]") {
    kg::FieldNames names;
    CHECK(names.of(kg::RecordField::text).front() == "text");
    names.set("text=body_text,article");
    CHECK(names.of(kg::RecordField::text) == std::vector<std::string>{"body_text", "article"});
    for (const char* bad : {"text", "bogus=x", "text=", "=x"}) {
        INFO(bad);
        try {
            names.set(bad);
            FAIL("accepted");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::Errc::usage);
        }
    }
}
