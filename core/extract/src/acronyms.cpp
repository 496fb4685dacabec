// SPDX-License-Identifier: Apache-2.0
// Stage "acronyms": a name followed by its acronym in brackets ("the Multilateral Sanctions
// Monitoring Team (MSMT)", "Conflict Armament Research (CAR)") defines the acronym for the
// whole document. The name becomes a mention when nothing found it (its words' initials
// spell the acronym), every bare use of the acronym in the document names the same entity,
// and an entity no gazetteer record knows takes the acronym as its key: acronyms travel
// between articles and languages unchanged ("el Equipo de Monitoreo ... (MSMT)"), so the
// documents that define or use one meet in one node.
#include "names.hpp"
#include "stages.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>
#include <cctype>

namespace kg::detail {
namespace {

constexpr std::size_t min_acronym = 2;
constexpr std::size_t max_acronym = 8;
constexpr std::size_t max_name_words = 10;

struct Definition {
    std::string acronym_key; ///< the acronym token's key
    std::string entity;      ///< the key of the entity the name is a mention of
};

bool acronym_token(const Token& t) {
    return t.has(tok_word) && t.has(tok_all_caps) && !t.has(tok_digit) && t.key.size() >= min_acronym &&
           t.key.size() <= max_acronym;
}

bool is_open_bracket(const StageContext& c, const Token& t) { return t.has(tok_paren) && c.doc.view(t.span) == "("; }
bool is_close_bracket(const StageContext& c, const Token& t) { return t.has(tok_paren) && c.doc.view(t.span) == ")"; }

// The first letter of a word's key (ASCII only: acronyms are written in Latin capitals).
char initial(const Token& t) { return t.key.empty() ? '\0' : t.key.front(); }

// Do the initials of the capitalised words of [b, e) spell the acronym, in order, with
// lower-case connectors ("of", "for", "de") between them?
bool initials_spell(const StageContext& c, std::uint32_t b, std::uint32_t e, const std::string& acronym) {
    std::size_t letter = 0;
    for (std::uint32_t i = b; i < e; ++i) {
        const Token& t = c.doc.tokens[i];
        if (!t.has(tok_word)) {
            if (t.has(tok_hyphen) || t.has(tok_apostrophe)) continue;
            return false;
        }
        if (!t.has(tok_upper_initial)) {
            if (c.in(c.lang.function_words, t.key) || c.in(c.lang.name_connectors, t.key)) continue;
            return false;
        }
        if (letter >= acronym.size() || initial(t) != acronym[letter]) return false;
        ++letter;
    }
    return letter == acronym.size();
}

// The start of a name that ends at token `end` (exclusive) and whose capitalised words'
// initials spell the acronym; `end` if there is none. Every token must be free.
std::uint32_t name_before(const StageContext& c, std::uint32_t first, std::uint32_t end, const std::string& acronym) {
    std::size_t letters_left = acronym.size();
    std::uint32_t start = end;
    for (std::uint32_t i = end; i > first && letters_left > 0 && end - i < max_name_words;) {
        --i;
        const Token& t = c.doc.tokens[i];
        if (c.owner[i] >= 0) break;
        if (t.has(tok_word) && t.has(tok_upper_initial)) {
            if (initial(t) != acronym[letters_left - 1]) break;
            --letters_left;
            start = i;
            continue;
        }
        const bool connector = t.has(tok_word) && (c.in(c.lang.function_words, t.key) || c.in(c.lang.name_connectors, t.key));
        if (!connector && !t.has(tok_hyphen) && !t.has(tok_apostrophe)) break;
    }
    return letters_left == 0 && end - start >= 2 ? start : end;
}

// A person's initials are no name of theirs elsewhere ("Jonathan Edward Keller (JEK)").
bool rekeyable(const StageContext& c, const std::string& key) {
    const auto it = c.entities.find(key);
    return it != c.entities.end() && !it->second.from_gazetteer && it->second.wikidata.empty() &&
           !c.is(it->second.cls, Trait::person);
}

// Find the definitions "NAME (ACR)" of one sentence, adding the name as a mention when no
// earlier stage found it.
void collect_definitions(StageContext& c, std::uint32_t s, std::vector<Definition>& defs) {
    const Sentence& sent = c.doc.sentences[s];
    const ClassId institution = c.class_with(Trait::institution);
    for (std::uint32_t i = sent.first_token + 1; i + 2 < sent.end_token; ++i) {
        const Token& open = c.doc.tokens[i];
        const Token& acr = c.doc.tokens[i + 1];
        // "(MSMT)", or "(MSMT, por sus siglas en inglés)": the acronym first in the brackets.
        const Token& after = c.doc.tokens[i + 2];
        if (!is_open_bracket(c, open) || !acronym_token(acr) || !(is_close_bracket(c, after) || after.has(tok_comma)))
            continue;
        // An acronym the gazetteer knows keeps its entity ("... Studies (CSIS)").
        if (const Mention* known = c.mention_at(i + 1); known && known->source == MentionSource::gazetteer) continue;
        std::string entity;
        if (const Mention* named = c.mention_at(i - 1); named && named->tok_end == i) {
            // A name an earlier stage found: its own initials, or an institution's (whose
            // acronym may come from another language: "Equipo de Monitoreo ... (MSMT)").
            if (!c.is(named->cls, Trait::institution) && !initials_spell(c, named->tok_begin, named->tok_end, acr.key)) continue;
            entity = named->entity;
        } else if (c.owner[i - 1] < 0) {
            const std::uint32_t b = name_before(c, sent.first_token, i, acr.key);
            if (b == i) continue;
            const Token& head = c.doc.tokens[i - 1];
            const ClassId cls = c.in(c.lang.place_heads, head.key) ? c.class_with(Trait::location) : institution;
            const std::string name(c.doc.view(ByteSpan{c.doc.tokens[b].span.begin, head.span.end}));
            const int m = c.add_mention(b, i, slugify(name), cls, MentionSource::name_shape, name);
            if (m < 0) continue;
            entity = c.mentions[static_cast<std::size_t>(m)].entity;
        } else {
            continue;
        }
        defs.push_back({acr.key, entity});
    }
}

} // namespace

void find_acronyms(StageContext& c) {
    std::vector<Definition> defs;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) collect_definitions(c, s, defs);
    for (Definition& d : defs) {
        // An acronym two names of the document define is no evidence for either.
        const bool ambiguous = std::count_if(defs.begin(), defs.end(), [&](const Definition& o) {
                                   return o.acronym_key == d.acronym_key && o.entity != d.entity;
                               }) > 0;
        if (ambiguous) continue;
        const std::string acronym_id = slugify(d.acronym_key);
        if (rekeyable(c, d.entity) && !c.onto.find_by_graph_id(acronym_id)) {
            rekey_entity(c, d.entity, acronym_id);
            for (Definition& o : defs)
                if (o.entity == d.entity) o.entity = acronym_id;
        }
        const LocalEntity& ent = c.entities.at(d.entity);
        const ClassId cls = ent.cls;
        const std::string label = ent.label;
        const std::string wikidata = ent.wikidata;
        const bool gazetteer = ent.from_gazetteer;
        for (std::uint32_t i = 0; i < c.doc.tokens.size(); ++i) {
            const Token& t = c.doc.tokens[i];
            if (!acronym_token(t) || t.key != d.acronym_key) continue;
            if (c.owner[i] < 0) {
                c.add_mention(i, i + 1, d.entity, cls, MentionSource::short_form, label, wikidata, gazetteer);
                continue;
            }
            const Mention& m = c.mentions[static_cast<std::size_t>(c.owner[i])];
            if (m.tok_begin != i || m.tok_end != i + 1 || m.entity == d.entity) continue;
            // The document's own definition wins over what the acronym names elsewhere.
            c.rekey_mention(c.owner[i], d.entity, cls);
        }
    }
}

} // namespace kg::detail
