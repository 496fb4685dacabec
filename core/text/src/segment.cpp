#include "kg/text/segment.hpp"

#include "icu_check.hpp"
#include "kg/text/normalize.hpp"
#include "kg/base/utf8.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

namespace kg {
namespace {

struct UTextCloser {
    void operator()(UText* t) const noexcept { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

// BreakIterators are costly to create and not thread-safe: one pair per thread and language.
struct Iterators {
    std::unique_ptr<icu::BreakIterator> sentences;
    std::unique_ptr<icu::BreakIterator> words;
};

Iterators& iterators_for(const std::string& language) {
    thread_local std::map<std::string, Iterators> cache;
    auto it = cache.find(language);
    if (it != cache.end()) return it->second;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale(language.empty() ? "root" : language.c_str());
    Iterators its;
    its.sentences.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    detail::icu_check(status, "createSentenceInstance");
    its.words.reset(icu::BreakIterator::createWordInstance(locale, status));
    detail::icu_check(status, "createWordInstance");
    return cache.emplace(language, std::move(its)).first->second;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Trim ASCII and Unicode white space (NBSP, ideographic space...) from both ends.
ByteSpan trim(std::string_view text, ByteSpan s) {
    auto is_space_at = [&](std::size_t pos, std::size_t& len) {
        std::size_t p = pos;
        char32_t c = next_code_point(text, p);
        len = p - pos;
        return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0xFEFF;
    };
    std::size_t b = s.begin, e = s.end, len = 0;
    while (b < e && is_space_at(b, len)) b += len;
    while (e > b) {
        std::size_t p = e - 1;
        while (p > b && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
        if (!is_space_at(p, len)) break;
        e = p;
    }
    return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
}

bool matches_boilerplate(const std::string& line_key, const std::vector<std::string>& boilerplate) {
    for (const auto& b : boilerplate) {
        if (b.empty() || line_key.size() < b.size()) continue;
        if (line_key.compare(0, b.size(), b) != 0) continue;
        if (line_key.size() == b.size()) return true;
        // "Leggi anche: ..." — the phrase must end at a word boundary.
        const auto next = static_cast<unsigned char>(line_key[b.size()]);
        if (next < 0x80 && !std::isalnum(next) && next != '\'') return true;
    }
    return false;
}

std::uint16_t shape_flags(std::string_view tok, int32_t rule_status) {
    std::uint16_t flags = 0;
    std::size_t pos = 0;
    const char32_t first = next_code_point(tok, pos);
    const bool word = rule_status != UBRK_WORD_NONE || u_isalnum(static_cast<UChar32>(first));
    if (word) flags |= tok_word;
    if (u_isupper(static_cast<UChar32>(first)) || u_istitle(static_cast<UChar32>(first))) flags |= tok_upper_initial;
    if (u_isdigit(static_cast<UChar32>(first))) flags |= tok_digit;
    if (word) {
        int letters = 0;
        bool all_upper = true;
        for (std::size_t p = 0; p < tok.size();) {
            char32_t c = next_code_point(tok, p);
            if (u_isalpha(static_cast<UChar32>(c))) {
                ++letters;
                if (!u_isupper(static_cast<UChar32>(c))) all_upper = false;
            }
        }
        if (letters >= 2 && all_upper) flags |= tok_all_caps;
    } else {
        const auto gc = u_charType(static_cast<UChar32>(first));
        if (first == '-' || gc == U_DASH_PUNCTUATION) flags |= tok_hyphen;
        if (first == '"' || first == '\'' || gc == U_INITIAL_PUNCTUATION || gc == U_FINAL_PUNCTUATION ||
            first == 0x00AB || first == 0x00BB || first == 0x201E)
            flags |= tok_quote;
        if (first == ',') flags |= tok_comma;
        if (first == '(' || first == ')') flags |= tok_paren;
    }
    return flags;
}

// Position just after an elided article or preposition at the start of a word
// ("l’" in "l’Ucraina"), or 0 when the word has none.
std::size_t elision_split(std::string_view tok, const std::vector<std::string>& prefixes) {
    for (std::size_t p = 0; p < tok.size() && p < 12;) {
        std::size_t q = p;
        char32_t c = next_code_point(tok, q);
        if (c == '\'' || c == 0x2019) {
            if (q >= tok.size()) return 0; // a trailing apostrophe elides nothing after it
            const std::string prefix = match_key(tok.substr(0, p));
            if (std::find(prefixes.begin(), prefixes.end(), prefix) != prefixes.end()) return q;
            return 0;
        }
        p = q;
    }
    return 0;
}

// Length in bytes of a clitic at the end of a word ("'s" in "Russia's"), or 0.
std::size_t clitic_split(std::string_view tok, const std::vector<std::string>& suffixes) {
    for (const auto& suf : suffixes) {
        // The suffix key uses ' ; the text may use ’ (3 bytes) instead.
        for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
            if (suf.empty() || suf[0] != '\'') continue;
            std::string form = std::string(apostrophe) + suf.substr(1);
            if (tok.size() > form.size() + 1 && tok.size() >= form.size()) {
                std::string tail = match_key(tok.substr(tok.size() - form.size()));
                if (tail == suf) return form.size();
            }
        }
    }
    return 0;
}

} // namespace

void segment(Document& doc, const SegmentationRules& rules, std::uint32_t max_sentence_bytes) {
    doc.sentences.clear();
    doc.tokens.clear();
    doc.skipped_lines.clear();
    doc.skipped_sentences.clear();
    const std::string_view text = doc.text;
    if (text.size() > static_cast<std::size_t>(INT32_MAX))
        throw Error::at_byte(Errc::io_error, "document larger than 2 GiB cannot be segmented", doc.id,
                             static_cast<std::int64_t>(INT32_MAX));

    // The boilerplate phrases' keys, computed once per thread and rule set rather than per
    // document (phrase_key goes through ICU normalisation for non-ASCII phrases).
    thread_local std::vector<std::string> cached_phrases, cached_keys;
    if (cached_phrases != rules.boilerplate) {
        cached_keys.clear();
        for (const auto& b : rules.boilerplate) cached_keys.push_back(phrase_key(b));
        cached_phrases = rules.boilerplate;
    }
    const std::vector<std::string>& boiler_keys = cached_keys;
    // Lines: boilerplate ones are skipped; every line start is remembered for flags.
    std::vector<ByteSpan> lines;
    for (std::size_t b = 0; b <= text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        ByteSpan line{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
        lines.push_back(line);
        if (!boiler_keys.empty()) {
            ByteSpan t = trim(text, line);
            if (t.size() > 0 && t.size() < 200 && matches_boilerplate(phrase_key(doc.view(t)), boiler_keys))
                doc.skipped_lines.push_back(t);
        }
        b = e + 1;
        if (e == text.size()) break;
    }

    UErrorCode status = U_ZERO_ERROR;
    UTextPtr ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    detail::icu_check(status, "utext_openUTF8");
    Iterators& its = iterators_for(doc.language);
    its.sentences->setText(ut.get(), status);
    detail::icu_check(status, "BreakIterator::setText (sentences)");

    // Sentence spans, trimmed; a sentence ending in a known abbreviation continues.
    std::vector<ByteSpan> spans;
    for (int32_t p = its.sentences->first(), q = its.sentences->next(); q != icu::BreakIterator::DONE;
         p = q, q = its.sentences->next()) {
        ByteSpan s = trim(text, {static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(q)});
        if (s.size() == 0) continue;
        if (!spans.empty() && (!rules.abbreviations.empty() || !rules.ordinal_followers.empty())) {
            ByteSpan& last = spans.back();
            std::string_view prev = doc.view(last);
            const bool same_line = text.substr(last.end, s.begin - last.end).find('\n') == std::string_view::npos;
            if (same_line && prev.size() >= 2 && prev.back() == '.') {
                std::size_t w = prev.size() - 1;
                while (w > 0 && !is_space_byte(prev[w - 1]) && prev[w - 1] != '(') --w;
                std::string_view word = prev.substr(w, prev.size() - 1 - w);
                std::string key = match_key(word);
                if (std::find(rules.abbreviations.begin(), rules.abbreviations.end(), key) != rules.abbreviations.end()) {
                    last.end = s.end;
                    continue;
                }
                // "am 3. März 2023": a number with a full stop before a month is an ordinal.
                const bool number = !word.empty() && word.find_first_not_of("0123456789") == std::string_view::npos;
                if (number && !rules.ordinal_followers.empty()) {
                    std::string_view next = doc.view(s);
                    std::size_t e = 0;
                    while (e < next.size() && !is_space_byte(next[e]) && next[e] != ',' && next[e] != '.') ++e;
                    const std::string next_key = match_key(next.substr(0, e));
                    if (std::find(rules.ordinal_followers.begin(), rules.ordinal_followers.end(), next_key) !=
                        rules.ordinal_followers.end()) {
                        last.end = s.end;
                        continue;
                    }
                }
            }
        }
        spans.push_back(s);
    }
    if (max_sentence_bytes > 0) {
        std::erase_if(spans, [&](const ByteSpan& s) {
            if (s.size() <= max_sentence_bytes) return false;
            doc.skipped_sentences.push_back(s);
            return true;
        });
    }

    its.words->setText(ut.get(), status);
    detail::icu_check(status, "BreakIterator::setText (words)");
    std::size_t skip_i = 0, line_i = 0, sent_i = 0;
    std::uint32_t last_line_with_token = UINT32_MAX;
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5);
    auto emit = [&](std::uint32_t b, std::uint32_t e, std::uint16_t flags) {
        Token t;
        t.span = {b, e};
        t.flags = flags;
        t.key = match_key(text.substr(b, e - b));
        while (line_i + 1 < lines.size() && lines[line_i].end < b) ++line_i;
        if (last_line_with_token != line_i) {
            t.flags |= tok_line_start;
            last_line_with_token = static_cast<std::uint32_t>(line_i);
        }
        tokens.push_back(std::move(t));
    };
    for (int32_t p = its.words->first(), q = its.words->next(); q != icu::BreakIterator::DONE;
         p = q, q = its.words->next()) {
        const auto b = static_cast<std::uint32_t>(p), e = static_cast<std::uint32_t>(q);
        std::string_view tok = text.substr(b, e - b);
        if (tok.empty() || std::all_of(tok.begin(), tok.end(), is_space_byte)) continue;
        ByteSpan t = trim(text, {b, e});
        if (t.size() == 0) continue;
        while (skip_i < doc.skipped_lines.size() && doc.skipped_lines[skip_i].end <= b) ++skip_i;
        if (skip_i < doc.skipped_lines.size() && doc.skipped_lines[skip_i].begin <= b) continue;
        while (sent_i < spans.size() && spans[sent_i].end <= b) ++sent_i;
        if (sent_i >= spans.size() || spans[sent_i].begin > b) continue; // outside any sentence
        const int32_t rule = its.words->getRuleStatus();
        tok = doc.view(t);
        std::uint16_t flags = shape_flags(tok, rule);
        if ((flags & tok_word) && !rules.elision_prefixes.empty()) {
            if (std::size_t cut = elision_split(tok, rules.elision_prefixes)) {
                emit(t.begin, t.begin + static_cast<std::uint32_t>(cut), tok_word | tok_apostrophe);
                std::string_view rest = tok.substr(cut);
                emit(t.begin + static_cast<std::uint32_t>(cut), t.end, shape_flags(rest, rule));
                tokens.back().sentence = static_cast<std::uint32_t>(sent_i);
                tokens[tokens.size() - 2].sentence = static_cast<std::uint32_t>(sent_i);
                continue;
            }
        }
        if ((flags & tok_word) && !rules.clitic_suffixes.empty()) {
            if (std::size_t cut = clitic_split(tok, rules.clitic_suffixes)) {
                const auto mid = t.end - static_cast<std::uint32_t>(cut);
                emit(t.begin, mid, shape_flags(tok.substr(0, tok.size() - cut), rule));
                tokens.back().sentence = static_cast<std::uint32_t>(sent_i);
                emit(mid, t.end, tok_word | tok_apostrophe);
                tokens.back().sentence = static_cast<std::uint32_t>(sent_i);
                continue;
            }
        }
        emit(t.begin, t.end, flags);
        tokens.back().sentence = static_cast<std::uint32_t>(sent_i);
    }

    // Keep only sentences that hold tokens (boilerplate-only ones vanish), renumbered.
    std::vector<std::uint32_t> renumber(spans.size(), UINT32_MAX);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token& tk = tokens[i];
        if (renumber[tk.sentence] == UINT32_MAX) {
            renumber[tk.sentence] = static_cast<std::uint32_t>(doc.sentences.size());
            Sentence s;
            s.span = spans[tk.sentence];
            s.first_token = static_cast<std::uint32_t>(i);
            doc.sentences.push_back(s);
        }
        tk.sentence = renumber[tk.sentence];
        doc.sentences[tk.sentence].end_token = static_cast<std::uint32_t>(i + 1);
    }
    for (Sentence& s : doc.sentences) {
        // A sentence that began inside a boilerplate line keeps only its analysed part.
        if (tokens[s.first_token].span.begin > s.span.begin) {
            for (const auto& sk : doc.skipped_lines)
                if (sk.begin <= s.span.begin && sk.end > s.span.begin) s.span.begin = tokens[s.first_token].span.begin;
        }
        for (std::uint32_t i = s.first_token; i < s.end_token; ++i)
            if (tokens[i].has(tok_word) && !tokens[i].has(tok_apostrophe)) {
                tokens[i].flags |= tok_sentence_start;
                break;
            }
    }
    doc.tokens = std::move(tokens);
}

} // namespace kg
