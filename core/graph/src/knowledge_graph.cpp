// SPDX-License-Identifier: Apache-2.0
#include "kg/graph/knowledge_graph.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace kg {

const char* to_string(ClaimStatus status) noexcept {
    switch (status) {
    case ClaimStatus::asserted: return "asserted";
    case ClaimStatus::reported: return "reported";
    case ClaimStatus::alleged: return "alleged";
    case ClaimStatus::denied: return "denied";
    }
    return "asserted";
}

ClaimStatus RelationEdge::status() const noexcept {
    ClaimStatus best = ClaimStatus::denied;
    if (evidence.empty()) return ClaimStatus::asserted;
    for (const auto& e : evidence) best = std::min(best, e.status);
    return best;
}

KnowledgeGraph::Vertex KnowledgeGraph::add_entity(const EntityNode& entity) {
    if (auto it = by_id_.find(entity.id); it != by_id_.end()) {
        EntityNode& node = graph_[it->second];
        node.aliases.insert(entity.aliases.begin(), entity.aliases.end());
        node.documents.insert(entity.documents.begin(), entity.documents.end());
        node.mentions += entity.mentions;
        if (node.wikidata.empty()) node.wikidata = entity.wikidata;
        if (!entity.first_seen.empty() && (node.first_seen.empty() || entity.first_seen < node.first_seen))
            node.first_seen = entity.first_seen;
        if (entity.last_seen > node.last_seen) node.last_seen = entity.last_seen;
        return it->second;
    }
    Vertex v = boost::add_vertex(entity, graph_);
    by_id_.emplace(entity.id, v);
    return v;
}

KnowledgeGraph::Edge KnowledgeGraph::add_relation(Vertex source, Vertex target,
                                                  std::string_view type, Evidence evidence,
                                                  bool symmetric) {
    if (symmetric && graph_[target].id < graph_[source].id) std::swap(source, target);
    auto key = std::make_tuple(source, target, std::string(type));
    auto it = by_triple_.find(key);
    Edge e;
    if (it == by_triple_.end()) {
        RelationEdge edge;
        edge.type = std::string(type);
        edge.symmetric = symmetric;
        e = boost::add_edge(source, target, std::move(edge), graph_).first;
        by_triple_.emplace(std::move(key), e);
    } else {
        e = it->second;
    }
    RelationEdge& edge = graph_[e];
    edge.sources.emplace_hint(edge.sources.end(), evidence.document); // documents arrive in order: O(1)
    if (!evidence.reported.empty()) edge.reported.insert(evidence.reported);
    // Evidence is unique per (document, sentence); a second reading of the same sentence
    // keeps the strongest status and the details it adds. The vector is sorted by
    // (document, begin, end, ...), so every reading of one sentence sits in one run that a
    // binary search finds (a linear scan made hub relations quadratic in the corpus size).
    auto sentence_less = [](const Evidence& x, const Evidence& y) {
        if (int c = x.document.compare(y.document); c != 0) return c < 0;
        return std::tie(x.begin, x.end) < std::tie(y.begin, y.end);
    };
    auto found = edge.evidence.end();
    if (edge.evidence.empty() || sentence_less(edge.evidence.back(), evidence)) {
        // Documents are merged in input order: new evidence usually goes last.
    } else if (auto lb = std::lower_bound(edge.evidence.begin(), edge.evidence.end(), evidence, sentence_less);
               lb != edge.evidence.end() && !sentence_less(evidence, *lb)) {
        found = lb;
    }
    if (found != edge.evidence.end()) {
        if (evidence.status < found->status) found->status = evidence.status;
        if (found->date.empty()) found->date = evidence.date;
        if (found->quantity.empty()) found->quantity = evidence.quantity;
        if (found->role.empty()) found->role = evidence.role;
        if (found->attributed_to.empty()) found->attributed_to = evidence.attributed_to;
        return e;
    }
    if (const std::size_t limit = evidence_limit(type); limit && edge.evidence.size() >= limit) {
        // Full: the new sentence is counted; it is kept only if it sorts before the last kept.
        ++edge.evidence_dropped;
        if (edge.evidence_dropped == 1) ++at_limit_;
        if (!(evidence < edge.evidence.back())) return e;
        edge.evidence.pop_back();
    }
    if (edge.evidence.empty() || edge.evidence.back() < evidence) {
        edge.evidence.push_back(std::move(evidence));
    } else {
        auto pos = std::lower_bound(edge.evidence.begin(), edge.evidence.end(), evidence);
        edge.evidence.insert(pos, std::move(evidence));
    }
    return e;
}

void KnowledgeGraph::set_evidence_limit(std::string_view type, std::size_t limit) {
    type_evidence_limits_.insert_or_assign(std::string(type), limit);
}

std::size_t KnowledgeGraph::evidence_limit(std::string_view type) const noexcept {
    if (type_evidence_limits_.empty()) return evidence_limit_;
    auto it = type_evidence_limits_.find(type);
    return it == type_evidence_limits_.end() ? evidence_limit_ : it->second;
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::find(std::string_view id) const {
    if (auto it = by_id_.find(std::string(id)); it != by_id_.end()) return it->second;
    return std::nullopt;
}

std::optional<KnowledgeGraph::Edge> KnowledgeGraph::find_relation(std::string_view source_id,
                                                                  std::string_view target_id,
                                                                  std::string_view type) const {
    auto s = find(source_id);
    auto t = find(target_id);
    if (!s || !t) return std::nullopt;
    auto it = by_triple_.find(std::make_tuple(*s, *t, std::string(type)));
    if (it == by_triple_.end()) return std::nullopt;
    return it->second;
}

void KnowledgeGraph::add_document(DocumentInfo info) {
    auto& documents = graph_[boost::graph_bundle].documents;
    document_index_.emplace(info.id, documents.size());
    documents.push_back(std::move(info));
}

const DocumentInfo* KnowledgeGraph::document(std::string_view id) const {
    auto it = document_index_.find(std::string(id));
    return it == document_index_.end() ? nullptr : &info().documents[it->second];
}

} // namespace kg
