// SPDX-License-Identifier: Apache-2.0
// The ontology loader on one arbitrary file placed in an extra ontology directory on top of
// a small base (the bundled classes, relations and Italian language data). The first byte
// picks which file it is (gazetteer, language, triggers, classes, relations, style). Loading
// must either succeed or throw kg::Error -- nothing else, no crash; a loaded ontology must
// compile into an Extractor (or refuse with kg::Error) that extracts a sentence.
#include "kg/error.hpp"
#include "kg/extract/extractor.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <typeinfo>

namespace fs = std::filesystem;

namespace {

struct Dirs {
    fs::path base, extra;
    Dirs() {
        std::string pattern = (fs::temp_directory_path() / "kg-fuzz-onto-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) std::abort();
        fs::path root = pattern;
        base = root / "base";
        extra = root / "extra";
        const fs::path bundled = KG_ONTOLOGY_DIR;
        fs::create_directories(base / "languages");
        fs::create_directories(base / "triggers");
        fs::copy_file(bundled / "classes.json", base / "classes.json");
        fs::copy_file(bundled / "relations.json", base / "relations.json");
        fs::copy_file(bundled / "languages" / "it.json", base / "languages" / "it.json");
        fs::copy_file(bundled / "triggers" / "it.json", base / "triggers" / "it.json");
    }
};

const char* const kTargets[] = {"gazetteer/fuzz.json", "languages/it.json", "languages/en.json", "triggers/it.json",
                                "classes.json",        "relations.json",    "style.json"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Dirs dirs;
    if (size == 0) return 0;
    const fs::path target = dirs.extra / kTargets[data[0] % 7];
    std::error_code ec;
    fs::remove_all(dirs.extra, ec);
    fs::create_directories(target.parent_path());
    {
        std::ofstream out(target, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
    }
    try {
        kg::Ontology onto = kg::load_ontology({dirs.base.string(), dirs.extra.string()});
        kg::Extractor x(onto);
        kg::Document doc;
        doc.id = "fuzz.txt";
        doc.text = "Il presidente russo Vladimir Putin ha incontrato Kim Jong Un a Pyongyang il 19 giugno 2024.";
        (void)x.extract(std::move(doc));
    } catch (const kg::Error&) {
        // refused with a located message: fine
    } catch (const std::exception& e) {
        std::fprintf(stderr, "the loader let a %s escape: %s\n", typeid(e).name(), e.what());
        std::abort();
    }
    return 0;
}
