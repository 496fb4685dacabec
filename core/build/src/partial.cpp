// SPDX-License-Identifier: Apache-2.0
// Partial graphs as JSON Lines (format card in kg/build/partial.hpp). RapidJSON is used
// here for the writing and the reading; its parse errors become Errc::partial_format here.
#include "kg/build/partial.hpp"

#include "kg/base/sha256.hpp"
#include "kg/error.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <istream>
#include <map>
#include <ostream>
#include <type_traits>
#include <utility>

namespace kg {
namespace {

constexpr std::string_view kFormat = "kgraph-partial";
constexpr int kVersion = 1;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void put_strings(Writer& w, const auto& values) {
    w.StartArray();
    for (const std::string& v : values) put(w, v);
    w.EndArray();
}

// The text fields of a document and of an entity by name, for writing (const) and reading:
// one table, so that the two cannot drift apart.
template <class Info>
    requires std::is_same_v<std::remove_const_t<Info>, DocumentInfo>
auto text_fields(Info& d) {
    using Field = std::pair<const char*, decltype(&d.id)>;
    return std::array{Field{"id", &d.id},     Field{"language", &d.language}, Field{"title", &d.title},
                      Field{"url", &d.url},   Field{"date", &d.date},         Field{"outlet", &d.outlet},
                      Field{"place", &d.place}, Field{"text_sha256", &d.text_sha256}, Field{"source_path", &d.source_path},
                      Field{"format", &d.format}, Field{"extracted_text", &d.extracted_text}};
}

template <class Node>
    requires std::is_same_v<std::remove_const_t<Node>, EntityNode>
auto text_fields(Node& e) {
    using Field = std::pair<const char*, decltype(&e.id)>;
    return std::array{Field{"id", &e.id},           Field{"label", &e.label},           Field{"type", &e.type},
                      Field{"coarse", &e.coarse},   Field{"wikidata", &e.wikidata},     Field{"first_seen", &e.first_seen},
                      Field{"last_seen", &e.last_seen}};
}

void put_fields(Writer& w, const auto& fields) {
    for (const auto& [name, value] : fields) {
        w.Key(name);
        put(w, *value);
    }
}

void write_info(Writer& w, const DocumentInfo& d) {
    w.StartObject();
    put_fields(w, text_fields(d));
    w.Key("bytes");
    w.Uint64(d.bytes);
    w.Key("authors");
    put_strings(w, d.authors);
    w.EndObject();
}

void write_entity(Writer& w, const EntityNode& e) {
    w.StartObject();
    put_fields(w, text_fields(e));
    w.Key("mentions");
    w.Uint(e.mentions);
    w.Key("aliases");
    put_strings(w, e.aliases);
    w.Key("documents");
    put_strings(w, e.documents);
    w.EndObject();
}

void write_document(Writer& w, const PartialDocument& doc) {
    const DocumentContribution& c = doc.contribution;
    // Each cited sentence once: relations refer to it by index.
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::size_t> sentence_index;
    std::vector<const Evidence*> sentences;
    for (const ContributedRelation& r : c.relations) {
        const Evidence& ev = r.evidence;
        if (ev.document != c.info.id || ev.reported != c.info.date)
            throw Error(Errc::export_error, "partial graph: an evidence of document \"" + c.info.id +
                                                "\" names another document or date");
        if (sentence_index.emplace(std::pair{ev.begin, ev.end}, sentences.size()).second) sentences.push_back(&ev);
    }
    w.StartObject();
    w.Key("order");
    w.Uint64(doc.order);
    w.Key("info");
    write_info(w, c.info);
    w.Key("entities");
    w.StartArray();
    for (const EntityNode& e : c.entities) write_entity(w, e);
    w.EndArray();
    w.Key("sentences");
    w.StartArray();
    for (const Evidence* ev : sentences) {
        w.StartArray();
        w.Uint64(ev->begin);
        w.Uint64(ev->end);
        w.Uint64(ev->char_begin);
        w.Uint64(ev->char_end);
        put(w, ev->text);
        w.EndArray();
    }
    w.EndArray();
    w.Key("relations");
    w.StartArray();
    for (const ContributedRelation& r : c.relations) {
        const Evidence& ev = r.evidence;
        w.StartArray();
        put(w, r.subject);
        put(w, r.object);
        put(w, r.type);
        w.Uint(r.symmetric ? 1 : 0);
        w.Uint64(sentence_index.at({ev.begin, ev.end}));
        w.Uint(static_cast<unsigned>(ev.status));
        put(w, ev.attributed_to);
        put(w, ev.date);
        put(w, ev.quantity);
        put(w, ev.role);
        w.EndArray();
    }
    w.EndArray();
    w.EndObject();
}

// Reading: every accessor names the file, the line and the member that is wrong.
class LineReader {
public:
    LineReader(const std::string& name, std::int64_t line) : name_(name), line_(line) {}

    [[noreturn]] void fail(const std::string& what) const { throw Error(Errc::partial_format, what, name_, line_); }

    const rapidjson::Value& member(const rapidjson::Value& o, const char* key) const {
        if (!o.IsObject()) fail(std::string("expected an object holding \"") + key + "\"");
        auto it = o.FindMember(key);
        if (it == o.MemberEnd()) fail(std::string("missing \"") + key + "\"");
        return it->value;
    }
    std::string string(const rapidjson::Value& v, const char* what) const {
        if (!v.IsString()) fail(std::string(what) + " is not a string");
        return std::string(v.GetString(), v.GetStringLength());
    }
    std::uint64_t number(const rapidjson::Value& v, const char* what) const {
        if (!v.IsUint64()) fail(std::string(what) + " is not a non-negative integer");
        return v.GetUint64();
    }
    const rapidjson::Value::ConstArray array(const rapidjson::Value& v, const char* what) const {
        if (!v.IsArray()) fail(std::string(what) + " is not an array");
        return v.GetArray();
    }
    std::string text(const rapidjson::Value& o, const char* key) const { return string(member(o, key), key); }

private:
    const std::string& name_;
    std::int64_t line_;
};

DocumentInfo read_info(const LineReader& r, const rapidjson::Value& o) {
    DocumentInfo d;
    for (auto& [name, value] : text_fields(d)) *value = r.text(o, name);
    d.bytes = r.number(r.member(o, "bytes"), "bytes");
    for (const auto& a : r.array(r.member(o, "authors"), "authors")) d.authors.push_back(r.string(a, "an author"));
    if (d.id.empty()) r.fail("a document without an id");
    return d;
}

EntityNode read_entity(const LineReader& r, const rapidjson::Value& o) {
    EntityNode e;
    for (auto& [name, value] : text_fields(e)) *value = r.text(o, name);
    const std::uint64_t mentions = r.number(r.member(o, "mentions"), "mentions");
    if (mentions > UINT32_MAX) r.fail("mentions out of range");
    e.mentions = static_cast<std::uint32_t>(mentions);
    for (const auto& a : r.array(r.member(o, "aliases"), "aliases")) e.aliases.insert(r.string(a, "an alias"));
    for (const auto& d : r.array(r.member(o, "documents"), "documents")) e.documents.insert(r.string(d, "a document"));
    if (e.id.empty()) r.fail("an entity without an id");
    return e;
}

PartialDocument read_document(const LineReader& r, const rapidjson::Value& o) {
    PartialDocument doc;
    doc.order = r.number(r.member(o, "order"), "order");
    DocumentContribution& c = doc.contribution;
    c.info = read_info(r, r.member(o, "info"));
    for (const auto& e : r.array(r.member(o, "entities"), "entities")) c.entities.push_back(read_entity(r, e));
    std::vector<Evidence> sentences;
    for (const auto& s : r.array(r.member(o, "sentences"), "sentences")) {
        const auto a = r.array(s, "a sentence");
        if (a.Size() != 5) r.fail("a sentence is not [begin, end, char_begin, char_end, text]");
        Evidence ev;
        ev.document = c.info.id;
        ev.reported = c.info.date;
        ev.begin = r.number(a[0], "a sentence's begin");
        ev.end = r.number(a[1], "a sentence's end");
        ev.char_begin = r.number(a[2], "a sentence's char_begin");
        ev.char_end = r.number(a[3], "a sentence's char_end");
        ev.text = r.string(a[4], "a sentence's text");
        if (ev.begin > ev.end || ev.end - ev.begin != ev.text.size() || ev.end > c.info.bytes)
            r.fail("a sentence's offsets do not fit its text or its document");
        sentences.push_back(std::move(ev));
    }
    for (const auto& x : r.array(r.member(o, "relations"), "relations")) {
        const auto a = r.array(x, "a relation");
        if (a.Size() != 10) r.fail("a relation does not have its 10 fields");
        ContributedRelation rel;
        rel.subject = r.string(a[0], "a relation's subject");
        rel.object = r.string(a[1], "a relation's object");
        rel.type = r.string(a[2], "a relation's type");
        const std::uint64_t symmetric = r.number(a[3], "a relation's symmetric flag");
        const std::uint64_t sentence = r.number(a[4], "a relation's sentence");
        const std::uint64_t status = r.number(a[5], "a relation's status");
        if (symmetric > 1 || sentence >= sentences.size() || status > static_cast<std::uint64_t>(ClaimStatus::denied))
            r.fail("a relation's symmetric flag, sentence or status is out of range");
        rel.symmetric = symmetric == 1;
        rel.evidence = sentences[sentence];
        rel.evidence.status = static_cast<ClaimStatus>(status);
        rel.evidence.attributed_to = r.string(a[6], "a relation's attributed_to");
        rel.evidence.date = r.string(a[7], "a relation's date");
        rel.evidence.quantity = r.string(a[8], "a relation's quantity");
        rel.evidence.role = r.string(a[9], "a relation's role");
        c.relations.push_back(std::move(rel));
    }
    return doc;
}

} // namespace

std::string inputs_fingerprint(const std::vector<InputUnit>& units) {
    Sha256 h;
    for (const InputUnit& u : units) {
        h.update(u.where());
        h.update("\n");
    }
    return h.hex();
}

void write_partial(std::ostream& out, const PartialGraph& partial) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("format");
    put(w, kFormat);
    w.Key("version");
    w.Int(kVersion);
    w.Key("producer");
    put(w, partial.producer);
    w.Key("inputs");
    w.Uint64(partial.inputs);
    w.Key("inputs_sha256");
    put(w, partial.inputs_sha256);
    w.EndObject();
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out.put('\n');
    std::uint64_t next = 0;
    for (const PartialDocument& doc : partial.documents) {
        if (doc.order < next || doc.order >= partial.inputs)
            throw Error(Errc::export_error, "partial graph: document order " + std::to_string(doc.order) +
                                                " out of sequence or past the " + std::to_string(partial.inputs) + " inputs");
        next = doc.order + 1;
        buffer.Clear();
        w.Reset(buffer);
        write_document(w, doc);
        out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
        out.put('\n');
    }
    if (!out) throw Error(Errc::io_error, "cannot write the partial graph");
}

PartialGraph read_partial(std::istream& in, const std::string& name) {
    PartialGraph partial;
    std::string line;
    std::int64_t number = 0;
    bool header = false;
    std::uint64_t next = 0;
    while (std::getline(in, line)) {
        ++number;
        const LineReader r(name, number);
        rapidjson::Document d;
        d.Parse(line.data(), line.size());
        if (d.HasParseError())
            r.fail(std::string("not JSON: ") + rapidjson::GetParseError_En(d.GetParseError()) + " at byte " +
                   std::to_string(d.GetErrorOffset()));
        if (!header) {
            if (!d.IsObject() || !d.HasMember("format") || !d["format"].IsString() || d["format"].GetString() != kFormat)
                r.fail("not a kgraph partial graph (no \"format\": \"kgraph-partial\" header)");
            const auto& v = r.member(d, "version");
            if (!v.IsInt() || v.GetInt() != kVersion)
                r.fail("partial graph format version " + (v.IsInt() ? std::to_string(v.GetInt()) : std::string("?")) +
                       ", this build reads version " + std::to_string(kVersion));
            partial.producer = r.text(d, "producer");
            partial.inputs = r.number(r.member(d, "inputs"), "inputs");
            partial.inputs_sha256 = r.text(d, "inputs_sha256");
            header = true;
            continue;
        }
        PartialDocument doc = read_document(r, d);
        if (doc.order < next || doc.order >= partial.inputs)
            r.fail("document order " + std::to_string(doc.order) + " out of sequence or past the " +
                   std::to_string(partial.inputs) + " inputs");
        next = doc.order + 1;
        partial.documents.push_back(std::move(doc));
    }
    if (in.bad()) throw Error(Errc::io_error, "cannot read the partial graph", name);
    if (!header) throw Error(Errc::partial_format, "empty: not a kgraph partial graph", name);
    return partial;
}

PartialGraph merge_partials(std::vector<PartialGraph> partials, const std::vector<std::string>& names) {
    if (partials.empty()) throw Error(Errc::usage, "no partial graphs to merge");
    auto name = [&](std::size_t i) { return i < names.size() ? names[i] : "partial " + std::to_string(i + 1); };
    for (std::size_t i = 1; i < partials.size(); ++i) {
        if (partials[i].producer != partials[0].producer)
            throw Error(Errc::partial_format, "made by " + partials[i].producer + ", " + name(0) + " by " +
                                                  partials[0].producer + ": merge partials of one build only", name(i));
        if (partials[i].inputs != partials[0].inputs || partials[i].inputs_sha256 != partials[0].inputs_sha256)
            throw Error(Errc::partial_format, "extracted from other inputs than " + name(0) +
                                                  " (the listing differs): give every shard the same paths", name(i));
    }
    PartialGraph out;
    out.producer = partials[0].producer;
    out.inputs = partials[0].inputs;
    out.inputs_sha256 = partials[0].inputs_sha256;
    std::vector<std::pair<std::uint64_t, std::size_t>> where; // order -> partial
    for (std::size_t i = 0; i < partials.size(); ++i)
        for (const PartialDocument& d : partials[i].documents) where.emplace_back(d.order, i);
    std::sort(where.begin(), where.end());
    for (std::size_t k = 1; k < where.size(); ++k)
        if (where[k].first == where[k - 1].first)
            throw Error(Errc::partial_format, "document " + std::to_string(where[k].first) + " of the listing is also in " +
                                                  name(where[k - 1].second) + ": a shard given twice?", name(where[k].second));
    std::vector<std::size_t> next(partials.size(), 0);
    out.documents.reserve(where.size());
    for (const auto& [order, i] : where) out.documents.push_back(std::move(partials[i].documents[next[i]++]));
    return out;
}

} // namespace kg
