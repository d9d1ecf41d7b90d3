#!/usr/bin/env bash
# CJK tokenisation benchmark (issue 13): Xapian's n-gram mode (FLAG_CJK_NGRAM) against ICU
# dictionary words and a hybrid, on the zh-cn, zh-tw, ja and ko pages of the CNCF glossary.
# Installs libicu-dev and libxapian-dev if missing (Debian 12), builds bench/cjk with g++ (no
# folio build needed), and prints Markdown tables: index size and time, known-item recall@10
# and MRR, false positives against the pages that hold each query's text.
#
#   bench/cjk_segmentation.sh [CONTENT_DIR] [-- options]
#
# CONTENT_DIR defaults to ../shared/sites/cncf-glossary/content. Options after -- go to the
# program: --seed N (12), --passes N (20, timing passes), --explain TEXT (print the terms and
# positions FLAG_CJK_NGRAM gives TEXT, and QueryParser's query for it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
content="$root/../shared/sites/cncf-glossary/content"
if (($# > 0)) && [[ "$1" != "--" ]]; then content=$1; shift; fi
(($# > 0)) && shift  # the --
missing=()
for pkg in libicu-dev libxapian-dev pkg-config g++; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  sudo=(); ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q "${missing[@]}"
fi
work=$(mktemp -d /tmp/folio-cjk-XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2046  # pkg-config's flags are words
g++ -std=c++20 -O2 -Wall -Wextra -o "$work/cjk_segmentation" bench/cjk/cjk_segmentation.cpp \
  $(pkg-config --cflags --libs xapian-core icu-uc icu-i18n)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$work/cjk_segmentation" "$content" --db-dir "$work/db" "$@"
