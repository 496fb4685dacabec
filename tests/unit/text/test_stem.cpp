// SPDX-License-Identifier: Apache-2.0
#include "kg/text/stem.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

TEST_CASE("inflections of one verb share a Snowball stem in each language", "[text][stem]") {
    CHECK(kg::stem_word("firmato", "it") == kg::stem_word("firmare", "it"));
    CHECK(kg::stem_word("signed", "en") == kg::stem_word("signing", "en"));
    CHECK(kg::stem_word("signé", "fr") == kg::stem_word("signer", "fr"));
    CHECK(kg::stem_word("firmado", "es") == kg::stem_word("firmar", "es"));
    CHECK(kg::stem_word("unterzeichnen", "de") == kg::stem_word("unterzeichnenden", "de"));
    CHECK(kg::stem_word("firmato", "it") != kg::stem_word("firmato", "xx"));
    CHECK(kg::stem_word("firmato", "xx") == "firmato"); // no stemmer: the key itself
}

TEST_CASE("a stem is the same asked once, asked again, from another thread and after the cache starts over",
          "[text][stem]") {
    const std::vector<std::string> words = {"sanzioni", "sanzionato", "accordi", "fornito", "missili"};
    std::vector<std::string> first;
    for (const auto& w : words) first.push_back(kg::stem_word(w, "it"));
    for (std::size_t i = 0; i < words.size(); ++i) CHECK(kg::stem_word(words[i], "it") == first[i]);
    std::vector<std::string> other(words.size());
    std::thread t([&] {
        for (std::size_t i = 0; i < words.size(); ++i) other[i] = kg::stem_word(words[i], "it");
    });
    t.join();
    CHECK(other == first);
    // More distinct words than the cache holds (2^18): the stems asked before come back unchanged.
    for (int i = 0; i < (1 << 18) + 10; ++i) kg::stem_word("parola" + std::to_string(i), "it");
    for (std::size_t i = 0; i < words.size(); ++i) CHECK(kg::stem_word(words[i], "it") == first[i]);
}
