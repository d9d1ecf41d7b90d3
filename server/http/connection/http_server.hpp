// folio-server's connection layer: accepts connections, reads requests strictly and within a
// deadline, runs each on a worker, and writes the answers back in order.
//
// One I/O thread (Boost.Asio) owns every socket: a connection that is still sending its request,
// or idles between requests, costs a buffer and a file descriptor, never a thread, so a thousand
// slow clients cannot hold the workers that serve everyone else. Each request must arrive whole
// (line, headers, body) within request_timeout of the connection being ready for it; past that
// the connection is closed. Requests sent back to back on one connection (pipelining) are served
// one after another and answered in order. A malformed request is answered and the connection
// closed.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/connection/connection_stats.hpp"
#include "http/connection/http_message.hpp"
#include "http/connection/request_reader.hpp"

namespace folio::server {

struct ConnectionLimits {
  RequestLimits request;
  std::chrono::milliseconds request_timeout{5000};  // whole request, from when one may start
  std::chrono::milliseconds write_timeout{5000};    // whole response
  std::size_t max_requests_per_connection = 100;
  std::size_t max_connections = 4096;  // past it a new connection gets 503 and is closed
  std::size_t workers = 8;
  std::size_t queue_limit = 256;  // complete requests waiting for a worker; past it, 503
};

// A request answered by the connection layer itself, before any handler: malformed, too large,
// too slow, or the server too busy. `request` is null when nothing usable was read.
struct RefusedRequest {
  int status = 400;
  std::string message;
  int retry_after_seconds = 0;
  const HttpRequest* request = nullptr;
  std::string remote_addr;
};

struct HttpHandlers {
  // On a worker thread: the answer to a complete request. Must not throw.
  std::function<HttpResponse(const HttpRequest&)> serve;
  // On the I/O thread: the answer to a refused request (quick: no searching). Must not throw.
  std::function<HttpResponse(const RefusedRequest&)> refuse;
};

class HttpServer {
 public:
  HttpServer(ConnectionLimits limits, HttpHandlers handlers, ConnectionStats& stats);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0: any free port) without SO_REUSEPORT, so a port another server holds
  // is refused. Returns the port, or -1 with `error` set.
  int bind(const std::string& host, int port, std::string& error);
  // Serves until stop(); returns once every connection is closed. False when not bound.
  bool run();
  // Stops accepting, closes idle connections, lets requests in flight finish. Any thread, any
  // time, more than once.
  void stop();
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace folio::server
