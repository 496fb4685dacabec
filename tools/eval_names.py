#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Score the whole pipeline's names on an annotated CoNLL corpus, through `kgraph annotate`.

usage: eval_names.py KGRAPH CONLL_FILE LANG [--errors N] [--sentences-per-doc N] [--ontology DIR] [--json]

The corpus is rebuilt as text (tokens joined by single spaces, one sentence a line, one
file per -DOCSTART- document or per N sentences), annotated with `KGRAPH annotate --jsonl
--lang LANG`, and every mention whose fine type maps to a CoNLL class (Person -> PER,
Organization -> ORG, State and Place -> LOC) is compared with the gold names by exact byte
span: precision, recall and F1 per class and over PER+ORG+LOC (MISC is not scored). This
is how the name finder is measured against published systems, so use it on train and dev
splits only (the shipped models learned from the dev splits too: measure with models
trained on the training split, given in an --ontology folder holding only models/).
"""
import json
import os
import subprocess
import sys
import tempfile

CLASS_OF = {"Person": "PER", "Organization": "ORG", "State": "LOC", "Place": "LOC"}
SCORED = ("PER", "ORG", "LOC")


def read_conll(path, per_doc):
    docs, doc, sent = [], [], []
    def flush_sent():
        nonlocal sent
        if sent:
            doc.append(sent)
            sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            flush_sent()
            if doc:
                docs.append(doc)
            doc = []
            continue
        if not line.strip():
            flush_sent()
            if per_doc and len(doc) >= per_doc:
                docs.append(doc)
                doc = []
            continue
        parts = line.split()
        sent.append((parts[0], parts[-1]))
    flush_sent()
    if doc:
        docs.append(doc)
    return docs


def text_and_gold(doc):
    """The document's text and its gold names as (begin, end, class) byte spans."""
    out, gold, pos = [], set(), 0
    for si, sent in enumerate(doc):
        if si:
            out.append("\n")
            pos += 1
        start = None
        for ti, (tok, tag) in enumerate(sent):
            if ti:
                out.append(" ")
                pos += 1
            b = pos
            out.append(tok)
            pos += len(tok.encode("utf-8"))
            cls = tag[2:] if len(tag) > 2 else None
            if tag.startswith("B-") or (tag.startswith("I-") and (start is None or start[1] != cls)):
                if start:
                    gold.add((start[0], end, start[1]))
                start = (b, cls)
            elif tag == "O" and start:
                gold.add((start[0], end, start[1]))
                start = None
            end = pos
        if start:
            gold.add((start[0], end, start[1]))
    return "".join(out) + "\n", gold


def main():
    args = sys.argv[1:]
    errors = 0
    per_doc = 40
    as_json = "--json" in args
    if as_json:
        args.remove("--json")
    if "--errors" in args:
        i = args.index("--errors")
        errors = int(args[i + 1])
        del args[i:i + 2]
    extra = []
    if "--ontology" in args:
        i = args.index("--ontology")
        extra = ["--ontology", args[i + 1]]
        del args[i:i + 2]
    if "--sentences-per-doc" in args:
        i = args.index("--sentences-per-doc")
        per_doc = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    kgraph, corpus, lang = args
    docs = read_conll(corpus, per_doc)
    gold_by_file = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, doc in enumerate(docs):
            text, gold = text_and_gold(doc)
            path = os.path.join(tmp, f"d{n:05d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            gold_by_file[path] = (gold, text.encode("utf-8"))
        run = subprocess.run([kgraph, "annotate", "--jsonl", "--no-cooccurrence", "--lang", lang, "-j", "2", *extra, tmp],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"kgraph annotate failed: {run.stderr[:500]}")
        counts = {c: [0, 0, 0] for c in SCORED}  # tp, predicted, gold
        shown = []
        for line in run.stdout.splitlines():
            d = json.loads(line)
            gold, data = gold_by_file[d.get("source", d["document"])]
            pred = {(m["begin"], m["end"], CLASS_OF[m["type"]]) for m in d["mentions"] if m["type"] in CLASS_OF}
            for c in SCORED:
                g = {x for x in gold if x[2] == c}
                p = {x for x in pred if x[2] == c}
                counts[c][0] += len(g & p)
                counts[c][1] += len(p)
                counts[c][2] += len(g)
            if len(shown) < errors:
                for b, e, c in sorted((pred ^ {x for x in gold if x[2] in SCORED}), key=lambda x: x[0]):
                    kind = "FP" if (b, e, c) in pred else "FN"
                    shown.append(f"{kind} {c} {data[b:e].decode('utf-8')!r}  | {data[max(0, b - 40):e + 40].decode('utf-8', 'replace')!r}")
    def prf(tp, np_, ng):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    total = [sum(counts[c][k] for c in SCORED) for k in range(3)]
    result = {c: prf(*counts[c]) for c in SCORED}
    result["PER+ORG+LOC"] = prf(*total)
    if as_json:
        print(json.dumps({k: {"precision": round(v[0], 4), "recall": round(v[1], 4), "f1": round(v[2], 4)} for k, v in result.items()}))
    else:
        for k, (p, r, f) in result.items():
            print(f"{lang} {k:12s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        for s in shown[:errors]:
            print(s)


if __name__ == "__main__":
    main()
