#!/usr/bin/env bash
# Run by test_deb.sh inside a clean Debian 12 root: installs the package and checks, from the
# installed files only, that it works as README.Debian says.
#   deb_checks.sh /tmp/folio_VERSION_amd64.deb
set -euo pipefail
deb=$1
fail() { echo "deb_checks: $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive

echo "deb_checks: apt-get install $deb (and curl)"
apt-get update -qq >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get update failed"; }
apt-get install -y -qq --no-install-recommends "$deb" curl >>/tmp/apt.log 2>&1 ||
  { cat /tmp/apt.log; fail "apt-get install failed"; }

# What the package put in place.
dpkg -s folio | grep -E '^(Version|Depends):'
folio --version
getent passwd folio >/dev/null || fail "no folio user"
[[ "$(stat -c %U /var/lib/folio)" == folio ]] || fail "/var/lib/folio is not the folio user's"
for file in /etc/folio/folio.toml /usr/lib/systemd/system/folio-server.service \
  /usr/share/man/man1/folio.1.gz /usr/share/man/man1/folio-server.1.gz \
  /usr/share/doc/folio/README.Debian /usr/include/folio/folio.hpp; do
  [[ -f "$file" ]] || fail "missing $file"
done
find /usr/lib -name FolioConfig.cmake | grep -q . || fail "no CMake package (FolioConfig.cmake)"
find /usr/lib -name folio.pc | grep -q . || fail "no pkg-config file"
grep -q '^/etc/folio/folio.toml$' /var/lib/dpkg/info/folio.conffiles || fail "folio.toml is no conffile"
zcat /usr/share/man/man1/folio.1.gz | grep -q -- '--db' || fail "folio.1 lacks the subcommands' options"
grep -q '^ExecStart=/usr/bin/folio-server --config /etc/folio/folio.toml$' \
  /usr/lib/systemd/system/folio-server.service || fail "unexpected ExecStart"

# README.Debian's steps, as the folio user with the packaged configuration.
mkdir -p /srv/folio
cp -r /tmp/sample-content /srv/folio/content
as_folio() { setpriv --reuid=folio --regid=folio --init-groups -- "$@"; }
as_folio folio index --config /etc/folio/folio.toml
as_folio folio search --config /etc/folio/folio.toml --json goroutines |
  grep -q go-concurrency-goroutines-channels || fail "folio search did not find the goroutines guide"

# The server from the same configuration, on a free port rather than the configured 8080.
# Not through as_folio: a function in the background is a subshell, and $! would be its pid.
setpriv --reuid=folio --regid=folio --init-groups -- \
  folio-server --config /etc/folio/folio.toml --listen 127.0.0.1:0 --no-access-log \
  2>/tmp/server.log &
server=$!
port=""
for _ in $(seq 1 200); do
  port="$(sed -n 's#.*on http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' /tmp/server.log | head -1)"
  [[ -n "$port" ]] && break
  kill -0 "$server" 2>/dev/null || { cat /tmp/server.log; fail "folio-server exited"; }
  sleep 0.05
done
[[ -n "$port" ]] || { cat /tmp/server.log; fail "folio-server never said where it listens"; }
answer="$(curl -fsS --max-time 10 "http://127.0.0.1:$port/api/search?q=goroutines")"
kill -TERM "$server"
status=0
wait "$server" || status=$?
[[ $status -eq 0 ]] || { cat /tmp/server.log; fail "folio-server exited with $status on SIGTERM"; }
[[ "$answer" == *'"url":"/guides/go-concurrency-goroutines-channels/"'* ]] ||
  fail "unexpected /api/search answer: ${answer:0:300}"
echo "deb_checks: installed, indexed, searched and served (port $port)"
