// SPDX-License-Identifier: Apache-2.0
#pragma once
// The annotated document in two stable forms: bracketed text for people (what a developer
// reads to see what the extractor found) and JSON Lines for tools (evaluation scripts,
// training-data exports). `kgraph annotate` writes them.
//
// Format card (JSON Lines)
//   One JSON object per document, on one line, UTF-8, keys in this order:
//   document (the stable id, DocumentInfo::id), source (the path it was read from, with
//   ":LINE" for a JSON Lines record), text (only for an HTML page: the extracted text the
//   offsets count in), language, title, bytes, sentences ([begin, end] byte pairs), mentions
//   (names: {begin, end, text, sentence, class, type, entity, source}), references (role
//   words standing for a named person, same shape), entities ({id, label, type, class,
//   wikidata, aliases, mentions}), relations ({type, subject, object, sentence, status,
//   attributed_to, date, quantity, role, subject_span, trigger_span, object_span}; a span
//   is [begin, end] or null when the relation has no such part in the text),
//   skipped_sentences ([begin, end] pairs over the length limit), relations_dropped.
//   Offsets are UTF-8 byte offsets into the document's text (the file for plain text and
//   Markdown, the record's decoded text field for JSON Lines, `text` for HTML); `text` is exactly the
//   bytes [begin, end). Entity ids are graph ids (QIDs when known). Deterministic.
#include "kg/extract/annotated_document.hpp"
#include "kg/ontology/ontology.hpp"

#include <ostream>

namespace kg {

/// Each sentence on a line with its mentions in brackets ("[Person Vladimir Putin]") and,
/// under it, the typed relations read from it ("-> Q7747 met Q56226 (asserted 2024-06-19)").
void write_annotation_text(std::ostream& out, const AnnotatedDocument& doc, const Ontology& ontology);

/// The document as one JSON object on one line (see the format card above), then '\n'.
void write_annotation_jsonl(std::ostream& out, const AnnotatedDocument& doc, const Ontology& ontology);

} // namespace kg
