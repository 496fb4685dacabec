// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the HTML writer: the report page's fixed parts, compiled in from
// exporters/src/report/ (html_assets.cpp is generated from html_assets.cpp.in by CMake).
#include <string_view>

namespace kg::detail {

extern const std::string_view report_css;  ///< report/report.css
extern const std::string_view report_js;   ///< report/report.js
extern const std::string_view report_body; ///< report/report_body.html; the diagram goes at its "<!-- kg:diagram -->"

} // namespace kg::detail
