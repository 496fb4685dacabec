#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# ontology/gazetteer/states.generated.json is written by kg-gen-states and never by hand:
# the committed file must be exactly what the generator prints today, byte for byte, both
# on standard output and when it is given an output file.
#
# env: KG_GEN_STATES (path to kg-gen-states), KG_SOURCE_DIR (the source tree).
# Exit 0 pass, 1 fail, 77 skip (no generator).
set -u

if [[ -z "${KG_GEN_STATES:-}" || ! -x "${KG_GEN_STATES}" ]]; then
    echo "SKIP: KG_GEN_STATES is not set to an executable kg-gen-states" >&2
    exit 77
fi
src="${KG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
committed="$src/ontology/gazetteer/states.generated.json"
if [[ ! -f "$committed" ]]; then
    echo "FAIL: $committed is missing; run: $KG_GEN_STATES $committed" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kg-states-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# 1. Standard output.
if ! "$KG_GEN_STATES" >"$tmp/stdout.json" 2>"$tmp/stderr.txt"; then
    fail "kg-gen-states exited with status $? (stderr: $(head -c 500 "$tmp/stderr.txt"))"
elif ! cmp -s "$committed" "$tmp/stdout.json"; then
    fail "the committed states.generated.json differs from the generator's output:"
    diff -u "$committed" "$tmp/stdout.json" | head -40 >&2
    echo "regenerate it with: $KG_GEN_STATES $committed" >&2
fi

# 2. Output file argument: the same bytes.
if ! "$KG_GEN_STATES" "$tmp/file.json" 2>"$tmp/stderr2.txt"; then
    fail "kg-gen-states FILE exited with status $? (stderr: $(head -c 500 "$tmp/stderr2.txt"))"
elif ! cmp -s "$committed" "$tmp/file.json"; then
    fail "kg-gen-states FILE wrote something other than the committed file"
fi

# 3. The generator is deterministic: a second run gives the same bytes.
if "$KG_GEN_STATES" >"$tmp/again.json" 2>/dev/null && ! cmp -s "$tmp/stdout.json" "$tmp/again.json"; then
    fail "two runs of kg-gen-states differ"
fi

# 4. Bad usage is refused with status 2 and writes nothing.
"$KG_GEN_STATES" "$tmp/a.json" "$tmp/b.json" >/dev/null 2>&1
status=$?
[[ $status -eq 2 ]] || fail "two arguments: expected exit status 2, got $status"
[[ ! -e "$tmp/a.json" && ! -e "$tmp/b.json" ]] || fail "two arguments: a file was written anyway"

# 5. The committed file is one record per line, sorted by id, each with type State and an
#    ISO code (what the README promises; a hand edit would likely break one of these).
ids=$(sed -n 's/^  {"id":"\([a-z0-9_]*\)".*/\1/p' "$committed")
count=$(printf '%s\n' "$ids" | grep -c .)
records=$(grep -c '^  {' "$committed")
[[ "$count" -eq "$records" && "$count" -ge 200 ]] || fail "expected >= 200 records with slug ids, found $count ids in $records records"
if [[ "$(printf '%s\n' "$ids" | LC_ALL=C sort)" != "$ids" ]]; then fail "records are not sorted by id"; fi
if [[ -n "$(printf '%s\n' "$ids" | LC_ALL=C sort | uniq -d)" ]]; then fail "duplicate ids"; fi
if grep '^  {' "$committed" | grep -v '"type":"State"' | grep -q .; then fail "a record without \"type\":\"State\""; fi
if grep '^  {' "$committed" | grep -v '"iso":"[A-Z][A-Z]"' | grep -q .; then fail "a record without a two-letter ISO code"; fi

if [[ $failures -ne 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "PASS: states.generated.json matches kg-gen-states ($count records)"
exit 0
