// SPDX-License-Identifier: Apache-2.0
#include "features.hpp"

#include "kg/ner/training.hpp"
#include "kg/text/stem.hpp"
#include "kg/base/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <memory>

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

using GazetteerParts = std::array<std::uint8_t, name_label_count>; ///< BilouPart bits per label

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
    GazetteerParts gazetteer{};
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
void mark_gazetteer(std::span<const Token> seq, const CompiledLexicon& lex, std::span<GazetteerParts> marks) {
    for (std::size_t i = 0; i < seq.size(); ++i) {
        if (!seq[i].has(tok_upper_initial) && !seq[i].has(tok_digit)) continue;
        std::uint64_t phrase = lexicon_hash_append(lexicon_hash_start(), "p:");
        char last = ':';
        bool space = false;
        std::size_t best_end = 0;
        std::uint8_t best_mask = 0;
        int words = 0;
        for (std::size_t j = i; j < seq.size() && words < lex.max_phrase_words; ++j) {
            if (seq[j].has(tok_hyphen)) continue; // phrase keys read hyphens as spaces
            const std::string& key = seq[j].key;
            if (space) phrase = lexicon_hash_append(phrase, " "), last = ' ';
            phrase = lexicon_hash_append(phrase, key);
            if (!key.empty()) last = key.back();
            space = last != '\''; // "d'" + "avorio" is one word of "costa d'avorio"
            ++words;
            if (auto m = static_cast<std::uint8_t>(lex.lookup_hash(phrase) & 0x0F)) best_end = j + 1, best_mask = m;
        }
        if (best_end == 0) continue;
        for (int l = 0; l < name_label_count; ++l) {
            if (!(best_mask & (1 << l))) continue;
            for (std::size_t k = i; k < best_end; ++k) {
                const int part = best_end - i == 1 ? part_unit
                                 : k == i          ? part_begin
                                 : k + 1 == best_end ? part_last
                                                     : part_inside;
                marks[k][static_cast<std::size_t>(l)] |= static_cast<std::uint8_t>(1 << part);
            }
        }
    }
}

bool letters(const TokenInfo& x) { return x.casing == 'l' || x.casing == 'c' || x.casing == 'A'; }

// The part of a TokenInfo that a token's written form and key decide alone.
void form_info(std::string_view form, const Token& t, const CompiledLexicon& lex, std::uint32_t groups,
               TokenInfo& x) {
    x.word = fold_digits(t.key);
    shapes_of(form, x);
    x.casing = casing_of(t);
    if (!letters(x) || !(groups & (ner_dictionary | ner_cues | ner_stems))) return;
    std::string stem = stem_word(t.key, lex.language);
    if (groups & (ner_dictionary | ner_cues)) {
        const std::uint16_t m = lex.lookup("w:" + stem);
        x.dictionary = static_cast<std::uint8_t>((m >> 4) & 3);
        x.cues = static_cast<std::uint8_t>((m >> 6) & 0x1F);
    }
    if (groups & ner_stems) x.stem = std::move(stem);
}

std::vector<TokenInfo> token_infos(std::string_view text, std::span<const Token> seq,
                                   const NameContextData& context, const CompiledLexicon& lex,
                                   std::uint32_t groups) {
    std::vector<TokenInfo> info(seq.size());
    bool seen_word = false;
    for (std::size_t i = 0; i < seq.size(); ++i) {
        const Token& t = seq[i];
        TokenInfo& x = info[i];
        form_info(text.substr(t.span.begin, t.span.size()), t, lex, groups, x);
        if (t.has(tok_word) && !t.has(tok_apostrophe) && !seen_word) x.first = seen_word = true;
        if ((groups & ner_document) && letters(x)) x.context = context.lookup(t.key);
    }
    if (groups & ner_gazetteer) {
        std::vector<GazetteerParts> marks(seq.size());
        mark_gazetteer(seq, lex, marks);
        for (std::size_t i = 0; i < seq.size(); ++i) info[i].gazetteer = marks[i];
    }
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
    const TokenInfo* neighbour(std::ptrdiff_t j) const {
        return j < 0 || j >= static_cast<std::ptrdiff_t>(info.size()) ? nullptr : &info[static_cast<std::size_t>(j)];
    }
    void add(const FeatureHash& h) { out.push_back(h.value()); }

    void emit(std::size_t at, std::string_view form);
    void emit_affixes(const std::string& key);
    void emit_lexical(std::ptrdiff_t i);
    // Each cue on its own: "Minister" before a name, "Bank" after, a given name first.
    void emit_cues(Template t, const TokenInfo* y) {
        if (!y) return;
        for (int b = 0; b < 5; ++b)
            if (y->cues & (1 << b)) add(FeatureHash(t) << static_cast<char>('0' + b) << y->casing);
    }
    void emit_shape_context(std::ptrdiff_t i);
    void emit_bigrams(std::ptrdiff_t i);
    void emit_gazetteer(std::ptrdiff_t i);
    void emit_document(std::ptrdiff_t i);
    // The features that depend on the token's position in its sequence, not on one form.
    void emit_positional(std::size_t at);
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

void Emitter::emit_gazetteer(std::ptrdiff_t i) {
    const TokenInfo& x = info[static_cast<std::size_t>(i)];
    for (int l = 0; l < name_label_count; ++l)
        if (auto parts = x.gazetteer[static_cast<std::size_t>(l)])
            add(FeatureHash(t_gazetteer) << static_cast<char>('0' + l) << static_cast<char>('0' + parts));
    if (auto* p = neighbour(i - 1)) add(FeatureHash(t_gazetteer_m1) << static_cast<char>('0' + gazetteer_labels(*p)));
    if (auto* n = neighbour(i + 1)) add(FeatureHash(t_gazetteer_p1) << static_cast<char>('0' + gazetteer_labels(*n)));
}

void Emitter::emit_document(std::ptrdiff_t i) {
    const TokenInfo& x = info[static_cast<std::size_t>(i)];
    add(FeatureHash(t_document) << static_cast<char>('0' + x.context) << x.casing << (x.first ? 'f' : '-')
                                << (headline ? 'h' : '-'));
}

void Emitter::emit_lexical(std::ptrdiff_t i) {
    const TokenInfo& x = info[static_cast<std::size_t>(i)];
    const char first = x.first ? 'f' : '-';
    if (groups & ner_gazetteer) emit_gazetteer(i);
    if (groups & ner_dictionary) {
        add(FeatureHash(t_dictionary) << static_cast<char>('0' + x.dictionary) << x.casing << first);
        if (auto* p = neighbour(i - 1)) add(FeatureHash(t_dictionary_m1) << static_cast<char>('0' + p->dictionary) << p->casing);
        if (auto* n = neighbour(i + 1)) add(FeatureHash(t_dictionary_p1) << static_cast<char>('0' + n->dictionary) << n->casing);
    }
    if (groups & ner_cues) {
        emit_cues(t_cue, &x);
        emit_cues(t_cue_m1, neighbour(i - 1));
        emit_cues(t_cue_p1, neighbour(i + 1));
    }
    if (groups & ner_document) emit_document(i);
}

void Emitter::emit_shape_context(std::ptrdiff_t i) {
    const TokenInfo& x = info[static_cast<std::size_t>(i)];
    add(FeatureHash(t_shape_window) << short_shape(i - 1) << x.short_shape << short_shape(i + 1));
    add(FeatureHash(t_case) << x.casing << (x.first ? 'f' : '-') << (headline ? 'h' : '-'));
    if (headline) add(FeatureHash(t_headline_shape) << x.short_shape);
}

void Emitter::emit_bigrams(std::ptrdiff_t i) {
    const TokenInfo& x = info[static_cast<std::size_t>(i)];
    add(FeatureHash(t_bigram_m1) << word(i - 1) << x.word);
    add(FeatureHash(t_bigram_p1) << x.word << word(i + 1));
    add(FeatureHash(t_word_m1_shape) << word(i - 1) << x.short_shape);
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
        emit_shape_context(i);
    }
    if (groups & ner_bigrams) emit_bigrams(i);
    emit_lexical(i);
}

void Emitter::emit_positional(std::size_t at) {
    const auto i = static_cast<std::ptrdiff_t>(at);
    const TokenInfo& x = info[at];
    if (groups & ner_shapes) emit_shape_context(i);
    if (groups & ner_bigrams) emit_bigrams(i);
    if (groups & ner_gazetteer) emit_gazetteer(i);
    if (groups & ner_dictionary) add(FeatureHash(t_dictionary) << static_cast<char>('0' + x.dictionary) << x.casing << (x.first ? 'f' : '-'));
    if (groups & ner_document) emit_document(i);
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

// Sums by word form. Of a token's features, about half depend on one word form alone: its
// own word, form, affixes, stem, shapes and cues, and what it gives its neighbours as their
// previous or next word. Their weights are summed once per form and model and kept per
// thread, so that a token costs one form lookup and the few features of its position
// (bigrams, shape window, case, gazetteer, dictionary, document). Integer sums make a cached
// sum exactly the sum of its parts: the emissions equal those of extract_features' rows.
namespace {

using TagSums = std::array<std::int32_t, ner_tag_count>;

void add_to(TagSums& sums, const TagSums& part) {
    for (int t = 0; t < ner_tag_count; ++t) sums[static_cast<std::size_t>(t)] += part[static_cast<std::size_t>(t)];
}

// What one written form gives the sequences it occurs in (the Emitter's features, split by
// the token they are about).
struct FormSums {
    TokenInfo info;                 ///< its position-free fields only
    TagSums own{};                  ///< the token's own features
    TagSums to_next{};              ///< the next token's features about it: word_m1, dictionary_m1, cue_m1
    TagSums to_previous{};          ///< word_p1, dictionary_p1, cue_p1
    TagSums to_second_next{};       ///< word_m2
    TagSums to_second_previous{};   ///< word_p2
};

class FormSumCache {
public:
    // Forms kept per model and thread: enough for the frequent words of a stream of news in
    // one language (several MB); past it the cache starts again.
    static constexpr std::size_t capacity = 1 << 14;

    explicit FormSumCache(const NerModel& m) : serial_(m.serial) {
        if (m.feature_groups & ner_words) {
            m.add_weight((FeatureHash(t_word_m1) << "<s>").value(), start_.data());
            m.add_weight((FeatureHash(t_word_m2) << "<s>").value(), second_start_.data());
            m.add_weight((FeatureHash(t_word_p1) << "</s>").value(), end_.data());
            m.add_weight((FeatureHash(t_word_p2) << "</s>").value(), second_end_.data());
        }
    }
    std::uint64_t serial() const { return serial_; }
    // Entries returned stay valid until the next trim().
    void trim() {
        if (entries_.size() > capacity) entries_.clear();
    }
    const FormSums& of(const NerModel& m, std::string_view form, const Token& t);

    TagSums start_{}, second_start_{}, end_{}, second_end_{}; ///< what the sequence's ends give

private:
    std::uint64_t serial_;
    std::unordered_map<std::string, FormSums> entries_;
    std::string key_;
};

const FormSums& FormSumCache::of(const NerModel& m, std::string_view form, const Token& t) {
    key_.assign(form);
    key_.push_back('\x1F');
    key_ += t.key;
    key_.push_back(casing_of(t));
    if (auto it = entries_.find(key_); it != entries_.end()) return it->second;
    FormSums& f = entries_[key_];
    const std::uint32_t groups = m.feature_groups;
    TokenInfo& x = f.info;
    form_info(form, t, m.lexicon, groups, x);
    std::vector<std::uint64_t> hashes;
    auto sum = [&](TagSums& into) {
        m.add_weights(hashes, into.data());
        hashes.clear();
    };
    const std::vector<TokenInfo> alone{x};
    Emitter e{alone, groups, false, hashes};
    e.add(FeatureHash(t_bias));
    if (groups & ner_words) e.add(FeatureHash(t_word) << x.word), e.add(FeatureHash(t_form) << form);
    if ((groups & ner_affixes) && x.casing != 'p') e.emit_affixes(x.word);
    if ((groups & ner_stems) && !x.stem.empty()) e.add(FeatureHash(t_stem) << x.stem);
    if (groups & ner_shapes) e.add(FeatureHash(t_shape) << x.shape), e.add(FeatureHash(t_short_shape) << x.short_shape);
    if (groups & ner_cues) e.emit_cues(t_cue, &x);
    sum(f.own);
    if (groups & ner_words) e.add(FeatureHash(t_word_m1) << x.word);
    if (groups & ner_dictionary) e.add(FeatureHash(t_dictionary_m1) << static_cast<char>('0' + x.dictionary) << x.casing);
    if (groups & ner_cues) e.emit_cues(t_cue_m1, &x);
    sum(f.to_next);
    if (groups & ner_words) e.add(FeatureHash(t_word_p1) << x.word);
    if (groups & ner_dictionary) e.add(FeatureHash(t_dictionary_p1) << static_cast<char>('0' + x.dictionary) << x.casing);
    if (groups & ner_cues) e.emit_cues(t_cue_p1, &x);
    sum(f.to_previous);
    if (groups & ner_words) e.add(FeatureHash(t_word_m2) << x.word);
    sum(f.to_second_next);
    if (groups & ner_words) e.add(FeatureHash(t_word_p2) << x.word);
    sum(f.to_second_previous);
    return f;
}

FormSumCache& form_sums_of(const NerModel& m) {
    // Most recently used last; a few models at once (one per language of a batch).
    thread_local std::vector<std::unique_ptr<FormSumCache>> caches;
    for (std::size_t i = caches.size(); i-- > 0;) {
        if (caches[i]->serial() != m.serial) continue;
        std::rotate(caches.begin() + static_cast<std::ptrdiff_t>(i), caches.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    caches.end());
        return *caches.back();
    }
    if (caches.size() == 8) caches.erase(caches.begin());
    caches.push_back(std::make_unique<FormSumCache>(m));
    return *caches.back();
}

} // namespace

std::vector<std::int32_t> feature_weights(const NerModel& m, std::string_view text, std::span<const Token> seq,
                                          const NameContextData& context) {
    constexpr std::size_t T = ner_tag_count;
    std::vector<std::int32_t> sums(seq.size() * T, 0);
    if (m.serial == 0) { // a model still being trained: nothing of it may be kept
        FeatureRows rows;
        extract_features(text, seq, context, m.lexicon, m.feature_groups, rows);
        for (std::size_t i = 0; i < seq.size(); ++i) m.add_weights(rows.row(i), &sums[i * T]);
        return sums;
    }
    FormSumCache& cache = form_sums_of(m);
    cache.trim();
    const std::uint32_t groups = m.feature_groups;
    // Position-free fields from the cache, the position's own added here.
    std::vector<const FormSums*> forms(seq.size());
    std::vector<TokenInfo> info(seq.size());
    bool seen_word = false;
    for (std::size_t i = 0; i < seq.size(); ++i) {
        const Token& t = seq[i];
        forms[i] = &cache.of(m, text.substr(t.span.begin, t.span.size()), t);
        TokenInfo& x = info[i];
        const TokenInfo& f = forms[i]->info;
        x.word = f.word;
        x.short_shape = f.short_shape;
        x.casing = f.casing;
        x.dictionary = f.dictionary;
        x.cues = f.cues;
        if (t.has(tok_word) && !t.has(tok_apostrophe) && !seen_word) x.first = seen_word = true;
        if ((groups & ner_document) && letters(x)) x.context = context.lookup(t.key);
    }
    if (groups & ner_gazetteer) {
        std::vector<GazetteerParts> marks(seq.size());
        mark_gazetteer(seq, m.lexicon, marks);
        for (std::size_t i = 0; i < seq.size(); ++i) info[i].gazetteer = marks[i];
    }
    std::vector<std::uint64_t> hashes;
    Emitter e{info, groups, is_headline(info), hashes};
    const std::size_t n = seq.size();
    for (std::size_t i = 0; i < n; ++i) {
        TagSums s = forms[i]->own;
        add_to(s, i >= 1 ? forms[i - 1]->to_next : cache.start_);
        add_to(s, i >= 2 ? forms[i - 2]->to_second_next : cache.second_start_);
        add_to(s, i + 1 < n ? forms[i + 1]->to_previous : cache.end_);
        add_to(s, i + 2 < n ? forms[i + 2]->to_second_previous : cache.second_end_);
        e.emit_positional(i);
        m.add_weights(hashes, s.data());
        hashes.clear();
        std::copy(s.begin(), s.end(), sums.begin() + static_cast<std::ptrdiff_t>(i * T));
    }
    return sums;
}

} // namespace kg::detail
