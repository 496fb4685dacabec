# SPDX-License-Identifier: Apache-2.0
# One place for compiler warnings: every kgraph target links kg_warnings.
add_library(kg_warnings INTERFACE)
add_library(kg::warnings ALIAS kg_warnings)
target_compile_options(kg_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
if(KG_WERROR)
  target_compile_options(kg_warnings INTERFACE -Werror)
endif()
