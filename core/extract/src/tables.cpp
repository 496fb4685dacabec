// SPDX-License-Identifier: Apache-2.0
#include "tables.hpp"

#include "kg/text/normalize.hpp"
#include "kg/text/segment.hpp"
#include "kg/text/stem.hpp"


namespace kg::detail {

void PhraseTable::add(const std::vector<std::string>& words, PhraseEntry entry) {
    if (words.empty()) return;
    std::string key;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) key.push_back(' ');
        key += words[i];
        phrases_.try_emplace(key);
    }
    auto& list = phrases_[key];
    for (const auto& e : list)
        // One entry per entity and way of writing it ("UE" in capitals, "Ue" as a name).
        if (e.id == entry.id && e.cls == entry.cls && e.role == entry.role && e.caps == entry.caps && e.capital == entry.capital) return;
    list.push_back(std::move(entry));
    max_words_ = std::max(max_words_, words.size());
}

std::size_t PhraseTable::longest(const std::vector<const Token*>& words, std::size_t i,
                                 const std::vector<PhraseEntry>*& out) const {
    std::string key;
    std::size_t best = 0;
    out = nullptr;
    for (std::size_t n = 1; n <= max_words_ && i + n <= words.size(); ++n) {
        if (n > 1) key.push_back(' ');
        key += words[i + n - 1]->key;
        const auto it = phrases_.find(key);
        if (it == phrases_.end()) break;
        if (!it->second.empty()) {
            best = n;
            out = &it->second;
        }
    }
    return best;
}

std::vector<std::string> phrase_tokens(const std::string& phrase, const LanguageData& language) {
    Document d;
    d.text = phrase;
    d.language = language.code;
    segment(d, language.segmentation);
    std::vector<std::string> out;
    for (const auto& t : d.tokens)
        if (!t.has(tok_hyphen)) out.push_back(t.key);
    return out;
}

namespace {

// The word keys of a phrase and its case rule, from one segmentation.
std::vector<std::string> words_and_case(const std::string& phrase, const LanguageData& language, PhraseEntry& e) {
    Document d;
    d.text = phrase;
    d.language = language.code;
    segment(d, language.segmentation);
    std::vector<std::string> words;
    for (const auto& t : d.tokens) {
        if (t.has(tok_hyphen)) continue;
        if (words.empty()) e.proper = t.has(tok_upper_initial);
        e.capital.push_back(t.has(tok_upper_initial) && t.has(tok_word));
        // Acronyms ("US", "AP") must be matched in capitals: "us" is a pronoun.
        e.caps.push_back(t.has(tok_all_caps));
        constexpr std::size_t min_title_acronym = 3;
        e.title_ok.push_back(t.has(tok_all_caps) && t.has(tok_word) && !t.has(tok_digit) && t.key.size() >= min_title_acronym &&
                             !language.function_words.count(t.key) && !language.not_name_words.count(t.key));
        words.push_back(t.key);
    }
    return words;
}

} // namespace

bool case_ok(const PhraseEntry& e, const std::vector<const Token*>& words, std::size_t i, std::size_t n) {
    bool any_capital = false, matched_capital = false;
    for (std::size_t k = 0; k < n; ++k) {
        const Token& t = *words[i + k];
        if (k < e.caps.size() && e.caps[k] && !t.has(tok_all_caps)) {
            if (!e.title_ok[k] || !t.has(tok_upper_initial)) return false;
            // An acronym in title case is an ordinary capitalised word to the eye: it counts
            // only inside a sentence, not after another name word or as a sentence's first
            // word ("Nato a Bregenz", born in). (The gazetteer stage also leaves it to a
            // longer name the name finder reads: "Rai Holding".)
            const auto name_word = [&](std::size_t j) { return j > 0 && (words[j]->has(tok_upper_initial) || words[j]->has(tok_all_caps)); };
            // "Itar-Tass" is one name; "l'Otan" is the acronym after an elided article.
            const bool glued = i > 0 && ((words[i - 1]->span.end == t.span.begin && words[i - 1]->has(tok_word) &&
                                          !words[i - 1]->has(tok_apostrophe)) ||
                                         words[i - 1]->has(tok_hyphen));
            if (i == 0 || glued || name_word(i - 1)) return false;
        }
        if (k < e.capital.size() && e.capital[k]) {
            any_capital = true;
            if (t.has(tok_upper_initial) || t.has(tok_digit)) matched_capital = true;
        }
    }
    return !any_capital || matched_capital;
}

bool title_case_match(const PhraseEntry& e, const std::vector<const Token*>& words, std::size_t i, std::size_t n) {
    for (std::size_t k = 0; k < n && k < e.caps.size(); ++k)
        if (e.caps[k] && !words[i + k]->has(tok_all_caps)) return true;
    return false;
}

std::string romanisation_key(std::string_view name) {
    const std::string slug = slugify(name);
    std::string out;
    for (std::size_t i = 0; i < slug.size(); ++i) {
        char ch = slug[i];
        auto next_is = [&](std::string_view s) { return slug.compare(i, s.size(), s) == 0; };
        if (next_is("tsch")) { out += 'h'; i += 3; continue; } // Tschernihiw / Chernihiv
        if (next_is("sch")) { out += 's'; i += 2; continue; }  // Schoigu / Shoigu
        if (next_is("sh") || next_is("ch") || next_is("kh")) {
            out += ch == 's' ? 's' : 'h';
            ++i;
            continue;
        }
        if (next_is("ou")) { out += 'u'; ++i; continue; } // Choïgou / Shoigu
        if (next_is("gue") || next_is("gui")) {             // Sergueï / Sergei
            out += 'g';
            ++i;
            continue;
        }
        switch (ch) {
        case 'w': ch = 'v'; break;
        case 'j': case 'y': ch = 'i'; break;
        case 'z': ch = 's'; break;
        default: break;
        }
        if (!out.empty() && out.back() == ch) continue; // doubled letters
        out += ch;
    }
    return out;
}

std::string body_stems(const std::vector<std::string>& words, const LanguageData& language) {
    std::set<std::string> stems;
    for (const auto& w : words)
        if (!language.function_words.count(w) && !w.ends_with('\'') && !w.ends_with("\u2019")) stems.insert(stem_word(w, language.code));
    std::string key;
    for (const auto& st : stems) key += st + " ";
    return key;
}

LanguageTables compile_language(const Ontology& onto, const LanguageData& language) {
    LanguageTables t;
    t.data = &language;
    auto add_forms = [&](const EntityRecord& rec, const std::vector<std::string>& forms) {
        for (const auto& form : forms) {
            PhraseEntry e;
            auto words = words_and_case(form, language, e);
            if (words.empty()) continue;
            e.id = rec.id;
            e.cls = onto.class_id(rec.type);
            t.entities.add(words, std::move(e));
        }
    };
    for (const auto& [id, rec] : onto.entities) {
        const ClassId cls = onto.class_id(rec.type);
        if (auto it = rec.aliases.find("*"); it != rec.aliases.end()) add_forms(rec, it->second);
        if (auto it = rec.aliases.find(language.code); it != rec.aliases.end()) add_forms(rec, it->second);
        if (!rec.label.empty() && onto.has(cls, Trait::person)) add_forms(rec, {rec.label});
        if (auto it = rec.demonyms.find(language.code); it != rec.demonyms.end()) {
            for (const auto& form : it->second) {
                auto words = phrase_tokens(form, language);
                PhraseEntry e;
                e.id = rec.id;
                e.cls = onto.class_id(rec.type);
                t.demonyms.add(words, std::move(e));
            }
        }
        // A capital shared by a state and its predecessor (Moscow: Russia, Soviet Union) speaks
        // for the present state, the one with an ISO code.
        if (!rec.capital.empty()) {
            auto [it, fresh] = t.capital_of.try_emplace(rec.capital, rec.id);
            if (!fresh && !rec.iso.empty()) it->second = rec.id;
        }
        if (onto.has(cls, Trait::person)) {
            std::set<std::string> last_words;
            auto collect = [&](const std::string& name) {
                auto words = phrase_tokens(name, language);
                if (words.size() >= 2) last_words.insert(words.back());
            };
            if (rec.family_name.empty()) {
                collect(rec.label);
                for (const auto& [lang, forms] : rec.aliases)
                    if (lang == "*" || lang == language.code)
                        for (const auto& f : forms) collect(f);
            } else {
                for (const auto& w : phrase_tokens(rec.family_name, language)) last_words.insert(w);
            }
            for (const auto& k : last_words) {
                auto [it, fresh] = t.surname.try_emplace(k, &rec);
                if (!fresh && it->second != &rec) it->second = nullptr;
            }
        }
        if (onto.has(cls, Trait::person)) {
            std::vector<std::string> names{rec.label};
            for (const auto& [lang, forms] : rec.aliases) names.insert(names.end(), forms.begin(), forms.end());
            for (const auto& name : names) {
                if (phrase_words(name).size() < 2) continue;
                auto [it, fresh] = t.romanised_people.try_emplace(romanisation_key(name), &rec);
                if (!fresh && it->second != &rec) it->second = nullptr;
            }
        }
        if (!rec.body_kind.empty() && !rec.part_of.empty())
            if (const EntityRecord* state = onto.find_entity(rec.part_of))
                t.known_bodies.emplace(rec.body_kind + "|" + Ontology::graph_id(*state), &rec);
        if (onto.has(cls, Trait::agreement) && !rec.kind.empty()) {
            auto graph_ids = [&](const std::vector<std::string>& ids) {
                std::set<std::string> out;
                for (const auto& i : ids)
                    if (const EntityRecord* r = onto.find_entity(i)) out.insert(Ontology::graph_id(*r));
                return out;
            };
            std::string identity = rec.kind + "|";
            for (const auto& a : graph_ids(rec.actors)) identity += a + ",";
            identity += "|";
            for (const auto& g : graph_ids(rec.targets)) identity += g + ",";
            t.agreement_identities.emplace(identity, &rec);
        }
        if (onto.has(cls, Trait::agreement)) {
            for (const char* lang : {"*", language.code.c_str()}) {
                auto it = rec.aliases.find(lang);
                if (it == rec.aliases.end()) continue;
                for (const auto& form : it->second) {
                    std::set<std::string> stems;
                    for (const auto& w : phrase_tokens(form, language))
                        if (!language.function_words.count(w) && w.size() > 2) stems.insert(stem_word(w, language.code));
                    if (stems.size() >= 2) t.agreement_stems.emplace_back(std::move(stems), &rec);
                }
            }
        }
    }
    for (const auto& [kind, phrases] : language.body_kinds)
        for (const auto& phrase : phrases)
            t.body_kinds.emplace(body_stems(phrase_tokens(phrase, language), language), kind);
    for (std::size_t i = 0; i < language.roles.size(); ++i) {
        PhraseEntry e;
        e.role = static_cast<int>(i);
        e.id = std::to_string(i);
        const auto words = phrase_tokens(language.roles[i].phrase, language);
        for (const auto& ending : language.role_endings) {
            auto inflected = words;
            inflected.back() += ending;
            t.roles.add(std::move(inflected), e);
        }
        t.roles.add(words, std::move(e));
    }
    std::erase_if(t.romanised_people, [](const auto& entry) { return entry.second == nullptr; });
    for (const auto& [relation, cues] : language.relation_cues)
        for (const TriggerDef& trig : cues.triggers) {
            const TriggerRef ref{onto.find_relation(relation), &trig, t.trigger_count++};
            if (!trig.stems.empty()) t.triggers_by_first_stem[trig.stems.front()].push_back(ref);
        }
    return t;
}

} // namespace kg::detail
