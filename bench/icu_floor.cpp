// SPDX-License-Identifier: Apache-2.0
// The floor of any pipeline that segments this text: read every file of a corpus and run
// ICU's word BreakIterator over it (UText over the UTF-8 bytes, no conversion), once.
// Prints one machine-readable line:
//   files=N bytes=B words=W read_s=R total_s=T mb_per_s=M words_per_s=X
// where words counts word-break segments whose rule status is not UBRK_WORD_NONE (letters,
// numbers, kana, ideographs: what a reader would call a word), read_s is the time spent
// reading files and total_s is reading plus breaking.
// Usage: kg-icu-floor [--lang CODE] PATH...   (directories are walked for .txt and .md files)
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool read_file(const std::string& path, std::string& out) {
    out.clear();
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    std::fclose(f);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::string lang = "root";
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--lang" && i + 1 < argc) {
            lang = argv[++i];
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            for (auto it = fs::recursive_directory_iterator(a, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file() && (it->path().extension() == ".txt" || it->path().extension() == ".md"))
                    files.push_back(it->path().string());
            }
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        std::cerr << "usage: kg-icu-floor [--lang CODE] PATH...\n";
        return 2;
    }
    std::sort(files.begin(), files.end());

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale(lang.c_str()), status));
    if (U_FAILURE(status)) {
        std::cerr << "kg-icu-floor: createWordInstance: " << u_errorName(status) << '\n';
        return 1;
    }
    using clock = std::chrono::steady_clock;
    clock::duration read_time{};
    const auto t0 = clock::now();
    std::uint64_t bytes = 0, nwords = 0;
    std::string text;
    UText* ut = nullptr;
    for (const auto& path : files) {
        const auto tr = clock::now();
        if (!read_file(path, text)) {
            std::cerr << "kg-icu-floor: cannot read " << path << '\n';
            return 1;
        }
        read_time += clock::now() - tr;
        bytes += text.size();
        ut = utext_openUTF8(ut, text.data(), static_cast<int64_t>(text.size()), &status);
        words->setText(ut, status);
        if (U_FAILURE(status)) {
            std::cerr << "kg-icu-floor: " << path << ": " << u_errorName(status) << '\n';
            return 1;
        }
        for (int32_t q = words->first(); (q = words->next()) != icu::BreakIterator::DONE;)
            if (words->getRuleStatus() != UBRK_WORD_NONE) ++nwords;
    }
    utext_close(ut);
    const double total = std::chrono::duration<double>(clock::now() - t0).count();
    const double read = std::chrono::duration<double>(read_time).count();
    std::printf("files=%zu bytes=%llu words=%llu read_s=%.4f total_s=%.4f mb_per_s=%.2f words_per_s=%.0f\n", files.size(),
                static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(nwords), read, total,
                static_cast<double>(bytes) / 1e6 / total, static_cast<double>(nwords) / total);
    return 0;
}
