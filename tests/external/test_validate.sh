#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# kgraph validate (issue #16): the GraphML of samples/ keeps the contract, checked with the
# articles it was built from (every evidence quote is exactly its bytes); deliberately broken
# copies each fail with exit status 1 and a FILE:LINE message that names the problem;
# bad usage is exit status 2.
set -u
. "$(dirname "$0")/lib.sh"
kgraph_env
cd "$KG_SOURCE_DIR" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$KG_BIN" build -q -f graphml -o "$tmp/out" samples || fail "build of samples"
graph=$tmp/out/graph.graphml
"$KG_BIN" validate --documents samples "$graph" >"$tmp/ok.out" 2>"$tmp/ok.err" ||
    fail "the samples' GraphML does not validate: $(head -5 "$tmp/ok.out")"
grep -q "valid" "$tmp/ok.err" || fail "validate did not say the file is valid: $(cat "$tmp/ok.err")"
echo "ok: samples' GraphML is valid, evidence checked against the articles"

# broken COPY-NAME PYTHON-EXPRESSION-ON-s EXPECTED-MESSAGE
broken() {
    python3 -c 'import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(eval(sys.argv[3]))' "$graph" "$tmp/$1.graphml" "$2" || fail "cannot make $1"
    cmp -s "$graph" "$tmp/$1.graphml" && fail "$1: the copy is not broken"
    "$KG_BIN" validate -q --documents samples "$tmp/$1.graphml" >"$tmp/$1.out" 2>&1
    local status=$?
    [[ $status -eq 1 ]] || fail "$1: exit status $status, not 1: $(head -3 "$tmp/$1.out")"
    grep -qE "^$tmp/$1.graphml:[0-9]+: .*$3" "$tmp/$1.out" || fail "$1: no located message matching '$3': $(head -3 "$tmp/$1.out")"
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

"$KG_BIN" validate "$tmp/out/manifest.json" >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "validate of a .json file is not a usage error (exit 2)"
"$KG_BIN" validate >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "validate without files is not a usage error (exit 2)"
"$KG_BIN" validate "$tmp/missing.graphml" >"$tmp/missing.out" 2>&1
[[ $? -eq 1 ]] && grep -q "missing.graphml" "$tmp/missing.out" || fail "a missing file is not a located problem: $(cat "$tmp/missing.out")"
echo "PASS: kgraph validate"
