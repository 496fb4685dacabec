// A developer's view of one document: each sentence with its bracketed mentions and the
// relations read from it (MITIE style), printed when KG_DEBUG_MENTIONS is set.
#include "work.hpp"

#include <iostream>

namespace kg::detail {

void dump(const Work& w, const std::vector<RelationMention>& relations) {
    std::ostream& os = std::cerr;
    os << "== " << w.doc.id << " [" << w.doc.language << "]\n";
    for (std::uint32_t s = 0; s < w.doc.sentences.size(); ++s) {
        const Sentence& sent = w.doc.sentences[s];
        std::uint32_t pos = sent.span.begin;
        os << s << ": ";
        for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
            const int m = w.owner[i];
            if (m < 0 || (i > sent.first_token && w.owner[i - 1] == m)) continue;
            const Mention& men = w.mentions[static_cast<std::size_t>(m)];
            std::uint32_t end = w.doc.tokens[i].span.end;
            while (i + 1 < sent.end_token && w.owner[i + 1] == m) end = w.doc.tokens[++i].span.end;
            os << w.doc.view(ByteSpan{pos, w.doc.tokens[i].span.begin > pos ? men.span.begin : pos});
            os << "[" << men.type << " " << w.doc.view(ByteSpan{men.span.begin, end}) << "]";
            pos = end;
        }
        os << w.doc.view(ByteSpan{pos, sent.span.end}) << "\n";
        for (const auto& r : relations)
            if (r.sentence == s)
                os << "    -> " << r.subject << " " << r.type << " " << r.object << " (" << to_string(r.status)
                   << (r.date.empty() ? "" : " " + r.date) << (r.quantity.empty() ? "" : " " + r.quantity) << ")\n";
    }
}

} // namespace kg::detail
