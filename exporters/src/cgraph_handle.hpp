// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the exporters: everything that touches libcgraph / libgvc types directly.
//  - one process-wide lock: cgraph's writer (write.c file statics), its error state and gvc's
//    layout and render code are not re-entrant;
//  - the one place where Graphviz failures become kg::Error(Errc::graphviz_error): an
//    agseterrf handler collects what Graphviz reports, and check() turns a failing return
//    code or a reported error into the exception (warnings go to the caller's `warn`);
//  - RAII owners for Agraph_t and a layout;
//  - an I/O discipline that lets agwrite write to a std::ostream.
// The struct layouts of the disciplines change between Graphviz majors: keep them here.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace kg::detail {

/// Holds the Graphviz lock for its lifetime and collects what Graphviz reports meanwhile.
/// Only one exists at a time (the lock sees to it); create one before any cgraph/gvc call.
class GraphvizSession {
public:
    explicit GraphvizSession(const std::function<void(const std::string&)>& warn);
    ~GraphvizSession();
    GraphvizSession(const GraphvizSession&) = delete;
    GraphvizSession& operator=(const GraphvizSession&) = delete;

    /// The process's Graphviz context (plugins loaded once, kept until exit).
    GVC_t* context();

    /// The one translation point: throws kg::Error(Errc::graphviz_error) naming `what` and
    /// quoting Graphviz's own messages when `ok` is false or Graphviz reported an error
    /// since the last check; passes warnings to `warn`.
    void check(bool ok, std::string_view what);

    /// Forward any pending warnings (call once the work is done).
    void finish();

private:
    std::unique_lock<std::mutex> lock_;
    const std::function<void(const std::string&)>& warn_;
    agusererrf previous_;
};

/// Owns an Agraph_t (agclose on destruction).
class GraphHandle {
public:
    GraphHandle() = default;
    explicit GraphHandle(Agraph_t* g) : g_(g) {}
    ~GraphHandle() {
        if (g_) agclose(g_);
    }
    GraphHandle(GraphHandle&& other) noexcept : g_(std::exchange(other.g_, nullptr)) {}
    GraphHandle& operator=(GraphHandle&& other) noexcept {
        std::swap(g_, other.g_);
        return *this;
    }
    Agraph_t* get() const noexcept { return g_; }

private:
    Agraph_t* g_ = nullptr;
};

/// Frees a layout (gvFreeLayout) on destruction.
class LayoutHandle {
public:
    LayoutHandle(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
    ~LayoutHandle() { gvFreeLayout(gvc_, g_); }
    LayoutHandle(const LayoutHandle&) = delete;
    LayoutHandle& operator=(const LayoutHandle&) = delete;

private:
    GVC_t* gvc_;
    Agraph_t* g_;
};

/// A discipline whose agwrite output goes to the std::ostream passed as the channel
/// (`agwrite(g, &stream)`). The graph must be opened with it: agopen(name, desc, &disc).
Agdisc_t* ostream_discipline();

/// cgraph and gvc take `char*` for strings they only read (2.42 API): pass a copy.
class CString {
public:
    explicit CString(std::string_view s) : s_(s) {}
    operator char*() noexcept { return s_.data(); }

private:
    std::string s_;
};

} // namespace kg::detail
