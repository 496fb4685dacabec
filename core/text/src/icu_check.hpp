// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one place where ICU status codes become kg::Error.
#include "kg/error.hpp"

#include <unicode/utypes.h>

#include <string>

namespace kg::detail {

inline void icu_check(UErrorCode status, const char* where) {
    if (U_FAILURE(status))
        throw Error(Errc::unicode_error, std::string("ICU failed in ") + where + ": " + u_errorName(status));
}

} // namespace kg::detail
