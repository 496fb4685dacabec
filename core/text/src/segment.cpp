// SPDX-License-Identifier: Apache-2.0
#include "kg/text/segment.hpp"

#include "icu_check.hpp"
#include "thread_state.hpp"
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
    auto& cache = detail::thread_state<std::map<std::string, Iterators>>();
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

// A line that ends as a sentence does (".", "!", "?", a closing quote after one).
bool ends_sentence(std::string_view line) {
    while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')')) line.remove_suffix(1);
    for (std::string_view q : {"\xE2\x80\x9D", "\xC2\xBB", "\xE2\x80\x99"})
        while (line.ends_with(q)) line.remove_suffix(q.size());
    return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

// Boilerplate lines ("Leggi anche", "Share this article"), trimmed; and every line's span,
// for the line-start flags.
std::vector<ByteSpan> line_spans(Document& doc, const SegmentationRules& rules) {
    const std::string_view text = doc.text;
    // The boilerplate phrases' keys, computed once per thread and rule set rather than per
    // document (phrase_key goes through ICU normalisation for non-ASCII phrases).
    struct BoilerplateKeys {
        std::vector<std::string> phrases, keys;
    };
    auto& cached = detail::thread_state<BoilerplateKeys>();
    std::vector<std::string>& cached_phrases = cached.phrases;
    std::vector<std::string>& cached_keys = cached.keys;
    if (cached_phrases != rules.boilerplate) {
        cached_keys.clear();
        for (const auto& b : rules.boilerplate) cached_keys.push_back(phrase_key(b));
        cached_phrases = rules.boilerplate;
    }
    std::vector<ByteSpan> lines;
    bool in_link_block = false;
    for (std::size_t b = 0; b <= text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        ByteSpan line{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
        lines.push_back(line);
        const ByteSpan t = trim(text, line);
        if (t.size() > 0 && t.size() < 200) {
            const std::string key = phrase_key(doc.view(t));
            const bool block_start = matches_boilerplate(key, rules.link_blocks);
            if (block_start || matches_boilerplate(key, cached_keys)) {
                doc.skipped_lines.push_back(t);
                in_link_block = block_start || in_link_block;
            } else if (in_link_block && !ends_sentence(doc.view(t))) {
                doc.skipped_lines.push_back(t); // the headline of another article
            } else {
                in_link_block = false;
            }
        }
        b = e + 1;
        if (e == text.size()) break;
    }
    return lines;
}

// Whether the sentence `prev`, which ends in a full stop, goes on in `next` on the same line:
// a known abbreviation ("Sig.", "U.S."), an initial ("P. Simmons", "George W. Bush"), or an
// ordinal day before a month ("am 3. März").
bool continues(std::string_view text, ByteSpan prev, ByteSpan next, const SegmentationRules& rules) {
    const std::string_view p = text.substr(prev.begin, prev.size());
    const bool same_line = text.substr(prev.end, next.begin - prev.end).find('\n') == std::string_view::npos;
    if (!same_line || p.size() < 2 || p.back() != '.') return false;
    std::size_t w = p.size() - 1;
    while (w > 0 && !is_space_byte(p[w - 1]) && p[w - 1] != '(') --w;
    const std::string_view word = p.substr(w, p.size() - 1 - w);
    if (std::find(rules.abbreviations.begin(), rules.abbreviations.end(), match_key(word)) != rules.abbreviations.end()) return true;
    if (!word.empty()) {
        std::size_t end = 0;
        const char32_t first = next_code_point(word, end);
        if (end == word.size() && u_isupper(static_cast<UChar32>(first))) return true; // a one-letter initial
    }
    const bool number = !word.empty() && word.find_first_not_of("0123456789") == std::string_view::npos;
    if (!number || rules.ordinal_followers.empty()) return false;
    const std::string_view n = text.substr(next.begin, next.size());
    std::size_t e = 0;
    while (e < n.size() && !is_space_byte(n[e]) && n[e] != ',' && n[e] != '.') ++e;
    const std::string key = match_key(n.substr(0, e));
    return std::find(rules.ordinal_followers.begin(), rules.ordinal_followers.end(), key) != rules.ordinal_followers.end();
}

// Places where a sentence's final stop is glued to the next sentence ("he said.The
// ministry"): two lower-case letters, '.', '!' or '?', a capital, a lower-case letter —
// outside web addresses. Offsets of the punctuation, in text order.
std::vector<std::uint32_t> glue_points(std::string_view text) {
    std::vector<std::uint32_t> out;
    auto cp_at = [&](std::size_t i, std::size_t& len) -> UChar32 {
        std::size_t p = i;
        const char32_t c = next_code_point(text, p);
        len = p - i;
        return static_cast<UChar32>(c);
    };
    for (std::size_t i = 2; i + 2 < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t l1 = 0, l2 = 0;
        const UChar32 next = cp_at(i + 1, l1);
        if (!u_isupper(next) || i + 1 + l1 >= text.size() || !u_islower(cp_at(i + 1 + l1, l2))) continue;
        // The two characters before: step back over UTF-8 continuation bytes.
        std::size_t b = i, letters = 0;
        while (letters < 2 && b > 0) {
            std::size_t k = b - 1;
            while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
            std::size_t len = 0;
            if (!u_islower(cp_at(k, len))) break;
            b = k;
            ++letters;
        }
        if (letters < 2) continue;
        std::size_t chunk = i;
        while (chunk > 0 && !is_space_byte(text[chunk - 1])) --chunk;
        const std::string_view word = text.substr(chunk, i - chunk);
        if (word.find("://") != std::string_view::npos || word.starts_with("www") || word.find('@') != std::string_view::npos) continue;
        out.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

// Sentence spans from ICU, trimmed; an abbreviation's full stop does not end one; a glued
// stop does.
std::vector<ByteSpan> sentence_spans(const Document& doc, UText* ut, const SegmentationRules& rules,
                                     const std::vector<std::uint32_t>& glue) {
    const std::string_view text = doc.text;
    UErrorCode status = U_ZERO_ERROR;
    Iterators& its = iterators_for(doc.language);
    its.sentences->setText(ut, status);
    detail::icu_check(status, "BreakIterator::setText (sentences)");
    std::vector<ByteSpan> spans;
    for (int32_t p = its.sentences->first(), q = its.sentences->next(); q != icu::BreakIterator::DONE;
         p = q, q = its.sentences->next()) {
        ByteSpan s = trim(text, {static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(q)});
        if (s.size() == 0) continue;
        if (!spans.empty() && continues(text, spans.back(), s, rules)) {
            spans.back().end = s.end;
            continue;
        }
        spans.push_back(s);
    }
    if (glue.empty()) return spans;
    std::vector<ByteSpan> split;
    auto g = glue.begin();
    for (ByteSpan s : spans) {
        while (g != glue.end() && *g < s.begin) ++g;
        for (; g != glue.end() && *g + 1 < s.end; ++g) {
            split.push_back({s.begin, *g + 1});
            s.begin = *g + 1;
        }
        split.push_back(s);
    }
    return split;
}

// Boilerplate lines, furniture and metadata, merged into one sorted list of spans without
// tokens. What lies inside metadata is no boilerplate or furniture of the text: dropped first,
// so that no two spans overlap.
std::vector<ByteSpan> skipped_spans(Document& doc) {
    const auto in_metadata = [&](ByteSpan s) {
        return std::any_of(doc.metadata.begin(), doc.metadata.end(), [&](ByteSpan m) { return s.begin < m.end && m.begin < s.end; });
    };
    std::erase_if(doc.skipped_lines, in_metadata);
    std::erase_if(doc.furniture, [&](const Furniture& f) { return in_metadata(f.span); });
    std::vector<ByteSpan> skips = doc.skipped_lines;
    for (const auto& f : doc.furniture) skips.push_back(f.span);
    skips.insert(skips.end(), doc.metadata.begin(), doc.metadata.end());
    std::sort(skips.begin(), skips.end(), [](ByteSpan a, ByteSpan b) { return a.begin < b.begin; });
    return skips;
}

/// The word tokens of a document, each tied to the sentence it starts in.
class Tokenizer {
public:
    Tokenizer(const Document& doc, const SegmentationRules& rules, const std::vector<ByteSpan>& lines,
              const std::vector<ByteSpan>& spans, const std::vector<ByteSpan>& skips, const std::vector<std::uint32_t>& glue)
        : text_(doc.text), rules_(rules), lines_(lines), spans_(spans), skips_(skips), glue_(glue) {
        tokens_.reserve(text_.size() / 5);
    }

    std::vector<Token> run(UText* ut, const std::string& language) {
        UErrorCode status = U_ZERO_ERROR;
        Iterators& its = iterators_for(language);
        its.words->setText(ut, status);
        detail::icu_check(status, "BreakIterator::setText (words)");
        for (int32_t p = its.words->first(), q = its.words->next(); q != icu::BreakIterator::DONE; p = q, q = its.words->next()) {
            const auto b = static_cast<std::uint32_t>(p), e = static_cast<std::uint32_t>(q);
            const std::string_view tok = text_.substr(b, e - b);
            if (tok.empty() || std::all_of(tok.begin(), tok.end(), is_space_byte)) continue;
            const ByteSpan t = trim(text_, {b, e});
            if (t.size() > 0) piece(t, its.words->getRuleStatus());
        }
        return std::move(tokens_);
    }

private:
    // One ICU word, split at a glued sentence stop first.
    void piece(ByteSpan t, int32_t rule) {
        while (glue_i_ < glue_.size() && glue_[glue_i_] < t.begin) ++glue_i_;
        if (glue_i_ < glue_.size() && glue_[glue_i_] > t.begin && glue_[glue_i_] + 1 < t.end) {
            const std::uint32_t g = glue_[glue_i_];
            word({t.begin, g}, rule);
            word({g, g + 1}, UBRK_WORD_NONE);
            piece({g + 1, t.end}, rule);
            return;
        }
        word(t, rule);
    }

    void word(ByteSpan t, int32_t rule) {
        while (skip_i_ < skips_.size() && skips_[skip_i_].end <= t.begin) ++skip_i_;
        if (skip_i_ < skips_.size() && skips_[skip_i_].begin <= t.begin) return;
        while (sent_i_ < spans_.size() && spans_[sent_i_].end <= t.begin) ++sent_i_;
        if (sent_i_ >= spans_.size() || spans_[sent_i_].begin > t.begin) return; // outside any sentence
        const std::string_view tok = text_.substr(t.begin, t.size());
        const std::uint16_t flags = shape_flags(tok, rule);
        if ((flags & tok_word) && !rules_.elision_prefixes.empty()) {
            if (const std::size_t cut = elision_split(tok, rules_.elision_prefixes)) {
                emit(t.begin, t.begin + static_cast<std::uint32_t>(cut), tok_word | tok_apostrophe);
                emit(t.begin + static_cast<std::uint32_t>(cut), t.end, shape_flags(tok.substr(cut), rule));
                return;
            }
        }
        if ((flags & tok_word) && !rules_.clitic_suffixes.empty()) {
            if (const std::size_t cut = clitic_split(tok, rules_.clitic_suffixes)) {
                const auto mid = t.end - static_cast<std::uint32_t>(cut);
                emit(t.begin, mid, shape_flags(tok.substr(0, tok.size() - cut), rule));
                emit(mid, t.end, tok_word | tok_apostrophe);
                return;
            }
        }
        emit(t.begin, t.end, flags);
    }

    void emit(std::uint32_t b, std::uint32_t e, std::uint16_t flags) {
        Token t;
        t.span = {b, e};
        t.flags = flags;
        t.key = match_key(text_.substr(b, e - b));
        t.sentence = static_cast<std::uint32_t>(sent_i_);
        while (line_i_ + 1 < lines_.size() && lines_[line_i_].end < b) ++line_i_;
        if (last_line_with_token_ != line_i_) {
            t.flags |= tok_line_start;
            last_line_with_token_ = line_i_;
        }
        tokens_.push_back(std::move(t));
    }

    std::string_view text_;
    const SegmentationRules& rules_;
    const std::vector<ByteSpan>& lines_;
    const std::vector<ByteSpan>& spans_;
    const std::vector<ByteSpan>& skips_;
    const std::vector<std::uint32_t>& glue_;
    std::vector<Token> tokens_;
    std::size_t skip_i_ = 0, line_i_ = 0, sent_i_ = 0, glue_i_ = 0;
    std::size_t last_line_with_token_ = SIZE_MAX;
};

// Keep only sentences that hold tokens (boilerplate-only ones vanish), renumbered; a sentence
// that began inside skipped text keeps only its analysed part; mark each first word.
void assemble(Document& doc, std::vector<Token> tokens, const std::vector<ByteSpan>& spans, const std::vector<ByteSpan>& skips) {
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
        if (tokens[s.first_token].span.begin > s.span.begin)
            for (const auto& sk : skips)
                if (sk.begin <= s.span.begin && sk.end > s.span.begin) s.span.begin = tokens[s.first_token].span.begin;
        for (std::uint32_t i = s.first_token; i < s.end_token; ++i)
            if (tokens[i].has(tok_word) && !tokens[i].has(tok_apostrophe)) {
                tokens[i].flags |= tok_sentence_start;
                break;
            }
    }
    doc.tokens = std::move(tokens);
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
    const std::vector<ByteSpan> lines = line_spans(doc, rules);
    doc.furniture = find_furniture(text, rules.furniture);
    const std::vector<ByteSpan> skips = skipped_spans(doc);
    const std::vector<std::uint32_t> glue = glue_points(text);

    UErrorCode status = U_ZERO_ERROR;
    UTextPtr ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    detail::icu_check(status, "utext_openUTF8");
    std::vector<ByteSpan> spans = sentence_spans(doc, ut.get(), rules, glue);
    if (max_sentence_bytes > 0) {
        std::erase_if(spans, [&](const ByteSpan& s) {
            if (s.size() <= max_sentence_bytes) return false;
            doc.skipped_sentences.push_back(s);
            return true;
        });
    }
    Tokenizer tokenizer(doc, rules, lines, spans, skips, glue);
    assemble(doc, tokenizer.run(ut.get(), doc.language), spans, skips);
}

} // namespace kg
