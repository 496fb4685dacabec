# SPDX-License-Identifier: Apache-2.0
# Sanitizer and fuzzing builds. Both instrument every target of the project (libraries,
# program, tests), so they are switched on for the whole tree, before any target exists.
#
#   KG_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer (GCC or clang); any
#                   undefined behaviour aborts (-fno-sanitize-recover). scripts/check-sanitized
#                   builds build-asan/ this way and runs the test suite there.
#   KG_FUZZ=ON      the libFuzzer targets in fuzz/ (clang only: Debian's clang and
#                   libclang-rt-14-dev); the libraries get coverage instrumentation and ASan +
#                   UBSan. fuzz/run.sh builds build-fuzz/ this way and runs each target.
option(KG_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KG_TSAN "Build with ThreadSanitizer (the -j paths: extraction threads, parallel exports)" OFF)
option(KG_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)

# Every UBSan check aborts, except pointer-overflow, which stays recoverable so that
# cmake/ubsan.supp can silence RapidJSON 1.1.0's null-pointer arithmetic; run with
# UBSAN_OPTIONS=halt_on_error=1:suppressions=<source>/cmake/ubsan.supp so that any other
# pointer-overflow report still stops the program.
# float-cast-overflow is not part of "undefined" in GCC: a number read from text that does
# not fit the integer it is converted to must stop the suite too.
set(KG_SANITIZER_FLAGS -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer
                       -fno-sanitize-recover=undefined,float-cast-overflow -fsanitize-recover=pointer-overflow)
if(KG_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "KG_FUZZ=ON needs clang: configure with CXX=clang++ (Debian: clang, libclang-rt-14-dev)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link ${KG_SANITIZER_FLAGS})
  add_link_options(-fsanitize=address,undefined)
elseif(KG_TSAN)
  if(KG_SANITIZE)
    message(FATAL_ERROR "KG_TSAN and KG_SANITIZE cannot be combined: ThreadSanitizer excludes AddressSanitizer")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(KG_SANITIZE)
  add_compile_options(${KG_SANITIZER_FLAGS})
  add_link_options(-fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12's flow analysis under ASan reports false "may be used uninitialized" in libstdc++
    # (<regex>, std::function); they would break a KG_WERROR build.
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()
