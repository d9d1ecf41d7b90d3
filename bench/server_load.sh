#!/usr/bin/env bash
# HTTP load on folio-server: wrk against /api/search with a query mix, at 1, 8 and 64 connections,
# for a fixed short time each, on loopback only. With --peers, Sphinx (SphinxQL) and PostgreSQL
# full-text search from ../shared/peers get the same queries at the same concurrency in the same
# run, interleaved point by point (bench/peers_load.sh).
#
#   bench/server_load.sh [--peers] [CORPUS_DIR]   (default: sample-content/)
#   DB=path/to/index bench/server_load.sh ...     (serve an existing index; no indexing)
#
# Environment: DURATION (seconds per point, default 10, after a 1 s untimed warm-up),
# CONNECTIONS ("1 8 64"), MIXES ("two-word all": the two-word queries only, then every query),
# QUERIES (a query file in ../shared/peers/queries.txt syntax, default that file), EXTRA
# (query-string suffix for every folio request; default none: the server's default facets and
# 200-character snippets), THREADS (folio-server --threads), PORT (default 18181), PEERS_WORK
# (where the peers' indexes are kept and reused, default /tmp/folio-load-peers/<corpus name>).
#
# Prints a Markdown row per mix, engine and connection count: requests/s, p50/p99 latency, errors,
# the server's memory sampled 80% through the point (folio and searchd: RSS; PostgreSQL: the
# sum of PSS over the postmaster and its backends) and the load client's CPU (% of one core);
# then folio's ratios to each peer. The folio index holds every file (--drafts --future
# --expired), as the peers index them. Needs a release build in build/ (scripts/build.sh) and,
# for --peers, scripts/setup.sh --bench. The rate limit is off; connections are kept alive.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
server="$root/build/server/folio-server"
folio="$root/build/cli/folio"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-1 8 64}"
mixes="${MIXES:-two-word all}"
port="${PORT:-18181}"
queries="${QUERIES:-$root/../shared/peers/queries.txt}"
with_peers=0
[[ "${1:-}" == --peers ]] && { with_peers=1; shift; }
corpus="$(cd "${1:-$root/sample-content}" && pwd)"
[[ -x "$server" ]] || { echo "build folio-server first: scripts/build.sh build" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: scripts/setup.sh --bench" >&2; exit 2; }

work=$(mktemp -d /tmp/folio-server-load-XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  ((with_peers)) && peers_stop
  rm -rf "$work"
}
trap cleanup EXIT

rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

if ((with_peers)); then
  # shellcheck source=bench/peers_load.sh
  source "$root/bench/peers_load.sh"
  [[ -x "$sql_load" ]] || { echo "build the SQL load client: scripts/build.sh build" >&2; exit 2; }
  peers_index "$corpus"
fi

db="${DB:-}"
if [[ -z "$db" ]]; then
  [[ -x "$folio" ]] || { echo "build folio first: scripts/build.sh build" >&2; exit 2; }
  db="$work/index"
  "$folio" index "$corpus" --db "$db" --full --drafts --future --expired >/dev/null
fi
/usr/bin/python3 "$root/bench/load_queries.py" "$queries" "$work" "${EXTRA:-}" >"$work/mixes.txt"

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
((with_peers)) && peers_start

# One load point on folio-server: prints "rps p50 p99 errors memory_mb client_cpu_percent".
folio_point() {  # MIX CONNECTIONS
  local mix="$1" c="$2" t result
  t=$((c < 2 ? 1 : 2))
  wrk -t"$t" -c"$c" -d1s -s "$work/$mix.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 || true
  (sleep "$(awk -v d="$duration" 'BEGIN {print d * 0.8}')"; rss_mb "$server_pid" >"$work/memory") &
  local sampler=$!
  result=$(/usr/bin/time -f 'CPU %U %S' -o "$work/wrk.time" \
    wrk -t"$t" -c"$c" -d"${duration}s" --latency -s "$work/$mix.lua" "http://127.0.0.1:$port" |
    grep '^RESULT')
  wait "$sampler"
  local _ rps p50 p99 non2xx socket user system
  read -r _ rps p50 p99 non2xx socket <<<"$result"
  read -r _ user system <<<"$(grep '^CPU' "$work/wrk.time")"
  echo "$rps $p50 $p99 $non2xx+$socket $(cat "$work/memory")" \
    "$(awk -v u="$user" -v s="$system" -v d="$duration" 'BEGIN {printf "%.0f", 100 * (u + s) / d}')"
}

articles=$(curl -s "http://127.0.0.1:$port/api/stats" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
engines="folio"
((with_peers)) && engines="folio sphinx postgres"
echo "$(date '+%F %H:%M'): folio-server on $(basename "$corpus") ($articles articles), queries:" \
  "$(tr '\n' ' ' <"$work/mixes.txt")(mix: count), ${duration}s per point, $(nproc) cores"
((with_peers)) && peers_describe
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '| mix | engine | connections | requests/s | p50 ms | p99 ms | errors | memory MB | client CPU % |'
echo '|---|---|---|---|---|---|---|---|---|'
for mix in $mixes; do
  for c in $connections; do
    for engine in $engines; do
      if [[ "$engine" == folio ]]; then point=$(folio_point "$mix" "$c"); else point=$(peer_point "$engine" "$mix" "$c"); fi
      read -r rps p50 p99 errors memory cpu <<<"$point"
      echo "$mix $engine $c $rps $p50 $p99" >>"$work/points"
      printf '| %s | %s | %s | %.0f | %.3f | %.3f | %s | %s | %s |\n' "$mix" "$engine" "$c" "$rps" "$p50" "$p99" "$errors" "$memory" "$cpu"
    done
  done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); folio-server peak RSS" \
  "$(awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status") MB" \
  "(wrk and the SQL client run on the same cores as the servers)"
if ((with_peers)); then
  echo
  echo '| mix | connections | requests/s folio/sphinx | folio/postgres | p50 folio/sphinx | folio/postgres | p99 folio/sphinx | folio/postgres |'
  echo '|---|---|---|---|---|---|---|---|'
  awk '{ key = $1 " " $3; rps[key, $2] = $4; p50[key, $2] = $5; p99[key, $2] = $6
         if (!(key in seen)) { seen[key] = 1; order[n++] = key } }
       function r(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
       END { for (i = 0; i < n; i++) { k = order[i]; split(k, f, " ")
         printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", f[1], f[2],
           r(rps[k, "folio"], rps[k, "sphinx"]), r(rps[k, "folio"], rps[k, "postgres"]),
           r(p50[k, "folio"], p50[k, "sphinx"]), r(p50[k, "folio"], p50[k, "postgres"]),
           r(p99[k, "folio"], p99[k, "sphinx"]), r(p99[k, "folio"], p99[k, "postgres"]) } }' "$work/points"
fi
