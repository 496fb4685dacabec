// SPDX-License-Identifier: Apache-2.0
#include "stage_context.hpp"

#include "kg/text/normalize.hpp"

#include <algorithm>

namespace kg::detail {

void StageContext::words_of(std::uint32_t s, std::vector<const Token*>& words, std::vector<std::uint32_t>& index) const {
    words.clear();
    index.clear();
    const Sentence& sent = doc.sentences[s];
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
        if (doc.tokens[i].has(tok_hyphen)) continue;
        words.push_back(&doc.tokens[i]);
        index.push_back(i);
    }
}

const std::string& StageContext::token_stem(std::uint32_t t) const {
    if (token_stems_.size() != doc.tokens.size()) {
        token_stems_.assign(doc.tokens.size(), {});
        stemmed_.assign(doc.tokens.size(), false);
    }
    if (!stemmed_[t]) {
        const Token& token = doc.tokens[t];
        token_stems_[t] = token.has(tok_word) ? stem(token.key) : token.key;
        stemmed_[t] = true;
    }
    return token_stems_[t];
}

bool StageContext::free(std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t i = b; i < e; ++i)
        if (owner[i] >= 0) return false;
    return true;
}

int StageContext::add_mention(std::uint32_t b, std::uint32_t e, const std::string& key, ClassId cls, MentionSource source,
                              const std::string& label, const std::string& wikidata, bool from_gazetteer) {
    // An analyst's decision that this form does not name this entity wins over every rule.
    if (!onto.not_same_as.empty() &&
        onto.not_same_as.count({key, phrase_key(doc.view(ByteSpan{doc.tokens[b].span.begin, doc.tokens[e - 1].span.end}))}))
        return -1;
    Mention m;
    m.tok_begin = b;
    m.tok_end = e;
    m.span = {doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
    m.sentence = doc.tokens[b].sentence;
    m.entity = key;
    m.cls = cls;
    m.source = source;
    const int idx = static_cast<int>(mentions.size());
    // Tokens already held by a mention keep it: "sanzioni delle Nazioni Unite" spans the
    // United Nations mention, which stays a mention of its own.
    for (std::uint32_t i = b; i < e; ++i)
        if (owner[i] < 0) owner[i] = idx;
    count_mention(m, label, wikidata, from_gazetteer);
    mentions.push_back(std::move(m));
    return idx;
}

void StageContext::count_mention(const Mention& m, const std::string& label, const std::string& wikidata, bool from_gazetteer) {
    auto [it, fresh] = entities.try_emplace(m.entity);
    LocalEntity& ent = it->second;
    if (fresh) {
        ent.key = m.entity;
        ent.cls = m.cls;
        ent.order = static_cast<std::uint32_t>(entities.size());
        ent.from_gazetteer = from_gazetteer;
        ent.wikidata = wikidata;
    }
    // A role standing for a person ("il presidente russo") is not one of the person's names.
    const bool reference = m.source == MentionSource::role_reference;
    std::string surface(doc.view(m.span));
    if (!reference && std::find(ent.surfaces.begin(), ent.surfaces.end(), surface) == ent.surfaces.end())
        ent.surfaces.push_back(surface);
    if (!label.empty() && (ent.label.empty() || (!from_gazetteer && label.size() > ent.label.size()))) ent.label = label;
    if (ent.label.empty()) ent.label = surface;
    if (!reference) ++ent.mentions;
}

void StageContext::rekey_mention(int m, const std::string& key, ClassId cls, const std::string& label, const std::string& wikidata,
                                 bool from_gazetteer) {
    Mention& mention = mentions[static_cast<std::size_t>(m)];
    const std::string old = mention.entity;
    mention.entity = key;
    mention.cls = cls;
    count_mention(mention, label, wikidata, from_gazetteer);
    if (old == key) return;
    auto was = entities.find(old);
    if (was == entities.end()) return;
    if (was->second.mentions > 0) --was->second.mentions;
    if (std::none_of(mentions.begin(), mentions.end(), [&](const Mention& o) { return o.entity == old; })) entities.erase(was);
}

} // namespace kg::detail
