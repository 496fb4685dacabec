// Entity mention stages. Each stage claims tokens no earlier stage claimed, so the order in
// Extractor::extract is the order of precedence: gazetteer, role names, designators, name
// shapes, agreements, weapon nouns, short forms.
#include "work.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>
#include <set>

namespace kg::detail {

void Work::words_of(std::uint32_t s, std::vector<const Token*>& words, std::vector<std::uint32_t>& index) const {
    words.clear();
    index.clear();
    const Sentence& sent = doc.sentences[s];
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
        if (doc.tokens[i].has(tok_hyphen)) continue;
        words.push_back(&doc.tokens[i]);
        index.push_back(i);
    }
}

bool Work::free(std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t i = b; i < e; ++i)
        if (owner[i] >= 0) return false;
    return true;
}

int Work::add_mention(std::uint32_t b, std::uint32_t e, const std::string& key, const std::string& type,
                      MentionSource source, const std::string& label, const std::string& wikidata,
                      bool from_gazetteer) {
    // An analyst's decision that this form does not name this entity wins over every rule.
    if (!onto.not_same_as.empty() &&
        onto.not_same_as.count({key, phrase_key(doc.view(ByteSpan{doc.tokens[b].span.begin, doc.tokens[e - 1].span.end}))}))
        return -1;
    Mention m;
    m.tok_begin = b;
    m.tok_end = e;
    m.span = {doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
    m.sentence = doc.tokens[b].sentence;
    m.entity = key;
    m.type = type;
    m.source = source;
    const int idx = static_cast<int>(mentions.size());
    // Tokens already held by a mention keep it: "sanzioni delle Nazioni Unite" spans the
    // United Nations mention, which stays a mention of its own.
    for (std::uint32_t i = b; i < e; ++i)
        if (owner[i] < 0) owner[i] = idx;
    auto [it, fresh] = entities.try_emplace(key);
    LocalEntity& ent = it->second;
    if (fresh) {
        ent.key = key;
        ent.type = type;
        ent.order = static_cast<std::uint32_t>(entities.size());
        ent.from_gazetteer = from_gazetteer;
        ent.wikidata = wikidata;
    }
    // A role standing for a person ("il presidente russo") is not one of the person's names.
    const bool reference = source == MentionSource::role_reference;
    std::string surface(doc.view(m.span));
    if (!reference && std::find(ent.surfaces.begin(), ent.surfaces.end(), surface) == ent.surfaces.end())
        ent.surfaces.push_back(surface);
    if (!label.empty() && (ent.label.empty() || (!from_gazetteer && label.size() > ent.label.size()))) ent.label = label;
    if (ent.label.empty()) ent.label = surface;
    if (!reference) ++ent.mentions;
    mentions.push_back(std::move(m));
    return idx;
}

namespace {

bool in(const std::set<std::string>& s, const std::string& k) { return s.count(k) != 0; }

int type_rank(const std::string& t) {
    static const char* order[] = {"Person", "State", "Organization", "Agreement", "Weapon", "Place"};
    for (int i = 0; i < 6; ++i)
        if (t == order[i]) return i;
    return 6;
}

// A capital named without a locative preposition or place noun before it stands for its
// government: "Mosca e Pyongyang hanno negato" vs "atterrato a Pyongyang".
bool used_as_place(const Work& w, const std::vector<const Token*>& words, std::size_t i) {
    if (i == 0) return false;
    const std::string& prev = words[i - 1]->key;
    if (in(w.lang.locative_prepositions, prev)) return true;
    // The object of a visit is a place: "to visit Moscow", "visitare Mosca", "visitato il Cairo".
    if (auto it = w.lang.relation_cues.find("visited"); it != w.lang.relation_cues.end()) {
        std::size_t k = i - 1;
        while (k > 0 && in(w.lang.articles, words[k]->key)) --k;
        const std::string st = stem(words[k]->key, w.lang.code);
        for (const auto& t : it->second.triggers)
            if (t.stems.size() == 1 && t.stems[0] == st) return true;
    }
    if (in(w.lang.place_heads, prev)) return true;
    if (i >= 2 && in(w.lang.name_connectors, prev) && in(w.lang.place_heads, words[i - 2]->key)) return true;
    // "Kim Il-Sung Square di Pyongyang": a place named just before, through "di".
    if (i >= 2 && in(w.lang.name_connectors, prev)) {
        const Mention* m = w.mention_at(static_cast<std::uint32_t>(words[i - 2] - w.doc.tokens.data()));
        if (m && m->type == "Place") return true;
    }
    // "nel centro di Pyongyang": a place noun two words back, through "di".
    if (i >= 2 && in(w.lang.place_heads, words[i - 2]->key)) return true;
    // "Kyiv e la regione circostante": coordinated with a place noun.
    for (std::size_t k = i + 1; k < words.size() && k <= i + 3; ++k) {
        if (in(w.lang.place_heads, words[k]->key)) return true;
        if (!in(w.lang.function_words, words[k]->key)) break;
    }
    return false;
}

} // namespace

void find_gazetteer_mentions(Work& w) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        w.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size();) {
            const std::vector<PhraseEntry>* entries = nullptr;
            std::size_t n = w.tables.entities.longest(words, i, entries);
            const PhraseEntry* best = nullptr;
            // Longest first; a candidate whose case rule fails lets shorter ones try.
            while (n > 0) {
                for (const auto& e : *entries) {
                    const bool ok = case_ok(e, words, i, n);
                    if (ok && (!best || type_rank(e.type) < type_rank(best->type) ||
                               (type_rank(e.type) == type_rank(best->type) && e.id < best->id)))
                        best = &e;
                }
                if (best) break;
                // retry with a shorter phrase
                std::vector<const Token*> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i + n - 1));
                n = w.tables.entities.longest(head, i, entries);
            }
            // "Russlands Präsident": a name in the genitive, when the bare name is known.
            if (!best && w.lang.genitive_s && words[i]->has(tok_upper_initial) && words[i]->key.size() > 3 &&
                words[i]->key.back() == 's') {
                Token bare = *words[i];
                bare.key.pop_back();
                std::vector<const Token*> one{&bare};
                if (w.tables.entities.longest(one, 0, entries) == 1)
                    for (const auto& e : *entries)
                        if (e.proper && (e.type == "State" || e.type == "Person" || e.type == "Place")) { best = &e; n = 1; break; }
            }
            if (!best || !w.free(index[i], index[i + n - 1] + 1)) { ++i; continue; }
            const EntityRecord* rec = w.onto.find_entity(best->id);
            if (!rec) { ++i; continue; }
            const EntityRecord* target = rec;
            if (auto cap = w.tables.capital_of.find(rec->id); cap != w.tables.capital_of.end() && !used_as_place(w, words, i))
                target = w.onto.find_entity(cap->second);
            w.add_mention(index[i], index[i + n - 1] + 1, Ontology::graph_id(*target), target->type,
                          MentionSource::gazetteer, target->label, target->wikidata, true);
            i += n;
        }
    }
}

namespace {

bool name_word(const Work& w, const Token& t) {
    const auto i = static_cast<std::size_t>(&t - w.doc.tokens.data());
    return t.has(tok_word) && t.has(tok_upper_initial) && !t.has(tok_apostrophe) && !in(w.lang.not_name_words, t.key) &&
           !in(w.lang.function_words, t.key) && (w.demonym_of.empty() || w.demonym_of[i].empty()) &&
           !w.role_tokens.count(static_cast<std::uint32_t>(i));
}

// Extend a run of capitalised name words from word position i; returns its end.
std::size_t name_run(const Work& w, const std::vector<const Token*>& words, const std::vector<std::uint32_t>& index,
                     std::size_t i, std::size_t max_len) {
    std::size_t j = i;
    while (j < words.size() && j - i < max_len && w.owner[index[j]] < 0) {
        if (name_word(w, *words[j])) { ++j; continue; }
        // Lower-case particles inside a name: "Abdel Fattah al-Burhan", "Alberto van Klaveren".
        const bool hyphenated = words[j]->span.end < w.doc.text.size() && w.doc.text[words[j]->span.end] == '-';
        if (j > i && in(w.lang.name_connectors, words[j]->key) && !words[j]->has(tok_upper_initial) && j + 1 < words.size() &&
            name_word(w, *words[j + 1]) && w.owner[index[j + 1]] < 0 &&
            (hyphenated || !in(w.lang.function_words, words[j]->key))) {
            j += 2;
            continue;
        }
        break;
    }
    return j;
}

std::string person_key(const std::string& name) { return slugify(name); }

// A known person named by surname alone ("Putin", "Lavrov"), when no other known person
// has that surname and the word is not a common one.
const EntityRecord* known_surname(const Work& w, const Token& t) {
    if (in(w.lang.function_words, t.key) || in(w.lang.not_name_words, t.key) || in(w.lang.given_names, t.key) ||
        in(w.lang.weekdays, t.key) || w.lang.months.count(t.key))
        return nullptr;
    auto it = w.tables.surname.find(t.key);
    return it == w.tables.surname.end() ? nullptr : it->second;
}

std::string text_of(const Work& w, const std::vector<std::uint32_t>& index, std::size_t b, std::size_t e) {
    return std::string(w.doc.view(ByteSpan{w.doc.tokens[index[b]].span.begin, w.doc.tokens[index[e - 1]].span.end}));
}

} // namespace

void find_demonyms(Work& w) {
    w.demonym_of.assign(w.doc.tokens.size(), {});
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        w.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (w.owner[index[i]] >= 0) continue;
            const std::vector<PhraseEntry>* dem = nullptr;
            std::size_t n = w.tables.demonyms.longest(words, i, dem);
            if (n == 0) continue;
            for (std::uint32_t k = index[i]; k <= index[i + n - 1]; ++k) w.demonym_of[k] = dem->front().id;
            i += n - 1;
        }
    }
}

void find_role_names(Work& w) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    // Roles without a name ("il presidente russo ha detto"), resolved after every named one is known.
    struct BareRole { RoleLink link; std::uint32_t tok_begin, tok_end; };
    std::vector<BareRole> bare;
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        w.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (w.owner[index[i]] >= 0 || !w.demonym_of[index[i]].empty()) continue;
            // Role words are matched with demonyms left out, so that "la ministre nord-coréenne
            // des Affaires étrangères" reads as the role "la ministre des Affaires étrangères".
            std::vector<const Token*> rest;
            std::vector<std::size_t> rest_pos;
            for (std::size_t k = i; k < words.size() && rest.size() < 8; ++k) {
                if (!w.demonym_of[index[k]].empty()) continue;
                rest.push_back(words[k]);
                rest_pos.push_back(k);
            }
            const std::vector<PhraseEntry>* entries = nullptr;
            std::size_t rn = w.tables.roles.longest(rest, 0, entries);
            if (rn == 0) continue;
            const std::size_t n = rest_pos[rn - 1] + 1 - i;
            RoleLink link;
            link.role = entries->front().role;
            link.sentence = s;
            link.role_span = {words[i]->span.begin, words[i + n - 1]->span.end};
            for (std::size_t k = i; k < i + n && link.affiliation.empty(); ++k)
                if (!w.demonym_of[index[k]].empty()) link.affiliation = Ontology::graph_id(*w.onto.find_entity(w.demonym_of[index[k]]));
            // English and German put the affiliation first: "North Korean leader Kim Jong Un",
            // "US State Department spokesman Matthew Miller".
            if (link.affiliation.empty() && i > 0) {
                std::size_t k = i;
                while (k > 0 && (in(w.lang.articles, words[k - 1]->key))) --k;
                if (k > 0 && !w.demonym_of[index[k - 1]].empty()) {
                    link.affiliation = Ontology::graph_id(*w.onto.find_entity(w.demonym_of[index[k - 1]]));
                    while (k > 0 && !w.demonym_of[index[k - 1]].empty()) --k;
                } else if (k > 0) {
                    if (const Mention* m = w.mention_at(index[k - 1]); m && (m->type == "State" || m->type == "Organization"))
                        link.affiliation = m->entity;
                }
            }
            std::size_t j = i + n;
            std::size_t role_end = j; // the role words and the affiliation right after them
            bool comma_seen = false;
            for (std::size_t steps = 0; j < words.size() && steps < 10; ++steps) {
                const Token& t = *words[j];
                if (const Mention* m = w.mention_at(index[j])) {
                    if (m->type == "Person") {
                        link.person = m->entity;
                        break;
                    }
                    const bool locative = j > 0 && in(w.lang.locative_prepositions, words[j - 1]->key) &&
                                          !in(w.lang.name_connectors, words[j - 1]->key);
                    if ((m->type == "State" || m->type == "Organization") && !locative) {
                        // The first affiliation counts: "l'ambasciatore russo in Corea del Nord".
                        if (link.affiliation.empty()) link.affiliation = m->entity;
                        while (j < words.size() && w.mention_at(index[j]) == m) ++j;
                        if (!comma_seen) role_end = j;
                        continue;
                    }
                    if (locative) {
                        while (j < words.size() && w.mention_at(index[j]) == m) ++j;
                        continue;
                    }
                    break;
                }
                if (!w.demonym_of[index[j]].empty()) {
                    if (link.affiliation.empty())
                        link.affiliation = Ontology::graph_id(*w.onto.find_entity(w.demonym_of[index[j]]));
                    while (j < words.size() && !w.demonym_of[index[j]].empty()) ++j;
                    if (!comma_seen) role_end = j;
                    continue;
                }
                if (t.has(tok_comma) && !comma_seen) { comma_seen = true; ++j; continue; }
                if (in(w.lang.name_connectors, t.key) || in(w.lang.function_words, t.key)) {
                    if (t.has(tok_upper_initial)) break;
                    ++j;
                    continue;
                }
                if (name_word(w, t)) {
                    std::size_t e = name_run(w, words, index, j, 4);
                    if (e == j + 1) {
                        if (const EntityRecord* known = known_surname(w, t)) {
                            w.add_mention(index[j], index[j] + 1, Ontology::graph_id(*known), "Person", MentionSource::role,
                                          known->label, known->wikidata, true);
                            link.person = Ontology::graph_id(*known);
                            break;
                        }
                    }
                    if (e > j) {
                        std::string name = text_of(w, index, j, e);
                        w.add_mention(index[j], index[e - 1] + 1, person_key(name), "Person", MentionSource::role, name);
                        link.person = person_key(name);
                    }
                }
                break;
            }
            if (!link.person.empty()) {
                for (std::size_t k = i; k < i + n; ++k) w.role_tokens.insert(index[k]);
                w.roles.push_back(std::move(link));
            }
            else if (!link.affiliation.empty())
                bare.push_back({std::move(link), index[i], index[role_end - 1] + 1});
            i += n - 1;
        }
    }
    // A bare role with an affiliation refers to the one person the article gives that role:
    // "il presidente russo" after "il presidente russo Vladimir Putin".
    for (auto& b : bare) {
        const RoleDef& role = w.lang.roles[static_cast<std::size_t>(b.link.role)];
        if (role.relation.empty() || !w.free(b.tok_begin, b.tok_end)) continue;
        std::string person;
        bool unique = true;
        for (const RoleLink& named : w.roles) {
            const RoleDef& r = w.lang.roles[static_cast<std::size_t>(named.role)];
            if (r.relation != role.relation || named.affiliation != b.link.affiliation) continue;
            if (!person.empty() && person != named.person) unique = false;
            person = named.person;
        }
        if (person.empty() || !unique) continue;
        const LocalEntity& ent = w.entities.at(person);
        w.add_mention(b.tok_begin, b.tok_end, person, "Person", MentionSource::role_reference, ent.label, ent.wikidata,
                      ent.from_gazetteer);
    }
}

namespace {

bool sentence_mentions_weapons(const Work& w, std::uint32_t s) {
    const Sentence& sent = w.doc.sentences[s];
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
        if (in(w.lang.weapon_heads, w.doc.tokens[i].key)) return true;
        if (const Mention* m = w.mention_at(i); m && m->type == "Weapon") return true;
    }
    return false;
}

} // namespace

void find_designators(Work& w) {
    const auto& T = w.doc.tokens;
    for (std::uint32_t i = 0; i + 2 < T.size(); ++i) {
        const Token& a = T[i];
        const Token& h = T[i + 1];
        const Token& b = T[i + 2];
        if (!a.has(tok_word) || !(a.has(tok_upper_initial)) || a.has(tok_digit)) continue;
        if (!h.has(tok_hyphen) || h.span.begin != a.span.end || b.span.begin != h.span.end) continue;
        if (!b.has(tok_digit) || a.sentence != b.sentence) continue;
        if (!w.free(i, i + 3) || in(w.lang.not_name_words, a.key)) continue;
        if (!sentence_mentions_weapons(w, a.sentence)) continue;
        std::string name(w.doc.view(ByteSpan{a.span.begin, b.span.end}));
        w.add_mention(i, i + 3, slugify(name), "Weapon", MentionSource::designator, name);
    }
}

// The state a token stands for as a demonym, or empty.
std::string demonym_state(const Work& w, std::uint32_t token) {
    if (w.demonym_of.empty() || w.demonym_of[token].empty()) return {};
    const EntityRecord* st = w.onto.find_entity(w.demonym_of[token]);
    return st ? Ontology::graph_id(*st) : std::string();
}

// Recognise "<head> [di] word [word] <demonym>" (Romance order) or "<demonym|State's> word
// [word] <head>" (English order) at word i, the head; returns the words consumed after i
// (0 when it is not such a phrase). The entity key joins the stems with the state's id, so
// "ministero della difesa russo" and "ministero della Difesa russa" are one body.
std::size_t national_body(Work& w, const std::vector<const Token*>& words, const std::vector<std::uint32_t>& index,
                          std::size_t i) {
    auto key_of = [&](std::size_t b, std::size_t e, const std::string& state) {
        std::string key;
        for (std::size_t k = b; k < e; ++k) {
            if (in(w.lang.function_words, words[k]->key) || !demonym_state(w, index[k]).empty() ||
                words[k]->has(tok_apostrophe) || w.owner[index[k]] >= 0)
                continue;
            key += stem(words[k]->key, w.lang.code) + "_";
        }
        return slugify(key) + "_" + slugify(state);
    };
    if (!w.lang.modifiers_before_head) {
        std::size_t j = i + 1;
        int content = 0;
        while (j < words.size() && j - i <= 4 && w.owner[index[j]] < 0) {
            const std::string st = demonym_state(w, index[j]);
            if (!st.empty()) {
                if (content == 0) return 0;
                std::size_t e = j;
                while (e < words.size() && !demonym_state(w, index[e]).empty()) ++e;
                // "l'agenzia di stampa russa Interfax" describes the named agency that follows.
                if (e < words.size()) {
                    const Mention* named = w.mention_at(index[e]);
                    const bool org_name = named ? named->type == "Organization"
                                                : words[e]->has(tok_upper_initial) && !in(w.lang.given_names, words[e]->key) &&
                                                      !in(w.lang.not_name_words, words[e]->key);
                    if (org_name) return e - i;
                }
                std::string name = text_of(w, index, i, e);
                w.add_mention(index[i], index[e - 1] + 1, key_of(i, e, st), "Organization", MentionSource::name_shape, name);
                return e - i;
            }
            const Token& u = *words[j];
            if (in(w.lang.name_connectors, u.key) || in(w.lang.articles, u.key) || u.has(tok_apostrophe)) { ++j; continue; }
            if (!u.has(tok_word) || u.has(tok_digit) || in(w.lang.function_words, u.key) || ++content > 2) return 0;
            ++j;
        }
        return 0;
    }
    // English order: look back from the head over at most two modifiers to a demonym or a state's.
    std::size_t b = i;
    int content = 0;
    while (b > 0 && content < 2 && w.owner[index[b - 1]] < 0 && demonym_state(w, index[b - 1]).empty() &&
           words[b - 1]->has(tok_word) && !words[b - 1]->has(tok_digit) && !in(w.lang.function_words, words[b - 1]->key)) {
        --b;
        ++content;
    }
    std::string state;
    std::size_t start = b;
    if (b > 0 && !demonym_state(w, index[b - 1]).empty()) {
        state = demonym_state(w, index[b - 1]);
        start = b - 1;
        while (start > 0 && !demonym_state(w, index[start - 1]).empty()) --start;
    } else if (b >= 2 && words[b - 1]->has(tok_apostrophe)) {
        if (const Mention* m = w.mention_at(index[b - 2]); m && m->type == "State") {
            state = m->entity;
            start = b;
        }
    }
    if (state.empty()) return 0;
    std::string name = text_of(w, index, start, i + 1);
    w.add_mention(index[start], index[i] + 1, key_of(start, i + 1, state), "Organization", MentionSource::name_shape, name);
    return 1;
}

void find_headed_names(Work& w) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        if (w.headline[s]) continue;
        w.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (w.owner[index[i]] >= 0) continue;
            const Token& t = *words[i];
            // A national body described in common words: "il ministero della difesa russo",
            // "l'agenzia spaziale russa", "the Russian defence ministry", "Russia's Security Council".
            if (in(w.lang.organization_heads, t.key)) {
                if (std::size_t n = national_body(w, words, index, i)) { i += n - 1; continue; }
            }
            // Head-first names: "Ministero della Difesa", "Cosmodromo Vostochny", "regione di Kursk".
            const bool org_head = in(w.lang.organization_heads, t.key) && t.has(tok_upper_initial);
            const bool place_head = in(w.lang.place_heads, t.key);
            if (!org_head && !place_head) continue;
            std::size_t j = i + 1;
            std::size_t last = i;
            while (j < words.size() && j - i < 7 && w.owner[index[j]] < 0) {
                const Token& u = *words[j];
                // A given name starts the person the organisation introduces:
                // "il portavoce del Ministero degli Esteri Lin Jian".
                if (j > i + 1 && in(w.lang.given_names, u.key)) break;
                if (name_word(w, u) || (org_head && u.has(tok_upper_initial) && !u.has(tok_apostrophe))) { last = j; ++j; continue; }
                // "Ministero della Difesa", "Ministère de la Défense", "Ministère de l'Intérieur"
                std::size_t c = j;
                while (c < words.size() && c - j < 2 && (in(w.lang.name_connectors, words[c]->key) ||
                                                         in(w.lang.articles, words[c]->key) || words[c]->has(tok_apostrophe)))
                    ++c;
                if (c > j && c < words.size() && words[c]->has(tok_upper_initial) && w.owner[index[c]] < 0) { j = c; continue; }
                break;
            }
            if (last > i) {
                std::string name = text_of(w, index, i, last + 1);
                w.add_mention(index[i], index[last] + 1, slugify(name), org_head ? "Organization" : "Place",
                              MentionSource::name_shape, name);
                i = last;
            }
        }
    }
}

void find_name_shapes(Work& w) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        if (w.headline[s]) continue;
        w.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (w.owner[index[i]] >= 0) continue;
            const Token& t = *words[i];
            if (!name_word(w, t) || t.has(tok_digit)) continue;
            std::size_t e = name_run(w, words, index, i, 5);
            // Head-last names: "Dongguk University", "Kim Il-Sung Square".
            std::size_t len = e - i;
            const Token& lastw = *words[e - 1];
            std::string type;
            if (len >= 2 && in(w.lang.organization_heads, lastw.key)) type = "Organization";
            else if (len >= 2 && in(w.lang.place_heads, lastw.key)) type = "Place";
            else if (len >= 2 && len <= 4 &&
                     (in(w.lang.given_names, t.key) || (!t.has(tok_sentence_start) && !w.lang.person_needs_given_name)))
                type = "Person";
            else if (len >= 2 && len <= 4 && in(w.lang.given_names, t.key)) type = "Person";
            else if (len == 1 && t.has(tok_all_caps) && !t.has(tok_sentence_start) && t.key.size() <= 6 &&
                     t.key.find_first_not_of("ivxlcdm") != std::string::npos) // not a Roman numeral
                type = "Organization";
            if (type.empty()) { i = e - 1; continue; }
            std::string name = text_of(w, index, i, e);
            w.add_mention(index[i], index[e - 1] + 1, slugify(name), type, MentionSource::name_shape, name);
            i = e - 1;
        }
    }
}

namespace {

// A common-noun phrase key made of stems, so "missili ipersonici" and "missile ipersonico"
// name the same thing.
std::string stem_key(const Work& w, const std::vector<const Token*>& words, std::size_t b, std::size_t e) {
    std::string key;
    for (std::size_t k = b; k < e; ++k) {
        if (in(w.lang.function_words, words[k]->key) || words[k]->has(tok_apostrophe)) continue;
        if (!key.empty()) key.push_back(' ');
        key += stem(words[k]->key, w.lang.code);
    }
    return slugify(key);
}

bool content_word(const Work& w, const Token& t) {
    return t.has(tok_word) && !t.has(tok_upper_initial) && !t.has(tok_digit) && !t.has(tok_apostrophe) &&
           !in(w.lang.function_words, t.key) && !in(w.lang.not_name_words, t.key) && t.key.size() > 2;
}

} // namespace

namespace {

// One agreement description found in the text, before identity is decided.
struct AgreementPhrase {
    std::uint32_t tok_begin, tok_end;
    std::string head;               ///< stem of the head noun
    bool treaty_like = false;
    bool bare = false;              ///< the head alone ("l'accordo")
    std::string key;                ///< stems, with named bodies replaced by their ids
    std::set<std::string> content;  ///< content-word stems other than the head
    std::string label;
};

const EntityRecord* link_to_known_agreement(const Work& w, const std::set<std::string>& content) {
    if (content.size() < 2) return nullptr;
    for (const auto& [stems, rec] : w.tables.agreement_stems)
        if (std::includes(stems.begin(), stems.end(), content.begin(), content.end())) return rec;
    return nullptr;
}

} // namespace

void find_agreements(Work& w) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    std::vector<AgreementPhrase> phrases;
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        w.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (w.owner[index[i]] >= 0 || !in(w.lang.agreement_heads, words[i]->key)) continue;
            // Romance: head [modifier] [di + modifier [modifier]] | head [di] named body.
            // English, German: [body] [modifier [modifier]] head [of + modifier | of body].
            std::size_t start = i;
            std::string body; // id of a named body inside the phrase ("delle Nazioni Unite")
            if (w.lang.modifiers_before_head) {
                int before = 0;
                while (start > 0 && before < 2 && w.owner[index[start - 1]] < 0 && content_word(w, *words[start - 1]) &&
                       w.demonym_of[index[start - 1]].empty()) {
                    --start;
                    ++before;
                }
                if (start > 0) {
                    if (const Mention* m = w.mention_at(index[start - 1]); m && (m->type == "State" || m->type == "Organization"))
                        body = m->entity;
                }
            }
            std::size_t j = i + 1, end = j;
            int content = 0;
            bool after_di = false;
            while (j < words.size()) {
                if (w.lang.modifiers_before_head && !after_di && !in(w.lang.genitives, words[j]->key)) break;
                const Token& t = *words[j];
                if (const Mention* m = w.mention_at(index[j])) {
                    const bool attached = j == i + 1 || in(w.lang.name_connectors, words[j - 1]->key);
                    if ((m->type == "State" || m->type == "Organization") && attached) {
                        body = m->entity;
                        while (j < words.size() && w.mention_at(index[j]) == m) ++j;
                        end = j;
                    }
                    break;
                }
                const int limit = after_di ? 2 : 1;
                // "l'accordo prevede il..." — a word followed by an article is a verb with its object.
                const bool verb_like = j + 1 < words.size() && (in(w.lang.articles, words[j + 1]->key) ||
                                                                (w.owner[index[j + 1]] >= 0 && j == i + 1));
                if (content_word(w, t) && content < limit && !verb_like) {
                    ++content;
                    ++j;
                    // a hyphenated compound counts as one modifier: "russo-coreano"
                    while (j < words.size() && words[j]->span.begin == words[j - 1]->span.end + 1 &&
                           w.doc.text[words[j - 1]->span.end] == '-' && content_word(w, *words[j]))
                        ++j;
                    end = j;
                    continue;
                }
                if (!after_di && in(w.lang.name_connectors, t.key) && j + 1 < words.size()) {
                    const Token& n = *words[j + 1];
                    if (content_word(w, n) || w.mention_at(index[j + 1])) { after_di = true; content = 0; ++j; continue; }
                }
                break;
            }
            AgreementPhrase ph;
            ph.tok_begin = index[start];
            ph.tok_end = index[end - 1] + 1;
            ph.head = stem(words[i]->key, w.lang.code);
            ph.treaty_like = in(w.lang.treaty_heads, words[i]->key);
            ph.bare = end == i + 1 && start == i;
            ph.key = ph.head;
            for (std::size_t k = start; k < end; ++k) {
                if (k == i) continue;
                const Token& t = *words[k];
                if (w.owner[index[k]] >= 0 || in(w.lang.function_words, t.key) || t.has(tok_apostrophe)) continue;
                std::string st = stem(t.key, w.lang.code);
                ph.content.insert(st);
                ph.key += " " + st;
            }
            if (!body.empty()) ph.key += " " + body;
            ph.key = slugify(ph.key);
            ph.label = text_of(w, index, start, end);
            phrases.push_back(std::move(ph));
            i = end - 1;
        }
    }
    // Identity. A description that matches a known treaty's name is that treaty; within an
    // article the treaty-like descriptions ("il patto", "l'accordo russo-coreano") are one
    // agreement, named by the first that links to a known one, else by the first; a bare
    // "sanzioni" refers back to the last sanctions named.
    std::string treaty_key, treaty_label;
    for (const auto& ph : phrases) {
        if (!ph.treaty_like) continue;
        if (const EntityRecord* rec = link_to_known_agreement(w, ph.content)) {
            treaty_key = Ontology::graph_id(*rec);
            treaty_label = rec->label;
            break;
        }
        if (treaty_key.empty()) { treaty_key = ph.key; treaty_label = ph.label; }
    }
    std::map<std::string, std::string> last_by_head;
    for (const auto& ph : phrases) {
        std::string key, label, wikidata;
        bool known = false;
        if (const EntityRecord* rec = link_to_known_agreement(w, ph.content)) {
            key = Ontology::graph_id(*rec);
            label = rec->label;
            wikidata = rec->wikidata;
            known = true;
        } else if (ph.treaty_like) {
            key = treaty_key;
            label = treaty_label;
            known = w.onto.find_by_graph_id(key) != nullptr;
        } else if (ph.bare && last_by_head.count(ph.head)) {
            key = last_by_head[ph.head];
        } else {
            key = ph.key;
            label = ph.label;
        }
        w.add_mention(ph.tok_begin, ph.tok_end, key, "Agreement", known ? MentionSource::gazetteer : MentionSource::common_noun,
                      label, wikidata, known);
        last_by_head[ph.head] = key;
    }
}

void find_weapon_nouns(Work& w) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        w.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (w.owner[index[i]] >= 0 || !in(w.lang.weapon_heads, words[i]->key)) continue;
            std::string key = stem_key(w, words, i, i + 1);
            w.add_mention(index[i], index[i] + 1, key, "Weapon", MentionSource::common_noun, words[i]->key);
        }
    }
}

void find_short_forms(Work& w) {
    // Surname and family name of every multi-word person name in the document.
    std::map<std::string, std::string> short_forms;
    std::map<std::string, bool> ambiguous;
    for (const auto& [key, ent] : w.entities) {
        if (ent.type != "Person") continue;
        for (const auto& surface : ent.surfaces) {
            auto parts = phrase_tokens(surface, w.lang);
            if (parts.size() < 2) continue;
            for (const std::string& part : {parts.front(), parts.back()}) {
                // "Il" of "Kim Jong Il" is also the article that opens a sentence.
                if (in(w.lang.function_words, part) || in(w.lang.not_name_words, part)) continue;
                auto [it, fresh] = short_forms.try_emplace(part, key);
                if (!fresh && it->second != key) ambiguous[part] = true;
            }
        }
    }
    for (std::uint32_t i = 0; i < w.doc.tokens.size(); ++i) {
        const Token& t = w.doc.tokens[i];
        if (w.owner[i] >= 0 || !t.has(tok_upper_initial) || !t.has(tok_word)) continue;
        auto it = short_forms.find(t.key);
        if (it == short_forms.end()) {
            if (const EntityRecord* known = known_surname(w, t))
                w.add_mention(i, i + 1, Ontology::graph_id(*known), "Person", MentionSource::short_form, known->label,
                              known->wikidata, true);
            continue;
        }
        std::string key = it->second;
        if (ambiguous.count(t.key)) {
            // The nearest earlier mention of a person with that name part wins.
            key.clear();
            for (auto m = w.mentions.rbegin(); m != w.mentions.rend(); ++m) {
                if (m->type != "Person" || m->tok_begin > i) continue;
                auto parts = phrase_tokens(std::string(w.doc.view(m->span)), w.lang);
                if (!parts.empty() && (parts.front() == t.key || parts.back() == t.key)) { key = m->entity; break; }
            }
            if (key.empty()) continue;
        }
        const LocalEntity& ent = w.entities.at(key);
        w.add_mention(i, i + 1, key, "Person", MentionSource::short_form, ent.label, ent.wikidata, ent.from_gazetteer);
    }
}

} // namespace kg::detail
