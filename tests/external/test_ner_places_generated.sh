#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# ontology/models/ner-places.generated.json is written by kg-gen-ner-places from Debian's
# libgeonames-common and iso-codes, never by hand: the committed file must be exactly what
# the generator writes today, byte for byte.
#
# env: KG_GEN_NER_PLACES (path to kg-gen-ner-places), KG_SOURCE_DIR (the source tree).
# Exit 0 pass, 1 fail, 77 skip (no generator, or the packages' catalogues are missing).
set -u

if [[ -z "${KG_GEN_NER_PLACES:-}" || ! -x "${KG_GEN_NER_PLACES}" ]]; then
    echo "SKIP: KG_GEN_NER_PLACES is not set to an executable kg-gen-ner-places" >&2
    exit 77
fi
for f in /usr/share/locale/de/LC_MESSAGES/geonames.mo /usr/share/iso-codes/json/iso_3166-2.json; do
    if [[ ! -f "$f" ]]; then
        echo "SKIP: $f is missing (scripts/install-deps installs libgeonames-common and iso-codes)" >&2
        exit 77
    fi
done
src="${KG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
committed="$src/ontology/models/ner-places.generated.json"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kg-places-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

if ! "$KG_GEN_NER_PLACES" >"$tmp/stdout.json" 2>"$tmp/stderr.txt"; then
    fail "kg-gen-ner-places exited with status $? (stderr: $(head -c 500 "$tmp/stderr.txt"))"
elif ! cmp -s "$committed" "$tmp/stdout.json"; then
    fail "the committed places.generated.json differs from the generator's output:"
    diff -u "$committed" "$tmp/stdout.json" | head -40 >&2
    echo "regenerate it with: $KG_GEN_NER_PLACES $committed (and retrain: tools/train_ner_all.sh)" >&2
fi
if ! "$KG_GEN_NER_PLACES" "$tmp/file.json" 2>/dev/null || ! cmp -s "$tmp/stdout.json" "$tmp/file.json"; then
    fail "kg-gen-ner-places FILE wrote something other than its standard output"
fi
"$KG_GEN_NER_PLACES" "$tmp/a.json" "$tmp/b.json" >/dev/null 2>&1
status=$?
[[ $status -eq 2 ]] || fail "two arguments: expected exit status 2, got $status"
[[ ! -e "$tmp/a.json" ]] || fail "two arguments: a file was written anyway"
# Valid JSON with the promised shape, and the obvious names there.
if ! "${KG_PYTHON:-python3}" - "$committed" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
names = d["names"]
assert set(names) <= {"*", "de", "en", "es", "fr", "it"}, names.keys()
assert len(names["*"]) > 10000, len(names["*"])
for lang, want in {"*": "Bochum", "de": "München", "it": "Monaco di Baviera"}.items():
    assert want in names[lang], (lang, want)
for lang, lst in names.items():
    assert lst == sorted(set(lst), key=lambda s: s.encode()), lang + " not sorted or repeated"
PY
then
    fail "places.generated.json does not have the documented shape"
fi

# The gazetteer's exonyms (ontology/gazetteer/place_exonyms.generated.json) are the same
# generator's, from the hand-written places: regenerate them when places.json changes.
exonyms="$src/ontology/gazetteer/place_exonyms.generated.json"
if ! "$KG_GEN_NER_PLACES" --exonyms "$src/ontology/gazetteer/places.json" >"$tmp/exonyms.json" 2>"$tmp/stderr.txt"; then
    fail "kg-gen-ner-places --exonyms exited with status $? (stderr: $(head -c 500 "$tmp/stderr.txt"))"
elif ! cmp -s "$exonyms" "$tmp/exonyms.json"; then
    fail "the committed place_exonyms.generated.json differs from the generator's output:"
    diff -u "$exonyms" "$tmp/exonyms.json" | head -40 >&2
    echo "regenerate it with: $KG_GEN_NER_PLACES --exonyms ontology/gazetteer/places.json $exonyms" >&2
fi
if ! "${KG_PYTHON:-python3}" - "$exonyms" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
by_id = {e["id"]: e for e in d["entities"]}
assert by_id["seoul"]["aliases"]["it"] == ["Seul"], by_id.get("seoul")
for e in d["entities"]:
    assert e["type"] == "Place" and e["label"], e
    for names in e["aliases"].values():
        assert all("(" not in n for n in names), e
PY
then
    fail "place_exonyms.generated.json does not have the documented shape"
fi
"$KG_GEN_NER_PLACES" --exonyms >/dev/null 2>&1
status=$?
[[ $status -eq 2 ]] || fail "--exonyms without a file: expected exit status 2, got $status"

if [[ $failures -ne 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "PASS: places.generated.json matches kg-gen-ner-places"
exit 0
