// SPDX-License-Identifier: Apache-2.0
#pragma once
// KnowledgeGraph: a Boost.Graph adjacency_list of EntityNode/RelationEdge with an index
// from stable entity id to vertex and from (source, target, type) to edge.
#include "kg/graph/model.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace kg {

/// A directed multigraph of entities and typed relations, with merging by stable id.
///
/// Contract:
///  - vertices are never removed; vertex descriptors stay valid (vecS storage) and iterate
///    in insertion order; there is at most one vertex per entity id;
///  - there is at most one edge per (source, target, type); adding the same relation again
///    merges its evidence; symmetric relations are stored once, source id < target id;
///  - vertices and edges (`edges(g)`) iterate in insertion order, so the same input in the
///    same order gives the same graph.
/// Thread safety: none; build it from one thread (documents are merged in input order).
class KnowledgeGraph {
public:
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                        EntityNode, RelationEdge, GraphInfo>;
    using Vertex = Graph::vertex_descriptor;
    using Edge = Graph::edge_descriptor;

    KnowledgeGraph() = default;
    /// Keep at most `limit` evidence sentences per relation (0: no limit). The first ones in
    /// evidence order are kept, whatever the order of merging; the others only count in the
    /// weight. Set before adding relations.
    explicit KnowledgeGraph(std::size_t evidence_limit) : evidence_limit_(evidence_limit) {}
    std::size_t evidence_limit() const noexcept { return evidence_limit_; }
    /// Keep at most `limit` evidence sentences for relations of `type` (0: no limit),
    /// instead of the graph's limit: the same rule, a different count. Set before adding
    /// relations of that type.
    void set_evidence_limit(std::string_view type, std::size_t limit);
    /// The limit relations of `type` are kept to.
    std::size_t evidence_limit(std::string_view type) const noexcept;
    /// Relations that reached the evidence limit.
    std::size_t relations_at_evidence_limit() const noexcept { return at_limit_; }

    /// Add an entity, or merge it into the one with the same id: aliases and documents are
    /// united, mentions added; label, type and wikidata of the first insertion are kept
    /// (wikidata is filled in if it was empty); first_seen and last_seen widen to cover both.
    Vertex add_entity(const EntityNode& entity);

    /// Add one piece of evidence for relation `type` between two existing vertices.
    /// With `symmetric`, the endpoints are ordered by id first. A duplicate evidence
    /// (same document and offsets) is merged, keeping the strongest status. The evidence's
    /// `reported` date joins the relation's `reported` set, kept as evidence or not.
    Edge add_relation(Vertex source, Vertex target, std::string_view type, Evidence evidence,
                      bool symmetric);

    std::optional<Vertex> find(std::string_view id) const;
    std::optional<Edge> find_relation(std::string_view source_id, std::string_view target_id,
                                      std::string_view type) const;

    /// Record a document that was read into the graph (a second one with the same id is
    /// listed too; document() finds the first).
    void add_document(DocumentInfo info);
    /// The record of the document with this id, or null.
    const DocumentInfo* document(std::string_view id) const;

    const Graph& graph() const noexcept { return graph_; }
    const EntityNode& entity(Vertex v) const { return graph_[v]; }
    const RelationEdge& relation(Edge e) const { return graph_[e]; }
    const GraphInfo& info() const noexcept { return graph_[boost::graph_bundle]; }

    std::size_t entity_count() const noexcept { return boost::num_vertices(graph_); }
    std::size_t relation_count() const noexcept { return boost::num_edges(graph_); }

private:
    std::size_t evidence_limit_ = 0;
    std::map<std::string, std::size_t, std::less<>> type_evidence_limits_;
    std::size_t at_limit_ = 0;
    Graph graph_;
    std::unordered_map<std::string, Vertex> by_id_;
    std::unordered_map<std::string, std::size_t> document_index_; ///< id -> index in info().documents
    using Triple = std::tuple<Vertex, Vertex, std::string>;
    struct TripleHash {
        std::size_t operator()(const Triple& t) const noexcept {
            std::size_t h = std::hash<std::string>{}(std::get<2>(t));
            h ^= std::get<0>(t) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
            h ^= std::get<1>(t) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
            return h;
        }
    };
    std::unordered_map<Triple, Edge, TripleHash> by_triple_; ///< lookup only, never iterated
};

} // namespace kg
