#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# kgraph on hostile input (issue 6), beyond tests/external/test_cli_errors.sh: more kinds of
# invalid UTF-8, NUL bytes inside text, real binary files, UTF-16, files that hold nothing,
# a 200 MB file without a newline, unreadable files and folders, dangling links and symbolic
# link loops, a folder of 10,000 files, malformed ontology files (deep nesting, empty,
# truncated, not UTF-8, wrong shape), an export that fails half-way (disk full, target in
# the way) and a run killed while writing. Each must end with the documented exit status
#   0 success; 1 some documents could not be read (the rest were built); 2 bad usage or
#   nothing could be built
# a message naming the file and the position, never a crash, and never a truncated graph.
#
# env: KG_BIN (the kgraph binary), KG_SOURCE_DIR (the source tree),
#      KG_ROBUSTNESS_BIG_MB (size of the one-line file, default 200; the sanitizer build
#      uses less), KG_ROBUSTNESS_FILES (size of the big folder, default 10000).
# Exit 0 pass, 1 fail, 77 skip (no binary).
set -u

if [[ -z "${KG_BIN:-}" || ! -x "${KG_BIN}" ]]; then
    echo "SKIP: KG_BIN is not set to an executable kgraph" >&2
    exit 77
fi
big_mb=${KG_ROBUSTNESS_BIG_MB:-200}
many=${KG_ROBUSTNESS_FILES:-10000}
py=${KG_PYTHON:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kg-robust-XXXXXX") || exit 1
mounted=""
cleanup() {
    [[ -n $mounted ]] && umount "$mounted" 2>/dev/null
    chmod -R u+rwx "$tmp" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 1

failures=0
checks=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { checks=$((checks + 1)); }
note() { echo "note: $*"; }

# run NAME [args...]: kgraph with stdin from /dev/null; sets $status and NAME.err.
run() {
    local name=$1
    shift
    "$KG_BIN" "$@" </dev/null >"$name.out" 2>"$name.err"
    status=$?
}
expect_status() {
    if [[ $status -eq $2 ]]; then ok; else
        fail "$1: expected exit status $2, got $status; stderr:"
        head -c 1500 "$1.err" | sed 's/^/    /' >&2
    fi
}
no_crash() {
    if [[ $status -lt 128 ]]; then ok; else fail "$1: killed by signal $((status - 128))"; head -c 1500 "$1.err" >&2; fi
}
expect_err() {
    if grep -qF -- "$2" "$1.err"; then ok; else
        fail "$1: stderr does not mention \"$2\"; stderr:"
        head -c 1500 "$1.err" | sed 's/^/    /' >&2
    fi
}
has_graph() { if [[ -s "$1/graph.graphml" ]]; then ok; else fail "$2: $1/graph.graphml was not written"; fi; }
no_graph() {
    local files
    files=$(cd "$1" 2>/dev/null && find . -type f | LC_ALL=C sort | tr '\n' ' ')
    if [[ -z "$files" ]]; then ok; else fail "$2: files were written to $1: $files"; fi
}
no_temp_files() {
    local t
    t=$(find "$1" \( -name '.*.tmp*' -o -name '.kgraph-*' \) 2>/dev/null | head -5 | tr '\n' ' ')
    if [[ -z "$t" ]]; then ok; else fail "$2: temporary files left behind: $t"; fi
}
# well_formed DIR NAME: every graph file in DIR is complete (XML parses, JSON parses).
well_formed() {
    local f
    for f in "$1"/graph.graphml; do
        [[ -f $f ]] || continue
        if "$py" -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$f" 2>/dev/null; then ok; else
            fail "$2: $f is not well-formed XML (truncated?)"
        fi
    done
    for f in "$1"/graph.jsonld; do
        [[ -f $f ]] || continue
        if "$py" -c 'import sys, json; json.load(open(sys.argv[1], encoding="utf-8"))' "$f" 2>/dev/null; then ok; else
            fail "$2: $f is not valid JSON (truncated?)"
        fi
    done
}

good_text="Kim Jong Un met Vladimir Putin in Pyongyang on Wednesday. The two leaders signed a treaty."

# --- invalid UTF-8 of every kind, beside a good file ---------------------------------------
# Each bad file: name, bytes (printf format), the offset of the first bad byte.
mkdir -p in-utf8
printf '%s\n' "$good_text" >in-utf8/00-good.txt
printf 'Putin \xc0\xaf Kim\n' >in-utf8/overlong.txt             # overlong "/"    at 6
printf 'Putin \xed\xa0\x80 Kim\n' >in-utf8/surrogate.txt        # UTF-16 surrogate at 6
printf 'Putin \xf4\x90\x80\x80 Kim\n' >in-utf8/above-max.txt    # above U+10FFFF  at 6
printf 'Putin \xf8\x88\x80\x80\x80\n' >in-utf8/five-bytes.txt   # 5-byte form     at 6
printf 'Putin met Kim \xe2\x82' >in-utf8/truncated.txt          # cut at the end  at 14
printf 'Putin \x80 Kim\n' >in-utf8/lone-continuation.txt        # lone continuation at 6
printf 'Mosca \xe0 Pyongyang\n' >in-utf8/latin1.txt              # Latin-1 "à"     at 6
run utf8 build -q -o out-utf8 in-utf8
expect_status utf8 1
no_crash utf8
has_graph out-utf8 "invalid UTF-8 beside a good file"
for f in overlong surrogate above-max five-bytes lone-continuation latin1; do
    if grep -qF "in-utf8/$f.txt: byte 6:" utf8.err; then ok; else fail "utf8: $f.txt is not reported at byte 6: $(grep -F "$f" utf8.err)"; fi
done
if grep -qF "in-utf8/truncated.txt: byte 14:" utf8.err; then ok; else fail "utf8: truncated.txt is not reported at byte 14"; fi
if [[ $(grep -c "skipped" utf8.err) -eq 7 ]]; then ok; else fail "utf8: expected 7 skipped files: $(cat utf8.err)"; fi

# --- NUL bytes, binary files, UTF-16 --------------------------------------------------------
mkdir -p in-binary
printf '%s\n' "$good_text" >in-binary/00-good.txt
printf 'Putin met Kim.\000 And then left.\n' >in-binary/nul-inside.txt   # NUL at 14
head -c 200000 "$KG_BIN" >in-binary/program.txt                          # an ELF executable
head -c 65536 /dev/urandom >in-binary/random.txt
printf '\xff\xfeP\x00u\x00t\x00i\x00n\x00\n\x00' >in-binary/utf16.txt     # UTF-16LE with BOM
run binary build -q -o out-binary in-binary
expect_status binary 1
no_crash binary
has_graph out-binary "binary files beside a good one"
expect_err binary "in-binary/nul-inside.txt: byte 14:"
expect_err binary "in-binary/program.txt: byte"
expect_err binary "in-binary/random.txt: byte"
expect_err binary "in-binary/utf16.txt: byte"
if grep -qF '"kg:path":"in-binary/00-good.txt"' out-binary/graph.jsonld; then ok; else fail "binary: the good document is missing from the graph"; fi

# --- files that hold nothing ----------------------------------------------------------------
mkdir -p in-nothing
: >in-nothing/empty.txt
printf '\xef\xbb\xbf' >in-nothing/bom-only.txt
printf ' \n\n\t\r\n   \n' >in-nothing/blank.txt
printf '.,;:!?-()"«»\n' >in-nothing/punctuation.txt
run nothing build -q -o out-nothing in-nothing
expect_status nothing 0
no_crash nothing
has_graph out-nothing "files that hold nothing"
well_formed out-nothing "files that hold nothing"

# --- one huge line --------------------------------------------------------------------------
# A document at the size limit without a newline (filler clauses with a sentence naming
# entities every 100) is built; one byte more is refused with a message naming the limit, and
# a $big_mb MB file is refused before it is read (it is sparse: only its size is real).
limit=$((2 * 1024 * 1024))
"$py" - "$limit" <<'EOF'
import sys
n = int(sys.argv[1])
filler = "Il ministro ha parlato a lungo della situazione economica e delle prospettive. "
names = "Vladimir Putin ha incontrato Kim Jong Un a Pyongyang. "
block = (filler * 99 + names).encode()
data = (block * (n // len(block) + 1))[:n]
open("huge.txt", "wb").write(data)
open("huge-plus-one.txt", "wb").write(data + b".")
EOF
start=$(date +%s.%N)
run huge build -q -f graphml --max-document-bytes "$limit" -o out-huge huge.txt
secs=$(echo "$(date +%s.%N) - $start" | bc)
expect_status huge 0
no_crash huge
has_graph out-huge "a file of $limit bytes without a newline"
note "a file of $limit bytes without a newline took ${secs} s"
run huge_over build -q -f graphml --max-document-bytes "$limit" -o out-huge-over huge-plus-one.txt
expect_status huge_over 2
expect_err huge_over "huge-plus-one.txt: $((limit + 1)) bytes, over the limit of $limit bytes"
truncate -s "${big_mb}M" sparse.txt
start=$(date +%s.%N)
run sparse build -q -f graphml -o out-sparse sparse.txt
secs=$(echo "$(date +%s.%N) - $start" | bc)
expect_status sparse 2
expect_err sparse "sparse.txt: $((big_mb * 1024 * 1024)) bytes, over the limit"
note "a ${big_mb} MB file was refused in ${secs} s"
rm -f huge.txt huge-plus-one.txt sparse.txt
rm -rf out-huge out-huge-over out-sparse

# --- unreadable files and folders (not as root: root reads everything) ---------------------
if [[ $(id -u) -ne 0 ]]; then
    mkdir -p in-unreadable/locked
    printf '%s\n' "$good_text" >in-unreadable/good.txt
    printf '%s\n' "$good_text" >in-unreadable/secret.txt
    printf '%s\n' "$good_text" >in-unreadable/locked/inside.txt
    chmod 000 in-unreadable/secret.txt
    chmod 000 in-unreadable/locked
    run unreadable build -q -o out-unreadable in-unreadable
    expect_status unreadable 1
    expect_err unreadable "in-unreadable/secret.txt"
    expect_err unreadable "Permission denied"
    expect_err unreadable "in-unreadable/locked"
    has_graph out-unreadable "unreadable files beside a good one"
    run unreadable_only build -q -o out-unreadable-only in-unreadable/secret.txt
    expect_status unreadable_only 2
    no_graph out-unreadable-only "only an unreadable file"
    chmod 755 in-unreadable/locked
    chmod 644 in-unreadable/secret.txt
else
    note "running as root: unreadable files not checked"
fi

# --- dangling links and symbolic link loops -------------------------------------------------
mkdir -p in-links/sub
printf '%s\n' "$good_text" >in-links/good.txt
ln -s .. in-links/sub/up                    # a folder loop
ln -s ../sub in-links/sub/self              # another loop, through a sibling name
ln -s nowhere.txt in-links/dangling.txt     # dangling
ln -s loop.txt in-links/loop.txt            # a link to itself (ELOOP)
run links build -q -o out-links in-links
expect_status links 1
no_crash links
has_graph out-links "links beside a good file"
expect_err links "in-links/sub/up"
expect_err links "symbolic link loop"
expect_err links "in-links/dangling.txt"
expect_err links "in-links/loop.txt"
run self_link build -q -o out-self-link in-links/loop.txt
expect_status self_link 2
no_crash self_link
expect_err self_link "in-links/loop.txt"
no_graph out-self-link "only a link to itself"

# --- a folder of $many files ----------------------------------------------------------------
"$py" - "$many" <<'EOF'
import os, sys
n = int(sys.argv[1])
people = ["Vladimir Putin", "Kim Jong Un", "Sergei Lavrov", "Choe Son Hui", "Xi Jinping", "Antony Blinken"]
places = ["Pyongyang", "Moscow", "Beijing", "Seoul", "Vladivostok", "Wonsan"]
for i in range(n):
    d = f"many/{i // 1000:02d}"
    if i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    with open(f"{d}/{i:05d}.txt", "w") as f:
        f.write(f"Note {i}\n\n{people[i % 6]} met {people[(i // 6) % 6]} in {places[i % 5]} on Monday.\n")
EOF
start=$(date +%s.%N)
run many build -f graphml,jsonld -o out-many many
secs=$(echo "$(date +%s.%N) - $start" | bc)
expect_status many 0
no_crash many
expect_err many "kgraph: $many documents read"
has_graph out-many "a folder of $many files"
well_formed out-many "a folder of $many files"
note "a folder of $many files took ${secs} s"

# --- malformed ontology files ---------------------------------------------------------------
printf '%s\n' "$good_text" >good.txt
onto_case() { # NAME CONTENT-PRINTF EXPECTED-POSITION
    mkdir -p "onto-$1/gazetteer"
    printf "$2" >"onto-$1/gazetteer/bad.json"
    run "onto_$1" build -o "out-onto-$1" --ontology "onto-$1" good.txt
    expect_status "onto_$1" 2
    no_crash "onto_$1"
    expect_err "onto_$1" "onto-$1/gazetteer/bad.json:$3"
    no_graph "out-onto-$1" "ontology $1"
}
onto_case empty '' '1:1:'
onto_case truncated '{"entities": [\n  {"id": "x", "type": "Person"' '2:31:'
onto_case not-utf8 '{"entities": [\n  {"id": "caf\xe9", "type": "Person"}]}' '2:14:'
onto_case nul '{"entities": [\000]}' '1:15:'
onto_case top-array '[{"id": "x", "type": "Person"}]' '1:1:'
onto_case trailing '{"entities": []} {}' '1:18:'
onto_case bad-escape '{"entities": [{"id": "\\uD800", "type": "Person"}]}' '1:'
# 100,000 levels of nesting: refused at level 257, not a stack overflow.
mkdir -p onto-deep/gazetteer
"$py" -c 'import sys; sys.stdout.write("{\"entities\": " + "[" * 100000 + "]" * 100000 + "}")' >onto-deep/gazetteer/bad.json
run onto_deep build -o out-onto-deep --ontology onto-deep good.txt
expect_status onto_deep 2
no_crash onto_deep
expect_err onto_deep "onto-deep/gazetteer/bad.json:1:"
expect_err onto_deep "nested deeper"
no_graph out-onto-deep "a deeply nested ontology file"
# A binary file with a .json name.
mkdir -p onto-binary/gazetteer
# The first 64 KiB of an executable: binary whatever the build type makes its size.
head -c 65536 "$KG_BIN" >onto-binary/gazetteer/bad.json
run onto_binary build -o out-onto-binary --ontology onto-binary good.txt
expect_status onto_binary 2
no_crash onto_binary
expect_err onto_binary "onto-binary/gazetteer/bad.json:1:"

# --- outputs: checked before any work, never left half-written ------------------------------
# An unwritable output directory fails before the inputs are read: the bad input here would
# be reported if it had been read.
printf 'bad \xff byte\n' >bad-input.txt
run out_first build -o /proc/kgraph-robustness good.txt bad-input.txt
expect_status out_first 2
expect_err out_first "/proc/kgraph-robustness"
if grep -qF "bad-input.txt" out_first.err; then fail "out_first: inputs were read before the output directory was checked"; else ok; fi

# An export whose target is in the way (a folder named graph.graphml): the run fails with a
# message naming it and, as every failed run, publishes nothing: the earlier files stay.
mkdir -p out-blocked/graph.graphml
printf 'earlier\n' >out-blocked/graph.jsonld
run blocked build -q -f graphml,jsonld,dot -o out-blocked good.txt
expect_status blocked 2
no_crash blocked
expect_err blocked "out-blocked/graph.graphml"
if [[ "$(cat out-blocked/graph.jsonld)" == "earlier" && ! -e out-blocked/graph.dot ]]; then ok; else fail "blocked: a failed run changed the output folder"; fi
no_temp_files out-blocked "an export blocked by a folder"

# A full disk (a 64 KiB tmpfs, where the system lets us mount one): the export fails, the
# earlier graph stays as it was, no temporary file remains.
mkdir -p tiny
if mount -t tmpfs -o size=64k tmpfs tiny 2>/dev/null; then
    mounted=$tmp/tiny
    printf 'earlier graph\n' >tiny/graph.graphml
    run full build -q -f graphml -o tiny many/00
    expect_status full 2
    no_crash full
    expect_err full "tiny/graph.graphml"
    if [[ "$(cat tiny/graph.graphml)" == "earlier graph" ]]; then ok; else fail "full: the earlier graph was replaced or truncated"; fi
    no_temp_files tiny "a full disk"
    umount tiny && mounted=""
else
    note "cannot mount a tmpfs here: the full-disk case is not checked"
fi

# A run killed while it writes: whatever is in the output directory is complete.
rm -rf out-killed
"$KG_BIN" build -q -f graphml,jsonld -o out-killed many >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
    if compgen -G "out-killed/.*.tmp*" >/dev/null; then break; fi
    kill -0 $pid 2>/dev/null || break
    sleep 0.05
done
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
well_formed out-killed "a run killed while writing"

# --- summary --------------------------------------------------------------------------------
if [[ $failures -ne 0 ]]; then
    echo "$failures check(s) failed, $checks passed" >&2
    exit 1
fi
echo "PASS: $checks checks"
exit 0
