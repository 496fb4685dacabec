#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Real news through the whole pipeline: the annotated corpora in ../shared/corpora/ner (about
# 8 MB of news in en, de, es, it, text rebuilt from their tokens, 40 sentences a document)
# are built in one batch. Every document must be built: none may crash the extractor or be
# refused. Text like this (tables of scores, phone numbers, datelines, headlines in capitals)
# found a crash that synthetic inputs never did.
set -u
. "$(dirname "$0")/lib.sh"
[[ -x ${KG_BIN:-} ]] || skip "KG_BIN not set"
src=${KG_SOURCE_DIR:?}
corpora="$src/../shared/corpora/ner"
[[ -d $corpora ]] || skip "$corpora not found"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
total=0
for f in "$corpora"/*.tsv; do
    n=$(python3 "$src/tools/conll_to_text.py" "$f" "$tmp/in/$(basename "$f" .tsv)" --sentences-per-doc 40) || fail "conll_to_text.py $f"
    total=$((total + n))
done
echo "$total documents from $(ls "$corpora"/*.tsv | wc -l) corpus files"
start=$(date +%s)
"$KG_BIN" build -j 2 -f graphml,jsonld -o "$tmp/out" "$tmp/in" </dev/null 2>"$tmp/err"
status=$?
echo "built in $(( $(date +%s) - start )) s, exit status $status"
tail -n 4 "$tmp/err"
[[ $status -eq 0 ]] || fail "exit status $status: $(grep -v '^  ' "$tmp/err" | head -5)"
# A document whose text repeats an earlier one's is built once and reported as a duplicate.
duplicates=$(grep -c "duplicate left out" "$tmp/err")
grep -qF "kgraph: $((total - duplicates)) documents read" "$tmp/err" ||
    fail "not every document was built: $(grep -v 'duplicate left out' "$tmp/err" | head -n 1)"
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$tmp/out/graph.graphml" || fail "graph.graphml is not well-formed"
echo "ok"
