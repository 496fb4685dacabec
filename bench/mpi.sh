#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Scaling beyond one process, on real news (the corpus of bench/real.sh).
#
#   bench/mpi.sh [COPIES]     (default 100: 16 articles x 100 = 1,600 documents)
#
# Side by side in one run: `kgraph build -j 1` and `mpirun -np K kgraph build -j 1` for
# K = 1, 2, 4 (each the fastest of BENCH_REPEAT runs, default 3; every output byte-identical
# to the single process's), with rank 0's phases; then the cost of merging P partial graphs
# (P = 4, 16, 64, from `kgraph extract --shard I/P`) against the extraction of the whole
# corpus. Writes bench/results-mpi.md and prints it. The machine's core count bounds what K
# can gain: ranks beyond it share cores.
#
# env: KG_BUILD_DIR (default build), BENCH_REAL_SRC, BENCH_REPEAT, BENCH_OUT_MPI
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/real-env.sh "$@"
out_md=${BENCH_OUT_MPI:-bench/results-mpi.md}
command -v mpirun >/dev/null || { echo "bench/mpi.sh: mpirun is missing (package openmpi-bin)" >&2; exit 2; }
"$build/kgraph" --help | grep -q '^distributed:' || { echo "bench/mpi.sh: $build/kgraph was built without MPI" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1

corpus=bench/corpus/real-$copies
work=bench/corpus/_runs/mpi-$copies
if [[ ! -d $corpus ]]; then $py bench/replicate_articles.py "$src" "$copies" "$corpus"; fi
rm -rf "$work" && mkdir -p "$work"
find "$corpus" -type f -print0 | xargs -0 cat >/dev/null
docs=$(find "$corpus" -type f | wc -l)

now() { date +%s.%N; }
# best NAME COMMAND...: the fastest of $repeat runs of COMMAND (which writes $work/try), kept
# as $work/NAME with its stderr; prints the seconds.
best() {
    local name=$1 fastest="" t0 t r
    shift
    for ((r = 1; r <= repeat; r++)); do
        rm -rf "$work/try"
        t0=$(now)
        "$@" 2>"$work/try.err"
        t=$(awk -v a="$(now)" -v b="$t0" 'BEGIN { printf "%.3f", a - b }')
        if [[ -z $fastest ]] || awk -v a="$t" -v b="$fastest" 'BEGIN { exit !(a < b) }'; then
            fastest=$t
            rm -rf "$work/$name" && mv "$work/try" "$work/$name" && mv "$work/try.err" "$work/$name.err"
        fi
    done
    rm -rf "$work/try" "$work/try.err"
    echo "$fastest"
}
timing() { awk -v k="$2" '$1 == "kgraph-timing" && $2 == k { print $3; exit }' "$1"; }

single=$(best single "$build/kgraph" build -q --timings -j 1 -o "$work/try" "$corpus")
extract=$(timing "$work/single.err" extract)
declare -A wall
for k in 1 2 4; do
    wall[$k]=$(best "np$k" mpirun -np "$k" "$build/kgraph" build -q --timings -j 1 -o "$work/try" "$corpus")
    diff -r "$work/single" "$work/np$k" >/dev/null || { echo "bench/mpi.sh: -np $k differs from kgraph build" >&2; exit 1; }
done

# Merging P partial graphs: extraction once per shard, then `kgraph merge --timings`.
declare -A read fold total
for p in 4 16 64; do
    mkdir -p "$work/parts$p"
    for ((i = 0; i < p; i++)); do
        "$build/kgraph" extract -q -j 2 --shard "$i/$p" -o "$work/parts$p/$i.kgp" "$corpus"
    done
    rm -rf "$work/merged$p"
    "$build/kgraph" merge -q --timings -o "$work/merged$p" "$work/parts$p"/*.kgp 2>"$work/merge$p.err"
    diff -r "$work/single" "$work/merged$p" >/dev/null || { echo "bench/mpi.sh: the merge of $p partials differs" >&2; exit 1; }
    read[$p]=$(timing "$work/merge$p.err" read_partials)
    fold[$p]=$(timing "$work/merge$p.err" fold)
    total[$p]=$(timing "$work/merge$p.err" total)
done
partial_mb=$(du -sm "$work/parts64" | cut -f1)

{
    echo "# Distributed build: bench/mpi.sh $copies"
    echo
    echo "Corpus: \`$corpus\`, $docs documents (the dev2 articles x $copies). Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Every output below is byte-identical to \`kgraph build -j 1\`'s."
    echo
    echo "| run | wall (s) | documents/s | speed-up |"
    echo "|---|---:|---:|---:|"
    awk -v t="$single" -v d="$docs" 'BEGIN { printf "| `kgraph build -j 1` | %.2f | %.0f | 1.00 |\n", t, d / t }'
    for k in 1 2 4; do
        awk -v t="${wall[$k]}" -v s="$single" -v d="$docs" -v k="$k" \
            'BEGIN { printf "| `mpirun -np %d kgraph build -j 1` | %.2f | %.0f | %.2f |\n", k, t, d / t, s / t }'
    done
    echo
    echo "Extraction of the whole corpus on one thread (\`--timings\` extract): ${extract} s."
    echo
    echo "| partial graphs merged | read (s) | fold (s) | merge total with export (s) | read + fold / extraction |"
    echo "|---:|---:|---:|---:|---:|"
    for p in 4 16 64; do
        awk -v p="$p" -v r="${read[$p]}" -v f="${fold[$p]}" -v t="${total[$p]}" -v e="$extract" \
            'BEGIN { printf "| %d | %.3f | %.3f | %.3f | %.1f%% |\n", p, r, f, t, 100 * (r + f) / e }'
    done
    echo
    echo "The 64 partial graphs hold ${partial_mb} MB."
} >"$out_md"
cat "$out_md"
