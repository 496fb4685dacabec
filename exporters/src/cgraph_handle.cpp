// SPDX-License-Identifier: Apache-2.0
// The Graphviz lock, error capture and I/O discipline; see cgraph_handle.hpp.
#include "cgraph_handle.hpp"

#include "kg/error.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace kg::detail {
namespace {

std::mutex& graphviz_mutex() {
    static std::mutex m;
    return m;
}

// What Graphviz reported through agerr during the current session. Only touched while
// the lock is held. Graphviz 2.42 hands the handler pieces ("Error", ": ", message), so
// the text is kept whole and split into lines when checked.
std::string& reported() {
    static std::string text;
    return text;
}

int collect(char* message) {
    if (message) reported() += message;
    return 0;
}

struct Reports {
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};

// Split the collected text into messages: a line that starts with "Error" or "Warning"
// opens a message; other lines continue the previous one.
Reports take_reports() {
    Reports r;
    std::string& text = reported();
    std::vector<std::string>* current = &r.warnings;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        bool opens = false;
        if (line.starts_with("Error")) current = &r.errors, opens = true;
        else if (line.starts_with("Warning")) current = &r.warnings, opens = true;
        if (opens || current->empty()) current->push_back(line);
        else current->back() += " " + line;
    }
    text.clear();
    return r;
}

int ostream_put(void* channel, const char* text) {
    auto* out = static_cast<std::ostream*>(channel);
    out->write(text, static_cast<std::streamsize>(std::char_traits<char>::length(text)));
    return out->good() ? 0 : EOF;
}

int ostream_flush(void* channel) {
    auto* out = static_cast<std::ostream*>(channel);
    out->flush();
    return out->good() ? 0 : EOF;
}

} // namespace

GraphvizSession::GraphvizSession(const std::function<void(const std::string&)>& warn)
    : lock_(graphviz_mutex()), warn_(warn) {
    reported().clear();
    agreseterrors();
    previous_ = agseterrf(&collect);
}

GraphvizSession::~GraphvizSession() {
    agseterrf(previous_);
    reported().clear();
}

GVC_t* GraphvizSession::context() {
    static GVC_t* gvc = nullptr; // created once under the lock, kept until exit
    if (!gvc) {
        gvc = gvContext();
        check(gvc != nullptr, "gvContext");
    }
    return gvc;
}

void GraphvizSession::check(bool ok, std::string_view what) {
    const bool reported_error = agerrors() >= AGERR;
    Reports r = take_reports();
    agreseterrors();
    if (ok && !reported_error && r.errors.empty()) {
        if (warn_)
            for (const auto& w : r.warnings) warn_(w);
        return;
    }
    std::string message = "Graphviz: " + std::string(what) + " failed";
    for (const auto& e : r.errors) message += "; " + e;
    if (r.errors.empty())
        for (const auto& w : r.warnings) message += "; " + w;
    throw Error(Errc::graphviz_error, message);
}

void GraphvizSession::finish() { check(true, "rendering"); }

Agdisc_t* ostream_discipline() {
    static Agiodisc_t io = {AgIoDisc.afread, &ostream_put, &ostream_flush};
    static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
    return &disc;
}

} // namespace kg::detail
