#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Rewrite ontology JSON files in the house layout, so that edits by hand or by script give
small, readable diffs.

usage: tools/format_ontology.py FILE...

gazetteer/*.json: one entity per block, scalar fields on the first line, one line per
language of aliases and demonyms. Other files: objects indented, lists of scalars wrapped
at 100 columns.
"""
import json
import sys

WIDTH = 100


def dumps(v):
    return json.dumps(v, ensure_ascii=False)


def generic(v, indent=0):
    pad = " " * indent
    flat = dumps(v)
    if len(flat) + indent <= WIDTH or not isinstance(v, (list, dict)):
        return flat
    if isinstance(v, list):
        if all(not isinstance(x, (list, dict)) for x in v):
            lines, cur = [], ""
            for x in v:
                t = dumps(x) + ", "
                if cur and len(cur) + len(t) + indent + 2 > WIDTH:
                    lines.append(cur.rstrip())
                    cur = ""
                cur += t
            lines.append(cur.rstrip().rstrip(","))
            return "[\n" + "\n".join(pad + "  " + line for line in lines) + "\n" + pad + "]"
        return "[\n" + ",\n".join(pad + "  " + generic(x, indent + 2) for x in v) + "\n" + pad + "]"
    items = [pad + "  " + dumps(k) + ": " + generic(x, indent + 2) for k, x in v.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def entity(e):
    scalars = ", ".join(f"{dumps(k)}: {dumps(v)}" for k, v in e.items() if not isinstance(v, (dict, list)))
    out = "  {" + scalars
    for key in [k for k, v in e.items() if isinstance(v, (dict, list))]:
        value = e[key]
        if isinstance(value, dict):
            head = f",\n   {dumps(key)}: {{"
            inner = (",\n" + " " * (len(head) - 2)).join(f"{dumps(lang)}: {dumps(forms)}" for lang, forms in value.items())
            out += head + inner + "}"
        else:
            out += f",\n   {dumps(key)}: {dumps(value)}"
    return out + "}"


def gazetteer(doc):
    return '{"entities": [\n' + ",\n".join(entity(e) for e in doc["entities"]) + "\n]}"


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    text = gazetteer(doc) if "/gazetteer/" in path and "generated" not in path else generic(doc)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
