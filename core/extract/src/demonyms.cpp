// Stage "demonyms": the adjectives that name a state ("nordcoreano", "North Korean") on the
// tokens no mention holds; they tie roles, bodies, troops and weapons to the state.
#include "stages.hpp"

namespace kg::detail {

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
            i += n - 1;
        }
    }
}

} // namespace kg::detail
