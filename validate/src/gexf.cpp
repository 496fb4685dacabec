// SPDX-License-Identifier: Apache-2.0
// kgraph validate for GEXF 1.3: declared attributes and their types, attvalues of declared
// attributes, then the shared checks (contract.cpp). The node class is the attribute titled
// "class", the relation type the edge's "relation" (else its kind), the evidence the one
// titled "evidence" (kg/export/gexf.hpp).
#include "contract.hpp"
#include "xml_reader.hpp"

#include <map>
#include <string_view>

namespace kg {
namespace {

using detail::EdgeFacts;
using detail::NodeFacts;

constexpr std::string_view kGexfNamespace = "http://gexf.net/1.3";

struct Attribute {
    std::string title;
    std::string type;
};

bool reads_as(const std::string& type, const std::string& v) {
    if (type == "integer" || type == "long" || type == "short" || type == "byte" || type == "biginteger") return detail::is_integer(v);
    if (type == "double" || type == "float" || type == "bigdecimal") return detail::is_real(v);
    if (type == "boolean") return v == "true" || v == "false";
    return true;
}

} // namespace

std::vector<ValidationProblem> validate_gexf(const std::string& path, const ValidationContext& context) {
    detail::Reporter report(path);
    if (!detail::has_ontology(context, report)) return report.take();
    detail::XmlReader xml(path, report, "gexf", std::string(kGexfNamespace));
    detail::GraphFacts graph;
    std::map<std::string, std::map<std::string, Attribute>> attributes; // class -> id -> attribute
    std::string attribute_class;                                          // inside <attributes class=...>
    std::string in;
    std::map<std::string, std::string> values; // of the node or edge being read, by title
    NodeFacts node;
    EdgeFacts edge;
    std::string kind;
    auto finish = [&] {
        auto ev = values.find("evidence");
        if (in == "node") detail::add_node(graph, std::move(node), values["class"]);
        else detail::add_edge(graph, std::move(edge), values.count("relation") ? values["relation"] : kind,
                              ev == values.end() ? nullptr : &ev->second, report);
        node = {};
        edge = {};
        values.clear();
        kind.clear();
        in.clear();
    };
    while (xml.next()) {
        const std::string name = xml.name();
        if (!xml.at_start()) {
            if (!in.empty() && name == in) finish();
            if (name == "attributes") attribute_class.clear();
            continue;
        }
        const std::uint64_t line = xml.line();
        if (name == "attributes") {
            attribute_class = xml.attribute("class");
            if (xml.empty_element()) attribute_class.clear();
        } else if (name == "attribute" && !attribute_class.empty()) {
            const std::string id = xml.attribute("id");
            if (!attributes[attribute_class].emplace(id, Attribute{xml.attribute("title"), xml.attribute("type")}).second)
                report(line, attribute_class + " attribute \"" + id + "\" is declared twice");
        } else if ((name == "node" || name == "edge") && in.empty()) {
            in = name;
            if (name == "node") node = detail::node_facts(line, xml.attribute("id"));
            else {
                edge = detail::edge_facts(line, xml.attribute("id"), xml.attribute("source"), xml.attribute("target"));
                kind = xml.attribute("kind");
            }
            if (xml.empty_element()) finish();
        } else if (name == "attvalue" && !in.empty()) {
            const std::string id = xml.attribute("for");
            const std::string value = xml.attribute("value");
            const std::string owner = in + " \"" + (in == "node" ? node.id : edge.id) + "\"";
            auto& declared = attributes[in];
            auto it = declared.find(id);
            if (it == declared.end()) {
                report(line, owner + ": value of undeclared attribute \"" + id + "\"");
                continue;
            }
            if (!reads_as(it->second.type, value))
                report(line, owner + ": " + it->second.title + " \"" + value.substr(0, 40) + "\" is not of type " + it->second.type);
            values[it->second.title] = value;
        }
    }
    if (xml.read_whole()) detail::check_graph(graph, context, report);
    return report.take();
}

} // namespace kg
