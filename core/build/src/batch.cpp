// SPDX-License-Identifier: Apache-2.0
#include "kg/build/batch.hpp"

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>
#include <thread>

namespace kg {
namespace {

DocumentOutcome process(InputUnit& unit, const Extractor& extractor, const BatchOptions& options, BatchTimes& times) {
    using clock = std::chrono::steady_clock;
    auto ns = [](clock::duration d) { return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(); };
    try {
        const auto t0 = clock::now();
        Article article = read_article(unit, options.input);
        const auto t1 = clock::now();
        times.read_ns += ns(t1 - t0);
        Document doc;
        doc.id = article.record.id;
        doc.text = std::move(article.text);
        doc.metadata = std::move(article.metadata);
        if (options.language != "auto") doc.language = options.language;
        AnnotatedDocument x = extractor.extract(std::move(doc), std::move(article.record));
        times.extract_ns += ns(clock::now() - t1);
        return x;
    } catch (const Error& e) {
        return e;
    } catch (const std::bad_alloc&) {
        return Error(Errc::resource_exhausted, "out of memory while analysing this document", unit.where());
    } catch (const std::exception& e) {
        return Error(Errc::io_error, e.what(), unit.where());
    }
}

DocumentOutcome process_guarded(InputUnit& unit, const Extractor& extractor, const BatchOptions& options, BatchTimes& times) {
    try {
        return process(unit, extractor, options, times);
    } catch (const std::bad_alloc&) {
        // Out of memory even for the error itself being built above: one last, smaller try.
        return Error(Errc::resource_exhausted, "out of memory", unit.source.path);
    }
}

// Each article once: the first unit with an id or a text is built, a later one is a
// duplicate naming it. Runs on the calling thread, in unit order, so the same units always
// keep the same articles.
class Duplicates {
public:
    void check(const InputUnit& unit, DocumentOutcome& r) {
        auto* x = std::get_if<AnnotatedDocument>(&r);
        if (!x) return;
        const std::string where = unit.where();
        auto by_id = ids_.emplace(x->info.id, where);
        auto by_text = texts_.emplace(x->info.text_sha256, where);
        if (by_id.second && by_text.second) return;
        if (by_id.second) ids_.erase(by_id.first);
        if (by_text.second) texts_.erase(by_text.first);
        const std::string why = !by_id.second && !x->info.url.empty() ? "the same URL" : "the same text";
        const std::string& first = !by_id.second ? by_id.first->second : by_text.first->second;
        r = Error(Errc::duplicate_document, "the same article as " + first + " (" + why + "): read once", unit.source.path,
                  unit.line ? static_cast<std::int64_t>(unit.line) : -1);
    }

private:
    std::map<std::string, std::string> ids_, texts_; // id or text hash -> where it was first read
};

// The shared state of the worker threads and the consumer.
struct Pipeline {
    std::mutex m;
    std::condition_variable cv;
    std::map<std::size_t, DocumentOutcome> ready;
    std::size_t next_task = 0, next_merge = 0;
    bool stop = false;
    std::exception_ptr failure;
};

} // namespace

const std::vector<std::string>& input_extensions() {
    static const std::vector<std::string> extensions = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"};
    return extensions;
}

std::vector<InputUnit> list_inputs(std::vector<std::string> paths, const InputOptions& options,
                                   std::vector<InputProblem>& problems, bool stdin_closed) {
    if (stdin_closed) {
        const auto before = paths.size();
        std::erase(paths, "-");
        if (paths.size() != before) problems.push_back({"<stdin>", Error(Errc::io_error, "standard input is closed", "<stdin>")});
    }
    return list_units(expand_inputs(paths, input_extensions(), problems, options.limits), options, problems);
}

void extract_batch(std::vector<InputUnit>& inputs, const Extractor& extractor, const BatchOptions& options,
                   BatchTimes& times, const std::function<void(std::size_t, DocumentOutcome&&)>& consume) {
    Duplicates duplicates;
    if (options.jobs <= 1 || inputs.size() <= 1) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            DocumentOutcome r = process_guarded(inputs[i], extractor, options, times);
            duplicates.check(inputs[i], r);
            consume(i, std::move(r));
        }
        return;
    }
    Pipeline p;
    const std::size_t window = static_cast<std::size_t>(options.jobs) * 8;
    auto loop = [&] {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(p.m);
                p.cv.wait(lock, [&] { return p.stop || p.next_task >= inputs.size() || p.next_task < p.next_merge + window; });
                if (p.stop || p.next_task >= inputs.size()) return;
                i = p.next_task++;
            }
            DocumentOutcome r = process_guarded(inputs[i], extractor, options, times);
            {
                std::lock_guard lock(p.m);
                p.ready.emplace(i, std::move(r));
            }
            p.cv.notify_all();
        }
    };
    // Anything that escapes a document's own handling (memory for the hand-over itself) stops
    // the batch and is rethrown on the calling thread, never lost in a worker.
    auto work = [&] {
        try {
            loop();
        } catch (...) {
            std::lock_guard lock(p.m);
            if (!p.failure) p.failure = std::current_exception();
            p.stop = true;
        }
        p.cv.notify_all();
    };
    std::vector<std::thread> workers;
    auto stop_all = [&] {
        {
            std::lock_guard lock(p.m);
            p.stop = true;
        }
        p.cv.notify_all();
        for (auto& w : workers) w.join();
    };
    try {
        for (unsigned t = 0; t < options.jobs; ++t) workers.emplace_back(work);
    } catch (const std::system_error& e) {
        stop_all();
        throw Error(Errc::resource_exhausted, "cannot start extraction thread " + std::to_string(workers.size() + 1) + " of " +
                                                  std::to_string(options.jobs) + ": " + e.code().message() + " (try fewer --jobs)");
    } catch (const std::bad_alloc&) {
        stop_all();
        throw Error(Errc::resource_exhausted, "out of memory starting extraction thread " + std::to_string(workers.size() + 1) +
                                                  " (try fewer --jobs)");
    }
    try {
        while (p.next_merge < inputs.size()) {
            std::optional<DocumentOutcome> r;
            {
                std::unique_lock lock(p.m);
                p.cv.wait(lock, [&] { return p.failure || p.ready.count(p.next_merge) != 0; });
                if (p.failure) std::rethrow_exception(p.failure);
                auto it = p.ready.find(p.next_merge);
                r.emplace(std::move(it->second));
                p.ready.erase(it);
            }
            duplicates.check(inputs[p.next_merge], *r);
            consume(p.next_merge, std::move(*r));
            {
                std::lock_guard lock(p.m);
                ++p.next_merge;
            }
            p.cv.notify_all();
        }
    } catch (...) {
        stop_all();
        throw;
    }
    stop_all();
}

} // namespace kg
