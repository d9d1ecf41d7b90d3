#include "http/app.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <regex>
#include <thread>

#include <sys/socket.h>

#include "api/api_handlers.hpp"
#include "http/http_support.hpp"
#include "http/task_queue.hpp"
#include "runtime/server_state.hpp"

namespace folio::server {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

// What a route is for decides how it is guarded; is_rate_limited() is the one place that says so.
// CORS is not a matter of kind: every response to an allowed origin carries the CORS headers
// (add_common_headers), errors included, so that a page can read why its request failed.
enum class RouteKind {
  api,    // the JSON search API: rate limited per client
  admin,  // API behind the admin token, registered only when a token is configured: rate limited
  ops,    // health, readiness, metrics: never rate limited, so probes and scrapers always get in
  asset,  // the demo page and the widget: not rate limited (small, and cached by browsers)
};

constexpr bool is_rate_limited(RouteKind kind) {
  switch (kind) {
    case RouteKind::api:
    case RouteKind::admin:
      return true;
    case RouteKind::ops:
    case RouteKind::asset:
      return false;
  }
  return true;
}

struct Route {
  std::string_view method;
  std::string_view pattern;  // a regex over the decoded path (httplib 0.11.4 has no :params)
  std::string_view name;     // for the access log and the metrics
  Handler handler;
  RouteKind kind;
};

// THE ROUTE TABLE: every endpoint of folio-server. docs/http-api.md documents each one.
// Order matters: the first match wins (related before article, whose id may hold slashes).
constexpr Route kRoutes[] = {
    // method  pattern                           name        handler          kind
    {"GET", R"(/api/search)", "search", handle_search, RouteKind::api},
    {"GET", R"(/api/suggest)", "suggest", handle_suggest, RouteKind::api},
    {"GET", R"(/api/facets)", "facets", handle_facets, RouteKind::api},
    {"GET", R"(/api/articles/(.+)/related)", "related", handle_related, RouteKind::api},
    {"GET", R"(/api/articles/(.+))", "article", handle_article, RouteKind::api},
    {"GET", R"(/api/stats)", "stats", handle_stats, RouteKind::api},
    {"POST", R"(/api/reindex)", "reindex", handle_reindex, RouteKind::admin},
    {"GET", R"(/healthz)", "healthz", handle_healthz, RouteKind::ops},
    {"GET", R"(/readyz)", "readyz", handle_readyz, RouteKind::ops},
    {"GET", R"(/metrics)", "metrics", handle_metrics, RouteKind::ops},
    {"GET", R"(/|/folio\.js|/folio\.css|/folio-i18n/[a-z-]+\.json)", "asset", handle_asset,
     RouteKind::asset},
};

constexpr std::size_t kMaxHeaderBytes = 32 * 1024;
// Bodies up to this size over the limit are read and discarded by httplib (a clean 413 on a
// connection that stays usable); larger ones are refused at once and the connection is closed.
constexpr std::size_t kMaxDiscardedBodyBytes = 1024 * 1024;

std::size_t header_bytes(const Request& req) {
  std::size_t total = 0;
  for (const auto& [name, value] : req.headers)
    total += name.size() + value.size() + 4;
  return total;
}

// Content-Length as a number; nullopt when absent; throws 400 when malformed.
std::optional<std::size_t> content_length(const Request& req) {
  if (!req.has_header("Content-Length")) return std::nullopt;
  const std::string text = req.get_header_value("Content-Length");
  std::size_t length = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    throw ApiError(400, "bad_request", "bad Content-Length");
  }
  return length;
}

// True when the client sent (or may send) a body httplib has not read yet.
bool body_pending(const Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  if (!req.has_header("Content-Length")) return false;
  const std::string text = req.get_header_value("Content-Length");
  return text != "0";
}

std::string_view status_message(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "no such endpoint";
    case 405:
      return "method not allowed";
    case 413:
      return "the request body is too large";
    case 414:
      return "the request URI is too long";
    case 416:
      return "bad Range header";
    case 421:
      return "misdirected request";
    default:
      return status >= 500 ? "internal error" : "request refused";
  }
}

// httplib 0.11.4 listens with a backlog of 5, compiled into Debian's library: a burst of new
// connections overflows it, the kernel drops their SYNs and clients retry a second later. Calling
// listen() again on the bound socket raises the backlog (the socket is a protected member).
class HttpServer : public httplib::Server {
 public:
  bool widen_backlog() { return ::listen(svr_sock_.load(), SOMAXCONN) == 0; }
};

// What a handler may read of the request: the parameters the screening decoded, the route's
// capture (an article id), and the two headers some handlers need.
ApiRequest handler_request(const Request& req, const QueryParams& params) {
  return ApiRequest{params, req.path, req.matches.size() > 1 ? req.matches[1].str() : std::string(),
                    req.get_header_value("Authorization"), req.get_header_value("If-None-Match")};
}

void write_response(ApiResponse&& response, Response& res) {
  res.status = response.status;
  if (response.content_type.empty()) return;
  res.body = std::move(response.body);  // set_content would copy it
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", response.content_type);
}

}  // namespace

struct App::Impl {
  explicit Impl(AppOptions options) : state(options) {
    configure_server();
    register_routes();
    install_hooks();
  }

  void configure_server() {
    const ServerSettings& s = state.server;
    http.set_payload_max_length(s.max_body_bytes);
    http.set_read_timeout(s.read_timeout_seconds, 0);
    http.set_write_timeout(s.write_timeout_seconds, 0);
    http.set_keep_alive_max_count(static_cast<std::size_t>(std::max(1, s.keep_alive_max_count)));
    http.set_keep_alive_timeout(std::clamp(s.read_timeout_seconds, 1, 5));
    http.set_tcp_nodelay(true);
    TaskQueueOptions queue{static_cast<std::size_t>(state.connection_threads),
                           static_cast<std::size_t>(std::max(1, s.queue_limit)), 64};
    http.new_task_queue = [this, queue] { return new BoundedTaskQueue(queue, state.queue_stats); };
  }

  void register_routes() {
    for (const Route& route : kRoutes) {
      if (route.kind == RouteKind::admin && state.admin_token.empty()) continue;
      const std::string pattern(route.pattern);
      routes.emplace_back(&route, std::regex(pattern));
      auto handler = [this, &route](const Request& req, Response& res) { run(route, req, res); };
      if (route.method == "GET") {
        http.Get(pattern, handler);
      } else {
        http.Post(pattern, handler);
      }
    }
  }

  void install_hooks() {
    http.set_pre_routing_handler(
        [this](const Request& req, Response& res) { return pre_route(req, res); });
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const Request& req, Response& res) { return on_error(req, res); }));
    http.set_post_routing_handler(
        [this](const Request& req, Response& res) { post_route(req, res); });
    http.set_exception_handler([this](const Request&, Response& res, std::exception_ptr) {
      state.log.message(LogLevel::error, "unexpected exception in a handler");
      send_error(res, ApiError(500, "internal", "internal error"));
    });
  }

  // Runs one handler, turning every failure into a JSON error.
  void run(const Route& route, const Request& req, Response& res) {
    RequestContext& context = current_request();
    context.route = route.name;
    ApiResponse response;
    std::optional<ApiError> failure;
    try {
      route.handler(state, handler_request(req, context.params), response);
    } catch (const ApiError& e) {
      failure = e;
    } catch (const Error& e) {
      failure = api_error_from(e);
    } catch (const std::exception& e) {
      state.log.message(LogLevel::error, std::string(route.name) + ": " + e.what());
      failure = ApiError(500, "internal", "internal error");
    }
    context.hits = response.hits;
    for (const auto& [name, value] : response.headers)
      res.set_header(name, value);
    if (failure) {
      send_error(res, *failure);
    } else {
      write_response(std::move(response), res);
    }
  }

  const Route* match(std::string_view method, const std::string& path) const {
    for (const auto& [route, regex] : routes) {
      if (route->method == method && std::regex_match(path, regex)) return route;
    }
    return nullptr;
  }

  // The first registered route whose pattern matches the path, whatever its method.
  const Route* route_serving(const std::string& path) const {
    for (const auto& [route, regex] : routes) {
      if (std::regex_match(path, regex)) return route;
    }
    return nullptr;
  }

  void take_rate_token(const Request& req) {
    const RateDecision decision = state.limiter.take(req.remote_addr);
    if (!decision.allowed) {
      throw ApiError(429, "rate_limited", "too many requests; slow down")
          .with_retry_after(decision.retry_after_seconds);
    }
  }

  // "GET, HEAD, OPTIONS" for a path served by GET routes; empty when no route serves the path.
  std::string allowed_methods(const std::string& path) const {
    std::string allowed;
    for (const auto& [route, regex] : routes) {
      if (!std::regex_match(path, regex)) continue;
      if (allowed.find(route->method) != std::string::npos) continue;
      if (!allowed.empty()) allowed += ", ";
      allowed += route->method;
      if (route->method == "GET") allowed += ", HEAD";
    }
    if (!allowed.empty()) allowed += ", OPTIONS";
    return allowed;
  }

  ApiError wrong_method_or_path(const std::string& path, Response& res) const {
    const std::string allowed = allowed_methods(path);
    if (allowed.empty()) return not_found("no such endpoint");
    res.set_header("Allow", allowed);
    return ApiError(405, "method_not_allowed", "method not allowed; use " + allowed);
  }

  // The first look at every request, before httplib routes it or reads a body.
  HandlerResponse pre_route(const Request& req, Response& res) {
    RequestContext& context = current_request();
    context = RequestContext{};
    context.active = true;
    context.start = std::chrono::steady_clock::now();
    try {
      return screen(req, res, context);
    } catch (const ApiError& e) {
      if (body_pending(req)) {
        send_error_and_close(res, e);
      } else {
        send_error(res, e);
      }
      return HandlerResponse::Handled;
    }
  }

  HandlerResponse screen(const Request& req, Response& res, RequestContext& context) {
    if (serving_rejected_connection()) {
      context.route = "overloaded";
      send_error_and_close(res, unavailable("the server is overloaded; retry later", 1));
      return HandlerResponse::Handled;
    }
    if (header_bytes(req) > kMaxHeaderBytes) {
      throw ApiError(431, "headers_too_large", "the request headers are too large");
    }
    // Byte ranges are not served: httplib 0.11.4 builds a multipart answer of every range asked
    // for, so a thousand ranges made a 33 KB search answer 90 MB. A server may answer a Range
    // request in full (RFC 9110, 14.2); `req` is httplib's own request object, not a const one.
    const_cast<Request&>(req).ranges.clear();
    const RequestTarget target = split_target(req.target);
    context.params = QueryParams::parse(target.query);

    if (req.method == "OPTIONS") {
      check_host(req);
      return preflight(req, res, target.path, context);
    }
    if (req.method == "GET" || req.method == "HEAD") {
      if (body_pending(req)) throw ApiError(400, "bad_request", "a GET request has no body");
    } else if (req.method == "POST") {
      if (req.has_header("Transfer-Encoding")) {
        throw ApiError(411, "length_required", "send the body with a Content-Length");
      }
      const auto length = content_length(req);
      if (length && *length > state.server.max_body_bytes + kMaxDiscardedBodyBytes) {
        throw ApiError(413, "payload_too_large", "the request body is too large");
      }
    } else {
      throw wrong_method_or_path(target.path, res);
    }

    // Before httplib reads a body: a limited client costs no more than its headers. A path no
    // route serves is answered 404 whatever the client's rate. Health checks and metrics answer
    // whatever name a probe uses.
    const Route* route = route_serving(target.path);
    if (route == nullptr || route->kind != RouteKind::ops) check_host(req);
    if (route != nullptr && is_rate_limited(route->kind)) take_rate_token(req);

    // httplib would wait for a body that a POST without Content-Length does not have (HTTP says
    // it is empty): serve such requests here.
    if (req.method == "POST" && !req.has_header("Content-Length")) {
      const Route* post_handler = match("POST", target.path);
      if (post_handler == nullptr) throw wrong_method_or_path(target.path, res);
      run(*post_handler, req, res);
      return HandlerResponse::Handled;
    }
    return HandlerResponse::Unhandled;
  }

  // DNS rebinding: a request meant for another name (http/host_policy.hpp).
  void check_host(const Request& req) const {
    if (!state.hosts.allows(req.get_header_value("Host"))) {
      throw ApiError(421, "misdirected_request",
                     "this server does not answer to that host name ([server] allowed_hosts)");
    }
  }

  HandlerResponse preflight(const Request& req, Response& res, const std::string& path,
                            RequestContext& context) {
    context.route = "preflight";
    const std::string allowed = allowed_methods(path);
    if (allowed.empty()) throw not_found("no such endpoint");
    const std::string origin = req.get_header_value("Origin");
    if (!origin.empty() && !state.cors.allows(origin)) {
      throw ApiError(403, "forbidden", "this origin may not use the API");
    }
    res.status = 204;
    res.set_header("Allow", allowed);
    if (!origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Access-Control-Allow-Methods", allowed);
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
      res.set_header("Vary", "Origin");
    }
    return HandlerResponse::Handled;
  }

  // Responses of 400 and above that have no body yet: httplib's own (400, 404, 413, 414), and 404s
  // on a path served with another method (405).
  HandlerResponse on_error(const Request& req, Response& res) {
    if (!res.body.empty() || res.content_length_ > 0) return HandlerResponse::Unhandled;
    if (res.status == 404 && !req.path.empty()) {
      send_error(res, wrong_method_or_path(req.path, res));
      return HandlerResponse::Handled;
    }
    const int status = res.status;
    send_error(res, ApiError(status, std::string(error_code_for_status(status)),
                             std::string(status_message(status))));
    return HandlerResponse::Handled;
  }

  // Runs for every response, with its final status, just before it is written: so a client that
  // has its answer always finds it counted in /metrics and logged.
  void post_route(const Request& req, Response& res) {
    add_common_headers(req, res);
    record(req, res);
  }

  void add_common_headers(const Request& req, Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    const std::string origin = req.get_header_value("Origin");
    if (origin.empty() || res.has_header("Access-Control-Allow-Origin")) return;
    // Only configured origins: a page of the server's own origin needs no CORS header, and one
    // that only claims it (Host: evil.example) must not get one.
    if (state.cors.allows(origin)) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Access-Control-Expose-Headers", "Retry-After");
      res.set_header("Vary", "Origin");
    }
  }

  void record(const Request& req, const Response& res) {
    RequestContext& context = current_request();
    const bool seen = context.active;
    const double seconds =
        seen ? std::chrono::duration<double>(std::chrono::steady_clock::now() - context.start)
                   .count()
             : 0.0;
    const std::string_view route = seen ? context.route : std::string_view("malformed");
    state.metrics.observe(route, res.status, seconds);
    state.log.access(AccessRecord{req.method, route, req.path, req.remote_addr, res.status,
                                  seconds * 1000, seen ? context.hits : -1});
    context.active = false;
  }

  ServerState state;
  HttpServer http;
  std::vector<std::pair<const Route*, std::regex>> routes;  // the registered ones, compiled
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> listen_started{false};
  std::atomic<bool> listen_finished{false};
};

App::App(AppOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

App::~App() {
  stop();
  impl_->state.reindex.reset();  // waits for a reindex in progress
}

int App::bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->http.bind_to_any_port(host)
                              : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound > 0 && !impl_->http.widen_backlog()) {
    impl_->state.log.message(LogLevel::warn, "could not raise the listen backlog above 5");
  }
  return bound;
}

bool App::listen_after_bind() {
  impl_->listen_started = true;
  if (impl_->stop_requested) {
    impl_->listen_finished = true;
    return true;
  }
  impl_->state.log.message(LogLevel::debug,
                           "serving with " + std::to_string(impl_->state.connection_threads) +
                               " connection threads and " + std::to_string(impl_->state.searchers) +
                               " searchers");
  const bool ok = impl_->http.listen_after_bind();
  impl_->listen_finished = true;
  return ok;
}

void App::stop() {
  if (impl_->stop_requested.exchange(true)) return;  // httplib's stop() must run only once
  if (!impl_->listen_started) return;                // listen_after_bind will see the request
  // httplib ignores stop() until its accept loop runs: wait for it to start.
  while (!impl_->http.is_running() && !impl_->listen_finished) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!impl_->listen_finished) impl_->http.stop();
}

bool App::is_running() const {
  return impl_->http.is_running();
}

bool App::index_ready(std::string* why_not) {
  return impl_->state.pool.ready(why_not);
}

Log& App::log() {
  return impl_->state.log;
}

}  // namespace folio::server
