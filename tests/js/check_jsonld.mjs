#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Check a kgraph JSON-LD file with jsonld.js, a JSON-LD processor we did not write.
//
// usage: node check_jsonld.mjs GRAPH.jsonld [--entities N] [--relations N] [--mentions N]
//                              [--articles N] [--require-entity IRI]...
//
//  - expands the file in safe mode: any term, type or value the processor would drop
//    (an undefined term, a relative IRI, a malformed language tag...) is an error;
//  - refuses to load any remote document: the @context must be embedded;
//  - converts to RDF and counts the kgraph nodes: entities (kg:Entity), relation nodes
//    (kg:Relation), mentions (oa:Annotation), articles (schema:NewsArticle), and the direct
//    relation triples (entity -> entity through a property typed rdf:Property);
//  - compares the counts with the expected ones given, and checks that relations equal the
//    direct triples and that every relation's kg:weight is its mentions plus
//    kg:evidenceOmitted (the sentences over the evidence limit);
//  - for each --require-entity IRI: it is an entity, a relation node names it as subject or
//    object, and that relation has mentions with both selectors on a NewsArticle.
// Prints one summary line; exits 1 on any failure, 2 on bad usage or an unreadable file.
import {readFile} from 'node:fs/promises';
import jsonld from 'jsonld';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_PROPERTY = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#Property';
const KG = 'https://w3id.org/kgraph/vocab#';
const OA = 'http://www.w3.org/ns/oa#';
const PROV = 'http://www.w3.org/ns/prov#';
const SCHEMA = 'https://schema.org/';

function usage(message) {
  console.error(`check_jsonld.mjs: ${message}`);
  console.error('usage: node check_jsonld.mjs GRAPH.jsonld [--entities N] [--relations N] [--mentions N] ' +
                '[--articles N] [--require-entity IRI]...');
  process.exit(2);
}

const args = process.argv.slice(2);
let file = null;
const expected = {};
const required = [];
for (let i = 0; i < args.length; ++i) {
  const a = args[i];
  const m = /^--(entities|relations|mentions|articles)$/.exec(a);
  if (m) {
    const n = Number(args[++i]);
    if (!Number.isInteger(n) || n < 0) usage(`${a} needs a count`);
    expected[m[1]] = n;
  } else if (a === '--require-entity') {
    if (i + 1 >= args.length) usage('--require-entity needs an IRI');
    required.push(args[++i]);
  } else if (!a.startsWith('--') && file === null) {
    file = a;
  } else {
    usage(`unexpected argument ${a}`);
  }
}
if (file === null) usage('no input file');

let doc;
try {
  doc = JSON.parse(await readFile(file, 'utf8'));
} catch (e) {
  console.error(`check_jsonld.mjs: cannot read ${file}: ${e.message}`);
  process.exit(2);
}

const failures = [];
const fail = (message) => failures.push(message);

// Offline: a remote @context (or anything else to fetch) is a failure, not a download.
const documentLoader = async (url) => {
  throw new Error(`the document asks to load ${url}; the context must be embedded`);
};
const options = {safe: true, documentLoader};

let quads = [];
try {
  const expanded = await jsonld.expand(doc, options);
  if (!Array.isArray(expanded) || expanded.length === 0) fail('expand gave nothing');
  quads = await jsonld.toRDF(expanded, options);
} catch (e) {
  fail(`jsonld.js (safe mode): ${e.name}: ${e.message}` + (e.details ? ` ${JSON.stringify(e.details).slice(0, 500)}` : ''));
}

// Index the triples of the default graph.
const bySubject = new Map();
const typesOf = (s) => (bySubject.get(s)?.get(RDF_TYPE) ?? []).map((o) => o.value);
for (const q of quads) {
  if (q.graph.termType !== 'DefaultGraph') fail(`a quad in a named graph: ${q.graph.value}`);
  const s = q.subject.value;
  if (!bySubject.has(s)) bySubject.set(s, new Map());
  const props = bySubject.get(s);
  if (!props.has(q.predicate.value)) props.set(q.predicate.value, []);
  props.get(q.predicate.value).push(q.object);
}
const values = (s, p) => bySubject.get(s)?.get(p) ?? [];
const one = (s, p) => values(s, p)[0]?.value;
const oneIri = (s, p) => values(s, p).find((o) => o.termType === 'NamedNode')?.value;

const ofType = (type) => [...bySubject.keys()].filter((s) => typesOf(s).includes(type));
const entities = new Set(ofType(KG + 'Entity'));
const relations = ofType(KG + 'Relation');
const mentions = ofType(OA + 'Annotation');
const articles = new Set(ofType(SCHEMA + 'NewsArticle'));
const properties = new Set(ofType(RDF_PROPERTY));
let direct = 0;
for (const q of quads)
  if (properties.has(q.predicate.value) && q.object.termType === 'NamedNode' && entities.has(q.subject.value) &&
      entities.has(q.object.value))
    ++direct;

const counts = {entities: entities.size, relations: relations.length, mentions: mentions.length, articles: articles.size};
for (const [name, n] of Object.entries(expected))
  if (counts[name] !== n) fail(`${name}: jsonld.js finds ${counts[name]}, expected ${n}`);
if (direct !== relations.length) fail(`direct relation triples ${direct} != relation nodes ${relations.length}`);

for (const e of entities)
  if (e.startsWith('_:')) fail(`entity ${e} is a blank node`);

// Every relation: subject, predicate, object; weight = its mentions + the omitted ones; the direct triple.
for (const r of relations) {
  const s = oneIri(r, KG + 'subject'), p = oneIri(r, KG + 'predicate'), o = oneIri(r, KG + 'object');
  if (!entities.has(s) || !entities.has(o)) fail(`relation ${r}: subject or object is not an entity`);
  if (!properties.has(p)) fail(`relation ${r}: predicate ${p} is not described as rdf:Property`);
  else if (!values(s, p).some((x) => x.termType === 'NamedNode' && x.value === o)) fail(`relation ${r}: no direct triple <${s}> <${p}> <${o}>`);
  const weight = Number(one(r, KG + 'weight'));
  const derived = values(r, PROV + 'wasDerivedFrom');
  const omittedValue = one(r, KG + 'evidenceOmitted');
  const omitted = omittedValue === undefined ? 0 : Number(omittedValue);
  if (weight !== derived.length + omitted)
    fail(`relation ${r}: kg:weight ${weight} but ${derived.length} mentions and ${omitted} omitted`);
}

// Every mention: a target on an article with a byte-position and a quote selector.
function checkMention(m) {
  const target = one(m, OA + 'hasTarget');
  const source = target && oneIri(target, OA + 'hasSource');
  if (!source || !articles.has(source)) return `mention ${m}: oa:hasSource is not a NewsArticle`;
  const selectors = values(target, OA + 'hasSelector').map((x) => x.value);
  const position = selectors.find((s) => typesOf(s).includes(OA + 'TextPositionSelector'));
  const quote = selectors.find((s) => typesOf(s).includes(OA + 'TextQuoteSelector'));
  if (!position || !quote) return `mention ${m}: missing a selector`;
  const start = Number(one(position, OA + 'start')), end = Number(one(position, OA + 'end'));
  if (!(Number.isInteger(start) && Number.isInteger(end) && start <= end)) return `mention ${m}: bad offsets`;
  const exact = one(quote, OA + 'exact');
  if (exact === undefined || [...exact].length !== end - start)
    return `mention ${m}: oa:exact is not ${end - start} code points long`;
  const byteStart = Number(one(position, KG + 'byteStart')), byteEnd = Number(one(position, KG + 'byteEnd'));
  if (Buffer.byteLength(exact, 'utf8') !== byteEnd - byteStart) return `mention ${m}: oa:exact is not ${byteEnd - byteStart} bytes long`;
  return null;
}
let mentionFailures = 0;
for (const m of mentions) {
  const problem = checkMention(m);
  if (problem && mentionFailures++ < 10) fail(problem);
}

for (const iri of required) {
  if (!entities.has(iri)) {
    fail(`required entity ${iri} is not there`);
    continue;
  }
  const its = relations.filter((r) => oneIri(r, KG + 'subject') === iri || oneIri(r, KG + 'object') === iri);
  const withEvidence = its.filter((r) => values(r, PROV + 'wasDerivedFrom').length > 0);
  if (withEvidence.length === 0) fail(`required entity ${iri} has no relation with evidence`);
}

const summary = `jsonld.js ${file}: ${quads.length} triples, ${counts.entities} entities, ` +
                `${counts.relations} relations (${direct} direct triples), ${counts.mentions} mentions, ` +
                `${counts.articles} articles`;
if (failures.length) {
  for (const f of failures.slice(0, 25)) console.error(`FAIL: ${f}`);
  if (failures.length > 25) console.error(`... and ${failures.length - 25} more`);
  console.error(summary);
  process.exit(1);
}
console.log(`ok: ${summary}`);
