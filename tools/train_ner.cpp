// SPDX-License-Identifier: Apache-2.0
// kg-train-ner: trains and evaluates the name finder's models (kg/ner/name_finder.hpp) on
// annotated corpora in the CoNLL column format ("token TAG" a line, IOB2 tags over PER,
// ORG, LOC and MISC, a blank line between sentences, "-DOCSTART-" between documents).
//
//   kg-train-ner --lang en --ontology DIR --train FILE [--dev FILE] -o MODEL [options]
//   kg-train-ner --eval MODEL --ontology DIR FILE...
//   kg-train-ner --tag MODEL --ontology DIR TEXT_FILE    (names shown in brackets)
//
// A corpus FILE may be written LANG:PATH (the language whose segmentation rules and word
// lists its text gets; default --lang) and may end in ",first=N%" or ",last=N%" to take
// only the first or last N per cent of its sentences: the Italian corpus has no dev split,
// so "it:it.evalita.train.tsv,first=90%" trains and ",last=10%" measures.
//
// Each corpus sentence is rebuilt as text (tokens joined by single spaces, sentences by
// line breaks, one Document per corpus document) and segmented by kg::segment with the
// language's rules, exactly as kgraph segments news at run time; the gold IOB labels are
// projected onto kgraph's tokens by byte offsets, and the model learns on those tokens.
// Evaluation maps predictions back the same way: a predicted name counts only when its
// bytes are exactly a gold name's bytes (the first byte of its first corpus token to the
// last byte of its last), so a name cut inside a corpus token ("Nordend" of
// "Nordend-Fest") is an error, as the corpus-token scorer sees it.
#include "kg/error.hpp"
#include "kg/ner/name_finder.hpp"
#include "kg/ner/training.hpp"
#include "kg/ontology/ontology.hpp"
#include "kg/text/normalize.hpp"
#include "kg/text/segment.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* usage_text = R"(usage:
  kg-train-ner --lang CODE --ontology DIR --train FILE... [--dev FILE...] -o MODEL [options]
  kg-train-ner --eval MODEL --ontology DIR FILE...
  kg-train-ner --tag MODEL --ontology DIR TEXT_FILE

FILE is [LANG:]PATH[,first=N%|,last=N%] (CoNLL columns, IOB2 tags).

options:
  --lang CODE           the model's language (it, en, fr, es, de)
  --ontology DIR        kgraph's ontology: segmentation rules and gazetteer (repeatable)
  --dictionary L=DIC    a Hunspell .dic word list for language L (repeatable)
  --places FILE         place names from kg-gen-ner-places (ontology/models/ner-places.generated.json)
  --iterations N        training passes (default 10)
  --seed N              shuffling seed (default 1)
  --min-count N         drop features seen fewer than N times (default 1)
  --prune X             drop features whose weights are all below X times the largest (default 0)
  --o-penalty X         subtract X from the O tag's score when tagging (default 0)
  --sharpness X         scale of scores for confidences (default 1; with --dev, fitted and printed)
  --lone-share X        learn this share of documents as lone sentences, without context (default 0)
  --without LIST        feature groups to leave out: words,affixes,shapes,bigrams,
                        gazetteer,dictionary,document,history,cues,stems,long-suffixes
  --doc-size N          sentences per pseudo-document in files without -DOCSTART- (default 20)
  --kg-sentences        evaluate per kgraph sentence (find_document) instead of per corpus sentence
  --no-context          evaluate each corpus sentence alone, without its document's context
  --curve               with --dev: print dev scores after every pass
  --errors FILE         write every missed (FN) and false (FP) name of the evaluation to FILE
  -o FILE               where to write the model
)";

// ---------------------------------------------------------------- corpus reading

struct CorpusToken {
    std::string form;
    std::string tag; ///< IOB2 tag as written
};
using CorpusSentence = std::vector<CorpusToken>;
struct CorpusDocument {
    std::vector<CorpusSentence> sentences;
};

struct CorpusSpec {
    std::string language;
    std::string path;
    char part = 0;   ///< 0 all, 'f' first, 'l' last
    int percent = 100;
};

CorpusSpec parse_spec(std::string s, const std::string& default_language) {
    CorpusSpec spec;
    spec.language = default_language;
    if (s.size() > 3 && s[2] == ':' && std::isalpha(static_cast<unsigned char>(s[0]))) {
        spec.language = s.substr(0, 2);
        s = s.substr(3);
    }
    for (const char* key : {",first=", ",last="}) {
        const auto at = s.find(key);
        if (at == std::string::npos) continue;
        spec.part = key[1];
        spec.percent = std::stoi(s.substr(at + std::string(key).size()));
        s = s.substr(0, at);
        if (spec.percent <= 0 || spec.percent > 100) throw kg::Error(kg::Errc::usage, "bad percentage in " + s);
    }
    spec.path = s;
    return spec;
}

std::vector<CorpusDocument> read_conll(const CorpusSpec& spec, std::size_t doc_size) {
    std::ifstream in(spec.path);
    if (!in) throw kg::Error(kg::Errc::io_error, "cannot open corpus", spec.path);
    std::vector<CorpusSentence> sentences;
    std::vector<std::size_t> doc_starts;
    CorpusSentence cur;
    std::string line;
    auto flush = [&] {
        if (!cur.empty()) sentences.push_back(std::move(cur));
        cur.clear();
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::istringstream fields(line);
        std::string form, tag, field;
        fields >> form;
        while (fields >> field) tag = field;
        if (form.empty()) { flush(); continue; }
        if (form == "-DOCSTART-") { flush(); doc_starts.push_back(sentences.size()); continue; }
        cur.push_back({form, tag.empty() ? "O" : tag});
    }
    flush();
    // The requested share of sentences, then documents over it.
    std::size_t b = 0, e = sentences.size();
    const std::size_t cut = sentences.size() * static_cast<std::size_t>(spec.percent) / 100;
    if (spec.part == 'f') e = cut;
    if (spec.part == 'l') b = sentences.size() - cut;
    if (doc_starts.empty())
        for (std::size_t s = 0; s < sentences.size(); s += doc_size) doc_starts.push_back(s);
    std::vector<CorpusDocument> docs;
    for (std::size_t s = b; s < e; ++s) {
        if (docs.empty() || std::binary_search(doc_starts.begin(), doc_starts.end(), s)) docs.emplace_back();
        docs.back().sentences.push_back(std::move(sentences[s]));
    }
    return docs;
}

// ---------------------------------------------------------------- projection onto kgraph tokens

/// A gold or predicted name as the corpus scorer sees it: a byte range and a label.
struct ByteName {
    std::uint32_t begin, end;
    kg::NameLabel label;
    auto operator<=>(const ByteName&) const = default;
};

/// One corpus document as kgraph sees it.
struct Projected {
    kg::NerDocument training;
    std::vector<std::vector<ByteName>> gold; ///< per corpus sentence
    std::size_t unrepresentable = 0;         ///< gold names no kgraph token span matches
};

std::vector<ByteName> gold_names(const CorpusSentence& s, const std::vector<kg::ByteSpan>& spans) {
    std::vector<ByteName> names;
    std::string open;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string& tag = s[i].tag;
        const std::string type = tag.size() > 2 ? tag.substr(2) : "";
        const bool inside = tag[0] == 'I' && type == open;
        if (tag[0] != 'B' && tag[0] != 'I') { open.clear(); continue; }
        if (inside) { names.back().end = spans[i].end; continue; }
        auto label = kg::parse_name_label(type);
        if (!label) throw kg::Error(kg::Errc::usage, "unknown entity type '" + type + "'");
        names.push_back({spans[i].begin, spans[i].end, *label});
        open = type;
    }
    return names;
}

Projected project(const CorpusDocument& cd, const std::string& language, const kg::SegmentationRules& rules) {
    Projected p;
    kg::Document& doc = p.training.doc;
    doc.language = language;
    p.training.lexicon_language = language;
    std::vector<kg::ByteSpan> sentence_spans;
    for (const CorpusSentence& s : cd.sentences) {
        std::vector<kg::ByteSpan> spans;
        const auto start = static_cast<std::uint32_t>(doc.text.size());
        for (const CorpusToken& t : s) {
            if (doc.text.size() > start) doc.text.push_back(' ');
            const auto b = static_cast<std::uint32_t>(doc.text.size());
            doc.text += t.form;
            spans.push_back({b, static_cast<std::uint32_t>(doc.text.size())});
        }
        sentence_spans.push_back({start, static_cast<std::uint32_t>(doc.text.size())});
        p.gold.push_back(gold_names(s, spans));
        doc.text.push_back('\n');
    }
    kg::segment(doc, rules);
    const auto& toks = doc.tokens;
    auto first_at = [&](std::uint32_t byte) {
        return static_cast<std::uint32_t>(std::lower_bound(toks.begin(), toks.end(), byte,
                                                           [](const kg::Token& t, std::uint32_t b) { return t.span.begin < b; }) -
                                          toks.begin());
    };
    for (std::size_t si = 0; si < sentence_spans.size(); ++si) {
        kg::NerSequence seq;
        seq.tok_begin = first_at(sentence_spans[si].begin);
        seq.tok_end = first_at(sentence_spans[si].end);
        for (const ByteName& g : p.gold[si]) {
            const std::uint32_t b = first_at(g.begin), e = first_at(g.end);
            if (b < e && toks[b].span.begin == g.begin && toks[e - 1].span.end == g.end)
                seq.names.push_back({b, e, g.label, 1.0f});
            else
                ++p.unrepresentable;
        }
        p.training.sequences.push_back(std::move(seq));
    }
    return p;
}

struct Corpus {
    std::vector<Projected> docs;
    std::size_t sentences = 0, tokens = 0, names = 0, unrepresentable = 0;
};

Corpus load_corpus(const std::vector<std::string>& specs, const std::string& default_language,
                   const kg::Ontology& onto, std::size_t doc_size) {
    Corpus c;
    for (const auto& s : specs) {
        const CorpusSpec spec = parse_spec(s, default_language);
        const kg::LanguageData* lang = onto.find_language(spec.language);
        if (!lang) throw kg::Error(kg::Errc::usage, "the ontology has no language '" + spec.language + "'");
        for (const CorpusDocument& cd : read_conll(spec, doc_size)) {
            c.docs.push_back(project(cd, spec.language, lang->segmentation));
            const Projected& p = c.docs.back();
            c.sentences += p.gold.size();
            c.tokens += p.training.doc.tokens.size();
            for (const auto& g : p.gold) c.names += g.size();
            c.unrepresentable += p.unrepresentable;
        }
    }
    return c;
}

// ---------------------------------------------------------------- lexicons

std::optional<kg::NameLabel> label_of_class(const std::string& type) {
    if (type == "Person") return kg::NameLabel::person;
    if (type == "Organization") return kg::NameLabel::organization;
    if (type == "State" || type == "Place") return kg::NameLabel::location;
    if (type == "Agreement" || type == "Weapon") return kg::NameLabel::misc;
    return std::nullopt;
}

// The ontology's gazetteer: every alias of the language (or of any language, "*") under
// its class's label, and every demonym as MISC (CoNLL tags "German", "Italian" MISC).
void add_gazetteer(kg::NameLexicon& lex, const kg::Ontology& onto) {
    for (const auto& [id, e] : onto.entities) {
        const auto label = label_of_class(e.type);
        for (const char* key : {"*", lex.language.c_str()}) {
            if (auto it = e.aliases.find(key); label && it != e.aliases.end())
                for (const auto& a : it->second) lex.names[kg::phrase_key(a)].insert(*label);
            if (auto it = e.demonyms.find(key); it != e.demonyms.end())
                for (const auto& d : it->second) lex.names[kg::phrase_key(d)].insert(kg::NameLabel::misc);
        }
        if (label && !e.label.empty() && lex.language == "en") lex.names[kg::phrase_key(e.label)].insert(*label);
    }
    lex.names.erase("");
}

// The language's cue words from its ontology file (languages/<code>.json): given names,
// organisation and place head nouns, the content words of roles, words never names.
void add_cues(kg::NameLexicon& lex, const kg::Ontology& onto) {
    const kg::LanguageData* L = onto.find_language(lex.language);
    if (!L) return;
    auto keys = [](const auto& words, std::set<std::string>& into) {
        for (const auto& w : words)
            for (const auto& k : kg::phrase_words(w)) into.insert(k);
    };
    keys(L->given_names, lex.given_names);
    keys(L->organization_heads, lex.organization_heads);
    keys(L->place_heads, lex.place_heads);
    keys(L->not_name_words, lex.not_name_words);
    for (const kg::RoleDef& r : L->roles)
        for (const auto& w : r.words)
            if (!L->function_words.count(w)) lex.role_words.insert(w);
}

// Place names from kg-gen-ner-places's file: those of any language ("*") and of the
// lexicon's language, as LOC.
void add_places(kg::NameLexicon& lex, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw kg::Error(kg::Errc::io_error, "cannot open place names", path);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    rapidjson::Document d;
    d.Parse(json.c_str(), json.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("names") || !d["names"].IsObject())
        throw kg::Error(kg::Errc::ontology_schema, "not a place-name file of kg-gen-ner-places", path);
    for (const char* key : {"*", lex.language.c_str()}) {
        if (!d["names"].HasMember(key) || !d["names"][key].IsArray()) continue;
        for (const auto& n : d["names"][key].GetArray())
            if (n.IsString()) lex.names[kg::phrase_key(n.GetString())].insert(kg::NameLabel::location);
    }
    lex.names.erase("");
}

// A Hunspell dictionary's words (the stems of its .dic file, flags stripped), sorted into
// those written in lower case and those written with a capital.
void add_dictionary(kg::NameLexicon& lex, const std::string& path) {
    std::ifstream in(path);
    if (!in) throw kg::Error(kg::Errc::io_error, "cannot open dictionary", path);
    std::string line;
    std::getline(in, line); // the entry count
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '/' || line[0] == '#') continue;
        std::size_t end = 0;
        while (end < line.size() && line[end] != '/' && line[end] != '\t' && line[end] != ' ') {
            if (line[end] == '\\') ++end; // an escaped slash belongs to the word
            ++end;
        }
        const std::string word = line.substr(0, std::min(end, line.size()));
        if (word.size() < 2 || std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        const std::string key = kg::match_key(word);
        (key.compare(0, 1, word, 0, 1) == 0 ? lex.lower_words : lex.capitalised_words).insert(key);
    }
}

// ---------------------------------------------------------------- scoring

struct Counts {
    std::array<std::size_t, kg::name_label_count> tp{}, fp{}, fn{};
};

std::ostream* error_log = nullptr; ///< --errors: every miss and false alarm, with its text

void score(const std::vector<ByteName>& gold, const std::vector<ByteName>& found, Counts& c, std::string_view text) {
    const std::set<ByteName> g(gold.begin(), gold.end()), f(found.begin(), found.end());
    auto log = [&](const char* what, const ByteName& x) {
        if (error_log)
            *error_log << what << '\t' << kg::name_label_code(x.label) << '\t' << text.substr(x.begin, x.end - x.begin) << '\n';
    };
    for (const auto& x : f) {
        (g.count(x) ? c.tp : c.fp)[static_cast<std::size_t>(x.label)]++;
        if (!g.count(x)) log("FP", x);
    }
    for (const auto& x : g)
        if (!f.count(x)) c.fn[static_cast<std::size_t>(x.label)]++, log("FN", x);
}

struct Prf {
    double p = 0, r = 0, f = 0;
};
Prf prf(std::size_t tp, std::size_t fp, std::size_t fn) {
    Prf x;
    x.p = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
    x.r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
    x.f = x.p + x.r > 0 ? 2 * x.p * x.r / (x.p + x.r) : 0;
    return x;
}

Prf micro(const Counts& c, bool with_misc) {
    std::size_t tp = 0, fp = 0, fn = 0;
    for (int l = 0; l < kg::name_label_count; ++l) {
        if (!with_misc && l == static_cast<int>(kg::NameLabel::misc)) continue;
        tp += c.tp[static_cast<std::size_t>(l)], fp += c.fp[static_cast<std::size_t>(l)], fn += c.fn[static_cast<std::size_t>(l)];
    }
    return prf(tp, fp, fn);
}

std::vector<ByteName> to_bytes(const std::vector<kg::NameSpan>& spans, const std::vector<kg::Token>& toks,
                               std::uint32_t offset) {
    std::vector<ByteName> out;
    for (const auto& s : spans)
        out.push_back({toks[offset + s.tok_begin].span.begin, toks[offset + s.tok_end - 1].span.end, s.label});
    return out;
}

bool lone_sentences = false; ///< --no-context: every sentence its own document

Counts evaluate(const kg::NameFinder& finder, const Corpus& corpus, bool kg_sentences) {
    Counts c;
    for (const Projected& p : corpus.docs) {
        const kg::Document& doc = p.training.doc;
        kg::NameContext context(doc.text, doc.tokens);
        std::vector<ByteName> found_doc;
        if (kg_sentences) found_doc = to_bytes(finder.find_document(doc), doc.tokens, 0);
        for (std::size_t si = 0; si < p.gold.size(); ++si) {
            const kg::NerSequence& seq = p.training.sequences[si];
            std::vector<ByteName> found;
            if (kg_sentences) {
                const std::uint32_t b = seq.tok_begin < seq.tok_end ? doc.tokens[seq.tok_begin].span.begin : 0;
                const std::uint32_t e = seq.tok_begin < seq.tok_end ? doc.tokens[seq.tok_end - 1].span.end : 0;
                for (const auto& n : found_doc)
                    if (n.begin >= b && n.end <= e) found.push_back(n);
            } else if (seq.tok_begin < seq.tok_end) {
                const std::span<const kg::Token> toks(doc.tokens.data() + seq.tok_begin, seq.tok_end - seq.tok_begin);
                found = to_bytes(lone_sentences ? finder.find(doc.text, toks) : finder.find(doc.text, toks, context),
                                 doc.tokens, seq.tok_begin);
            }
            score(p.gold[si], found, c, doc.text);
        }
    }
    return c;
}

void print_scores(const Counts& c, std::ostream& out) {
    char line[160];
    for (int l = 0; l < kg::name_label_count; ++l) {
        const auto k = static_cast<std::size_t>(l);
        const Prf x = prf(c.tp[k], c.fp[k], c.fn[k]);
        std::snprintf(line, sizeof line, "  %-12s P %.4f  R %.4f  F1 %.4f   (gold %zu, found %zu)\n",
                      std::string(kg::name_label_code(static_cast<kg::NameLabel>(l))).c_str(), x.p, x.r, x.f,
                      c.tp[k] + c.fn[k], c.tp[k] + c.fp[k]);
        out << line;
    }
    const Prf a = micro(c, false), b = micro(c, true);
    std::snprintf(line, sizeof line, "  %-12s P %.4f  R %.4f  F1 %.4f\n  %-12s P %.4f  R %.4f  F1 %.4f\n",
                  "PER+ORG+LOC", a.p, a.r, a.f, "all four", b.p, b.r, b.f);
    out << line;
}

// ---------------------------------------------------------------- command line

struct Options {
    std::string language, eval_model, tag_model, out;
    std::vector<std::string> ontology, train, dev, dictionaries;
    kg::NerTrainOptions train_options;
    std::size_t doc_size = 20;
    bool kg_sentences = false, curve = false;
    std::string errors, places;
};

std::uint32_t feature_groups_without(const std::string& list) {
    static const std::map<std::string, kg::NerFeatureGroup> names{
        {"words", kg::ner_words},       {"affixes", kg::ner_affixes},       {"shapes", kg::ner_shapes},
        {"bigrams", kg::ner_bigrams},   {"gazetteer", kg::ner_gazetteer}, {"dictionary", kg::ner_dictionary},
        {"document", kg::ner_document},   {"history", kg::ner_history},
        {"cues", kg::ner_cues},         {"stems", kg::ner_stems},           {"long-suffixes", kg::ner_long_suffixes}};
    std::uint32_t groups = kg::ner_all_features;
    std::stringstream in(list);
    for (std::string name; std::getline(in, name, ',');) {
        auto it = names.find(name);
        if (it == names.end()) throw kg::Error(kg::Errc::usage, "unknown feature group '" + name + "'");
        groups &= ~static_cast<std::uint32_t>(it->second);
    }
    return groups;
}

Options parse_args(int argc, char** argv) {
    Options o;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw kg::Error(kg::Errc::usage, a + " needs a value");
            return argv[++i];
        };
        if (a == "--lang") o.language = value();
        else if (a == "--ontology") o.ontology.push_back(value());
        else if (a == "--train") o.train.push_back(value());
        else if (a == "--dev") o.dev.push_back(value());
        else if (a == "--eval") o.eval_model = value();
        else if (a == "--tag") o.tag_model = value();
        else if (a == "--dictionary") o.dictionaries.push_back(value());
        else if (a == "--iterations") o.train_options.iterations = std::stoi(value());
        else if (a == "--seed") o.train_options.seed = std::stoull(value());
        else if (a == "--min-count") o.train_options.min_feature_count = static_cast<std::uint32_t>(std::stoul(value()));
        else if (a == "--prune") o.train_options.prune = std::stod(value());
        else if (a == "--o-penalty") o.train_options.outside_penalty = std::stof(value());
        else if (a == "--sharpness") o.train_options.confidence_sharpness = std::stof(value());
        else if (a == "--lone-share") o.train_options.lone_sentence_share = std::stod(value());
        else if (a == "--without") o.train_options.features = feature_groups_without(value());
        else if (a == "--doc-size") o.doc_size = std::max<std::size_t>(1, std::stoul(value()));
        else if (a == "--kg-sentences") o.kg_sentences = true;
        else if (a == "--no-context") lone_sentences = true;
        else if (a == "--curve") o.curve = true;
        else if (a == "--errors") o.errors = value();
        else if (a == "--places") o.places = value();
        else if (a == "-o") o.out = value();
        else if (a == "-h" || a == "--help") { std::cout << usage_text; std::exit(0); }
        else if (!a.empty() && a[0] == '-') throw kg::Error(kg::Errc::usage, "unknown option " + a);
        else files.push_back(a);
    }
    if (!o.eval_model.empty() || !o.tag_model.empty()) o.dev.insert(o.dev.end(), files.begin(), files.end());
    else if (!files.empty()) throw kg::Error(kg::Errc::usage, "unexpected argument " + files[0]);
    if (o.ontology.empty()) throw kg::Error(kg::Errc::usage, "--ontology DIR is required");
    if (o.eval_model.empty() && o.tag_model.empty() && (o.language.empty() || o.train.empty() || o.out.empty()))
        throw kg::Error(kg::Errc::usage, "training needs --lang, --train and -o");
    return o;
}

std::map<std::string, kg::NameLexicon> build_lexicons(const Options& o, const kg::Ontology& onto,
                                                      const std::set<std::string>& languages) {
    std::map<std::string, kg::NameLexicon> lexicons;
    for (const auto& l : languages) {
        kg::NameLexicon& lex = lexicons[l];
        lex.language = l;
        add_gazetteer(lex, onto);
        add_cues(lex, onto);
        if (!o.places.empty()) add_places(lex, o.places);
    }
    for (const auto& d : o.dictionaries) {
        const auto eq = d.find('=');
        if (eq == std::string::npos) throw kg::Error(kg::Errc::usage, "--dictionary wants LANG=FILE");
        auto it = lexicons.find(d.substr(0, eq));
        if (it != lexicons.end()) add_dictionary(it->second, d.substr(eq + 1));
    }
    return lexicons;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int run_eval(const Options& o, const kg::Ontology& onto) {
    auto t0 = Clock::now();
    const kg::NameFinder finder = kg::NameFinder::load(o.eval_model);
    std::cerr << "loaded " << o.eval_model << " (" << finder.language() << ", " << finder.feature_count()
              << " features) in " << seconds_since(t0) * 1000 << " ms\n";
    const Corpus dev = load_corpus(o.dev, o.language.empty() ? finder.language() : o.language, onto, o.doc_size);
    std::ofstream errors;
    if (!o.errors.empty()) errors.open(o.errors), error_log = &errors;
    t0 = Clock::now();
    const Counts c = evaluate(finder, dev, o.kg_sentences);
    std::cout << "dev: " << dev.sentences << " sentences, " << dev.tokens << " kgraph tokens, " << dev.names
              << " names (" << dev.unrepresentable << " not on kgraph token boundaries); tagged in "
              << seconds_since(t0) << " s\n";
    print_scores(c, std::cout);
    return 0;
}

// Plain text in, the same text out with every name found as [LABEL name] (and its
// confidence), one sentence a line: for reading a model's behaviour by eye.
int run_tag(const Options& o, const kg::Ontology& onto) {
    const kg::NameFinder finder = kg::NameFinder::load(o.tag_model);
    const std::string lang = o.language.empty() ? finder.language() : o.language;
    const kg::LanguageData* L = onto.find_language(lang);
    if (!L) throw kg::Error(kg::Errc::usage, "the ontology has no language '" + lang + "'");
    for (const auto& path : o.dev) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw kg::Error(kg::Errc::io_error, "cannot open text", path);
        kg::Document doc;
        doc.id = path;
        doc.language = lang;
        doc.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        kg::segment(doc, L->segmentation);
        const auto names = finder.find_document(doc);
        std::size_t k = 0;
        for (const kg::Sentence& s : doc.sentences) {
            std::string line;
            std::uint32_t at = s.span.begin;
            for (; k < names.size() && names[k].tok_begin < s.end_token; ++k) {
                const auto b = doc.tokens[names[k].tok_begin].span.begin, e = doc.tokens[names[k].tok_end - 1].span.end;
                char conf[16];
                std::snprintf(conf, sizeof conf, " %.2f", static_cast<double>(names[k].confidence));
                line += doc.text.substr(at, b - at) + "[" + std::string(kg::name_label_code(names[k].label)) + " " +
                        doc.text.substr(b, e - b) + conf + "]";
                at = e;
            }
            line += doc.text.substr(at, s.span.end - at);
            std::replace(line.begin(), line.end(), '\n', ' ');
            std::cout << line << '\n';
        }
    }
    return 0;
}

int run_train(Options& o, const kg::Ontology& onto) {
    auto t0 = Clock::now();
    const Corpus train = load_corpus(o.train, o.language, onto, o.doc_size);
    const Corpus dev = load_corpus(o.dev, o.language, onto, o.doc_size);
    std::set<std::string> languages{o.language};
    for (const auto& p : train.docs) languages.insert(p.training.lexicon_language);
    const auto lexicons = build_lexicons(o, onto, languages);
    std::vector<kg::NerDocument> docs;
    for (const auto& p : train.docs) docs.push_back(p.training);
    std::cerr << "train: " << train.sentences << " sentences, " << train.tokens << " kgraph tokens, " << train.names
              << " names (" << train.unrepresentable << " not on kgraph token boundaries); read in "
              << seconds_since(t0) << " s\n";
    o.train_options.language = o.language;
    if (!dev.docs.empty() && o.curve)
        o.train_options.on_iteration = [&](int it, const kg::NameFinder& f) {
            const Counts c = evaluate(f, dev, o.kg_sentences);
            std::fprintf(stderr, "  pass %2d: dev F1 PER+ORG+LOC %.4f, all %.4f\n", it, micro(c, false).f, micro(c, true).f);
        };
    t0 = Clock::now();
    const std::string bytes = kg::train_name_finder(docs, lexicons, o.train_options);
    std::cerr << "trained in " << seconds_since(t0) << " s; model " << bytes.size() << " bytes\n";
    std::ofstream out(o.out, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw kg::Error(kg::Errc::io_error, "cannot write model", o.out);
    out.close();
    if (!dev.docs.empty()) {
        const kg::NameFinder finder = kg::NameFinder::load(o.out);
        std::cout << "dev (" << dev.names << " names, " << dev.unrepresentable << " not on kgraph token boundaries):\n";
        print_scores(evaluate(finder, dev, o.kg_sentences), std::cout);
        std::vector<kg::NerDocument> held_out;
        for (const auto& p : dev.docs) held_out.push_back(p.training);
        std::cout << "confidence sharpness fitted on dev: " << kg::fit_confidence_sharpness(finder, held_out) << '\n';
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        Options o = parse_args(argc, argv);
        const kg::Ontology onto = kg::load_ontology(o.ontology);
        if (!o.tag_model.empty()) return run_tag(o, onto);
        return o.eval_model.empty() ? run_train(o, onto) : run_eval(o, onto);
    } catch (const kg::Error& e) {
        std::cerr << "kg-train-ner: " << e.what() << '\n';
        if (e.code() == kg::Errc::usage) std::cerr << usage_text;
        return e.code() == kg::Errc::usage ? 2 : 1;
    } catch (const std::exception& e) {
        std::cerr << "kg-train-ner: " << e.what() << '\n';
        return 1;
    }
}
