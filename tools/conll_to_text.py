#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Turn a CoNLL column file (token TAG, blank line between sentences, -DOCSTART- between
documents) into plain-text documents: tokens joined by single spaces, one sentence a line.

usage: conll_to_text.py CONLL_FILE OUT_DIR [--sentences-per-doc N]

Writes OUT_DIR/<stem>-NNNNN.txt, one file per document (or per N sentences when the corpus
has no -DOCSTART- lines). Used to run kgraph over real news text (the robustness suite, the
fuzzers' seeds); the texts are third-party and are never committed.
"""
import os
import sys


def documents(path, per_doc):
    doc, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    yield doc
                doc = []
                continue
            if not line.strip():
                if sent:
                    doc.append(sent)
                    sent = []
                    if per_doc and len(doc) >= per_doc:
                        yield doc
                        doc = []
                continue
            sent.append(line.split()[0])
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def main():
    args = sys.argv[1:]
    per_doc = 0
    if "--sentences-per-doc" in args:
        i = args.index("--sentences-per-doc")
        per_doc = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    src, out = args
    os.makedirs(out, exist_ok=True)
    stem = os.path.basename(src).split(".")[0] + "-" + os.path.basename(src).split(".")[-2]
    n = 0
    for doc in documents(src, per_doc):
        with open(os.path.join(out, f"{stem}-{n:05d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(" ".join(s) for s in doc) + "\n")
        n += 1
    print(n)


if __name__ == "__main__":
    main()
