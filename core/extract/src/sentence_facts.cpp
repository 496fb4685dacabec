// SPDX-License-Identifier: Apache-2.0
// Stage "sentence_facts": what one sentence says about every relation in it — how it is
// claimed (asserted, reported by a source, alleged, denied), when (the first date, a
// day-month date completed by a year stated just before), and how many ("13.000 truppe",
// "12 milioni di proiettili", "10,000 soldiers"). Markers, month names, number words and
// separators all come from the language data.
#include "sentence_view.hpp"
#include "stages.hpp"

#include <charconv>
#include <string>

namespace kg::detail {
namespace {

bool parse_int(const std::string& s, int& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

bool plausible_year(int y) { return y >= 1900 && y <= 2100; }

// "1er", "1º": the digits of an ordinal day.
std::string without_ordinal_suffix(const StageContext& c, std::string k) {
    for (const auto& suffix : c.lang.ordinal_suffixes)
        if (!suffix.empty() && k.ends_with(suffix)) return k.substr(0, k.find_first_not_of("0123456789"));
    return k;
}

// The day written before the month at p ("19 giugno", "19. Juni", "1er novembre", "3 de marzo").
int day_before_month(const SentenceView& v, std::size_t p) {
    const StageContext& c = v.c;
    for (std::size_t back = 1; back <= 2 && back <= p; ++back) {
        const std::string& k = v.tok(p - back).key;
        if (k == "." || c.in(c.lang.genitives, k) || c.in(c.lang.date_connectors, k)) continue;
        int d;
        if (parse_int(without_ordinal_suffix(c, k), d) && d >= 1 && d <= 31) return d;
        return 0;
    }
    return 0;
}

// The first date expression in a sentence, as ISO 8601; `default_year` completes day-month dates.
std::string sentence_date(const SentenceView& v, int default_year) {
    const StageContext& c = v.c;
    for (std::size_t p = 0; p < v.toks.size(); ++p) {
        auto mit = c.lang.months.find(v.tok(p).key);
        if (mit == c.lang.months.end()) continue;
        const int month = mit->second;
        int day = day_before_month(v, p), year = 0, n;
        std::size_t q = p + 1;
        // English "June 19, 2024"
        if (!day && q < v.toks.size() && parse_int(v.tok(q).key, n) && n >= 1 && n <= 31) { day = n; ++q; }
        while (q < v.toks.size() && (v.tok(q).has(tok_comma) || c.in(c.lang.date_connectors, v.tok(q).key))) ++q;
        if (q < v.toks.size() && parse_int(v.tok(q).key, n) && plausible_year(n)) year = n;
        // A month name alone ("maggio") is too often something else; require a day or a year.
        if (!day && !year) continue;
        if (!year) year = default_year;
        if (!year) continue;
        return std::to_string(year) + "-" + two(month) + (day ? "-" + two(day) : "");
    }
    for (std::size_t p = 1; p < v.toks.size(); ++p) {
        int y;
        if (parse_int(v.tok(p).key, y) && plausible_year(y) && v.tok(p - 1).has(tok_word) &&
            c.in(c.lang.locative_prepositions, v.tok(p - 1).key))
            return std::to_string(y);
    }
    return {};
}

// The year that completes a day-month date: the last year the article stated in this or the
// two sentences before. Farther back, the year does not follow from the article.
int year_in_context(const StageContext& c, std::uint32_t sentence) {
    int year = 0;
    const std::uint32_t from = sentence >= 2 ? sentence - 2 : 0;
    for (std::uint32_t s = from; s <= sentence; ++s) {
        const Sentence& sent = c.doc.sentences[s];
        for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
            const Token& t = c.doc.tokens[i];
            int y;
            if (t.has(tok_digit) && t.key.size() == 4 && parse_int(t.key, y) && plausible_year(y)) year = y;
        }
    }
    return year;
}

// The digits of a number token ("13.000", "1,5"), split at the decimal separator; empty
// digits when the token is not a number.
void number_parts(const StageContext& c, const std::string& key, std::string& digits, std::string& fraction) {
    const char decimal = c.lang.decimal_comma ? ',' : '.';
    bool after = false;
    for (char ch : key) {
        if (ch >= '0' && ch <= '9') (after ? fraction : digits).push_back(ch);
        else if (ch == decimal) after = true;
        else if (ch == '.' || ch == ',' || ch == ' ') continue;
        else { digits.clear(); return; }
    }
}

// The counted noun after the number that ends before q; its position, or toks.size().
std::size_t counted_noun(const SentenceView& v, std::size_t q) {
    const StageContext& c = v.c;
    while (q < v.toks.size() && (c.in(c.lang.name_connectors, v.tok(q).key) || c.in(c.lang.genitives, v.tok(q).key) ||
                                 v.tok(q).has(tok_apostrophe)))
        ++q;
    // "10,000 North Korean soldiers": the counted noun comes after the demonym.
    while (q < v.toks.size() && !c.demonym_of.empty() && !c.demonym_of[v.toks[q]].empty()) ++q;
    return q;
}

// "13.000 truppe", "12 milioni di proiettili", "10,000 soldiers" -> "13000 truppe".
std::string sentence_quantity(const SentenceView& v) {
    const StageContext& c = v.c;
    for (std::size_t p = 0; p + 1 < v.toks.size(); ++p) {
        if (!v.tok(p).has(tok_digit)) continue;
        std::string digits, fraction;
        number_parts(c, v.tok(p).key, digits, fraction);
        std::size_t q = p + 1;
        // "13 000 soldats": digit groups split by a space belong together.
        while (!digits.empty() && fraction.empty() && q < v.toks.size() && v.tok(q).has(tok_digit) && v.tok(q).key.size() == 3 &&
               v.tok(q).key.find_first_not_of("0123456789") == std::string::npos && v.tok(q).span.begin - v.tok(q - 1).span.end <= 3) {
            digits += v.tok(q).key;
            ++q;
        }
        if (digits.empty() || digits.size() > 12 || q >= v.toks.size()) continue;
        long double value = std::stold(digits + (fraction.empty() ? "" : "." + fraction));
        if (auto m = c.lang.multipliers.find(v.tok(q).key); m != c.lang.multipliers.end()) {
            value *= static_cast<long double>(m->second);
            ++q;
        }
        // Beyond 10^15 a count is no longer a count of anything a news article reports (and
        // would not fit the integer it is printed as).
        if (value >= 1e15L) continue;
        q = counted_noun(v, q);
        if (q >= v.toks.size()) continue;
        const Token& noun = v.tok(q);
        if (!noun.has(tok_word) || noun.has(tok_digit) || c.in(c.lang.function_words, noun.key) || c.lang.months.count(noun.key))
            continue;
        int y;
        if (fraction.empty() && value >= 1900 && value <= 2100 && parse_int(digits, y)) continue; // a year
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
        return std::string(buf, r.ptr) + " " + noun.key;
    }
    return {};
}

// The status of the sentence's claims, and who a reported claim is attributed to.
SentenceFacts sentence_claim(const SentenceView& v) {
    const StageContext& c = v.c;
    SentenceFacts f;
    std::size_t at = 0;
    if (v.has_any(c.lang.denied_markers)) f.status = ClaimStatus::denied;
    else if (v.has_any(c.lang.alleged_markers)) f.status = ClaimStatus::alleged;
    else if (v.has_any(c.lang.reported_markers, &at)) {
        f.status = ClaimStatus::reported;
        // "ha detto X" / "X ha detto": the nearest actor to the reporting verb is the source.
        int best = -1;
        std::size_t best_d = 99;
        for (int m : v.mentions) {
            if (!c.is(v.cls(m), Trait::agent)) continue;
            auto [b, e] = v.extent(m);
            // A name inside the quotation ("«... de la Russie», a déclaré Blinken") is not
            // who speaks it.
            bool quoted = false;
            for (std::size_t q = e + 1; q < at && !quoted; ++q) quoted = v.tok(q).has(tok_quote);
            if (quoted) continue;
            // Role words and articles before a name after the verb ("a déclaré le secrétaire
            // d'État Antony Blinken") are part of the naming.
            std::size_t d = at > e ? at - e : 0;
            if (b > at) {
                d = 1;
                for (std::size_t q = at + 1; q < b; ++q)
                    if (!v.introducer(q) && !c.in(c.lang.articles, v.tok(q).key) && !v.tok(q).has(tok_apostrophe)) ++d;
            }
            if (d < best_d) { best_d = d; best = m; }
        }
        if (best >= 0 && best_d <= 4) f.attributed_to = v.mention(best).entity;
    }
    for (std::size_t p = 0; p + 1 < v.toks.size(); ++p) {
        if (!c.in(c.lang.attribution_markers, v.tok(p).key)) continue;
        for (std::size_t q = p + 1; q < v.toks.size() && q <= p + 3; ++q) {
            const int m = v.mention_at[q];
            if (m >= 0 && c.is(v.cls(m), Trait::agent)) {
                if (f.status == ClaimStatus::asserted) f.status = ClaimStatus::reported;
                f.attributed_to = v.mention(m).entity;
                break;
            }
        }
    }
    return f;
}

// Whether the sentence holds a quotation mark; `first`: whether it opens with one.
bool quotes(const SentenceView& v, bool first) {
    for (std::size_t p = 0; p < v.toks.size(); ++p) {
        if (v.tok(p).has(tok_quote)) return true;
        if (first) return false;
    }
    return false;
}

} // namespace

void read_sentence_facts(StageContext& c) {
    auto& facts = c.annotated.facts;
    facts.assign(c.doc.sentences.size(), {});
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        const SentenceView v(c, s);
        facts[s] = sentence_claim(v);
        // ""Iran is now Russia's main military backer," Blinken said. "Iran must stop ..."": a
        // quotation that opens the next sentence with no source of its own goes on quoting the
        // same speaker.
        if (s > 0 && facts[s].status == ClaimStatus::asserted && facts[s].attributed_to.empty() &&
            facts[s - 1].status == ClaimStatus::reported && !facts[s - 1].attributed_to.empty() && quotes(v, true)) {
            const SentenceView before(c, s - 1);
            if (quotes(before, false)) {
                facts[s].status = ClaimStatus::reported;
                facts[s].attributed_to = facts[s - 1].attributed_to;
            }
        }
        facts[s].date = sentence_date(v, year_in_context(c, s));
        facts[s].quantity = sentence_quantity(v);
    }
}

} // namespace kg::detail
