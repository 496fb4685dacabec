#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write plain-text articles (a headline, a blank line, paragraphs separated by blank lines)
in kgraph's other input formats, each article with the same text: a JSON Lines file
(news-please field names), a folder of saved HTML pages (with the navigation, scripts,
"read also" links and footer a real page has around the article) and a folder of Markdown
files with YAML front matter. The metadata (URL, date, outlet, authors) is made up from the
file name and its order, so the same input always gives the same files.

usage: text_to_inputs.py OUT_DIR FILE.txt...   (writes OUT_DIR/corpus.jsonl, OUT_DIR/html/, OUT_DIR/md/)
"""
import html
import json
import os
import sys

OUTLETS = ["Example News", "Daily Example", "Example Wire"]
AUTHORS = [["Ada Rossi"], ["Jane Doe", "John Roe"], ["Marie Dupont"]]


def record(path, k):
    stem = os.path.splitext(os.path.basename(path))[0]
    lang = stem.split("-")[0] if stem[:2] in ("it", "en", "fr", "es", "de") else "en"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    return {
        "url": f"https://news.example.org/{lang}/{stem}",
        "title": blocks[0] if blocks else stem,
        "maintext": text,
        "date_publish": f"2024-06-{10 + k:02d} 08:{k:02d}:00",
        "source_domain": OUTLETS[k % len(OUTLETS)],
        "authors": AUTHORS[k % len(AUTHORS)],
        "language": lang,
        "_blocks": blocks,
        "_stem": stem,
    }


def page(r):
    e = html.escape
    body = "\n".join(f"      <p>{e(b)}</p>" for b in r["_blocks"][1:])
    authors = ", ".join(r["authors"])
    return f"""<!DOCTYPE html>
<html lang="{r['language']}">
<head>
  <meta charset="utf-8">
  <title>{e(r['title'])} | {e(r['source_domain'])}</title>
  <link rel="canonical" href="{r['url']}">
  <meta property="og:title" content="{e(r['title'])}">
  <meta property="og:site_name" content="{e(r['source_domain'])}">
  <meta property="article:published_time" content="{r['date_publish'].replace(' ', 'T')}+02:00">
  <meta name="author" content="{e(authors)}">
  <script>window.dataLayer = [{{"section": "Joe Biden Xi Jinping Kyiv"}}];</script>
  <style>.nav {{ color: red; }}</style>
</head>
<body>
  <header class="site-header">
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/europe">Emmanuel Macron in Paris</a></nav>
  </header>
  <div class="page">
    <aside class="read-also">
      <h3>Read also</h3>
      <ul><li><a href="/a">Joe Biden and Xi Jinping meet in San Francisco</a></li>
          <li><a href="/b">Volodymyr Zelensky visits Washington</a></li></ul>
    </aside>
    <article>
      <h1>{e(r['title'])}</h1>
      <p class="byline">By {e(authors)}</p>
{body}
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
    </article>
    <div class="related-articles">
      <a href="/c">Angela Merkel meets Boris Johnson in Berlin</a>
      <a href="/d">Narendra Modi visits Tokyo</a>
    </div>
  </div>
  <footer><p>© 2024 {e(r['source_domain'])}. Contact: desk@news.example.org. Emmanuel Macron.</p></footer>
  <script>console.log("Angela Merkel");</script>
</body>
</html>
"""


def front_matter(r):
    lines = ["---", f"title: {json.dumps(r['title'], ensure_ascii=False)}", f"url: {r['url']}",
             f"date: {r['date_publish'][:10]}", f"source: {json.dumps(r['source_domain'])}", "authors:"]
    lines += [f"  - {a}" for a in r["authors"]]
    lines += [f"language: {r['language']}", "---", ""]
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, files = argv[1], argv[2:]
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    os.makedirs(os.path.join(out, "md"), exist_ok=True)
    records = [record(p, k) for k, p in enumerate(files)]
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    for r, p in zip(records, files):
        with open(os.path.join(out, "html", r["_stem"] + ".html"), "w", encoding="utf-8") as f:
            f.write(page(r))
        with open(p, encoding="utf-8") as src, open(os.path.join(out, "md", r["_stem"] + ".md"), "w", encoding="utf-8") as f:
            f.write(front_matter(r) + src.read())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
