// Relation stages. Typed relations come from ontology triggers (matched by stem) whose
// subject and object are chosen by the relation's domain and range and by the shape of the
// sentence: active or passive voice, coordination, nominalisation, object prepositions.
// Roles give leader_of/member_of; place and weapon modifiers give located_in/possesses.
// Every relation gets the sentence's claim status, date and quantity.
#include "work.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>
#include <cstdint>
#include <charconv>
#include <optional>
#include <set>

namespace kg::detail {
namespace {

bool in(const std::set<std::string>& s, const std::string& k) { return s.count(k) != 0; }

bool in_classes(const std::vector<std::string>& classes, const std::string& type) {
    return classes.empty() || std::find(classes.begin(), classes.end(), type) != classes.end();
}

/// The sentence under analysis: its word tokens, their stems and the mentions in it.
struct SentenceView {
    const Work& w;
    std::uint32_t index;
    std::vector<std::uint32_t> toks;       ///< token indices of non-hyphen tokens
    std::vector<std::string> stems;         ///< stem per entry of toks
    std::vector<int> mention_at;            ///< per entry of toks: mention index or -1
    std::vector<int> mentions;              ///< mention indices in text order
    std::set<int> trigger_objects;          ///< mentions right after some trigger: objects, not subjects
    std::set<std::size_t> trigger_object_positions; ///< word positions of those objects' heads
    std::size_t first_trigger = SIZE_MAX;   ///< position of the sentence's first trigger

    SentenceView(const Work& work, std::uint32_t s) : w(work), index(s) {
        const Sentence& sent = w.doc.sentences[s];
        for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
            const Token& t = w.doc.tokens[i];
            if (t.has(tok_hyphen)) continue;
            toks.push_back(i);
            stems.push_back(t.has(tok_word) ? stem(t.key, w.lang.code) : t.key);
            const int m = w.owner[i];
            mention_at.push_back(m);
            if (m >= 0 && (mentions.empty() || mentions.back() != m)) mentions.push_back(m);
        }
    }
    const Token& tok(std::size_t p) const { return w.doc.tokens[toks[p]]; }
    const Mention& mention(int m) const { return w.mentions[static_cast<std::size_t>(m)]; }
    /// Word positions [first, last] of a mention in this view.
    std::pair<std::size_t, std::size_t> extent(int m) const {
        std::size_t b = toks.size(), e = 0;
        for (std::size_t p = 0; p < toks.size(); ++p)
            if (mention_at[p] == m) { b = std::min(b, p); e = p; }
        return {b, e};
    }
    bool matches(const TriggerDef& t, std::size_t p) const {
        if (p + t.stems.size() > toks.size()) return false;
        for (std::size_t k = 0; k < t.stems.size(); ++k)
            if (stems[p + k] != t.stems[k] || !tok(p + k).has(tok_word)) return false;
        return true;
    }
    bool has_any(const std::vector<TriggerDef>& markers, std::size_t* where = nullptr) const {
        for (std::size_t p = 0; p < toks.size(); ++p)
            for (const auto& t : markers)
                if (mention_at[p] < 0) // "States" in "United States" is no reporting verb
                if (matches(t, p)) { if (where) *where = p; return true; }
        return false;
    }
};

// Mentions joined by commas and coordinators ("Putin e Kim", "Cina, Russia e Iran") with
// the mention `m` among them, all of the same coarse class.
std::vector<int> coordination_group(const SentenceView& v, int m) {
    const auto& mentions = v.mentions;
    auto pos = static_cast<std::size_t>(std::find(mentions.begin(), mentions.end(), m) - mentions.begin());
    const std::string coarse = v.w.onto.coarse_of(v.mention(m).type);
    // 0: not joined; 1: joined by a comma; 2: joined by a coordinator ("e", "and").
    auto joint = [&](int a, int b) -> int {
        auto ae = v.extent(a).second;
        auto bb = v.extent(b).first;
        if (v.w.onto.coarse_of(v.mention(b).type) != coarse || bb <= ae + 1) return 0;
        int kind = 0;
        for (std::size_t p = ae + 1; p < bb; ++p) {
            const Token& t = v.tok(p);
            if (in(v.w.lang.coordinators, t.key)) { kind = 2; continue; }
            if (t.has(tok_comma)) { kind = std::max(kind, 1); continue; }
            if (in(v.w.lang.articles, t.key) || t.has(tok_apostrophe)) continue;
            // "Macron e la cancelliera tedesca Angela Merkel": a role and a demonym introduce
            // the next member.
            const auto ti = v.toks[p];
            if (v.w.role_tokens.count(ti) || (!v.w.demonym_of.empty() && !v.w.demonym_of[ti].empty())) continue;
            return 0;
        }
        return kind;
    };
    // "Cina, Russia e Iran": commas join only in a list that a coordinator closes.
    std::size_t first = pos, last = pos;
    while (first > 0 && joint(mentions[first - 1], mentions[first])) --first;
    while (last + 1 < mentions.size() && joint(mentions[last], mentions[last + 1])) ++last;
    while (last > first && joint(mentions[last - 1], mentions[last]) == 1) --last; // trailing commas
    if (last < pos) last = pos;
    std::vector<int> group;
    bool coordinated = false;
    for (std::size_t i = first; i < last; ++i) coordinated |= joint(mentions[i], mentions[i + 1]) == 2;
    if (!coordinated || pos < first || pos > last) return {m};
    for (std::size_t i = first; i <= last; ++i) group.push_back(mentions[i]);
    return group;
}

// A possessive clitic split off a name ("'s" in "the Kremlin's war").
bool is_clitic(const SentenceView& v, std::size_t p) {
    const auto& suffixes = v.w.lang.segmentation.clitic_suffixes;
    return std::find(suffixes.begin(), suffixes.end(), v.tok(p).key) != suffixes.end();
}

// The word before a mention, skipping an article ("la Corea del Nord" -> what precedes "la").
// Role words and demonyms introducing a name are skipped too: "con el primer ministro
// británico Keir Starmer" is introduced by "con".
const Token* word_before(const SentenceView& v, std::size_t b) {
    std::size_t k = b;
    int articles = 0;
    for (int steps = 0; k > 0 && steps < 8; ++steps) {
        const Token& t = v.tok(k - 1);
        const auto ti = v.toks[k - 1];
        const bool introducer = v.w.role_tokens.count(ti) || (!v.w.demonym_of.empty() && !v.w.demonym_of[ti].empty());
        const bool article = (t.has(tok_apostrophe) && !in(v.w.lang.prepositions, t.key) && !in(v.w.lang.genitives, t.key)) ||
                             in(v.w.lang.articles, t.key);
        if (introducer || (article && articles++ < 2)) { --k; continue; }
        break;
    }
    return k > 0 ? &v.tok(k - 1) : nullptr;
}


// A mention introduced by a preposition ("in Ucraina", "degli Stati Uniti") is not the
// subject of a clause.
bool prepositional(const SentenceView& v, std::size_t b) {
    const Token* t = word_before(v, b);
    return t && (in(v.w.lang.prepositions, t->key) || in(v.w.lang.genitives, t->key));
}

/// Where the subject of a trigger was looked for: found, blocked (the nearest candidate is
/// of the wrong class, or a clause boundary), or none at all in the sentence before it.
struct SubjectSearch {
    std::optional<int> mention;
    std::string demonym_state; ///< "le truppe nordcoreane sono entrate": the state of a demonym NP
    bool blocked = false;
};

// The subject of a trigger: the nearest mention before it that is not inside a
// prepositional phrase (for a coordination, its first member decides) and is not the object
// of an earlier trigger. When that mention's class is outside the relation's domain (a
// missile that "landed"), there is no subject: a farther actor is not the one acting.
SubjectSearch subject_before(const SentenceView& v, std::size_t p, const RelationDef& def) {
    SubjectSearch r;
    for (std::size_t q = p; q-- > 0 && p - q <= 25;) {
        const int m = v.mention_at[q];
        if (m < 0) {
            // Clause boundaries: a subject is not looked for across a semicolon or colon.
            if (v.tok(q).key == ";" || v.tok(q).key == ":") { r.blocked = true; return r; }
            const Token& t = v.tok(q);
            // A noun phrase with a demonym ("some 10,000 North Korean soldiers had entered")
            // stands for the demonym's state.
            if (!v.w.demonym_of.empty() && !v.w.demonym_of[v.toks[q]].empty()) {
                std::size_t first = q;
                while (first > 0 && !v.w.demonym_of[v.toks[first - 1]].empty()) --first;
                const bool in_pp = prepositional(v, first) || (first > 0 && prepositional(v, first - 1) &&
                                                                !in(v.w.lang.articles, v.tok(first - 1).key));
                // Only nouns that act for a state: troops, government, officials — not tourists.
                std::size_t last = q;
                const bool agent = (first > 0 && in(v.w.lang.state_agents, v.tok(first - 1).key)) ||
                                   (last + 1 < v.toks.size() && in(v.w.lang.state_agents, v.tok(last + 1).key));
                if (!in_pp && agent) {
                    if (!in_classes(def.domain, "State")) { r.blocked = true; return r; }
                    if (const EntityRecord* st = v.w.onto.find_entity(v.w.demonym_of[v.toks[q]]))
                        r.demonym_state = Ontology::graph_id(*st);
                    return r;
                }
                q = first;
                continue;
            }
            // A common noun with its article, outside any prepositional phrase, is the
            // subject itself: "le esercitazioni [di Stati Uniti e Corea del Sud] provocano".
            if (q + 1 < p && q >= 1 && t.has(tok_word) && !t.has(tok_upper_initial) && !t.has(tok_digit) &&
                !in(v.w.lang.function_words, t.key) && in(v.w.lang.articles, v.tok(q - 1).key) &&
                !prepositional(v, q) && !v.trigger_object_positions.count(q)) {
                r.blocked = true;
                return r;
            }
            continue;
        }
        auto group = coordination_group(v, m);
        auto b = v.extent(group.front()).first;
        if (v.trigger_objects.count(m)) {
            // Object control: "accusano Pyongyang di fornire", "invited Kim to visit" — the
            // object of the first verb is the subject of the second.
            const auto e = v.extent(group.back()).second;
            const bool control = e + 2 == p && (in(v.w.lang.genitives, v.tok(e + 1).key) ||
                                                in(v.w.lang.prepositions, v.tok(e + 1).key));
            if (control && in_classes(def.domain, v.mention(m).type)) { r.mention = m; return r; }
            q = std::min(q, b);
            continue;
        }
        if (prepositional(v, b)) { q = std::min(q, b); continue; }
        if (!in_classes(def.domain, v.mention(m).type)) { r.blocked = true; return r; }
        r.mention = m;
        return r;
    }
    return r;
}

std::optional<int> object_after(const SentenceView& v, std::size_t p, const RelationDef& def,
                                const std::set<std::string>& markers, int exclude) {
    for (std::size_t q = p; q < v.toks.size() && q - p <= 18; ++q) {
        const int m = v.mention_at[q];
        // A comma closes the trigger's phrase: "ha riconosciuto l'indipendenza delle regioni,
        // dove ... dell'Ucraina" does not recognise Ukraine.
        if (m < 0 && q > p && v.tok(q).has(tok_comma)) return std::nullopt;
        if (m < 0 || m == exclude || !in_classes(def.range, v.mention(m).type)) continue;
        if (exclude >= 0 && v.mention(m).entity == v.mention(exclude).entity) continue;
        auto [b, e] = v.extent(m);
        // A possessor ("the Kremlin's war") modifies the next noun; it is not the object.
        if (e + 1 < v.toks.size() && v.tok(e + 1).has(tok_apostrophe) && is_clitic(v, e + 1)) { q = e; continue; }
        const Token* before = word_before(v, b);
        // A direct object follows the trigger with at most an article or a quantity between
        // them: "sent about 13,000 troops", "ha fornito 12 milioni di proiettili".
        std::size_t k = b;
        auto skippable = [&](const Token& t) {
            const auto ti = static_cast<std::size_t>(&t - v.w.doc.tokens.data());
            // "ha incontrato il premier giapponese Fumio Kishida": the role and the demonym
            // introduce the object.
            if (v.w.role_tokens.count(static_cast<std::uint32_t>(ti)) || (!v.w.demonym_of.empty() && !v.w.demonym_of[ti].empty()))
                return true;
            return in(v.w.lang.articles, t.key) || t.has(tok_apostrophe) || t.has(tok_digit) ||
                   v.w.lang.multipliers.count(t.key) || (in(v.w.lang.function_words, t.key) && !in(v.w.lang.prepositions, t.key));
        };
        while (k > p && skippable(v.tok(k - 1))) --k;
        const bool direct = k == p;
        const bool marked = before && in(markers, before->key);
        if (!direct && !marked) {
            // Without markers any object that is not inside a prepositional phrase will do.
            if (!markers.empty() || prepositional(v, b)) { q = e; continue; }
        }
        return m;
    }
    return std::nullopt;
}

std::optional<int> object_before(const SentenceView& v, std::size_t p, const RelationDef& def, int exclude) {
    for (std::size_t q = p; q-- > 0 && p - q <= 12;) {
        const int m = v.mention_at[q];
        if (m >= 0 && m != exclude && in_classes(def.range, v.mention(m).type)) return m;
    }
    return std::nullopt;
}

// ---- dates -------------------------------------------------------------------------------

bool parse_int(const std::string& s, int& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The first date expression in a sentence, as ISO 8601; `default_year` completes day-month dates.
std::string sentence_date(const SentenceView& v, int default_year) {
    const auto& months = v.w.lang.months;
    for (std::size_t p = 0; p < v.toks.size(); ++p) {
        auto mit = months.find(v.tok(p).key);
        if (mit == months.end()) continue;
        const int month = mit->second;
        int day = 0, year = 0;
        // day before the month: "19 giugno", "19. Juni", "1er novembre"
        for (std::size_t back = 1; back <= 2 && back <= p; ++back) {
            std::string k = v.tok(p - back).key;
            if (k == "." || in(v.w.lang.genitives, k) || k == "de") continue; // "19. Juni", "3 de marzo"
            if (k.ends_with("er") || k.ends_with("º")) k = k.substr(0, k.find_first_not_of("0123456789"));
            int d;
            if (parse_int(k, d) && d >= 1 && d <= 31) day = d;
            break;
        }
        std::size_t q = p + 1;
        // English "June 19, 2024"
        int d;
        if (!day && q < v.toks.size() && parse_int(v.tok(q).key, d) && d >= 1 && d <= 31) { day = d; ++q; }
        while (q < v.toks.size() && (v.tok(q).has(tok_comma) || v.tok(q).key == "del" || v.tok(q).key == "de" || v.tok(q).key == "of")) ++q;
        int y;
        if (q < v.toks.size() && parse_int(v.tok(q).key, y) && y >= 1900 && y <= 2100) year = y;
        // A month name alone ("maggio") is too often something else; require a day or a year.
        if (!day && !year) continue;
        if (!year) year = default_year;
        if (!year) continue;
        return std::to_string(year) + "-" + two(month) + (day ? "-" + two(day) : "");
    }
    for (std::size_t p = 1; p < v.toks.size(); ++p) {
        int y;
        if (parse_int(v.tok(p).key, y) && y >= 1900 && y <= 2100 && v.tok(p - 1).has(tok_word) &&
            in(v.w.lang.locative_prepositions, v.tok(p - 1).key))
            return std::to_string(y);
    }
    return {};
}

// The year that completes a day-month date: the last year the article stated in this or the
// two sentences before. Farther back, the year does not follow from the article.
int year_in_context(const Work& w, std::uint32_t sentence) {
    int year = 0;
    const std::uint32_t from = sentence >= 2 ? sentence - 2 : 0;
    for (std::uint32_t s = from; s <= sentence; ++s) {
        const Sentence& sent = w.doc.sentences[s];
        for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
            const Token& t = w.doc.tokens[i];
            int y;
            if (t.has(tok_digit) && t.key.size() == 4 && parse_int(t.key, y) && y >= 1900 && y <= 2100) year = y;
        }
    }
    return year;
}

// ---- quantities --------------------------------------------------------------------------

// "13.000 truppe", "12 milioni di proiettili", "10,000 soldiers" -> "13000 truppe".
std::string sentence_quantity(const SentenceView& v) {
    const bool comma_thousands = v.w.lang.code == "en";
    for (std::size_t p = 0; p + 1 < v.toks.size(); ++p) {
        const Token& t = v.tok(p);
        if (!t.has(tok_digit)) continue;
        std::string digits;
        bool fraction = false;
        std::string frac;
        for (char c : t.key) {
            if (c >= '0' && c <= '9') (fraction ? frac : digits).push_back(c);
            else if ((c == ',' && !comma_thousands) || (c == '.' && comma_thousands)) fraction = true;
            else if (c == '.' || c == ',' || c == ' ') continue;
            else { digits.clear(); break; }
        }
        std::size_t q = p + 1;
        // "13 000 soldats": digit groups split by a space belong together.
        while (!digits.empty() && frac.empty() && q < v.toks.size() && v.tok(q).has(tok_digit) && v.tok(q).key.size() == 3 &&
               v.tok(q).key.find_first_not_of("0123456789") == std::string::npos && v.tok(q).span.begin - v.tok(q - 1).span.end <= 3) {
            digits += v.tok(q).key;
            ++q;
        }
        if (digits.empty() || digits.size() > 12 || q >= v.toks.size()) continue;
        long double value = std::stold(digits + (frac.empty() ? "" : "." + frac));
        if (auto m = v.w.lang.multipliers.find(v.tok(q).key); m != v.w.lang.multipliers.end()) {
            value *= static_cast<long double>(m->second);
            ++q;
        }
        // Beyond 10^15 a count is no longer a count of anything a news article reports (and
        // would not fit the integer it is printed as).
        if (value >= 1e15L) continue;
        while (q < v.toks.size() && (in(v.w.lang.name_connectors, v.tok(q).key) || in(v.w.lang.genitives, v.tok(q).key) ||
                                     v.tok(q).has(tok_apostrophe)))
            ++q;
        // "10,000 North Korean soldiers": the counted noun comes after the demonym.
        while (q < v.toks.size() && !v.w.demonym_of.empty() && !v.w.demonym_of[v.toks[q]].empty()) ++q;
        if (q >= v.toks.size()) continue;
        const Token& noun = v.tok(q);
        if (!noun.has(tok_word) || noun.has(tok_digit) || in(v.w.lang.function_words, noun.key) ||
            v.w.lang.months.count(noun.key))
            continue;
        int y;
        if (frac.empty() && value >= 1900 && value <= 2100 && parse_int(digits, y)) continue; // a year
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
        return std::string(buf, r.ptr) + " " + noun.key;
    }
    return {};
}

// ---- claim status ------------------------------------------------------------------------

struct Claim {
    ClaimStatus status = ClaimStatus::asserted;
    std::string attributed_to;
};

Claim sentence_claim(const SentenceView& v) {
    Claim c;
    std::size_t at = 0;
    if (v.has_any(v.w.lang.denied_markers)) c.status = ClaimStatus::denied;
    else if (v.has_any(v.w.lang.alleged_markers)) c.status = ClaimStatus::alleged;
    else if (v.has_any(v.w.lang.reported_markers, &at)) {
        c.status = ClaimStatus::reported;
        // "ha detto X" / "X ha detto": the nearest actor to the reporting verb is the source.
        int best = -1;
        std::size_t best_d = 99;
        for (int m : v.mentions) {
            if (v.w.onto.coarse_of(v.mention(m).type) != "Actor") continue;
            auto [b, e] = v.extent(m);
            std::size_t d = b > at ? b - at : at - e;
            if (d < best_d) { best_d = d; best = m; }
        }
        if (best >= 0 && best_d <= 4) c.attributed_to = v.mention(best).entity;
    }
    for (std::size_t p = 0; p + 1 < v.toks.size(); ++p) {
        if (!in(v.w.lang.attribution_markers, v.tok(p).key)) continue;
        for (std::size_t q = p + 1; q < v.toks.size() && q <= p + 3; ++q) {
            const int m = v.mention_at[q];
            if (m >= 0 && v.w.onto.coarse_of(v.mention(m).type) == "Actor") {
                if (c.status == ClaimStatus::asserted) c.status = ClaimStatus::reported;
                c.attributed_to = v.mention(m).entity;
                break;
            }
        }
    }
    return c;
}

struct Emitter {
    const Work& w;
    std::vector<RelationMention>& out;
    std::set<std::tuple<std::string, std::string, std::string, std::uint32_t>> seen;

    void emit(const std::string& s, const std::string& type, const std::string& o, std::uint32_t sentence,
              const Claim& claim, const std::string& date, const std::string& quantity, const std::string& role = {}) {
        if (s == o || s.empty() || o.empty()) return;
        const RelationDef* def = w.onto.find_relation(type);
        std::string a = s, b = o;
        if (def && def->symmetric && b < a) std::swap(a, b);
        if (!seen.emplace(a, type, b, sentence).second) return;
        RelationMention r;
        r.subject = a;
        r.object = b;
        r.type = type;
        r.sentence = sentence;
        r.status = claim.status;
        r.attributed_to = claim.attributed_to;
        r.date = date;
        if (type == "supplied" || type == "supplied_to" || type == "deployed_to") r.quantity = quantity;
        r.role = role;
        out.push_back(std::move(r));
    }
};

// Mentions right after any trigger ("ha incontrato Kim") are objects; a later trigger in
// the same sentence must not take them for its subject.
void mark_trigger_objects(SentenceView& v) {
    for (const auto& [rel, cues] : v.w.lang.relation_cues)
        for (const TriggerDef& trig : cues.triggers)
            for (std::size_t p = 0; p < v.toks.size(); ++p) {
                if (!v.matches(trig, p)) continue;
                v.first_trigger = std::min(v.first_trigger, p);
                std::size_t q = p + trig.stems.size();
                while (q < v.toks.size() && (in(v.w.lang.articles, v.tok(q).key) || v.tok(q).has(tok_apostrophe))) ++q;
                if (q < v.toks.size() && v.mention_at[q] >= 0) v.trigger_objects.insert(v.mention_at[q]);
                else if (q < v.toks.size()) v.trigger_object_positions.insert(q);
            }
}

// A demonym next to a trigger noun names its actor: "le truppe nordcoreane", "la guerra
// russa", "North Korean troops".
std::string demonym_actor(const SentenceView& v, std::size_t p, std::size_t after) {
    std::vector<const Token*> words;
    for (auto t : v.toks) words.push_back(&v.w.doc.tokens[t]);
    auto state_at = [&](std::size_t q) -> std::string {
        if (q >= words.size() || v.mention_at[q] >= 0) return {};
        const std::vector<PhraseEntry>* dem = nullptr;
        if (v.w.tables.demonyms.longest(words, q, dem) == 0) return {};
        const EntityRecord* st = v.w.onto.find_entity(dem->front().id);
        return st ? Ontology::graph_id(*st) : std::string();
    };
    if (auto s = state_at(after); !s.empty()) return s;
    if (p > 0) {
        // English puts the adjective first: "North Korean troops" (two words at most).
        for (std::size_t back = 1; back <= 2 && back <= p; ++back) {
            const std::vector<PhraseEntry>* dem = nullptr;
            std::size_t n = v.w.tables.demonyms.longest(words, p - back, dem);
            if (n == back && v.mention_at[p - back] < 0) {
                const EntityRecord* st = v.w.onto.find_entity(dem->front().id);
                if (st) return Ontology::graph_id(*st);
            }
        }
    }
    return {};
}

} // namespace

void find_relations(Work& w, std::vector<RelationMention>& out) {
    Emitter em{w, out, {}};
    std::vector<Claim> claims(w.doc.sentences.size());
    std::vector<std::string> dates(w.doc.sentences.size()), quantities(w.doc.sentences.size());
    std::string topic; // the last subject: Italian drops subject pronouns ("Ha ringraziato...")
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        SentenceView v(w, s);
        mark_trigger_objects(v);
        claims[s] = sentence_claim(v);
        dates[s] = sentence_date(v, year_in_context(w, s));
        quantities[s] = sentence_quantity(v);
        const Claim& claim = claims[s];
        std::string first_actor;
        for (int m : v.mentions)
            if (w.onto.coarse_of(v.mention(m).type) == "Actor" && !prepositional(v, v.extent(m).first)) {
                first_actor = v.mention(m).entity;
                break;
            }

        for (const auto& [rel, cues] : w.lang.relation_cues) {
            const RelationDef* def = w.onto.find_relation(rel);
            if (!def) continue;
            for (std::size_t p = 0; p < v.toks.size(); ++p) {
                for (const TriggerDef& trig : cues.triggers) {
                    if (!v.matches(trig, p)) continue;
                    const int inside = v.mention_at[p];
                    if (inside >= 0 && w.onto.coarse_of(v.mention(inside).type) == "Actor") continue;
                    const std::size_t after = p + trig.stems.size();
                    Claim local = claim;
                    bool possible_only = false;
                    for (std::size_t k = p; k-- > 0 && p - k <= 8;) {
                        if (v.mention_at[k] >= 0 || v.tok(k).has(tok_comma)) break; // the clause before the trigger
                        if (p - k <= 2 && in(w.lang.negations, v.tok(k).key)) local.status = ClaimStatus::denied;
                        if (in(w.lang.modals, v.tok(k).key)) possible_only = true;
                    }
                    // "potrebbero firmare", "dovrà votare sulla ratifica": not (yet) a fact.
                    if (possible_only) continue;

                    std::vector<int> subjects, objects;
                    std::vector<std::string> subject_keys, object_keys;
                    bool passive = false, reciprocal = false, blocked = false;
                    // Passive: "firmato da Putin e Kim".
                    for (std::size_t q = after; q < v.toks.size() && q <= after + 1; ++q) {
                        if (!in(w.lang.passive_agents, v.tok(q).key)) continue;
                        for (std::size_t r = q + 1; r < v.toks.size() && r <= q + 2; ++r) {
                            const int m = v.mention_at[r];
                            if (m >= 0 && in_classes(def->domain, v.mention(m).type)) {
                                subjects = coordination_group(v, m);
                                passive = true;
                                break;
                            }
                        }
                        break;
                    }
                    // A demonym on the trigger noun names the actor: "le truppe nordcoreane".
                    const std::string demonym_state = passive ? std::string() : demonym_actor(v, p, after);
                    if (!demonym_state.empty() && in_classes(def->domain, "State") &&
                        (w.entities.count(demonym_state) || w.onto.find_by_graph_id(demonym_state)))
                        subject_keys.push_back(demonym_state);
                    if (passive) {
                        // The patient of a passive stands outside prepositional phrases too.
                        if (auto o = object_before(v, p, *def, subjects.front()); o && !prepositional(v, v.extent(*o).first))
                            objects = coordination_group(v, *o);
                    } else {
                        const bool nominal = inside >= 0 && v.mention(inside).type == "Agreement";
                        // A trigger noun inside an agreement ("sanzioni ONU") takes the body named
                        // right after it as the actor.
                        if (nominal) {
                            std::size_t q = after;
                            while (q < v.toks.size() && v.mention_at[q] == inside) ++q;
                            if (q < v.toks.size() && v.mention_at[q] >= 0 && in_classes(def->domain, v.mention(v.mention_at[q]).type))
                                subjects = coordination_group(v, v.mention_at[q]);
                        }
                        // A possessor names the actor: "the Kremlin's war".
                        if (subjects.empty() && subject_keys.empty() && p >= 2 && is_clitic(v, p - 1) &&
                            v.mention_at[p - 2] >= 0 &&
                            in_classes(def->domain, v.mention(v.mention_at[p - 2]).type))
                            subjects = coordination_group(v, v.mention_at[p - 2]);
                        // Nominalisation: "la visita di Putin in Corea del Nord", "l'invasione su
                        // vasta scala della Russia": the genitive names the actor.
                        // Only a trigger used as a noun (after an article or a preposition) has one.
                        const bool noun_use = p > 0 && (in(w.lang.articles, v.tok(p - 1).key) || v.tok(p - 1).has(tok_apostrophe) ||
                                                        in(w.lang.prepositions, v.tok(p - 1).key));
                        if (subjects.empty() && subject_keys.empty() && noun_use) {
                            for (std::size_t q = after; q < v.toks.size() && q <= after + 4; ++q) {
                                if (v.mention_at[q] >= 0 || v.tok(q).has(tok_comma)) break;
                                if (!in(w.lang.genitives, v.tok(q).key)) continue;
                                std::size_t r = q + 1;
                                while (r < v.toks.size() && r < q + 2 && v.mention_at[r] < 0 &&
                                       (in(w.lang.articles, v.tok(r).key) || v.tok(r).has(tok_apostrophe)))
                                    ++r;
                                if (r < v.toks.size() && v.mention_at[r] >= 0 &&
                                    in_classes(def->domain, v.mention(v.mention_at[r]).type))
                                    subjects = coordination_group(v, v.mention_at[r]);
                                break;
                            }
                        }
                        if (subjects.empty() && subject_keys.empty() && !nominal) {
                            SubjectSearch found = subject_before(v, p, *def);
                            if (found.mention) subjects = coordination_group(v, *found.mention);
                            if (!found.demonym_state.empty()) subject_keys.push_back(found.demonym_state);
                            blocked = found.blocked || found.mention.has_value() || !found.demonym_state.empty();
                            // Verb-second order: "Im Mai 2022 unterzeichnete Finnland den Vertrag".
                            if (!blocked && w.lang.verb_second) {
                                std::size_t q = after;
                                while (q < v.toks.size() && (in(w.lang.articles, v.tok(q).key) || v.tok(q).has(tok_apostrophe))) ++q;
                                if (q < v.toks.size() && v.mention_at[q] >= 0 && in_classes(def->domain, v.mention(v.mention_at[q]).type)) {
                                    subjects = coordination_group(v, v.mention_at[q]);
                                    blocked = true;
                                }
                            }
                            // Any mention before the trigger means the subject is not dropped.
                            for (std::size_t q = 0; q < p && !blocked; ++q) blocked = v.mention_at[q] >= 0;
                        }
                        std::size_t from = after;
                        for (int sm : subjects) from = std::max(from, v.extent(sm).second + 1);
                        const auto& markers = trig.object_markers.empty() ? cues.object_markers : trig.object_markers;
                        std::set<std::string> taken;
                        for (int sm : subjects) taken.insert(v.mention(sm).entity);
                        if (auto o = object_after(v, from, *def, markers, subjects.empty() ? -1 : subjects.back())) {
                            objects = coordination_group(v, *o);
                            const Token* marker = word_before(v, v.extent(objects.front()).first);
                            // "la cooperazione tra la Corea del Nord e la Russia": the relation holds
                            // among the coordinated objects.
                            reciprocal = def->symmetric && marker && in(w.lang.reciprocal_markers, marker->key);
                            // "tra X e Y" holds among X and Y only, whatever the clause's subject.
                            if (reciprocal && objects.size() < 2) objects.clear();
                        }
                        std::erase_if(objects, [&](int m) { return taken.count(v.mention(m).entity) != 0; });
                    }
                    for (int m : subjects) subject_keys.push_back(v.mention(m).entity);
                    for (int m : objects) object_keys.push_back(v.mention(m).entity);
                    if (reciprocal) {
                        subject_keys = object_keys;
                        object_keys.clear();
                    }
                    // "La Russia e la Corea del Nord si sono avvicinate": a coordinated subject of
                    // a symmetric relation relates its members to each other.
                    if (def->symmetric && subject_keys.size() >= 2) object_keys.clear();
                    // Italian drops subject pronouns ("Ha ringraziato la Corea del Nord"): a
                    // sentence that opens with the trigger and names nobody before it continues
                    // the previous subject.
                    // ...unless it opens with an article or a preposition ("Durante la visita, Lavrov..."),
                    // where the subject is still to come.
                    const bool opens_with_article = !v.toks.empty() && (in(w.lang.articles, v.tok(0).key) ||
                                                                        in(w.lang.prepositions, v.tok(0).key));
                    // A title or subheading ("Sostieni la guerra in Ucraina") continues nothing.
                    const Token& last_tok = v.tok(v.toks.size() - 1);
                    const bool full_sentence = !last_tok.has(tok_word) && (last_tok.key == "." || last_tok.key == "!" ||
                                                                          last_tok.key == "?" || last_tok.has(tok_quote));
                    if (subject_keys.empty() && !blocked && cues.carry_subject && !topic.empty() &&
                        p == v.first_trigger && !opens_with_article && !reciprocal && full_sentence) {
                        const LocalEntity* t = nullptr;
                        if (auto it = w.entities.find(topic); it != w.entities.end()) t = &it->second;
                        if (t && in_classes(def->domain, t->type)) subject_keys.push_back(topic);
                    }
                    if (trig.inverse) std::swap(subject_keys, object_keys);
                    if (def->symmetric && object_keys.empty() && subject_keys.size() >= 2) {
                        for (std::size_t a = 0; a < subject_keys.size(); ++a)
                            for (std::size_t b = a + 1; b < subject_keys.size(); ++b)
                                em.emit(subject_keys[a], rel, subject_keys[b], s, local, dates[s], quantities[s]);
                        continue;
                    }
                    for (const auto& sk : subject_keys)
                        for (const auto& ok : object_keys) em.emit(sk, rel, ok, s, local, dates[s], quantities[s]);
                }
            }
        }
        if (!first_actor.empty()) topic = first_actor;
    }

    // Severing ties names the relations it ends: "ha interrotto le relazioni con la Siria" is
    // no cooperation with Syria.
    std::set<std::tuple<std::string, std::string, std::uint32_t>> severed;
    for (const auto& r : out)
        if (r.type == "severed_ties_with") severed.emplace(r.subject, r.object, r.sentence);
    std::erase_if(out, [&](const RelationMention& r) {
        return r.type == "cooperates_with" && severed.count({r.subject, r.object, r.sentence});
    });

    // Roles: "il ministro degli Esteri russo Sergei Lavrov" -> member_of(Lavrov, Russia).
    for (const RoleLink& link : w.roles) {
        const RoleDef& role = w.lang.roles[static_cast<std::size_t>(link.role)];
        if (role.relation.empty() || link.affiliation.empty()) continue;
        // An apposition is the writer's own statement, whatever the sentence reports.
        em.emit(link.person, role.relation, link.affiliation, link.sentence, Claim{}, {}, {},
                std::string(w.doc.view(link.role_span)));
    }

    // Places named with their container ("Kharkiv, in Ucraina", "la città ucraina di Kharkiv")
    // and weapons named with their owner ("un missile balistico nordcoreano").
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        SentenceView v(w, s);
        std::set<std::string> present;
        for (int m : v.mentions) present.insert(v.mention(m).entity);
        for (std::size_t k = 0; k < v.mentions.size(); ++k) {
            const Mention& m = v.mention(v.mentions[k]);
            auto [b, e] = v.extent(v.mentions[k]);
            if (m.type == "Place") {
                // the ontology's container, when the sentence names it too
                if (const EntityRecord* rec = w.onto.find_by_graph_id(m.entity); rec && !rec->located_in.empty()) {
                    const EntityRecord* c = w.onto.find_entity(rec->located_in);
                    if (c && present.count(Ontology::graph_id(*c)))
                        em.emit(m.entity, "located_in", Ontology::graph_id(*c), s, claims[s], {}, {});
                }
                if (k + 1 < v.mentions.size()) {
                    const Mention& n = v.mention(v.mentions[k + 1]);
                    auto [nb, ne] = v.extent(v.mentions[k + 1]);
                    (void)ne;
                    bool linked = nb > e && nb - e <= 3;
                    for (std::size_t q = e + 1; q < nb && linked; ++q)
                        linked = v.tok(q).has(tok_comma) || in(w.lang.locative_prepositions, v.tok(q).key) ||
                                 in(w.lang.name_connectors, v.tok(q).key) || v.tok(q).has(tok_apostrophe);
                    // A comma alone is too weak a link: "retake Kursk, Seoul says".
                    bool comma = false;
                    for (std::size_t q = e + 1; q < nb; ++q) comma |= v.tok(q).has(tok_comma);
                    if (linked && !comma && (n.type == "State" || n.type == "Place"))
                        em.emit(m.entity, "located_in", n.entity, s, claims[s], {}, {});
                }
            }
            std::vector<const Token*> words;
            for (auto t : v.toks) words.push_back(&w.doc.tokens[t]);
            auto demonym_at = [&](std::size_t q) -> const EntityRecord* {
                if (q >= words.size() || v.mention_at[q] >= 0) return nullptr;
                const std::vector<PhraseEntry>* dem = nullptr;
                return w.tables.demonyms.longest(words, q, dem) ? w.onto.find_entity(dem->front().id) : nullptr;
            };
            if (m.type == "Place" && b >= 2 && in(w.lang.genitives, v.tok(b - 1).key)) {
                // "la città ucraina di Kharkiv", "le repubbliche ucraine di Donetsk e Luhansk"
                const EntityRecord* st = demonym_at(b - 2);
                // "the Russian city of Belgorod"
                if (!st && b >= 3 && in(w.lang.place_heads, v.tok(b - 2).key)) st = demonym_at(b - 3);
                if (st)
                    for (int g : coordination_group(v, v.mentions[k]))
                        if (v.mention(g).type == "Place")
                            em.emit(v.mention(g).entity, "located_in", Ontology::graph_id(*st), s, claims[s], {}, {});
            }
            if (m.type == "Weapon") {
                // "un missile balistico nordcoreano", "North Korean missiles"
                const EntityRecord* st = demonym_at(e + 1);
                if (!st && b >= 1) {
                    for (std::size_t back = 1; back <= 2 && back <= b && !st; ++back) {
                        const std::vector<PhraseEntry>* dem = nullptr;
                        if (v.mention_at[b - back] < 0 && w.tables.demonyms.longest(words, b - back, dem) == back)
                            st = w.onto.find_entity(dem->front().id);
                    }
                }
                if (st) {
                    em.emit(Ontology::graph_id(*st), "possesses", m.entity, s, claims[s], dates[s], {});
                    // "un missile balistico nordcoreano della serie Hwasong-11": the named model
                    // that specifies the class belongs to the same owner.
                    if (k + 1 < v.mentions.size() && v.mention(v.mentions[k + 1]).type == "Weapon") {
                        auto nb = v.extent(v.mentions[k + 1]).first;
                        bool joined = nb > e && nb - e <= 4;
                        for (std::size_t q = e + 1; q < nb && joined; ++q) joined = v.mention_at[q] < 0 && !v.tok(q).has(tok_comma);
                        if (joined && in(w.lang.genitives, v.tok(nb - 1).key) == false && nb >= 2 &&
                            (in(w.lang.genitives, v.tok(nb - 2).key) || in(w.lang.genitives, v.tok(nb - 1).key)))
                            em.emit(Ontology::graph_id(*st), "possesses", v.mention(v.mentions[k + 1]).entity, s, claims[s], dates[s], {});
                    }
                }
            }
        }
    }
}

void find_cooccurrences(const Work& w, std::vector<RelationMention>& out) {
    std::vector<std::vector<std::string>> per_sentence(w.doc.sentences.size());
    for (const Mention& m : w.mentions) {
        auto& v = per_sentence[m.sentence];
        if (std::find(v.begin(), v.end(), m.entity) == v.end()) v.push_back(m.entity);
    }
    for (std::uint32_t s = 0; s < per_sentence.size(); ++s) {
        auto keys = per_sentence[s];
        std::sort(keys.begin(), keys.end());
        for (std::size_t a = 0; a < keys.size(); ++a)
            for (std::size_t b = a + 1; b < keys.size(); ++b) {
                RelationMention r;
                r.subject = keys[a];
                r.object = keys[b];
                r.type = "mentioned_with";
                r.sentence = s;
                out.push_back(std::move(r));
            }
    }
}

} // namespace kg::detail
