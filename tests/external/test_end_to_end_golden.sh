#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End to end: the three small articles in tests/data/golden/ (it, en, fr) through the whole
# program, compared byte for byte with the expected GraphML, JSON-LD and DOT in
# tests/data/golden/e2e/. After an intended change, rerun with KG_UPDATE_GOLDEN=1 and review
# the diff of the expected files like code.
set -u
src=${KG_SOURCE_DIR:?}
cd "$src" || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
inputs=(tests/data/golden/small.it.txt tests/data/golden/small.en.txt tests/data/golden/small.fr.txt)
"${KG_BIN:?}" build -q -f graphml,jsonld,dot -o "$tmp" "${inputs[@]}" || { echo "FAIL: kgraph build failed"; exit 1; }
status=0
for f in graph.graphml graph.jsonld graph.dot; do
  expected="tests/data/golden/e2e/$f"
  if [ -n "${KG_UPDATE_GOLDEN:-}" ]; then cp "$tmp/$f" "$expected"; echo "updated $expected"; continue; fi
  if ! cmp -s "$tmp/$f" "$expected"; then
    echo "FAIL: $f differs from $expected:"; diff -u "$expected" "$tmp/$f" | head -40; status=1
  fi
done
# The same inputs twice in one run, and on two threads, give the same bytes.
"${KG_BIN}" build -q -j 2 -f graphml -o "$tmp/j2" "${inputs[@]}" && cmp -s "$tmp/graph.graphml" "$tmp/j2/graph.graphml" ||
  { echo "FAIL: -j 2 output differs"; status=1; }
[ $status -eq 0 ] && echo "end-to-end golden files match"
exit $status
