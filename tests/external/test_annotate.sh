#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# kgraph annotate on the samples (co-occurrences left out: the typed layers are what changes): the bracketed text and the JSON Lines are approved golden
# files (tests/data/golden/annotate/; KG_UPDATE_GOLDEN=1 rewrites them, review the diff like
# code), and in the JSON Lines every offset quotes exactly the bytes of the file it names:
# mentions, sentences, and the subject, trigger and object spans of every relation.
set -u
. "$(dirname "$0")/lib.sh"
[[ -x ${KG_BIN:-} ]] || skip "KG_BIN not set"
src=${KG_SOURCE_DIR:?}
golden="$src/tests/data/golden/annotate"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
"$KG_BIN" annotate --no-cooccurrence samples >"$tmp/samples.txt" 2>"$tmp/err" || fail "annotate failed: $(cat "$tmp/err")"
"$KG_BIN" annotate --jsonl --no-cooccurrence samples >"$tmp/samples.jsonl" 2>"$tmp/err" || fail "annotate --jsonl failed: $(cat "$tmp/err")"
for f in samples.txt samples.jsonl; do
    if [[ -n ${KG_UPDATE_GOLDEN:-} ]]; then
        cp "$tmp/$f" "$golden/$f"
        echo "updated $golden/$f"
    elif ! cmp -s "$tmp/$f" "$golden/$f"; then
        diff "$golden/$f" "$tmp/$f" | head -20
        fail "$f differs from $golden/$f (KG_UPDATE_GOLDEN=1 to approve)"
    fi
done
python3 - "$tmp/samples.jsonl" <<'PY' || fail "an offset does not quote its text"
import json, sys
sys.path.insert(0, "tests/external")
from article_texts import source_text
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    # The text offsets count in: a file's bytes, a JSON Lines record's text, an HTML page's
    # extracted text (given as "text").
    data = source_text(d["source"], d.get("text"))
    assert len(data) == d["bytes"], d["source"]
    for b, e in d["sentences"]:
        assert 0 <= b < e <= len(data)
    for m in d["mentions"] + d["references"]:
        assert data[m["begin"]:m["end"]].decode("utf-8") == m["text"], (d["document"], m)
        n += 1
    ids = {e["id"] for e in d["entities"]}
    for r in d["relations"]:
        assert r["subject"] in ids and r["object"] in ids, r
        for k in ("subject_span", "trigger_span", "object_span"):
            if r[k] is not None:
                b, e = r[k]
                assert 0 <= b < e <= len(data), (k, r)
                n += 1
print(f"{n} offsets checked")
PY
echo ok
