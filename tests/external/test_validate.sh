#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# kgraph validate (issue #16): every export of samples/ that can be validated (GraphML, GEXF,
# JSON-LD, the Neo4j import set) keeps the contract, checked with the articles it was built
# from (every evidence quote is exactly its bytes); deliberately broken copies each fail with
# exit status 1 and a FILE:LINE message that names the problem; bad usage is exit status 2.
set -u
. "$(dirname "$0")/lib.sh"
kgraph_env
cd "$KG_SOURCE_DIR" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$KG_BIN" build -q -f graphml,gexf,jsonld,neo4j -o "$tmp/out" samples || fail "build of samples"
graph=$tmp/out/graph.graphml
"$KG_BIN" validate --documents samples "$graph" "$tmp/out/graph.gexf" "$tmp/out/graph.jsonld" "$tmp/out"/neo4j-*.csv \
    >"$tmp/ok.out" 2>"$tmp/ok.err" || fail "the samples' exports do not validate: $(head -5 "$tmp/ok.out")"
[[ $(grep -c ": valid$" "$tmp/ok.err") -eq 4 ]] || fail "validate did not find the four exports valid: $(cat "$tmp/ok.err")"
echo "ok: the samples' GraphML, GEXF, JSON-LD and Neo4j files are valid, evidence checked against the articles"

# broken COPY-NAME PYTHON-EXPRESSION-ON-s EXPECTED-MESSAGE [SOURCE-FILE]: a copy of SOURCE-FILE
# (default: the GraphML) changed by the expression must fail with a located message.
broken() {
    local source=${4:-$graph}
    local copy=$tmp/$1.${source##*.}
    python3 -c 'import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(eval(sys.argv[3]))' "$source" "$copy" "$2" || fail "cannot make $1"
    cmp -s "$source" "$copy" && fail "$1: the copy is not broken"
    local set=("$copy")
    # A Neo4j file is checked with the rest of its import set.
    [[ $copy == *.csv ]] && set=($(ls "$tmp/out"/neo4j-*.csv | grep -v "/$(basename "$source")$") "$copy")
    "$KG_BIN" validate -q --documents samples "${set[@]}" >"$tmp/$1.out" 2>&1
    local status=$?
    [[ $status -eq 1 ]] || fail "$1: exit status $status, not 1: $(head -3 "$tmp/$1.out")"
    grep -qE "^$tmp/[^:]+:[0-9]+: .*$3" "$tmp/$1.out" || fail "$1: no located message matching '$3': $(head -3 "$tmp/$1.out")"
    echo "ok: $1: $(head -1 "$tmp/$1.out" | sed "s|$tmp/||")"
}
broken shifted-evidence 're.sub(r"\"begin\":(\d+)", lambda m: "\"begin\":%d" % (int(m.group(1)) + 1), s, count=1)' "the quoted text is not bytes"
broken outside-document 're.sub(r"\"end\":(\d+)", "\"end\":99999999", s, count=1)' "lie outside"
broken dangling-edge 're.sub(r"(<edge id=\"[^\"]*\" source=\"[^\"]*\" target=\")[^\"]*", r"\1nowhere", s, count=1)' "target \"nowhere\" is no node"
broken duplicate-node 're.sub(r"<node id=\"[^\"]*\"", "<node id=\"twice\"", s, count=2)' "node id \"twice\" is used twice"
broken unknown-class 's.replace("<data key=\"n_type\">Weapon</data>", "<data key=\"n_type\">Planet</data>", 1)' "class \"Planet\" is not in the ontology"
broken unknown-relation 's.replace("<data key=\"e_type\">signed</data>", "<data key=\"e_type\">loves</data>", 1)' "relation type \"loves\" is not in the ontology"
broken wrong-domain 's.replace("<data key=\"n_type\">Person</data>", "<data key=\"n_type\">Weapon</data>")' "does not take a Weapon as its subject"
broken bad-int 's.replace("<data key=\"n_mentions\">", "<data key=\"n_mentions\">x", 1)' "is not of type int"
broken undeclared-key 's.replace("<data key=\"n_mentions\">", "<data key=\"n_nothing\">", 1)' "undeclared key \"n_nothing\""
broken truncated 's[: len(s) // 2]' "not well-formed XML"
gexf=$tmp/out/graph.gexf jsonld=$tmp/out/graph.jsonld
broken gexf-dangling-edge 're.sub(r"(<edge id=\"[^\"]*\" source=\"[^\"]*\" target=\")[^\"]*", r"\1nowhere", s, count=1)' "target \"nowhere\" is no node" "$gexf"
broken gexf-unknown-class 's.replace("<attvalue for=\"class\" value=\"Weapon\"/>", "<attvalue for=\"class\" value=\"Planet\"/>", 1)' "class \"Planet\" is not in the ontology" "$gexf"
broken gexf-bad-integer 're.sub(r"<attvalue for=\"mentions\" value=\"", "<attvalue for=\"mentions\" value=\"x", s, count=1)' "is not of type integer" "$gexf"
broken gexf-shifted-evidence 're.sub(r"&quot;begin&quot;:(\d+)", lambda m: "&quot;begin&quot;:%d" % (int(m.group(1)) + 1), s, count=1)' "the quoted text is not bytes" "$gexf"
broken jsonld-shifted-evidence 're.sub(r"\"kg:byteStart\":(\d+)", lambda m: "\"kg:byteStart\":%d" % (int(m.group(1)) + 1), s, count=1)' "the quoted text is not bytes" "$jsonld"
broken jsonld-unknown-relation 're.sub(r"\"kg:predicate\":\"kg:signed\"", "\"kg:predicate\":\"kg:loves\"", s, count=1)' "relation type \"loves\" is not in the ontology" "$jsonld"
broken jsonld-dangling-object 're.sub(r"\"kg:object\":\"[^\"]*\"", "\"kg:object\":\"https://example.org/nowhere\"", s, count=1)' "is no node" "$jsonld"
broken jsonld-not-json 's[: len(s) // 2]' "not JSON" "$jsonld"
broken neo4j-dangling-rel 're.sub(r"\n\"[^\"]*\",", "\n\"nowhere\",", s, count=1)' "source \"nowhere\" is no node" "$tmp/out/neo4j-rels-MET.csv"
broken neo4j-duplicate-id 's + s.split("\n")[1] + "\n"' "Entity id \"[^\"]*\" is used twice" "$tmp/out/neo4j-nodes-Actor-Person.csv"
broken neo4j-bad-int 're.sub(r",(\d+),(\d+)\n", r",x\1,\2\n", s, count=1)' "is not of type int" "$tmp/out/neo4j-nodes-Actor-Person.csv"
broken neo4j-misquoted-evidence 're.sub(r",(\d+),(\d+),(\d+),(\d+),\"", lambda m: ",%d,%s,%s,%s,\"" % (int(m.group(1)) + 1, m.group(2), m.group(3), m.group(4)), s, count=1)' "the quoted text is not bytes" "$tmp/out/neo4j-evidence.csv"

"$KG_BIN" validate "$tmp/out/manifest.json" >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "validate of a .json file is not a usage error (exit 2)"
"$KG_BIN" validate "$tmp/out/graph.graphml" --documents samples >/dev/null 2>&1
[[ $? -eq 0 ]] || fail "--documents after the file is not read as an option"
"$KG_BIN" validate >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "validate without files is not a usage error (exit 2)"
"$KG_BIN" validate "$tmp/missing.graphml" >"$tmp/missing.out" 2>&1
[[ $? -eq 1 ]] && grep -q "missing.graphml" "$tmp/missing.out" || fail "a missing file is not a located problem: $(cat "$tmp/missing.out")"
echo "PASS: kgraph validate"
