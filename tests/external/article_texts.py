# SPDX-License-Identifier: Apache-2.0
"""The texts that evidence offsets count in, found through a kgraph JSON-LD file.

Evidence names a document by its stable id (the article's URL, else "sha256:..." of its
text), never by a path. The JSON-LD's schema:NewsArticle nodes say where each text is:
  - schema:text present (HTML pages): that string is the text;
  - kg:format "jsonl", kg:path "FILE:LINE": the decoded text field of that JSON record;
  - otherwise kg:path is the file whose bytes are the text (plain text, Markdown).
Paths are as given on the command line: open them from the directory kgraph ran in.
"""
import json

TEXT_KEYS = ("text", "maintext", "content", "body")  # kgraph's default JSON text keys


class ArticleTexts:
    def __init__(self, jsonld_path, text_keys=TEXT_KEYS):
        with open(jsonld_path, encoding="utf-8") as f:
            graph = json.load(f)["@graph"]
        self.articles = {}
        for node in graph:
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if "NewsArticle" in types and "identifier" in node:
                self.articles[node["identifier"]] = node
        self.text_keys = text_keys
        self.cache = {}

    def path(self, document):
        node = self.articles.get(document)
        return node.get("kg:path") if node else None

    def get(self, document):
        """The text of `document` as bytes, or None when it cannot be found."""
        if document not in self.cache:
            self.cache[document] = self._read(document)
        return self.cache[document]

    def _read(self, document):
        node = self.articles.get(document)
        if node is None:
            return None
        return source_text(node.get("kg:path"), node.get("text"), node.get("kg:format") == "jsonl", self.text_keys)


def source_text(path, text=None, jsonl=None, text_keys=TEXT_KEYS):
    """The text of an article read from `path` (as kgraph names it: a file, or "FILE:LINE"
    for a JSON Lines record), or `text` when kgraph gives it (HTML); None if not found.
    `jsonl` None: a record when the path ends in ":LINE" after a .jsonl, .ndjson or .json file."""
    if text is not None:
        return text.encode("utf-8")
    if not path:
        return None
    if jsonl is None:
        file, _, line = path.rpartition(":")
        jsonl = line.isdigit() and file.lower().endswith((".jsonl", ".ndjson", ".json"))
    try:
        if jsonl:
            file, line = path.rsplit(":", 1)
            record = json.loads(_json_value_at(file, int(line)))
            for key in text_keys:
                if isinstance(record.get(key), str):
                    return record[key].encode("utf-8")
            return None
        with open(path, "rb") as f:
            return f.read()
    except (OSError, ValueError):
        return None


def _json_value_at(file, line):
    """The text of the JSON value that starts on `line` (1-based) of a JSON Lines file or of
    a JSON array (after the '[' or ',' before it)."""
    with open(file, encoding="utf-8") as f:
        lines = f.read().split("\n")
    rest = "\n".join(lines[line - 1:]).lstrip(" \t\r\n[,")
    value, _ = json.JSONDecoder().raw_decode(rest)
    return json.dumps(value)
