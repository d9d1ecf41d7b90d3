#!/usr/bin/env bash
# A large realistic corpus: the shared corpora copied COPIES times under distinct folders, so every
# copy of an article has its own path (its id) and URL. Files are hard links when possible.
#
#   bench/replicate_corpus.sh OUT_DIR [COPIES] [CORPORA_DIR]
#
# Default 17 copies of the four corpora in ../shared/corpora (6,126 articles each time, without
# their top-level SOURCE.md/README.md/LICENSE.md): 104,142 articles, about 100,000.
set -euo pipefail
out="${1:?usage: replicate_corpus.sh OUT_DIR [COPIES] [CORPORA_DIR]}"
copies="${2:-17}"
corpora="${3:-$(dirname "$0")/../../shared/corpora}"
[[ -e "$out" ]] && { echo "replicate_corpus: $out exists" >&2; exit 2; }
mkdir -p "$out"
for i in $(seq -w 1 "$copies"); do
  for corpus in "$corpora"/*/; do
    target="$out/copy-$i/$(basename "$corpus")"
    mkdir -p "$(dirname "$target")"
    cp -al "$corpus" "$target" 2>/dev/null || { rm -rf "$target"; cp -r "$corpus" "$target"; }
    rm -f "$target"/{SOURCE,README,LICENSE}.md
  done
done
echo "$(find "$out" -name '*.md' | wc -l) Markdown files in $out ($copies copies of $corpora)"
