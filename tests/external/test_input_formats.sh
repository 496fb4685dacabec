#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Articles, not files: the eight sample articles written as JSON Lines, as saved HTML pages
# (navigation, scripts, "read also" and related links, share bar, footer around the article)
# and as Markdown with front matter (tools/text_to_inputs.py) build graphs with the same
# entities and relations as the plain-text samples; every evidence offset of every format
# quotes its text (GraphML through the JSON-LD's articles, and the JSON-LD itself through
# rdflib); the record (URL, title, date, outlet, authors) is in GraphML, JSON-LD and DOT;
# document IRIs and GraphML are the same when the corpus is built from two folders; bad JSON
# Lines records are reported with file and line while the others are built; a duplicate is
# read once; standard input takes JSON Lines; --json-field names other keys.
set -u
. "$(dirname "$0")/lib.sh"

[ -n "${KG_BIN:-}" ] || fail "KG_BIN must name the kgraph binary"
[ -n "${KG_SOURCE_DIR:-}" ] || fail "KG_SOURCE_DIR must name the source tree"
python="${KG_PYTHON:-/usr/bin/python3}"
"$python" -c 'import networkx, igraph, rdflib' >/dev/null 2>&1 ||
    skip "$python cannot import networkx, igraph and rdflib (Debian: python3-networkx python3-igraph python3-rdflib)"
ext="$KG_SOURCE_DIR/tests/external"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kg-inputs.XXXXXX")" || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || fail "cd $tmp"
mkdir txt && cp "$KG_SOURCE_DIR"/samples/*.txt txt/ || fail "cannot copy the samples"
run "$python" "$KG_SOURCE_DIR/tools/text_to_inputs.py" . txt/*.txt
mkdir jsonl && mv corpus.jsonl jsonl/

for f in txt jsonl html md; do
    run "$KG_BIN" build -q -f graphml,jsonld,dot -o "out-$f" "$f"
done

# The same entities and relations whatever the format.
run "$python" "$ext/compare_graphs.py" out-txt/graph.graphml out-jsonl/graph.graphml out-html/graph.graphml out-md/graph.graphml

# Every offset of every format quotes its text.
for f in txt jsonl html md; do
    run "$python" "$ext/check_graphml.py" "out-$f/graph.graphml" --require-documents --jsonld "out-$f/graph.jsonld"
    run "$python" "$ext/check_jsonld.py" "out-$f/graph.jsonld" --graphml "out-$f/graph.graphml" --require-documents
done

# The record in every export: JSON-LD articles, GraphML evidence, DOT tooltips.
"$python" - <<'PY' || fail "the article records are not in every export"
import json, sys, xml.etree.ElementTree as ET
NS = "{http://graphml.graphdrawing.org/xmlns}"
for fmt in ("jsonl", "html", "md"):
    graph = json.load(open(f"out-{fmt}/graph.jsonld", encoding="utf-8"))["@graph"]
    articles = [n for n in graph if n.get("@type") == "NewsArticle"]
    assert len(articles) == 8, (fmt, len(articles))
    for a in articles:
        assert a["@id"] == a["url"] == a["identifier"] and a["url"].startswith("https://news.example.org/"), (fmt, a["@id"])
        assert a["headline"]["@value"] and a["datePublished"]["@value"].startswith("2024-06-"), (fmt, a["@id"])
        assert a["publisher"]["name"] and a["author"] and all(p["name"] for p in a["author"]), (fmt, a["@id"])
        assert a["kg:format"] == fmt.replace("md", "markdown"), (fmt, a["kg:format"])
    relations = [n for n in graph if n.get("@type") and "kg:Relation" in n["@type"]]
    assert all(r.get("kg:reported") for r in relations), fmt
    root = ET.parse(f"out-{fmt}/graph.graphml").getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    for e in root.iter(NS + "edge"):
        d = {keys[x.get("key")]: x.text for x in e.findall(NS + "data")}
        assert d.get("reported"), (fmt, e.get("id"))
        for ev in json.loads(d["evidence"]):
            assert ev["url"].startswith("https://") and ev["title"] and ev["reported"] and ev["outlet"] and ev["authors"], (fmt, ev)
    for n in root.iter(NS + "node"):
        d = {keys[x.get("key")]: x.text for x in n.findall(NS + "data")}
        assert d.get("first_seen") and d.get("last_seen") and d["first_seen"] <= d["last_seen"], (fmt, n.get("id"))
    dot = open(f"out-{fmt}/graph.dot", encoding="utf-8").read()
    assert "https://news.example.org/" in dot and "reported 2024-06-" in dot, fmt
print("records: url, headline, datePublished, publisher, author in JSON-LD; url, title, reported, outlet, authors in GraphML evidence; DOT tooltips")
PY
# Bylines are the record's, not entities.
grep -q '"ada_rossi"\|id="ada_rossi"\|id="john_roe"' out-html/graph.graphml && fail "a byline became an entity"

# The same corpus from two folders, given by absolute paths: the same document IRIs, the
# same GraphML.
mkdir -p a/deep/copy b && cp -r md a/deep/copy/ && cp -r md b/
run "$KG_BIN" build -q -f graphml,jsonld -o out-a "$tmp/a/deep/copy/md"
run "$KG_BIN" build -q -f graphml,jsonld -o out-b "$tmp/b/md"
cmp -s out-a/graph.graphml out-b/graph.graphml || fail "the GraphML depends on the folder the corpus is in"
ids() { "$python" -c 'import json,sys; g=json.load(open(sys.argv[1]))["@graph"]; print("\n".join(sorted(n["@id"] for n in g if n.get("@type")=="NewsArticle")))' "$1"; }
[ "$(ids out-a/graph.jsonld)" = "$(ids out-b/graph.jsonld)" ] || fail "document IRIs differ between two folders"
sed 's/"kg:path":"[^"]*"//' out-a/graph.jsonld >a.jsonld
sed 's/"kg:path":"[^"]*"//' out-b/graph.jsonld >b.jsonld
cmp -s a.jsonld b.jsonld || fail "the JSON-LD differs in more than the source paths"
# Plain text without a URL: the IRI is minted from the text's hash, never from the path.
mkdir -p c/x d/y && cp txt/en-01-*.txt c/x/ && cp txt/en-01-*.txt d/y/
run "$KG_BIN" build -q -f jsonld -o out-c "$tmp/c/x"
run "$KG_BIN" build -q -f jsonld -o out-d "$tmp/d/y"
[ "$(ids out-c/graph.jsonld)" = "$(ids out-d/graph.jsonld)" ] || fail "plain-text document IRIs differ between two folders"
ids out-c/graph.jsonld | grep -q '/document/sha256%3A' || fail "a plain-text document IRI is not minted from its text hash"

# Bad records: reported with file and line; the good ones are built; exit 1.
head -n 2 jsonl/corpus.jsonl >bad.jsonl
{
    echo '{"url": "https://news.example.org/x", "text": "Kim Jong Un met Sergei Shoigu.", "date": "the day before yesterday"}'
    echo '{"url": "https://news.example.org/y", "title": "no text here"}'
    echo '{"url": "https://news.example.org/z", "text": broken'
    echo '["an array, not an article"]'
    echo '{"url": "https://news.example.org/w", "text": 42}'
    sed -n 3p jsonl/corpus.jsonl
} >>bad.jsonl
"$KG_BIN" build -q -f graphml -o out-bad bad.jsonl 2>bad.err
status=$?
cat bad.err
[ "$status" -eq 1 ] || fail "bad records: exit status $status, expected 1"
for want in "bad.jsonl:3: date field \"date\"" "bad.jsonl:4: the record has no text" "bad.jsonl:5:" "bad.jsonl:6: the record is not a JSON object" \
            "bad.jsonl:7: the text field \"text\" is not a string"; do
    grep -qF "$want" bad.err || fail "bad records: no message \"$want\""
done
[ "$(grep -c '\[input-record\]' bad.err)" -eq 5 ] || fail "bad records: expected 5 input-record messages"
for n in 1 2 3; do
    url=$(sed -n "${n}p" jsonl/corpus.jsonl | "$python" -c 'import json,sys; print(json.load(sys.stdin)["url"])')
    grep -qF "\"url\":\"$url\"" out-bad/graph.graphml || fail "bad records: the good record $n was not built"
done

# A duplicate (the same URL, or the same text) is read once and reported; exit 0.
cp jsonl/corpus.jsonl dup.jsonl && head -n 1 jsonl/corpus.jsonl >>dup.jsonl
mkdir dup && printf 'Sergei Lavrov met Choe Son Hui in Wonsan on 12 July 2025.\n' >dup/a.txt && cp dup/a.txt dup/b.txt
"$KG_BIN" build -o out-dup dup.jsonl dup 2>dup.err
status=$?
[ "$status" -eq 0 ] || fail "duplicates: exit status $status, expected 0"
grep -qF "dup.jsonl:9: the same article as dup.jsonl:1 (the same URL)" dup.err || fail "duplicates: the repeated record is not reported"
grep -qF "dup/b.txt: the same article as dup/a.txt (the same text)" dup.err || fail "duplicates: the repeated file is not reported"
grep -qF "9 documents read" dup.err || fail "duplicates: not 9 documents: $(grep 'documents read' dup.err)"

# Standard input takes JSON Lines; --json-field names other keys.
"$KG_BIN" build -q -f graphml -o out-stdin - <jsonl/corpus.jsonl || fail "JSON Lines on standard input"
run "$python" "$ext/compare_graphs.py" out-txt/graph.graphml out-stdin/graph.graphml
sed 's/"maintext":/"article_body":/' jsonl/corpus.jsonl >renamed.jsonl
"$KG_BIN" build -q -f graphml -o out-renamed renamed.jsonl 2>/dev/null && fail "a record without a known text key was built"
run "$KG_BIN" build -q -f graphml -o out-renamed --json-field text=article_body renamed.jsonl
run "$python" "$ext/compare_graphs.py" out-txt/graph.graphml out-renamed/graph.graphml
echo "PASS: input formats"
