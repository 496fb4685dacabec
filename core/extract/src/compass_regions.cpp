// SPDX-License-Identifier: Apache-2.0
// Stage "compass_regions": a part of a state named by a point of the compass and the state's
// name ("la Russia orientale", "eastern Ukraine", "l'est de la Russie", "el norte de Siria",
// "im Osten Russlands") is a place of its own, in that state. The state's mention grows over
// the compass words and names the part; the part keeps its state, so that the relation
// stages state where it lies and give what reaches it (troops sent there, a visit) to the
// state as well: the text names both.
//
// Which words, where they stand, and the direction each names are the language data's
// (`compass_regions`); two joined by a hyphen name one direction ("nord-orientale").
#include "stages.hpp"

#include "kg/text/normalize.hpp"

namespace kg::detail {
namespace {

struct Words {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
};

// The direction a word names in any position, or empty: the first part of a hyphenated
// direction may be any compass word ("north-eastern", "nord-est", "nord-orientale").
std::string any_direction(const StageContext& c, const std::string& key) {
    for (const auto* table : {&c.lang.compass_regions.of_name, &c.lang.compass_regions.after_name, &c.lang.compass_regions.before_name})
        if (auto it = table->find(key); it != table->end()) return it->second;
    return {};
}

// "north" + "east" -> "northeast"; empty when the two make no direction.
std::string joined(const std::string& first, const std::string& second) {
    if ((first == "north" || first == "south") && (second == "east" || second == "west")) return first + second;
    return {};
}

bool hyphen_between(const StageContext& c, const Words& s, std::size_t a, std::size_t b) {
    const std::uint32_t ta = s.index[a], tb = s.index[b];
    return tb == ta + 2 && c.doc.tokens[ta + 1].has(tok_hyphen) && c.doc.tokens[ta].span.end == c.doc.tokens[ta + 1].span.begin &&
           c.doc.tokens[ta + 1].span.end == c.doc.tokens[tb].span.begin;
}

bool unclaimed(const StageContext& c, const Words& s, std::size_t k) { return c.owner[s.index[k]] < 0; }

// The compass word at k in one of `table`'s positions, with a first part joined to it by a
// hyphen before it; sets `first` to where the words begin. Empty when none.
std::string direction_at(const StageContext& c, const Words& s, std::size_t k, const std::map<std::string, std::string>& table,
                         std::size_t& first) {
    auto it = table.find(s.words[k]->key);
    if (it == table.end() || !unclaimed(c, s, k)) return {};
    first = k;
    if (k > 0 && unclaimed(c, s, k - 1) && hyphen_between(c, s, k - 1, k))
        if (std::string both = joined(any_direction(c, s.words[k - 1]->key), it->second); !both.empty()) {
            first = k - 1;
            return both;
        }
    return it->second;
}

// The words [b, e] around the state's mention at words [mb, me] that name a part of it, and
// the part's direction; empty when the words name none.
std::string region_around(const StageContext& c, const Words& s, std::size_t mb, std::size_t me, std::size_t& b, std::size_t& e) {
    const auto& words = c.lang.compass_regions;
    b = mb;
    e = me;
    const std::size_t n = s.words.size();
    // "la Russia orientale", "la Siria nord-orientale".
    if (me + 1 < n && unclaimed(c, s, me + 1)) {
        if (me + 2 < n && unclaimed(c, s, me + 2) && hyphen_between(c, s, me + 1, me + 2))
            if (auto it = words.after_name.find(s.words[me + 2]->key); it != words.after_name.end())
                if (std::string both = joined(any_direction(c, s.words[me + 1]->key), it->second); !both.empty()) {
                    e = me + 2;
                    return both;
                }
        if (auto it = words.after_name.find(s.words[me + 1]->key); it != words.after_name.end()) {
            e = me + 1;
            return it->second;
        }
    }
    // "eastern Ukraine", "north-eastern Syria".
    if (mb > 0)
        if (std::string d = direction_at(c, s, mb - 1, words.before_name, b); !d.empty()) return d;
    // "the east of Ukraine", "nell'est dell'Ucraina", "im Osten Russlands": the noun after an
    // article or a preposition, the state's name after a genitive (or bare, where names take
    // a genitive -s).
    std::size_t q = mb;
    bool genitive = false;
    constexpr std::size_t max_joining_words = 2;
    for (std::size_t joining = 0; q > 0 && joining < max_joining_words && unclaimed(c, s, q - 1); ++joining) {
        const std::string& key = s.words[q - 1]->key;
        if (c.in(c.lang.genitives, key)) genitive = true;
        else if (!c.in(c.lang.articles, key)) break;
        --q;
    }
    if (q == 0 || (!genitive && !(c.lang.genitive_s && q == mb))) return {};
    std::size_t first = 0;
    const std::string d = direction_at(c, s, q - 1, words.of_name, first);
    if (d.empty() || first == 0) return {};
    // "a nord della Siria": a direction from a place, not a part of it.
    const std::string& opener = s.words[first - 1]->key;
    if (!c.in(c.lang.articles, opener) && !c.in(c.lang.prepositions, opener)) return {};
    const auto& away = c.lang.compass_regions.from_place_openers;
    if (c.in(away, opener) || (first >= 2 && c.in(c.lang.articles, opener) && c.in(away, s.words[first - 2]->key))) return {};
    b = first;
    return d;
}

// Whether the state's mention is its capital's name ("sud di Baghdad" is south of the city).
bool names_capital(const StageContext& c, const Mention& m) {
    const std::string surface = phrase_key(c.doc.view(m.span));
    for (const auto& [capital, state] : c.tables.capital_of) {
        const EntityRecord* st = c.onto.find_entity(state);
        if (!st || Ontology::graph_id(*st) != m.entity) continue;
        if (const EntityRecord* rec = c.onto.find_entity(capital))
            for (const auto& [lang, forms] : rec->aliases)
                for (const auto& form : forms)
                    if (phrase_key(form) == surface) return true;
    }
    return false;
}

} // namespace

void find_compass_regions(StageContext& c) {
    if (c.lang.compass_regions.empty()) return;
    const ClassId place = c.class_with(Trait::location);
    Words s;
    for (std::uint32_t sentence = 0; sentence < c.doc.sentences.size(); ++sentence) {
        c.words_of(sentence, s.words, s.index);
        for (std::size_t k = 0; k < s.words.size(); ++k) {
            const int m = c.owner[s.index[k]];
            if (m < 0) continue;
            Mention& state = c.mentions[static_cast<std::size_t>(m)];
            if (state.tok_begin != s.index[k] || state.source == MentionSource::people || !c.is(state.cls, Trait::sovereign)) continue;
            std::size_t me = k;
            while (me + 1 < s.words.size() && c.owner[s.index[me + 1]] == m) ++me;
            std::size_t b = 0, e = 0;
            const std::string direction = region_around(c, s, k, me, b, e);
            if (direction.empty() || names_capital(c, state)) continue;
            const auto found = c.entities.find(state.entity);
            if (found == c.entities.end()) continue;
            const std::string state_key = state.entity;
            const std::string key = slugify(found->second.label + " " + direction);
            state.tok_begin = s.index[b];
            state.tok_end = s.index[e] + 1;
            state.span = {c.doc.tokens[state.tok_begin].span.begin, c.doc.tokens[state.tok_end - 1].span.end};
            for (std::uint32_t t = state.tok_begin; t < state.tok_end; ++t) c.owner[t] = m;
            c.rekey_mention(m, key, place);
            c.entities[key].part_of_state = state_key;
            k = e;
        }
    }
}

} // namespace kg::detail
