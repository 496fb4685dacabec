#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The HTML report (issue #15) in Debian's Chromium, headless (tests/js/check_report.mjs):
#  - `kgraph build -f html -o OUT samples/` writes OUT/report.html, self-contained (no request
#    leaves the file), with no console error; its tables hold the counts of the GraphML of the
#    same run; evidence links to its document; node cards open by click and by keyboard; the
#    filter narrows the tables and the diagram by relation type, class, status, entity and
#    date; printed, the evidence keeps its width;
#  - an article whose text holds </script>, <script>, <!-- and U+2028 shows that text as text
#    and runs nothing;
#  - the report is byte-identical across runs and thread counts.
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR.
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

kgraph_env
need_chromium
need_node_modules playwright-core graphology graphology-graphml @xmldom/xmldom
scratch report

# The README's command, as it is.
run "$KG_BIN" build -q -f html -o "$tmp/html" samples/
[ -s "$tmp/html/report.html" ] || fail "no report.html"
[ "$(ls "$tmp/html")" = "$(printf 'manifest.json\nreport.html')" ] || fail "unexpected files: $(ls "$tmp/html")"
"$KG_BIN" build -f graphml,html -j 2 -o "$tmp/out" samples/ 2>"$tmp/summary" ||
    fail "kgraph build -f graphml,html -j 2 failed: $(cat "$tmp/summary")"
cmp -s "$tmp/html/report.html" "$tmp/out/report.html" || fail "the report differs between runs (-j 1, -j 2)"
if grep -Eiq '(<link[^>]*href|src)="(https?:)?//|@import|(^|[^a-z])url\(' "$tmp/out/report.html"; then fail "the report loads something from the network"; fi
# Documents, not files: a JSON Lines feed holds several (kgraph's own count, from its summary).
documents="$(sed -n 's/^kgraph: \([0-9]*\) documents read.*/\1/p' "$tmp/summary")"
[ -n "$documents" ] || fail "no document count in the summary: $(cat "$tmp/summary")"
run node "$js/check_report.mjs" "$tmp/out/report.html" "$tmp/out/graph.graphml" --documents "$documents"

# An article that tries to end the data island, open a comment and run a script.
inject='</script><script>window.kgInjected=1</script>'
mkdir -p "$tmp/inject-in"
printf '%s\n\n%s\n\n%s\n' \
    "Vladimir Putin $inject meets Kim Jong Un <!-- in Moscow" \
    "Vladimir Putin met Kim Jong Un in Moscow on 3 March 2025 and said $inject <!-- that nothing changed $(printf '\xe2\x80\xa8') at all." \
    "Russia signed the Comprehensive Strategic Partnership Treaty with North Korea </script>." >"$tmp/inject-in/article.txt"
run "$KG_BIN" build -q -f graphml,html -o "$tmp/inject" "$tmp/inject-in"
if grep -q '<script>window' "$tmp/inject/report.html"; then fail "article text reached the report as markup"; fi
run node "$js/check_report.mjs" "$tmp/inject/report.html" "$tmp/inject/graph.graphml" --documents 1 --inject "$inject"

echo "PASS: report.html of samples/ works in Chromium with kgraph's counts; article text stays text"
