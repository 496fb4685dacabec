#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Relation precision, recall and F1 per predicate, as ../shared/eval/score.py counts them.

usage: relations_by_predicate.py GRAPHML GOLD_DIR [--scorer PATH]

The evaluation's scorer gives one relation figure for the whole corpus; this splits it by
predicate (a Markdown table) with the scorer's own entity matching, imported from the
scorer itself so that the two never disagree on which node is which gold entity.
"""
import argparse
import os
import sys


def node_to_gold(S, gold_entities, nodes):
    """The scorer's matching: nodes with more mentions claim a gold entity first."""
    index = {}
    for gid, g in gold_entities.items():
        for form in g["forms"]:
            index.setdefault((form, S.COARSE[g["type"]]), set()).add(gid)

    def weight(attrs):
        try:
            return -float(attrs.get("mentions", 0) or 0)
        except ValueError:
            return 0

    claimed, mapping = set(), {}
    scored = {n: a for n, a in nodes.items() if S.coarse_of(a)}
    for nid, attrs in sorted(scored.items(), key=lambda kv: (weight(kv[1]), kv[0])):
        forms = {S.norm(attrs.get("label", ""))} | {S.norm(x) for x in attrs.get("aliases", "").split("|") if x.strip()}
        candidates = set()
        for form in forms:
            candidates |= index.get((form, S.coarse_of(attrs)), set())
        free = sorted(c for c in candidates if c not in claimed)
        if free:
            claimed.add(free[0])
            mapping[nid] = free[0]
        elif candidates:
            mapping[nid] = sorted(candidates)[0]
    return mapping


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graphml")
    ap.add_argument("gold")
    ap.add_argument("--scorer", default=os.path.join(here, "..", "..", "shared", "eval", "score.py"))
    args = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.scorer)))
    import score as S  # the evaluation's scorer, not ours

    gold_entities, gold = S.load_gold(args.gold)
    nodes, edges = S.load_graph(args.graphml)
    mapping = node_to_gold(S, gold_entities, nodes)
    found = set()
    for s, t, attrs in edges:
        p = attrs.get("type", "")
        if p not in S.PREDICATES:
            continue
        key = (mapping.get(s) or "?" + s, p, mapping.get(t) or "?" + t)
        if p in S.SYMMETRIC and key[0] > key[2]:
            key = (key[2], p, key[0])
        found.add(key)

    def row(name, g, e):
        tp = len(g & e)
        p = tp / len(e) if e else 0.0
        r = tp / len(g) if g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"| {name} | {len(g)} | {len(e)} | {tp} | {p:.2f} | {r:.2f} | {f:.2f} |"

    print("| predicate | gold | edges | correct | P | R | F1 |")
    print("|---|---|---|---|---|---|---|")
    for pred in sorted({p for _, p, _ in gold} | {p for _, p, _ in found}):
        print(row(pred, {x for x in gold if x[1] == pred}, {x for x in found if x[1] == pred}))
    print(row("**all**", gold, found))


if __name__ == "__main__":
    main()
