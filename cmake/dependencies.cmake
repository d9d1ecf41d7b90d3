# Every third-party dependency, found once, as imported targets. All come from Debian 12 packages
# (scripts/setup.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

# Xapian's CMake config sets variables only: wrap them in an imported target.
find_package(xapian REQUIRED CONFIG)
if(NOT TARGET folio_dep::xapian)
  add_library(folio_dep::xapian INTERFACE IMPORTED)
  target_include_directories(folio_dep::xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
  target_link_libraries(folio_dep::xapian INTERFACE ${XAPIAN_LIBRARIES})
endif()

# zstd compresses the stored article texts (src/base/compression.cpp).
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
if(NOT TARGET folio_dep::zstd)
  add_library(folio_dep::zstd INTERFACE IMPORTED)
  target_link_libraries(folio_dep::zstd INTERFACE PkgConfig::ZSTD)
endif()

find_package(toml11 REQUIRED CONFIG)
find_package(yaml-cpp REQUIRED CONFIG)
find_package(nlohmann_json REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)

# RapidJSON (header-only) streams the hot JSON responses (json/json_results.cpp); nlohmann-json
# builds the rest and parses. Never define RAPIDJSON_SSE2/SSE42 with Debian's 1.1.0: its SIMD
# string scan lets U+001A..U+001F through unescaped (a test in test_server_units.cpp catches it).
find_path(RAPIDJSON_INCLUDE_DIR rapidjson/writer.h REQUIRED)
if(NOT TARGET folio_dep::rapidjson)
  add_library(folio_dep::rapidjson INTERFACE IMPORTED)
  target_include_directories(folio_dep::rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIR})
endif()

# cmark-gfm has a .pc file for the core only; the extensions library sits beside it.
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions REQUIRED)
if(NOT TARGET folio_dep::cmark_gfm)
  add_library(folio_dep::cmark_gfm INTERFACE IMPORTED)
  target_link_libraries(folio_dep::cmark_gfm INTERFACE ${CMARK_GFM_EXTENSIONS_LIBRARY}
                                                       PkgConfig::CMARK_GFM)
endif()

if(FOLIO_BUILD_SERVER)
  # The server's connection layer: Boost.Asio (sockets, timers) and Boost.Beast's HTTP parser,
  # both header-only; zlib gzips its responses.
  find_package(Boost 1.74 REQUIRED)
  find_package(ZLIB REQUIRED)
endif()

if(FOLIO_BUILD_SERVER AND FOLIO_BUILD_TESTS)
  # The server tests' HTTP client. cpp-httplib 0.11.4 is a compiled library: its .pc file carries
  # the definitions that fix the class layout (OpenSSL, zlib, brotli). Compile with them or the
  # program crashes.
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
endif()

if(FOLIO_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED CONFIG)
  include(Catch)
endif()
