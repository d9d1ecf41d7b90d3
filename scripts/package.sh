#!/usr/bin/env bash
# Builds the Debian package folio_VERSION_amd64.deb with CPack (cmake/packaging.cmake) from a
# Release build, and prints its control fields.
#   scripts/package.sh [BUILD_DIR [cmake arguments...]]
# BUILD_DIR defaults to build-release, the folder scripts/test.sh builds (then only the man pages
# and the package are made); a new folder is configured as a Release build.
# The package: folio, folio-server, their man pages (help2man), the library with its headers,
# CMake package and pkg-config file, a systemd unit with /etc/folio/folio.toml, and Depends
# computed by dpkg-shlibdeps from the programs' shared libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --package
build="${1:-build-release}"
shift || true
FOLIO_BUILD_TYPE=Release scripts/build.sh "$build" -DFOLIO_BUILD_MAN=ON "$@"
rm -f "$build"/folio_*.deb
(cd "$build" && cpack -G DEB >cpack.log) || { cat "$build/cpack.log"; exit 1; }
deb="$(ls "$build"/folio_*_amd64.deb)"
dpkg-deb --info "$deb"
echo "package: $deb ($(du -k "$deb" | cut -f1) KB)"
