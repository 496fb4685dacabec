#!/usr/bin/env bash
# The dev-set score in the suite: build the graph of ../shared/seeds, score it with
# ../shared/eval/score.py, print the figures, and fail below the floors stored in
# tests/dev_score_floor.json.
set -u
src=${KG_SOURCE_DIR:?}
shared="$src/../shared"
if [ ! -f "$shared/eval/score.py" ] || [ ! -d "$shared/seeds" ]; then
  if [ -n "${CI:-}" ]; then echo "FAIL: $shared/eval or $shared/seeds missing"; exit 1; fi
  echo "skipped: $shared not found"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"${KG_BIN:?}" build -q -f graphml -o "$tmp" "$shared/seeds" || { echo "FAIL: kgraph build failed"; exit 1; }
python3 "$shared/eval/score.py" "$tmp/graph.graphml" "$shared/eval/dev" | tee "$tmp/score.txt"
python3 "$shared/eval/score.py" "$tmp/graph.graphml" "$shared/eval/dev" --json > "$tmp/score.json" || exit 1
python3 - "$tmp/score.json" "$src/tests/dev_score_floor.json" <<'PY'
import json, sys
score = json.load(open(sys.argv[1])); floor = json.load(open(sys.argv[2]))
ok = True
for name, got in (("entity_f1", score["entities"]["f1"]), ("relation_f1", score["relations"]["f1"])):
    want = floor[name]
    status = "ok" if got >= want else "BELOW FLOOR"
    ok &= got >= want
    print(f"{name}: {got:.3f} (floor {want:.3f}) {status}")
sys.exit(0 if ok else 1)
PY
