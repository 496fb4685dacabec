#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build the libFuzzer targets into build-fuzz/ (clang, ASan + UBSan) and run each for a
# bounded time, starting from seed corpora made of samples/, tests/data and ontology/.
#
#   fuzz/run.sh [SECONDS]      seconds per target (default: $FUZZ_SECONDS or 60)
#
# env: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_TARGETS (default: all six).
# The working corpus grows in build-fuzz/corpus/TARGET across runs; a crash leaves its input
# in build-fuzz/artifacts/TARGET/ and makes the script fail, naming the reproducer:
#   build-fuzz/fuzz/fuzz_TARGET build-fuzz/artifacts/TARGET/crash-...
# Needs clang and libclang-rt-14-dev (scripts/install-deps installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-${FUZZ_SECONDS:-60}}
build=${FUZZ_BUILD_DIR:-build-fuzz}
targets=(${FUZZ_TARGETS:-text ontology graphml jsonld dot input})

command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (scripts/install-deps installs it)" >&2; exit 2; }
if [[ ! -f $build/CMakeCache.txt ]]; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -DKG_FUZZ=ON -DKG_BUILD_TESTS=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

# Seeds: each file gets the selector byte its target reads first.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{text,ontology,graphml,jsonld,dot,input}
seed() { # DIR SELECTOR-BYTE FILE
    local out="$1/$(basename "$(dirname "$3")")-$(basename "$3")"
    { printf "\\x$(printf '%02x' "$2")"; cat "$3"; } >"$out"
}
i=0
for f in samples/*.txt tests/data/golden/*.txt; do
    [[ -f $f ]] || continue
    seed "$seeds/text" $((i % 6)) "$f"
    i=$((i + 1))
    for t in graphml jsonld dot; do cp "$f" "$seeds/$t/$(basename "$f")"; done
done
# Real news (the annotated corpora beside the project, rebuilt as text): the shapes synthetic
# seeds miss, such as score tables and phone numbers. Third-party text: seeds only, never
# committed.
if [[ -d ../shared/corpora/ner ]]; then
    for f in ../shared/corpora/ner/*.tsv; do
        python3 tools/conll_to_text.py "$f" "$seeds/news/$(basename "$f" .tsv)" --sentences-per-doc 40 >/dev/null
    done
    for f in $(find "$seeds/news" -name '*.txt' | LC_ALL=C sort | awk 'NR % 10 == 0'); do
        seed "$seeds/text" $((i % 6)) "$f"
        i=$((i + 1))
    done
    rm -rf "$seeds/news"
fi
# Input readers: the selector byte picks the format (0 JSON Lines, 1 HTML, 2 Markdown, 3 text).
for f in samples/*.jsonl; do seed "$seeds/input" 0 "$f"; done
for f in samples/*.html; do seed "$seeds/input" 1 "$f"; done
for f in samples/*.md; do seed "$seeds/input" 2 "$f"; done
for f in samples/en-01-*.txt; do seed "$seeds/input" 3 "$f"; done
for f in ontology/gazetteer/*.json; do seed "$seeds/ontology" 0 "$f"; done
for f in ontology/languages/*.json; do seed "$seeds/ontology" 1 "$f"; done
for f in ontology/triggers/*.json; do seed "$seeds/ontology" 3 "$f"; done
seed "$seeds/ontology" 4 ontology/classes.json
seed "$seeds/ontology" 5 ontology/relations.json
[[ -f ontology/style.json ]] && seed "$seeds/ontology" 6 ontology/style.json

# Any sanitizer report stops the run; known third-party defects are suppressed (cmake/*.supp).
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$(pwd)/cmake/ubsan.supp${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="suppressions=$(pwd)/cmake/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
failed=()
for t in "${targets[@]}"; do
    corpus=$build/corpus/$t
    artifacts=$build/artifacts/$t
    mkdir -p "$corpus" "$artifacts"
    echo "fuzz: $t for ${secs}s" >&2
    log=$build/fuzz_$t.log
    # libcgraph has no frame pointers: the DOT target unwinds slowly so that lsan.supp can
    # name the libcgraph function a leak comes from.
    unwind=""
    [[ $t == dot ]] && unwind=":fast_unwind_on_malloc=0"
    if ASAN_OPTIONS="$ASAN_OPTIONS$unwind" "$build/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=60 -rss_limit_mb=4096 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$seeds/$t" >"$log" 2>&1; then
        grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" | tr '\n' ' ' | sed "s/^/fuzz: $t: /" >&2
        echo >&2
    else
        failed+=("$t")
        echo "fuzz: $t FAILED; last lines of $log:" >&2
        tail -40 "$log" >&2
        ls "$artifacts" >&2
    fi
done
if [[ ${#failed[@]} -ne 0 ]]; then
    echo "fuzz: failures in: ${failed[*]} (reproducers in $build/artifacts/)" >&2
    exit 1
fi
echo "fuzz: ${#targets[@]} targets ran ${secs}s each without a failure" >&2
