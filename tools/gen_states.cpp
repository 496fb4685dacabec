// SPDX-License-Identifier: Apache-2.0
// kg-gen-states: writes the gazetteer of states and territories (ontology/gazetteer/
// states.generated.json) from ICU's locale display names, in it, en, fr, es, de.
//
// Usage: kg-gen-states [OUTPUT.json]     (default: standard output)
//
// One record per ISO 3166 code that ICU lists in Locale::getISOCountries() and has a real
// display name for: {"id": slug of the English name, "type": "State", "label": English
// name, "iso": code, "aliases": {"de": [...], "en": [...], "es": [...], "fr": [...],
// "it": [...]}}. Each language's aliases are, in this order and without repeats: the
// display name (Locale::getDisplayCountry), ICU's short form when it has at least three
// characters (LocaleDisplayNames with UDISPCTX_LENGTH_SHORT: "Hongkong", "Palestina";
// two-letter forms such as "US" or "UK" are left to the curated states.json, because
// aliases match without regard to case), and spelling variants of those: the part before
// a parenthesis ("Myanmar (Burma)" -> "Myanmar"), " - " written "-" ("Congo-Kinshasa") and,
// in English, "&" written "and". A short form or variant that another record also carries
// in the same language is dropped, so that no generated name is ambiguous. Records are
// sorted by id; the output depends only on the ICU data, so the test suite can regenerate
// it and compare byte for byte.
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Languages written, in output order (sorted, so the JSON is stable).
constexpr std::string_view kLanguages[] = {"de", "en", "es", "fr", "it"};

// Deprecated, reserved or special-purpose codes that are never states in the gazetteer,
// even if an ICU version lists them.
const std::set<std::string> kSkippedCodes = {
    "AN", "BU", "CS", "DD", "FX", "NT", "SU", "TP", "YD", "YU", "ZR",  // deprecated
    "AA", "QM", "QN", "QO", "QU", "QZ", "XA", "XB", "XK", "ZZ",       // user-assigned (Kosovo: states.json)
    "EU", "EZ", "UN",                                                 // groupings
    "AQ"};                                                            // a continent (a Place)

struct StateRecord {
    std::string id;
    std::string label;
    std::string iso;
    std::map<std::string, std::vector<std::string>> aliases; // language -> names
    std::map<std::string, std::set<std::string>> derived;    // language -> variants we made
};

[[noreturn]] void fail(const std::string& what) {
    std::cerr << "kg-gen-states: " << what << '\n';
    std::exit(1);
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Lower-case ASCII slug: transliterate to ASCII, then runs of non-alphanumerics -> '_'.
std::string slug(icu::Transliterator& translit, const icu::UnicodeString& name) {
    icu::UnicodeString t(name);
    translit.transliterate(t);
    const std::string ascii = to_utf8(t);
    std::string out;
    bool pending_sep = false;
    for (const char ch : ascii) {
        const auto c = static_cast<unsigned char>(ch);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (alnum || upper) {
            if (pending_sep && !out.empty()) out.push_back('_');
            pending_sep = false;
            out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
        } else {
            pending_sep = true;
        }
    }
    return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

std::string trim(std::string s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(' ');
    return s.substr(first, last - first + 1);
}

// Append `name` and its spelling variants to `out`, skipping empty names and repeats; the
// variants (not `name` itself) are also recorded in `derived`.
void add_name(std::vector<std::string>& out, std::set<std::string>& derived, std::string_view lang,
              const std::string& name) {
    std::vector<std::string> forms{name};
    if (const auto paren = name.find(" ("); paren != std::string::npos)
        forms.push_back(trim(name.substr(0, paren)));
    for (std::size_t i = 0, n = forms.size(); i < n; ++i) {
        std::string v = forms[i];
        replace_all(v, " - ", "-");
        forms.push_back(v);
        if (lang == "en") {
            std::string a = forms[i];
            replace_all(a, " & ", " and ");
            forms.push_back(a);
        }
    }
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto& f = forms[i];
        if (f.empty() || std::find(out.begin(), out.end(), f) != out.end()) continue;
        out.push_back(f);
        if (i > 0) derived.insert(f);
    }
}

// Lower-case key of a name for collision checks (ASCII case only; enough for these names).
std::string fold(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// A variant we made that another record also carries in the same language ("Saint-Martin"
// from "Saint-Martin (partie néerlandaise)") would make the name ambiguous: drop it.
void drop_ambiguous_variants(std::vector<StateRecord>& records) {
    std::map<std::pair<std::string, std::string>, int> owners; // (language, folded) -> count
    for (const auto& r : records)
        for (const auto& [lang, names] : r.aliases)
            for (const auto& n : names) ++owners[{lang, fold(n)}];
    for (auto& r : records)
        for (auto& [lang, names] : r.aliases) {
            const auto& mine = r.derived[lang];
            std::erase_if(names, [&](const std::string& n) {
                return mine.count(n) && owners[{lang, fold(n)}] > 1;
            });
        }
}

std::string render(const StateRecord& r) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("id");
    w.String(r.id.c_str(), static_cast<rapidjson::SizeType>(r.id.size()));
    w.Key("type");
    w.String("State");
    w.Key("label");
    w.String(r.label.c_str(), static_cast<rapidjson::SizeType>(r.label.size()));
    w.Key("iso");
    w.String(r.iso.c_str(), static_cast<rapidjson::SizeType>(r.iso.size()));
    w.Key("aliases");
    w.StartObject();
    for (const auto& [lang, names] : r.aliases) {
        w.Key(lang.c_str(), static_cast<rapidjson::SizeType>(lang.size()));
        w.StartArray();
        for (const auto& n : names) w.String(n.c_str(), static_cast<rapidjson::SizeType>(n.size()));
        w.EndArray();
    }
    w.EndObject();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 2) {
        std::cerr << "usage: kg-gen-states [OUTPUT.json]\n";
        return 2;
    }

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> translit(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !translit) fail(std::string("cannot create transliterator: ") + u_errorName(status));

    const icu::Locale english("en");
    std::map<std::string, std::unique_ptr<icu::LocaleDisplayNames>> short_names;
    for (const auto lang : kLanguages) {
        UDisplayContext context[] = {UDISPCTX_LENGTH_SHORT};
        std::unique_ptr<icu::LocaleDisplayNames> ldn(
            icu::LocaleDisplayNames::createInstance(icu::Locale(std::string(lang).c_str()), context, 1));
        if (!ldn) fail("cannot create LocaleDisplayNames for " + std::string(lang));
        short_names[std::string(lang)] = std::move(ldn);
    }
    std::vector<StateRecord> records;
    std::set<std::string> seen_ids;
    for (const char* const* code = icu::Locale::getISOCountries(); code && *code; ++code) {
        const std::string iso(*code);
        if (kSkippedCodes.count(iso)) continue;
        const icu::Locale region("", iso.c_str());

        icu::UnicodeString en_name;
        region.getDisplayCountry(english, en_name);
        if (en_name.isBogus() || en_name.isEmpty() || to_utf8(en_name) == iso) continue;

        StateRecord r;
        r.iso = iso;
        r.label = to_utf8(en_name);
        r.id = slug(*translit, en_name);
        if (r.id.empty()) continue;
        for (const auto lang : kLanguages) {
            const icu::Locale in_lang(std::string(lang).c_str());
            icu::UnicodeString name;
            region.getDisplayCountry(in_lang, name);
            const std::string s = to_utf8(name);
            if (name.isBogus() || s.empty() || s == iso) continue;
            auto& names = r.aliases[std::string(lang)];
            auto& derived = r.derived[std::string(lang)];
            add_name(names, derived, lang, s);
            icu::UnicodeString short_name;
            short_names[std::string(lang)]->regionDisplayName(iso.c_str(), short_name);
            const std::string ss = to_utf8(short_name);
            if (!short_name.isBogus() && short_name.countChar32() >= 3 && ss != iso) {
                const bool is_new = std::find(names.begin(), names.end(), ss) == names.end();
                add_name(names, derived, lang, ss);
                if (is_new) derived.insert(ss);
            }
        }
        if (!seen_ids.insert(r.id).second) fail("two ISO codes give the id " + r.id);
        records.push_back(std::move(r));
    }
    drop_ambiguous_variants(records);
    std::sort(records.begin(), records.end(),
              [](const StateRecord& a, const StateRecord& b) { return a.id < b.id; });

    std::string out = "{\"entities\": [\n";
    for (std::size_t i = 0; i < records.size(); ++i) {
        out += "  ";
        out += render(records[i]);
        out += i + 1 < records.size() ? ",\n" : "\n";
    }
    out += "]}\n";

    if (argc == 2) {
        std::ofstream f(argv[1], std::ios::binary | std::ios::trunc);
        if (!f) fail(std::string("cannot open ") + argv[1] + " for writing");
        f << out;
        f.flush();
        if (!f) fail(std::string("cannot write ") + argv[1]);
    } else {
        std::cout << out;
        std::cout.flush();
        if (!std::cout) fail("cannot write standard output");
    }
    return 0;
}
