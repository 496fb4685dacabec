#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Time the Python graph writers people use instead of kgraph, on the graph kgraph wrote.

usage: py_writers.py GRAPHML JSONLD WORKDIR
  networkx.write_graphml and python-igraph's Graph.write_graphml write the graph read from
  kgraph's GraphML; rdflib's JSON-LD serializer writes the RDF graph read from kgraph's
  JSON-LD (the same triples kgraph's JSON-LD holds: entities, relations as kg:Relation
  nodes, evidence as Web Annotations). Reading is not timed, only writing; each writer
  writes to a file in WORKDIR, as kgraph does.
Prints "py-writer NAME SECONDS BYTES" lines (SECONDS is "nan" when the module is missing).
Use Debian's /usr/bin/python3 (python3-networkx, python3-igraph, python3-rdflib).
"""
import os
import sys
import time


def timed(name, write, path):
    t = time.perf_counter()
    write(path)
    dt = time.perf_counter() - t
    print(f"py-writer {name} {dt:.6f} {os.path.getsize(path)}", flush=True)


def main():
    graphml, jsonld, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    try:
        import networkx as nx
        g = nx.read_graphml(graphml)
        timed("networkx_graphml", lambda p: nx.write_graphml(g, p), os.path.join(work, "networkx.graphml"))
        del g
    except ImportError:
        print("py-writer networkx_graphml nan 0")
    try:
        import igraph
        g = igraph.Graph.Read_GraphML(graphml)
        try:
            timed("igraph_graphml", lambda p: g.write_graphml(p), os.path.join(work, "igraph.graphml"))
        except igraph.InternalError as e:
            # python-igraph 0.10.x (Debian 12 ships 0.10.2) hands its C core corrupted copies
            # of long string attributes ("Forbidden control character 0x01 found in
            # igraph_i_xml_escape"; igraph/python-igraph#679). bench/run.sh then times the
            # C core's writer directly (bench/igraph_write.c).
            print(f"py-writer igraph_graphml nan 0  # {e}", flush=True)
        del g
    except ImportError:
        print("py-writer igraph_graphml nan 0")
    try:
        import rdflib
        g = rdflib.Graph()
        g.parse(jsonld, format="json-ld")
        print(f"py-writer rdflib_triples {len(g)} 0", flush=True)
        timed("rdflib_jsonld", lambda p: g.serialize(destination=p, format="json-ld"), os.path.join(work, "rdflib.jsonld"))
    except ImportError:
        print("py-writer rdflib_jsonld nan 0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
