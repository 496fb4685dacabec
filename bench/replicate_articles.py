#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Replicate a folder of real articles into a benchmark corpus.

    bench/replicate_articles.py SRC COPIES OUT

Writes COPIES copies of every .txt article of SRC into OUT as Markdown files whose front
matter gives each copy its own URL (https://bench.invalid/COPY/NAME), so that every copy is
a distinct document to kgraph while its text, sentence lengths, vocabulary and entity
density are those of real news. The text is third-party: OUT belongs under bench/corpus/
(git-ignored), never in the repository.
"""
import os
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
    if not names:
        sys.exit(f"replicate_articles: no .txt articles in {src}")
    os.makedirs(out, exist_ok=True)
    texts = {n: open(os.path.join(src, n), encoding="utf-8").read() for n in names}
    for k in range(copies):
        for n in names:
            stem = n[:-4]
            path = os.path.join(out, f"{k:05d}_{stem}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"---\nurl: https://bench.invalid/{k}/{stem}\n---\n")
                f.write(texts[n])
    print(f"{copies * len(names)} documents in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
