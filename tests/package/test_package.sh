#!/usr/bin/env bash
# Installs folio from a build folder into a temporary prefix, builds examples/embed.cpp against the
# installed CMake package and pkg-config file, and runs it on sample-content/.
#   test_package.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
tmp=$(mktemp -d /tmp/folio-package-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
test -f "$tmp/prefix/include/folio/folio.hpp"
test -f "$tmp/prefix/lib/pkgconfig/folio.pc" || test -f "$tmp/prefix/lib/x86_64-linux-gnu/pkgconfig/folio.pc"
cmake -S "$src/examples" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$tmp/example" -j 2 >/dev/null
"$tmp/example/embed" "$src/sample-content" "$tmp/index" "goroutines channels" \
  guides/go-concurrency-goroutines-channels
pc_dir=$(dirname "$(find "$tmp/prefix" -name folio.pc | head -1)")
PKG_CONFIG_PATH="$pc_dir" pkg-config --cflags --libs folio | grep -q -- "-lfolio"
echo "package test passed"
