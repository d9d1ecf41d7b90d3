#!/usr/bin/env bash
# HTTP load on folio-server: wrk against /api/search with a realistic query mix, at 1, 8 and 64
# connections, for a fixed short time each, on loopback only.
#
#   bench/server_load.sh [CORPUS_DIR]          (default: sample-content/)
#   DB=path/to/index bench/server_load.sh      (serve an existing index; no indexing)
#
# Environment: DURATION (seconds per run, default 10), CONNECTIONS ("1 8 64"), QUERIES (a query
# file in ../shared/peers/queries.txt syntax: words, "phrases", tag:NAME; default that file when
# present, else a built-in mix), EXTRA (query-string suffix for every request, default facets and
# snippets as the server's defaults), THREADS (folio-server --threads), PORT (default 18181).
#
# Prints one Markdown row per connection count: requests/s, p50/p99 latency (wrk), non-2xx
# responses and socket errors (connect/read/write/timeout), and the server's RSS after the run and its peak. Needs a release
# build in build/ (scripts/build.sh). The rate limit is off for the run; keep-alive connections
# are kept for the whole run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
server="$root/build/server/folio-server"
folio="$root/build/indexer/folio"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-1 8 64}"
port="${PORT:-18181}"
queries="${QUERIES:-$root/../shared/peers/queries.txt}"
extra="${EXTRA:-}"
[[ -x "$server" ]] || { echo "build folio-server first: scripts/build.sh build" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
  echo "server_load: installing wrk" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null ||
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
fi

work=$(mktemp -d /tmp/folio-server-load-XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

corpus="${1:-$root/sample-content}"
db="${DB:-}"
if [[ -z "$db" ]]; then
  [[ -x "$folio" ]] || { echo "build folio first: scripts/build.sh build" >&2; exit 2; }
  db="$work/index"
  "$folio" index "$corpus" --db "$db" >/dev/null
fi

# The query mix -> a Lua table of request paths (percent-encoded here, cycled by each connection).
/usr/bin/python3 - "$queries" "$extra" >"$work/mix.lua" <<'PY'
import os, sys, urllib.parse
path, extra = sys.argv[1], sys.argv[2]
builtin = ["go concurrency", "error handling", "rust ownership", "kubernetes deployment",
           "postgresql index", "memory allocation", "static site", "json api", "cache invalidation",
           "tag:Go goroutines", '"garbage collector"', "message queues", "performance", "testing"]
lines = builtin
if os.path.isfile(path):
    lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
out = []
for line in lines:
    words, tags = [], []
    for part in line.split(" "):
        (tags if part.startswith("tag:") else words).append(part[4:] if part.startswith("tag:") else part)
    params = [("q", " ".join(words))] + [("tags", t) for t in tags]
    query = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
    out.append("/api/search?" + query + extra)
print("paths = {")
for p in out:
    print('  "%s",' % p.replace("\\", "\\\\").replace('"', '\\"'))
print("}")
PY
cat >>"$work/mix.lua" <<'LUA'
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d/%d/%d/%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
LUA

threads_flag=()
[[ -n "${THREADS:-}" ]] && threads_flag=(--threads "$THREADS")
"$server" --db "$db" --listen "127.0.0.1:$port" --rate-limit 0 --no-access-log \
  --keep-alive-max 1000000 --log-level warn "${threads_flag[@]}" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

articles=$(curl -s "http://127.0.0.1:$port/api/stats" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
mix=$(grep -c '^  "' "$work/mix.lua")
echo "folio-server on $(basename "$corpus") ($articles articles), $mix queries, ${duration}s per run, $(nproc) cores"
echo
printf '| connections | requests/s | p50 ms | p99 ms | non-2xx | socket errors c/r/w/t | RSS MB | peak RSS MB |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for c in $connections; do
  t=$((c < 2 ? 1 : 2))
  # One untimed second to warm the caches and open the connections' searchers.
  wrk -t"$t" -c"$c" -d1s -s "$work/mix.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 || true
  result=$(wrk -t"$t" -c"$c" -d"${duration}s" --latency -s "$work/mix.lua" "http://127.0.0.1:$port" | grep '^RESULT')
  read -r _ rps p50 p99 non2xx errors <<<"$result"
  rss=$(awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server_pid/status")
  hwm=$(awk '/^VmHWM/ {printf "%.1f", $2/1024}' "/proc/$server_pid/status")
  printf '| %s | %.0f | %.3f | %.3f | %s | %s | %s | %s |\n' "$c" "$rps" "$p50" "$p99" "$non2xx" "$errors" "$rss" "$hwm"
done
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wrk runs on the same 2 cores as the server)"
