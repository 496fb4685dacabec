// SPDX-License-Identifier: Apache-2.0
#pragma once
// The ontology: every piece of domain and language knowledge kgraph uses, loaded from JSON
// data files at run time (never compiled in). See ontology/README.md for the file formats.
#include "kg/text/segment.hpp"

#include "kg/error.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kg {

/// What extraction does with the mentions of a class: behaviours, never names. classes.json
/// gives each class its traits; extraction asks whether a class has a trait, so a class
/// added in the data (say an armed group with the traits of an institution) is recognised,
/// typed and related without a change in the code.
enum class Trait : std::uint8_t {
    agent,       ///< acts and speaks: the subject of relations, the source of reported claims
    person,      ///< a human: given name + surname, short forms, introduced by role words
    sovereign,   ///< a state: demonyms, capitals that speak for it, acts through its troops
    institution, ///< an organisation: names with head nouns (Ministry, Agency), acronyms
    location,    ///< a place: head nouns (region, square), containment, locative phrases
    agreement,   ///< an agreement: head-noun phrases (accordo, treaty), linked to known ones
    weapon,      ///< a weapon: model designators, weapon-class nouns, owners by demonym
};

/// An entity class's index in load order (classes.json order; later folders append).
using ClassId = std::uint16_t;
inline constexpr ClassId no_class = 0xFFFF;

/// An entity class: fine name, coarse class, the Neo4j labels it carries, its traits.
/// Contract: `id` is its position in load order, which is also its precedence when two
/// gazetteer records of different classes share a name (the earlier class wins).
struct ClassDef {
    std::string name;    ///< Person, State, Organization, Agreement, Weapon, Place
    std::string coarse;  ///< Actor, Agreement, Weapon, Place
    std::vector<std::string> labels;           ///< e.g. {"Actor", "Person"}
    std::string schema_org;                    ///< e.g. "Person", "Country"
    std::string additional_type;               ///< an IRI for schema:additionalType, or empty
    std::map<std::string, std::string> display; ///< language -> display name
    std::uint32_t traits = 0;                  ///< bit (1 << Trait)
    ClassId id = no_class;
    bool has(Trait t) const noexcept { return (traits >> static_cast<unsigned>(t)) & 1u; }
};

/// The relations extraction emits from the shape of a text rather than from a trigger word:
/// each is named in relations.json by the relation that carries it.
enum class Structural : std::uint8_t {
    none,
    containment,  ///< a place named with its container: "Kharkiv, in Ucraina" (located_in)
    possession,   ///< a weapon named with its owner: "North Korean missiles" (possesses)
    cooccurrence, ///< two entities in one sentence (mentioned_with)
};

/// A relation type's index in load order.
using RelationId = std::uint16_t;

/// A relation type: name, domain and range classes, symmetry, display labels and the
/// behaviour extraction gives it.
struct RelationDef {
    std::string name;
    std::vector<std::string> domain; ///< fine class names; empty = any
    std::vector<std::string> range;
    bool symmetric = false;
    bool scored = true;              ///< false for co-occurrence
    std::map<std::string, std::string> display; ///< language -> label for diagrams
    Structural structural = Structural::none;
    /// Relations a statement of this one in the same sentence withdraws: "broke off
    /// relations with Syria" states no cooperation with Syria.
    std::vector<std::string> cancels;
    bool quantified = false;         ///< carries the sentence's quantity ("13000 troops")
    /// Its subject is a party to its object (signed, ratified): what identifies an agreement
    /// described in common words is who its parties are.
    bool party = false;
    /// Its object is where the subject goes ("visited Moscow"): a capital there is the city.
    bool locative_object = false;
    /// A stance (opposes, supports): one taken on an event is taken toward the event's actors
    /// ("condemned the cooperation between Russia and North Korea").
    bool stance = false;
    /// An agreement of this kind (a key of the languages' agreement_kinds) states the relation
    /// from each of its issuers to each of its targets: "sanctions" for sanctioned ("le
    /// sanzioni europee contro l'Iran" -> the EU sanctioned Iran); for a party relation, from
    /// each of its actors to the agreement: "treaty" for signed ("il patto tra Russia e Corea
    /// del Nord" -> each signed it).
    std::string agreement_kind;
    /// A relation this one implies toward the place where it is stated, from each party not
    /// at home there: "visited" for met ("Lavrov met Kim near Wonsan" -> Lavrov visited Wonsan).
    std::string at_place;
    RelationId id = 0;
    std::string source;               ///< "file:line:col" of its record, for messages
    std::uint64_t domain_classes = 0; ///< bit per ClassId; 0 = any
    std::uint64_t range_classes = 0;
    bool admits_subject(ClassId c) const noexcept { return !domain_classes || ((domain_classes >> c) & 1u); }
    bool admits_object(ClassId c) const noexcept { return !range_classes || ((range_classes >> c) & 1u); }
};

/// One known entity, merged from every ontology file that names its id.
/// Aliases are per language ("*" = any language); the canonical label is English.
struct EntityRecord {
    std::string id;
    std::string type;
    std::string label;
    std::string wikidata;
    std::string iso;          ///< ISO 3166 code, for states
    std::string capital;      ///< id of the capital Place, for states
    std::string seat_of;      ///< for a seat of power (Kremlin): id of the state it stands for
    std::string located_in;   ///< for places: id of the state or place they lie in
    std::string part_of;      ///< for a body inside another (the Security Council in the UN): its id
    /// For a state's body (with part_of the state): its kind of the languages' body_kinds
    /// ("defence_ministry"), so that "il ministero della Difesa di Mosca" finds this record.
    std::string body_kind;
    /// For people: the state or organisation they hold office in or act for (id). Read only
    /// when the text gives a role without naming its body ("Foreign Minister Sergei Lavrov").
    std::string affiliation;
    /// For people whose family name comes first ("Xi Jinping", "Kim Jong Un"): the word the
    /// text names them by alone ("Xi"). Without it, the last word of a name is that word.
    std::string family_name;
    /// For agreements: what identifies one described in common words — its kind (a key of
    /// the languages' agreement_kinds: "treaty", "sanctions"...), the actors that concluded or
    /// issued it, and the ones it is aimed at (entity ids).
    std::string kind;
    std::vector<std::string> actors;
    std::vector<std::string> targets;
    std::map<std::string, std::vector<std::string>> aliases;   ///< language -> surface forms
    std::map<std::string, std::vector<std::string>> demonyms;  ///< language -> adjective forms
    std::string source;       ///< "file:line:col" of the first record, for messages
};

/// A role word sequence that introduces a person ("il ministro degli Esteri", "President").
struct RoleDef {
    std::string phrase;       ///< as written in the data
    std::vector<std::string> words; ///< its word keys
    std::string relation;     ///< a relation of relations.json (leader_of, member_of) with the body named nearby
    /// The classes the body may have for the relation to hold (empty: any). "professor" relates
    /// a person to a university, not to the state a demonym names ("un professore russo").
    std::vector<std::string> body_classes;
    std::uint64_t body_class_mask = 0; ///< body_classes as a bit per ClassId; 0 = any
    bool admits_body(ClassId c) const noexcept { return !body_class_mask || ((body_class_mask >> c) & 1u); }
    /// The words stand for another person's role, held for another body ("his Chinese
    /// counterpart Wang Yi", "il presidente bielorusso Lukashenko, quello iraniano
    /// Pezeshkian"): the person named after them holds the role of the person named before
    /// them in the sentence, for the body the words name. Such a role has no relation of its own.
    bool borrowed = false;
    /// The relation with an organisation the role words name after them, where the role is
    /// the organisation's own ("comandante del Corpo X", "commander of the Y Force": its
    /// leader); empty: `relation`. One of many ("a commander of Y", "the Russian commander")
    /// keeps `relation`.
    std::string organization_relation;
    /// The words name several holders ("officials", "esponenti", "membres"): no name after
    /// them is one of them, except in a list they open with their body ("tre alti esponenti
    /// militari della Repubblica islamica: A, B e C"), where each person listed holds the role.
    bool plural = false;
    std::string source;       ///< "file:line:col", for messages
};

/// A word or phrase that signals a relation. Matching is by Snowball stem, so one entry
/// covers the inflections ("firmare" matches "firmato", "firmeranno").
struct TriggerDef {
    std::string phrase;              ///< as written in the data
    std::vector<std::string> stems;  ///< stems of its words, matched contiguously
    bool inverse = false;            ///< the grammatical object is the relation's subject ("ricevere")
    /// Word keys that introduce this trigger's object, overriding the relation's
    /// ("la guerra in Ucraina": "in" marks the attacked state only after "guerra").
    std::set<std::string> object_markers;
    /// The separable particle that must close the trigger verb's clause ("warf Israel
    /// Völkermord vor": "vor"); empty when the verb stands alone.
    std::string particle;
    /// Match the words as written, not by stem ("forces" the noun, not "forced").
    bool exact = false;
    /// The trigger is a noun wherever it stands ("ha promesso aiuti militari all'Ucraina"),
    /// even with no article before it.
    bool noun = false;
    /// A judgement ("escalation", "illegale", "violation"): its relation is held by whoever
    /// reports it, toward the actors it judges; unreported, the writer's, it relates no one.
    bool speaker = false;
    std::vector<std::string> keys;   ///< match keys of its words, for `exact`
};

/// How one relation type is signalled in one language.
struct RelationCues {
    std::vector<TriggerDef> triggers;
    /// Word keys that introduce the object ("a", "alla", "to"): when given, the object is the
    /// first range-compatible mention after one of them.
    std::set<std::string> object_markers;
    /// Word keys that introduce where the object comes from ("from", "da", "desde", "von"):
    /// an actor after one, right after the trigger, is its subject ("arms transfers from the
    /// DPRK to Russia"), whatever the clause's subject.
    std::set<std::string> source_markers;
    /// Word keys that introduce another party after the object ("with", "con", "avec",
    /// "mit"): "Russia signed a pact with Kenya" — Kenya signed it too.
    std::set<std::string> partner_markers;
    /// Whether a subject may be taken from the previous sentence when the trigger's clause
    /// has none (pro-drop: "Ha ringraziato la Corea del Nord").
    bool carry_subject = false;
};

/// Everything kgraph knows about one language.
struct LanguageData {
    std::string code;                        ///< it, en, fr, es, de
    std::set<std::string> function_words;    ///< for language detection and name boundaries
    SegmentationRules segmentation;          ///< elision, boilerplate, abbreviations
    std::set<std::string> not_name_words;    ///< capitalised words that never start or form names
    std::set<std::string> name_connectors;   ///< lower-case words inside names ("di", "de", "van")
    std::vector<RoleDef> roles;              ///< role words before person names
    /// Words that give the capacity a person acts in ("as", "in qualità di", "en tant que",
    /// "como", "als"): "Xi visited Pyongyang as China's president" gives the clause's subject
    /// that role. Each as its match keys.
    std::vector<std::vector<std::string>> capacity_markers;
    std::set<std::string> organization_heads;///< head nouns of organisation names
    std::set<std::string> place_heads;       ///< head nouns of place names ("regione", "piazza")
    /// Common nouns that say what the place name after them is without being part of it ("il
    /// gasdotto Turkstream", "the river Dnipro"), unlike place heads ("piazza Dante").
    std::set<std::string> place_descriptors;
    /// Points of the compass as nouns ("North", "Sud"): "the North" names the one state of an
    /// article whose name holds the word (North Korea, Corea del Sud, Nordkorea).
    std::set<std::string> compass_words;
    /// Words of the compass that, with a state's name, name a part of the state: a place of
    /// its own, in that state ("la Russia orientale", "eastern Ukraine", "l'est de la Russie",
    /// "im Osten Russlands"). Word key -> direction (north, south, east, west, northeast,
    /// northwest, southeast, southwest, centre), by where the word stands: right before the
    /// name, right after it, or as a noun the name follows in the genitive. Two words joined
    /// by a hyphen make one direction ("nord-orientale", "north-eastern").
    struct CompassRegionWords {
        std::map<std::string, std::string> before_name, after_name, of_name;
        /// Words before a compass noun, or before its article, that make it a direction from
        /// the place rather than a part of it ("a sud di Baghdad", "à l'est de").
        std::set<std::string> from_place_openers;
        bool empty() const noexcept { return before_name.empty() && after_name.empty() && of_name.empty(); }
    } compass_regions;
    /// A plural reference to two states named before: a word of pair_words ("two", "both",
    /// "due", "beiden") and, within two words after it, one of state_nouns ("states",
    /// "countries", "Paesi", "Länder"): "the two countries' treaty" is the treaty of the last
    /// two states the article named.
    std::set<std::string> pair_words;
    /// Number words for larger groups, with their number ("three": 3, "tre": 3, "drei": 3):
    /// "the three countries" is the last three states named together as a list ("South
    /// Korea, the United States and Japan"), as pair_words make two.
    std::map<std::string, int> group_words;
    std::set<std::string> state_nouns;
    /// With a pair word, a plural reference to two people named together before ("the two
    /// leaders", "i due presidenti", "beide Staatschefs"): as a clause's subject, both.
    std::set<std::string> person_nouns;
    /// Words before a role that make it a past one ("former", "ex", "ancien", "ehemalige"):
    /// the role still introduces and names the person, but states no relation.
    std::set<std::string> former_markers;
    std::set<std::string> agreement_heads;   ///< head nouns of agreements
    /// Heads of treaty-like agreements: within one article, "il patto", "l'accordo" and "il
    /// trattato" name the same agreement (unlike "sanzioni" and "risoluzione").
    std::set<std::string> treaty_heads;
    std::set<std::string> weapon_heads;      ///< head nouns of weapon classes
    /// Nouns that act for a state when a demonym qualifies them ("le truppe nordcoreane",
    /// "the Russian government"), unlike "i turisti russi".
    std::set<std::string> state_agents;
    std::set<std::string> given_names;       ///< first names that mark a capitalised pair as a person
    std::set<std::string> locative_prepositions; ///< "a", "in", "nella": a capital after one is a place
    /// Adjectives and noun modifiers come before the head noun ("mutual defence treaty"), as in
    /// English and German; Romance languages put them after ("trattato di mutua difesa").
    bool modifiers_before_head = false;
    bool ordinal_day_dot = false;          ///< German "3. März": a day is written with a full stop
    /// Every noun is capitalised (German): a capitalised pair is a person only with a given name.
    bool person_needs_given_name = false;
    bool genitive_s = false;               ///< names take a genitive -s: "Russlands Präsident"
    bool verb_second = false;              ///< the finite verb comes second: "Im Mai unterzeichnete Finnland"
    /// Case endings a role's last word takes ("des Präsidenten", "des Außenministers"): each
    /// role phrase is matched with them too.
    std::vector<std::string> role_endings;
    std::map<std::string, int> months;       ///< month name key -> 1..12
    std::set<std::string> weekdays;
    // From triggers/<code>.json:
    std::map<std::string, RelationCues> relation_cues;     ///< relation name -> cues
    std::vector<TriggerDef> alleged_markers;  ///< "avrebbe fornito", "accusa", "sospettato"
    std::vector<TriggerDef> denied_markers;   ///< "ha negato", "smentito"
    std::vector<TriggerDef> reported_markers; ///< "ha detto", "secondo"
    std::set<std::string> attribution_markers; ///< keys before a source: "secondo", "according"
    std::set<std::string> passive_agents;      ///< keys before a passive agent: "da", "by"
    std::set<std::string> prepositions;        ///< a mention after one is not a clause subject
    std::set<std::string> genitives;           ///< "di", "of": "la visita di Putin" names the visitor
    std::set<std::string> articles;            ///< "il", "la", "the": skipped when reading a phrase's context
    std::set<std::string> reciprocal_markers;  ///< "tra", "between": "cooperazione tra X e Y"
    /// Prepositions that also introduce an infinitive ("to", "di", "de", "zu"): a trigger
    /// right after one may be a verb ("di incoraggiare"), not a noun ("nella guerra").
    std::set<std::string> infinitive_markers;
    /// Words that put the clause's subject under an agreement ("sotto", "under"): "la Corea
    /// del Nord è sotto sanzioni dell'ONU" makes North Korea the sanctions' target.
    std::set<std::string> subjection_markers;
    /// Possessive determiners ("its", "suo", "son", "su", "seine"): before a trigger noun they
    /// name its actor by reference to an earlier name ("Belarus over its support for...").
    std::set<std::string> possessives;
    /// Relative possessives ("whose", "cui", "dont", "cuya", "dessen"): "Putin, la cui ultima
    /// visita in Cina" names the visitor right before the relative clause.
    std::set<std::string> relative_possessives;
    /// Pronouns that open a relative clause after a name ("che", "which", "qui", "que", "die"):
    /// a list of names goes on after the clause ("la Shahed, che fabbrica droni, e il generale X").
    std::set<std::string> relative_pronouns;
    /// Endings every infinitive has ("are", "ere", "ire"; "er", "ir", "re"): after an
    /// infinitive marker, a word with one of them opens another action. Empty: any word does.
    std::vector<std::string> infinitive_endings;
    /// Verbs that take an object and a predicate ("consider", "considerare", "considérer",
    /// "considerar", "betrachten"), as Snowball stems, and the words that introduce the
    /// predicate ("as", "come", "comme", "como", "als"): "Russia regards the US as an enemy" —
    /// a relation noun as the predicate relates the verb's subject to its object.
    std::set<std::string> predicative_verbs;
    std::set<std::string> predicative_markers;
    /// Personal pronouns that stand for one person as a clause's subject ("he", "lei",
    /// "elle", "él", "er"): "He then visited Pyongyang" — the last person named before it.
    std::set<std::string> subject_pronouns;
    /// Plural personal pronouns opening a sentence ("they", "essi", "ils", "ellos"): "They
    /// reaffirmed their commitment" — the group the sentence before opened with as its
    /// subject ("Kenya and Peru condemned", "The three countries said").
    std::set<std::string> plural_subject_pronouns;
    /// Words that open a subordinate clause ("where", "dove", "où", "donde", "wo", "als",
    /// "nachdem"): a subject pronoun right after one is its clause's subject ("wo er ein
    /// Abkommen unterzeichnete"), however far a verb-final clause puts the verb.
    std::set<std::string> subordinators;
    /// The definite articles among `articles` ("the", "il", "la", "der"): "the president" refers
    /// back to the one president named before; "a president" to nobody.
    std::set<std::string> definite_articles;
    /// The verb of a subordinate clause, and the participle of a compound tense, come last
    /// ("dass Kenia Drohnen an Peru lieferte", "hat Raketen an den Sudan geliefert"): a
    /// trigger verb at the end of its clause takes its arguments from the clause before it.
    bool verb_final = false;
    /// Auxiliaries and modals that may follow a clause-final verb ("geliefert haben").
    std::set<std::string> final_auxiliaries;
    /// The auxiliaries of the passive among them ("wurde ... unterzeichnet"): with one in the
    /// clause, the actor is the one after a passive-agent word ("von Chile und Peru").
    std::set<std::string> passive_auxiliaries;
    /// Particles a verb leaves at the end of its clause ("traf ... ein", "griff ... an"): the
    /// verb they close is another verb than the bare one ("traf" met, "traf ... ein" arrived),
    /// so a trigger verb matches there only where the data names it with that particle.
    std::set<std::string> separable_particles;
    /// Words that introduce the instrument of a verb ("with", "con", "avec", "mit"): "attacked
    /// the pipeline with drones" — the drones struck it.
    std::set<std::string> instrument_markers;
    /// Words that open the examples of a noun ("including", "inclusi", "notamment", "darunter"):
    /// "supplied arms, including rockets and drones" supplied the rockets and drones.
    std::set<std::string> inclusion_markers;
    /// Words that open a sentence by going on with the last one's list ("This includes",
    /// "Esto incluye", "Dazu gehören"): the weapons it names are more of what was supplied.
    std::vector<TriggerDef> list_continuations;
    /// Words before the people who go with someone ("accompanied by", "al seguito",
    /// "accompagné de", "acompañado de", "in seinem Gefolge"): they go where that one goes.
    std::vector<TriggerDef> companion_markers;
    std::set<std::string> coordinators;        ///< "e", "and"
    std::set<std::string> negations;           ///< "non", "not"
    /// "potrebbero firmare", "could sign": a possibility or plan, not yet a fact.
    std::set<std::string> modals;
    std::map<std::string, long long> multipliers; ///< "mila" 1000, "milioni" 1000000
    /// Words between the parts of a date: "giugno del 2024", "3 de marzo", "June of 2024".
    std::set<std::string> date_connectors;
    /// Endings of ordinal days: "1er novembre", "1º de marzo".
    std::vector<std::string> ordinal_suffixes;
    /// Numbers write the decimals after a comma ("1,5 milioni"), and group thousands with a
    /// full stop ("13.000"); false for English ("1.5 million", "13,000").
    bool decimal_comma = true;
    /// The language detection picks for a text without any function word (one language).
    bool detection_fallback = false;
    /// Agreement head nouns by kind ("trattato" -> "treaty", "sanzioni" -> "sanctions"):
    /// descriptions of one kind with the same actors and targets are one agreement, across
    /// articles and languages.
    std::map<std::string, std::string> agreement_kinds;
    /// Words that introduce what an agreement is aimed at: "sanzioni contro X", "sanctions on X".
    std::set<std::string> agreement_target_markers;
    /// Kinds of national body and the phrases that name one in this language ("defence_ministry":
    /// "ministero della difesa", "Verteidigungsministerium"): a state's body described by one
    /// is keyed by the kind and the state, so that its descriptions in any language meet.
    std::map<std::string, std::vector<std::string>> body_kinds;
    /// Verbs whose subject issues or concludes the agreement that is their object ("l'UE ha
    /// imposto nuove sanzioni", "imposed sanctions"), as Snowball stems.
    std::set<std::string> agreement_issuer_verbs;
    /// Verbs whose subject is an agreement and whose object is what it is aimed at ("le
    /// sanzioni colpiscono la Shahed", "the measures target officials"), or whose passive has
    /// the agreement for agent ("colpito dalle sanzioni"), as Snowball stems.
    std::set<std::string> agreement_target_verbs;
    /// Words that name an agreement only as a reference to the last one of a kind the article
    /// named ("sanctions": "measures", "misure", "Maßnahmen"); with none named, nothing.
    std::map<std::string, std::string> agreement_references;
    /// Nouns join into compounds (German): a word that ends in a head noun is that head
    /// ("Partnerschaftsvertrag" ends in "vertrag").
    bool compound_heads = false;
};

/// The loaded ontology. Immutable after loading; safe to share across threads.
struct Ontology {
    std::map<std::string, ClassDef> classes;
    std::map<std::string, RelationDef> relations;
    std::vector<std::string> class_names;       ///< by ClassId
    std::vector<std::string> relation_names;    ///< by RelationId
    std::map<std::string, EntityRecord> entities;   ///< by id
    std::map<std::string, LanguageData> languages;  ///< by code
    /// Diagram style table from style.json: section ("classes", "relations", "status",
    /// "graph") -> item (class name, relation name, status, "*") -> attribute -> value.
    std::map<std::string, std::map<std::string, std::map<std::string, std::string>>> style;
    std::vector<std::string> files;                 ///< files loaded, in order
    std::vector<std::string> model_dirs;            ///< models/ folders found, in load order (statistical models)
    /// Analysts' merge decisions (resolution.json): entity id -> the id it is the same as.
    std::map<std::string, std::string> same_as;
    /// Analysts' split decisions: (entity id, surface-form key) pairs that must not resolve
    /// to each other ("Kim" is not Kim Jong Un in this corpus).
    std::set<std::pair<std::string, std::string>> not_same_as;
    /// The id an entity id resolves to after same_as decisions (itself when none).
    std::string resolve_id(const std::string& id) const;

    const ClassDef* find_class(const std::string& name) const;
    const RelationDef* find_relation(const std::string& name) const;
    const EntityRecord* find_entity(const std::string& id) const;
    /// The record whose graph id (QID or id) is `graph_id`, or nullptr.
    const EntityRecord* find_by_graph_id(const std::string& graph_id) const;
    std::map<std::string, std::string> graph_ids;   ///< graph id -> record id
    const LanguageData* find_language(const std::string& code) const;
    /// Coarse class of a fine class name ("Person" -> "Actor"); empty if unknown.
    std::string coarse_of(const std::string& fine) const;
    const ClassDef& class_def(ClassId id) const { return classes.at(class_names.at(id)); }
    const RelationDef& relation_def(RelationId id) const { return relations.at(relation_names.at(id)); }
    /// The id of a class name, or no_class.
    ClassId class_id(const std::string& name) const;
    bool has(ClassId c, Trait t) const { return c != no_class && class_def(c).has(t); }
    /// The first class (in load order) with the trait: the class a recogniser of that kind
    /// of name assigns ("a name with an institution's head noun"), or no_class.
    ClassId class_with(Trait t) const;
    /// The relation that carries a structural kind, or nullptr.
    const RelationDef* relation_with(Structural kind) const;
    /// The stable graph id of an entity: its Wikidata QID when known, else its id.
    static std::string graph_id(const EntityRecord& e) { return e.wikidata.empty() ? e.id : e.wikidata; }
};

/// Load the ontology from one or more directories, later ones extending earlier ones.
/// Each directory may hold: classes.json, relations.json, gazetteer/*.json,
/// languages/*.json, style.json; files are read in sorted order. Records with the same id
/// merge (aliases united; a field set twice to different values is an error).
/// Throws kg::Error with FILE:LINE:COL for syntax (ontology_syntax), shape or value
/// (ontology_schema) and contradictions (ontology_conflict).
Ontology load_ontology(const std::vector<std::string>& directories);

} // namespace kg
