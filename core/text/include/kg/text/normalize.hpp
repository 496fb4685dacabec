// SPDX-License-Identifier: Apache-2.0
#pragma once
// Matching keys. A key is NFKC + full case folding with typographic apostrophes (’ ‘ ` ´ ʼ)
// unified to ' and hyphen/dash variants (‐ ‑ ‒ – — ―) unified to -. Keys are for lookups
// only: offsets always refer to the original text.
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// The matching key of one piece of valid UTF-8 text.
std::string match_key(std::string_view text);

/// The key of a multi-word phrase: each word keyed, hyphens treated as spaces, runs of
/// spaces collapsed: "Kim Jong-un" and "kim  jong un" give the same key.
std::string phrase_key(std::string_view text);

/// Split a phrase into word keys (the tokens `phrase_key` would join with spaces).
std::vector<std::string> phrase_words(std::string_view text);

/// ASCII slug of a name for ids: Latin transliteration, lower case, '_' between words,
/// e.g. "Šojgu" -> "sojgu", "Kim Il-Sung Square" -> "kim_il_sung_square". A slug over 80
/// bytes is cut to 64 and completed with '_' and 12 hex digits of its SHA-256.
std::string slugify(std::string_view text);

} // namespace kg
