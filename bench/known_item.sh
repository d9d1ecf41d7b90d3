#!/usr/bin/env bash
# Known-item benchmark on a site: indexes what it publishes (drafts, future and expired pages
# left out, as `folio index` does by default), then searches for N random pages (fixed seed) by
# their title, typed as written, and by their two rarest title words; prints MRR and success@1,
# @3 and @10 of each (build/bench/folio_bench_known_item, bench/known_item/main.cpp).
#
#   bench/known_item.sh CONTENT_DIR_OR_SITE [...] [-- folio_bench_known_item options]
#   DB=path/to/index bench/known_item.sh -- --misses      (an existing index; no indexing)
#
# Options after -- go to the benchmark: --samples N (300), --seed S (12), --depth D (100),
# --misses (every query whose page is not first), --all. Environment: CONFIG (a folio.toml for
# `folio index --config`). An index of several languages searches each page in its language.
#
#   bench/known_item.sh SITE -- --per-language [--bracketed-words] [--foreign-reader] [--misses]
#
# --per-language: every page (no sample; section pages and templates left out) by ONE word of its
# title (Chinese, Japanese: 2-3 characters of a CJK run), the reader's language its own, no
# language filter; recall@10, MRR and "own language first" (above every translation found) by
# language (bench/known_item/per_language.cpp). --misses then prints the queries whose page is not
# in the top 10 or below a translation, with what ranked above it.
# Needs a build in build/ (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
folio="$root/build/cli/folio"
bench="$root/build/bench/folio_bench_known_item"
[[ -x "$folio" && -x "$bench" ]] || { echo "build folio first: scripts/build.sh build" >&2; exit 2; }
content=()
while (($# > 0)) && [[ "$1" != "--" ]]; do
  content+=("$1")
  shift
done
(($# > 0)) && shift  # the --
if [[ -n "${DB:-}" && ${#content[@]} -eq 0 ]]; then
  exec "$bench" --db "$DB" "$@"
fi
((${#content[@]} > 0)) || { echo "usage: bench/known_item.sh CONTENT_DIR... [-- options]" >&2; exit 2; }
db="${DB:-}"
if [[ -z "$db" ]]; then
  work=$(mktemp -d /tmp/folio-known-item-XXXXXX)
  trap 'rm -rf "$work"' EXIT
  db="$work/index"
fi
flags=(--db "$db" --full)
[[ -n "${CONFIG:-}" ]] && flags+=(--config "$CONFIG")
"$folio" index "${content[@]}" "${flags[@]}" >&2
"$bench" --db "$db" "$@"
