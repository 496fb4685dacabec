// SPDX-License-Identifier: Apache-2.0
// kg/input/html.hpp: the article body and its record from a saved page.
#include "kg/input/html.hpp"

#include "kg/error.hpp"

#include <catch2/catch.hpp>

namespace {

const char* const page = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8"><title>Treaty signed | Example News</title>
<link rel="canonical" href="https://example.org/world/treaty">
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Putin and Kim sign a treaty">
<meta property="article:published_time" content="2024-06-19T10:00:00+09:00">
<meta name="author" content="Jane Doe">
<script>var x = "Joe Biden";</script><style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World news from Kyiv</a></nav></header>
<div class="layout">
 <div class="sidebar"><p>Most read: Xi Jinping visits Paris and meets Emmanuel Macron at length.</p></div>
 <main><article>
  <h1>Putin and Kim sign a treaty</h1>
  <p class="byline">By Jane Doe</p>
  <p>Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a treaty in Pyongyang on Wednesday.</p>
  <figure><img src="a.jpg"><figcaption>Photo: Someone / Agency</figcaption></figure>
  <p>The pact commits each country to help the other <b>if it is attacked</b>, the two leaders said.</p>
  <ul class="read-also"><li><a href="/x">Read also: Biden meets Zelensky</a></li></ul>
  <p><a href="/1">Moscow</a> <a href="/2">Pyongyang</a> <a href="/3">Seoul</a> <a href="/4">Tokyo</a></p>
 </article></main>
</div>
<footer><p>&copy; 2024 Example News. All rights reserved, Washington.</p></footer>
</body></html>)";

} // namespace

TEST_CASE("html: the article body, headline first, without the page around it", "[input][html]") {
    const kg::HtmlArticle a = kg::extract_html(page, "page.html");
    CHECK(a.text == "Putin and Kim sign a treaty\n\n"
                    "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a treaty in Pyongyang on Wednesday.\n\n"
                    "The pact commits each country to help the other if it is attacked, the two leaders said.");
    for (const char* gone : {"Biden", "Kyiv", "Xi Jinping", "Photo", "Zelensky", "Washington", "Home", "By Jane", "Seoul", "color"}) {
        INFO(gone);
        CHECK(a.text.find(gone) == std::string::npos);
    }
}

TEST_CASE("html: the record from the page's metadata", "[input][html]") {
    const kg::HtmlArticle a = kg::extract_html(page, "page.html");
    CHECK(a.record.url == "https://example.org/world/treaty");
    CHECK(a.record.title == "Putin and Kim sign a treaty");
    CHECK(a.record.date == "2024-06-19");
    CHECK(a.record.outlet == "Example News");
    CHECK(a.record.authors == std::vector<std::string>{"Jane Doe"});
    CHECK(a.record.language == "en");
}

TEST_CASE("html: a page without an article element, a byline block, a declared encoding", "[input][html]") {
    const std::string latin1 = "<html><head><meta charset=\"iso-8859-1\"><title>Citt\xE0</title></head><body>"
                               "<div id=\"menu\"><a href=\"/\">Home</a> <a href=\"/a\">Sport</a></div>"
                               "<div class=\"story\"><h2>La visita</h2><span class=\"author\">di Anna Bianchi</span>"
                               "<p>Il ministro Lavrov \xE8 arrivato a Wonsan, dove ha incontrato Kim Jong Un per due giorni di colloqui.</p>"
                               "<p>La visita \xE8 la terza in un anno, secondo la televisione di Stato nordcoreana KCTV.</p></div>"
                               "<div class=\"comments\"><p>Un commento lungo di un lettore che parla di Roma e di Parigi insieme.</p></div>"
                               "<p><time datetime=\"2025-07-12\">12 luglio</time></p></body></html>";
    const kg::HtmlArticle a = kg::extract_html(latin1, "p.html");
    CHECK(a.text.starts_with("Citt\xC3\xA0\n\nLa visita\n\nIl ministro Lavrov \xC3\xA8 arrivato a Wonsan"));
    CHECK(a.text.find("commento") == std::string::npos);
    CHECK(a.text.find("Home") == std::string::npos);
    CHECK(a.text.find("Anna") == std::string::npos);
    CHECK(a.record.authors == std::vector<std::string>{"Anna Bianchi"});
    CHECK(a.record.date == "2025-07-12");
    CHECK(a.record.url.empty());
}

TEST_CASE("html: no article text, NUL bytes", "[input][html]") {
    for (const std::string& bad : {std::string("<html><body><nav><a href=\"/\">Home</a></nav></body></html>"), std::string(""),
                                   std::string("<html><body><p>Text\0more</p></body></html>", 40)}) {
        try {
            kg::extract_html(bad, "bad.html");
            FAIL("accepted");
        } catch (const kg::Error& e) {
            CHECK((e.code() == kg::Errc::input_record || e.code() == kg::Errc::binary_input));
            CHECK(e.file() == "bad.html");
        }
    }
}

TEST_CASE("html: text written straight into containers, without paragraphs", "[input][html]") {
    const std::string page = "<html><body><div class=\"menu\"><a href=\"/\">Home</a></div>"
                             "<div id=\"story\">Sergei Lavrov arrived in Wonsan on Friday for talks with Choe Son Hui.<br>"
                             "The two ministers discussed the <b>treaty</b> signed in Pyongyang a year earlier.</div>"
                             "</body></html>";
    const kg::HtmlArticle a = kg::extract_html(page, "p.html");
    CHECK(a.text == "Sergei Lavrov arrived in Wonsan on Friday for talks with Choe Son Hui. "
                    "The two ministers discussed the treaty signed in Pyongyang a year earlier.");
}
