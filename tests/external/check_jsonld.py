#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Check a kgraph JSON-LD file with rdflib, a reader we did not write, against the GraphML
written in the same run.

usage: check_jsonld.py GRAPH.jsonld [--graphml GRAPH.graphml] [--require-entity IRI]...
                       [--require-documents]
       check_jsonld.py --print-expected GRAPH.graphml

Parses the file with rdflib (format="json-ld", the embedded @context only) and checks:
  - entities (rdf:type kg:Entity), relation nodes (kg:Relation), mentions (oa:Annotation)
    and articles (schema:NewsArticle) are there; no entity is a blank node;
  - with --graphml: one entity per GraphML node (schema:identifier = node id; @id = the
    Wikidata IRI when the node has a wikidata key), one relation node per edge with the same
    subject, predicate (kg:<type>), object and weight, plus the direct triple
    <subject> kg:<type> <object>; and per edge one mention per evidence entry with the same
    document (schema:identifier of the oa:hasSource article), byte offsets and sentence; so the counts
    of entities, relations and mentions equal the GraphML's nodes, edges and evidence;
  - every mention has an oa:TextPositionSelector (oa:start/oa:end in code points, kg:byteStart/
    kg:byteEnd in bytes) and an
    oa:TextQuoteSelector whose oa:exact is end - start bytes long; when the article's text
    is found (article_texts.py: schema:text, a JSON Lines record, or the file at kg:path
    relative to the current directory), bytes [start, end) of it are the sentence (with
    --require-documents a text not found is a failure);
  - each --require-entity IRI is an entity with at least one relation that has evidence.
--print-expected prints the counts jsonld.js should find, from the GraphML, as options for
tests/js/check_jsonld.mjs ("--entities N --relations N --mentions N").
Prints one summary line; exits 1 on any failure, 2 on bad usage or an unreadable file.
"""
import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

from article_texts import ArticleTexts

NS = "{http://graphml.graphdrawing.org/xmlns}"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KG = "https://w3id.org/kgraph/vocab#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
WD = "http://www.wikidata.org/entity/"
MAX_REPORTED = 25


def read_graphml(path):
    """Nodes {id: {key: value}} and edges [(source, target, {key: value})], keyed by attr.name."""
    root = ET.parse(path).getroot()
    names = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    graph = root.find(NS + "graph")
    nodes, edges = {}, []
    for n in graph.iter(NS + "node"):
        nodes[n.get("id")] = {names[d.get("key")]: d.text or "" for d in n.iter(NS + "data")}
    for e in graph.iter(NS + "edge"):
        edges.append((e.get("source"), e.get("target"),
                      {names[d.get("key")]: d.text or "" for d in e.iter(NS + "data")}))
    return nodes, edges


def evidence_of(edge_data):
    return json.loads(edge_data["evidence"]) if edge_data.get("evidence") else []


class Triples:
    """The parsed graph as subject -> predicate -> [objects] (rdflib terms)."""

    def __init__(self, graph):
        self.by_subject = defaultdict(lambda: defaultdict(list))
        for s, p, o in graph:
            self.by_subject[str(s)][str(p)].append(o)

    def values(self, s, p):
        return self.by_subject.get(str(s), {}).get(p, [])

    def one(self, s, p):
        v = self.values(s, p)
        return v[0] if v else None

    def iri(self, s, p):
        from rdflib import URIRef
        for o in self.values(s, p):
            if isinstance(o, URIRef):
                return str(o)
        return None

    def of_type(self, t):
        return [s for s, props in self.by_subject.items() if any(str(o) == t for o in props.get(RDF_TYPE, []))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jsonld", nargs="?")
    ap.add_argument("--graphml")
    ap.add_argument("--require-entity", action="append", default=[])
    ap.add_argument("--require-documents", action="store_true")
    ap.add_argument("--print-expected", metavar="GRAPHML")
    args = ap.parse_args()

    if args.print_expected:
        try:
            nodes, edges = read_graphml(args.print_expected)
        except (OSError, ET.ParseError) as e:
            print(f"check_jsonld.py: cannot read {args.print_expected}: {e}", file=sys.stderr)
            return 2
        mentions = sum(len(evidence_of(d)) for _, _, d in edges)
        print(f"--entities {len(nodes)} --relations {len(edges)} --mentions {mentions}")
        return 0
    if not args.jsonld:
        ap.error("no JSON-LD file")

    import rdflib
    from rdflib import BNode, URIRef

    failures = []

    def fail(message):
        failures.append(message)

    graph = rdflib.Graph()
    try:
        graph.parse(args.jsonld, format="json-ld")
    except Exception as e:  # rdflib raises many kinds
        print(f"check_jsonld.py: rdflib cannot parse {args.jsonld}: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    t = Triples(graph)

    entities = set(t.of_type(KG + "Entity"))
    relations = t.of_type(KG + "Relation")
    mentions = t.of_type(OA + "Annotation")
    articles = set(t.of_type(SCHEMA + "NewsArticle"))
    if not entities:
        fail("no entities")
    for e in graph.subjects(rdflib.RDF.type, URIRef(KG + "Entity")):
        if isinstance(e, BNode):
            fail(f"entity {e} is a blank node")

    by_identifier = {}
    for e in entities:
        ident = t.one(e, SCHEMA + "identifier")
        if ident is None:
            fail(f"entity {e} has no schema:identifier")
        else:
            by_identifier[str(ident)] = e

    def mention_key(m):
        """(document path, start, end, sentence) of a mention, or a failure message."""
        target = t.one(m, OA + "hasTarget")  # a blank node
        source = t.iri(target, OA + "hasSource") if target is not None else None
        if source is None or source not in articles:
            return f"mention {m}: oa:hasSource is not a NewsArticle"
        path = t.one(source, SCHEMA + "identifier")
        selectors = [str(s) for s in t.values(target, OA + "hasSelector")]
        position = next((s for s in selectors if any(str(o) == OA + "TextPositionSelector" for o in t.values(s, RDF_TYPE))), None)
        quote = next((s for s in selectors if any(str(o) == OA + "TextQuoteSelector" for o in t.values(s, RDF_TYPE))), None)
        if position is None or quote is None:
            return f"mention {m}: missing a selector"
        start, end = t.one(position, OA + "start"), t.one(position, OA + "end")
        exact = t.one(quote, OA + "exact")
        if start is None or end is None or exact is None:
            return f"mention {m}: selector without start, end or exact"
        cstart, cend, exact = int(start.toPython()), int(end.toPython()), str(exact)
        if len(exact) != cend - cstart:
            return f"mention {m}: oa:exact is {len(exact)} code points, selector says {cend - cstart}"
        start, end = t.one(position, KG + "byteStart"), t.one(position, KG + "byteEnd")
        if start is None or end is None:
            return f"mention {m}: selector without kg:byteStart or kg:byteEnd"
        start, end = int(start.toPython()), int(end.toPython())
        if len(exact.encode("utf-8")) != end - start:
            return f"mention {m}: oa:exact is {len(exact.encode('utf-8'))} bytes, selector says {end - start}"
        return (str(path), start, end, exact)

    # Mentions: shape, and the bytes of the article's text when it is found.
    keys = {}
    texts = ArticleTexts(args.jsonld)
    missing = set()
    checked_files = 0
    for m in mentions:
        key = mention_key(m)
        if isinstance(key, str):
            fail(key)
            continue
        keys[m] = key
        path, start, end, exact = key
        data = texts.get(path)
        if data is None and args.require_documents and path not in missing:
            missing.add(path)
            fail(f"the text of document {path} (kg:path {texts.path(path)!r}) is not readable from {os.getcwd()}")
        if data is not None:
            checked_files += 1
            if data[start:end] != exact.encode("utf-8"):
                fail(f"mention {m}: bytes [{start}, {end}) of {path} are not the quoted sentence")

    # Relations: the direct triple and the weight.
    relation_of = {}
    for r in relations:
        s, p, o = t.iri(r, KG + "subject"), t.iri(r, KG + "predicate"), t.iri(r, KG + "object")
        if s not in entities or o not in entities or p is None or not p.startswith(KG):
            fail(f"relation {r}: subject, predicate or object missing or not an entity")
            continue
        if o not in [str(x) for x in t.values(s, p) if isinstance(x, URIRef)]:
            fail(f"relation {r}: no direct triple <{s}> <{p}> <{o}>")
        derived = [str(x) for x in t.values(r, PROV + "wasDerivedFrom")]
        weight = t.one(r, KG + "weight")
        omitted = t.one(r, KG + "evidenceOmitted")
        omitted = 0 if omitted is None else int(omitted.toPython())
        if weight is None or int(weight.toPython()) != len(derived) + omitted:
            fail(f"relation {r}: kg:weight {weight} but {len(derived)} mentions and {omitted} omitted")
        relation_of[(s, p[len(KG):], o)] = (r, derived)

    direct = sum(1 for s, p, o in graph
                 if str(p).startswith(KG) and str(s) in entities and str(o) in entities and isinstance(o, URIRef))

    # Against the GraphML of the same run.
    expected = ""
    if args.graphml:
        try:
            nodes, edges = read_graphml(args.graphml)
        except (OSError, ET.ParseError) as e:
            print(f"check_jsonld.py: cannot read {args.graphml}: {e}", file=sys.stderr)
            return 2
        evidence_total = sum(len(evidence_of(d)) for _, _, d in edges)
        expected = f"; GraphML: {len(nodes)} nodes, {len(edges)} edges, {evidence_total} evidence"
        for name, got, want in (("entities", len(entities), len(nodes)), ("relations", len(relations), len(edges)),
                                ("mentions", len(mentions), evidence_total), ("direct triples", direct, len(edges))):
            if got != want:
                fail(f"{name}: rdflib finds {got}, the GraphML has {want}")
        for node_id, data in nodes.items():
            e = by_identifier.get(node_id)
            if e is None:
                fail(f"GraphML node {node_id} has no entity")
                continue
            if data.get("wikidata") and e != WD + data["wikidata"]:
                fail(f"GraphML node {node_id}: entity IRI {e}, expected {WD + data['wikidata']}")
            if str(t.one(e, SCHEMA + "name")) != data.get("label", ""):
                fail(f"GraphML node {node_id}: name {t.one(e, SCHEMA + 'name')!r} != label {data.get('label')!r}")
        for source, target, data in edges:
            s, o = by_identifier.get(source), by_identifier.get(target)
            found = relation_of.get((s, data.get("type"), o))
            if found is None:
                fail(f"GraphML edge {source} -{data.get('type')}-> {target} has no relation node")
                continue
            want = sorted((ev["document"], ev["begin"], ev["end"], ev["text"]) for ev in evidence_of(data))
            got = sorted(keys[m] for m in found[1] if m in keys)
            if got != want:
                fail(f"GraphML edge {source} -{data.get('type')}-> {target}: mentions differ from the evidence")

    for iri in args.require_entity:
        if iri not in entities:
            fail(f"required entity {iri} is not there")
            continue
        its = [v for (s, _, o), v in relation_of.items() if iri in (s, o)]
        if not any(derived for _, derived in its):
            fail(f"required entity {iri} has no relation with evidence")

    summary = (f"rdflib {args.jsonld}: {len(graph)} triples, {len(entities)} entities, {len(relations)} relations "
               f"({direct} direct triples), {len(mentions)} mentions ({checked_files} checked against the files), "
               f"{len(articles)} articles{expected}")
    if failures:
        for f in failures[:MAX_REPORTED]:
            print(f"FAIL: {f}", file=sys.stderr)
        if len(failures) > MAX_REPORTED:
            print(f"... and {len(failures) - MAX_REPORTED} more", file=sys.stderr)
        print(summary, file=sys.stderr)
        return 1
    print(f"ok: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
