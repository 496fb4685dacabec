// SPDX-License-Identifier: Apache-2.0
#include "kg/extract/annotation_format.hpp"

#include "kg/error.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <string>

namespace kg {
namespace {

const std::string& class_name(const Ontology& onto, ClassId c) {
    static const std::string unknown = "?";
    return c < onto.class_names.size() ? onto.class_names[c] : unknown;
}

bool is_cooccurrence(const Ontology& onto, const std::string& type) {
    const RelationDef* def = onto.find_relation(type);
    return def && def->structural == Structural::cooccurrence;
}

} // namespace

void write_annotation_text(std::ostream& os, const AnnotatedDocument& a, const Ontology& onto) {
    const Document& doc = a.doc;
    os << "== " << (a.info.source_path.empty() ? doc.id : a.info.source_path) << " [" << doc.language << "]\n";
    for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
        const Sentence& sent = doc.sentences[s];
        std::uint32_t pos = sent.span.begin;
        os << s << ": ";
        for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
            const int m = a.owner.empty() ? -1 : a.owner[i];
            if (m < 0 || (i > sent.first_token && a.owner[i - 1] == m)) continue;
            const Mention& men = a.mentions[static_cast<std::size_t>(m)];
            std::uint32_t end = doc.tokens[i].span.end;
            while (i + 1 < sent.end_token && a.owner[i + 1] == m) end = doc.tokens[++i].span.end;
            const std::uint32_t begin = std::max(pos, std::min(men.span.begin, doc.tokens[i].span.begin));
            os << doc.view(ByteSpan{pos, begin});
            os << "[" << class_name(onto, men.cls) << " " << doc.view(ByteSpan{begin, end}) << "]";
            pos = end;
        }
        os << doc.view(ByteSpan{pos, sent.span.end}) << "\n";
        for (const auto& r : a.relations)
            if (r.sentence == s && !is_cooccurrence(onto, r.type))
                os << "    -> " << r.subject << " " << r.type << " " << r.object << " (" << to_string(r.status)
                   << (r.date.empty() ? "" : " " + r.date) << (r.quantity.empty() ? "" : " " + r.quantity) << ")\n";
    }
    for (const auto& skipped : doc.skipped_sentences)
        os << "   (left out: " << skipped.size() << " bytes at byte " << skipped.begin << ", over the sentence length limit)\n";
}

namespace {

using Writer = rapidjson::Writer<rapidjson::OStreamWrapper>;

void string_of(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void key(Writer& w, const char* k) { w.Key(k); }
void span(Writer& w, ByteSpan s) {
    if (s.size() == 0) { w.Null(); return; }
    w.StartArray();
    w.Uint(s.begin);
    w.Uint(s.end);
    w.EndArray();
}

void mention_object(Writer& w, const AnnotatedDocument& a, const Ontology& onto, const Mention& m) {
    w.StartObject();
    key(w, "begin"); w.Uint(m.span.begin);
    key(w, "end"); w.Uint(m.span.end);
    key(w, "text"); string_of(w, a.doc.view(m.span));
    key(w, "sentence"); w.Uint(m.sentence);
    key(w, "class"); string_of(w, m.cls < onto.class_names.size() ? onto.class_def(m.cls).coarse : "");
    key(w, "type"); string_of(w, class_name(onto, m.cls));
    key(w, "entity"); string_of(w, m.entity);
    key(w, "source"); w.String(to_string(m.source));
    w.EndObject();
}

void mentions_array(Writer& w, const AnnotatedDocument& a, const Ontology& onto, bool references) {
    w.StartArray();
    for (const Mention& m : a.mentions)
        if ((m.source == MentionSource::role_reference) == references) mention_object(w, a, onto, m);
    w.EndArray();
}

void entity_object(Writer& w, const EntityNode& e) {
    w.StartObject();
    key(w, "id"); string_of(w, e.id);
    key(w, "label"); string_of(w, e.label);
    key(w, "type"); string_of(w, e.type);
    key(w, "class"); string_of(w, e.coarse);
    key(w, "wikidata"); if (e.wikidata.empty()) w.Null(); else string_of(w, e.wikidata);
    key(w, "aliases");
    w.StartArray();
    for (const auto& alias : e.aliases) string_of(w, alias);
    w.EndArray();
    key(w, "mentions"); w.Uint(e.mentions);
    w.EndObject();
}

void optional_string(Writer& w, const char* k, const std::string& v) {
    key(w, k);
    if (v.empty()) w.Null();
    else string_of(w, v);
}

void relation_object(Writer& w, const RelationMention& r) {
    w.StartObject();
    key(w, "type"); string_of(w, r.type);
    key(w, "subject"); string_of(w, r.subject);
    key(w, "object"); string_of(w, r.object);
    key(w, "sentence"); w.Uint(r.sentence);
    key(w, "status"); w.String(to_string(r.status));
    optional_string(w, "attributed_to", r.attributed_to);
    optional_string(w, "date", r.date);
    optional_string(w, "quantity", r.quantity);
    optional_string(w, "role", r.role);
    key(w, "subject_span"); span(w, r.subject_span);
    key(w, "trigger_span"); span(w, r.trigger_span);
    key(w, "object_span"); span(w, r.object_span);
    w.EndObject();
}

} // namespace

void write_annotation_jsonl(std::ostream& os, const AnnotatedDocument& a, const Ontology& onto) {
    rapidjson::OStreamWrapper stream(os);
    Writer w(stream);
    w.StartObject();
    key(w, "document"); string_of(w, a.info.id);
    key(w, "source"); string_of(w, a.info.source_path);
    if (!a.info.extracted_text.empty()) { key(w, "text"); string_of(w, a.info.extracted_text); }
    key(w, "language"); string_of(w, a.info.language);
    key(w, "title"); string_of(w, a.info.title);
    key(w, "bytes"); w.Uint64(a.info.bytes);
    key(w, "sentences");
    w.StartArray();
    for (const auto& s : a.doc.sentences) span(w, s.span);
    w.EndArray();
    key(w, "mentions"); mentions_array(w, a, onto, false);
    key(w, "references"); mentions_array(w, a, onto, true);
    key(w, "entities");
    w.StartArray();
    for (const auto& e : a.entities) entity_object(w, e);
    w.EndArray();
    key(w, "relations");
    w.StartArray();
    for (const auto& r : a.relations) relation_object(w, r);
    w.EndArray();
    key(w, "skipped_sentences");
    w.StartArray();
    for (const auto& s : a.doc.skipped_sentences) span(w, s);
    w.EndArray();
    key(w, "relations_dropped"); w.Uint(a.relations_dropped);
    w.EndObject();
    os << '\n';
    if (!os) throw Error(Errc::io_error, "writing the annotation failed");
}

} // namespace kg
