#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Compare the entities and relations of kgraph GraphML files: the first is the reference.

usage: compare_graphs.py REFERENCE.graphml OTHER.graphml...
Entities are compared by (id, label, type, class), relations by (source, target, type) and
weight. Prints what differs; exits 1 when anything does.
"""
import sys
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"


def read(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}

    def data(el):
        return {keys[d.get("key")]: d.text or "" for d in el.findall(NS + "data")}

    g = root.find(NS + "graph")
    nodes = set()
    for n in g.findall(NS + "node"):
        d = data(n)
        nodes.add((n.get("id"), d.get("label"), d.get("type"), d.get("class")))
    edges = {}
    for e in g.findall(NS + "edge"):
        d = data(e)
        edges[(e.get("source"), e.get("target"), d.get("type"))] = int(d.get("weight", 0))
    return nodes, edges


def main(argv):
    ref_nodes, ref_edges = read(argv[1])
    status = 0
    for other in argv[2:]:
        nodes, edges = read(other)
        problems = [f"entity only in {argv[1]}: {n}" for n in sorted(ref_nodes - nodes)]
        problems += [f"entity only in {other}: {n}" for n in sorted(nodes - ref_nodes)]
        problems += [f"relation only in {argv[1]}: {e}" for e in sorted(set(ref_edges) - set(edges))]
        problems += [f"relation only in {other}: {e}" for e in sorted(set(edges) - set(ref_edges))]
        problems += [f"relation {e}: weight {ref_edges[e]} in {argv[1]}, {edges[e]} in {other}"
                     for e in sorted(set(edges) & set(ref_edges)) if edges[e] != ref_edges[e]]
        for p in problems[:20]:
            print("  " + p)
        verdict = "same" if not problems else f"DIFFERENT ({len(problems)} differences)"
        print(f"compare_graphs: {other}: {verdict}: {len(nodes)} entities, {len(edges)} relations "
              f"(reference {len(ref_nodes)}, {len(ref_edges)})")
        status |= bool(problems)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
