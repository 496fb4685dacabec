#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The sample GraphML drawn by sigma.js 3 in Debian's Chromium, headless (issue #14): read in the
# page by graphology-graphml, rendered with the README's one-line reducers (the node attribute
# `type` is the entity class, not a sigma program); no console error, and as many nodes and
# edges drawn as kgraph wrote (tests/js/check_sigma.mjs).
# Environment (set by tests/CMakeLists.txt): KG_BIN, KG_SOURCE_DIR, KG_PYTHON.
set -u
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

kgraph_env
need_chromium
need_node_modules sigma graphology graphology-graphml playwright-core
scratch sigma
run "$KG_BIN" build -q -o "$tmp/out" --formats graphml samples
kgraph_counts "$tmp/out/graph.graphml"
run node "$js/check_sigma.mjs" "$tmp/out/graph.graphml" --nodes "$entities" --edges "$relations"
echo "PASS: sigma.js 3 draws the sample GraphML in Chromium with kgraph's counts"
