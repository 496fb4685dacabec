// SPDX-License-Identifier: Apache-2.0
// libxml2's reader behind XmlReader: its errors become located problems here and nowhere else.
#include "xml_reader.hpp"

#include <libxml/xmlreader.h>

namespace kg::detail {

namespace {

xmlTextReaderPtr raw(void* r) { return static_cast<xmlTextReaderPtr>(r); }

std::string text_of(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : std::string(); }

void on_error(void* arg, const char* message, xmlParserSeverities, xmlTextReaderLocatorPtr locator) {
    auto& report = *static_cast<Reporter*>(arg);
    std::string m = message ? message : "XML error";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    const int line = locator ? xmlTextReaderLocatorLineNumber(locator) : 0;
    report(line > 0 ? static_cast<std::uint64_t>(line) : 0, "not well-formed XML: " + m);
}

} // namespace

XmlReader::XmlReader(const std::string& path, Reporter& report, std::string root, std::string namespace_uri)
    : report_(report), root_(std::move(root)), namespace_(std::move(namespace_uri)) {
    xmlTextReaderPtr r = xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!r) {
        report_(0, "cannot be read as XML");
        failed_ = true;
        return;
    }
    xmlTextReaderSetErrorHandler(r, &on_error, &report_);
    reader_ = r;
}

XmlReader::~XmlReader() {
    if (reader_) xmlFreeTextReader(raw(reader_));
}

bool XmlReader::next() {
    if (!reader_) return false;
    int status = 0;
    while ((status = xmlTextReaderRead(raw(reader_))) == 1) {
        const int type = xmlTextReaderNodeType(raw(reader_));
        if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT) {
            start_ = type == XML_READER_TYPE_ELEMENT;
            if (start_ && !root_seen_) {
                root_seen_ = true;
                if (name() != root_ || namespace_uri() != namespace_)
                    report_(line(), "the root element is not <" + root_ + "> of " + namespace_);
            }
            return true;
        }
    }
    if (status < 0) failed_ = true;
    return false;
}

bool XmlReader::read_whole() {
    if (failed_) return false;
    if (!root_seen_) report_(0, "holds no XML element");
    return root_seen_;
}

bool XmlReader::empty_element() const { return xmlTextReaderIsEmptyElement(raw(reader_)) == 1; }

std::string XmlReader::name() const { return text_of(xmlTextReaderConstLocalName(raw(reader_))); }

std::string XmlReader::namespace_uri() const { return text_of(xmlTextReaderConstNamespaceUri(raw(reader_))); }

std::uint64_t XmlReader::line() const {
    // The element's own line: the parser itself reads ahead of the reader's node.
    const xmlNode* node = xmlTextReaderCurrentNode(raw(reader_));
    const long line = node ? xmlGetLineNo(node) : -1;
    return static_cast<std::uint64_t>(line > 0 ? line : xmlTextReaderGetParserLineNumber(raw(reader_)));
}

std::string XmlReader::attribute(const char* name) const {
    xmlChar* v = xmlTextReaderGetAttribute(raw(reader_), reinterpret_cast<const xmlChar*>(name));
    std::string out = text_of(v);
    xmlFree(v);
    return out;
}

std::string XmlReader::text() {
    xmlChar* v = xmlTextReaderReadString(raw(reader_));
    std::string out = text_of(v);
    xmlFree(v);
    return out;
}

} // namespace kg::detail
