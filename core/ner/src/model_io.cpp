// SPDX-License-Identifier: Apache-2.0
// The model file format, version 1. All integers little-endian; floats as IEEE-754 bits.
//
//   magic "KGNERMDL" | u32 version | u32 tag count (17) | u32 feature groups
//   u32 language length | language bytes
//   u32 feature count F | u32 weight count W | f32 weight scale | f32 O penalty
//   f32 confidence sharpness
//   f32 transition[17*17] | f32 start[17]
//   u64 feature hash[F], strictly ascending | u32 row end[F], non-decreasing, last = W
//   u8 tag[W] (< 17) | i16 weight[W]
//   u32 lexicon entry count E | u8 longest name in words
//   u64 lexicon key hash[E], strictly ascending | u16 mask[E]
//   u64 FNV-1a 64 of every byte before it
//
// Structure is checked field by field so that an error names the first bad byte; the
// checksum then catches a flipped bit that leaves the structure valid.
#include "model.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>

namespace kg::detail {
namespace {

constexpr std::string_view magic = "KGNERMDL";
constexpr std::uint32_t format_version = 1;

std::uint64_t fnv1a(std::string_view bytes) { return lexicon_hash_append(lexicon_hash_start(), bytes); }

class Writer {
public:
    void bytes(std::string_view b) { out_.append(b); }
    template <typename T> void uint(T v) {
        for (std::size_t i = 0; i < sizeof(T); ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    void f32(float f) { uint(std::bit_cast<std::uint32_t>(f)); }
    void str(std::string_view s) {
        uint(static_cast<std::uint32_t>(s.size()));
        bytes(s);
    }
    std::string take() {
        uint(fnv1a(out_));
        return std::move(out_);
    }

private:
    std::string out_;
};

class Reader {
public:
    Reader(std::string_view bytes, const std::string& name) : in_(bytes), name_(name) {}

    [[noreturn]] void fail(const std::string& what, std::size_t at) const {
        throw Error::at_byte(Errc::model_format, what, name_, static_cast<std::int64_t>(at));
    }
    std::size_t pos() const { return pos_; }
    std::size_t left() const { return in_.size() - pos_; }
    void need(std::size_t n, const char* what) const {
        if (left() < n)
            fail("truncated model file: " + std::to_string(n) + " bytes of " + what + " expected, " +
                     std::to_string(left()) + " left",
                 pos_);
    }
    std::string_view bytes(std::size_t n, const char* what) {
        need(n, what);
        std::string_view b = in_.substr(pos_, n);
        pos_ += n;
        return b;
    }
    template <typename T> T uint(const char* what) {
        need(sizeof(T), what);
        T v = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i)
            v |= static_cast<T>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
        pos_ += sizeof(T);
        return v;
    }
    float f32(const char* what) {
        const std::size_t at = pos_;
        const float f = std::bit_cast<float>(uint<std::uint32_t>(what));
        if (!std::isfinite(f)) fail(std::string(what) + " is not a finite number", at);
        return f;
    }
    /// A count of items of `item_size` bytes that must fit in the rest of the file: checked
    /// before anything is allocated for them.
    std::uint32_t count(const char* what, std::size_t item_size) {
        const std::size_t at = pos_;
        const auto n = uint<std::uint32_t>(what);
        if (static_cast<std::uint64_t>(n) * item_size > left())
            fail(std::string("truncated model file: ") + what + " is " + std::to_string(n) + " but only " +
                     std::to_string(left()) + " bytes follow",
                 at);
        return n;
    }

private:
    std::string_view in_;
    const std::string& name_;
    std::size_t pos_ = 0;
};

void write_lexicon(Writer& w, const CompiledLexicon& lex) {
    w.uint(static_cast<std::uint32_t>(lex.keys.size()));
    w.uint(lex.max_phrase_words);
    for (auto k : lex.keys) w.uint(k);
    for (auto m : lex.masks) w.uint(m);
}

void read_lexicon(Reader& r, CompiledLexicon& lex) {
    const std::uint32_t n = r.count("lexicon entry count", 8 + 2);
    lex.max_phrase_words = r.uint<std::uint8_t>("longest lexicon name");
    lex.keys.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = r.pos();
        lex.keys[i] = r.uint<std::uint64_t>("lexicon key hash");
        if (i > 0 && lex.keys[i] <= lex.keys[i - 1]) r.fail("lexicon key hashes not in ascending order", at);
    }
    lex.masks.resize(n);
    for (auto& m : lex.masks) m = r.uint<std::uint16_t>("lexicon mask");
}

void read_weights(Reader& r, NerModel& m) {
    const std::uint32_t features = r.count("feature count", 8 + 4);
    const std::uint32_t entries = r.count("weight count", 1 + 2);
    m.scale = r.f32("weight scale");
    m.outside_penalty = r.f32("O penalty");
    m.sharpness = r.f32("confidence sharpness");
    for (auto& t : m.transition) t = r.f32("transition weight");
    for (auto& s : m.start) s = r.f32("start weight");
    m.keys.resize(features);
    for (std::size_t i = 0; i < features; ++i) {
        const std::size_t at = r.pos();
        m.keys[i] = r.uint<std::uint64_t>("feature hash");
        if (i > 0 && m.keys[i] <= m.keys[i - 1]) r.fail("feature hashes not in ascending order", at);
    }
    m.row_end.resize(features);
    std::uint32_t prev = 0;
    for (auto& e : m.row_end) {
        const std::size_t at = r.pos();
        e = r.uint<std::uint32_t>("feature row end");
        if (e < prev || e > entries) r.fail("feature row end out of order or past the weights", at);
        prev = e;
    }
    if (prev != entries) r.fail("feature rows do not cover the weights", r.pos());
    m.tags.resize(entries);
    for (auto& t : m.tags) {
        const std::size_t at = r.pos();
        t = r.uint<std::uint8_t>("weight tag");
        if (t >= ner_tag_count) r.fail("weight tag " + std::to_string(t) + " out of range", at);
    }
    m.weights.resize(entries);
    for (auto& w : m.weights) w = static_cast<std::int16_t>(r.uint<std::uint16_t>("weight"));
}

} // namespace

std::string serialize_model(const NerModel& m) {
    Writer w;
    w.bytes(magic);
    w.uint(format_version);
    w.uint(static_cast<std::uint32_t>(ner_tag_count));
    w.uint(m.feature_groups);
    w.str(m.language);
    w.uint(static_cast<std::uint32_t>(m.keys.size()));
    w.uint(static_cast<std::uint32_t>(m.tags.size()));
    w.f32(m.scale);
    w.f32(m.outside_penalty);
    w.f32(m.sharpness);
    for (float t : m.transition) w.f32(t);
    for (float s : m.start) w.f32(s);
    for (auto k : m.keys) w.uint(k);
    for (auto e : m.row_end) w.uint(e);
    for (auto t : m.tags) w.uint(t);
    for (auto v : m.weights) w.uint(static_cast<std::uint16_t>(v));
    write_lexicon(w, m.lexicon);
    return w.take();
}

NerModel parse_model(std::string_view bytes, const std::string& name) {
    Reader r(bytes, name);
    if (bytes.size() < magic.size() || bytes.substr(0, magic.size()) != magic)
        r.fail("not a kgraph name-finder model (no KGNERMDL signature)", 0);
    r.bytes(magic.size(), "signature");
    const std::size_t version_at = r.pos();
    const auto version = r.uint<std::uint32_t>("format version");
    if (version != format_version)
        r.fail("model format version " + std::to_string(version) + ", this build reads version " +
                   std::to_string(format_version),
               version_at);
    const std::size_t tags_at = r.pos();
    if (r.uint<std::uint32_t>("tag count") != ner_tag_count) r.fail("unexpected tag count", tags_at);
    NerModel m;
    m.feature_groups = r.uint<std::uint32_t>("feature groups");
    const std::uint32_t lang_size = r.count("language length", 1);
    m.language = std::string(r.bytes(lang_size, "language"));
    m.lexicon.language = m.language;
    read_weights(r, m);
    read_lexicon(r, m.lexicon);
    const std::size_t sum_at = r.pos();
    const auto stored = r.uint<std::uint64_t>("checksum");
    if (stored != fnv1a(bytes.substr(0, sum_at)))
        r.fail("checksum mismatch: the model file is corrupt", sum_at);
    if (r.left() != 0) r.fail("unexpected bytes after the checksum", r.pos());
    m.index.build(m.keys);
    m.lexicon.index.build(m.lexicon.keys);
    static std::atomic<std::uint64_t> models_read{0};
    m.serial = ++models_read;
    return m;
}

std::uint64_t lexicon_hash(std::string_view key) { return fnv1a(key); }

void KeyIndex::build(const std::vector<std::uint64_t>& keys) {
    std::size_t size = 16;
    while (size < keys.size() * 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::uint64_t s = mix(keys[i]) & mask_;
        while (slots_[s].position != 0) s = (s + 1) & mask_;
        slots_[s] = Slot{static_cast<std::uint32_t>(keys[i] >> 32), static_cast<std::uint32_t>(i + 1)};
    }
}

namespace {
// A model put together in memory (not read by parse_model) has no index yet.
std::int64_t position_of(const KeyIndex& index, const std::vector<std::uint64_t>& keys, std::uint64_t h) {
    if (index.built()) return index.find(keys, h);
    auto it = std::lower_bound(keys.begin(), keys.end(), h);
    return it != keys.end() && *it == h ? it - keys.begin() : -1;
}
} // namespace

std::uint16_t CompiledLexicon::lookup(std::string_view key) const { return lookup_hash(fnv1a(key)); }

std::uint16_t CompiledLexicon::lookup_hash(std::uint64_t hash) const {
    const std::int64_t at = position_of(index, keys, hash);
    return at >= 0 ? masks[static_cast<std::size_t>(at)] : 0;
}

void NerModel::add_weight(std::uint64_t hash, std::int32_t* sums) const {
    const std::int64_t at = position_of(index, keys, hash);
    if (at < 0) return;
    const auto i = static_cast<std::size_t>(at);
    for (std::uint32_t j = i == 0 ? 0 : row_end[i - 1]; j < row_end[i]; ++j) sums[tags[j]] += weights[j];
}

} // namespace kg::detail
