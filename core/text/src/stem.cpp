// SPDX-License-Identifier: Apache-2.0
#include "kg/text/stem.hpp"

#include <libstemmer.h>

#include <map>
#include <memory>

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

} // namespace

std::string stem_word(std::string_view word, const std::string& language) {
    // sb_stemmer objects are not thread-safe: one per thread and language.
    thread_local std::map<std::string, std::unique_ptr<sb_stemmer, StemmerCloser>> stemmers;
    auto it = stemmers.find(language);
    if (it == stemmers.end()) {
        const char* name = snowball_name(language);
        sb_stemmer* s = name ? sb_stemmer_new(name, "UTF_8") : nullptr;
        it = stemmers.emplace(language, std::unique_ptr<sb_stemmer, StemmerCloser>(s)).first;
    }
    if (!it->second) return std::string(word);
    const sb_symbol* out = sb_stemmer_stem(it->second.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (!out) return std::string(word);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(it->second.get())));
}

} // namespace kg
