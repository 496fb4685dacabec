#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Check kgraph's GEXF with graphology-gexf (the GEXF reader of Gephi Lite and sigma.js), a
// reader we did not write: every node and every edge arrives (no edge merged into another:
// the graph must come out as a multigraph when two relation types join one pair), edges carry
// their kind and stable id, nodes the viz values a viewer draws with (x, y, size, color), and
// no node or edge attribute is called "type" (sigma.js would take it for a drawing program).
//
// usage: node check_gexf.mjs GRAPH.gexf --nodes N --edges M
import {readFileSync} from 'node:fs';
import Graph from 'graphology';
import gexf from 'graphology-gexf';

const args = process.argv.slice(2);
const file = args[0];
const want = {};
for (let i = 1; i < args.length; i += 2) want[args[i].replace(/^--/, '')] = Number(args[i + 1]);
const failures = [];
let graph;
try {
  graph = gexf.parse(Graph, readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`FAIL: graphology-gexf cannot read ${file}: ${e.message}`);
  process.exit(1);
}
if (want.nodes !== undefined && graph.order !== want.nodes) failures.push(`nodes: ${graph.order}, expected ${want.nodes}`);
if (want.edges !== undefined && graph.size !== want.edges) failures.push(`edges: ${graph.size}, expected ${want.edges}`);
let pairs = 0;
const seen = new Map();
graph.forEachEdge((e, a, s, t) => {
  if (!a.kind || a.kind !== a.relation) failures.push(`edge ${e}: kind ${a.kind} is not its relation ${a.relation}`);
  if (e !== `${s}:${a.relation}:${t}`) failures.push(`edge id ${e} is not source:relation:target`);
  if ('type' in a) failures.push(`edge ${e} has an attribute "type"`);
  const key = `${s}\u0000${t}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
});
for (const n of seen.values()) if (n > 1) ++pairs;
if (pairs > 0 && !graph.multi) failures.push('parallel edges of different kinds but the graph is not a multigraph');
graph.forEachNode((n, a) => {
  for (const k of ['x', 'y', 'size', 'color', 'label', 'class'])
    if (a[k] === undefined) failures.push(`node ${n} lacks ${k}`);
  if ('type' in a) failures.push(`node ${n} has an attribute "type"`);
});
const summary = `graphology-gexf ${file}: ${graph.order} nodes, ${graph.size} edges (${pairs} pairs joined by several relation types, multi=${graph.multi})`;
if (failures.length) { for (const f of failures.slice(0, 20)) console.error(`FAIL: ${f}`); console.error(summary); process.exit(1); }
console.log(`ok: ${summary}`);
