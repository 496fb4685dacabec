#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# External readers check what `kgraph build` writes as DOT, SVG, PNG and PDF:
#   - Graphviz's own `dot -Tcanon` parses graph.dot, and canon of canon is a fixpoint;
#   - gvpr (Graphviz's graph processor) lists nodes and edges: ids are the entity ids, the
#     legend's nodes are all named legend:*, every drawn entity has a drawn relation;
#   - xmllint (libxml2) finds the SVG well-formed, and its node titles are the DOT's nodes;
#   - PNG and PDF start with their magic bytes and are not trivially small;
#   - two runs give byte-identical files (PDF included: its CreationDate is pinned);
#   - the ego view --focus "Vladimir Putin" --depth 1 holds Putin and only entities one
#     relation away, and a focus that matches nothing is a usage error (exit 2);
#   - --relations all draws co-occurrence edges, --label-lang it draws Italian labels,
#     --layout sfdp renders;
#   - --max-nodes N draws the N most connected entities and says how many there were.
#
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR.
# Exit 77 (skipped) when a Graphviz tool or xmllint is missing, unless CI is set.
set -u

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

[ -n "${KG_BIN:-}" ] || fail "KG_BIN must name the kgraph binary"
[ -n "${KG_SOURCE_DIR:-}" ] || fail "KG_SOURCE_DIR must name the source tree"
[ -x "$KG_BIN" ] || fail "KG_BIN=$KG_BIN is not an executable"
for tool in dot gvpr xmllint cmp od; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (Debian: graphviz, libxml2-utils)"
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kg-dot.XXXXXX")" || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT
samples="$KG_SOURCE_DIR/samples"
[ -d "$samples" ] || fail "no samples/ directory in $KG_SOURCE_DIR"

# nodes FILE / edges FILE: node names / "tail<TAB>head" lines of a DOT file, via gvpr.
nodes() { gvpr 'N { print($.name) }' "$1"; }
edges() { gvpr 'E { print($.tail.name + "\t" + $.head.name) }' "$1"; }

check_dot() { # check_dot DIR WHAT
    local dir=$1 what=$2
    run dot -Tcanon "$dir/graph.dot" -o "$dir/canon1.dot"
    run dot -Tcanon "$dir/canon1.dot" -o "$dir/canon2.dot"
    cmp -s "$dir/canon1.dot" "$dir/canon2.dot" || fail "$what: dot -Tcanon is not a fixpoint on graph.dot"
    nodes "$dir/graph.dot" | LC_ALL=C sort >"$dir/nodes.txt" || fail "$what: gvpr cannot read graph.dot"
    edges "$dir/graph.dot" >"$dir/edges.txt" || fail "$what: gvpr cannot read graph.dot"
    grep -v '^legend:' "$dir/nodes.txt" >"$dir/entities.txt"
    [ -s "$dir/entities.txt" ] || fail "$what: graph.dot draws no entity"
    grep -q '^legend:' "$dir/nodes.txt" || fail "$what: graph.dot has no legend nodes"
    grep -q 'subgraph cluster_legend' "$dir/graph.dot" || fail "$what: graph.dot has no cluster_legend"
    # Every drawn entity has a drawn relation (isolated entities are left out by default).
    grep -v '^legend:' "$dir/edges.txt" | tr '\t' '\n' | LC_ALL=C sort -u >"$dir/linked.txt"
    cmp -s "$dir/entities.txt" "$dir/linked.txt" || fail "$what: some drawn entities have no drawn relation"
    # The SVG: well-formed XML, one <title> per DOT node.
    run xmllint --noout "$dir/graph.svg"
    xmllint --xpath '//*[local-name()="g"][starts-with(@class,"node")]/*[local-name()="title"]/text()' \
        "$dir/graph.svg" 2>/dev/null | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&#45;/-/g' |
        LC_ALL=C sort >"$dir/svg-nodes.txt"
    cmp -s "$dir/nodes.txt" "$dir/svg-nodes.txt" || {
        diff "$dir/nodes.txt" "$dir/svg-nodes.txt" | head -20 >&2
        fail "$what: the SVG's node titles are not the DOT's node names"
    }
}

check_magic() { # check_magic FILE HEX-PREFIX MIN-BYTES
    local got
    got=$(head -c $((${#2} / 2)) "$1" | od -An -tx1 | tr -d ' \n')
    [ "$got" = "$2" ] || fail "$1 starts with $got, not $2"
    [ "$(wc -c <"$1")" -ge "$3" ] || fail "$1 is smaller than $3 bytes"
}

# 1. The whole sample graph, twice.
for run_no in 1 2; do
    run "$KG_BIN" build -q -o "$tmp/full$run_no" --formats dot,svg,png,pdf "$samples"
done
full="$tmp/full1"
for f in graph.dot graph.svg graph.png graph.pdf; do
    cmp -s "$full/$f" "$tmp/full2/$f" || fail "$f differs between two runs"
done
check_dot "$full" "full graph"
check_magic "$full/graph.png" 89504e470d0a1a0a 20000
check_magic "$full/graph.pdf" 255044462d 5000
grep -q 'layout=dot' "$full/graph.dot" || fail "the sample graph is not laid out with dot"
if grep -q 'mentioned_with' "$full/graph.dot"; then fail "co-occurrence edges drawn by default"; fi
echo "full graph: $(wc -l <"$full/entities.txt") entities, $(grep -vc '^legend:' "$full/edges.txt") relations drawn"

# 2. The ego view of one actor.
ego="$tmp/ego"
run "$KG_BIN" build -q -o "$ego" --formats dot,svg,png,pdf --focus "Vladimir Putin" --depth 1 "$samples"
check_dot "$ego" "ego view"
check_magic "$ego/graph.png" 89504e470d0a1a0a 5000
check_magic "$ego/graph.pdf" 255044462d 2000
grep -q 'label="Vladimir Putin"' "$ego/graph.dot" || fail "ego view: no Vladimir Putin node"
grep -q 'Around Vladimir Putin (depth 1)' "$ego/graph.dot" || fail "ego view: no title"
putin=$(gvpr 'N [$.label == "Vladimir Putin"] { print($.name) }' "$ego/graph.dot" | head -1)
[ -n "$putin" ] || fail "ego view: cannot find Putin's node"
awk -F'\t' -v p="$putin" '$1 == p { print $2 } $2 == p { print $1 }' "$ego/edges.txt" |
    { cat; echo "$putin"; } | LC_ALL=C sort -u >"$ego/neighbourhood.txt"
cmp -s "$ego/entities.txt" "$ego/neighbourhood.txt" || {
    diff "$ego/entities.txt" "$ego/neighbourhood.txt" | head -20 >&2
    fail "ego view: entities other than Putin and his neighbours are drawn"
}
[ "$(wc -l <"$ego/entities.txt")" -lt "$(wc -l <"$full/entities.txt")" ] || fail "ego view is not smaller than the full graph"

# 3. A focus that matches nothing is a usage error naming the focus.
"$KG_BIN" build -q -o "$tmp/none" --formats dot --focus "Nobody Atall" "$samples" 2>"$tmp/none.err"
status=$?
[ $status -eq 2 ] || fail "unknown --focus: exit status $status, expected 2"
grep -qF 'Nobody Atall' "$tmp/none.err" || fail "unknown --focus: message does not name it: $(cat "$tmp/none.err")"

# 4. Options: co-occurrence on request, Italian labels, sfdp, bad values.
run "$KG_BIN" build -q -o "$tmp/all" --formats dot --relations all "$samples"
grep -q 'class="mentioned_with ' "$tmp/all/graph.dot" || fail "--relations all draws no mentioned_with edge"
run "$KG_BIN" build -q -o "$tmp/it" --formats dot,svg --label-lang it "$samples"
grep -q 'label=Persona' "$tmp/it/graph.dot" || fail "--label-lang it: the legend does not say Persona"
run xmllint --noout "$tmp/it/graph.svg"
run "$KG_BIN" build -q -o "$tmp/sfdp" --formats dot,svg --layout sfdp "$samples"
grep -q 'layout=sfdp' "$tmp/sfdp/graph.dot" || fail "--layout sfdp not honoured"
run xmllint --noout "$tmp/sfdp/graph.svg"
run dot -Tcanon "$tmp/sfdp/graph.dot" -o /dev/null
"$KG_BIN" build -q -o "$tmp/bad" --formats dot --layout nonsense "$samples" 2>/dev/null
[ $? -eq 2 ] || fail "--layout nonsense is not a usage error"

# 5. The node budget: --max-nodes 5 draws at most five entities, says so in the legend and
#    on stderr; 0 draws what the default (300, more than the samples have) draws.
"$KG_BIN" build -q -o "$tmp/five" --formats dot,svg --max-nodes 5 "$samples" 2>"$tmp/five.err" ||
    fail "--max-nodes 5: kgraph failed: $(cat "$tmp/five.err")"
check_dot "$tmp/five" "--max-nodes 5"
[ "$(wc -l <"$tmp/five/entities.txt")" -le 5 ] || fail "--max-nodes 5 draws $(wc -l <"$tmp/five/entities.txt") entities"
total=$(wc -l <"$full/entities.txt")
grep -q "of $total entities: the most connected" "$tmp/five/graph.dot" || fail "--max-nodes 5: no legend note of the $total entities"
grep -q "svg: warning: .* of $total entities: the most connected" "$tmp/five.err" || fail "--max-nodes 5: no warning: $(cat "$tmp/five.err")"
run "$KG_BIN" build -q -o "$tmp/zero" --formats dot --max-nodes 0 "$samples"
cmp -s "$tmp/zero/graph.dot" "$full/graph.dot" || fail "--max-nodes 0 does not draw what the default draws on the samples"
if grep -q "the most connected" "$full/graph.dot"; then fail "the samples' diagram says entities were left out"; fi

echo "PASS: DOT, SVG, PNG and PDF read back by dot -Tcanon, gvpr and xmllint"
