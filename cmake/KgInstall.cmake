# SPDX-License-Identifier: Apache-2.0
# Install rules, the CMake package and the Debian package.
#
#   cmake --install build --prefix P   installs
#     P/bin/kgraph                          the program
#     P/share/kgraph/ontology/              the bundled ontology (kgraph finds it from its own
#                                           path: BIN/../share/kgraph/ontology)
#     P/include/kg/...                      the public headers
#     P/lib/libkg_*.a                       the libraries
#     P/lib/cmake/kgraph/                   kgraphConfig.cmake: find_package(kgraph) gives
#                                           kgraph::core (extraction, inputs, the batch) and
#                                           kgraph::exporters, and kgraph_ONTOLOGY_DIR
#     P/share/doc/kgraph/                   README, LICENSE, NOTICE, samples/
#     P/share/man/man1/kgraph.1             the man page, and the bash completion in
#     P/share/bash-completion/completions/  (both made from kgraph --help at build time)
#   cpack -G DEB (in build/)             kgraph_<version>_<arch>.deb with the same files under
#                                           /usr and dependencies found by dpkg-shlibdeps.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# kgraph::core: the pipeline libraries together, for a program that reads articles.
add_library(kg_core INTERFACE)
add_library(kg::core ALIAS kg_core)
target_link_libraries(kg_core INTERFACE kg_build kg_extract kg_input kg_ner kg_ontology kg_graph kg_text kg_base)
set_target_properties(kg_core PROPERTIES EXPORT_NAME core)

set(KG_INSTALLED_LIBRARIES kg_base kg_text kg_ontology kg_graph kg_ner kg_extract kg_input kg_build kg_export kg_validate kg_core)
install(TARGETS ${KG_INSTALLED_LIBRARIES} EXPORT kgraphTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
foreach(layer base text ontology graph ner extract input build)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/${layer}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/exporters/include/ ${PROJECT_SOURCE_DIR}/validate/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(TARGETS kgraph RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_BINARY_DIR}/kgraph.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_BINARY_DIR}/kgraph.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME kgraph)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/ontology/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kgraph/ontology)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/samples)

set(KG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kgraph)
install(EXPORT kgraphTargets NAMESPACE kgraph:: DESTINATION ${KG_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/kgraphConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/kgraphConfig.cmake
                              INSTALL_DESTINATION ${KG_CMAKE_DIR}
                              PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kgraphConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kgraphConfig.cmake ${PROJECT_BINARY_DIR}/kgraphConfigVersion.cmake
        DESTINATION ${KG_CMAKE_DIR})

# The Debian package: one package with the program, the ontology, the samples and the
# development files. Runtime libraries come from dpkg-shlibdeps; the font is named because
# the diagrams' style asks for it and Graphviz falls back silently without it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kgraph)
set(CPACK_PACKAGE_VENDOR "the kgraph authors")
set(CPACK_PACKAGE_CONTACT "kgraph authors <kgraph@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "knowledge graphs of who did what with whom, read from news articles")
set(CPACK_PACKAGE_DESCRIPTION "kgraph reads news articles in Italian, English, French, Spanish and German and builds a knowledge graph of actors, agreements, weapons and places joined by typed relations, each with its evidence. It writes GraphML, GEXF, Neo4j import files, JSON-LD, Turtle, N-Triples, DOT with SVG/PNG/PDF renderings, Mermaid and a self-contained HTML report.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libboost-graph-dev, libicu-dev, libgraphviz-dev, libcairo2-dev, libxml2-dev, libyaml-dev, libstemmer-dev")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/kgraph/kgraph")
include(CPack)
