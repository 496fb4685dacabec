#!/usr/bin/env bash
# The sample GraphML drawn by sigma.js 3 in Debian's Chromium, headless (issue #14): read in the
# page by graphology-graphml, rendered with the README's one-line reducers (the node attribute
# `type` is the entity class, not a sigma program); no console error, and as many nodes and
# edges drawn as kgraph wrote (tests/js/check_sigma.mjs).
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR, KG_PYTHON.
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

[ -n "${KG_BIN:-}" ] && [ -x "$KG_BIN" ] || fail "KG_BIN must name the kgraph binary"
KG_BIN="$(cd "$(dirname "$KG_BIN")" && pwd)/$(basename "$KG_BIN")"
[ -n "${KG_SOURCE_DIR:-}" ] || fail "KG_SOURCE_DIR must name the source tree"
python="${KG_PYTHON:-/usr/bin/python3}"
js="$KG_SOURCE_DIR/tests/js"
command -v node >/dev/null 2>&1 || skip "node is not installed (Debian: nodejs)"
[ -x "${KG_CHROMIUM:-/usr/bin/chromium}" ] || skip "Chromium is not installed (Debian: chromium)"
for m in sigma graphology graphology-graphml playwright-core; do
    [ -d "$js/node_modules/$m" ] || skip "$js/node_modules/$m is missing (scripts/setup runs npm ci there)"
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kg-sigma.XXXXXX")" || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT
cd "$KG_SOURCE_DIR" || fail "cannot cd to $KG_SOURCE_DIR"
run "$KG_BIN" build -q -o "$tmp/out" --formats graphml samples
read -r -a expected <<<"$("$python" tests/external/check_jsonld.py --print-expected "$tmp/out/graph.graphml")"
count() { local i; for ((i = 0; i < ${#expected[@]}; i += 2)); do [ "${expected[i]}" = "--$1" ] && echo "${expected[i + 1]}"; done; }
entities="$(count entities)"; relations="$(count relations)"
[ -n "$entities" ] && [ -n "$relations" ] || fail "no counts from the GraphML: ${expected[*]}"
run node "$js/check_sigma.mjs" "$tmp/out/graph.graphml" --nodes "$entities" --edges "$relations"
echo "PASS: sigma.js 3 draws the sample GraphML in Chromium with kgraph's counts"
