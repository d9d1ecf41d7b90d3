// Everything the handlers share, owned by the App for the server's lifetime.
#pragma once

#include <memory>
#include <string>

#include "folio/config.hpp"
#include "folio_api/params.hpp"
#include "http/access_log.hpp"
#include "http/connection/connection_stats.hpp"
#include "http/cors.hpp"
#include "http/host_policy.hpp"
#include "http/metrics.hpp"
#include "http/rate_limiter.hpp"
#include "http/static_assets.hpp"
#include "runtime/reindex_job.hpp"
#include "runtime/searcher_pool.hpp"
#include "runtime/server_config.hpp"

namespace folio::server {

struct AppOptions;

struct ServerState {
  explicit ServerState(const AppOptions& options);
  ServerState(const ServerState&) = delete;
  ServerState& operator=(const ServerState&) = delete;

  ServerSettings server;
  SearchSettings search;
  SearchParamRules rules;       // points into `search`
  int searchers = 1;            // searches at once: the pool's size
  int connection_threads = 64;  // worker threads running handlers
  std::string admin_token;
  Log log;
  SearcherPool pool;
  std::unique_ptr<ReindexJob> reindex;  // null when no admin token is configured
  RateLimiter limiter;
  CorsPolicy cors;
  HostPolicy hosts;
  Metrics metrics;
  ConnectionStats connection_stats;
  StaticAssets assets;
};

}  // namespace folio::server
