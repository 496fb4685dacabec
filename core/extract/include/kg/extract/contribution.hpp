// SPDX-License-Identifier: Apache-2.0
#pragma once
// What one document adds to a knowledge graph, apart from the graph: the unit a graph is
// folded from, in input order, whether the document was extracted in this process or read
// back from a partial graph (kg/build/partial.hpp) written by another. Extraction makes it
// (contribution_of); the graph model itself knows nothing of documents' contributions.
#include "kg/graph/knowledge_graph.hpp"
#include "kg/graph/model.hpp"

#include <string>
#include <vector>

namespace kg {

/// One relation a document states, with the sentence that states it. `subject` and
/// `object` are ids of entities of the same contribution (before any renaming the graph
/// does on merging).
struct ContributedRelation {
    std::string subject;
    std::string object;
    std::string type;
    bool symmetric = false;
    Evidence evidence;

    friend bool operator==(const ContributedRelation&, const ContributedRelation&) = default;
};

/// One document's record, entities and relations. Contract: `entities` have unique ids;
/// every relation's subject and object is among them (a relation that names another id is
/// left out when merging); each evidence's document is `info.id`.
struct DocumentContribution {
    DocumentInfo info;
    std::vector<EntityNode> entities;
    std::vector<ContributedRelation> relations;

    friend bool operator==(const DocumentContribution&, const DocumentContribution&) = default;
};

/// Merge one document's contribution into the graph: the document record, its entities by
/// id (an id already taken by an entity of another fine type gets "_" and the type's slug
/// appended, so that two referents never merge because their names slug alike), then its
/// relations. Call in input order: the graph is the same for the same sequence of calls.
void add_contribution(KnowledgeGraph& graph, DocumentContribution contribution);

struct AnnotatedDocument;
struct Ontology;

/// The contribution of an annotated document: its record, its entities (first and last
/// seen on the article's date), and each relation with its sentence as evidence (offsets in
/// bytes and code points, the article's date as `reported`), symmetric as the ontology says.
DocumentContribution contribution_of(const AnnotatedDocument& doc, const Ontology& ontology);

} // namespace kg
