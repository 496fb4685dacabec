#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# External readers check what `kgraph build` writes as JSON-LD: jsonld.js (tests/js, npm
# package jsonld: expand in safe mode, so any dropped term fails, then toRDF) and rdflib
# (tests/external/check_jsonld.py) read graph.jsonld for samples/. The numbers of entities,
# relation nodes and mentions must equal the GraphML of the same run (nodes, edges, evidence
# entries), both readers must see the same number of triples, North Korea must be
# http://www.wikidata.org/entity/Q423 with relations and evidence, and every quoted sentence
# must be the bytes its offsets point at in the sample file. The golden file of the unit
# tests (tests/data/golden/small.jsonld) goes through both readers too, and a second build
# with 2 threads must give the same bytes.
#
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR, KG_PYTHON.
# When tests/js/node_modules is missing, `npm ci` installs it (scripts/setup does this too).
# Exit 77 (skipped) when node, npm, the npm packages or rdflib are missing, unless CI is set:
# in CI a missing tool is a failure, so the check cannot silently stop running.
set -u

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# triples OUTPUT: the number before " triples" in a checker's summary line.
triples() { sed -nE 's/.*: ([0-9]+) triples,.*/\1/p' <<<"$1"; }

[ -n "${KG_BIN:-}" ] || fail "KG_BIN must name the kgraph binary"
[ -n "${KG_SOURCE_DIR:-}" ] || fail "KG_SOURCE_DIR must name the source tree"
[ -x "$KG_BIN" ] || fail "KG_BIN=$KG_BIN is not an executable"
python="${KG_PYTHON:-/usr/bin/python3}"
checker="$KG_SOURCE_DIR/tests/external/check_jsonld.py"
js="$KG_SOURCE_DIR/tests/js"
north_korea="http://www.wikidata.org/entity/Q423"

command -v node >/dev/null 2>&1 || skip "node is not installed (Debian: nodejs)"
command -v "$python" >/dev/null 2>&1 || skip "no python at $python"
"$python" -c 'import rdflib' >/dev/null 2>&1 || skip "$python cannot import rdflib (Debian: python3-rdflib)"
if [ ! -d "$js/node_modules/jsonld" ]; then
    command -v npm >/dev/null 2>&1 || skip "npm is not installed (Debian: npm) and $js/node_modules is missing"
    echo "+ (cd $js && npm ci --no-audit --no-fund)"
    (cd "$js" && npm ci --no-audit --no-fund) || skip "npm ci in $js failed (no network?)"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kg-jsonld.XXXXXX")" || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT

# Evidence records document paths as given on the command line: build from the source tree
# with a relative path so the checker can open the same files from the same directory.
cd "$KG_SOURCE_DIR" || fail "cannot cd to $KG_SOURCE_DIR"
[ -d samples ] || fail "no samples/ directory in $KG_SOURCE_DIR"

run "$KG_BIN" build -q -o "$tmp/out" --formats graphml,jsonld samples
[ -s "$tmp/out/graph.jsonld" ] || fail "$tmp/out/graph.jsonld was not written"
[ -s "$tmp/out/graph.graphml" ] || fail "$tmp/out/graph.graphml was not written"

expected="$("$python" "$checker" --print-expected "$tmp/out/graph.graphml")" || fail "cannot count the GraphML"
echo "expected from the GraphML: $expected"
# shellcheck disable=SC2086 # $expected is a list of options
js_out="$(node "$js/check_jsonld.mjs" "$tmp/out/graph.jsonld" $expected --require-entity "$north_korea")" ||
    fail "jsonld.js rejects graph.jsonld"
echo "$js_out"
py_out="$("$python" "$checker" "$tmp/out/graph.jsonld" --graphml "$tmp/out/graph.graphml" \
    --require-entity "$north_korea" --require-documents)" || fail "rdflib rejects graph.jsonld"
echo "$py_out"
[ -n "$(triples "$js_out")" ] && [ "$(triples "$js_out")" = "$(triples "$py_out")" ] ||
    fail "jsonld.js and rdflib see different numbers of triples"

# The golden file of the unit tests: 5 entities, 5 relations, 6 mentions, 2 articles.
run node "$js/check_jsonld.mjs" tests/data/golden/small.jsonld --entities 5 --relations 5 --mentions 6 \
    --articles 2 --require-entity "$north_korea"
run "$python" "$checker" tests/data/golden/small.jsonld --require-entity "$north_korea"

# Deterministic: the same input gives the same bytes, whatever the thread count.
run "$KG_BIN" build -q -j 2 -o "$tmp/again" --formats jsonld samples
cmp -s "$tmp/out/graph.jsonld" "$tmp/again/graph.jsonld" || fail "a second build (-j 2) wrote different JSON-LD"

# --base-iri: minted IRIs move under it; Wikidata IRIs stay; a relative IRI is bad usage.
run "$KG_BIN" build -q -o "$tmp/based" --formats jsonld --base-iri https://example.org/news-kg/ samples
grep -q '"@id":"https://example.org/news-kg/relation/' "$tmp/based/graph.jsonld" || fail "--base-iri is not used"
grep -q '"@id":"https://w3id.org/kgraph/id/' "$tmp/based/graph.jsonld" && fail "--base-iri left IRIs under the default base"
grep -q "\"@id\":\"$north_korea\"" "$tmp/based/graph.jsonld" || fail "--base-iri changed the Wikidata IRI"
"$KG_BIN" build -q -o "$tmp/bad" --formats jsonld --base-iri not-an-iri samples 2>/dev/null
[ $? -eq 2 ] || fail "--base-iri not-an-iri is not refused with exit status 2"

# Compact by default (no indentation, one line per node); --pretty indents the same content.
grep -q '^ ' "$tmp/out/graph.jsonld" && fail "the default JSON-LD is indented"
[ "$(grep -c '^{"@id":' "$tmp/out/graph.jsonld")" -gt 10 ] || fail "the default JSON-LD does not put each node on a line of its own"
run "$KG_BIN" build -q -o "$tmp/pretty" --formats jsonld --pretty samples
grep -q '^  "@context": {' "$tmp/pretty/graph.jsonld" || fail "--pretty does not indent"
"$python" -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
    "$tmp/out/graph.jsonld" "$tmp/pretty/graph.jsonld" || fail "--pretty changes the JSON-LD's content"

echo "PASS: JSON-LD from samples/ is read by jsonld.js (safe mode) and rdflib, and matches the GraphML"
