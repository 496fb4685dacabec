// SPDX-License-Identifier: Apache-2.0
// Stage "name_shapes": a run of capitalised words is a name when its shape says what it
// names — a head noun last ("Dongguk University", "Kim Il-Sung Square"), a given name first,
// two to four words inside a sentence (where the language does not capitalise every noun),
// or a short acronym (an institution).
#include "names.hpp"
#include "stages.hpp"

#include "kg/text/normalize.hpp"

namespace kg::detail {
namespace {

// The class a run of name words [i, e) names by its shape, or no_class.
ClassId class_by_shape(const StageContext& c, const std::vector<const Token*>& words, std::size_t i, std::size_t e) {
    const std::size_t len = e - i;
    const Token& first = *words[i];
    const Token& last = *words[e - 1];
    if (len >= 2 && c.in(c.lang.organization_heads, last.key)) return c.class_with(Trait::institution);
    if (len >= 2 && c.in(c.lang.place_heads, last.key)) return c.class_with(Trait::location);
    // Where a learned name finder read the sentence and saw no name here, a bare shape
    // (capitals, an acronym) is weaker evidence than the model: only head nouns count.
    if (c.name_finder) return no_class;
    const bool given = c.in(c.lang.given_names, first.key);
    if (len >= 2 && len <= 4 && (given || (!first.has(tok_sentence_start) && !c.lang.person_needs_given_name)))
        return c.class_with(Trait::person);
    constexpr const char* roman_digits = "ivxlcdm"; // "II", "XIV" in capitals are numerals, not acronyms
    const bool roman_numeral = first.key.find_first_not_of(roman_digits) == std::string::npos;
    if (len == 1 && first.has(tok_all_caps) && !first.has(tok_sentence_start) && first.key.size() <= 6 && !roman_numeral)
        return c.class_with(Trait::institution);
    return no_class;
}

} // namespace

void find_name_shapes(StageContext& c) {
    std::vector<const Token*> words;
    std::vector<std::uint32_t> index;
    for (std::uint32_t s = 0; s < c.doc.sentences.size(); ++s) {
        if (c.headline[s]) continue;
        c.words_of(s, words, index);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (c.owner[index[i]] >= 0) continue;
            const Token& t = *words[i];
            if (!name_word(c, t) || t.has(tok_digit)) continue;
            const std::size_t e = name_run(c, words, index, i, 5);
            const ClassId cls = class_by_shape(c, words, i, e);
            if (cls != no_class) {
                const std::uint32_t end = c.is(cls, Trait::person) ? person_name_end(c, index[i], index[e - 1] + 1) : index[e - 1] + 1;
                const std::string name(c.doc.view(ByteSpan{c.doc.tokens[index[i]].span.begin, c.doc.tokens[end - 1].span.end}));
                c.add_mention(index[i], end, slugify(name), cls, MentionSource::name_shape, name);
            }
            i = e - 1;
        }
    }
}

} // namespace kg::detail
