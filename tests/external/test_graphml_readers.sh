#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# External readers check what `kgraph build` writes as GraphML: xmllint (libxml2, well-formed
# XML), then tests/external/check_graphml.py (networkx on expat and python-igraph on libxml2
# must agree; schema of keys; evidence offsets checked against the sample files). Both the
# default output (with the Neo4j APOC attributes) and --graphml-plain are checked, and the
# two must differ only by those attributes.
#
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR, KG_PYTHON.
# Optional: KG_MIN_NODES (default 10), KG_MIN_EDGES (default 5).
# Exit 77 (skipped) when xmllint or the python modules are missing, unless CI is set: in CI a
# missing tool is a failure, so the check cannot silently stop running.
set -u

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

[ -n "${KG_BIN:-}" ] || fail "KG_BIN must name the kgraph binary"
[ -n "${KG_SOURCE_DIR:-}" ] || fail "KG_SOURCE_DIR must name the source tree"
[ -x "$KG_BIN" ] || fail "KG_BIN=$KG_BIN is not an executable"
python="${KG_PYTHON:-/usr/bin/python3}"
min_nodes="${KG_MIN_NODES:-10}"
min_edges="${KG_MIN_EDGES:-5}"
checker="$KG_SOURCE_DIR/tests/external/check_graphml.py"

command -v xmllint >/dev/null 2>&1 || skip "xmllint is not installed (Debian: libxml2-utils)"
command -v "$python" >/dev/null 2>&1 || skip "no python at $python"
"$python" -c 'import networkx, igraph' >/dev/null 2>&1 ||
    skip "$python cannot import networkx and igraph (Debian: python3-networkx python3-igraph)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kg-graphml.XXXXXX")" || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT

# Evidence names documents by their stable ids; the JSON-LD of the same run gives each one's
# path as given on the command line: build from the source tree with a relative path so the
# checker can open the same files from the same directory.
cd "$KG_SOURCE_DIR" || fail "cannot cd to $KG_SOURCE_DIR"
[ -d samples ] || fail "no samples/ directory in $KG_SOURCE_DIR"

for variant in apoc plain; do
    out="$tmp/$variant"
    mkdir -p "$out"
    build_flags=()
    check_flags=()
    if [ "$variant" = plain ]; then
        build_flags=(--graphml-plain)
        check_flags=(--plain)
    fi
    run "$KG_BIN" build -q "${build_flags[@]}" -f graphml,jsonld -o "$out" samples
    [ -s "$out/graph.graphml" ] || fail "$variant: $out/graph.graphml was not written"
    run xmllint --noout "$out/graph.graphml"
    run "$python" "$checker" "$out/graph.graphml" --min-nodes "$min_nodes" --min-edges "$min_edges" \
        --require-documents --jsonld "$out/graph.jsonld" "${check_flags[@]}"
done

# Same graph both ways: removing the APOC attributes from the default output gives the plain one.
sed -E '/^ *<(node|edge) /s/ labels?="[^"]*"//' "$tmp/apoc/graph.graphml" > "$tmp/apoc-stripped.graphml"
if ! cmp -s "$tmp/apoc-stripped.graphml" "$tmp/plain/graph.graphml"; then
    diff -u "$tmp/plain/graph.graphml" "$tmp/apoc-stripped.graphml" | head -20
    fail "the default and --graphml-plain outputs differ in more than the APOC attributes"
fi

echo "PASS: GraphML from samples/ is read alike by xmllint, networkx and igraph (default and plain)"
