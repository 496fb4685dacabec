// SPDX-License-Identifier: Apache-2.0
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
    /// Words that join the names of a byline: "and", "with", "avec", "e", "con", "und".
    std::vector<std::string> byline_connectors;
};

/// Stable name of a kind ("byline", "dateline", ...).
const char* to_string(Furniture::Kind kind) noexcept;

/// The furniture of `text` (valid UTF-8), in text order, never overlapping.
std::vector<Furniture> find_furniture(std::string_view text, const FurnitureRules& rules);

/// What the furniture of a segmented document says about the article: the names of its
/// bylines ("By Jane Doe and John Roe" -> "Jane Doe", "John Roe"), and the place and
/// agency of its first dateline ("SEOUL, Jun. 24 (Yonhap) –" -> "SEOUL", "Yonhap").
struct FurnitureFacts {
    std::vector<std::string> authors; ///< in text order, unique
    std::string place;                ///< empty when no dateline names one
    std::string agency;               ///< empty when no dateline names one
};
FurnitureFacts furniture_facts(const Document& doc, const FurnitureRules& rules);

/// A headline for a text with no title in its metadata: its first non-empty line outside
/// `skip`, trimmed, without a byte-order mark or Markdown heading marks ("# "), and not a
/// rule of dashes; at most 300 bytes, cut at a character boundary. Empty if there is none.
std::string first_text_line(std::string_view text, const std::vector<ByteSpan>& skip = {});

} // namespace kg
