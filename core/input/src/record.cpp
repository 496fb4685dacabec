// SPDX-License-Identifier: Apache-2.0
#include "kg/input/record.hpp"

#include "kg/base/sha256.hpp"
#include "kg/error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace kg {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Bytes an IRI cannot hold as they are: controls, space, "<>\"{}|\\^`" and DEL. Everything
// else (non-ASCII UTF-8 included) is kept.
bool iri_unsafe(unsigned char c) {
    return c <= 0x20 || c == 0x7F || std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos;
}

constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};

// 1-12 for an English month name or its abbreviation ("Jun", "June", "Sept."), else 0.
int month_number(std::string_view word) {
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
    if (word.size() < 3) return 0;
    const std::string w = lower(word);
    for (std::size_t m = 0; m < months.size(); ++m)
        if (w.starts_with(months[m])) {
            static constexpr std::array<std::string_view, 12> full = {"january", "february", "march",     "april",   "may",      "june",
                                                                      "july",    "august",   "september", "october", "november", "december"};
            if (w.size() == 3 || full[m].starts_with(w)) return static_cast<int>(m) + 1;
        }
    return 0;
}

bool digits(std::string_view s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

int number(std::string_view s) {
    int n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

std::optional<std::string> ymd(int y, int m, int d) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || y > 9999 || m < 1 || m > 12) return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        while (i < s.size() && (space(s[i]) || s[i] == ',')) ++i;
        std::size_t e = i;
        while (e < s.size() && !space(s[e]) && s[e] != ',') ++e;
        if (e > i) out.push_back(s.substr(i, e - i));
        i = e;
    }
    return out;
}

} // namespace

std::string canonical_url(std::string_view raw) {
    const std::string_view url = trim(raw);
    const std::size_t colon = url.find("://");
    if (colon == std::string_view::npos) return {};
    const std::string scheme = lower(url.substr(0, colon));
    if (scheme != "http" && scheme != "https") return {};
    std::string_view rest = url.substr(colon + 3);
    if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
    const std::size_t path = std::min(rest.find_first_of("/?"), rest.size());
    std::string host = lower(rest.substr(0, path));
    if (scheme == "http" && host.ends_with(":80")) host.resize(host.size() - 3);
    if (scheme == "https" && host.ends_with(":443")) host.resize(host.size() - 4);
    if (host.empty() || host.find('@') != std::string::npos) return {};
    std::string out = scheme + "://" + host;
    const std::string_view tail = rest.substr(path);
    if (tail.empty() || tail.front() == '?') out += '/';
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : tail) {
        const auto c = static_cast<unsigned char>(ch);
        if (iri_unsafe(c)) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    for (const unsigned char c : host)
        if (iri_unsafe(c)) return {};
    return out;
}

std::string document_id(std::string_view url, std::string_view text_sha256) {
    if (std::string canonical = canonical_url(url); !canonical.empty()) return canonical;
    return "sha256:" + std::string(text_sha256.substr(0, 20));
}

std::optional<std::string> iso_date(std::string_view raw) {
    const std::string_view s = trim(raw);
    // ISO 8601 and its common variants: the date before a 'T' or a space.
    if (s.size() >= 4 && digits(s.substr(0, 4), 4)) {
        if (s.size() == 4) return ymd(number(s), 1, 1) ? std::optional<std::string>(std::string(s)) : std::nullopt;
        if (digits(s.substr(0, std::min<std::size_t>(s.size(), 8)), 8) && (s.size() == 8 || s[8] == 'T'))
            return ymd(number(s.substr(0, 4)), number(s.substr(4, 2)), number(s.substr(6, 2)));
        const char sep = s[4];
        if (sep == '-' || sep == '/' || sep == '.') {
            const std::size_t end = std::min(s.find_first_of("T "), s.size());
            const std::string_view date = s.substr(0, end);
            const std::size_t second = date.find(sep, 5);
            if (second == std::string_view::npos) {
                const std::string_view m = date.substr(5);
                if (end != s.size() || !(digits(m, 2) || digits(m, 1))) return std::nullopt;
                if (!ymd(number(date.substr(0, 4)), number(m), 1)) return std::nullopt;
                return std::string(date.substr(0, 4)) + "-" + (m.size() == 1 ? "0" : "") + std::string(m);
            }
            const std::string_view m = date.substr(5, second - 5), d = date.substr(second + 1);
            if (!(digits(m, 1) || digits(m, 2)) || !(digits(d, 1) || digits(d, 2))) return std::nullopt;
            return ymd(number(date.substr(0, 4)), number(m), number(d));
        }
        return std::nullopt;
    }
    // "Wed, 19 Jun 2024 10:32:00 GMT", "19 June 2024", "June 19, 2024".
    std::vector<std::string_view> w = words(s);
    if (!w.empty() && month_number(w[0]) == 0 && !std::isdigit(static_cast<unsigned char>(w[0][0]))) w.erase(w.begin()); // weekday
    if (w.size() < 3) return std::nullopt;
    if ((digits(w[0], 1) || digits(w[0], 2)) && month_number(w[1]) && digits(w[2], 4))
        return ymd(number(w[2]), month_number(w[1]), number(w[0]));
    if (month_number(w[0]) && (digits(w[1], 1) || digits(w[1], 2)) && digits(w[2], 4))
        return ymd(number(w[2]), month_number(w[0]), number(w[1]));
    return std::nullopt;
}

const std::vector<std::string>& FieldNames::of(RecordField field) const {
    switch (field) {
    case RecordField::url: return url;
    case RecordField::title: return title;
    case RecordField::text: return text;
    case RecordField::date: return date;
    case RecordField::outlet: return outlet;
    case RecordField::authors: return authors;
    case RecordField::language: return language;
    }
    return text;
}

std::vector<std::string>& FieldNames::of(RecordField field) {
    return const_cast<std::vector<std::string>&>(static_cast<const FieldNames&>(*this).of(field));
}

void FieldNames::set(std::string_view assignment) {
    static constexpr std::pair<std::string_view, RecordField> names[] = {
        {"url", RecordField::url},       {"title", RecordField::title},     {"text", RecordField::text},
        {"date", RecordField::date},     {"outlet", RecordField::outlet},   {"authors", RecordField::authors},
        {"language", RecordField::language}};
    const std::size_t eq = assignment.find('=');
    const std::string_view name = assignment.substr(0, std::min(eq, assignment.size()));
    const auto* it = std::find_if(std::begin(names), std::end(names), [&](const auto& n) { return n.first == name; });
    if (it == std::end(names) || eq == std::string_view::npos)
        throw Error(Errc::usage, "--json-field takes FIELD=KEY[,KEY...] with FIELD one of url, title, text, date, outlet, "
                                 "authors, language, not \"" + std::string(assignment) + "\"");
    std::vector<std::string> keys;
    for (std::string_view rest = assignment.substr(eq + 1); !rest.empty();) {
        const std::size_t comma = std::min(rest.find(','), rest.size());
        if (comma > 0) keys.emplace_back(rest.substr(0, comma));
        rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
    if (keys.empty()) throw Error(Errc::usage, "--json-field " + std::string(name) + "= needs at least one key");
    of(it->second) = std::move(keys);
}

void set_record_field(DocumentInfo& record, RecordField field, std::string_view value) {
    value = trim(value);
    if (value.empty()) return;
    switch (field) {
    case RecordField::url: {
        std::string canonical = canonical_url(value);
        record.url = canonical.empty() ? std::string(value) : std::move(canonical);
        break;
    }
    case RecordField::title: record.title = std::string(value); break;
    case RecordField::text: break;
    case RecordField::date: {
        auto date = iso_date(value);
        if (!date) throw Error(Errc::input_record, "publication date \"" + std::string(value.substr(0, 80)) + "\" cannot be read as a date");
        record.date = std::move(*date);
        break;
    }
    case RecordField::outlet: record.outlet = std::string(value); break;
    case RecordField::authors: {
        // "Jane Doe, John Roe and Ann Poe": one name each.
        std::string names(value);
        for (std::size_t at; (at = names.find(" and ")) != std::string::npos;) names.replace(at, 5, ",");
        std::replace(names.begin(), names.end(), ';', ',');
        for (std::string_view rest = names; !rest.empty();) {
            const std::size_t comma = std::min(rest.find(','), rest.size());
            const std::string_view name = trim(rest.substr(0, comma));
            if (!name.empty() && std::find(record.authors.begin(), record.authors.end(), name) == record.authors.end())
                record.authors.emplace_back(name);
            rest.remove_prefix(std::min(comma + 1, rest.size()));
        }
        break;
    }
    case RecordField::language: {
        const std::size_t cut = std::min(value.find_first_of("-_"), value.size());
        record.language = lower(value.substr(0, cut));
        break;
    }
    }
}

void complete_record(DocumentInfo& record, std::string_view text, std::string_view format, std::string source_path) {
    record.format = std::string(format);
    record.source_path = std::move(source_path);
    record.bytes = text.size();
    record.text_sha256 = sha256_hex(text);
    record.id = document_id(record.url, record.text_sha256);
}

} // namespace kg
