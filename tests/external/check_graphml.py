#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Check a kgraph GraphML file with readers we did not write.

usage: check_graphml.py GRAPH.graphml [--min-nodes N] [--min-edges N] [--plain]
                        [--require-documents]

Loads the file with networkx.read_graphml (expat) and igraph.Graph.Read_GraphML
(libxml2) and checks that:
  - both readers see the same nodes and edges (counts, node ids, labels);
  - there are at least --min-nodes nodes and --min-edges edges;
  - every node has label, type and class; class is Actor/Agreement/Weapon/Place and type
    one of the six fine types, consistent with the class;
  - every edge has a type and an integer weight >= 1 equal to its number of evidence
    entries plus evidence_omitted (the sentences over the evidence limit, an integer >= 1
    when present); evidence is a JSON list of objects with document (str), begin, end (int,
    begin <= end) and text (str); sources are the evidence documents;
  - the APOC XML attributes are there (node labels=":Class:Type", edge label="TYPE" and a
    first <data key="label">TYPE</data>), or, with --plain, absent;
  - for every evidence entry whose document text is found (with --jsonld: through the
    JSON-LD's articles, tests/external/article_texts.py; else the document id as a path
    relative to the current
    directory), bytes [begin, end) of the file are the text encoded as UTF-8; with
    --require-documents a missing document is a failure.
Prints one summary line; exits 1 on any failure, 2 on bad usage or an unreadable file.
"""
import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

from article_texts import ArticleTexts

NS = "{http://graphml.graphdrawing.org/xmlns}"
COARSE = {"Person": "Actor", "State": "Actor", "Organization": "Actor",
          "Agreement": "Agreement", "Weapon": "Weapon", "Place": "Place"}
MAX_REPORTED = 25


class Checker:
    def __init__(self):
        self.failures = []

    def fail(self, message):
        self.failures.append(message)

    def check(self, condition, message):
        if not condition:
            self.fail(message)
        return condition


def load_readers(path):
    import networkx
    import igraph
    return networkx.read_graphml(path), igraph.Graph.Read_GraphML(path)


def check_readers_agree(c, nxg, ig):
    c.check(nxg.number_of_nodes() == ig.vcount(),
            f"node count: networkx {nxg.number_of_nodes()} != igraph {ig.vcount()}")
    c.check(nxg.number_of_edges() == ig.ecount(),
            f"edge count: networkx {nxg.number_of_edges()} != igraph {ig.ecount()}")
    nx_ids = list(nxg.nodes())
    ig_ids = ig.vs["id"] if "id" in ig.vs.attributes() else []
    c.check(nx_ids == ig_ids, "node ids differ between networkx and igraph")
    # networkx leaves out empty <data> elements; igraph reads them as "".
    nx_labels = [nxg.nodes[n].get("label", "") for n in nx_ids]
    ig_labels = ig.vs["label"] if "label" in ig.vs.attributes() else []
    c.check(nx_labels == ig_labels, "node labels differ between networkx and igraph")


def check_nodes(c, nxg):
    for nid, attrs in nxg.nodes(data=True):
        where = f"node {nid!r}"
        for key in ("label", "type", "class"):
            c.check(attrs.get(key), f"{where}: no {key} (or an empty one)")
        cls, typ = attrs.get("class"), attrs.get("type")
        if cls is not None:
            c.check(cls in set(COARSE.values()), f"{where}: class {cls!r} is not one of the four")
        if typ is not None:
            c.check(typ in COARSE, f"{where}: type {typ!r} is not one of the six fine types")
            if typ in COARSE and cls is not None:
                c.check(COARSE[typ] == cls, f"{where}: type {typ!r} is not of class {cls!r}")
        for key in ("mentions", "documents"):
            if key in attrs:
                c.check(isinstance(attrs[key], int) and attrs[key] >= 0, f"{where}: {key} {attrs[key]!r}")


class Documents:
    """Document bytes, read once; None for documents that are not there. Evidence names a
    document by its stable id; the JSON-LD of the same run (--jsonld) says where its text is
    (article_texts.py). Without it, a document id is taken for a path."""

    def __init__(self, jsonld=None):
        self.cache = {}
        self.texts = ArticleTexts(jsonld) if jsonld else None

    def get(self, document):
        if self.texts is not None:
            return self.texts.get(document)
        if document not in self.cache:
            try:
                with open(document, "rb") as f:
                    self.cache[document] = f.read()
            except OSError:
                self.cache[document] = None
        return self.cache[document]


def check_edges(c, nxg, docs, require_documents, stats):
    for s, t, attrs in nxg.edges(data=True):
        where = f"edge {attrs.get('id', '?')} ({s} -> {t})"
        typ = attrs.get("type")
        c.check(isinstance(typ, str) and typ != "", f"{where}: no type")
        weight = attrs.get("weight")
        if not c.check(isinstance(weight, int) and not isinstance(weight, bool) and weight >= 1,
                       f"{where}: weight {weight!r} is not an integer >= 1"):
            continue
        raw = attrs.get("evidence")
        if not c.check(isinstance(raw, str), f"{where}: no evidence"):
            continue
        try:
            evidence = json.loads(raw)
        except ValueError as e:
            c.fail(f"{where}: evidence is not JSON: {e}")
            continue
        if not c.check(isinstance(evidence, list), f"{where}: evidence is not a JSON list"):
            continue
        omitted = attrs.get("evidence_omitted", 0)
        c.check(isinstance(omitted, int) and not isinstance(omitted, bool) and omitted >= 0
                and ("evidence_omitted" not in attrs or omitted >= 1),
                f"{where}: evidence_omitted {omitted!r} is not an integer >= 1")
        c.check(len(evidence) + omitted == weight,
                f"{where}: weight {weight} but {len(evidence)} evidence entries and {omitted} omitted")
        documents = set()
        for i, ev in enumerate(evidence):
            at = f"{where} evidence[{i}]"
            stats["evidence"] += 1
            if not c.check(isinstance(ev, dict), f"{at}: not an object"):
                continue
            ok = (isinstance(ev.get("document"), str) and isinstance(ev.get("text"), str)
                  and all(isinstance(ev.get(k), int) and not isinstance(ev.get(k), bool) for k in ("begin", "end")))
            if not c.check(ok, f"{at}: needs document (str), begin, end (int), text (str): {ev!r}"):
                continue
            if not c.check(0 <= ev["begin"] <= ev["end"], f"{at}: begin {ev['begin']} > end {ev['end']}"):
                continue
            documents.add(ev["document"])
            data = docs.get(ev["document"])
            if data is None:
                stats["missing"] += 1
                if require_documents:
                    c.fail(f"{at}: document {ev['document']!r} not found from {os.getcwd()}")
                continue
            stats["verified"] += 1
            actual = data[ev["begin"]:ev["end"]]
            expected = ev["text"].encode("utf-8", "surrogatepass")
            c.check(actual == expected,
                    f"{at}: bytes [{ev['begin']},{ev['end']}) of {ev['document']} are {actual[:80]!r}, "
                    f"evidence text is {expected[:80]!r}")
        sources = attrs.get("sources")
        if isinstance(sources, str) and not any("|" in d for d in documents):
            # Sentences over the evidence limit still name their documents in sources.
            c.check(set(sources.split("|")) == documents if not omitted else set(sources.split("|")) >= documents,
                    f"{where}: sources {sources!r} are not the evidence documents {sorted(documents)!r}")


def check_apoc_attributes(c, path, plain):
    """The XML attributes networkx and igraph do not report: labels= and label=."""
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k for k in root.iter(NS + "key")}
    c.check(len(keys) == len(list(root.iter(NS + "key"))), "duplicate key ids")
    for key in keys.values():
        c.check(key.get("for") in ("node", "edge"), f"key {key.get('id')!r}: for={key.get('for')!r}")
        c.check(key.get("attr.name"), f"key {key.get('id')!r}: no attr.name")
        c.check(key.get("attr.type") in ("boolean", "int", "long", "float", "double", "string"),
                f"key {key.get('id')!r}: attr.type={key.get('attr.type')!r}")
    graph = root.find(NS + "graph")
    if not c.check(graph is not None, "no <graph> element"):
        return
    for node in graph.iter(NS + "node"):
        data = {d.get("key"): d.text or "" for d in node.findall(NS + "data")}
        if plain:
            c.check(node.get("labels") is None, f"node {node.get('id')!r}: labels= in plain output")
        else:
            c.check(node.get("labels") == data.get("labels"),
                    f"node {node.get('id')!r}: labels={node.get('labels')!r} but data labels {data.get('labels')!r}")
    for edge in graph.iter(NS + "edge"):
        children = edge.findall(NS + "data")
        first = children[0] if children else None
        typ = next((d.text for d in children if keys.get(d.get("key")) is not None
                    and keys[d.get("key")].get("attr.name") == "type"), None)
        where = f"edge {edge.get('id')!r}"
        # APOC (readLabels) takes the relationship type from the first <data key="label">.
        if c.check(first is not None and first.get("key") == "label", f"{where}: first data is not key=\"label\""):
            c.check(typ is not None and first.text == typ.upper(),
                    f"{where}: data label {first.text!r} is not the upper-case type {typ!r}")
        if plain:
            c.check(edge.get("label") is None, f"{where}: label= in plain output")
        else:
            c.check(typ is not None and edge.get("label") == typ.upper(),
                    f"{where}: label={edge.get('label')!r} is not the upper-case type {typ!r}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("graph")
    parser.add_argument("--min-nodes", type=int, default=1)
    parser.add_argument("--min-edges", type=int, default=0)
    parser.add_argument("--plain", action="store_true", help="expect no APOC XML attributes")
    parser.add_argument("--require-documents", action="store_true",
                        help="fail when an evidence document is not found")
    parser.add_argument("--jsonld", help="the JSON-LD of the same run: where each document's text is")
    args = parser.parse_args(argv)

    try:
        nxg, ig = load_readers(args.graph)
    except ImportError as e:
        print(f"check_graphml: missing python module: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # a reader refused the file: that is what we test for
        print(f"check_graphml: FAIL {args.graph}: a reader refused it: {type(e).__name__}: {e}")
        return 1

    c = Checker()
    stats = {"evidence": 0, "verified": 0, "missing": 0}
    c.check(nxg.is_directed(), "graph is not directed")
    check_readers_agree(c, nxg, ig)
    c.check(nxg.number_of_nodes() >= args.min_nodes,
            f"{nxg.number_of_nodes()} nodes, expected at least {args.min_nodes}")
    c.check(nxg.number_of_edges() >= args.min_edges,
            f"{nxg.number_of_edges()} edges, expected at least {args.min_edges}")
    check_nodes(c, nxg)
    check_edges(c, nxg, Documents(args.jsonld), args.require_documents, stats)
    check_apoc_attributes(c, args.graph, args.plain)

    for message in c.failures[:MAX_REPORTED]:
        print(f"  {message}")
    if len(c.failures) > MAX_REPORTED:
        print(f"  ... and {len(c.failures) - MAX_REPORTED} more")
    verdict = "OK" if not c.failures else f"FAIL ({len(c.failures)} problems)"
    print(f"check_graphml: {verdict} {args.graph}: {nxg.number_of_nodes()} nodes, "
          f"{nxg.number_of_edges()} edges (networkx and igraph agree: "
          f"{nxg.number_of_nodes() == ig.vcount() and nxg.number_of_edges() == ig.ecount()}), "
          f"{stats['evidence']} evidence entries, {stats['verified']} checked against their documents, "
          f"{stats['missing']} with the document not found")
    return 0 if not c.failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
