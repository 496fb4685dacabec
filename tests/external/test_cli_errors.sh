#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# kgraph on bad input: exit statuses, messages, and what is (not) written.
#   0 success; 1 some documents could not be read (the rest were built); 2 bad usage or
#   nothing could be built.
# Also: stdin input, byte-identical output across runs and thread counts, --help/--version.
#
# env: KG_BIN (the kgraph binary), KG_SOURCE_DIR (the source tree, for samples/).
# Exit 0 pass, 1 fail, 77 skip (no binary).
set -u

if [[ -z "${KG_BIN:-}" || ! -x "${KG_BIN}" ]]; then
    echo "SKIP: KG_BIN is not set to an executable kgraph" >&2
    exit 77
fi
src="${KG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kg-cli-XXXXXX") || exit 1
cleanup() { chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$tmp" || exit 1

failures=0
checks=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { checks=$((checks + 1)); }

# run NAME [args...]: run kgraph with stdin from /dev/null; sets $status, NAME.out, NAME.err.
run() {
    local name=$1
    shift
    "$KG_BIN" "$@" </dev/null >"$name.out" 2>"$name.err"
    status=$?
}
# expect_status NAME WANT: compare $status, show stderr on mismatch.
expect_status() {
    if [[ $status -eq $2 ]]; then ok; else
        fail "$1: expected exit status $2, got $status; stderr:"
        head -c 1500 "$1.err" | sed 's/^/    /' >&2
    fi
}
# expect_err NAME TEXT: stderr of NAME contains TEXT (fixed string).
expect_err() {
    if grep -qF -- "$2" "$1.err"; then ok; else
        fail "$1: stderr does not mention \"$2\"; stderr:"
        head -c 1500 "$1.err" | sed 's/^/    /' >&2
    fi
}
# graph_files DIR: the graph files in DIR (sorted), one per line.
graph_files() { (cd "$1" 2>/dev/null && find . -type f | LC_ALL=C sort); }
# no_graph DIR NAME: DIR holds no file at all (it may not exist).
no_graph() {
    if [[ -z "$(graph_files "$1")" ]]; then ok; else
        fail "$2: files were written to $1: $(graph_files "$1" | tr '\n' ' ')"
    fi
}
# has_graph DIR NAME: DIR holds graph.graphml.
has_graph() {
    if [[ -s "$1/graph.graphml" ]]; then ok; else fail "$2: $1/graph.graphml was not written"; fi
}
# same_tree A B NAME: the two directories hold the same files with the same bytes.
same_tree() {
    if [[ "$(graph_files "$1")" != "$(graph_files "$2")" ]]; then
        fail "$3: different files: [$(graph_files "$1" | tr '\n' ' ')] vs [$(graph_files "$2" | tr '\n' ' ')]"
        return
    fi
    local f
    for f in $(graph_files "$1"); do
        if ! cmp -s "$1/$f" "$2/$f"; then
            fail "$3: $f differs:"
            diff -u "$1/$f" "$2/$f" | head -20 | sed 's/^/    /' >&2
            return
        fi
    done
    ok
}

good_text="Kim Jong Un met Vladimir Putin in Pyongyang on Wednesday. The two leaders signed a treaty."

# --- usage --------------------------------------------------------------------------------

run noargs
expect_status noargs 2
expect_err noargs "usage"

run unknown_opt build --no-such-option in.txt
expect_status unknown_opt 2
expect_err unknown_opt "--no-such-option"

run unknown_cmd frobnicate
expect_status unknown_cmd 2
expect_err unknown_cmd "frobnicate"

run no_paths build -o out-nopaths
expect_status no_paths 2
no_graph out-nopaths "build without paths"

run bad_jobs build -j many x.txt
expect_status bad_jobs 2
expect_err bad_jobs "many"

run bad_lang build --lang xx x.txt
expect_status bad_lang 2
expect_err bad_lang "xx"

run bad_format build -f graphml,nope -o out-badformat x.txt
expect_status bad_format 2
expect_err bad_format "nope"
no_graph out-badformat "unknown format"

run missing_value build x.txt -o
expect_status missing_value 2

run bad_input_format build --input-format pdf -o out-badinput x.txt
expect_status bad_input_format 2
expect_err bad_input_format "pdf"
no_graph out-badinput "unknown input format"

run bad_json_field build --json-field body -o out-badfield x.txt
expect_status bad_json_field 2
expect_err bad_json_field "--json-field"
no_graph out-badfield "--json-field without FIELD="

run help --help
expect_status help 0
if grep -qF -- "--formats" help.out; then ok; else fail "--help does not mention --formats"; fi
if grep -qF -- "--ontology" help.out; then ok; else fail "--help does not mention --ontology"; fi
[[ -s help.err ]] && fail "--help wrote to stderr: $(head -c 300 help.err)"

run help_build build --help
expect_status help_build 0
if grep -qF -- "--formats" help_build.out; then ok; else fail "build --help does not mention --formats"; fi

run version --version
expect_status version 0
if grep -qE '^kgraph [0-9]+\.[0-9]+\.[0-9]+' version.out; then ok; else
    fail "--version does not print \"kgraph X.Y.Z\": $(head -c 200 version.out)"
fi

# --- inputs ---------------------------------------------------------------------------------

mkdir -p in-mixed
printf '%s\n' "$good_text" >in-mixed/good.txt
printf 'Putin visited \xff Moscow.\n' >in-mixed/bad.txt   # the bad byte is byte 14

run mixed build -q -o out-mixed in-mixed
expect_status mixed 1
has_graph out-mixed "one good and one invalid UTF-8 file"
expect_err mixed "in-mixed/bad.txt"
expect_err mixed "byte 14"
if grep -qF '"kg:path":"in-mixed/good.txt"' out-mixed/graph.jsonld 2>/dev/null; then ok; else
    fail "the good document is not in the graph written beside a bad one"
fi
if grep -qF "bad.txt" out-mixed/graph.graphml 2>/dev/null; then fail "the bad document is named in the graph"; else ok; fi

mkdir -p in-binary
printf '%s\n' "$good_text" >in-binary/good.txt
printf 'PK\003\004 zip\000data' >in-binary/archive.txt
run binary build -q -o out-binary in-binary
expect_status binary 1
has_graph out-binary "a binary file beside a good one"
expect_err binary "archive.txt"
expect_err binary "byte 8"

mkdir -p in-empty
: >in-empty/empty.txt
run empty build -q -o out-empty in-empty
expect_status empty 0   # an empty document is read fine: it just holds nothing
has_graph out-empty "an empty document"

mkdir -p in-empty-and-good
: >in-empty-and-good/a-empty.txt
printf '%s\n' "$good_text" >in-empty-and-good/b-good.txt
run empty_good build -q -o out-empty-good in-empty-and-good
expect_status empty_good 0

# Only a missing path: nothing can be built, nothing is written, the path is named.
run missing build -o out-missing "$tmp/no/such/article.txt"
expect_status missing 2
expect_err missing "$tmp/no/such/article.txt"
no_graph out-missing "only a missing path"

# A missing path beside a good file: the good one is built, status 1.
printf '%s\n' "$good_text" >good.txt
run missing_and_good build -q -o out-missing-good good.txt "$tmp/gone.txt"
expect_status missing_and_good 1
has_graph out-missing-good "a missing path beside a good file"
expect_err missing_and_good "$tmp/gone.txt"

# A failed run leaves an earlier graph in the output directory untouched.
mkdir -p out-keep
printf 'earlier graph\n' >out-keep/graph.graphml
run keep build -q -o out-keep "$tmp/gone.txt"
expect_status keep 2
if [[ "$(cat out-keep/graph.graphml)" == "earlier graph" ]]; then ok; else fail "a run that built nothing replaced an earlier graph"; fi
if [[ "$(graph_files out-keep)" == "./graph.graphml" ]]; then ok; else fail "a run that built nothing left files: $(graph_files out-keep | tr '\n' ' ')"; fi

# Standard input.
printf '%s\n' "$good_text" | "$KG_BIN" build -q -o out-stdin - >stdin.out 2>stdin.err
status=$?
expect_status stdin 0
has_graph out-stdin "standard input"
if grep -qF '"kg:path":"\u003cstdin>"' out-stdin/graph.jsonld 2>/dev/null; then ok; else
    fail "a graph read from standard input does not name <stdin> as its document"
fi

# The same input twice is one document.
run twice build -q -o out-twice good.txt ./good.txt
expect_status twice 0

# --input-format overrides the extension: JSON Lines in a .txt file is read record by record.
printf '{"url": "https://news.example.org/a", "text": "%s"}\n{"url": "https://news.example.org/b", "text": "Sergei Lavrov visited Wonsan."}\n' "$good_text" >feed.txt
run as_jsonl build -q -f jsonld -o out-as-jsonl --input-format jsonl feed.txt
expect_status as_jsonl 0
if grep -qF '"@id":"https://news.example.org/b"' out-as-jsonl/graph.jsonld 2>/dev/null; then ok; else
    fail "--input-format jsonl: the records of feed.txt are not the graph's articles"
fi
# --max-input-bytes bounds a JSON Lines file, measured before reading: refused and named,
# the other inputs built.
cp feed.txt feed.jsonl
run over_input build -q -o out-over-input --max-input-bytes 64 feed.jsonl good.txt
expect_status over_input 1
expect_err over_input "feed.jsonl"
expect_err over_input "--max-input-bytes"
has_graph out-over-input "a JSON Lines file over --max-input-bytes beside a good file"

# --- ontology errors ----------------------------------------------------------------------

mkdir -p onto-bad/gazetteer
printf '{"entities": [\n  {"id": "kim_jong_un", "type": "Person"}\n  {"id": "putin", "type": "Person"}\n]}\n' \
    >onto-bad/gazetteer/people.json
run onto_syntax build -o out-onto good.txt --ontology onto-bad
expect_status onto_syntax 2
expect_err onto_syntax "onto-bad/gazetteer/people.json:3:3"
no_graph out-onto "a malformed ontology"

mkdir -p onto-schema/gazetteer
printf '{"entities": [\n  {"id": "kim_jong_un", "type": "Person",\n   "alias": {"en": ["Kim"]}}\n]}\n' \
    >onto-schema/gazetteer/people.json
run onto_schema build -o out-onto-schema good.txt --ontology onto-schema
expect_status onto_schema 2
expect_err onto_schema "onto-schema/gazetteer/people.json:3:4"
expect_err onto_schema "alias"
no_graph out-onto-schema "an ontology with an unknown field"

run onto_missing build -o out-onto-missing good.txt --ontology "$tmp/no-such-ontology"
expect_status onto_missing 2
expect_err onto_missing "$tmp/no-such-ontology"

# --- output errors ------------------------------------------------------------------------

before=$(ls -A "$tmp" | LC_ALL=C sort)
run out_proc build -o /proc/kgraph-test good.txt
expect_status out_proc 2
expect_err out_proc "/proc/kgraph-test"
[[ -e /proc/kgraph-test ]] && fail "/proc/kgraph-test exists after the run"

printf 'I am a file\n' >a-file
run out_under_file build -o a-file/graphs good.txt
expect_status out_under_file 2
expect_err out_under_file "a-file/graphs"
if [[ -f a-file && "$(cat a-file)" == "I am a file" ]]; then ok; else fail "the file in the way of -o was changed"; fi

run out_is_file build -o a-file good.txt
expect_status out_is_file 2
if [[ "$(cat a-file)" == "I am a file" ]]; then ok; else fail "-o FILE changed the file"; fi

after=$(ls -A "$tmp" | LC_ALL=C sort)
# Nothing new but the files this script made (a-file and the .out/.err captures).
extra=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -vE '^(a-file|out_[a-z_]+\.(out|err))$')
[[ -z "$extra" ]] || fail "unwritable output runs left files behind: $extra"

if [[ $(id -u) -ne 0 ]]; then
    mkdir -p read-only
    chmod 555 read-only
    run out_readonly build -o read-only good.txt
    expect_status out_readonly 2
    no_graph read-only "a read-only output directory"
    chmod 755 read-only
fi

# --- determinism --------------------------------------------------------------------------

if [[ -d "$src/samples" ]] && ls "$src"/samples/*.txt >/dev/null 2>&1; then
    corpus="$src/samples"
else
    corpus="$tmp/corpus"
    mkdir -p "$corpus/sub"
    for i in 1 2 3 4 5 6; do
        printf 'Article %s. Kim Jong Un met Vladimir Putin in Pyongyang.\n\nSergei Lavrov visited Wonsan. Russia and North Korea signed a treaty.\n' "$i" \
            >"$corpus/a$i.txt"
    done
    printf 'Il ministro degli Esteri russo Sergei Lavrov ha incontrato Kim Jong Un a Pyongyang.\n' >"$corpus/sub/it.txt"
fi
run det1 build -q -j 1 -o out-det1 "$corpus"
expect_status det1 0
run det2 build -q -j 1 -o out-det2 "$corpus"
expect_status det2 0
run det3 build -q -j 2 -o out-det3 "$corpus"
expect_status det3 0
has_graph out-det1 "determinism run"
same_tree out-det1 out-det2 "two runs with -j 1"
same_tree out-det1 out-det3 "-j 1 and -j 2"

# --- summary --------------------------------------------------------------------------------

if [[ $failures -ne 0 ]]; then
    echo "$failures check(s) failed, $checks passed" >&2
    exit 1
fi
echo "PASS: $checks checks"
exit 0
