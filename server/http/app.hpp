// folio-server without main(): the route table, the screening that enforces limits, and the shared
// state, over the connection layer (http/connection/). main.cpp and the integration tests both run
// it.
#pragma once

#include <memory>
#include <string>

#include "folio/config.hpp"
#include "http/access_log.hpp"
#include "runtime/server_config.hpp"

namespace folio::server {

struct AppOptions {
  ServerSettings server;       // limits, CORS, rate limit, timeouts, log level, wait_for_index
  SearchSettings search;       // page and query limits, highlight markers
  IndexSettings index;         // db_path is the index served; content_dirs are what reindex reads
  std::string admin_token;     // resolved from config or environment; empty = no /api/reindex
  bool watch = false;          // reindex index.content_dirs when files change (--watch)
  int connection_threads = 0;  // threads serving connections; 0 = derived from server.threads
  Log::Sink log_sink;          // null = stderr
};

class App {
 public:
  // Throws folio::Error{io} when `watch` is set and the content folders cannot be watched.
  explicit App(AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Binds host:port; port 0 picks a free port. Returns the port, or -1 when binding failed.
  int bind(const std::string& host, int port);
  // Serves until stop(): blocks, then returns once in-flight requests are finished. False when the
  // listening socket failed.
  bool listen_after_bind();
  // Stops accepting, lets in-flight requests finish (listen_after_bind then returns). Safe from any
  // thread, also before listen_after_bind has started.
  void stop();
  bool is_running() const;

  // Opens the index if needed; false (with the reason) when it cannot be searched.
  bool index_ready(std::string* why_not = nullptr);
  Log& log();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace folio::server
