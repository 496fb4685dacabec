#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Mermaid (issue #15): `--formats mermaid` writes graph.mmd, a `graph LR` flowchart that
# @mermaid-js/mermaid-cli renders in Debian's Chromium (tests/js/puppeteer-chromium.json:
# never a browser of puppeteer's own) into an SVG with one node per entity and one link per
# relation of the view; the view is the DOT diagram's (same filters: the default, and a focus
# view), compared through `dot -Tplain`; the output is byte-identical across runs.
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR, KG_PYTHON.
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

kgraph_env
need_chromium
command -v dot >/dev/null 2>&1 || skip "dot is not installed (Debian: graphviz)"
need_node_modules @mermaid-js/mermaid-cli
scratch mermaid

# check NAME [kgraph options...]: the Mermaid and the DOT of one view agree, and mmdc draws it.
check() {
    local name="$1"; shift
    run "$KG_BIN" build -q -o "$tmp/$name" --formats mermaid,dot "$@" samples/
    local mmd="$tmp/$name/graph.mmd"
    head -2 "$mmd" | tail -1 | grep -qx 'graph LR' || fail "$name: no 'graph LR' block: $(head -2 "$mmd")"
    read -r nodes links <<<"$(grep -c '^  e_[^ ]*\["' "$mmd") $(grep -c '^  e_[^ ]* \(-->\|---\|-\.->\|-\.-\)|' "$mmd")"
    read -r dot_nodes dot_edges <<<"$(dot -Tplain "$tmp/$name/graph.dot" | awk '
        $1 == "node" && $2 !~ /^"?legend:/ { n++ } $1 == "edge" { e++ } END { print n + 0, e + 0 }')"
    [ "$nodes" = "$dot_nodes" ] && [ "$links" = "$dot_edges" ] ||
        fail "$name: Mermaid has $nodes nodes and $links links, the DOT $dot_nodes and $dot_edges"
    run "$js/node_modules/.bin/mmdc" --quiet -p "$js/puppeteer-chromium.json" -i "$mmd" -o "$tmp/$name/graph.mermaid.svg"
    local svg="$tmp/$name/graph.mermaid.svg"
    [ -s "$svg" ] || fail "$name: mmdc wrote nothing"
    if grep -qi 'syntax error\|Parse error' "$svg"; then fail "$name: Mermaid drew an error"; fi
    local drawn_nodes drawn_links
    drawn_nodes="$(grep -o '<g class="node [^"]*"' "$svg" | wc -l)"
    drawn_links="$(grep -o 'class="[^"]*flowchart-link[^"]*"' "$svg" | wc -l)"
    [ "$drawn_nodes" = "$nodes" ] && [ "$drawn_links" = "$links" ] ||
        fail "$name: mmdc drew $drawn_nodes nodes and $drawn_links links of $nodes and $links"
    echo "ok: $name: $nodes nodes and $links links, as in the DOT, drawn by mermaid-cli"
}
check default
check focus --focus "Kim Jong Un" --depth 1 --label-lang it

run "$KG_BIN" build -q -o "$tmp/again" --formats mermaid samples/
cmp -s "$tmp/default/graph.mmd" "$tmp/again/graph.mmd" || fail "a second run wrote a different graph.mmd"
echo "PASS: graph.mmd follows the DOT view and renders with mermaid-cli in Chromium"
