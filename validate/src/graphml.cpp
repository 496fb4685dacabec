// SPDX-License-Identifier: Apache-2.0
// kgraph validate for GraphML: the keys and their types, <data> in the right domain, then the
// shared checks (contract.cpp) over the nodes and edges read.
#include "contract.hpp"
#include "xml_reader.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string_view>

namespace kg {
namespace {

using detail::EdgeFacts;
using detail::NodeFacts;

constexpr std::string_view kGraphmlNamespace = "http://graphml.graphdrawing.org/xmlns";

struct Key {
    std::string domain; ///< node, edge, graph, all
    std::string name;
    std::string type;
};

bool reads_as(const std::string& type, const std::string& v) {
    if (type == "boolean") return v == "true" || v == "false";
    if (type == "int") {
        if (!detail::is_integer(v)) return false;
        const long long n = std::stoll(v);
        return n >= INT32_MIN && n <= INT32_MAX;
    }
    if (type == "long") return detail::is_integer(v);
    if (type == "double" || type == "float") return detail::is_real(v);
    return type == "string";
}

} // namespace

std::vector<ValidationProblem> validate_graphml(const std::string& path, const ValidationContext& context) {
    detail::Reporter report(path);
    if (!detail::has_ontology(context, report)) return report.take();
    detail::XmlReader xml(path, report, "graphml", std::string(kGraphmlNamespace));
    detail::GraphFacts graph;
    std::map<std::string, Key> keys;
    std::string in;                          // "node", "edge" or empty
    std::map<std::string, std::string> data; // of the node or edge being read, by attr.name
    NodeFacts node;
    EdgeFacts edge;
    auto finish = [&] {
        auto ev = data.find("evidence");
        if (in == "node") detail::add_node(graph, std::move(node), data["type"]);
        else detail::add_edge(graph, std::move(edge), data["type"], ev == data.end() ? nullptr : &ev->second, report);
        node = {};
        edge = {};
        data.clear();
        in.clear();
    };
    while (xml.next()) {
        const std::string name = xml.name();
        if (!xml.at_start()) {
            if (!in.empty() && name == in) finish();
            continue;
        }
        const std::uint64_t line = xml.line();
        if (name == "key") {
            Key k{xml.attribute("for"), xml.attribute("attr.name"), xml.attribute("attr.type")};
            const std::string id = xml.attribute("id");
            if (k.type.empty()) k.type = "string";
            static const std::set<std::string> types = {"boolean", "int", "long", "float", "double", "string"};
            if (id.empty()) report(line, "a <key> without an id");
            else if (!keys.emplace(id, k).second) report(line, "key id \"" + id + "\" is declared twice");
            if (!types.count(k.type)) report(line, "key \"" + id + "\": attr.type \"" + k.type + "\" is not a GraphML type");
        } else if (name == "node" || name == "edge") {
            in = name;
            if (name == "node") node = detail::node_facts(line, xml.attribute("id"));
            else edge = detail::edge_facts(line, xml.attribute("id"), xml.attribute("source"), xml.attribute("target"));
            if (xml.empty_element()) finish();
        } else if (name == "data") {
            const std::string key = xml.attribute("key");
            const std::string value = xml.text();
            if (in.empty()) continue; // graph-level data: nothing in the contract
            const std::string owner = in + " \"" + (in == "node" ? node.id : edge.id) + "\"";
            auto it = keys.find(key);
            if (it == keys.end()) {
                report(line, owner + ": <data> of undeclared key \"" + key + "\"");
                continue;
            }
            const Key& k = it->second;
            if (k.domain != in && k.domain != "all") {
                report(line, owner + ": key \"" + key + "\" is declared for " + k.domain + "s");
                continue;
            }
            if (!reads_as(k.type, value)) report(line, owner + ": " + k.name + " \"" + value.substr(0, 40) + "\" is not of type " + k.type);
            data[k.name] = value;
        }
    }
    if (xml.read_whole()) detail::check_graph(graph, context, report);
    return report.take();
}

} // namespace kg
