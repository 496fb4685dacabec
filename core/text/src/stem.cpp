// SPDX-License-Identifier: Apache-2.0
#include "kg/text/stem.hpp"

#include "thread_state.hpp"

#include <libstemmer.h>

#include <functional>
#include <map>
#include <memory>
#include <unordered_map>

namespace kg {
namespace {

struct StemmerCloser {
    void operator()(sb_stemmer* s) const noexcept { sb_stemmer_delete(s); }
};

const char* snowball_name(const std::string& code) {
    static const std::map<std::string, const char*> names = {
        {"it", "italian"}, {"en", "english"}, {"fr", "french"}, {"es", "spanish"}, {"de", "german"},
        {"pt", "portuguese"}, {"nl", "dutch"}, {"ru", "russian"}, {"sv", "swedish"}, {"da", "danish"},
        {"no", "norwegian"}, {"fi", "finnish"}, {"hu", "hungarian"}, {"ro", "romanian"}, {"tr", "turkish"}};
    auto it = names.find(code);
    return it == names.end() ? nullptr : it->second;
}

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// One Snowball stemmer per thread and language, and the stems it gave: extraction asks for
// the stem of the same word many times per sentence, and news reuses a small vocabulary.
struct ThreadStemmer {
    std::unique_ptr<sb_stemmer, StemmerCloser> stemmer;
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> cache;
};
// Past this many words the cache starts over, so that memory stays bounded on any input.
constexpr std::size_t stem_cache_limit = 1 << 18;

} // namespace

std::string stem_word(std::string_view word, const std::string& language) {
    // sb_stemmer objects are not thread-safe: one per thread and language.
    auto& stemmers = detail::thread_state<std::map<std::string, ThreadStemmer, std::less<>>>();
    auto it = stemmers.find(language);
    if (it == stemmers.end()) {
        const char* name = snowball_name(language);
        ThreadStemmer t;
        t.stemmer.reset(name ? sb_stemmer_new(name, "UTF_8") : nullptr);
        it = stemmers.emplace(language, std::move(t)).first;
    }
    ThreadStemmer& t = it->second;
    if (!t.stemmer) return std::string(word);
    if (auto hit = t.cache.find(word); hit != t.cache.end()) return hit->second;
    const sb_symbol* out = sb_stemmer_stem(t.stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    std::string stem = out ? std::string(reinterpret_cast<const char*>(out),
                                         static_cast<std::size_t>(sb_stemmer_length(t.stemmer.get())))
                           : std::string(word);
    if (t.cache.size() >= stem_cache_limit) t.cache.clear();
    t.cache.emplace(std::string(word), stem);
    return stem;
}

} // namespace kg
