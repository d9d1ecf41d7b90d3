#!/usr/bin/env bash
# Checks which way includes point, so that the source tree stays the map docs/ARCHITECTURE.md
# draws. Exits 1 and names each include that breaks a rule:
#
#   1. The pipeline's stages, lowest first: base, formats, site, content, store, then indexing (the write
#      side) and query (the read side) side by side, then search, then the Searcher API. A file
#      may include headers of its own stage and of the stages below it, never above: the write side
#      never compiles against the query side or the Searcher, nothing below search/ includes
#      search/, and only src/search/searcher.cpp (which implements it) includes folio/search.hpp.
#      Public headers (include/folio/) belong to the stage of what they declare.
#   2. The programs and their shared layers (cli/, json/, api/, server/, wasm/) include only the
#      public headers of folio::core.
#   3. Public headers include no third-party header, and each third-party library is included
#      only where it is confined (toml11, yaml-cpp, cmark-gfm, zstd, RapidJSON, CLI11, Boost,
#      zlib; httplib is the tests' client only).
#
#   scripts/check_includes.sh            check the tree
set -euo pipefail
cd "$(dirname "$0")/.."

# Stage of each public header.
declare -A public_stage=(
  [error]=base [date]=base [utf8]=base
  [config]=formats
  [site]=site [url]=site
  [article]=content [article_parser]=content [front_matter]=content [markdown]=content
  [schema]=store
  [index_writer]=indexing [indexer]=indexing 
  [search_request]=query
  [search_results]=search [article_cache]=search [static_export]=search
  [search]=api [folio]=all
)
# What each stage may include besides itself.
declare -A allowed=(
  [base]=""
  [formats]="base"
  [site]="base formats"
  [content]="base formats site"
  [store]="base formats site content"
  [indexing]="base formats site content store"
  [query]="base formats site content store"
  [search]="base formats site content store query"
  [api]="base formats site content store query search"
  [all]="base formats site content store indexing query search api"
)

# The stage of a file (a path from the repository root) or of an include as written.
stage_of_file() {
  local path=$1
  case "$path" in
    src/search/searcher.cpp) echo api ;;
    include/folio/*) local name=${path#include/folio/}; echo "${public_stage[${name%.hpp}]:-unknown}" ;;
    src/content/markdown/*) echo content ;;
    src/*/*) local rest=${path#src/}; echo "${rest%%/*}" ;;
    *) echo "" ;;
  esac
}
stage_of_include() {
  local target=$1
  case "$target" in
    folio/*) stage_of_file "include/$target" ;;
    base/* | formats/* | site/* | content/* | store/* | indexing/* | query/* | search/*) stage_of_file "src/$target" ;;
    *) echo "" ;;
  esac
}

all_includes=$(mktemp)
trap 'rm -f "$all_includes"' EXIT

violations=0
report() {
  echo "$1:$2: #include $3: $4"
  violations=$((violations + 1))
}

# Each quoted or angled include of our sources: "file line target".
list_includes() {
  grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$@" --include='*.cpp' --include='*.hpp' |
    sed -E 's/^([^:]+):([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1 \2 \3/'
}

list_includes src include cli json api server wasm >"$all_includes"
of() {  # the includes of files under the given folders
  local folders=$1
  grep -E "^($folders)/" "$all_includes" || true
}

# Rule 1: stages.
while read -r file line target; do
  from=$(stage_of_file "$file")
  to=$(stage_of_include "$target")
  [[ -z "$from" || -z "$to" || "$from" == "$to" ]] && continue
  if [[ "$to" == unknown || "$from" == unknown ]]; then
    report "$file" "$line" "$target" "header missing from scripts/check_includes.sh's stage table"
  elif [[ " ${allowed[$from]} " != *" $to "* ]]; then
    report "$file" "$line" "$target" "$from/ may include only ${allowed[$from]:-its own stage}, not $to"
  fi
done < <(of "src|include")

# Rule 2: programs see the public API only.
while read -r file line target; do
  case "$target" in
    base/* | formats/* | site/* | content/* | store/* | indexing/* | query/* | search/*)
      report "$file" "$line" "$target" "programs include only folio/ headers, not folio::core's internals" ;;
  esac
done < <(of "cli|json|api|server|wasm")

# Rule 3: third-party libraries stay where they are confined.
confined() {  # confined PATTERN ALLOWED_FILE_REGEX
  while read -r file line target; do
    [[ "$target" =~ $1 && ! "$file" =~ $2 ]] &&
      report "$file" "$line" "$target" "confined to files matching $2"
  done <"$all_includes"
  return 0
}
confined '^toml' '^src/formats/toml_reader\.cpp$'
confined '^yaml-cpp/' '^src/formats/yaml_reader\.cpp$'
confined '^cmark' '^src/content/markdown/(cmark_document\.(hpp|cpp)|markdown\.cpp)$'
confined '^zstd' '^src/base/compression\.cpp$'
confined '^rapidjson/' '^json/json_results\.cpp$'
confined '^CLI/' '^(cli/cli\.cpp|server/main\.cpp)$'
confined '^httplib' '^$'  # the tests' HTTP client only (tests/ is not checked here)
confined '^boost/' '^server/http/connection/(http_server|request_reader|response_writer)\.cpp$'
confined '^zlib' '^server/http/connection/compression\.cpp$'
confined '^nlohmann/' '^(src/formats/json_reader\.cpp|json/|api/|cli/report_json\.cpp|server/)'
confined '^xapian' '^src/'
confined '^emscripten' '^wasm/'
while read -r file line target; do
  [[ "$target" == folio/* || "$target" != *.h* ]] && continue
  report "$file" "$line" "$target" "public headers include only the standard library and folio/"
done < <(of include)

if ((violations)); then
  echo "check_includes: $violations include(s) break the layering (see the rules at the top of $0)"
  exit 1
fi
echo "check_includes: every include follows the layering"
