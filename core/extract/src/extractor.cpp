// SPDX-License-Identifier: Apache-2.0
#include "kg/extract/extractor.hpp"
#include "kg/extract/contribution.hpp"

#include "kg/base/sha256.hpp"
#include "kg/error.hpp"
#include "kg/text/furniture.hpp"
#include "kg/text/normalize.hpp"
#include "kg/text/segment.hpp"
#include "pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kg {

const char* to_string(Layer layer) noexcept {
    switch (layer) {
    case Layer::tokens: return "tokens";
    case Layer::headlines: return "headlines";
    case Layer::names: return "names";
    case Layer::mentions: return "mentions";
    case Layer::demonyms: return "demonyms";
    case Layer::roles: return "roles";
    case Layer::facts: return "facts";
    case Layer::relations: return "relations";
    case Layer::resolved: return "resolved";
    }
    return "?";
}

const char* to_string(MentionSource source) noexcept {
    switch (source) {
    case MentionSource::gazetteer: return "gazetteer";
    case MentionSource::role: return "role";
    case MentionSource::name_shape: return "name_shape";
    case MentionSource::designator: return "designator";
    case MentionSource::common_noun: return "common_noun";
    case MentionSource::short_form: return "short_form";
    case MentionSource::role_reference: return "role_reference";
    case MentionSource::learned: return "learned";
    case MentionSource::people: return "people";
    }
    return "?";
}

// A language's name-finder model, loaded the first time a document in that language needs
// it (startup stays fast for a run in one language); shared by every thread.
struct LazyNameFinder {
    std::string path;
    std::once_flag once;
    std::optional<NameFinder> finder;
    std::optional<Error> error;
};

struct Extractor::Impl {
    std::map<std::string, detail::LanguageTables> tables;
    /// For language detection: each function word's languages, as positions in the
    /// ontology's language order.
    std::unordered_map<std::string, std::vector<std::size_t>> function_word_languages;
    std::map<std::string, std::unique_ptr<LazyNameFinder>> finders;

    const NameFinder* finder(const std::string& language) {
        auto it = finders.find(language);
        if (it == finders.end()) return nullptr;
        LazyNameFinder& f = *it->second;
        std::call_once(f.once, [&] {
            try {
                f.finder = NameFinder::load(f.path);
            } catch (const Error& e) {
                f.error = e;
            }
        });
        if (f.error) throw *f.error;
        return f.finder ? &*f.finder : nullptr;
    }
};

Extractor::Extractor(const Ontology& ontology, ExtractorOptions options)
    : ontology_(ontology), options_(std::move(options)), impl_(std::make_unique<Impl>()) {
    if (ontology_.languages.empty()) throw Error(Errc::ontology_schema, "the ontology has no language data");
    if (options_.language != "auto" && !ontology_.find_language(options_.language))
        throw Error(Errc::usage, "no language data for \"" + options_.language + "\"");
    detail::pipeline(); // checks the stage order once
    std::size_t position = 0;
    for (const auto& [code, data] : ontology_.languages) {
        impl_->tables.emplace(code, detail::compile_language(ontology_, data));
        for (const auto& word : data.function_words) impl_->function_word_languages[word].push_back(position);
        ++position;
    }
    if (!options_.learned_names) return;
    // The model of a language is the one in the last ontology folder that has it.
    for (const auto& [code, data] : ontology_.languages)
        for (auto dir = ontology_.model_dirs.rbegin(); dir != ontology_.model_dirs.rend(); ++dir) {
            const std::string path = *dir + "/ner-" + code + ".bin";
            std::error_code ec;
            if (!std::filesystem::is_regular_file(path, ec)) continue;
            auto lazy = std::make_unique<LazyNameFinder>();
            lazy->path = path;
            impl_->finders.emplace(code, std::move(lazy));
            break;
        }
}

Extractor::~Extractor() = default;

std::vector<StageInfo> Extractor::stages() {
    std::vector<StageInfo> out;
    for (const auto& s : detail::pipeline()) out.push_back({s.name, s.needs, s.assigns, s.does});
    return out;
}

std::string Extractor::detect_language(std::string_view text) const {
    // Count function words of each language over the first few thousand words.
    std::vector<int> score(ontology_.languages.size(), 0);
    std::string word;
    int seen = 0;
    auto flush = [&] {
        if (word.empty()) return;
        if (auto it = impl_->function_word_languages.find(match_key(word)); it != impl_->function_word_languages.end())
            for (std::size_t language : it->second) ++score[language];
        word.clear();
        ++seen;
    };
    for (char c : text.substr(0, 40000)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalpha(u)) word.push_back(c);
        else flush();
        if (seen > 3000) break;
    }
    flush();
    // Without a single function word (a list of names, numbers) the language the data marks
    // as the fallback is taken, else the first one.
    std::string best = ontology_.languages.begin()->first;
    for (const auto& [code, data] : ontology_.languages)
        if (data.detection_fallback) best = code;
    int best_score = 0;
    std::size_t position = 0;
    for (const auto& [code, data] : ontology_.languages)
        if (const int n = score[position++]; n > best_score) { best = code; best_score = n; }
    return best;
}

namespace {

const detail::Stage* find_stage(std::string_view name) {
    for (const auto& s : detail::pipeline())
        if (s.name == name) return &s;
    return nullptr;
}

} // namespace

AnnotatedDocument Extractor::prepare(Document doc, DocumentInfo record) const {
    if (doc.language.empty() || doc.language == "auto")
        doc.language = !record.language.empty() && impl_->tables.count(record.language) ? record.language
                       : options_.language == "auto"                                  ? detect_language(doc.text)
                                                                                      : options_.language;
    const detail::LanguageTables& tables = impl_->tables.at(doc.language);
    segment(doc, tables.data->segmentation, options_.max_sentence_bytes);
    AnnotatedDocument a;
    a.info = std::move(record);
    if (a.info.id.empty()) a.info.id = doc.id;
    doc.id = a.info.id;
    a.info.language = doc.language;
    a.info.bytes = doc.text.size();
    if (a.info.text_sha256.empty()) a.info.text_sha256 = sha256_hex(doc.text);
    if (a.info.title.empty()) a.info.title = first_text_line(doc.text, doc.metadata);
    // Bylines and datelines are furniture: no entity, but the record's authors and place.
    FurnitureFacts facts = furniture_facts(doc, tables.data->segmentation.furniture);
    if (a.info.authors.empty()) a.info.authors = std::move(facts.authors);
    if (a.info.place.empty()) a.info.place = std::move(facts.place);
    if (a.info.outlet.empty()) a.info.outlet = std::move(facts.agency);
    a.owner.assign(doc.tokens.size(), -1);
    a.doc = std::move(doc);
    a.layers = 1u << static_cast<unsigned>(Layer::tokens);
    return a;
}

void Extractor::run_stage(std::string_view stage, AnnotatedDocument& doc) const {
    const detail::Stage* s = find_stage(stage);
    if (!s) throw Error(Errc::usage, "no extraction stage named \"" + std::string(stage) + "\"");
    auto it = impl_->tables.find(doc.doc.language);
    if (it == impl_->tables.end()) throw Error(Errc::usage, "no language data for \"" + doc.doc.language + "\"");
    detail::StageContext c(ontology_, options_, it->second, impl_->finder(doc.doc.language), doc);
    detail::run_stage(*s, c);
}

AnnotatedDocument Extractor::extract(Document doc, DocumentInfo record) const {
    AnnotatedDocument a = prepare(std::move(doc), std::move(record));
    detail::StageContext c(ontology_, options_, impl_->tables.at(a.doc.language), impl_->finder(a.doc.language), a);
    for (const auto& s : detail::pipeline()) detail::run_stage(s, c);
    return a;
}

DocumentContribution contribution_of(const AnnotatedDocument& a, const Ontology& ontology) {
    DocumentContribution out;
    out.info = a.info;
    out.entities.reserve(a.entities.size());
    std::set<std::string_view> ids;
    for (const EntityNode& node : a.entities) {
        out.entities.push_back(node);
        out.entities.back().first_seen = out.entities.back().last_seen = a.info.date;
        ids.insert(node.id);
    }
    // Code-point offsets of every sentence's bounds, in one pass over the text while the
    // sentences come in order (a step back counts again from the start). The text is
    // well-formed UTF-8: every byte that is not a continuation byte starts a code point.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> sentence_chars(a.doc.sentences.size());
    std::uint64_t counted_bytes = 0, counted_chars = 0;
    const auto chars_at = [&](std::uint64_t byte) {
        if (byte < counted_bytes) counted_bytes = counted_chars = 0;
        for (; counted_bytes < byte; ++counted_bytes)
            if ((static_cast<unsigned char>(a.doc.text[counted_bytes]) & 0xC0) != 0x80) ++counted_chars;
        return counted_chars;
    };
    for (std::size_t k = 0; k < a.doc.sentences.size(); ++k) {
        const std::uint64_t begin = chars_at(a.doc.sentences[k].span.begin);
        sentence_chars[k] = {begin, chars_at(a.doc.sentences[k].span.end)};
    }
    out.relations.reserve(a.relations.size());
    for (const RelationMention& r : a.relations) {
        if (!ids.count(r.subject) || !ids.count(r.object)) continue;
        const ByteSpan span = a.doc.sentences.at(r.sentence).span;
        ContributedRelation c;
        c.subject = r.subject;
        c.object = r.object;
        c.type = r.type;
        const RelationDef* def = ontology.find_relation(r.type);
        c.symmetric = def ? def->symmetric : false;
        Evidence& ev = c.evidence;
        ev.document = a.info.id;
        ev.begin = span.begin;
        ev.end = span.end;
        ev.text = a.doc.text.substr(span.begin, span.size());
        ev.status = r.status;
        ev.attributed_to = r.attributed_to;
        ev.date = r.date;
        ev.quantity = r.quantity;
        ev.role = r.role;
        ev.char_begin = sentence_chars[r.sentence].first;
        ev.char_end = sentence_chars[r.sentence].second;
        ev.reported = a.info.date;
        out.relations.push_back(std::move(c));
    }
    return out;
}

void add_contribution(KnowledgeGraph& graph, DocumentContribution contribution) {
    graph.add_document(std::move(contribution.info));
    std::map<std::string, KnowledgeGraph::Vertex, std::less<>> vertex_of;
    for (EntityNode& node : contribution.entities) {
        const std::string key = node.id;
        // Two different referents never merge just because their names slug alike.
        if (auto v = graph.find(node.id); v && graph.entity(*v).type != node.type) node.id += "_" + slugify(node.type);
        vertex_of[key] = graph.add_entity(node);
    }
    for (ContributedRelation& r : contribution.relations) {
        auto s = vertex_of.find(r.subject);
        auto t = vertex_of.find(r.object);
        if (s == vertex_of.end() || t == vertex_of.end()) continue;
        graph.add_relation(s->second, t->second, r.type, std::move(r.evidence), r.symmetric);
    }
}

void merge_into(KnowledgeGraph& graph, const AnnotatedDocument& a, const Ontology& ontology) {
    add_contribution(graph, contribution_of(a, ontology));
}

} // namespace kg
