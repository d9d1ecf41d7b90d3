#!/usr/bin/env bash
# Builds the static engine (wasm/) with Debian's Emscripten and assembles what `folio export
# --static` copies into a bundle:
#   scripts/wasm/build.sh [OUT]     default OUT: build-wasm
#   OUT/static/  folio-engine-<hash>.js and .wasm, engine.json naming them, folio-worker.js, and
#                the widget (folio.js, folio.css, folio-i18n/<lang>.json)
# Xapian, zstd and zlib come from scripts/wasm/build_deps.sh (cached outside the repository).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(mkdir -p "${1:-build-wasm}" && cd "${1:-build-wasm}" && pwd)"

# FOLIO_WASM_PREFIX: libraries built elsewhere (by build_deps.sh under another cache, say).
prefix="${FOLIO_WASM_PREFIX:-$(scripts/wasm/build_deps.sh | tail -n 1)}"
export NODE_PATH=/usr/share/nodejs EM_FROZEN_CACHE=1

# The header-only libraries the JSON writers use, without the rest of /usr/include (whose C
# library headers are the host's, not Emscripten's).
headers="$out/headers"
mkdir -p "$headers"
ln -sfn /usr/include/nlohmann "$headers/nlohmann"
ln -sfn /usr/include/rapidjson "$headers/rapidjson"

emcmake cmake -S wasm -B "$out/engine" -DCMAKE_BUILD_TYPE=Release \
  -DFOLIO_WASM_PREFIX="$prefix" -DFOLIO_WASM_HEADERS="$headers" >/dev/null
cmake --build "$out/engine" -j "$(nproc)"

static="$out/static"
rm -rf "$static"
mkdir -p "$static/folio-i18n"
# Named by content, so a bundle's manifest can point at them and they can be cached forever.
hash="$(cat "$out/engine/folio-engine.js" "$out/engine/folio-engine.wasm" | sha256sum | cut -c1-12)"
cp "$out/engine/folio-engine.js" "$static/folio-engine-$hash.js"
cp "$out/engine/folio-engine.wasm" "$static/folio-engine-$hash.wasm"
printf '{"js": "folio-engine-%s.js", "wasm": "folio-engine-%s.wasm"}\n' "$hash" "$hash" \
  >"$static/engine.json"
cp wasm/folio-worker.js server/web/folio.js server/web/folio.css "$static/"
cp server/web/i18n/*.json "$static/folio-i18n/"
echo "static engine: $static ($(gzip -9c "$static/folio-engine-$hash.wasm" | wc -c) bytes of WASM gzipped)"
