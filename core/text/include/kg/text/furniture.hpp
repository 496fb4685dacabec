#pragma once
// Page furniture in the text of an article: what a page carries around the story and an
// analyst never means as content — bylines ("By Jane Doe", "WRITTEN BY ANNY BOC", "Por
// Jessie Yeung, CNN"), datelines ("SEOUL, Jun. 24 (Yonhap) –", "AGI - "), photo credits
// ("(GAVRIIL GRIGOROV / AFP)", "©Getty"), web addresses, e-mail addresses and the targets of
// Markdown links and images. Found by shape, with the marker words of a language as data;
// segmentation gives them no tokens, so they name nothing, and offsets stay exact.
#include "kg/text/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// What marks furniture in one language (keys, as phrase_key gives them).
struct FurnitureRules {
    /// Words that open a byline: "by", "written by", "por", "von", "par", "a cura di".
    std::vector<std::string> byline_markers;
};

/// Stable name of a kind ("byline", "dateline", ...).
const char* to_string(Furniture::Kind kind) noexcept;

/// The furniture of `text` (valid UTF-8), in text order, never overlapping.
std::vector<Furniture> find_furniture(std::string_view text, const FurnitureRules& rules);

} // namespace kg
