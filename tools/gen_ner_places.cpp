// SPDX-License-Identifier: Apache-2.0
// kg-gen-ner-places: writes the place names that the name finder's gazetteer feature reads
// (ontology/models/ner-places.generated.json) from two Debian packages:
//
//   - libgeonames-common: /usr/share/locale/<lang>/LC_MESSAGES/geonames.mo, the names of
//     the world's cities (GeoNames, population over 15,000) in each language; its message
//     ids are GeoNames ids, its translations the names. The English catalogue names every
//     city, the others only those whose name differs or is attested in that language.
//   - iso-codes: /usr/share/iso-codes/json/iso_3166-2.json, the names of countries'
//     subdivisions (regions, provinces, states) as written locally, and
//     /usr/share/locale/<lang>/LC_MESSAGES/iso_3166-2.mo, their translations.
//
// Usage: kg-gen-ner-places [OUTPUT.json]     (default: standard output)
//        kg-gen-ner-places --exonyms ontology/gazetteer/places.json [OUTPUT.json]
//          writes ontology/gazetteer/place_exonyms.generated.json: the names GeoNames gives the
//          gazetteer's places in it, fr, es and de (render_exonyms says which are taken).
//
// Output: {"source": "...", "names": {"*": [...], "de": [...], "en": [...], ...}}, where "*"
// holds the names good in any language (the English city names and the local subdivision
// names) and each language the translated names that "*" lacks. Lists are sorted and
// without repeats, so the output depends only on the packages' data. These names are
// not entities: the ontology loader reads no file in models/; only kg-train-ner does
// (--places), and a model embeds the names of its language.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* const languages[] = {"de", "en", "es", "fr", "it"};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// A GNU gettext catalogue (.mo): message id -> translation. The format is a header of
// 32-bit words (magic 0x950412de in the file's byte order, revision, count, offsets of
// the id and translation tables), each table holding (length, offset) pairs.
std::map<std::string, std::string> read_mo(const std::string& path) {
    const std::string b = read_file(path);
    auto word = [&](std::size_t at, bool swap) {
        if (at + 4 > b.size()) throw std::runtime_error(path + ": truncated catalogue");
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v |= static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + static_cast<std::size_t>(swap ? 3 - i : i)])) << (8 * i);
        return v;
    };
    bool swap = false;
    if (word(0, false) != 0x950412de) {
        swap = true;
        if (word(0, true) != 0x950412de) throw std::runtime_error(path + ": not a gettext catalogue");
    }
    const std::uint32_t n = word(8, swap), ids = word(12, swap), strs = word(16, swap);
    auto text = [&](std::uint32_t table, std::uint32_t i) {
        const std::uint32_t len = word(table + 8 * i, swap), off = word(table + 8 * i + 4, swap);
        if (static_cast<std::size_t>(off) + len > b.size()) throw std::runtime_error(path + ": bad string offset");
        return b.substr(off, len);
    };
    std::map<std::string, std::string> out;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string id = text(ids, i);
        if (!id.empty()) out[std::move(id)] = text(strs, i);
    }
    return out;
}

using Names = std::map<std::string, std::set<std::string>>; // "*" or language -> names

void add_geonames(Names& names) {
    for (const char* lang : languages) {
        const auto mo = read_mo(std::string("/usr/share/locale/") + lang + "/LC_MESSAGES/geonames.mo");
        for (const auto& [id, name] : mo) names[std::string(lang) == "en" ? "*" : lang].insert(name);
    }
}

void add_subdivisions(Names& names) {
    rapidjson::Document d;
    const std::string json = read_file("/usr/share/iso-codes/json/iso_3166-2.json");
    d.Parse(json.c_str(), json.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("3166-2") || !d["3166-2"].IsArray())
        throw std::runtime_error("iso_3166-2.json: unexpected shape");
    std::vector<std::string> local;
    for (const auto& e : d["3166-2"].GetArray())
        if (e.IsObject() && e.HasMember("name") && e["name"].IsString()) local.emplace_back(e["name"].GetString());
    for (const auto& n : local) names["*"].insert(n);
    for (const char* lang : languages) {
        const auto mo = read_mo(std::string("/usr/share/locale/") + lang + "/LC_MESSAGES/iso_3166-2.mo");
        for (const auto& n : local)
            if (auto it = mo.find(n); it != mo.end() && !it->second.empty()) names[lang].insert(it->second);
    }
}

// A JSON string literal (RapidJSON does the escaping).
std::string quoted(const std::string& s) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    return std::string(buf.GetString(), buf.GetSize());
}

// One name a line, so that a regenerated file diffs readably.
std::string render(Names names) {
    for (auto& [lang, set] : names)
        if (lang != "*")
            for (const auto& n : names["*"]) set.erase(n);
    std::string out = "{\"source\": " +
                      quoted("kg-gen-ner-places: libgeonames-common (geonames.mo) and iso-codes (ISO 3166-2)") +
                      ",\n \"names\": {";
    bool first_lang = true;
    for (const auto& [lang, set] : names) {
        out += first_lang ? "\n  " : ",\n  ";
        first_lang = false;
        out += quoted(lang) + ": [";
        bool first = true;
        for (const auto& n : set) {
            out += first ? "\n    " : ",\n    ";
            first = false;
            out += quoted(n);
        }
        out += "]";
    }
    return out + "}}\n";
}

// --exonyms: the names GeoNames gives the gazetteer's places in it, fr, es and de that the
// gazetteer lacks ("Seul" for Seoul, "Kyjiw" for Kyiv). A place is found by its label among
// the English names, and a language's name is taken only when every GeoNames entry of that
// English name that has one agrees, cities first ("Seoul" the city: "Seul"); a
// translation with brackets ("Amsterdam (New York, USA)") is no exonym.
std::string render_exonyms(const std::string& places_path) {
    rapidjson::Document d;
    const std::string json = read_file(places_path);
    d.Parse(json.c_str(), json.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("entities") || !d["entities"].IsArray())
        throw std::runtime_error(places_path + ": unexpected shape");
    const auto english = read_mo("/usr/share/locale/en/LC_MESSAGES/geonames.mo");
    std::map<std::string, std::vector<std::string>> ids_by_name;
    for (const auto& [id, name] : english) ids_by_name[name].push_back(id);
    std::map<std::string, std::map<std::string, std::string>> catalogues;
    for (const char* lang : languages)
        if (std::string(lang) != "en") catalogues[lang] = read_mo(std::string("/usr/share/locale/") + lang + "/LC_MESSAGES/geonames.mo");
    std::map<std::string, std::map<std::string, std::string>> exonyms; // place id -> language -> name
    std::map<std::string, std::string> labels;                          // place id -> its label
    for (const auto& e : d["entities"].GetArray()) {
        if (!e.IsObject() || !e.HasMember("id") || !e.HasMember("label") || !e["label"].IsString()) continue;
        if (!e.HasMember("type") || !e["type"].IsString() || std::string(e["type"].GetString()) != "Place") continue;
        const auto ids = ids_by_name.find(e["label"].GetString());
        if (ids == ids_by_name.end()) continue;
        std::set<std::string> known{e["label"].GetString()};
        if (e.HasMember("aliases") && e["aliases"].IsObject())
            for (const auto& [lang, forms] : e["aliases"].GetObject())
                if (forms.IsArray())
                    for (const auto& f : forms.GetArray())
                        if (f.IsString()) known.insert(f.GetString());
        for (const auto& [lang, mo] : catalogues) {
            // Every GeoNames entry of that English name that has a name in this language
            // (a city and its region, "Seoul" and KR.11) must give the same one.
            // Cities (numeric ids) speak for the name when there is one: "Sumy" the city is not
            // "Oblast' di Sumy" (UA.21).
            const bool has_city = std::any_of(ids->second.begin(), ids->second.end(),
                                              [](const std::string& id) { return id.find_first_not_of("0123456789") == std::string::npos; });
            std::set<std::string> names;
            for (const auto& id : ids->second) {
                const bool city = id.find_first_not_of("0123456789") == std::string::npos;
                if (has_city && !city) continue;
                if (const auto it = mo.find(id); it != mo.end() && !it->second.empty()) names.insert(it->second);
            }
            if (names.size() != 1) continue;
            const std::string& name = *names.begin();
            if (known.count(name) || name.find('(') != std::string::npos) continue;
            exonyms[e["id"].GetString()][lang] = name;
            labels[e["id"].GetString()] = e["label"].GetString();
        }
    }
    std::string out = "{\"entities\": [";
    bool first = true;
    for (const auto& [id, names] : exonyms) {
        out += first ? "\n" : ",\n";
        first = false;
        // The type and label repeat the gazetteer's, so that this file names its records alone.
        out += "  {\"id\": " + quoted(id) + ", \"type\": \"Place\", \"label\": " + quoted(labels.at(id)) +
               ", \"note\": \"GeoNames (libgeonames-common), by kg-gen-ner-places --exonyms\",\n   \"aliases\": {";
        bool first_lang = true;
        for (const auto& [lang, name] : names) {
            out += first_lang ? "" : ", ";
            first_lang = false;
            out += quoted(lang) + ": [" + quoted(name) + "]";
        }
        out += "}}";
    }
    return out + "\n]}\n";
}

void write_out(const std::string& out, const char* path) {
    if (!path) {
        std::cout << out;
        return;
    }
    std::ofstream f(path, std::ios::binary);
    f << out;
    if (!f) throw std::runtime_error(std::string("cannot write ") + path);
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::string(argv[1]) == "--exonyms") {
        if (argc < 3 || argc > 4) {
            std::cerr << "usage: kg-gen-ner-places --exonyms GAZETTEER_PLACES.json [OUTPUT.json]\n";
            return 2;
        }
        try {
            write_out(render_exonyms(argv[2]), argc > 3 ? argv[3] : nullptr);
            return 0;
        } catch (const std::exception& e) {
            std::cerr << "kg-gen-ner-places: " << e.what() << '\n';
            return 1;
        }
    }
    if (argc > 2) {
        std::cerr << "usage: kg-gen-ner-places [OUTPUT.json]\n       kg-gen-ner-places --exonyms GAZETTEER_PLACES.json [OUTPUT.json]\n";
        return 2;
    }
    try {
        Names names;
        add_geonames(names);
        add_subdivisions(names);
        write_out(render(std::move(names)), argc > 1 ? argv[1] : nullptr);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "kg-gen-ner-places: " << e.what() << '\n';
        return 1;
    }
}
