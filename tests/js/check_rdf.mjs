#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Check kgraph's Turtle and N-Triples with Oxigraph (npm oxigraph), a triple store we did
// not write: each file loads, and all give exactly the triples Oxigraph reads from the
// JSON-LD of the same run; no blank node; every oa:TextPositionSelector counts code points
// (oa:end - oa:start = the code points of its quote) and keeps the bytes (kg:byteEnd -
// kg:byteStart = the UTF-8 bytes of the quote).
//
// usage: node check_rdf.mjs GRAPH.jsonld GRAPH.ttl GRAPH.nt [--relations N] [--entities N] [--mentions N]
// Prints one summary line; exits 1 on any failure, 2 on bad usage.
import {readFileSync} from 'node:fs';
import oxigraph from 'oxigraph';

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const expected = {};
for (let i = 0; i < args.length; ++i) if (args[i].startsWith('--')) expected[args[i].slice(2)] = Number(args[++i]);
if (files.length !== 3) { console.error('usage: node check_rdf.mjs GRAPH.jsonld GRAPH.ttl GRAPH.nt [--relations N] ...'); process.exit(2); }

const failures = [];
const formats = ['application/ld+json', 'text/turtle', 'application/n-triples'];
const stores = files.map((f, k) => {
  const store = new oxigraph.Store();
  try { store.load(readFileSync(f, 'utf8'), {format: formats[k]}); } catch (e) { failures.push(`${f}: ${e.message ?? e}`); }
  return store;
});
const lines = (store) => store.dump({format: 'application/n-quads'}).split('\n').filter((l) => l).sort();
const [j, t, n] = stores.map(lines);
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
if (!same(j, t)) failures.push(`Turtle: ${t.length} triples, JSON-LD: ${j.length}, or they differ`);
if (!same(j, n)) failures.push(`N-Triples: ${n.length} triples, JSON-LD: ${j.length}, or they differ`);
if (j.some((l) => l.startsWith('_:') || l.includes(' _:'))) failures.push('a blank node');

const KG = 'https://w3id.org/kgraph/vocab#', OA = 'http://www.w3.org/ns/oa#';
const count = (type) => Number(stores[1].query(`SELECT (COUNT(?s) AS ?n) WHERE { ?s a <${type}> }`)[0].get('n').value);
const counts = {relations: count(KG + 'Relation'), entities: count(KG + 'Entity'), mentions: count(OA + 'Annotation')};
for (const [k, v] of Object.entries(expected)) if (counts[k] !== v) failures.push(`${k}: ${counts[k]}, expected ${v}`);

const selectors = stores[1].query(`SELECT ?start ?end ?bs ?be ?exact WHERE {
  ?target <${OA}hasSelector> ?p, ?q . ?p a <${OA}TextPositionSelector> ; <${OA}start> ?start ; <${OA}end> ?end ;
  <${KG}byteStart> ?bs ; <${KG}byteEnd> ?be . ?q <${OA}exact> ?exact }`);
let bad = 0;
for (const s of selectors) {
  const exact = s.get('exact').value;
  const chars = [...exact].length, bytes = Buffer.byteLength(exact, 'utf8');
  if (Number(s.get('end').value) - Number(s.get('start').value) !== chars ||
      Number(s.get('be').value) - Number(s.get('bs').value) !== bytes) ++bad;
}
// One target per cited sentence, shared by the mentions read from it: as many selector pairs
// as distinct targets, and every mention has one.
const targets = Number(stores[1].query(`SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?m <${OA}hasTarget> ?t }`)[0].get('n').value);
const untargeted = Number(stores[1].query(`SELECT (COUNT(?m) AS ?n) WHERE { ?m a <${OA}Annotation> FILTER NOT EXISTS { ?m <${OA}hasTarget> ?t } }`)[0].get('n').value);
if (selectors.length !== targets) failures.push(`${selectors.length} position selectors for ${targets} mention targets`);
if (untargeted) failures.push(`${untargeted} mentions without a target`);
if (targets > counts.mentions) failures.push(`${targets} targets for ${counts.mentions} mentions`);
if (bad) failures.push(`${bad} selectors whose offsets do not span their quote`);
const summary = `oxigraph: ${j.length} triples alike in JSON-LD, Turtle and N-Triples, ${counts.entities} entities, ` +
                `${counts.relations} relations, ${counts.mentions} mentions, ${selectors.length} selectors in code points`;
if (failures.length) { for (const f of failures) console.error(`FAIL: ${f}`); console.error(summary); process.exit(1); }
console.log(`ok: ${summary}`);
