// SPDX-License-Identifier: Apache-2.0
// Stage "demonyms": the adjectives that name a state ("nordcoreano", "North Korean") on the
// tokens no mention holds; they tie roles, bodies, troops and weapons to the state. Where
// adjectives follow their noun (it, fr, es), a demonym right after an article or a
// preposition is itself the noun, the state's people acting: "accusato gli ucraini",
// "condotti dai russi" are mentions of Ukraine and Russia.
#include "stages.hpp"

namespace kg::detail {
namespace {

void find_people(StageContext& c, const std::vector<const Token*>& words, const std::vector<std::uint32_t>& index, std::size_t i,
                 std::size_t n) {
    if (c.lang.modifiers_before_head || i == 0) return;
    const std::string& before = words[i - 1]->key;
    if (!c.in(c.lang.articles, before) && !c.in(c.lang.prepositions, before)) return;
    // "il russo Putin", "la russa Rosneft": the demonym qualifies the name after it.
    if (i + n < words.size() && (words[i + n]->has(tok_upper_initial) || c.owner[index[i + n]] >= 0)) return;
    const EntityRecord* state = c.demonym_state(index[i]);
    if (!state) return;
    c.add_mention(index[i], index[i + n - 1] + 1, Ontology::graph_id(*state), c.class_of(*state), MentionSource::people, state->label,
                  state->wikidata, true);
}

} // namespace

void find_demonyms(StageContext& c) {
    c.demonym_of.assign(c.doc.tokens.size(), {});
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        c.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (c.owner[index[i]] >= 0) continue;
            const std::vector<PhraseEntry>* dem = nullptr;
            std::size_t n = c.tables.demonyms.longest(words, i, dem);
            if (n == 0) continue;
            for (std::uint32_t k = index[i]; k <= index[i + n - 1]; ++k) c.demonym_of[k] = dem->front().id;
            find_people(c, words, index, i, n);
            i += n - 1;
        }
    }
}

} // namespace kg::detail
