#!/usr/bin/env bash
# Builds the libraries the WASM engine links (Xapian, zstd, zlib) with Debian's Emscripten, from
# the Debian source packages of the very versions folio uses natively, into a cache outside the
# repository:
#   ${FOLIO_WASM_CACHE:-~/.cache/folio/wasm}/<key>/prefix/{include,lib}
# The key names every input (Emscripten's, Xapian's, zstd's and zlib's versions and this script's
# own hash), so a change to any of them builds afresh and an unchanged one costs nothing. Prints
# the prefix on its last line. Only the library and its headers are built (no tools, examples or
# tests): about ten minutes on two cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

# Debian's versions: the ones the native build links (zlib and Xapian), and zstd's bookworm
# release (its bookworm-security update changed only the `zstd` program, not the library).
xapian_version=1.4.22-1
zlib_version=1:1.2.13.dfsg-1
zstd_version=1.5.4+dfsg2-5

emcc_version="$(dpkg-query -W -f='${Version}' emscripten 2>/dev/null || true)"
if [[ -z "$emcc_version" ]]; then
  echo "build_deps: Debian's emscripten is not installed (scripts/setup.sh --test installs it)" >&2
  exit 1
fi
script_hash="$(sha256sum "$0" | cut -c1-12)"
key="em${emcc_version}-xapian${xapian_version}-zstd${zstd_version}-zlib${zlib_version#1:}-${script_hash}"
cache_root="${FOLIO_WASM_CACHE:-$HOME/.cache/folio/wasm}"
cache="$cache_root/$key"
prefix="$cache/prefix"
if [[ -f "$cache/done" ]]; then
  echo "$prefix"
  exit 0
fi

work="$cache/work"
rm -rf "$work" "$prefix"
mkdir -p "$work/src" "$prefix"
log="$cache/build.log"
: >"$log"
echo "build_deps: building Xapian, zstd and zlib for WASM into $cache (log: $log)" >&2

# Debian's Emscripten runs its JS optimizer with `node`; a node from elsewhere lacks Debian's
# acorn module, which lives in /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs
# Its cache is frozen (read-only, prebuilt system libraries only): no ports, so zlib is built here.
export EM_FROZEN_CACHE=1

# --- the sources: apt-get source through a private list of deb-src lines, so the machine's own
# apt configuration is left alone. dpkg-source checks each package's signature and checksums.
apt_dir="$work/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
for suite in bookworm bookworm-updates; do
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main"
done >"$apt_dir/sources.list"
apt_options=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/nonexistent
             -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
             -o APT::Sandbox::User=root)
apt-get -q "${apt_options[@]}" update >>"$log" 2>&1
(cd "$work/src" && apt-get -q "${apt_options[@]}" source \
  "xapian-core=$xapian_version" "zlib=$zlib_version" "libzstd=$zstd_version" >>"$log" 2>&1)
xapian_src="$(ls -d "$work"/src/xapian-core-*/)"
zlib_src="$(ls -d "$work"/src/zlib-*/)"
zstd_src="$(ls -d "$work"/src/libzstd-*/)"
jobs="$(nproc)"

# --- zlib: Xapian's only dependency besides the C++ library.
echo "build_deps: zlib" >&2
(cd "$zlib_src" && emconfigure ./configure --static --prefix="$prefix" &&
  emmake make -j"$jobs" libz.a && emmake make install) >>"$log" 2>&1

# --- zstd: the library only, from its own Makefile (the stored article texts are zstd frames).
echo "build_deps: zstd" >&2
(cd "$zstd_src/lib" &&
  emmake make -j"$jobs" CC=emcc AR=emar libzstd.a ZSTD_LEGACY_SUPPORT=0 \
    CFLAGS="-Oz -DZSTD_MULTITHREAD=0" &&
  mkdir -p "$prefix/lib" "$prefix/include" &&
  cp libzstd.a "$prefix/lib/" && cp zstd.h zstd_errors.h zdict.h "$prefix/include/") >>"$log" 2>&1

# --- Xapian: glass only (no remote, in-memory or chert backends); flock instead of fcntl locks,
# which Emscripten lacks (the engine only reads); -Oz for size; -fwasm-exceptions because Xapian
# reports a missing document or a changed database by throwing, and folio catches: without
# exceptions a throw aborts the module. Native WebAssembly exceptions, not Emscripten's JS-emulated
# ones (-fexceptions), which cost an invoke_* round trip through JS for every call that may throw:
# Debian's frozen cache holds the libc++/libc++abi/libunwind builds for them (the "-except"
# variants). Everything the engine links must use the same mode (wasm/CMakeLists.txt).
echo "build_deps: Xapian (about ten minutes)" >&2
(cd "$xapian_src" &&
  emconfigure ./configure --host=wasm32-unknown-emscripten --prefix="$prefix" \
    --disable-shared --disable-backend-remote --disable-backend-inmemory \
    --disable-backend-chert CPPFLAGS="-DFLINTLOCK_USE_FLOCK -I$prefix/include" \
    LDFLAGS="-L$prefix/lib" CXXFLAGS="-Oz -fwasm-exceptions" &&
  emmake make -j"$jobs" libxapian.la &&
  emmake make install-libLTLIBRARIES install-incHEADERS install-xapianincludeHEADERS \
    install-nodist_xapianincludeHEADERS) >>"$log" 2>&1

rm -rf "$work"
touch "$cache/done"
echo "$prefix"
