// SPDX-License-Identifier: Apache-2.0
#include "kg/input/html.hpp"

#include "kg/base/utf8.hpp"
#include "kg/error.hpp"
#include "kg/input/record.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

namespace kg {
namespace {

using Node = xmlNode*;

// The one place libxml2 is called to parse, and its failures become kg::Error.
struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
std::unique_ptr<xmlDoc, DocFree> parse_page(std::string_view page, const std::string& path) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    if (page.size() > static_cast<std::size_t>(INT32_MAX)) throw Error(Errc::input_record, "page too large for the HTML parser", path);
    const char* encoding = find_invalid_utf8(page) ? nullptr : "UTF-8";
    xmlDoc* doc = htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, encoding,
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) throw Error(Errc::input_record, "libxml2 cannot read this as an HTML page", path);
    return std::unique_ptr<xmlDoc, DocFree>(doc);
}

std::string_view name_of(Node n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::string attribute(Node n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Text with every run of white space made one space, trimmed.
void append_collapsed(std::string& out, std::string_view s) {
    for (char c : s) {
        if (ascii_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold article text.
bool never_text(std::string_view name) {
    return is_one_of(name, {"script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "button", "select",
                            "textarea", "figure", "figcaption", "menu", "dialog", "object", "embed", "canvas", "video", "audio",
                            "picture", "img", "input", "head", "title", "meta", "link"});
}

// Whether one of the words of the given attributes (split at anything but letters and
// digits, lower case) is one of `words`.
bool has_word(Node n, std::initializer_list<const char*> attributes, const std::set<std::string, std::less<>>& words) {
    for (const char* attr : attributes) {
        const std::string v = lower(attribute(n, attr));
        for (std::size_t i = 0; i < v.size();) {
            std::size_t e = i;
            while (e < v.size() && std::isalnum(static_cast<unsigned char>(v[e]))) ++e;
            if (e > i && words.count(std::string_view(v).substr(i, e - i))) return true;
            i = e + 1;
        }
    }
    return false;
}

// Class and id words of page furniture: menus, share bars, "read also" and related links,
// comments, advertising, cookie and newsletter boxes; landmark roles that are no article.
bool furniture_words(Node n) {
    static const std::set<std::string, std::less<>> words = {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "footer", "related", "share", "sharing",
        "social", "comment", "comments", "cookie", "cookies", "newsletter", "subscribe", "advert", "advertisement", "ads", "ad",
        "promo", "sponsored", "banner", "popup", "modal", "tags", "readalso", "leggi", "also", "more", "recommended", "outbrain",
        "taboola", "skip", "toolbar", "masthead"};
    static const std::set<std::string, std::less<>> roles = {"navigation", "complementary", "banner", "contentinfo"};
    return has_word(n, {"class", "id"}, words) || has_word(n, {"role"}, roles);
}

// Class, id, rel or itemprop words of a byline or dateline: page furniture whose text goes
// to the record (authors), never into the article text.
bool byline_words(Node n) {
    static const std::set<std::string, std::less<>> words = {"byline", "author", "authors", "dateline", "byl"};
    return has_word(n, {"class", "id", "rel", "itemprop"}, words);
}

// Blocks whose text is one paragraph of the article when they are kept.
bool paragraph_block(std::string_view name) {
    return is_one_of(name, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "dd", "dt", "td", "th"});
}

struct Block {
    Node node;
    std::string text;
    std::size_t link_bytes = 0;
    std::vector<Node> ancestors; // outermost first
};

class Reader {
public:
    explicit Reader(xmlDoc* doc) : doc_(doc) {}

    HtmlArticle run(const std::string& path) {
        HtmlArticle a;
        Node root = xmlDocGetRootElement(doc_);
        if (!root) throw Error(Errc::input_record, "no HTML element in the page", path);
        set_record_field(a.record, RecordField::language, attribute(root, "lang"));
        metadata(root, a.record);
        std::vector<Node> stack;
        collect(root, stack, false);
        const Node body = best_container();
        std::vector<const Block*> kept;
        for (const Block& b : blocks_) {
            if (body && std::find(b.ancestors.begin(), b.ancestors.end(), body) == b.ancestors.end()) continue;
            // A block that is mostly links is a list of other articles.
            if (b.link_bytes * 2 > b.text.size()) continue;
            kept.push_back(&b);
        }
        // The headline first, as a page shows it: the <h1> (kept above when inside the body),
        // else the title.
        const bool has_h1 = std::any_of(kept.begin(), kept.end(), [](const Block* b) { return name_of(b->node) == "h1"; });
        if (!has_h1) {
            auto h1 = std::find_if(blocks_.begin(), blocks_.end(), [](const Block& b) { return name_of(b.node) == "h1"; });
            if (h1 != blocks_.end() && !h1->text.empty()) a.text = h1->text;
            else a.text = a.record.title;
        }
        for (const Block* b : kept) a.text += (a.text.empty() ? "" : "\n\n") + b->text;
        if (a.record.title.empty()) {
            if (auto h1 = std::find_if(blocks_.begin(), blocks_.end(), [](const Block& b) { return name_of(b.node) == "h1"; });
                h1 != blocks_.end())
                a.record.title = h1->text;
        }
        if (a.record.date.empty() && !body_time_.empty())
            if (auto d = iso_date(body_time_)) a.record.date = *d;
        if (a.record.authors.empty() && !byline_.empty()) {
            // "By Jane Doe", "di Anna Bianchi", "a cura di ...": the marker words before the
            // first capitalised one are left out.
            std::string_view names = byline_;
            static constexpr std::string_view markers[] = {"by ", "By ", "BY ", "di ", "a ", "cura ", "par ", "por ", "von ", "de "};
            for (bool again = true; again;) {
                again = false;
                for (std::string_view m : markers)
                    if (names.starts_with(m)) {
                        names.remove_prefix(m.size());
                        again = true;
                    }
            }
            set_record_field(a.record, RecordField::authors, names);
        }
        if (kept.empty()) throw Error(Errc::input_record, "no article text found in the page", path);
        return a;
    }

private:
    void metadata(Node root, DocumentInfo& r) {
        std::map<std::string, std::string> meta; // first value of each property or name, lower-case keys
        std::string title, canonical;
        walk(root, [&](Node n) {
            const std::string_view name = name_of(n);
            if (name == "meta") {
                std::string key = lower(attribute(n, "property"));
                if (key.empty()) key = lower(attribute(n, "name"));
                if (key.empty()) key = lower(attribute(n, "itemprop"));
                const std::string content = attribute(n, "content");
                if (!key.empty() && !content.empty()) meta.emplace(key, content);
            } else if (name == "link" && canonical.empty() && lower(attribute(n, "rel")) == "canonical") {
                canonical = attribute(n, "href");
            } else if (name == "time" && body_time_.empty()) {
                body_time_ = attribute(n, "datetime");
            } else if (name == "title" && title.empty()) {
                std::string t;
                for (Node c = n->children; c; c = c->next)
                    if (c->type == XML_TEXT_NODE && c->content) append_collapsed(t, reinterpret_cast<const char*>(c->content));
                title = std::string(trimmed(t));
            }
        });
        auto first = [&](std::initializer_list<const char*> keys) -> std::string {
            for (const char* k : keys)
                if (auto it = meta.find(k); it != meta.end()) return it->second;
            return {};
        };
        set_record_field(r, RecordField::url, canonical.empty() ? first({"og:url"}) : canonical);
        const std::string og_title = first({"og:title", "twitter:title", "headline"});
        set_record_field(r, RecordField::title, og_title.empty() ? title : og_title);
        // A page's date that cannot be read is left out: the page is still an article.
        if (const std::string d = first({"article:published_time", "datepublished", "date", "pubdate", "publish-date",
                                          "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date"});
            !d.empty())
            if (auto iso = iso_date(d)) r.date = *iso;
        set_record_field(r, RecordField::outlet, first({"og:site_name", "publisher", "application-name"}));
        for (const char* k : {"author", "article:author", "parsely-author", "dc.creator", "byl"}) {
            const std::string v = first({k});
            if (v.empty() || v.starts_with("http://") || v.starts_with("https://")) continue;
            set_record_field(r, RecordField::authors, v.starts_with("By ") || v.starts_with("by ") ? v.substr(3) : v);
            break;
        }
        if (r.language.empty()) set_record_field(r, RecordField::language, first({"og:locale", "content-language", "language"}));
    }

    template <typename F>
    void walk(Node n, const F& f) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            f(n);
            walk(n->children, f);
        }
    }

    // Every paragraph block outside what never holds article text, in page order, with its
    // ancestors; headers and footers count as furniture outside an <article> or <main>.
    void collect(Node n, std::vector<Node>& stack, bool in_article) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string_view name = name_of(n);
            if (never_text(name) || furniture_words(n)) continue;
            if ((name == "header" && !in_article) || name == "footer") continue;
            if (byline_words(n)) {
                if (byline_.empty()) {
                    Block b{n, {}, 0, {}};
                    text_of(n->children, b, false);
                    byline_ = std::string(trimmed(b.text));
                }
                continue;
            }
            if (paragraph_block(name) && !has_block_child(n)) {
                Block b{n, {}, 0, stack};
                b.ancestors.push_back(n);
                text_of(n->children, b, false);
                const std::string_view t = trimmed(b.text);
                if (!t.empty()) {
                    b.text = std::string(t);
                    blocks_.push_back(std::move(b));
                }
                continue;
            }
            if (inline_element(name) && !has_block_child(n)) continue; // its parent's own text
            // A container's own text (text beside its blocks, "<div>Text<br>more</div>") is
            // a block of its own, before its children's.
            Block own{n, {}, 0, stack};
            own.ancestors.push_back(n);
            for (Node c = n->children; c; c = c->next)
                if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
                    (c->type == XML_ELEMENT_NODE && inline_element(name_of(c)) && !furniture_words(c) && !byline_words(c)))
                    text_of_node(c, own, false);
            if (const std::string_view t = trimmed(own.text); !t.empty()) {
                own.text = std::string(t);
                blocks_.push_back(std::move(own));
            }
            stack.push_back(n);
            collect(n->children, stack, in_article || name == "article" || name == "main");
            stack.pop_back();
        }
    }

    static bool inline_element(std::string_view name) {
        return is_one_of(name, {"a", "b", "i", "em", "strong", "span", "u", "small", "sub", "sup", "abbr", "cite", "q", "mark",
                                "time", "font", "br", "s", "code", "bdi", "bdo", "data", "var", "kbd", "dfn", "ins", "del"});
    }

    static bool has_block_child(Node n) {
        for (Node c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && paragraph_block(name_of(c))) return true;
        return false;
    }

    void text_of(Node n, Block& b, bool in_link) {
        for (; n; n = n->next) text_of_node(n, b, in_link);
    }

    void text_of_node(Node n, Block& b, bool in_link) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (!n->content) return;
            const std::size_t before = b.text.size();
            append_collapsed(b.text, reinterpret_cast<const char*>(n->content));
            if (in_link) b.link_bytes += b.text.size() - before;
        } else if (n->type == XML_ELEMENT_NODE) {
            const std::string_view name = name_of(n);
            if (never_text(name)) return;
            if (name == "br" && !b.text.empty() && b.text.back() != ' ') b.text += ' ';
            text_of(n->children, b, in_link || name == "a");
        }
    }

    // The element whose blocks hold the most paragraph text against the least other text:
    // each paragraph (<p>, quotation, list item of 8 words or more) adds its bytes outside
    // links to every ancestor, every other block takes half its bytes away. The deepest of
    // equal scores wins (the same text with fewer strays).
    Node best_container() const {
        std::map<Node, long> score;
        std::vector<Node> order;
        for (const Block& b : blocks_) {
            const std::string_view name = name_of(b.node);
            const long own = static_cast<long>(b.text.size() - b.link_bytes);
            const bool paragraph = (name == "p" || name == "blockquote" || name == "pre" || name == "li") &&
                                   std::count(b.text.begin(), b.text.end(), ' ') >= 7 && b.link_bytes * 2 <= b.text.size();
            const bool headline = name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
            const long delta = paragraph ? own : headline ? 0 : -static_cast<long>(b.text.size()) / 2;
            for (std::size_t k = 0; k + 1 < b.ancestors.size(); ++k) {
                auto [it, fresh] = score.emplace(b.ancestors[k], 0);
                if (fresh) order.push_back(b.ancestors[k]);
                it->second += delta;
            }
        }
        Node best = nullptr;
        long best_score = 0;
        for (Node n : order) // outer elements come first: a deeper one must do better or as well
            if (score[n] >= best_score && score[n] > 0) {
                best = n;
                best_score = score[n];
            }
        return best;
    }

    xmlDoc* doc_;
    std::vector<Block> blocks_;
    std::string body_time_;
    std::string byline_; // the first byline block's text
};

} // namespace

HtmlArticle extract_html(std::string_view page, const std::string& path) {
    if (auto nul = find_nul(page))
        throw Error::at_byte(Errc::binary_input, "NUL byte: this looks like a binary file, not a page", path, static_cast<std::int64_t>(*nul));
    auto doc = parse_page(page, path);
    HtmlArticle a = Reader(doc.get()).run(path);
    if (auto bad = find_invalid_utf8(a.text)) // libxml2 hands back UTF-8; checked all the same
        throw Error::at_byte(Errc::invalid_utf8, "the page's text is not valid UTF-8", path, static_cast<std::int64_t>(*bad));
    return a;
}

} // namespace kg
