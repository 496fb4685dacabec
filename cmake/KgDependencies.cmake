# SPDX-License-Identifier: Apache-2.0
# Every dependency is a Debian 12 package; scripts/install-deps installs them.
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GRAPHVIZ REQUIRED IMPORTED_TARGET libcgraph libgvc)
# Article inputs: libxml2's HTML parser for saved pages, libyaml for Markdown front matter.
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)
# Multi-page PDFs of exactly the chosen paper: Graphviz's cairo renderer draws each page onto
# a PDF surface of ours (gvRenderContext), the cairo Graphviz itself uses.
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)

# RapidJSON 1.1 ships a config that only sets RapidJSON_INCLUDE_DIRS: wrap it in a target.
find_package(RapidJSON REQUIRED)
add_library(kg_rapidjson INTERFACE)
add_library(kg::rapidjson ALIAS kg_rapidjson)
target_include_directories(kg_rapidjson SYSTEM INTERFACE ${RapidJSON_INCLUDE_DIRS} ${RAPIDJSON_INCLUDE_DIRS})
target_compile_definitions(kg_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)

# Snowball stemmers (libstemmer-dev) have no CMake or pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(kg_stemmer INTERFACE)
add_library(kg::stemmer ALIAS kg_stemmer)
target_include_directories(kg_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(kg_stemmer INTERFACE ${STEMMER_LIBRARY})
