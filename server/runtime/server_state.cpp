#include "runtime/server_state.hpp"

#include <algorithm>
#include <thread>

#include "http/app.hpp"

namespace folio::server {
namespace {

// Searches run at once: as configured, or two per core. With one per core a core idles whenever
// the scheduler preempts a thread holding a searcher (to read or write a socket, or to write
// JSON); two per core keep both busy (digitalgov, two-word mix: +25% requests/s at 8
// connections, +10% at 64).
int searchers_for(int configured) {
  if (configured > 0) return configured;
  return 2 * std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Worker threads running handlers: as given, or enough that searches are the limit (a search
// waiting for a searcher holds its worker, and health checks must still find one free).
int connection_threads_for(int given, int searchers) {
  return given > 0 ? given : std::max(64, 16 * searchers);
}

// The reindex job behind POST /api/reindex; none without an admin token.
std::unique_ptr<ReindexJob> reindex_job_for(const AppOptions& options) {
  if (options.admin_token.empty()) return nullptr;
  IndexSettings index = options.index;
  if (index.jobs == 0) index.jobs = 1;  // leave the cores to the searches
  return std::make_unique<ReindexJob>(std::move(index));
}

}  // namespace

// `searchers` is declared before `pool`, so it is set when the pool is built from it.
ServerState::ServerState(const AppOptions& options)
    : server(options.server),
      search(options.search),
      rules{&search, options.index.taxonomies},
      searchers(searchers_for(options.server.threads)),
      connection_threads(connection_threads_for(options.connection_threads, searchers)),
      admin_token(options.admin_token),
      log(parse_log_level(options.server.log_level).value_or(LogLevel::info),
          options.server.access_log, options.log_sink),
      pool(SearcherPoolOptions{options.index.db_path, options.search, searchers}),
      reindex(reindex_job_for(options)),
      limiter(
          RateLimitOptions{options.server.rate_limit_per_second, options.server.rate_limit_burst}),
      cors(options.server.cors_origins),
      hosts(options.server.listen, options.server.allowed_hosts, options.server.cors_origins) {}

}  // namespace folio::server
