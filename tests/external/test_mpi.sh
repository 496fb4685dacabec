#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The distributed build: `mpirun -np N kgraph build` writes, byte for byte, what one
# `kgraph build` over the same paths writes — for 1 to 4 ranks, one or two threads per rank,
# over the samples and a generated corpus, with a bad article and a duplicate inside; so do
# `kgraph extract --shard` and `kgraph merge` over the generated corpus. A rank
# that fails names the documents it held and nothing is published; ranks that list different
# inputs are refused.
set -u
. "$(dirname "$0")/lib.sh"
kgraph_env
cd "$KG_SOURCE_DIR" || exit 1
command -v mpirun >/dev/null || skip "mpirun not installed (Debian: openmpi-bin)"
"$KG_BIN" --help | grep -q "^distributed:" || skip "kgraph was built without MPI (Debian: libopenmpi-dev)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Open MPI refuses root unless told; CI runs as root. Ranks share one machine's cores.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
mpi() { mpirun --oversubscribe -np "$@"; }
formats=graphml,jsonld,dot,gexf,neo4j,ttl,mermaid

# Corpus 1: the samples, one invalid article and a duplicate under another name.
mkdir -p "$tmp/in"
cp -r samples "$tmp/in/"
cp samples/en-01-putin-kim-sign-defence-pact.txt "$tmp/in/zz-copy.txt"
printf 'Kenya \xff\xfe signed.\n' > "$tmp/in/bad.txt"
# Corpus 2: generated articles.
python3 bench/gen_corpus.py 120 --out "$tmp/gen" --seed 7 >/dev/null || fail "gen_corpus.py failed"

check_corpus() { # name, paths...
    local name=$1
    shift
    "$KG_BIN" build -q -f "$formats" -o "$tmp/$name-build" "$@" 2>/dev/null
    local want=$?
    for n in 1 2 3 4; do
        for j in 1 2; do
            [ "$n" -ge 3 ] && [ "$j" = 2 ] && continue # four ranks of two threads on two cores: slow, nothing new
            rm -rf "$tmp/$name-mpi"
            mpi "$n" "$KG_BIN" build -q -j "$j" -f "$formats" -o "$tmp/$name-mpi" "$@" 2>"$tmp/err"
            local got=$?
            [ "$got" = "$want" ] || { cat "$tmp/err"; fail "$name: mpirun -np $n -j $j exited $got, kgraph build $want"; }
            diff -r "$tmp/$name-build" "$tmp/$name-mpi" >/dev/null ||
                { diff -rq "$tmp/$name-build" "$tmp/$name-mpi"; fail "$name: mpirun -np $n -j $j differs from kgraph build"; }
        done
    done
    echo "ok: $name: 1 to 4 ranks write the bytes of kgraph build (exit $want)"
}
(cd "$tmp/in" && check_corpus samples samples zz-copy.txt bad.txt) || exit 1
check_corpus generated "$tmp/gen"

# The shard/merge path over the generated corpus: three shards, merged in reverse order.
for i in 0 1 2; do
    "$KG_BIN" extract -q --shard "$i/3" -o "$tmp/g$i.kgp" "$tmp/gen" 2>/dev/null || fail "extract --shard $i/3 of the generated corpus failed"
done
"$KG_BIN" merge -q -f "$formats" -o "$tmp/gmerged" "$tmp/g2.kgp" "$tmp/g1.kgp" "$tmp/g0.kgp" 2>/dev/null || fail "merge of the generated corpus failed"
diff -r "$tmp/generated-build" "$tmp/gmerged" >/dev/null || fail "generated: extract --shard and merge differ from kgraph build"
echo "ok: generated: three shards merged write the bytes of kgraph build"

# The bad article is reported once, by the rank that read it.
(cd "$tmp/in" && mpi 3 "$KG_BIN" build -q -o "$tmp/b" samples bad.txt 2>"$tmp/err")
[ "$(grep -c 'bad.txt' "$tmp/err")" = 1 ] || { cat "$tmp/err"; fail "the bad article is not reported exactly once"; }
grep -q "rank [0-9]/3: skipped: bad.txt: byte 6: invalid UTF-8" "$tmp/err" || { cat "$tmp/err"; fail "the bad article's report names no rank or position"; }

# A rank that fails mid-run: it names the documents it held, the job stops, the output folder
# keeps what it had.
mkdir -p "$tmp/keep" && echo earlier > "$tmp/keep/earlier.txt"
KG_TEST_FAIL_RANK=1:2 mpi 3 "$KG_BIN" build -q -o "$tmp/keep" "$tmp/gen" >"$tmp/out" 2>&1 && fail "a failed rank did not fail the job"
grep -q "rank 1/3 failed: failure injected by KG_TEST_FAIL_RANK \[distributed\]" "$tmp/out" || { cat "$tmp/out"; fail "no failure report"; }
grep -q "rank 1/3 held [0-9]* document(s):" "$tmp/out" || { cat "$tmp/out"; fail "the failed rank does not say what it held"; }
held=$(grep -c "rank 1/3:   $tmp/gen/" "$tmp/out")
[ "$held" -ge 2 ] || { cat "$tmp/out"; fail "the failed rank listed $held documents, at least 2 expected"; }
[ "$(ls "$tmp/keep")" = earlier.txt ] || { ls -la "$tmp/keep"; fail "a failed distributed build changed the output folder"; }
echo "ok: a failed rank names the $held documents it held; nothing is published"
# Re-run: the same bytes as the single-process build.
rm -rf "$tmp/rerun"
mpi 3 "$KG_BIN" build -q -f "$formats" -o "$tmp/rerun" "$tmp/gen" 2>/dev/null || fail "the re-run failed"
diff -r "$tmp/generated-build" "$tmp/rerun" >/dev/null || fail "the re-run differs from kgraph build"
echo "ok: the re-run after a failure writes the bytes of kgraph build"

# Ranks that list different inputs are refused before any work.
mkdir -p "$tmp/extra" && cp samples/en-01-putin-kim-sign-defence-pact.txt "$tmp/extra/"
mpirun -np 1 "$KG_BIN" build -q -o "$tmp/x" samples : -np 1 "$KG_BIN" build -q -o "$tmp/x" samples "$tmp/extra" \
    >"$tmp/out" 2>&1 && fail "ranks with different listings were not refused"
grep -q "rank 1/2 failed: its listing of the inputs (.*) differs from rank 0's" "$tmp/out" || { cat "$tmp/out"; fail "no listing report"; }
[ -e "$tmp/x" ] && fail "ranks with different listings published an output"
echo "ok: ranks with different listings are refused"
