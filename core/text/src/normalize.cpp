// SPDX-License-Identifier: Apache-2.0
#include "kg/text/normalize.hpp"

#include "kg/base/sha256.hpp"

#include "icu_check.hpp"
#include "thread_state.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace kg {
namespace {

const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    detail::icu_check(status, "getNFKCCasefoldInstance");
    return *n;
}

bool is_apostrophe(UChar32 c) {
    return c == 0x2019 || c == 0x2018 || c == 0x0060 || c == 0x00B4 || c == 0x02BC || c == 0x2032;
}
bool is_hyphen(UChar32 c) { return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D; }

} // namespace

std::string match_key(std::string_view text) {
    // ASCII fast path: most tokens are plain ASCII words, and ICU round trips cost.
    bool ascii = true;
    for (char ch : text)
        if (static_cast<unsigned char>(ch) >= 0x80) { ascii = false; break; }
    if (ascii) {
        std::string out(text);
        for (char& ch : out)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            else if (ch == '`') ch = '\'';
        return out;
    }
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    // Unify apostrophes before NFKC too: it turns the acute accent (U+00B4) into a space and
    // a combining mark.
    for (int32_t i = 0; i < s.length(); ++i)
        if (is_apostrophe(s.charAt(i))) s.setCharAt(i, u'\'');
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_casefold().normalize(s, status);
    detail::icu_check(status, "normalize");
    icu::UnicodeString out;
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (is_apostrophe(c)) c = '\'';
        else if (is_hyphen(c)) c = '-';
        out.append(c);
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

std::vector<std::string> phrase_words(std::string_view text) {
    std::string key = match_key(text);
    std::vector<std::string> words;
    std::string cur;
    auto flush = [&] { if (!cur.empty()) { words.push_back(std::move(cur)); cur.clear(); } };
    for (char ch : key) {
        if (ch == ' ' || ch == '-' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '.' || ch == ',' ||
            ch == '"' || ch == '(' || ch == ')') {
            // A full stop inside an abbreviation ("U.S.") separates nothing worth keeping.
            flush();
        } else if (ch == '\'') {
            cur.push_back(ch);
            flush(); // elision: "l'ucraina" -> "l'" "ucraina"
        } else {
            cur.push_back(ch);
        }
    }
    flush();
    return words;
}

std::string phrase_key(std::string_view text) {
    std::string out;
    for (const auto& w : phrase_words(text)) {
        if (!out.empty()) out.push_back(' ');
        out += w;
    }
    return out;
}

std::string slugify(std::string_view text) {
    std::string ascii;
    bool is_ascii = true;
    for (char ch : text)
        if (static_cast<unsigned char>(ch) >= 0x80) { is_ascii = false; break; }
    if (is_ascii) {
        // Any-Latin and Latin-ASCII leave ASCII as it is; Lower is then ASCII lower-casing.
        ascii.assign(text);
        for (char& ch : ascii)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    } else {
        // Transliterator::transliterate is not thread-safe on one instance: one per thread
        // (a process-wide lock serialised the extraction threads of -j N).
        auto& to_ascii = detail::thread_state<std::unique_ptr<icu::Transliterator>>();
        if (!to_ascii) {
            UErrorCode status = U_ZERO_ERROR;
            std::unique_ptr<icu::Transliterator> t(
                icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
            detail::icu_check(status, "Transliterator::createInstance");
            to_ascii = std::move(t);
        }
        icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        to_ascii->transliterate(s);
        s.toUTF8String(ascii);
    }
    std::string out;
    bool gap = false;
    for (char ch : ascii) {
        const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (alnum) {
            if (gap && !out.empty()) out.push_back('_');
            out.push_back(ch);
            gap = false;
        } else if (ch != '\'') {
            gap = true;
        }
    }
    // An id is a handle, not a text: a name of thousands of characters (a run of junk taken
    // for a name) keeps a short id, unique through a digest of the whole slug.
    constexpr std::size_t max_slug = 80, kept = 64;
    if (out.size() > max_slug) out = out.substr(0, kept) + "_" + sha256_hex(out).substr(0, 12);
    return out;
}

} // namespace kg
