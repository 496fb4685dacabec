// SPDX-License-Identifier: Apache-2.0
#include "features.hpp"

#include "kg/ner/training.hpp"
#include "kg/text/stem.hpp"
#include "kg/base/utf8.hpp"

#include <unicode/uchar.h>

#include <array>

namespace kg::detail {
namespace {

// Feature templates. Their numbers are hashed into every feature, and so into model
// files: never renumber, only append.
enum Template : std::uint8_t {
    t_bias = 1, t_word, t_form, t_word_m1, t_word_p1, t_word_m2, t_word_p2, t_bigram_m1, t_bigram_p1,
    t_prefix, t_suffix, t_shape, t_short_shape, t_shape_window, t_case, t_headline_shape, t_gazetteer,
    t_gazetteer_m1, t_gazetteer_p1, t_dictionary, t_dictionary_m1, t_dictionary_p1, t_document,
    t_word_m1_shape, t_history, t_history_any, t_cue, t_cue_m1, t_cue_p1, t_stem,
};

// FNV-1a 64 over the template number and the parts, each part closed by a separator so
// that ("ab", "c") and ("a", "bc") differ.
class FeatureHash {
public:
    explicit FeatureHash(Template t) { mix(static_cast<unsigned char>(t)); }
    FeatureHash& operator<<(std::string_view s) {
        for (unsigned char c : s) mix(c);
        mix(0x1F);
        return *this;
    }
    FeatureHash& operator<<(char c) {
        mix(static_cast<unsigned char>(c));
        mix(0x1F);
        return *this;
    }
    std::uint64_t value() const { return h_; }

private:
    void mix(unsigned char c) {
        h_ ^= c;
        h_ *= 0x100000001b3ull;
    }
    std::uint64_t h_ = 0xcbf29ce484222325ull;
};

// What feature extraction needs of one token, computed once.
struct TokenInfo {
    std::string word;        ///< matching key, digits folded to 0
    std::string shape;       ///< X x d per character, punctuation kept, at most 12
    std::string short_shape; ///< the shape with runs collapsed: "Xx", "X.X."
    char casing = 'p';       ///< l(ower), c(apitalised), A(ll caps), d(igit), p(unctuation)
    bool first = false;      ///< first word of the sequence
    std::uint8_t dictionary = 0;
    std::uint8_t cues = 0;   ///< LexiconBits 6..10, shifted down
    std::string stem;        ///< Snowball stem of the key (ner_stems)
    std::array<std::uint8_t, name_label_count> gazetteer{}; ///< BilouPart bits per label
    std::uint8_t context = 0;
};

void shapes_of(std::string_view form, TokenInfo& info) {
    std::size_t pos = 0;
    int n = 0;
    while (pos < form.size() && n < 12) {
        const auto c = static_cast<UChar32>(next_code_point(form, pos));
        char s = '*';
        if (u_isupper(c) || u_istitle(c)) s = 'X';
        else if (u_isalpha(c)) s = 'x';
        else if (u_isdigit(c)) s = 'd';
        else if (c < 0x80) s = static_cast<char>(c);
        info.shape.push_back(s);
        if (info.short_shape.empty() || info.short_shape.back() != s) info.short_shape.push_back(s);
        ++n;
    }
}

std::string fold_digits(std::string key) {
    for (char& c : key)
        if (c >= '0' && c <= '9') c = '0';
    return key;
}

char casing_of(const Token& t) {
    if (!t.has(tok_word)) return 'p';
    if (t.has(tok_digit)) return 'd';
    if (t.has(tok_all_caps)) return 'A';
    return t.has(tok_upper_initial) ? 'c' : 'l';
}

// Mark the tokens covered by the longest known name starting at each capitalised token.
void mark_gazetteer(std::span<const Token> seq, const CompiledLexicon& lex, std::vector<TokenInfo>& info) {
    for (std::size_t i = 0; i < seq.size(); ++i) {
        if (!seq[i].has(tok_upper_initial) && !seq[i].has(tok_digit)) continue;
        std::string phrase = "p:";
        bool space = false;
        std::size_t best_end = 0;
        std::uint8_t best_mask = 0;
        int words = 0;
        for (std::size_t j = i; j < seq.size() && words < lex.max_phrase_words; ++j) {
            if (seq[j].has(tok_hyphen)) continue; // phrase keys read hyphens as spaces
            if (space) phrase.push_back(' ');
            phrase += seq[j].key;
            space = phrase.back() != '\''; // "d'" + "avorio" is one word of "costa d'avorio"
            ++words;
            if (auto m = static_cast<std::uint8_t>(lex.lookup(phrase) & 0x0F)) best_end = j + 1, best_mask = m;
        }
        if (best_end == 0) continue;
        for (int l = 0; l < name_label_count; ++l) {
            if (!(best_mask & (1 << l))) continue;
            for (std::size_t k = i; k < best_end; ++k) {
                const int part = best_end - i == 1 ? part_unit
                                 : k == i          ? part_begin
                                 : k + 1 == best_end ? part_last
                                                     : part_inside;
                info[k].gazetteer[static_cast<std::size_t>(l)] |= static_cast<std::uint8_t>(1 << part);
            }
        }
    }
}

std::vector<TokenInfo> token_infos(std::string_view text, std::span<const Token> seq,
                                   const NameContextData& context, const CompiledLexicon& lex,
                                   std::uint32_t groups) {
    std::vector<TokenInfo> info(seq.size());
    bool seen_word = false;
    for (std::size_t i = 0; i < seq.size(); ++i) {
        const Token& t = seq[i];
        TokenInfo& x = info[i];
        x.word = fold_digits(t.key);
        shapes_of(text.substr(t.span.begin, t.span.size()), x);
        x.casing = casing_of(t);
        if (t.has(tok_word) && !t.has(tok_apostrophe) && !seen_word) x.first = seen_word = true;
        const bool letters = x.casing == 'l' || x.casing == 'c' || x.casing == 'A';
        if ((groups & (ner_dictionary | ner_cues)) && letters) {
            const std::uint16_t m = lex.lookup("w:" + stem_word(t.key, lex.language));
            x.dictionary = static_cast<std::uint8_t>((m >> 4) & 3);
            x.cues = static_cast<std::uint8_t>((m >> 6) & 0x1F);
        }
        if ((groups & ner_stems) && letters) x.stem = stem_word(t.key, lex.language);
        if ((groups & ner_document) && letters) x.context = context.lookup(t.key);
    }
    if (groups & ner_gazetteer) mark_gazetteer(seq, lex, info);
    return info;
}

// Most of a sequence's words written in capitals: a headline, where case says nothing.
bool is_headline(const std::vector<TokenInfo>& info) {
    int words = 0, caps = 0;
    for (const auto& x : info) {
        if (x.casing == 'l' || x.casing == 'c' || x.casing == 'A') ++words;
        if (x.casing == 'A') ++caps;
    }
    return words >= 2 && caps * 5 >= words * 3;
}

std::uint8_t gazetteer_labels(const TokenInfo& x) {
    std::uint8_t m = 0;
    for (int l = 0; l < name_label_count; ++l)
        if (x.gazetteer[static_cast<std::size_t>(l)]) m |= static_cast<std::uint8_t>(1 << l);
    return m;
}

struct Emitter {
    const std::vector<TokenInfo>& info;
    std::uint32_t groups;
    bool headline;
    std::vector<std::uint64_t>& out;

    std::string_view word(std::ptrdiff_t i) const {
        if (i < 0) return "<s>";
        if (i >= static_cast<std::ptrdiff_t>(info.size())) return "</s>";
        return info[static_cast<std::size_t>(i)].word;
    }
    std::string_view short_shape(std::ptrdiff_t i) const {
        if (i < 0 || i >= static_cast<std::ptrdiff_t>(info.size())) return "_";
        return info[static_cast<std::size_t>(i)].short_shape;
    }
    void add(const FeatureHash& h) { out.push_back(h.value()); }

    void emit(std::size_t at, std::string_view form);
    void emit_affixes(const std::string& key);
    void emit_lexical(std::ptrdiff_t i);
};

void Emitter::emit_affixes(const std::string& key) {
    // Character positions of the key, so that affixes never split a UTF-8 sequence.
    std::vector<std::size_t> cut{0};
    for (std::size_t p = 0; p < key.size();) {
        next_code_point(key, p);
        cut.push_back(p);
    }
    const std::size_t chars = cut.size() - 1;
    for (std::size_t n = 1; n <= 4 && n < chars; ++n)
        add(FeatureHash(t_prefix) << static_cast<char>('0' + n) << std::string_view(key).substr(0, cut[n]));
    const std::size_t max_suffix = (groups & ner_long_suffixes) ? 6 : 4;
    for (std::size_t n = 1; n <= max_suffix && n < chars; ++n)
        add(FeatureHash(t_suffix) << static_cast<char>('0' + n) << std::string_view(key).substr(cut[chars - n]));
}

void Emitter::emit_lexical(std::ptrdiff_t i) {
    const TokenInfo& x = info[static_cast<std::size_t>(i)];
    auto neighbour = [&](std::ptrdiff_t j) -> const TokenInfo* {
        return j < 0 || j >= static_cast<std::ptrdiff_t>(info.size()) ? nullptr : &info[static_cast<std::size_t>(j)];
    };
    const char first = x.first ? 'f' : '-';
    if (groups & ner_gazetteer) {
        for (int l = 0; l < name_label_count; ++l)
            if (auto parts = x.gazetteer[static_cast<std::size_t>(l)])
                add(FeatureHash(t_gazetteer) << static_cast<char>('0' + l) << static_cast<char>('0' + parts));
        if (auto* p = neighbour(i - 1)) add(FeatureHash(t_gazetteer_m1) << static_cast<char>('0' + gazetteer_labels(*p)));
        if (auto* n = neighbour(i + 1)) add(FeatureHash(t_gazetteer_p1) << static_cast<char>('0' + gazetteer_labels(*n)));
    }
    if (groups & ner_dictionary) {
        add(FeatureHash(t_dictionary) << static_cast<char>('0' + x.dictionary) << x.casing << first);
        if (auto* p = neighbour(i - 1)) add(FeatureHash(t_dictionary_m1) << static_cast<char>('0' + p->dictionary) << p->casing);
        if (auto* n = neighbour(i + 1)) add(FeatureHash(t_dictionary_p1) << static_cast<char>('0' + n->dictionary) << n->casing);
    }
    if (groups & ner_cues) {
        // Each cue on its own: "Minister" before a name, "Bank" after, a given name first.
        auto cues = [&](Template t, const TokenInfo* y) {
            if (!y) return;
            for (int b = 0; b < 5; ++b)
                if (y->cues & (1 << b)) add(FeatureHash(t) << static_cast<char>('0' + b) << y->casing);
        };
        cues(t_cue, &x);
        cues(t_cue_m1, neighbour(i - 1));
        cues(t_cue_p1, neighbour(i + 1));
    }
    if (groups & ner_document)
        add(FeatureHash(t_document) << static_cast<char>('0' + x.context) << x.casing << first
                                    << (headline ? 'h' : '-'));
}

void Emitter::emit(std::size_t at, std::string_view form) {
    const auto i = static_cast<std::ptrdiff_t>(at);
    const TokenInfo& x = info[at];
    add(FeatureHash(t_bias));
    if (groups & ner_words) {
        add(FeatureHash(t_word) << x.word);
        add(FeatureHash(t_form) << form);
        add(FeatureHash(t_word_m1) << word(i - 1));
        add(FeatureHash(t_word_p1) << word(i + 1));
        add(FeatureHash(t_word_m2) << word(i - 2));
        add(FeatureHash(t_word_p2) << word(i + 2));
    }
    if ((groups & ner_affixes) && x.casing != 'p') emit_affixes(x.word);
    if ((groups & ner_stems) && !x.stem.empty()) add(FeatureHash(t_stem) << x.stem);
    if (groups & ner_shapes) {
        add(FeatureHash(t_shape) << x.shape);
        add(FeatureHash(t_short_shape) << x.short_shape);
        add(FeatureHash(t_shape_window) << short_shape(i - 1) << x.short_shape << short_shape(i + 1));
        add(FeatureHash(t_case) << x.casing << (x.first ? 'f' : '-') << (headline ? 'h' : '-'));
        if (headline) add(FeatureHash(t_headline_shape) << x.short_shape);
    }
    if (groups & ner_bigrams) {
        add(FeatureHash(t_bigram_m1) << word(i - 1) << x.word);
        add(FeatureHash(t_bigram_p1) << x.word << word(i + 1));
        add(FeatureHash(t_word_m1_shape) << word(i - 1) << x.short_shape);
    }
    emit_lexical(i);
}

bool capitalised(const Token& t) {
    const char c = casing_of(t);
    return c == 'c' || c == 'A';
}

} // namespace

void NameHistory::record(std::span<const Token> seq, const std::vector<int>& tags) {
    for (std::size_t i = 0; i < seq.size() && i < tags.size(); ++i) {
        if (!capitalised(seq[i])) continue;
        auto& c = counts[seq[i].key];
        const std::size_t slot = tags[i] == 0 ? name_label_count : static_cast<std::size_t>(ner_tag_label(tags[i]));
        if (c[slot] < UINT16_MAX) ++c[slot];
    }
}

void history_features(std::span<const Token> seq, const NameHistory& history, FeatureRows& out) {
    out.hashes.clear();
    out.begin.assign(1, 0);
    for (const Token& t : seq) {
        auto it = capitalised(t) ? history.counts.find(t.key) : history.counts.end();
        if (it != history.counts.end()) {
            const auto& c = it->second;
            std::size_t top = 0;
            for (std::size_t l = 1; l < c.size(); ++l)
                if (c[l] > c[top]) top = l;
            out.hashes.push_back((FeatureHash(t_history) << static_cast<char>('0' + top) << casing_of(t)).value());
            for (std::size_t l = 0; l < c.size(); ++l)
                if (c[l] > 0) out.hashes.push_back((FeatureHash(t_history_any) << static_cast<char>('0' + l)).value());
        }
        out.begin.push_back(static_cast<std::uint32_t>(out.hashes.size()));
    }
}

NameContextData build_context(std::string_view text, std::span<const Token> tokens) {
    (void)text;
    NameContextData data;
    for (const Token& t : tokens) {
        const char c = casing_of(t);
        if (c == 'l') data.facts[t.key] |= ctx_lower;
        else if (c == 'c' && !t.has(tok_sentence_start)) data.facts[t.key] |= ctx_capitalised_mid;
    }
    return data;
}

void extract_features(std::string_view text, std::span<const Token> seq, const NameContextData& context,
                      const CompiledLexicon& lexicon, std::uint32_t groups, FeatureRows& out) {
    out.hashes.clear();
    out.begin.assign(1, 0);
    const std::vector<TokenInfo> info = token_infos(text, seq, context, lexicon, groups);
    Emitter e{info, groups, is_headline(info), out.hashes};
    for (std::size_t i = 0; i < seq.size(); ++i) {
        e.emit(i, text.substr(seq[i].span.begin, seq[i].span.size()));
        out.begin.push_back(static_cast<std::uint32_t>(out.hashes.size()));
    }
}

} // namespace kg::detail
