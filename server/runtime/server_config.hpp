// folio-server's settings and the [server] section of folio.toml that sets them. They belong to
// the server, not to folio::Config: the library only hands the section's keys over
// (ConfigSectionReader), so adding a server setting touches server/ alone.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "folio/config.hpp"

namespace folio::server {

struct ServerSettings {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;              // searches at once; 0 = two per core
  int queue_limit = 256;        // requests waiting for a worker before 503
  bool wait_for_index = false;  // start without a database and answer 503 until it appears
  std::string admin_token;      // enables POST /api/reindex; FOLIO_ADMIN_TOKEN overrides
  std::vector<std::string> cors_origins;  // empty = same origin and localhost
  // Host names the server answers to; empty = loopback names (and the CORS origins' hosts) when
  // listening on loopback, any otherwise (http/host_policy.hpp).
  std::vector<std::string> allowed_hosts;
  double rate_limit_per_second = 50.0;  // per client IP; 0 disables
  int rate_limit_burst = 100;
  // A request's line, headers and body must all arrive within this many seconds of the connection
  // being ready for it (accepted, or its previous answer written); idle keep-alive connections
  // are closed after it too.
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  int keep_alive_max_count = 100;
  int max_connections = 4096;  // open at once; past it a new connection gets 503 and is closed
  std::size_t max_body_bytes = 64 * 1024;
  std::string log_level = "info";  // error, warn, info, debug
  bool access_log = true;
  // "batch": the server's threads run under Linux's SCHED_BATCH (a woken thread does not preempt
  // a running one: fewer context switches under load); "normal": the default policy.
  std::string scheduling = "batch";
};

// Reads [server] into `settings`, which must outlive the load_config call it is given to. Wrong
// types and impossible values are Error{ErrorCode::config} at the key's file:line:col; unknown
// keys are warnings.
ConfigSectionReader server_section_reader(ServerSettings& settings);

}  // namespace folio::server
