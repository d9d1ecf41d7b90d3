// Everything the handlers share, owned by the App for the server's lifetime.
#pragma once

#include <memory>
#include <string>

#include "access_log.hpp"
#include "cors.hpp"
#include "folio/config.hpp"
#include "metrics.hpp"
#include "params.hpp"
#include "rate_limiter.hpp"
#include "reindex_job.hpp"
#include "searcher_pool.hpp"
#include "static_assets.hpp"
#include "task_queue.hpp"

namespace folio::server {

struct AppOptions;

struct ServerState {
  explicit ServerState(const AppOptions& options);
  ServerState(const ServerState&) = delete;
  ServerState& operator=(const ServerState&) = delete;

  ServerSettings server;
  SearchSettings search;
  SearchParamRules rules;  // points into `search`
  int searchers = 1;
  int connection_threads = 64;
  std::string admin_token;
  Log log;
  SearcherPool pool;
  std::unique_ptr<ReindexJob> reindex;  // null when no admin token is configured
  RateLimiter limiter;
  CorsPolicy cors;
  Metrics metrics;
  TaskQueueStats queue_stats;
  StaticAssets assets;
};

}  // namespace folio::server
