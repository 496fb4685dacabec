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
