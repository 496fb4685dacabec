#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Shards: `kgraph extract --shard I/N` then `kgraph merge` gives, byte for byte, what one
# `kgraph build` over the same paths writes — for 1 to 4 shards, with partials merged in any
# grouping and argument order, extracted on one thread or two, and after a shard is re-run.
# Bad partials are refused with the file and line; partials of other inputs are refused.
set -u
. "$(dirname "$0")/lib.sh"
kgraph_env
cd "$KG_SOURCE_DIR" || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
formats=graphml,jsonld,dot,gexf,neo4j,ttl,mermaid
# A corpus with a duplicate across shards: the same article under two names.
mkdir -p "$tmp/in"
cp -r samples "$tmp/in/"
cp samples/en-01-putin-kim-sign-defence-pact.txt "$tmp/in/zz-copy.txt"
cd "$tmp/in" || exit 1
"$KG_BIN" build -q -f "$formats" -o "$tmp/build" samples zz-copy.txt 2>/dev/null || fail "build failed"
same() { diff -r "$tmp/build" "$1" >/dev/null || { diff -rq "$tmp/build" "$1"; fail "$2 differs from kgraph build"; }; }

for n in 1 2 3 4; do
    parts=()
    for ((i = 0; i < n; i++)); do
        "$KG_BIN" extract -q -j $((i % 2 + 1)) --shard "$i/$n" -o "$tmp/p$n-$i.kgp" samples zz-copy.txt 2>/dev/null ||
            fail "extract --shard $i/$n failed"
        parts+=("$tmp/p$n-$i.kgp")
    done
    "$KG_BIN" merge -q -f "$formats" -o "$tmp/m$n" "${parts[@]}" 2>/dev/null || fail "merge of $n shards failed"
    same "$tmp/m$n" "merge of $n shards"
    # Reversed argument order.
    reversed=()
    for ((i = n - 1; i >= 0; i--)); do reversed+=("${parts[$i]}"); done
    "$KG_BIN" merge -q -f "$formats" -o "$tmp/r$n" "${reversed[@]}" 2>/dev/null || fail "merge of $n shards, reversed, failed"
    same "$tmp/r$n" "merge of $n shards in reverse order"
done
echo "ok: 1 to 4 shards merge to the bytes of kgraph build"

# Groupings of four: ((0 1) (2 3)), (0 (1 (2 3))), ((3 1) 0 2); partials of partials.
p=("$tmp/p4-0.kgp" "$tmp/p4-1.kgp" "$tmp/p4-2.kgp" "$tmp/p4-3.kgp")
m() { "$KG_BIN" merge -q --partial -o "$@" 2>/dev/null || fail "merge --partial -o $1 failed"; }
m "$tmp/a01.kgp" "${p[0]}" "${p[1]}"
m "$tmp/a23.kgp" "${p[2]}" "${p[3]}"
m "$tmp/a.kgp" "$tmp/a01.kgp" "$tmp/a23.kgp"
m "$tmp/b123.kgp" "${p[1]}" "$tmp/a23.kgp"
m "$tmp/b.kgp" "${p[0]}" "$tmp/b123.kgp"
m "$tmp/c31.kgp" "${p[3]}" "${p[1]}"
m "$tmp/c.kgp" "$tmp/c31.kgp" "${p[0]}" "${p[2]}"
cmp -s "$tmp/a.kgp" "$tmp/b.kgp" && cmp -s "$tmp/a.kgp" "$tmp/c.kgp" || fail "groupings of the same partials differ"
"$KG_BIN" merge -q -f "$formats" -o "$tmp/grouped" "$tmp/a.kgp" 2>/dev/null || fail "merge of a merged partial failed"
same "$tmp/grouped" "merge of grouped partials"
echo "ok: any grouping of the partials merges to the same partial and the same outputs"

# A shard killed half-way leaves no partial behind; its re-run gives the same bytes.
"$KG_BIN" extract -q --shard 1/4 -o "$tmp/again.kgp" samples zz-copy.txt 2>/dev/null || fail "re-run of shard 1/4 failed"
cmp -s "$tmp/again.kgp" "${p[1]}" || fail "a re-run shard wrote other bytes"
"$KG_BIN" extract -q --shard 2/4 -o "$tmp/killed.kgp" samples zz-copy.txt 2>/dev/null &
pid=$!
sleep 0.05; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
if [ -e "$tmp/killed.kgp" ]; then cmp -s "$tmp/killed.kgp" "${p[2]}" || fail "a killed shard left a partial file"; fi
ls "$tmp"/killed.kgp.tmp-* >/dev/null 2>&1 && echo "note: a killed shard leaves its temporary file (never the partial)"
echo "ok: a re-run shard writes the same partial"

# Refusals: each names the file (and the line), exit status 2, nothing published.
refuse() { # refuse WHAT PATTERN ARGS...
    local what=$1 pattern=$2; shift 2
    out=$("$KG_BIN" "$@" 2>&1); status=$?
    [ $status -eq 2 ] || fail "$what: exit status $status, expected 2"
    grep -qE "$pattern" <<<"$out" || fail "$what: no \"$pattern\" in: $out"
}
head -c 300 "${p[0]}" >"$tmp/cut.kgp"
refuse "a cut partial" "cut.kgp:2: not JSON.*partial-format" merge -q -o "$tmp/x" "$tmp/cut.kgp"
{ head -n 1 "${p[0]}"; echo '{"order": 0}'; } >"$tmp/bad.kgp"
refuse "a document line without its fields" "bad.kgp:2: missing \"info\"" merge -q -o "$tmp/x" "$tmp/bad.kgp"
echo '{"hello": 1}' >"$tmp/other.kgp"
refuse "a JSON file that is no partial" "other.kgp:1: not a kgraph partial graph" merge -q -o "$tmp/x" "$tmp/other.kgp"
"$KG_BIN" extract -q --shard 0/2 -o "$tmp/fewer.kgp" samples 2>/dev/null || fail "extract of fewer inputs failed"
refuse "partials of two listings" "fewer.kgp.*other inputs" merge -q -o "$tmp/x" "${p[0]}" "$tmp/fewer.kgp"
refuse "one shard given twice" "also in" merge -q -o "$tmp/x" "${p[0]}" "${p[0]}"
refuse "extract without -o" "needs -o FILE" extract --shard 0/2 samples
refuse "a shard out of range" "I from 0 to N-1" extract --shard 2/2 -o "$tmp/x.kgp" samples
[ ! -e "$tmp/x" ] && [ ! -e "$tmp/x.kgp" ] || fail "a refused run wrote output"
echo "ok: bad partials and bad shards are refused, naming the file and line"
