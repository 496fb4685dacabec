// SPDX-License-Identifier: Apache-2.0
#pragma once
// Small checks shared by the exporter tests.
#include "kg/error.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace kg::test {

/// How many times `what` occurs in `text` (without overlaps).
inline std::size_t occurrences(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

/// A matcher for CHECK_THROWS_MATCHES: a kg::Error with `code`.
inline Catch::Matchers::Generic::PredicateMatcher<kg::Error> has_code(kg::Errc code) {
    return Catch::Matchers::Predicate<kg::Error>([code](const kg::Error& e) { return e.code() == code; },
                                                 "has code " + std::to_string(static_cast<int>(code)));
}

} // namespace kg::test
