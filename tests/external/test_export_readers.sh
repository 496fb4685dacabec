#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The exports for Gephi, Neo4j and triple stores, read by the tools users load them with
# (issue #14). The samples are built in every format; each reader must find kgraph's own
# counts (taken from the GraphML of the same run): no edge lost anywhere.
#  - GEXF: xmllint (well-formed), graphology-gexf (tests/js/check_gexf.mjs: parallel edges of
#    different relation types kept, ids, viz values) and NetworkX read_gexf;
#  - Turtle and N-Triples: the same triples as the JSON-LD, for Oxigraph (check_rdf.mjs) and
#    for rdflib; character offsets of every selector;
#  - Neo4j: the CSVs and graph.cypher in Kuzu (check_neo4j.mjs): counts, the analyst's query,
#    the script run twice, and run after the script of a build with one document fewer;
#  - stable edge ids: every edge id of that smaller build is still in the GraphML, GEXF and
#    JSON-LD of the full one.
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR, KG_PYTHON.
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

kgraph_env
command -v xmllint >/dev/null 2>&1 || skip "xmllint is not installed (Debian: libxml2-utils)"
command -v node >/dev/null 2>&1 || skip "node is not installed (Debian: nodejs)"
"$python" -c 'import networkx, rdflib' >/dev/null 2>&1 || skip "$python cannot import networkx and rdflib"
need_node_modules graphology-gexf oxigraph kuzu
scratch exports

formats=graphml,jsonld,gexf,neo4j,ttl,nt
run "$KG_BIN" build -q -o "$tmp/full" --formats "$formats" samples
# The same corpus less its last document: the build before "one more article".
mkdir -p "$tmp/fewer-in"
ls samples/*.txt | head -n -1 | while read -r f; do cp "$f" "$tmp/fewer-in/"; done
(cd "$tmp/fewer-in" && mkdir samples && mv ./*.txt samples/) || fail "cannot stage the smaller corpus"
(cd "$tmp/fewer-in" && run "$KG_BIN" build -q -o "$tmp/fewer" --formats "$formats" samples) || fail "smaller build"

kgraph_counts "$tmp/full/graph.graphml"
echo "kgraph's own counts (GraphML): $entities entities, $relations relations, $mentions evidence sentences"

# GEXF
run xmllint --noout "$tmp/full/graph.gexf"
# Valid against the GEXF 1.3 grammar (tests/data/gexf-1.3/README.md: RELAX NG has no notion of
# xsi: attributes, so they are set aside first, as an XML Schema processor would).
gexf_valid() { # FILE: exit status of the validation
    sed -e 's/ xsi:schemaLocation="[^"]*"//' -e 's| xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"||' "$1" >"$tmp/plain.gexf" &&
        xmllint --noout --relaxng "$KG_SOURCE_DIR/tests/data/gexf-1.3/gexf.rng" "$tmp/plain.gexf" 2>"$tmp/gexf-valid.err"
}
gexf_valid "$tmp/full/graph.gexf" || fail "graph.gexf is not valid GEXF 1.3: $(head -3 "$tmp/gexf-valid.err")"
# ... and the check can fail: an edge without its target, a colour channel over 255.
sed '0,/<edge id=/s/ target="[^"]*"//' "$tmp/full/graph.gexf" >"$tmp/broken-edge.gexf"
! gexf_valid "$tmp/broken-edge.gexf" || fail "an edge without a target passed the GEXF 1.3 grammar"
sed '0,/<viz:color r="[0-9]*"/s/<viz:color r="[0-9]*"/<viz:color r="256"/' "$tmp/full/graph.gexf" >"$tmp/broken-colour.gexf"
! gexf_valid "$tmp/broken-colour.gexf" || fail "a colour channel of 256 passed the GEXF 1.3 grammar"
echo "ok: graph.gexf is valid GEXF 1.3 (RELAX NG); broken copies are refused"
run node "$js/check_gexf.mjs" "$tmp/full/graph.gexf" --nodes "$entities" --edges "$relations"
run "$python" - "$tmp/full/graph.gexf" "$entities" "$relations" <<'PY'
import sys
import networkx as nx
from networkx.readwrite import gexf
# NetworkX 2.8 (Debian 12) knows the GEXF 1.1 and 1.2 drafts only: register 1.3's namespaces.
gexf.GEXF.versions.setdefault("1.3", {
    "NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"})
g = nx.read_gexf(sys.argv[1], version="1.3")
nodes, edges = int(sys.argv[2]), int(sys.argv[3])
assert g.is_multigraph() and g.is_directed(), "not a directed multigraph"
assert g.number_of_nodes() == nodes, f"networkx: {g.number_of_nodes()} nodes, expected {nodes}"
assert g.number_of_edges() == edges, f"networkx: {g.number_of_edges()} edges, expected {edges}"
kinds = {d.get("relation") for _, _, d in g.edges(data=True)}
assert None not in kinds, "an edge without relation"
assert all(k == f"{s}:{d['relation']}:{t}" for s, t, k, d in g.edges(keys=True, data=True)), "edge keys are not the ids"
spells = sum(1 for _, _, d in g.edges(data=True) if d.get("spells"))
print(f"ok: networkx read_gexf: {nodes} nodes, {edges} edges, {len(kinds)} kinds, {spells} edges with spells")
PY

# RDF
run node "$js/check_rdf.mjs" "$tmp/full/graph.jsonld" "$tmp/full/graph.ttl" "$tmp/full/graph.nt" \
    --entities "$entities" --relations "$relations" --mentions "$mentions"
run "$python" - "$tmp/full" <<'PY'
import sys, rdflib
d = sys.argv[1]
graphs = {f: set(rdflib.Graph().parse(f"{d}/graph.{f}", format=fmt))
          for f, fmt in (("jsonld", "json-ld"), ("ttl", "turtle"), ("nt", "nt"))}
assert graphs["ttl"] == graphs["jsonld"], "rdflib: Turtle and JSON-LD differ"
assert graphs["nt"] == graphs["jsonld"], "rdflib: N-Triples and JSON-LD differ"
assert not any(isinstance(t, rdflib.BNode) for tr in graphs["nt"] for t in tr), "a blank node"
print(f"ok: rdflib: {len(graphs['nt'])} triples alike in JSON-LD, Turtle and N-Triples, no blank node")
PY

# Neo4j, in Kuzu
run node "$js/check_neo4j.mjs" "$tmp/full" --entities "$entities" --relations "$relations" --evidence "$mentions" \
    --previous "$tmp/fewer"

# Stable edge ids: every id of the smaller build survives in the full one.
ids() { sed -nE "$2" "$1" | sort -u; }
for spec in "graph.graphml|s/^ *<edge id=\"([^\"]*)\".*/\1/p" "graph.gexf|s/^ *<edge id=\"([^\"]*)\".*/\1/p" \
            "graph.jsonld|s/^\{\"@id\":\"[^\"]*\",\"@type\":[^{]*\"identifier\":\"([^\"]*:[^\"]*)\".*/\1/p"; do
    file="${spec%%|*}"; expr="${spec#*|}"
    before="$(ids "$tmp/fewer/$file" "$expr" | wc -l)"
    lost="$(comm -23 <(ids "$tmp/fewer/$file" "$expr") <(ids "$tmp/full/$file" "$expr") | wc -l)"
    [ "$before" -gt 0 ] || fail "$file: no edge id found"
    [ "$lost" -eq 0 ] || fail "$file: $lost of $before edge ids of the smaller build are gone"
    echo "ok: $file: all $before edge ids of the build with one document fewer are kept"
done

# Deterministic, whatever the thread count.
run "$KG_BIN" build -q -j 2 -o "$tmp/again" --formats "$formats" samples
for f in "$tmp/full"/*; do
    cmp -s "$f" "$tmp/again/$(basename "$f")" || fail "a second build (-j 2) wrote a different $(basename "$f")"
done

echo "PASS: GEXF, Turtle, N-Triples and the Neo4j files of samples/ load with kgraph's counts; edge ids are stable"
