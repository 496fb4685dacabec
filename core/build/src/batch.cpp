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

DocumentOutcome process(const InputSource& input, const Extractor& extractor, const BatchOptions& options, BatchTimes& times) {
    using clock = std::chrono::steady_clock;
    auto ns = [](clock::duration d) { return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(); };
    try {
        Document doc;
        doc.id = input.path;
        const auto t0 = clock::now();
        doc.text = read_input(input, options.limits);
        const auto t1 = clock::now();
        times.read_ns += ns(t1 - t0);
        if (options.language != "auto") doc.language = options.language;
        AnnotatedDocument x = extractor.extract(std::move(doc));
        times.extract_ns += ns(clock::now() - t1);
        return x;
    } catch (const Error& e) {
        return e;
    } catch (const std::bad_alloc&) {
        return Error(Errc::resource_exhausted, "out of memory while analysing this document", input.path);
    } catch (const std::exception& e) {
        return Error(Errc::io_error, e.what(), input.path);
    }
}

DocumentOutcome process_guarded(const InputSource& input, const Extractor& extractor, const BatchOptions& options,
                                BatchTimes& times) {
    try {
        return process(input, extractor, options, times);
    } catch (const std::bad_alloc&) {
        // Out of memory even for the error itself being built above: one last, smaller try.
        return Error(Errc::resource_exhausted, "out of memory", input.path);
    }
}

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
    static const std::vector<std::string> extensions = {".txt", ".md", ".html", ".htm"};
    return extensions;
}

std::vector<InputSource> list_inputs(std::vector<std::string> paths, const InputLimits& limits,
                                     std::vector<InputProblem>& problems, bool stdin_closed) {
    if (stdin_closed) {
        const auto before = paths.size();
        std::erase(paths, "-");
        if (paths.size() != before) problems.push_back({"<stdin>", Error(Errc::io_error, "standard input is closed", "<stdin>")});
    }
    return expand_inputs(paths, input_extensions(), problems, limits);
}

void extract_batch(const std::vector<InputSource>& inputs, const Extractor& extractor, const BatchOptions& options,
                   BatchTimes& times, const std::function<void(std::size_t, DocumentOutcome&&)>& consume) {
    if (options.jobs <= 1 || inputs.size() <= 1) {
        for (std::size_t i = 0; i < inputs.size(); ++i) consume(i, process_guarded(inputs[i], extractor, options, times));
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
