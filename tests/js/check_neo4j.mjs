#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Check kgraph's Neo4j export in Kuzu (npm kuzu), an embedded Cypher database we did not write,
// as an analyst would use it, offline:
//  1. the CSV files, loaded as neo4j-admin would read them (the tables come from the headers:
//     name:type, :ID(space), :START_ID(space), :END_ID(space); arrays kept as ';'-joined text);
//  2. graph.cypher, run statement by statement into an empty database with the same tables.
//     Kuzu has no multi-label nodes and no constraints: the CREATE CONSTRAINT statements and
//     the `SET n:Label` statements are counted and checked for shape, not run; every MERGE is;
//  3. graph.cypher run a second time: the whole database must be unchanged;
//  4. with --previous DIR (the export of a build with one document fewer): DIR's script then
//     this one must give exactly the database of this script alone, and every relationship id
//     of DIR must still be there;
//  5. counts equal to --entities/--relations/--evidence/--documents, in both databases, and the
//     analyst's query (who signed which agreement, with the evidence sentence and its
//     document) answers the same in both, and is not empty.
// usage: node check_neo4j.mjs DIR [--entities N] [--relations N] [--evidence N] [--documents N] [--previous DIR]
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';

const args = process.argv.slice(2);
const dir = args[0];
const want = {};
let previous = null;
for (let i = 1; i < args.length; i += 2) {
  if (args[i] === '--previous') previous = args[i + 1];
  else want[args[i].replace(/^--/, '')] = Number(args[i + 1]);
}
const failures = [];
const fail = (m) => failures.push(m);

// ---- schema from the CSV headers --------------------------------------------------------
const csvFiles = (d) => readdirSync(d).filter((f) => /^neo4j-.*\.csv$/.test(f)).sort();
const header = (file) => readFileSync(file, 'utf8').split('\n', 1)[0].split(',');
const kuzuType = (t, arrays) => ({int: 'INT64', long: 'INT64', boolean: 'BOOLEAN', 'string[]': arrays, '': 'STRING'})[t ?? ''] ?? 'STRING';
const space = (h) => /\((\w+)\)/.exec(h)?.[1];

function schema(d, arrays) {
  const nodes = new Map(), rels = new Map(), loads = [];
  for (const f of csvFiles(d)) {
    const h = header(path.join(d, f));
    if (h[0].includes(':ID(')) {
      const table = space(h[0]);
      const cols = h.map((c) => c === ':LABEL' ? ['neo4j_labels', 'STRING'] : [c.split(':')[0], kuzuType(c.split(':')[1]?.replace(/\(.*/, ''), arrays)]);
      nodes.set(table, cols);
      loads.push([table, f]);
    } else {
      const type = /^neo4j-rels-(\w+)\.csv$/.exec(f)[1];
      const cols = h.slice(2).map((c) => c === ':TYPE' ? ['neo4j_type', 'STRING'] : [c.split(':')[0], kuzuType(c.split(':')[1], arrays)]);
      rels.set(type, {from: space(h[0]), to: space(h[1]), cols});
      loads.push([type, f]);
    }
  }
  return {nodes, rels, loads};
}

async function open(s, csvColumns) {
  const db = new kuzu.Database(':memory:');
  const c = new kuzu.Connection(db);
  for (const [t, cols] of s.nodes) {
    const kept = cols.filter(([n]) => csvColumns || n !== 'neo4j_labels');
    await c.query(`CREATE NODE TABLE ${t}(${kept.map(([n, ty]) => `${n} ${ty}`).join(', ')}, PRIMARY KEY(id))`);
  }
  for (const [t, r] of s.rels) {
    const kept = r.cols.filter(([n]) => csvColumns || n !== 'neo4j_type');
    await c.query(`CREATE REL TABLE ${t}(FROM ${r.from} TO ${r.to}${kept.map(([n, ty]) => `, ${n} ${ty}`).join('')})`);
  }
  return c;
}

const all = async (c, q) => (await c.query(q)).getAll();

async function dump(c, s) {
  const out = [];
  for (const t of s.nodes.keys()) for (const row of await all(c, `MATCH (n:${t}) RETURN n`)) out.push(JSON.stringify(row.n, (k, v) => k === '_id' ? undefined : v));
  for (const t of s.rels.keys()) for (const row of await all(c, `MATCH (a)-[r:${t}]->(b) RETURN a.id AS a, r, b.id AS b`)) out.push(JSON.stringify([row.a, row.b, row.r], (k, v) => ['_id', '_src', '_dst'].includes(k) ? undefined : v));
  return out.sort();
}

async function counts(c, s) {
  const n = async (q) => Number((await all(c, q))[0].n);
  let relations = 0;
  for (const t of s.rels.keys()) if (t !== 'EVIDENCE_IN' && t !== 'MENTIONED_IN') relations += await n(`MATCH ()-[r:${t}]->() RETURN COUNT(r) AS n`);
  return {entities: await n('MATCH (x:Entity) RETURN COUNT(x) AS n'), documents: await n('MATCH (x:Document) RETURN COUNT(x) AS n'),
          evidence: await n('MATCH (x:Evidence) RETURN COUNT(x) AS n'), relations};
}

// Who signed which agreement, with the evidence: the sentence, its document and offsets.
const analyst = `MATCH (p:Entity)-[r:SIGNED]->(a:Entity) WHERE a.type = 'Agreement'
  MATCH (e:Evidence)-[:EVIDENCE_IN]->(d:Document) WHERE e.relation = r.id
  RETURN p.label AS who, a.label AS agreement, d.id AS document, e.char_begin AS at, e.text AS sentence
  ORDER BY who, agreement, document, at`;

// ---- the Cypher script: statements split outside quotes ----------------------------------
function statements(text) {
  const out = [];
  let cur = '', quote = null;
  for (let i = 0; i < text.length; ++i) {
    const ch = text[i];
    if (quote) {
      cur += ch;
      if (ch === '\\') cur += text[++i];
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') { quote = ch; cur += ch; }
    else if (ch === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') ++i; }
    else if (ch === ';') { if (cur.trim()) out.push(cur.trim()); cur = ''; }
    else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

let skipped = {constraints: 0, labels: 0};
async function runScript(c, d) {
  skipped = {constraints: 0, labels: 0};
  const s = statements(readFileSync(path.join(d, 'graph.cypher'), 'utf8'));
  let ran = 0;
  for (const st of s) {
    if (/^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:\w+\) REQUIRE n\.id IS UNIQUE$/.test(st)) { ++skipped.constraints; continue; }
    if (/^MATCH \(n:Entity\) WHERE n\.id IN \[[^]*\]\s*SET n(:\w+)+$/.test(st)) { ++skipped.labels; continue; }
    try { await c.query(st); ++ran; } catch (e) { fail(`statement ${st.slice(0, 120)}...: ${e.message}`); break; }
  }
  return ran;
}

const csvSchema = schema(dir, 'STRING');
const csvDb = await open(csvSchema, true);
for (const [t, f] of csvSchema.loads) {
  try { await csvDb.query(`COPY ${t} FROM '${path.resolve(dir, f)}' (HEADER=true, PARALLEL=false)`); }
  catch (e) { fail(`COPY ${f}: ${e.message}`); }
}
const scriptSchema = schema(dir, 'STRING[]');
const db = await open(scriptSchema, false);
const ran = await runScript(db, dir);
const first = await dump(db, scriptSchema);
await runScript(db, dir);
const second = await dump(db, scriptSchema);
if (first.length !== second.length || first.some((x, i) => x !== second[i])) fail('a second run of graph.cypher changed the database');

const fromCsv = await counts(csvDb, csvSchema), fromScript = await counts(db, scriptSchema);
for (const k of Object.keys(fromCsv)) {
  if (fromCsv[k] !== fromScript[k]) fail(`${k}: ${fromCsv[k]} from the CSVs, ${fromScript[k]} from graph.cypher`);
  if (want[k] !== undefined && fromCsv[k] !== want[k]) fail(`${k}: ${fromCsv[k]}, expected ${want[k]}`);
}
const a1 = await all(csvDb, analyst), a2 = await all(db, analyst);
if (a1.length === 0) fail('nobody signed anything, says the analyst query');
if (JSON.stringify(a1) !== JSON.stringify(a2)) fail('the analyst query answers differently from the CSVs and from graph.cypher');

if (previous) {
  const upgraded = await open(scriptSchema, false);
  await runScript(upgraded, previous);
  const before = new Set();
  for (const t of scriptSchema.rels.keys())
    if (t !== 'EVIDENCE_IN' && t !== 'MENTIONED_IN') for (const r of await all(upgraded, `MATCH ()-[r:${t}]->() RETURN r.id AS id`)) before.add(r.id);
  await runScript(upgraded, dir);
  const after = await dump(upgraded, scriptSchema);
  if (after.length !== first.length || after.some((x, i) => x !== first[i])) fail('the previous script then this one does not give the database of this script alone');
  const now = new Set();
  for (const t of scriptSchema.rels.keys())
    if (t !== 'EVIDENCE_IN' && t !== 'MENTIONED_IN') for (const r of await all(db, `MATCH ()-[r:${t}]->() RETURN r.id AS id`)) now.add(r.id);
  const lost = [...before].filter((id) => !now.has(id));
  if (lost.length) fail(`${lost.length} relationship ids of the previous build are gone, e.g. ${lost[0]}`);
  console.log(`previous build: ${before.size} relationship ids, all kept; ${now.size - before.size} added`);
}

const summary = `kuzu ${dir}: ${fromCsv.entities} entities, ${fromCsv.relations} relations, ${fromCsv.evidence} evidence, ` +
  `${fromCsv.documents} documents from ${csvSchema.loads.length} CSV files and from graph.cypher (${ran} statements run, ` +
  `${skipped.constraints} constraints and ${skipped.labels} label statements left to Neo4j); run twice: unchanged; ` +
  `who signed what: ${a1.length} rows`;
if (failures.length) { for (const f of failures.slice(0, 20)) console.error(`FAIL: ${f}`); console.error(summary); process.exit(1); }
console.log(`ok: ${summary}`);
console.log(`e.g. ${a1[0].who} signed ${a1[0].agreement}: "${a1[0].sentence.slice(0, 100)}" (${a1[0].document}, character ${a1[0].at})`);
