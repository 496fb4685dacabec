#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The benchmark on real news: the development articles replicated.
#
#   bench/real.sh [COPIES]     (default 100: 16 articles x 100 = 1,600 documents, 6.4 MB)
#
# bench/replicate_articles.py copies every article of BENCH_REAL_SRC (default
# ../shared/eval/dev2/articles: 16 real articles in it/en/fr/es/de) COPIES times, each copy
# its own document. On that corpus, side by side in one run: the ICU floor (read + ICU word
# BreakIterator, best of three), `kgraph build` with the default export formats
# (graphml,jsonld,dot,svg) on one thread and with -j 2, and GraphML only on one thread (each the
# fastest of BENCH_REPEAT runs, default 3), with peak RSS and the -j 1 phase times; the -j 2
# output must be byte-identical to -j 1. Writes bench/results-real.md and prints it.
#
# env: KG_BUILD_DIR (default build), BENCH_REAL_SRC, BENCH_REPEAT, BENCH_OUT_REAL
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/real-env.sh "$@"
out_md=${BENCH_OUT_REAL:-bench/results-real.md}
[[ -d $src ]] || { echo "bench/real.sh: no articles in $src (set BENCH_REAL_SRC)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench/real.sh: /usr/bin/time is missing (package time)" >&2; exit 2; }
if [[ ! -f $build/CMakeCache.txt ]]; then cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null; fi
cmake --build "$build" -j"$(nproc)" --target kgraph kg-icu-floor >/dev/null

corpus=bench/corpus/real-$copies
work=bench/corpus/_runs/real-$copies
if [[ ! -d $corpus ]]; then $py bench/replicate_articles.py "$src" "$copies" "$corpus"; fi
rm -rf "$work" && mkdir -p "$work"
find "$corpus" -type f -print0 | xargs -0 cat >/dev/null
cat /proc/loadavg >"$work/loadavg"
for _ in 1 2 3; do "$build/bench/kg-icu-floor" "$corpus" >>"$work/icu.txt"; done

wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }

# run NAME JOBS FORMATS: the fastest of $repeat builds, kept in $work/NAME{,.time,.err}.
run() {
    local name=$1 jobs=$2 formats=$3 best="" r
    for ((r = 1; r <= repeat; r++)); do
        rm -rf "$work/try"
        /usr/bin/time -v -o "$work/try.time" "$build/kgraph" build -q --timings -j "$jobs" -f "$formats" \
            -o "$work/try" "$corpus" 2>"$work/try.err"
        if [[ -z $best ]] || awk -v a="$(wall_of "$work/try.time")" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$(wall_of "$work/try.time")
            rm -rf "$work/$name"
            mv "$work/try" "$work/$name"
            mv "$work/try.time" "$work/$name.time"
            mv "$work/try.err" "$work/$name.err"
        fi
    done
    rm -rf "$work/try" "$work/try.time" "$work/try.err"
}
run j1 1 graphml,jsonld,dot,svg
run j2 2 graphml,jsonld,dot,svg
run graphml 1 graphml
if cmp -s <(cd "$work/j1" && find . -type f | sort | xargs cat) <(cd "$work/j2" && find . -type f | sort | xargs cat); then
    echo yes >"$work/identical"
else
    echo NO >"$work/identical"
fi

$py - "$work" "$corpus" "$copies" "$out_md" <<'PY'
import os, sys, datetime
work, corpus, copies, out_md = sys.argv[1:5]

def timings(name):
    d = {}
    for line in open(os.path.join(work, name + ".err")):
        p = line.split()
        if len(p) == 3 and p[0] == "kgraph-timing":
            d[p[1]] = float(p[2])
    return d

def gnu(name):
    d = {}
    for line in open(os.path.join(work, name + ".time")):
        line = line.strip()
        if line.startswith("Maximum resident set size"):
            d["rss"] = int(line.split(":")[1]) / 1024
        if line.startswith("Elapsed (wall clock)"):
            v = line.split(": ")[1].split(":")
            s = 0.0
            for x in v:
                s = s * 60 + float(x)
            d["wall"] = s
    return d

# kg-icu-floor prints one line of key=value pairs per run.
icu = [dict(kv.split("=", 1) for kv in l.split()) for l in open(os.path.join(work, "icu.txt")) if l.strip()]
floor = min(float(r["total_s"]) for r in icu)
files, nbytes, words = int(icu[0]["files"]), int(icu[0]["bytes"]), int(icu[0]["words"])
j1, j2, gm = gnu("j1"), gnu("j2"), gnu("graphml")
t = timings("j1")
sizes = {f: os.path.getsize(os.path.join(work, "j1", f)) / 1e6 for f in sorted(os.listdir(os.path.join(work, "j1"))) if f.startswith("graph.")}
load = open(os.path.join(work, "loadavg")).read().split()[0]
identical = open(os.path.join(work, "identical")).read().strip()
rows = [
    "Real news (`bench/real.sh %s`: the %d articles of `%s` ×%s, %.1f MB, %.2f M words), run %s, load average %s at the start:" % (
        copies, files // int(copies), "dev2/articles", copies, nbytes / 1e6, words / 1e6, datetime.date.today().isoformat(), load),
    "",
    "| run | wall | × ICU floor | MB/s | peak RSS |",
    "|---|---:|---:|---:|---:|",
    "| ICU floor (read + word BreakIterator) | %.3f s | 1 | %.0f | |" % (floor, nbytes / 1e6 / floor),
]
for label, d in (("kgraph -j 1, graphml,jsonld,dot,svg", j1), ("kgraph -j 2, graphml,jsonld,dot,svg", j2), ("kgraph -j 1, graphml only", gm)):
    rows.append("| %s | %.2f s | %.0f× | %.2f | %.0f MB |" % (label, d["wall"], d["wall"] / floor, nbytes / 1e6 / d["wall"], d["rss"]))
rows += ["", "-j 2 speed-up %.2f×; -j 2 output byte-identical to -j 1: %s. Outputs: %s." % (
    j1["wall"] / j2["wall"], identical, ", ".join("%s %.1f MB" % (f, m) for f, m in sizes.items())), "",
    "Phases of the -j 1 run (`--timings`, seconds): " + ", ".join(
        "%s %.2f" % (k, t[k]) for k in ("setup", "read", "extract", "merge", "export:graphml", "export:jsonld", "export:dot", "export:svg", "total") if k in t) + "."]
text = "\n".join(rows) + "\n"
open(out_md, "w").write(text)
print(text)
PY
