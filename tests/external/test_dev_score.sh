#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The development-set scores in the suite: for each set named in tests/dev_score_floor.json,
# build the graph of its articles, score it with ../shared/eval/score.py, print the figures,
# and fail below the set's floors.
set -u
src=${KG_SOURCE_DIR:?}
shared="$src/../shared"
if [ ! -f "$shared/eval/score.py" ]; then
  if [ -n "${CI:-}" ]; then echo "FAIL: $shared/eval missing"; exit 1; fi
  echo "skipped: $shared not found"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
for set in $(python3 -c 'import json,sys; print(" ".join(k for k, v in json.load(open(sys.argv[1])).items() if isinstance(v, dict)))' "$src/tests/dev_score_floor.json"); do
  read -r articles gold < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))[sys.argv[2]]; print(s["articles"], s["gold"])' "$src/tests/dev_score_floor.json" "$set")
  [ -d "$shared/$articles" ] && [ -d "$shared/$gold" ] || { echo "FAIL: $set: $shared/$articles or $shared/$gold missing"; exit 1; }
  echo "== $set: $articles"
  "${KG_BIN:?}" build -q -f graphml -o "$tmp/$set" "$shared/$articles" || { echo "FAIL: kgraph build of $set failed"; exit 1; }
  python3 "$shared/eval/score.py" "$tmp/$set/graph.graphml" "$shared/$gold" | tee "$tmp/$set.txt"
  python3 "$shared/eval/score.py" "$tmp/$set/graph.graphml" "$shared/$gold" --json > "$tmp/$set.json" || exit 1
  python3 - "$tmp/$set.json" "$src/tests/dev_score_floor.json" "$set" <<'PY' || status=1
import json, sys
score = json.load(open(sys.argv[1])); floor = json.load(open(sys.argv[2]))[sys.argv[3]]
ok = True
for name, got in (("entity_f1", score["entities"]["f1"]), ("relation_f1", score["relations"]["f1"])):
    want = floor[name]
    ok &= got >= want
    print(f"{sys.argv[3]} {name}: {got:.3f} (floor {want:.3f}) {'ok' if got >= want else 'BELOW FLOOR'}")
sys.exit(0 if ok else 1)
PY
done
exit $status
