#!/usr/bin/env bash
# Checks that two builds of folio answer the same queries with the same bytes: the proof that a
# refactoring changed no behaviour. Both `folio search --json` programs (their facets, snippets and
# ranking included) read one index; only took_ms, which differs on every run, is left out.
#
#   bench/compare_builds.sh OLD_FOLIO NEW_FOLIO INDEX [QUERIES]
#
# QUERIES is a file of one query a line ('#' lines and blank lines ignored), by default the
# peers' set ../shared/peers/queries.txt; each query also runs on pages 2 and 3 and sorted by
# newest. With NEW_INDEX set, NEW_FOLIO reads that index instead (one each build wrote: the
# write side compared too). Exits 1 and shows the first difference when any answer differs.
set -euo pipefail
if (($# < 3)); then
  sed -n '2,10p' "$0"
  exit 2
fi
old=$1 new=$2 index=$3
queries=${4:-$(dirname "$0")/../../shared/peers/queries.txt}

answers() {  # answers FOLIO INDEX: every query's JSON, one line each, without took_ms
  local folio=$1 index=$2
  grep -vE '^[[:space:]]*(#|$)' "$queries" | while IFS= read -r query; do
    for options in "" "--page 2" "--page 3" "--sort newest"; do
      # shellcheck disable=SC2086
      "$folio" search --db "$index" --json $options -- "$query" | sed -E 's/"took_ms":[0-9.e+-]+,?//'
    done
  done
}

old_out=$(mktemp) new_out=$(mktemp)
trap 'rm -f "$old_out" "$new_out"' EXIT
answers "$old" "$index" >"$old_out"
answers "$new" "${NEW_INDEX:-$index}" >"$new_out"
count=$(wc -l <"$new_out")
if ! cmp -s "$old_out" "$new_out"; then
  echo "compare_builds: answers differ ($count searches); first difference:"
  diff "$old_out" "$new_out" | head -20
  exit 1
fi
echo "compare_builds: $count searches, byte-identical answers"
