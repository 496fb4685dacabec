# SPDX-License-Identifier: Apache-2.0
# Shared by the reader tests: source it after `set -u`.
# fail: stop with a message. skip: exit 77 (ctest's skip) unless CI is set, where a missing
# tool is a failure so that a check cannot silently stop running. run: echo, run, fail on error.
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() {
    if [ -n "${CI:-}" ]; then fail "$* (CI is set, so this is not skipped)"; fi
    echo "SKIP: $*" >&2
    exit 77
}
run() {
    echo "+ $*"
    "$@" || fail "command failed (exit $?): $*"
}

# The reader tests' common start. kgraph_env: KG_BIN (made absolute) and KG_SOURCE_DIR checked;
# python (KG_PYTHON, else Debian's) and js (the npm readers' folder, tests/js) set.
kgraph_env() {
    [ -n "${KG_BIN:-}" ] && [ -x "$KG_BIN" ] || fail "KG_BIN must name the kgraph binary"
    KG_BIN="$(cd "$(dirname "$KG_BIN")" && pwd)/$(basename "$KG_BIN")"
    [ -n "${KG_SOURCE_DIR:-}" ] || fail "KG_SOURCE_DIR must name the source tree"
    python="${KG_PYTHON:-/usr/bin/python3}"
    js="$KG_SOURCE_DIR/tests/js"
}
# need_node_modules PACKAGE...: skip unless each npm package is installed in tests/js.
need_node_modules() {
    local m
    for m in "$@"; do
        [ -d "$js/node_modules/$m" ] || skip "$js/node_modules/$m is missing (scripts/setup runs npm ci there)"
    done
}
# need_chromium: skip unless Debian's Chromium is there (the browser checks drive no other).
need_chromium() {
    command -v node >/dev/null 2>&1 || skip "node is not installed (Debian: nodejs)"
    [ -x "${KG_CHROMIUM:-/usr/bin/chromium}" ] || skip "Chromium is not installed (Debian: chromium)"
}
# scratch NAME: tmp, a new folder removed on exit; then into the source tree.
scratch() {
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/kg-$1.XXXXXX")" || fail "mktemp"
    # shellcheck disable=SC2064
    trap "rm -rf '$tmp'" EXIT
    cd "$KG_SOURCE_DIR" || fail "cannot cd to $KG_SOURCE_DIR"
}
# kgraph_counts GRAPHML: entities, relations and mentions (evidence sentences), kgraph's own
# counts read from its GraphML.
kgraph_counts() {
    local expected i
    read -r -a expected <<<"$("$python" "$KG_SOURCE_DIR/tests/external/check_jsonld.py" --print-expected "$1")"
    entities="" relations="" mentions=""
    for ((i = 0; i < ${#expected[@]}; i += 2)); do
        case "${expected[i]}" in
            --entities) entities="${expected[i + 1]}" ;;
            --relations) relations="${expected[i + 1]}" ;;
            --mentions) mentions="${expected[i + 1]}" ;;
        esac
    done
    [ -n "$entities" ] && [ -n "$relations" ] && [ -n "$mentions" ] || fail "no counts from the GraphML: ${expected[*]}"
}
