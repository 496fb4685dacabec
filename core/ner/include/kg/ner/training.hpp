// SPDX-License-Identifier: Apache-2.0
#pragma once
// Training a NameFinder model: the structured averaged perceptron (Collins 2002) over
// BILOU tags, with the features of Ratinov & Roth 2009 that measured worth keeping. Used
// by kg-train-ner and by the tests; the pipeline itself only loads finished models.
#include "kg/ner/name_finder.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kg {

/// Word lists the tagger consults as features: language knowledge, not learned. A model
/// embeds the lexicon of its own language, so that tagging needs nothing but the model.
struct NameLexicon {
    std::string language; ///< stems dictionary words with this language's Snowball stemmer
    /// Known names, by phrase key (kg::phrase_key: "kim jong un"), and the labels they carry.
    std::map<std::string, std::set<NameLabel>> names;
    /// Keys of dictionary words written in lower case ("ordinary words": "bank", "haus").
    std::set<std::string> lower_words;
    /// Keys of dictionary words written with a capital (German nouns, some proper names).
    std::set<std::string> capitalised_words;
    /// Cue words, by key: first names ("anna"), head nouns of organisation and place names
    /// ("bank", "piazza"), words of roles that introduce people ("minister"), and
    /// capitalised words that are never names ("monday"). Matched by Snowball stem.
    std::set<std::string> given_names, organization_heads, place_heads, role_words, not_name_words;
};

/// Groups of features, for measuring what each one is worth. A model records the groups it
/// was trained with and computes exactly those when tagging.
enum NerFeatureGroup : std::uint32_t {
    ner_words = 1 << 0,      ///< the word and its neighbours within two tokens
    ner_affixes = 1 << 1,    ///< prefixes and suffixes of up to four characters
    ner_shapes = 1 << 2,     ///< word shapes ("Xxxx", "X.X."), capitalisation, headline lines
    ner_bigrams = 1 << 3,    ///< pairs of neighbouring words
    ner_gazetteer = 1 << 4,  ///< the token lies in a known name (NameLexicon::names)
    ner_dictionary = 1 << 5, ///< the word's stem is a dictionary word, lower-case or capitalised
    ner_document = 1 << 6,   ///< the word also appears capitalised mid-sentence / in lower case
    ner_history = 1 << 7,    ///< the labels the finder gave the same word earlier in the document
    ner_cues = 1 << 8,       ///< the word or a neighbour is a given name, role, organisation or place head
    ner_stems = 1 << 9,      ///< the word's Snowball stem ("Deutschen", "Deutsche": "deutsch")
    ner_long_suffixes = 1 << 10, ///< suffixes of five and six characters too (German compounds)
    ner_all_features = (1 << 11) - 1,
};

/// One labelled sequence (a sentence) of a training document: tokens [tok_begin, tok_end)
/// of `doc.tokens`, and its names as spans of document token indices.
struct NerSequence {
    std::uint32_t tok_begin = 0;
    std::uint32_t tok_end = 0;
    std::vector<NameSpan> names;
};

/// A segmented document and its labelled sentences. Its words are looked up in the lexicon
/// of `lexicon_language` (a model for one language may learn from others).
struct NerDocument {
    Document doc;
    std::vector<NerSequence> sequences;
    std::string lexicon_language;
};

struct NerTrainOptions {
    std::string language;            ///< the model's language; its lexicon ships in the model
    int iterations = 10;             ///< passes over the data
    std::uint64_t seed = 1;          ///< shuffles the sentence order of each pass
    std::uint32_t min_feature_count = 1; ///< features seen fewer times are never created
    std::uint32_t features = ner_all_features; ///< NerFeatureGroup bits
    /// Features whose largest weight is below this fraction of the model's largest weight
    /// are left out of the file (0 keeps all): a size / accuracy trade, measured.
    double prune = 0;
    /// Subtracted from the score of O (outside any name) when tagging: above 0 finds more
    /// names at some cost in precision. Choose it on dev data.
    float outside_penalty = 0;
    /// Written into the model: scales its scores into NameSpan confidences. Choose it with
    /// fit_confidence_sharpness on held-out data.
    float confidence_sharpness = 1;
    /// The share of documents (every 1/share-th, in order) learned as lone sentences,
    /// without document context or history: a model trained only on whole documents
    /// loses several points of F1 on sentences tagged one by one (NameFinder::find
    /// without a context). 0 learns every document whole.
    double lone_sentence_share = 0;
    /// Called after each pass with the model as it would be saved then (for dev curves).
    std::function<void(int iteration, const NameFinder& model)> on_iteration;
};

/// Train a model and return the bytes of its file. Deterministic: the same documents,
/// lexicons and options give the same bytes. `lexicons` must hold the lexicon of
/// `options.language` and of every document's `lexicon_language`. Throws kg::Error(usage)
/// on a missing lexicon or a name span that is out of its sequence or overlaps another.
std::string train_name_finder(const std::vector<NerDocument>& documents,
                              const std::map<std::string, NameLexicon>& lexicons,
                              const NerTrainOptions& options);

/// The factor by which `model`'s scores are best read as probabilities: the one, among
/// powers of two, that maximises the posterior of the gold tags of `held_out` (documents
/// tagged in order, as find_document does). Pass it as confidence_sharpness when training.
float fit_confidence_sharpness(const NameFinder& model, const std::vector<NerDocument>& held_out);

} // namespace kg
