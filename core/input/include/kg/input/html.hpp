// SPDX-License-Identifier: Apache-2.0
#pragma once
// A saved HTML page as an article: its record from the page's metadata and its text, the
// article body found among the page's blocks. Parsed by libxml2's HTML parser (the only
// place its errors are translated); kgraph's own scoring finds the body.
#include "kg/graph/model.hpp"

#include <string>
#include <string_view>

namespace kg {

/// What a page gives: the article text and what its metadata says.
struct HtmlArticle {
    /// The body as text: the headline (the page's <h1>, else its title) and then each block
    /// of the article (paragraphs, subheadings, list items, quotations) in page order, its
    /// white space collapsed, blocks separated by a blank line. Evidence offsets count in it.
    std::string text;
    /// url (<link rel="canonical">, else og:url), title (og:title, else <title>, else
    /// <h1>), date (article:published_time and the usual date metas, else a <time
    /// datetime> in the body; one that cannot be read is left out), outlet (og:site_name,
    /// publisher), authors (meta author, article:author that is not a link, else the page's
    /// byline block), language (<html lang>). Nothing else is set.
    DocumentInfo record;
};

/// Find the article in `page` (any encoding the page declares; UTF-8 when its bytes are
/// UTF-8). Left out: scripts, styles, navigation, headers and footers outside the article,
/// asides, forms, figures, and blocks whose classes or ids say they are menus, share bars,
/// related or "read also" links, comments or advertising, bylines and datelines (class,
/// id, rel or itemprop "byline", "author", "dateline": their names go to the record), and
/// blocks that are mostly links.
/// The body is the element whose paragraphs hold the most text against the least other
/// text. Throws kg::Error(input_record) when libxml2 cannot read the page or no article text
/// is found, naming `path`.
HtmlArticle extract_html(std::string_view page, const std::string& path);

} // namespace kg
