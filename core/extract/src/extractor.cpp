#include "kg/extract/extractor.hpp"

#include "kg/error.hpp"

#include "kg/text/normalize.hpp"
#include "kg/text/segment.hpp"
#include "work.hpp"

#include <algorithm>
#include <optional>
#include <cstdlib>

namespace kg {

struct Extractor::Impl {
    std::map<std::string, detail::LanguageTables> tables;
};

Extractor::Extractor(const Ontology& ontology, ExtractorOptions options)
    : ontology_(ontology), options_(std::move(options)), impl_(std::make_unique<Impl>()) {
    if (ontology_.languages.empty()) throw Error(Errc::ontology_schema, "the ontology has no language data");
    if (options_.language != "auto" && !ontology_.find_language(options_.language))
        throw Error(Errc::usage, "no language data for \"" + options_.language + "\"");
    for (const auto& [code, data] : ontology_.languages) impl_->tables.emplace(code, detail::compile_language(ontology_, data));
}

Extractor::~Extractor() = default;

std::string Extractor::detect_language(std::string_view text) const {
    // Count function words of each language over the first few thousand words.
    std::map<std::string, int> score;
    std::string word;
    int seen = 0;
    auto flush = [&] {
        if (word.empty()) return;
        std::string key = match_key(word);
        for (const auto& [code, data] : ontology_.languages)
            if (data.function_words.count(key)) ++score[code];
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
    std::string best = ontology_.languages.count("en") ? "en" : ontology_.languages.begin()->first;
    int best_score = 0;
    for (const auto& [code, n] : score)
        if (n > best_score) { best = code; best_score = n; }
    return best;
}

namespace {

// A title-case headline ("Putin Promises Trade And Security") has capitals everywhere:
// name shapes would find names in every word pair.
bool is_headline(const Document& doc, const Sentence& s) {
    int words = 0, upper = 0;
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = doc.tokens[i];
        if (!t.has(tok_word) || t.has(tok_digit)) continue;
        ++words;
        if (t.has(tok_upper_initial)) ++upper;
    }
    return words >= 4 && upper * 10 >= words * 7;
}

std::string first_line(std::string_view text) {
    std::size_t b = 0;
    while (b < text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::string_view line = text.substr(b, e - b);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
        if (!line.empty()) {
            // At most 300 bytes, cut before a UTF-8 continuation byte, never inside a character.
            std::size_t cut = std::min<std::size_t>(line.size(), 300);
            while (cut < line.size() && cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
            return std::string(line.substr(0, cut));
        }
        b = e + 1;
    }
    return {};
}

} // namespace

Extraction Extractor::extract(Document doc) const {
    if (doc.language.empty() || doc.language == "auto")
        doc.language = options_.language == "auto" ? detect_language(doc.text) : options_.language;
    const detail::LanguageTables& tables = impl_->tables.at(doc.language);
    segment(doc, tables.data->segmentation, options_.max_sentence_bytes);

    detail::Work w(doc, ontology_, tables);
    w.headline.resize(doc.sentences.size());
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) w.headline[s] = is_headline(doc, doc.sentences[s]);

    detail::find_gazetteer_mentions(w);
    detail::find_demonyms(w);
    detail::find_headed_names(w);
    detail::find_role_names(w);
    detail::find_designators(w);
    detail::find_name_shapes(w);
    detail::find_agreements(w);
    detail::find_weapon_nouns(w);
    detail::find_short_forms(w);

    Extraction out;
    detail::find_relations(w, out.relations);
    if (std::getenv("KG_DEBUG_MENTIONS")) detail::dump(w, out.relations);
    if (options_.cooccurrence) detail::find_cooccurrences(w, out.relations);
    if (options_.max_relations_per_sentence) {
        // Typed relations come before co-occurrences in `out.relations`: a stable pass that
        // keeps the first N of each sentence keeps the typed ones.
        std::vector<std::uint32_t> per_sentence(doc.sentences.size(), 0);
        std::erase_if(out.relations, [&](const RelationMention& r) {
            if (++per_sentence[r.sentence] <= options_.max_relations_per_sentence) return false;
            ++out.relations_dropped;
            return true;
        });
    }

    out.info.id = doc.id;
    out.info.language = doc.language;
    out.info.bytes = doc.text.size();
    out.info.title = first_line(doc.text);
    out.mentions = w.mentions;
    std::sort(out.mentions.begin(), out.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.tok_begin < b.tok_begin; });
    std::vector<const detail::LocalEntity*> ordered;
    for (const auto& [key, e] : w.entities) ordered.push_back(&e);
    std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->order < b->order; });
    for (const auto* e : ordered) {
        EntityNode n;
        n.id = e->key;
        n.label = e->label;
        n.type = e->type;
        n.coarse = ontology_.coarse_of(e->type);
        n.wikidata = e->wikidata;
        n.aliases.insert(e->surfaces.begin(), e->surfaces.end());
        n.documents.insert(doc.id);
        n.mentions = e->mentions;
        out.entities.push_back(std::move(n));
    }
    for (const auto& s : doc.sentences) out.sentence_spans.push_back(s.span);
    out.skipped_sentences = std::move(doc.skipped_sentences);
    out.text = std::move(doc.text);
    return out;
}

void merge_into(KnowledgeGraph& graph, const Extraction& x, const Ontology& ontology) {
    graph.add_document(x.info);
    std::map<std::string, KnowledgeGraph::Vertex> vertex_of;
    for (EntityNode node : x.entities) {
        const std::string key = node.id;
        node.id = ontology.resolve_id(node.id);
        // Two different referents never merge just because their names slug alike.
        if (auto v = graph.find(node.id); v && graph.entity(*v).type != node.type) node.id += "_" + slugify(node.type);
        vertex_of[key] = graph.add_entity(node);
    }
    // An endpoint named only by a demonym ("le truppe nordcoreane") is a known entity the
    // document does not name: it joins the graph from the ontology, with no mention.
    auto endpoint = [&](const std::string& key) -> std::optional<KnowledgeGraph::Vertex> {
        if (auto it = vertex_of.find(key); it != vertex_of.end()) return it->second;
        const EntityRecord* rec = ontology.find_by_graph_id(key);
        if (!rec) return std::nullopt;
        EntityNode node;
        node.id = key;
        node.label = rec->label;
        node.type = rec->type;
        node.coarse = ontology.coarse_of(rec->type);
        node.wikidata = rec->wikidata;
        node.documents.insert(x.info.id);
        return vertex_of[key] = graph.add_entity(node);
    };
    for (const RelationMention& r : x.relations) {
        auto s = endpoint(r.subject);
        auto t = endpoint(r.object);
        if (!s || !t) continue;
        const ByteSpan span = x.sentence_spans.at(r.sentence);
        Evidence ev;
        ev.document = x.info.id;
        ev.begin = span.begin;
        ev.end = span.end;
        ev.text = x.text.substr(span.begin, span.size());
        ev.status = r.status;
        ev.attributed_to = r.attributed_to;
        ev.date = r.date;
        ev.quantity = r.quantity;
        ev.role = r.role;
        const RelationDef* def = ontology.find_relation(r.type);
        graph.add_relation(*s, *t, r.type, std::move(ev), def ? def->symmetric : false);
    }
}

} // namespace kg
