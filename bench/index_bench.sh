#!/usr/bin/env bash
# Indexing benchmark: folio beside SQLite FTS5 and Xapian scriptindex, measured in the same run.
#
#   bench/index_bench.sh [CORPUS_DIR...]     (default: every corpus in ../shared/corpora)
#
# For each corpus: folio's full index (from raw Markdown), a no-change incremental run, peak RSS
# (/usr/bin/time), index size before and after xapian-compact; then the peers' own scripts
# (../shared/peers/run-all.sh with PEERS="sqlite scriptindex") on the same corpus. Prints a
# Markdown table with ratios against the peers. "xapian floor" is folio_bench_write_floor: Xapian
# alone writing the same documents (2 threads), the part of a full index no parser can remove.
# Needs a release build in build/ (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
peers_dir="${FOLIO_PEERS_DIR:-$root/../shared/peers}"
folio="$root/build/cli/folio"
floor="$root/build/bench/folio_bench_write_floor"
[[ -x "$folio" ]] || { echo "build folio first: scripts/build.sh build" >&2; exit 2; }
scripts/setup.sh --bench >/dev/null
if (($# == 0)); then set -- "$root"/../shared/corpora/{rust-blog,go-blog,hugo-docs,digitalgov}; fi
work=$(mktemp -d /tmp/folio-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
# The peers skip a corpus's top-level SOURCE.md, README.md and LICENSE.md; so does folio here.
printf '[index]\nexclude = ["SOURCE.md", "README.md", "LICENSE.md"]\n' >"$work/folio.toml"

markdown_files() {  # markdown_files CORPUS -> NUL-separated paths, as the peers and folio see them
  find "$1" \( -name '*.md' -o -name '*.markdown' \) -print0 |
    grep -zvxF -e "$1/SOURCE.md" -e "$1/README.md" -e "$1/LICENSE.md"
}

measure() {  # measure OUT_PREFIX command... -> OUT_PREFIX.{s,rss}
  local prefix=$1; shift
  /usr/bin/time -f "%e %M" -o "$prefix.time" "$@" >"$prefix.log" 2>&1 || { cat "$prefix.log" >&2; return 1; }
  read -r secs rss_kb <"$prefix.time"
  echo "$secs" >"$prefix.s"
  echo $((rss_kb / 1024)) >"$prefix.rss"
}

printf '| corpus | articles | MB | folio full s | art/s | MB/s | RSS MB | no-change s | index MB | compact MB | x md | xapian floor s | sqlite-fts5 s | scriptindex s | vs fts5 | vs scriptindex |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for corpus in "$@"; do
  name=$(basename "$corpus")
  db="$work/$name-index"
  files=$(markdown_files "$corpus" | tr -cd '\0' | wc -c)
  md_bytes=$(markdown_files "$corpus" | du -cb --files0-from=- | tail -1 | cut -f1)
  mb=$(awk -v b="$md_bytes" 'BEGIN {printf "%.1f", b/1048576}')
  # Every file, as the peers index them: drafts, future and expired articles included.
  flags=(--config "$work/folio.toml" --db "$db" --drafts --future --expired)
  measure "$work/$name.full" "$folio" index "$corpus" "${flags[@]}" --full
  measure "$work/$name.again" "$folio" index "$corpus" "${flags[@]}"
  # Xapian's own share: writing the same documents into fresh databases, 2 threads, nothing else.
  xfloor=nan
  [[ -x "$floor" ]] && xfloor=$("$floor" --db "$db" | sed -n 's/^xapian write.*: \([0-9.]*\) s wall.*/\1/p')
  gen=$(awk '{print $2}' "$db/XAPIANDB")
  size=$(du -sb "$db/$gen" | cut -f1)
  xapian-compact -q "$db/$gen" "$work/$name-compact" >/dev/null
  csize=$(du -sb "$work/$name-compact" | cut -f1)
  PEERS="sqlite scriptindex" PEER_REPS=1 "$peers_dir/run-all.sh" "$corpus" "$work/$name-peers" >"$work/$name.peers.log" 2>&1 || true
  peer_s() { /usr/bin/python3 -c "import json,sys; d=json.load(open('$work/$name-peers/results.json')); print(d['peers']['$1']['index']['index_wall_s'])" 2>/dev/null || echo nan; }
  fts=$(peer_s sqlite-fts5)
  si=$(peer_s xapian-scriptindex)
  full=$(cat "$work/$name.full.s")
  awk -v n="$name" -v f="$files" -v mb="$mb" -v full="$full" -v rss="$(cat "$work/$name.full.rss")" \
      -v again="$(cat "$work/$name.again.s")" -v size="$size" -v csize="$csize" -v md="$md_bytes" \
      -v fts="$fts" -v si="$si" -v xf="$xfloor" 'BEGIN {
    printf "| %s | %d | %s | %.2f | %.0f | %.1f | %d | %.3f | %.1f | %.1f | %.2f | %s | %s | %s | %.2fx | %.2fx |\n",
      n, f, mb, full, f/full, mb/full, rss, again, size/1048576, csize/1048576, csize/md, xf, fts, si,
      (fts+0 > 0 ? full/fts : 0), (si+0 > 0 ? full/si : 0) }'
done
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); 'vs' columns are folio's time / the peer's (lower is better)."
