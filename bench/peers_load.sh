# Sourced by bench/server_load.sh --peers: the SQL peers of ../shared/peers (Sphinx searchd over
# SphinxQL, PostgreSQL full-text search) indexed, started, loaded and stopped, on 127.0.0.1 only.
#
# Indexing uses the peers' own scripts (sphinx/index.sh, postgres/index.sh, after their shared
# extraction to docs.jsonl) into PEERS_WORK (default /tmp/folio-load-peers/<corpus name>), and is
# reused by later runs on the same corpus: delete that folder to re-index. The load client is
# build/bench/folio_bench_sql_load (bench/sql_load.cpp): one thread and connection per client,
# closed loop, per-request latency.
# shellcheck shell=bash disable=SC2154  # root, work, duration: set by server_load.sh

peers_dir="$root/../shared/peers"
sql_load="$root/build/bench/folio_bench_sql_load"
searchd_pid=""
pg_work=""
sphinx_port=""
pg_port=""

peers_index() {  # CORPUS_DIR
  local corpus="$1" peer
  peers_work="${PEERS_WORK:-/tmp/folio-load-peers/$(basename "$corpus")}"
  mkdir -p "$peers_work"
  for peer in sphinx postgres; do
    [[ -f "$peers_work/$peer/index.json" ]] && continue
    echo "server_load: indexing $corpus with the $peer peer into $peers_work/$peer" >&2
    PEER_PREP="$peers_work/prep" "$peers_dir/$peer/index.sh" "$corpus" "$peers_work/$peer" \
      >"$peers_work/$peer.index.log" 2>&1 ||
      { tail -5 "$peers_work/$peer.index.log" >&2; return 1; }
  done
}

peers_start() {
  local conf="$peers_work/sphinx/sphinx.conf"
  sphinx_port=$(sed -n 's/.*listen *= *127\.0\.0\.1:\([0-9]*\):mysql41.*/\1/p' "$conf")
  searchd --config "$conf" --nodetach >"$work/searchd.out" 2>&1 &
  searchd_pid=$!
  pg_work="$peers_work/postgres"
  pg_port=$("$peers_dir/postgres/pg.sh" start "$pg_work")
  for _ in $(seq 100); do
    mysql -h 127.0.0.1 -P "$sphinx_port" -e 'SHOW STATUS' >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$work/searchd.out" >&2
  return 1
}

peers_stop() {
  if [[ -n "$searchd_pid" ]]; then
    kill -TERM "$searchd_pid" 2>/dev/null || true
    wait "$searchd_pid" 2>/dev/null || true
    searchd_pid=""
  fi
  if [[ -n "$pg_work" ]]; then "$peers_dir/postgres/pg.sh" stop "$pg_work" || true; pg_work=""; fi
}

peers_describe() {
  local docs
  docs=$(sed -n 's/.*"docs": \([0-9]*\).*/\1/p' "$peers_work/prep/prep.json")
  echo "peers: $(searchd --help 2>/dev/null | head -1 | cut -d' ' -f1-2) on 127.0.0.1:$sphinx_port," \
    "$(psql -At -h 127.0.0.1 -p "$pg_port" -U postgres -d bench -c 'SHOW server_version')" \
    "on 127.0.0.1:$pg_port; $docs documents each (../shared/peers extraction)"
}

# The postmaster and its children (backends, checkpointer...): the sum of their PSS, so shared
# buffers count once.
pg_pss_mb() {
  local postmaster pid total=0
  postmaster=$(head -1 "$(cat "$pg_work/pg.datadir")/postmaster.pid")
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    total=$((total + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
  done
  awk -v kb="$total" 'BEGIN {printf "%.1f", kb / 1024}'
}

# Waits until PORT has COUNT established connections (the load client opens them one at a time
# before its warm-up: 64 PostgreSQL backends can take seconds to start on a busy machine).
wait_for_connections() {  # PORT COUNT
  for _ in $(seq 600); do
    (($(ss -Htn state established "( sport = :$1 )" | wc -l) >= $2)) && return 0
    sleep 0.1
  done
}

# One load point on a peer: prints "rps p50 p99 errors memory_mb client_cpu_percent".
peer_point() {  # sphinx|postgres MIX CONNECTIONS
  local engine="$1" mix="$2" c="$3" memory_file="$work/memory" port args result
  if [[ "$engine" == sphinx ]]; then
    port="$sphinx_port"
    args=(--protocol mysql --queries "$work/$mix.sphinxql")
  else
    port="$pg_port"
    args=(--protocol postgres --user postgres --database bench --queries "$work/$mix.pgsql")
  fi
  # Memory is sampled 80% of the way through the timed window, while every connection is open.
  (wait_for_connections "$port" "$c"
   sleep "$(awk -v d="$duration" 'BEGIN {print 1 + d * 0.8}')"
   if [[ "$engine" == sphinx ]]; then rss_mb "$searchd_pid"; else pg_pss_mb; fi >"$memory_file") &
  local sampler=$!
  result=$("$sql_load" "${args[@]}" --port "$port" --connections "$c" --duration "$duration" --warmup 1 \
    2>"$work/sql_load.err" | grep '^RESULT') || { cat "$work/sql_load.err" >&2; return 1; }
  wait "$sampler"
  local _ rps p50 p99 errors cpu
  read -r _ rps p50 p99 errors cpu _ <<<"$result"
  echo "$rps $p50 $p99 $errors $(cat "$memory_file") $(awk -v c="$cpu" -v d="$duration" 'BEGIN {printf "%.0f", 100 * c / d}')"
}
