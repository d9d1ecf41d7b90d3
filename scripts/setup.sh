#!/usr/bin/env bash
# Installs what folio needs on Debian 12. Idempotent and quick when everything is present.
#   scripts/setup.sh            build and run dependencies
#   scripts/setup.sh --test     also what the test suite needs (Chromium, npm packages, clang)
#   scripts/setup.sh --package  also what the Debian package needs (scripts/package.sh) and its
#                               test (tests/package/test_deb.sh)
#   scripts/setup.sh --bench    also what the benchmarks need (peers from ../shared/peers, wrk,
#                               the SQL client libraries of bench/sql_load.cpp)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools libzstd-dev
  libtoml11-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libboost-dev zlib1g-dev
  libcpp-httplib-dev
  libyaml-cpp-dev nlohmann-json3-dev rapidjson-dev libcli11-dev
  catch2
)
with_tests=0
case "${1:-}" in
  --test)
    with_tests=1
    # hugo and jekyll (Debian's 0.111 and 4.3, Jekyll with Ruby): the generator comparison tests
    # build sites with them and compare their pages with folio's URLs (a few seconds).
    # python3 and strace: the short reliability campaigns (bench/campaign/ci.sh) are Python
    # scripts, and the kill campaign kills `folio index` at chosen system calls with strace.
    packages+=(chromium nodejs npm curl hugo jekyll python3 strace)
    # clang 14 builds the fuzz targets (scripts/fuzz.sh); libclang-rt-14-dev holds libFuzzer's
    # and the sanitizers' runtimes, which clang only recommends.
    packages+=(clang libclang-rt-14-dev)
    # Emscripten 3.1.6 (with its clang, lld and binaryen) builds the static engine
    # (scripts/wasm/build.sh); dpkg-dev unpacks the Debian sources it builds Xapian, zstd and zlib
    # from.
    packages+=(emscripten dpkg-dev)
    ;;
  --package)
    # help2man: the man pages, from --help. dpkg-dev (dpkg-shlibdeps) and file: CPack's Depends
    # from the programs' shared libraries. debootstrap: the clean Debian 12 root the package is
    # installed into by its test.
    packages+=(help2man dpkg-dev file debootstrap)
    ;;
  --bench)
    # libmariadb-dev and libpq-dev: the SQL peers' load client (bench/sql_load.cpp).
    packages+=(time wrk xapian-omega python3-xapian python3-yaml cmark-gfm
               sphinxsearch mariadb-client python3-pymysql postgresql python3-psycopg2
               libmariadb-dev libpq-dev)
    ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # nodejs/npm may come from elsewhere than Debian: a working binary is enough.
    if [[ "$p" == nodejs || "$p" == npm ]] && command -v "${p/nodejs/node}" >/dev/null; then continue; fi
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ((with_tests)) && [[ -f tests/browser/package-lock.json ]]; then
  if [[ ! -d tests/browser/node_modules ]] ||
     [[ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "setup: all dependencies present"
