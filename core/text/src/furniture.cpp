// SPDX-License-Identifier: Apache-2.0
#include "kg/text/furniture.hpp"

#include "kg/base/utf8.hpp"
#include "kg/text/normalize.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace kg {
namespace {

constexpr std::size_t max_byline_words = 10;
constexpr std::size_t max_dateline_bytes = 80;

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

ByteSpan span(std::size_t b, std::size_t e) { return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}; }

// The first code point of `word` and whether the word has letters and they are all capitals.
struct WordShape {
    bool upper_initial = false;
    bool lower_initial = false;
    bool all_caps = false;
    bool digit_initial = false;
};

WordShape shape_of(std::string_view word) {
    WordShape s;
    int letters = 0, upper = 0;
    bool first = true;
    for (std::size_t i = 0; i < word.size();) {
        const Utf8Char ch = decode_utf8(word, i);
        if (ch.length == 0) { ++i; continue; }
        const auto cp = static_cast<UChar32>(ch.code_point);
        if (u_isalpha(cp)) {
            ++letters;
            if (u_isupper(cp) || u_istitle(cp)) ++upper;
            if (first) { s.upper_initial = u_isupper(cp) || u_istitle(cp); s.lower_initial = u_islower(cp); }
            first = false;
        } else if (first && u_isdigit(cp)) {
            s.digit_initial = true;
            first = false;
        }
        i += ch.length;
    }
    s.all_caps = letters >= 2 && upper == letters;
    return s;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && space(text[i])) ++i;
        std::size_t e = i;
        while (e < text.size() && !space(text[e])) ++e;
        if (e > i) out.push_back(text.substr(i, e - i));
        i = e;
    }
    return out;
}

// A word of a name in a byline or dateline: capitalised, in capitals, a number, or a short
// lower-case connector ("and", "e", "de"); punctuation around it is ignored.
bool name_like(std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.' || word.back() == ';')) word.remove_suffix(1);
    if (word.empty() || word == "&" || word == "/" ) return true;
    const WordShape s = shape_of(word);
    return s.upper_initial || s.all_caps || s.digit_initial || (s.lower_initial && word.size() <= 3);
}

// A word of lower-case letters only, punctuation around it ignored.
bool lower_word(std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.' || word.back() == ';')) word.remove_suffix(1);
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch & 0x80); }) &&
           shape_of(word).lower_initial;
}

// "By Jane Doe", "WRITTEN BY ANNY BOC", "Por Jessie Yeung, CNN": a short line that opens with
// a byline marker and goes on with names only.
bool is_byline(std::string_view line, const FurnitureRules& rules) {
    const std::vector<std::string_view> words = words_of(line);
    if (words.size() < 2 || words.size() > max_byline_words + 3) return false;
    const std::string key = phrase_key(line);
    for (const auto& marker : rules.byline_markers) {
        if (!key.starts_with(marker + " ")) continue;
        const std::size_t marker_words = static_cast<std::size_t>(std::count(marker.begin(), marker.end(), ' ')) + 1;
        if (words.size() <= marker_words || words.size() - marker_words > max_byline_words) return false;
        // After a marker of several words ("article rédigé par", "written by"), which no
        // sentence opens with, an outlet may be written in lower case ("franceinfo").
        const bool explicit_marker = marker_words >= 2;
        bool any_capital = false;
        for (std::size_t k = marker_words; k < words.size(); ++k) {
            if (!name_like(words[k]) && !(explicit_marker && lower_word(words[k]))) return false;
            any_capital |= shape_of(words[k]).upper_initial;
        }
        return any_capital || explicit_marker;
    }
    return false;
}

// The line right under a byline that names only its outlet or desk ("France Télévisions",
// "Reuters", "CNN Business"): a few name words, no sentence.
bool is_affiliation(std::string_view line) {
    constexpr std::size_t max_affiliation_words = 4;
    const std::vector<std::string_view> words = words_of(line);
    if (words.empty() || words.size() > max_affiliation_words) return false;
    if (line.back() == '.' || line.back() == ':' || line.back() == '?' || line.back() == '!') return false;
    return std::all_of(words.begin(), words.end(), [](std::string_view w) { return name_like(w); }) &&
           shape_of(words.front()).upper_initial;
}

// The end of a dateline that opens the line at `b` ("SEOUL, Jun. 24 (Yonhap) – ", "AGI - ",
// "Bloomberg — "), or 0. `early`: among the first lines, where a single capitalised word
// before a long dash is a dateline too.
std::size_t dateline_end(std::string_view text, std::size_t b, std::size_t line_end, bool early) {
    const std::string_view line = text.substr(b, std::min(line_end - b, max_dateline_bytes));
    for (std::string_view dash : {std::string_view(" - "), std::string_view(" \xE2\x80\x93 "), std::string_view(" \xE2\x80\x94 ")}) {
        const std::size_t at = line.find(dash);
        if (at == std::string_view::npos || at == 0) continue;
        const std::string_view prefix = line.substr(0, at);
        const std::size_t open = prefix.find('('), close = prefix.rfind(')');
        const bool agency = open != std::string_view::npos && close != std::string_view::npos && close > open + 2;
        std::string_view outside = agency ? prefix.substr(0, open) : prefix;
        const auto words = words_of(outside);
        if (words.empty() || words.size() > 6) continue;
        bool names = std::all_of(words.begin(), words.end(), [](std::string_view w) {
            const WordShape s = shape_of(w);
            return s.upper_initial || s.all_caps || s.digit_initial;
        });
        const bool capitals = std::all_of(words.begin(), words.end(), [](std::string_view w) { return shape_of(w).all_caps; });
        // "Bloomberg — ": one word before an em dash, first thing in the article.
        const bool em_dash = dash == " \xE2\x80\x94 ";
        if (names && (agency || (capitals && words.size() <= 3) || (early && em_dash && words.size() == 1))) {
            std::size_t e = b + at + dash.size();
            while (e < line_end && space(text[e])) ++e;
            return e;
        }
    }
    return 0;
}

// "(GAVRIIL GRIGOROV / AFP)": a parenthesis in capitals with a slash is a photo credit.
void credits(std::string_view text, std::vector<Furniture>& out) {
    for (std::size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
        const std::size_t close = text.find(')', open);
        if (close == std::string_view::npos || close - open > 80) continue;
        const std::string_view inside = text.substr(open + 1, close - open - 1);
        if (inside.find(" / ") == std::string_view::npos || inside.find('\n') != std::string_view::npos) continue;
        const auto words = words_of(inside);
        if (std::all_of(words.begin(), words.end(), [](std::string_view w) { return w == "/" || shape_of(w).all_caps; }))
            out.push_back({span(open, close + 1), Furniture::Kind::credit});
    }
}

// Web and e-mail addresses, with the parentheses of a Markdown link target around them;
// whole Markdown images ("![alt](url)").
void addresses(std::string_view text, std::vector<Furniture>& out) {
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && space(text[i])) ++i;
        std::size_t e = i;
        while (e < text.size() && !space(text[e])) ++e;
        const std::string_view chunk = text.substr(i, e - i);
        const std::size_t url = std::min({chunk.find("http://"), chunk.find("https://"), chunk.find("www.")});
        const std::size_t at = chunk.find('@');
        if (chunk.starts_with("![")) {
            const std::size_t close = text.find(')', i);
            if (close != std::string_view::npos && close - i < 2000) {
                out.push_back({span(i, close + 1), Furniture::Kind::link_target});
                i = close + 1;
                continue;
            }
        }
        if (url != std::string_view::npos) {
            std::size_t b = i + url, end = e;
            if (b > 0 && text[b - 1] == '(') {
                --b;
                if (const std::size_t close = text.find(')', b); close != std::string_view::npos && close < e + 1) end = close + 1;
            }
            while (end > b && std::string_view(".,;:\"'>]").find(text[end - 1]) != std::string_view::npos) --end;
            if (text[b] == '(' && text[end - 1] != ')' && end < text.size() && text[end] == ')') ++end;
            out.push_back({span(b, end), b < i + url ? Furniture::Kind::link_target : Furniture::Kind::address});
        } else if (at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos && chunk.size() - at > 3) {
            std::size_t end = e;
            while (end > i && std::string_view(".,;:)\"'>").find(text[end - 1]) != std::string_view::npos) --end;
            out.push_back({span(i, end), Furniture::Kind::address});
        }
        i = e;
    }
}

// Bylines, datelines and credit lines, line by line.
void lines(std::string_view text, const FurnitureRules& rules, std::vector<Furniture>& out) {
    bool paragraph_start = true, after_byline = false;
    int non_empty = 0;
    for (std::size_t b = 0; b < text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::size_t s = b, t = e;
        while (s < t && space(text[s])) ++s;
        while (t > s && space(text[t - 1])) --t;
        if (s == t) {
            paragraph_start = true;
        } else {
            ++non_empty;
            const std::string_view line = text.substr(s, t - s);
            const std::size_t copyright = line.find("\xC2\xA9");
            if (copyright != std::string_view::npos && words_of(line.substr(copyright)).size() <= 15)
                out.push_back({span(s + copyright, t), Furniture::Kind::credit}); // "©Getty", "... © Servizio stampa ... tramite AP"
            else if (is_byline(line, rules))
                out.push_back({span(s, t), Furniture::Kind::byline});
            else if (after_byline && is_affiliation(line))
                out.push_back({span(s, t), Furniture::Kind::credit}); // "By Jane Doe\nReuters"
            else if (paragraph_start || non_empty <= 3)
                if (const std::size_t d = dateline_end(text, s, t, non_empty <= 3)) out.push_back({span(s, d), Furniture::Kind::dateline});
            paragraph_start = false;
            after_byline = !out.empty() && out.back().kind == Furniture::Kind::byline && out.back().span.begin == s;
        }
        b = e + 1;
    }
}

std::string_view trim_view(std::string_view s) {
    while (!s.empty() && (space(s.front()) || s.front() == ',' || s.front() == ';')) s.remove_prefix(1);
    while (!s.empty() && (space(s.back()) || s.back() == ',' || s.back() == ';' || s.back() == '.')) s.remove_suffix(1);
    return s;
}

// The names of a byline after its marker words: split at commas, "&", "/" and short
// lower-case connectors ("and", "e", "et", "y", "und").
std::vector<std::string> byline_names(std::string_view line, const FurnitureRules& rules) {
    const std::string key = phrase_key(line);
    std::size_t skip_words = 0;
    for (const auto& marker : rules.byline_markers)
        if (key.starts_with(marker + " ")) {
            skip_words = static_cast<std::size_t>(std::count(marker.begin(), marker.end(), ' ')) + 1;
            break;
        }
    std::vector<std::string> names;
    std::string current;
    auto flush = [&] {
        const std::string_view n = trim_view(current);
        if (!n.empty()) names.emplace_back(n);
        current.clear();
    };
    std::size_t k = 0;
    for (std::string_view w : words_of(line)) {
        if (k++ < skip_words) continue;
        const WordShape shape = shape_of(w);
        const bool connector = std::find(rules.byline_connectors.begin(), rules.byline_connectors.end(), phrase_key(w)) !=
                               rules.byline_connectors.end();
        if (w == "&" || w == "/" || connector || (shape.lower_initial && w.size() <= 3)) { flush(); continue; }
        const bool comma = w.back() == ',' || w.back() == ';';
        current += (current.empty() ? "" : " ") + std::string(w);
        if (comma) flush();
    }
    flush();
    return names;
}

} // namespace

FurnitureFacts furniture_facts(const Document& doc, const FurnitureRules& rules) {
    FurnitureFacts facts;
    bool dated = false;
    for (const Furniture& f : doc.furniture) {
        const std::string_view text = doc.view(f.span);
        if (f.kind == Furniture::Kind::byline) {
            for (auto& name : byline_names(text, rules))
                if (std::find(facts.authors.begin(), facts.authors.end(), name) == facts.authors.end())
                    facts.authors.push_back(std::move(name));
        } else if (f.kind == Furniture::Kind::dateline && !dated) {
            dated = true;
            // "SEOUL, Jun. 24 (Yonhap) – ": the place before the first comma, the agency in
            // parentheses; "AGI - " alone says neither for sure.
            if (const std::size_t open = text.find('('), close = text.rfind(')');
                open != std::string_view::npos && close != std::string_view::npos && close > open + 1)
                facts.agency = std::string(trim_view(text.substr(open + 1, close - open - 1)));
            if (const std::size_t comma = text.find(','); comma != std::string_view::npos)
                facts.place = std::string(trim_view(text.substr(0, comma)));
        }
    }
    return facts;
}

std::string first_text_line(std::string_view text, const std::vector<ByteSpan>& skip) {
    for (std::size_t b = 0; b < text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        const bool skipped = std::any_of(skip.begin(), skip.end(), [&](ByteSpan s) { return b < s.end && s.begin < e; });
        std::string_view line = text.substr(b, e - b);
        b = e + 1;
        if (skipped) continue;
        if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
        while (!line.empty() && space(line.back())) line.remove_suffix(1);
        while (!line.empty() && space(line.front())) line.remove_prefix(1);
        if (line.starts_with("#")) {
            while (!line.empty() && line.front() == '#') line.remove_prefix(1);
            while (!line.empty() && space(line.front())) line.remove_prefix(1);
        }
        if (line.empty() || line.find_first_not_of("-=*_ ") == std::string_view::npos) continue;
        std::size_t cut = std::min<std::size_t>(line.size(), 300);
        while (cut < line.size() && cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        return std::string(line.substr(0, cut));
    }
    return {};
}

const char* to_string(Furniture::Kind kind) noexcept {
    switch (kind) {
    case Furniture::Kind::byline: return "byline";
    case Furniture::Kind::dateline: return "dateline";
    case Furniture::Kind::credit: return "credit";
    case Furniture::Kind::address: return "address";
    case Furniture::Kind::link_target: return "link_target";
    }
    return "?";
}

std::vector<Furniture> find_furniture(std::string_view text, const FurnitureRules& rules) {
    std::vector<Furniture> found;
    lines(text, rules, found);
    credits(text, found);
    addresses(text, found);
    std::sort(found.begin(), found.end(), [](const Furniture& a, const Furniture& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
    });
    // Nested or overlapping pieces (a URL inside a byline) count once, as the outer one.
    std::vector<Furniture> out;
    for (const auto& f : found) {
        if (!out.empty() && f.span.begin < out.back().span.end) {
            out.back().span.end = std::max(out.back().span.end, f.span.end);
            continue;
        }
        out.push_back(f);
    }
    return out;
}

} // namespace kg
