// SPDX-License-Identifier: Apache-2.0
#pragma once
// Snowball stemming (libstemmer) of matching keys, so that one trigger word in the
// ontology covers its inflections: "firmare", "firmato" and "firmeranno" share a stem.
#include <string>
#include <string_view>

namespace kg {

/// The Snowball stem of one word key in a language (ISO 639-1 code); the key itself when
/// there is no stemmer for the language. Thread-safe (one stemmer per thread).
std::string stem_word(std::string_view key, const std::string& language);

} // namespace kg
