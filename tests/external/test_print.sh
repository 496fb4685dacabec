#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Print-ready diagrams (issue #15): the PDF of samples/ on A4 (the default --page) has every
# page exactly A4 and no text under 7 pt, measured with poppler: pdftotext -bbox gives each
# word's box, whose height for DejaVu Sans is a fixed multiple of the font size; the height of
# a 7 pt word is measured on a PDF that Graphviz renders here (the same fonts and cairo), so
# the check holds for this machine's fonts. Also: pdffonts finds the fonts embedded; the
# split over pages is reported; A3 and Letter pages; --page fit is one page; --dpi scales
# the PNG; the PDF is byte-identical across runs.
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR, KG_PYTHON.
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

kgraph_env
for tool in pdftotext pdffonts pdfinfo dot; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (Debian: poppler-utils, graphviz)"
done

scratch print

# The height pdftotext gives a 7 pt word of the diagrams' font.
echo 'digraph { node [fontname="DejaVu Sans", fontsize=7, shape=plaintext]; a [label="Seven"] }' | dot -Tpdf >"$tmp/seven.pdf" ||
    fail "dot cannot render the 7 pt sample"
# Smallest word height of a PDF, and the number of words.
heights() {
    pdftotext -bbox "$1" - | "$python" -c '
import re, sys
h = [float(m.group(2)) - float(m.group(1)) for m in re.finditer(r"<word [^>]*yMin=\"([0-9.]+)\" [^>]*yMax=\"([0-9.]+)\"", sys.stdin.read())]
print(f"{min(h):.3f} {len(h)}" if h else "0 0")'
}
read -r h7 _ <<<"$(heights "$tmp/seven.pdf")"
"$python" -c "import sys; sys.exit(not 5 < $h7 < 12)" || fail "a 7 pt word measures $h7 pt, not a font height"

run "$KG_BIN" build -o "$tmp/a4" --formats pdf,png samples/ 2>"$tmp/a4.log"
cat "$tmp/a4.log"
read -r smallest words <<<"$(heights "$tmp/a4/graph.pdf")"
[ "$words" -gt 50 ] || fail "the A4 PDF holds only $words words"
"$python" -c "import sys; sys.exit(not $smallest >= $h7 - 0.01)" ||
    fail "the A4 PDF has text under 7 pt: smallest word $smallest pt high, a 7 pt word is $h7"
echo "ok: smallest text of the A4 PDF: $smallest pt high (7 pt = $h7); $words words"
pages="$(pdfinfo "$tmp/a4/graph.pdf" | awk '/^Pages:/ {print $2}')"
[ "$(pdfinfo -f 1 -l "$pages" "$tmp/a4/graph.pdf" | grep -c 'size: *\(595.28 x 841.89\|841.89 x 595.28\) pts')" -eq "$pages" ] ||
    fail "not every page is A4: $(pdfinfo -f 1 -l "$pages" "$tmp/a4/graph.pdf" | grep size)"
if [ "$pages" -gt 1 ]; then
    grep -q "split over $pages pages of A4" "$tmp/a4.log" || fail "$pages pages, and the run did not say so"
    last="$(pdftotext -f "$pages" -l "$pages" "$tmp/a4/graph.pdf" -)"
    for w in Legend "line colour: relation" "line width: sentences" "1 sentence" signed alleged; do
        grep -qF -- "$w" <<<"$last" || fail "the legend page (the last) lacks \"$w\""
    done
fi
pdffonts "$tmp/a4/graph.pdf" | grep -q 'DejaVu.* yes' || fail "the diagram's font is not embedded: $(pdffonts "$tmp/a4/graph.pdf")"
echo "ok: $pages A4 page(s), fonts embedded"

# The same run again: the same bytes.
run "$KG_BIN" build -q -o "$tmp/again" --formats pdf,png samples/
cmp -s "$tmp/a4/graph.pdf" "$tmp/again/graph.pdf" || fail "a second run wrote a different PDF"
cmp -s "$tmp/a4/graph.png" "$tmp/again/graph.png" || fail "a second run wrote a different PNG"

# Other pages; a focused view that fits on one page; fit; PNG resolution.
run "$KG_BIN" build -q -o "$tmp/a3" --formats pdf --page a3 samples/
pdfinfo "$tmp/a3/graph.pdf" | grep -q 'size: *\(841.89 x 1190.55\|1190.55 x 841.89\) pts' || fail "--page a3 is not A3"
read -r smallest _ <<<"$(heights "$tmp/a3/graph.pdf")"
"$python" -c "import sys; sys.exit(not $smallest >= $h7 - 0.01)" || fail "the A3 PDF has text under 7 pt ($smallest)"
run "$KG_BIN" build -q -o "$tmp/letter" --formats pdf --page letter --focus "Kim Jong Un" samples/
pdfinfo "$tmp/letter/graph.pdf" | grep -q 'size: *\(612 x 792\|792 x 612\) pts' || fail "--page letter is not Letter"
read -r smallest _ <<<"$(heights "$tmp/letter/graph.pdf")"
"$python" -c "import sys; sys.exit(not $smallest >= $h7 - 0.01)" || fail "the Letter PDF has text under 7 pt ($smallest)"
run "$KG_BIN" build -q -o "$tmp/fit" --formats pdf --page fit samples/
[ "$(pdfinfo "$tmp/fit/graph.pdf" | awk '/^Pages:/ {print $2}')" = 1 ] || fail "--page fit is not one page"
run "$KG_BIN" build -q -o "$tmp/dpi" --formats png --dpi 192 samples/
w96="$("$python" -c 'import struct,sys; print(struct.unpack(">I", open(sys.argv[1],"rb").read()[16:20])[0])' "$tmp/a4/graph.png")"
w192="$("$python" -c 'import struct,sys; print(struct.unpack(">I", open(sys.argv[1],"rb").read()[16:20])[0])' "$tmp/dpi/graph.png")"
"$python" -c "import sys; sys.exit(not 1.9 < $w192 / $w96 < 2.1)" || fail "--dpi 192 gave a PNG $w192 px wide, at 96 dpi $w96"

# Labels fully in the chosen language: the diagram in Italian has no English word of the
# style (legend, statuses, widths, colours, relation labels), and marks English names.
run "$KG_BIN" build -q -o "$tmp/it" --formats svg --label-lang it samples/
texts="$(grep -o '<text[^>]*>[^<]*</text>' "$tmp/it/graph.svg" | sed 's/<[^>]*>//g')"
for it in Legenda "colore della linea: relazione" "spessore della linea: frasi" "ha firmato" presunto Persona Stato; do
    grep -qxF -- "$it" <<<"$(sed 's/^ *//; s/^[━─╍┉]* *//' <<<"$texts")" || fail "the Italian diagram lacks \"$it\""
done
for en in Legend signed alleged Person State "line colour: relation" "line width: sentences" sentences "North Korea"; do
    if grep -qxF -- "$en" <<<"$(sed 's/^ *//; s/^[━─╍┉]* *//' <<<"$texts")"; then fail "the Italian diagram shows the English \"$en\""; fi
done
if grep -q '(en)' <<<"$texts"; then
    grep -qF "(en): nome inglese" <<<"$texts" || fail "names are marked (en) and the legend does not say why"
fi
echo "ok: --label-lang it: legend, statuses, classes, relations and known names in Italian"
echo "PASS: print-ready PDF and PNG: pages of the chosen size, no text under 7 pt"
