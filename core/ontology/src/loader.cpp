// SPDX-License-Identifier: Apache-2.0
#include "kg/ontology/ontology.hpp"

#include "json_tree.hpp"
#include "kg/text/normalize.hpp"
#include "kg/text/stem.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace kg {

const ClassDef* Ontology::find_class(const std::string& name) const {
    auto it = classes.find(name);
    return it == classes.end() ? nullptr : &it->second;
}
const RelationDef* Ontology::find_relation(const std::string& name) const {
    auto it = relations.find(name);
    return it == relations.end() ? nullptr : &it->second;
}
const EntityRecord* Ontology::find_entity(const std::string& id) const {
    auto it = entities.find(id);
    return it == entities.end() ? nullptr : &it->second;
}
const EntityRecord* Ontology::find_by_graph_id(const std::string& gid) const {
    auto it = graph_ids.find(gid);
    return it == graph_ids.end() ? nullptr : find_entity(it->second);
}
std::string Ontology::resolve_id(const std::string& id) const {
    std::string cur = id;
    for (int hops = 0; hops < 16; ++hops) { // chains are short; a cycle is refused at load
        auto it = same_as.find(cur);
        if (it == same_as.end()) return cur;
        cur = it->second;
    }
    return cur;
}

const LanguageData* Ontology::find_language(const std::string& code) const {
    auto it = languages.find(code);
    return it == languages.end() ? nullptr : &it->second;
}
ClassId Ontology::class_id(const std::string& name) const {
    const ClassDef* c = find_class(name);
    return c ? c->id : no_class;
}
ClassId Ontology::class_with(Trait t) const {
    for (std::size_t i = 0; i < class_names.size(); ++i)
        if (classes.at(class_names[i]).has(t)) return static_cast<ClassId>(i);
    return no_class;
}
const RelationDef* Ontology::relation_with(Structural kind) const {
    for (const auto& name : relation_names)
        if (const RelationDef& r = relations.at(name); r.structural == kind) return &r;
    return nullptr;
}
std::string Ontology::coarse_of(const std::string& fine) const {
    const ClassDef* c = find_class(fine);
    return c ? c->coarse : std::string();
}

namespace {

using detail::JsonFile;
using detail::JsonValue;

// Ontology files are small (the largest bundled one is under 1 MB); a limit keeps a wrong
// path or a runaway generator from exhausting memory, and says so.
constexpr std::uintmax_t max_ontology_file_bytes = 64u << 20;

std::string read_file(const fs::path& p) {
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec) throw Error(Errc::io_error, "cannot read ontology file: " + ec.message(), p.string());
    if (!fs::is_regular_file(st)) throw Error(Errc::io_error, "ontology file is not a regular file", p.string());
    const auto size = fs::file_size(p, ec);
    if (!ec && size > max_ontology_file_bytes)
        throw Error(Errc::io_error, "ontology file of " + std::to_string(size) + " bytes is over the limit of " +
                                        std::to_string(max_ontology_file_bytes) + " bytes", p.string());
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error(Errc::io_error, "cannot open ontology file", p.string());
    std::ostringstream ss;
    try {
        ss << in.rdbuf();
    } catch (const std::bad_alloc&) {
        throw Error(Errc::io_error, "out of memory reading ontology file", p.string());
    }
    if (in.bad()) throw Error(Errc::io_error, "cannot read ontology file", p.string());
    return ss.str();
}

bool valid_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool valid_qid(const std::string& q) {
    return q.size() >= 2 && q[0] == 'Q' && q[1] != '0' &&
           std::all_of(q.begin() + 1, q.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_language(const std::string& code) {
    return code == "*" || (code.size() >= 2 && code.size() <= 3 &&
                           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
}

std::map<std::string, std::string> string_map(const JsonFile& f, const JsonValue& v, const std::string& what) {
    std::map<std::string, std::string> out;
    for (const auto& [k, x] : f.object_of(v, what).members) out[k] = f.string_of(x, what + "." + k);
    return out;
}

class Loader {
public:
    Ontology onto;

    void load_directory(const fs::path& dir) {
        check_layout(dir);
        load_if_exists(dir / "classes.json", &Loader::load_classes);
        load_if_exists(dir / "relations.json", &Loader::load_relations);
        load_if_exists(dir / "style.json", &Loader::load_style);
        load_if_exists(dir / "resolution.json", &Loader::load_resolution);
        for (const auto& f : json_files(dir / "gazetteer")) load(f, &Loader::load_gazetteer);
        for (const auto& f : json_files(dir / "languages")) load(f, &Loader::load_language);
        for (const auto& f : json_files(dir / "triggers")) load(f, &Loader::load_triggers);
        if (fs::is_directory(dir / "models")) onto.model_dirs.push_back((dir / "models").string());
    }

    void finish() {
        if (onto.classes.empty()) throw Error(Errc::ontology_schema, "no entity classes loaded (classes.json missing?)");
        compile_vocabulary();
        // Cross references can point into files loaded later, so they are checked last.
        for (const auto& [id, e] : onto.entities) {
            if (e.type.empty()) throw Error(Errc::ontology_schema, "entity \"" + id + "\" has no type", e.source);
            // Structured bindings are captured by name: clang 14 (the fuzzing build) cannot capture them implicitly.
            auto check_ref = [&, &id = id, &e = e](const std::string& field, const std::string& ref) {
                if (!ref.empty() && !onto.entities.count(ref))
                    throw Error(Errc::ontology_schema,
                                "entity \"" + id + "\": " + field + " names unknown entity \"" + ref + "\"", e.source);
            };
            check_ref("capital", e.capital);
            check_ref("seat_of", e.seat_of);
            check_ref("located_in", e.located_in);
            check_ref("part_of", e.part_of);
            check_ref("affiliation", e.affiliation);
            if (!e.body_kind.empty()) {
                const bool known_kind = std::any_of(onto.languages.begin(), onto.languages.end(),
                                                    [&, &e = e](const auto& lang) { return lang.second.body_kinds.count(e.body_kind) != 0; });
                if (!known_kind || e.part_of.empty())
                    throw Error(Errc::ontology_schema,
                                "entity \"" + id + "\": body_kind \"" + e.body_kind +
                                    "\" needs part_of and a kind some language's body_kinds names",
                                e.source);
            }
            for (const auto& a : e.actors) check_ref("actors", a);
            for (const auto& t : e.targets) check_ref("targets", t);
            auto [it, fresh] = onto.graph_ids.emplace(Ontology::graph_id(e), id);
            if (!fresh)
                throw Error(Errc::ontology_conflict,
                            "entities \"" + it->second + "\" and \"" + id + "\" share the Wikidata id " + e.wikidata, e.source);
        }
    }

private:
    using Handler = void (Loader::*)(const JsonFile&);

    static std::optional<Trait> trait_named(const std::string& name) {
        static const std::pair<const char*, Trait> names[] = {
            {"agent", Trait::agent},         {"person", Trait::person},       {"sovereign", Trait::sovereign},
            {"institution", Trait::institution}, {"location", Trait::location}, {"agreement", Trait::agreement},
            {"weapon", Trait::weapon}};
        for (const auto& [n, t] : names)
            if (name == n) return t;
        return std::nullopt;
    }
    static std::string trait_list() { return "agent, person, sovereign, institution, location, agreement, weapon"; }

    // Ids in load order, class sets as bit masks, and the cross references between
    // relations (cancels, role relations, one relation per structural kind), checked once
    // every folder is loaded.
    void compile_vocabulary() {
        if (onto.class_names.size() > 64) throw Error(Errc::ontology_schema, "more than 64 entity classes");
        for (std::size_t i = 0; i < onto.class_names.size(); ++i) onto.classes.at(onto.class_names[i]).id = static_cast<ClassId>(i);
        auto mask = [&](const std::vector<std::string>& names) {
            std::uint64_t m = 0;
            for (const auto& n : names) m |= std::uint64_t{1} << onto.classes.at(n).id;
            return m;
        };
        std::map<Structural, std::string> structural;
        for (std::size_t i = 0; i < onto.relation_names.size(); ++i) {
            RelationDef& r = onto.relations.at(onto.relation_names[i]);
            r.id = static_cast<RelationId>(i);
            r.domain_classes = mask(r.domain);
            r.range_classes = mask(r.range);
            if (!r.at_place.empty() && !onto.find_relation(r.at_place))
                throw Error(Errc::ontology_schema, "relation \"" + r.name + "\" implies unknown relation \"" + r.at_place + "\" at its place", r.source);
            for (const auto& c : r.cancels)
                if (!onto.relations.count(c))
                    throw Error(Errc::ontology_schema, "relation \"" + r.name + "\" cancels unknown relation \"" + c + "\"", r.source);
            if (r.structural != Structural::none) {
                auto [it, fresh] = structural.emplace(r.structural, r.name);
                if (!fresh && it->second != r.name)
                    throw Error(Errc::ontology_conflict, "relations \"" + it->second + "\" and \"" + r.name +
                                                             "\" carry the same structural kind", r.source);
            }
        }
        for (auto& [code, L] : onto.languages)
            for (auto& role : L.roles) {
                role.body_class_mask = mask(role.body_classes);
                for (const std::string* rel : {&role.relation, &role.organization_relation})
                    if (!rel->empty() && !onto.relations.count(*rel))
                        throw Error(Errc::ontology_schema, "role \"" + role.phrase + "\" names unknown relation \"" + *rel + "\"",
                                    role.source);
            }
    }

    // Everything in an ontology folder is either loaded or refused: a misspelt folder or a
    // file with the wrong extension would otherwise be ignored without a word.
    static std::vector<fs::path> entries_of(const fs::path& dir) {
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        if (ec) throw Error(Errc::io_error, "cannot read ontology folder: " + ec.message(), dir.string());
        std::vector<fs::path> out;
        for (; it != end; it.increment(ec)) {
            if (ec) throw Error(Errc::io_error, "cannot read ontology folder: " + ec.message(), dir.string());
            if (!it->path().filename().string().starts_with(".")) out.push_back(it->path());
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    static bool is_documentation(const fs::path& p) {
        const std::string ext = p.extension().string();
        return ext == ".md" || p.filename() == "LICENSE" || p.filename() == "NOTICE";
    }

    static void check_layout(const fs::path& dir) {
        std::error_code ec;
        if (!fs::exists(dir, ec)) throw Error(Errc::io_error, "ontology directory not found", dir.string());
        if (!fs::is_directory(dir, ec)) throw Error(Errc::io_error, "ontology path is not a directory", dir.string());
        static const std::set<std::string> files = {"classes.json", "relations.json", "style.json", "resolution.json"};
        static const std::set<std::string> folders = {"gazetteer", "languages", "triggers", "models"};
        for (const auto& p : entries_of(dir)) {
            const std::string name = p.filename().string();
            if (fs::is_directory(p, ec)) {
                if (!folders.count(name))
                    throw Error(Errc::ontology_schema, "unknown ontology folder \"" + name +
                                "\" (expected gazetteer/, languages/, triggers/, models/)", p.string());
            } else if (!files.count(name) && !is_documentation(p)) {
                throw Error(Errc::ontology_schema, "unknown ontology file \"" + name +
                            "\" (expected classes.json, relations.json, style.json, resolution.json, or a folder)", p.string());
            }
        }
    }

    static std::vector<fs::path> json_files(const fs::path& dir) {
        std::vector<fs::path> out;
        std::error_code ec;
        if (!fs::exists(dir, ec)) return out;
        for (const auto& p : entries_of(dir)) {
            if (is_documentation(p)) continue;
            if (fs::is_directory(p, ec)) throw Error(Errc::ontology_schema, "unexpected folder in an ontology folder", p.string());
            if (p.extension() != ".json")
                throw Error(Errc::ontology_schema, "ontology data files end in .json (lower case)", p.string());
            out.push_back(p);
        }
        return out;
    }

    void load_if_exists(const fs::path& p, Handler h) {
        std::error_code ec;
        if (fs::exists(p, ec)) load(p, h);
    }

    void load(const fs::path& p, Handler h) {
        JsonFile f(p.string(), read_file(p));
        f.object_of(f.root(), "the top level");
        (this->*h)(f);
        onto.files.push_back(p.string());
    }

    void load_classes(const JsonFile& f) {
        f.only_keys(f.root(), {"classes"});
        for (const auto& c : f.array_of(f.require(f.root(), "classes"), "\"classes\"").items) {
            f.object_of(c, "a class");
            f.only_keys(c, {"name", "coarse", "labels", "schema_org", "additional_type", "display", "traits"});
            ClassDef def;
            def.name = f.string_of(f.require(c, "name"), "\"name\"");
            def.coarse = f.string_of(f.require(c, "coarse"), "\"coarse\"");
            if (const auto* v = c.find("labels")) def.labels = f.strings_of(*v, "\"labels\"");
            if (const auto* v = c.find("schema_org")) def.schema_org = f.string_of(*v, "\"schema_org\"");
            if (const auto* v = c.find("additional_type")) def.additional_type = f.string_of(*v, "\"additional_type\"");
            if (const auto* v = c.find("display")) def.display = string_map(f, *v, "\"display\"");
            if (const auto* v = c.find("traits")) {
                for (const auto& t : f.array_of(*v, "\"traits\"").items) {
                    const std::string name = f.string_of(t, "a trait");
                    const auto trait = trait_named(name);
                    if (!trait) f.fail(t, "unknown trait \"" + name + "\" (expected " + trait_list() + ")");
                    def.traits |= 1u << static_cast<unsigned>(*trait);
                }
            }
            if (std::find(onto.class_names.begin(), onto.class_names.end(), def.name) == onto.class_names.end())
                onto.class_names.push_back(def.name);
            if (def.labels.empty()) def.labels = def.coarse == def.name ? std::vector<std::string>{def.name}
                                                                        : std::vector<std::string>{def.coarse, def.name};
            onto.classes[def.name] = std::move(def);
        }
    }

    void check_classes(const JsonFile& f, const JsonValue& v, const std::vector<std::string>& names) {
        for (const auto& n : names)
            if (!onto.find_class(n)) f.fail(v, "unknown class \"" + n + "\"");
    }

    void load_relations(const JsonFile& f) {
        f.only_keys(f.root(), {"relations"});
        for (const auto& r : f.array_of(f.require(f.root(), "relations"), "\"relations\"").items) {
            f.object_of(r, "a relation");
            f.only_keys(r, {"name", "domain", "range", "symmetric", "scored", "display", "structural", "cancels", "quantified",
                            "locative_object", "party", "stance", "agreement_kind", "at_place"});
            RelationDef def;
            def.name = f.string_of(f.require(r, "name"), "\"name\"");
            if (!valid_id(def.name)) f.fail(r, "relation name must be lower_snake_case: \"" + def.name + "\"");
            if (const auto* v = r.find("domain")) { def.domain = f.strings_of(*v, "\"domain\""); check_classes(f, *v, def.domain); }
            if (const auto* v = r.find("range")) { def.range = f.strings_of(*v, "\"range\""); check_classes(f, *v, def.range); }
            if (const auto* v = r.find("symmetric")) def.symmetric = f.bool_of(*v, "\"symmetric\"");
            if (const auto* v = r.find("scored")) def.scored = f.bool_of(*v, "\"scored\"");
            if (const auto* v = r.find("display")) def.display = string_map(f, *v, "\"display\"");
            if (const auto* v = r.find("structural")) {
                const std::string kind = f.string_of(*v, "\"structural\"");
                if (kind == "containment") def.structural = Structural::containment;
                else if (kind == "possession") def.structural = Structural::possession;
                else if (kind == "cooccurrence") def.structural = Structural::cooccurrence;
                else f.fail(*v, "\"structural\" must be \"containment\", \"possession\" or \"cooccurrence\"");
            }
            if (const auto* v = r.find("cancels")) def.cancels = f.strings_of(*v, "\"cancels\"");
            if (const auto* v = r.find("quantified")) def.quantified = f.bool_of(*v, "\"quantified\"");
            if (const auto* v = r.find("locative_object")) def.locative_object = f.bool_of(*v, "\"locative_object\"");
            if (const auto* v = r.find("party")) def.party = f.bool_of(*v, "\"party\"");
            if (const auto* v = r.find("stance")) def.stance = f.bool_of(*v, "\"stance\"");
            if (const auto* v = r.find("agreement_kind")) def.agreement_kind = f.string_of(*v, "\"agreement_kind\"");
            if (const auto* v = r.find("at_place")) def.at_place = f.string_of(*v, "\"at_place\"");
            if (std::find(onto.relation_names.begin(), onto.relation_names.end(), def.name) == onto.relation_names.end())
                onto.relation_names.push_back(def.name);
            def.source = f.where(r.offset);
            onto.relations[def.name] = std::move(def);
        }
    }

    void load_resolution(const JsonFile& f) {
        f.only_keys(f.root(), {"same_as", "not_same_as", "note"});
        if (const auto* v = f.root().find("same_as")) {
            for (const auto& pair : f.array_of(*v, "\"same_as\"").items) {
                auto ids = f.strings_of(pair, "a same_as pair");
                if (ids.size() != 2 || ids[0] == ids[1]) f.fail(pair, "a same_as pair names two different entity ids");
                // The second id becomes the first; refuse a decision that would loop.
                onto.same_as[ids[1]] = ids[0];
                std::set<std::string> seen{ids[1]};
                for (auto it = onto.same_as.find(ids[0]); it != onto.same_as.end(); it = onto.same_as.find(it->second))
                    if (!seen.insert(it->first).second || it->second == ids[1])
                        f.fail(pair, "same_as decisions form a cycle", Errc::ontology_conflict);
            }
        }
        if (const auto* v = f.root().find("not_same_as")) {
            for (const auto& pair : f.array_of(*v, "\"not_same_as\"").items) {
                auto parts = f.strings_of(pair, "a not_same_as pair");
                if (parts.size() != 2) f.fail(pair, "a not_same_as pair is [entity id, surface form]");
                onto.not_same_as.emplace(parts[0], phrase_key(parts[1]));
            }
        }
    }

    void load_style(const JsonFile& f) {
        for (const auto& [section, items] : f.root().members) {
            for (const auto& [item, attrs] : f.object_of(items, "style section \"" + section + "\"").members) {
                auto& target = onto.style[section][item];
                for (const auto& [attr, value] : f.object_of(attrs, "style \"" + item + "\"").members)
                    target[attr] = f.string_of(value, "style attribute \"" + attr + "\"");
            }
        }
    }

    // Merge a scalar field of an entity: unset takes the new value; a different value is a conflict.
    void merge_field(const JsonFile& f, const JsonValue& at, EntityRecord& e, std::string EntityRecord::*field,
                     const char* name, const std::string& value) {
        std::string& cur = e.*field;
        if (cur.empty()) cur = value;
        else if (cur != value)
            f.fail(at, std::string("entity \"") + e.id + "\": " + name + " \"" + value + "\" contradicts \"" + cur +
                           "\" given at " + e.source, Errc::ontology_conflict);
    }

    void merge_lists(const JsonFile& f, const JsonValue& v, std::map<std::string, std::vector<std::string>>& into,
                     const std::string& what) {
        for (const auto& [lang, list] : f.object_of(v, what).members) {
            if (!valid_language(lang)) f.fail(list, what + ": \"" + lang + "\" is not a language code or \"*\"");
            auto& dst = into[lang];
            for (auto& s : f.strings_of(list, what + "." + lang)) {
                if (s.empty()) f.fail(list, what + "." + lang + " holds an empty string");
                if (std::find(dst.begin(), dst.end(), s) == dst.end()) dst.push_back(std::move(s));
            }
        }
    }

    void load_gazetteer(const JsonFile& f) {
        f.only_keys(f.root(), {"entities"});
        for (const auto& r : f.array_of(f.require(f.root(), "entities"), "\"entities\"").items) {
            f.object_of(r, "an entity");
            f.only_keys(r, {"id", "type", "label", "wikidata", "iso", "capital", "seat_of", "located_in", "part_of", "affiliation",
                            "family_name", "body_kind", "kind", "actors", "targets", "aliases", "demonyms", "note"});
            const JsonValue& idv = f.require(r, "id");
            std::string id = f.string_of(idv, "\"id\"");
            if (!valid_id(id)) f.fail(idv, "entity id must match [a-z0-9_]+: \"" + id + "\"");
            auto [it, fresh] = onto.entities.try_emplace(id);
            EntityRecord& e = it->second;
            if (fresh) {
                e.id = id;
                e.source = f.where(r.offset);
            }
            auto scalar = [&](const char* key, std::string EntityRecord::*field) {
                if (const auto* v = r.find(key)) merge_field(f, *v, e, field, key, f.string_of(*v, std::string("\"") + key + "\""));
            };
            if (const auto* v = r.find("type")) {
                std::string t = f.string_of(*v, "\"type\"");
                if (!onto.find_class(t)) f.fail(*v, "unknown class \"" + t + "\"");
            }
            scalar("type", &EntityRecord::type);
            scalar("label", &EntityRecord::label);
            if (const auto* v = r.find("wikidata")) {
                if (!valid_qid(f.string_of(*v, "\"wikidata\""))) f.fail(*v, "wikidata must be a QID such as \"Q423\"");
            }
            scalar("wikidata", &EntityRecord::wikidata);
            scalar("iso", &EntityRecord::iso);
            scalar("capital", &EntityRecord::capital);
            scalar("seat_of", &EntityRecord::seat_of);
            scalar("located_in", &EntityRecord::located_in);
            scalar("part_of", &EntityRecord::part_of);
            scalar("affiliation", &EntityRecord::affiliation);
            scalar("family_name", &EntityRecord::family_name);
            scalar("body_kind", &EntityRecord::body_kind);
            scalar("kind", &EntityRecord::kind);
            if (const auto* v = r.find("actors")) e.actors = f.strings_of(*v, "\"actors\"");
            if (const auto* v = r.find("targets")) e.targets = f.strings_of(*v, "\"targets\"");
            if (const auto* v = r.find("aliases")) merge_lists(f, *v, e.aliases, "\"aliases\"");
            if (const auto* v = r.find("demonyms")) merge_lists(f, *v, e.demonyms, "\"demonyms\"");
            if (e.label.empty()) {
                // A record must be nameable: fall back to its first alias.
                for (const auto& [lang, list] : e.aliases)
                    if (!list.empty()) { e.label = list.front(); break; }
            }
        }
    }

    static void add_keys(std::set<std::string>& into, const std::vector<std::string>& words) {
        for (const auto& w : words) into.insert(phrase_key(w));
    }
    static void add_keys(std::vector<std::string>& into, const std::vector<std::string>& words) {
        for (const auto& w : words) {
            std::string k = phrase_key(w);
            if (std::find(into.begin(), into.end(), k) == into.end()) into.push_back(std::move(k));
        }
    }

    void load_language(const JsonFile& f) {
        const JsonValue& root = f.root();
        f.only_keys(root, {"code", "function_words", "elision_prefixes", "abbreviations", "boilerplate",
                           "not_name_words", "name_connectors", "roles", "capacity_markers", "organization_heads", "place_heads", "place_descriptors", "compass_words", "compass_regions", "pair_words", "group_words", "state_nouns", "person_nouns", "former_markers",
                           "agreement_heads", "treaty_heads", "weapon_heads", "state_agents", "clitic_suffixes", "ordinal_day_dot",
                           "person_needs_given_name", "genitive_s", "verb_second", "modifiers_before_head", "given_names", "locative_prepositions", "months",
                           "weekdays", "date_connectors", "ordinal_suffixes", "decimal_comma", "detection_fallback", "byline_markers", "byline_connectors", "link_blocks", "agreement_kinds",
                           "agreement_target_markers", "agreement_issuer_verbs", "agreement_target_verbs", "agreement_references", "body_kinds", "compound_heads", "role_endings", "note"});
        const JsonValue& codev = f.require(root, "code");
        std::string code = f.string_of(codev, "\"code\"");
        if (!valid_language(code) || code == "*") f.fail(codev, "\"code\" must be a language code such as \"it\"");
        LanguageData& L = onto.languages[code];
        L.code = code;
        auto list = [&](const char* key) -> std::vector<std::string> {
            const auto* v = root.find(key);
            return v ? f.strings_of(*v, std::string("\"") + key + "\"") : std::vector<std::string>{};
        };
        add_keys(L.function_words, list("function_words"));
        // Elision prefixes are single keys without the apostrophe ("l", "dell").
        for (auto& p : list("elision_prefixes")) {
            std::string k = match_key(p);
            while (!k.empty() && k.back() == '\'') k.pop_back();
            if (std::find(L.segmentation.elision_prefixes.begin(), L.segmentation.elision_prefixes.end(), k) ==
                L.segmentation.elision_prefixes.end())
                L.segmentation.elision_prefixes.push_back(k);
        }
        for (auto& a : list("abbreviations")) {
            std::string k = match_key(a);
            while (!k.empty() && k.back() == '.') k.pop_back();
            L.segmentation.abbreviations.push_back(k);
        }
        add_keys(L.segmentation.boilerplate, list("boilerplate"));
        for (auto& c : list("clitic_suffixes")) L.segmentation.clitic_suffixes.push_back(match_key(c));
        add_keys(L.segmentation.furniture.byline_markers, list("byline_markers"));
        add_keys(L.segmentation.furniture.byline_connectors, list("byline_connectors"));
        add_keys(L.segmentation.link_blocks, list("link_blocks"));
        add_keys(L.agreement_target_markers, list("agreement_target_markers"));
        if (const auto* v = root.find("body_kinds")) {
            for (const auto& [kind, phrases] : f.object_of(*v, "\"body_kinds\"").members) {
                if (!valid_id(kind)) f.fail(phrases, "a body kind must match [a-z0-9_]+: \"" + kind + "\"");
                for (const auto& phrase : f.strings_of(phrases, "\"body_kinds\" phrases")) L.body_kinds[kind].push_back(phrase);
            }
        }
        for (const auto& verb : list("agreement_issuer_verbs")) L.agreement_issuer_verbs.insert(stem_word(match_key(verb), code));
        for (const auto& verb : list("agreement_target_verbs")) L.agreement_target_verbs.insert(stem_word(match_key(verb), code));
        if (const auto* v = root.find("agreement_references")) {
            for (const auto& [kind, words] : f.object_of(*v, "\"agreement_references\"").members) {
                if (!valid_id(kind)) f.fail(words, "an agreement kind must match [a-z0-9_]+: \"" + kind + "\"");
                for (const auto& w : f.strings_of(words, "\"agreement_references\" words")) L.agreement_references[match_key(w)] = kind;
            }
        }
        if (const auto* v = root.find("compound_heads")) L.compound_heads = f.bool_of(*v, "\"compound_heads\"");
        if (const auto* v = root.find("agreement_kinds")) {
            for (const auto& [kind, words] : f.object_of(*v, "\"agreement_kinds\"").members)
                for (const auto& w : f.strings_of(words, "\"agreement_kinds\" words")) L.agreement_kinds[phrase_key(w)] = kind;
        }
        if (const auto* v = root.find("modifiers_before_head")) L.modifiers_before_head = f.bool_of(*v, "\"modifiers_before_head\"");
        if (const auto* v = root.find("ordinal_day_dot")) L.ordinal_day_dot = f.bool_of(*v, "\"ordinal_day_dot\"");
        if (const auto* v = root.find("person_needs_given_name")) L.person_needs_given_name = f.bool_of(*v, "\"person_needs_given_name\"");
        if (const auto* v = root.find("genitive_s")) L.genitive_s = f.bool_of(*v, "\"genitive_s\"");
        if (const auto* v = root.find("verb_second")) L.verb_second = f.bool_of(*v, "\"verb_second\"");
        if (const auto* v = root.find("decimal_comma")) L.decimal_comma = f.bool_of(*v, "\"decimal_comma\"");
        if (const auto* v = root.find("detection_fallback")) L.detection_fallback = f.bool_of(*v, "\"detection_fallback\"");
        add_keys(L.date_connectors, list("date_connectors"));
        for (const auto& e : list("role_endings")) L.role_endings.push_back(phrase_key(e));
        for (auto& suffix : list("ordinal_suffixes")) L.ordinal_suffixes.push_back(match_key(suffix));
        add_keys(L.not_name_words, list("not_name_words"));
        add_keys(L.name_connectors, list("name_connectors"));
        add_keys(L.organization_heads, list("organization_heads"));
        add_keys(L.place_heads, list("place_heads"));
        add_keys(L.place_descriptors, list("place_descriptors"));
        add_keys(L.compass_words, list("compass_words"));
        if (const auto* v = root.find("compass_regions")) {
            const JsonValue& regions = f.object_of(*v, "\"compass_regions\"");
            f.only_keys(regions, {"before_name", "after_name", "of_name", "from_place_openers"});
            static const std::set<std::string> directions = {"north", "south", "east", "west", "northeast",
                                                             "northwest", "southeast", "southwest", "centre"};
            auto read = [&](const char* place, std::map<std::string, std::string>& into) {
                const JsonValue* words = regions.find(place);
                if (!words) return;
                for (const auto& [word, dir] : f.object_of(*words, std::string("\"") + place + "\"").members) {
                    const std::string direction = f.string_of(dir, "a direction");
                    if (!directions.count(direction))
                        f.fail(dir, "unknown direction \"" + direction + "\" (north, south, east, west, northeast, northwest, "
                                    "southeast, southwest, centre)");
                    if (phrase_words(word).size() != 1 || word.find('-') != std::string::npos)
                        f.fail(dir, "a compass word is one word (\"" + word + "\"); two joined by a hyphen are read as one");
                    into[phrase_key(word)] = direction;
                }
            };
            read("before_name", L.compass_regions.before_name);
            read("after_name", L.compass_regions.after_name);
            read("of_name", L.compass_regions.of_name);
            if (const JsonValue* openers = regions.find("from_place_openers"))
                add_keys(L.compass_regions.from_place_openers, f.strings_of(*openers, "\"from_place_openers\""));
        }
        add_keys(L.pair_words, list("pair_words"));
        if (const auto* v = root.find("group_words")) {
            for (const auto& [word, num] : f.object_of(*v, "\"group_words\"").members) {
                const int n = f.int_of(num, "group size");
                if (n < 3 || n > 12) f.fail(num, "group size must be 3..12 (two is pair_words)");
                L.group_words[match_key(word)] = n;
            }
        }
        add_keys(L.state_nouns, list("state_nouns"));
        add_keys(L.person_nouns, list("person_nouns"));
        add_keys(L.former_markers, list("former_markers"));
        add_keys(L.agreement_heads, list("agreement_heads"));
        add_keys(L.treaty_heads, list("treaty_heads"));
        add_keys(L.weapon_heads, list("weapon_heads"));
        add_keys(L.state_agents, list("state_agents"));
        add_keys(L.given_names, list("given_names"));
        add_keys(L.locative_prepositions, list("locative_prepositions"));
        add_keys(L.weekdays, list("weekdays"));
        for (const auto& marker : list("capacity_markers")) {
            std::vector<std::string> words;
            for (const auto& w : phrase_words(marker)) words.push_back(match_key(w));
            if (!words.empty()) L.capacity_markers.push_back(std::move(words));
        }
        if (const auto* v = root.find("roles")) {
            for (const auto& r : f.array_of(*v, "\"roles\"").items) {
                f.object_of(r, "a role");
                f.only_keys(r, {"phrase", "relation", "body_classes", "borrowed", "organization_relation", "plural"});
                RoleDef role;
                role.phrase = f.string_of(f.require(r, "phrase"), "\"phrase\"");
                role.words = phrase_words(role.phrase);
                if (role.words.empty()) f.fail(r, "role phrase is empty");
                if (const auto* rel = r.find("relation")) role.relation = f.string_of(*rel, "\"relation\"");
                if (const auto* b = r.find("body_classes")) {
                    role.body_classes = f.strings_of(*b, "\"body_classes\"");
                    for (const auto& cls : role.body_classes)
                        if (!onto.find_class(cls)) f.fail(*b, "unknown class \"" + cls + "\"");
                    if (!r.find("relation")) f.fail(*b, "body_classes without a relation");
                }
                if (const auto* o = r.find("organization_relation")) {
                    role.organization_relation = f.string_of(*o, "\"organization_relation\"");
                    if (!r.find("relation")) f.fail(*o, "organization_relation without a relation");
                }
                if (const auto* p = r.find("plural")) {
                    role.plural = f.bool_of(*p, "\"plural\"");
                    if (role.plural && !r.find("relation")) f.fail(*p, "a plural role needs the relation its holders have");
                }
                if (const auto* b = r.find("borrowed")) {
                    role.borrowed = f.bool_of(*b, "\"borrowed\"");
                    if (role.borrowed && r.find("relation")) f.fail(*b, "a borrowed role takes the relation of the role it borrows");
                }
                role.source = f.where(r.offset);
                L.roles.push_back(std::move(role));
            }
        }
        if (const auto* v = root.find("months")) {
            for (const auto& [name, num] : f.object_of(*v, "\"months\"").members) {
                int m = f.int_of(num, "month number");
                if (m < 1 || m > 12) f.fail(num, "month number must be 1..12");
                L.months[match_key(name)] = m;
                if (L.ordinal_day_dot) L.segmentation.ordinal_followers.push_back(match_key(name));
            }
        }
    }

    std::vector<TriggerDef> triggers_of(const JsonFile& f, const JsonValue& v, const std::string& what,
                                        const std::string& lang) {
        std::vector<TriggerDef> out;
        for (const auto& item : f.array_of(v, what).items) {
            TriggerDef t;
            if (item.is_string()) {
                t.phrase = item.string;
            } else {
                f.object_of(item, what + " item");
                f.only_keys(item, {"phrase", "inverse", "object_markers", "particle", "exact", "noun", "speaker"});
                if (const auto* ex = item.find("exact")) t.exact = f.bool_of(*ex, "\"exact\"");
                if (const auto* sp = item.find("speaker")) t.speaker = f.bool_of(*sp, "\"speaker\"");
                if (const auto* n = item.find("noun")) t.noun = f.bool_of(*n, "\"noun\"");
                t.phrase = f.string_of(f.require(item, "phrase"), "\"phrase\"");
                if (const auto* inv = item.find("inverse")) t.inverse = f.bool_of(*inv, "\"inverse\"");
                if (const auto* om = item.find("object_markers"))
                    add_keys(t.object_markers, f.strings_of(*om, "\"object_markers\""));
                if (const auto* pa = item.find("particle")) {
                    t.particle = match_key(f.string_of(*pa, "\"particle\""));
                    if (t.particle.empty() || t.particle.find(' ') != std::string::npos)
                        f.fail(*pa, what + ": a particle is one word");
                }
            }
            for (const auto& w : phrase_words(t.phrase)) {
                t.stems.push_back(stem_word(w, lang));
                t.keys.push_back(match_key(w));
            }
            if (t.stems.empty()) f.fail(item, what + ": empty trigger");
            out.push_back(std::move(t));
        }
        return out;
    }

    void load_triggers(const JsonFile& f) {
        const JsonValue& root = f.root();
        f.only_keys(root, {"code", "relations", "alleged", "denied", "reported", "attribution", "passive_agents",
                           "coordinators", "negations", "multipliers", "prepositions", "genitives", "articles", "reciprocal_markers", "modals", "infinitive_markers", "subjection_markers", "possessives", "relative_possessives", "relative_pronouns", "infinitive_endings", "subject_pronouns", "plural_subject_pronouns", "subordinators", "definite_articles", "verb_final", "final_auxiliaries", "passive_auxiliaries", "separable_particles", "instrument_markers", "inclusion_markers", "list_continuations", "companion_markers", "predicative_verbs", "predicative_markers", "note"});
        const JsonValue& codev = f.require(root, "code");
        std::string code = f.string_of(codev, "\"code\"");
        auto lit = onto.languages.find(code);
        if (lit == onto.languages.end()) f.fail(codev, "no languages/" + code + ".json loaded for trigger file of \"" + code + "\"");
        LanguageData& L = lit->second;
        if (const auto* rels = root.find("relations")) {
            for (std::size_t i = 0; i < f.object_of(*rels, "\"relations\"").members.size(); ++i) {
                const auto& [name, cues] = rels->members[i];
                if (!onto.find_relation(name)) {
                    JsonValue at;
                    at.offset = rels->key_offsets[i];
                    f.fail(at, "unknown relation \"" + name + "\" (not in relations.json)");
                }
                f.object_of(cues, "relation cues");
                f.only_keys(cues, {"triggers", "object_markers", "source_markers", "partner_markers", "carry_subject"});
                RelationCues& rc = L.relation_cues[name];
                if (const auto* t = cues.find("triggers")) {
                    auto more = triggers_of(f, *t, "\"triggers\"", code);
                    rc.triggers.insert(rc.triggers.end(), more.begin(), more.end());
                }
                if (const auto* m = cues.find("object_markers")) add_keys(rc.object_markers, f.strings_of(*m, "\"object_markers\""));
                if (const auto* m = cues.find("source_markers")) add_keys(rc.source_markers, f.strings_of(*m, "\"source_markers\""));
                if (const auto* m = cues.find("partner_markers")) add_keys(rc.partner_markers, f.strings_of(*m, "\"partner_markers\""));
                if (const auto* c = cues.find("carry_subject")) rc.carry_subject = f.bool_of(*c, "\"carry_subject\"");
            }
        }
        auto markers = [&](const char* key, std::vector<TriggerDef>& into) {
            if (const auto* v = root.find(key)) {
                auto more = triggers_of(f, *v, std::string("\"") + key + "\"", code);
                into.insert(into.end(), more.begin(), more.end());
            }
        };
        markers("alleged", L.alleged_markers);
        markers("denied", L.denied_markers);
        markers("reported", L.reported_markers);
        markers("list_continuations", L.list_continuations);
        markers("companion_markers", L.companion_markers);
        auto keys = [&](const char* key, std::set<std::string>& into) {
            if (const auto* v = root.find(key)) add_keys(into, f.strings_of(*v, std::string("\"") + key + "\""));
        };
        keys("attribution", L.attribution_markers);
        keys("passive_agents", L.passive_agents);
        keys("coordinators", L.coordinators);
        keys("negations", L.negations);
        keys("prepositions", L.prepositions);
        keys("genitives", L.genitives);
        keys("articles", L.articles);
        keys("reciprocal_markers", L.reciprocal_markers);
        keys("infinitive_markers", L.infinitive_markers);
        keys("subjection_markers", L.subjection_markers);
        keys("possessives", L.possessives);
        keys("relative_possessives", L.relative_possessives);
        keys("relative_pronouns", L.relative_pronouns);
        keys("predicative_markers", L.predicative_markers);
        if (const auto* v = root.find("predicative_verbs"))
            for (const auto& verb : f.strings_of(*v, "\"predicative_verbs\"")) L.predicative_verbs.insert(stem_word(match_key(verb), code));
        if (const auto* v = root.find("infinitive_endings")) L.infinitive_endings = f.strings_of(*v, "\"infinitive_endings\"");
        keys("subject_pronouns", L.subject_pronouns);
        keys("plural_subject_pronouns", L.plural_subject_pronouns);
        keys("subordinators", L.subordinators);
        keys("definite_articles", L.definite_articles);
        keys("final_auxiliaries", L.final_auxiliaries);
        keys("passive_auxiliaries", L.passive_auxiliaries);
        keys("separable_particles", L.separable_particles);
        if (const auto* v = root.find("verb_final")) L.verb_final = f.bool_of(*v, "\"verb_final\"");
        keys("instrument_markers", L.instrument_markers);
        keys("inclusion_markers", L.inclusion_markers);
        keys("modals", L.modals);
        if (const auto* v = root.find("multipliers")) {
            for (const auto& [word, num] : f.object_of(*v, "\"multipliers\"").members) {
                if (num.kind != JsonValue::Kind::number || num.number < 1) f.fail(num, "multiplier must be a number >= 1");
                L.multipliers[match_key(word)] = static_cast<long long>(num.number);
            }
        }
    }
};

} // namespace

Ontology load_ontology(const std::vector<std::string>& directories) {
    Loader loader;
    for (const auto& d : directories) loader.load_directory(d);
    loader.finish();
    return std::move(loader.onto);
}

} // namespace kg
