#include "http/app.hpp"

#include <regex>

#include "api/api_handlers.hpp"
#include "http/connection/compression.hpp"
#include "http/connection/http_server.hpp"
#include "http/http_support.hpp"
#include "runtime/server_state.hpp"
#include "runtime/watch_job.hpp"

namespace folio::server {
namespace {

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
  std::string_view pattern;  // a regex over the decoded path; its group is the capture
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

// What a handler may read of the request: the parameters the screening decoded, the route's
// capture (an article id), and the two headers some handlers need.
ApiRequest handler_request(const HttpRequest& req, const QueryParams& params,
                           const std::string& path, std::string capture) {
  return ApiRequest{params, path, std::move(capture),
                    std::string(header_value(req.headers, "Authorization")),
                    std::string(header_value(req.headers, "If-None-Match"))};
}

void write_response(ApiResponse&& response, HttpResponse& res) {
  res.status = response.status;
  if (response.content_type.empty()) return;
  res.body = std::move(response.body);
  res.set_header("Content-Type", response.content_type);
}

// A GET, HEAD or OPTIONS request that came with a body.
bool has_body(const HttpRequest& req) {
  const std::string_view length = header_value(req.headers, "Content-Length");
  return !req.body.empty() || (!length.empty() && length != "0");
}

ConnectionLimits connection_limits(const ServerState& state) {
  const ServerSettings& s = state.server;
  ConnectionLimits limits;
  limits.request.max_body_bytes = s.max_body_bytes;
  limits.request_timeout = std::chrono::seconds(std::max(1, s.read_timeout_seconds));
  limits.write_timeout = std::chrono::seconds(std::max(1, s.write_timeout_seconds));
  limits.max_requests_per_connection =
      static_cast<std::size_t>(std::max(1, s.keep_alive_max_count));
  limits.max_connections = static_cast<std::size_t>(std::max(1, s.max_connections));
  limits.workers = static_cast<std::size_t>(state.connection_threads);
  limits.queue_limit = static_cast<std::size_t>(std::max(1, s.queue_limit));
  return limits;
}

}  // namespace

struct App::Impl {
  explicit Impl(AppOptions options)
      : state(options),
        watch(options.watch ? std::make_unique<WatchJob>(options.index, state.log) : nullptr),
        routes(),
        http(connection_limits(state),
             HttpHandlers{[this](const HttpRequest& req) { return serve(req); },
                          [this](const RefusedRequest& refused) { return refuse(refused); }},
             state.connection_stats) {
    for (const Route& route : kRoutes) {
      if (route.kind == RouteKind::admin && state.admin_token.empty()) continue;
      routes.emplace_back(&route, std::regex(std::string(route.pattern)));
    }
  }

  // Every complete request, on a worker thread.
  HttpResponse serve(const HttpRequest& req) {
    RequestContext context;
    context.start = std::chrono::steady_clock::now();
    HttpResponse res;
    try {
      route_request(req, res, context);
    } catch (const ApiError& e) {
      send_error(res, e);
    } catch (const std::exception& e) {
      state.log.message(LogLevel::error, std::string("unexpected exception: ") + e.what());
      send_error(res, ApiError(500, "internal", "internal error"));
    }
    finish(&req, res, context);
    return res;
  }

  // Requests the connection layer answered itself (malformed, too large, overloaded), on its
  // thread: an error in the API's shape, counted and logged like any other answer. Whether the
  // connection stays open is the layer's call: it does after a body over the limit was read whole.
  HttpResponse refuse(const RefusedRequest& refused) {
    RequestContext context;
    context.start = std::chrono::steady_clock::now();
    context.route = refused.status == 503 ? "overloaded" : "malformed";
    context.remote_addr = refused.remote_addr;
    HttpResponse res;
    send_error(res, ApiError(refused.status, std::string(error_code_for_status(refused.status)),
                             refused.message)
                        .with_retry_after(refused.retry_after_seconds));
    finish(refused.request, res, context);
    return res;
  }

  void route_request(const HttpRequest& req, HttpResponse& res, RequestContext& context) {
    const RequestTarget target = split_target(req.target);
    context.path = target.path;
    context.params = QueryParams::parse(target.query);

    if (req.method == "OPTIONS") {
      check_host(req);
      preflight(req, res, target.path, context);
      return;
    }
    if (req.method == "GET" || req.method == "HEAD") {
      if (has_body(req)) throw ApiError(400, "bad_request", "a GET request has no body");
    } else if (req.method != "POST") {
      throw wrong_method_or_path(target.path, res);
    }
    // A path no route serves is answered 404 whatever the client's rate. Health checks and
    // metrics answer whatever name a probe uses.
    const Route* serving = route_serving(target.path);
    if (serving == nullptr || serving->kind != RouteKind::ops) check_host(req);
    if (serving != nullptr && is_rate_limited(serving->kind)) take_rate_token(req);

    std::smatch groups;
    const Route* route = match(req.method == "HEAD" ? "GET" : req.method, target.path, groups);
    if (route == nullptr) throw wrong_method_or_path(target.path, res);
    run(*route,
        handler_request(req, context.params, target.path,
                        groups.size() > 1 ? groups[1].str() : std::string()),
        res, context);
  }

  // Runs one handler, turning every failure into a JSON error.
  void run(const Route& route, const ApiRequest& request, HttpResponse& res,
           RequestContext& context) {
    context.route = route.name;
    ApiResponse response;
    std::optional<ApiError> failure;
    try {
      route.handler(state, request, response);
    } catch (const ApiError& e) {
      failure = e;
    } catch (const Error& e) {
      failure = api_error_from(e);
    } catch (const std::exception& e) {
      state.log.message(LogLevel::error, std::string(route.name) + ": " + e.what());
      failure = ApiError(500, "internal", "internal error");
    }
    context.hits = response.hits;
    for (auto& [name, value] : response.headers)
      res.set_header(std::move(name), std::move(value));
    if (failure) {
      send_error(res, *failure);
    } else {
      write_response(std::move(response), res);
    }
  }

  const Route* match(std::string_view method, const std::string& path, std::smatch& groups) const {
    for (const auto& [route, regex] : routes) {
      if (route->method == method && std::regex_match(path, groups, regex)) return route;
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

  void take_rate_token(const HttpRequest& req) {
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

  ApiError wrong_method_or_path(const std::string& path, HttpResponse& res) const {
    const std::string allowed = allowed_methods(path);
    if (allowed.empty()) return not_found("no such endpoint");
    res.set_header("Allow", allowed);
    return ApiError(405, "method_not_allowed", "method not allowed; use " + allowed);
  }

  // DNS rebinding: a request meant for another name (http/host_policy.hpp).
  void check_host(const HttpRequest& req) const {
    if (!state.hosts.allows(header_value(req.headers, "Host"))) {
      throw ApiError(421, "misdirected_request",
                     "this server does not answer to that host name ([server] allowed_hosts)");
    }
  }

  void preflight(const HttpRequest& req, HttpResponse& res, const std::string& path,
                 RequestContext& context) {
    context.route = "preflight";
    const std::string allowed = allowed_methods(path);
    if (allowed.empty()) throw not_found("no such endpoint");
    const std::string origin(header_value(req.headers, "Origin"));
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
  }

  // Every response, with its final status, just before it is written: so a client that has its
  // answer always finds it counted in /metrics and logged.
  void finish(const HttpRequest* req, HttpResponse& res, const RequestContext& context) {
    add_common_headers(req, res);
    if (req != nullptr && accepts_gzip(header_value(req->headers, "Accept-Encoding"))) {
      compress_if_worthwhile(res);
    }
    record(req, res, context);
  }

  void add_common_headers(const HttpRequest* req, HttpResponse& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    if (req == nullptr) return;
    const std::string origin(header_value(req->headers, "Origin"));
    if (origin.empty() || !res.header("Access-Control-Allow-Origin").empty()) return;
    // Only configured origins: a page of the server's own origin needs no CORS header, and one
    // that only claims it (Host: evil.example) must not get one.
    if (state.cors.allows(origin)) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Access-Control-Expose-Headers", "Retry-After");
      res.set_header("Vary", "Origin");
    }
  }

  void record(const HttpRequest* req, const HttpResponse& res, const RequestContext& context) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - context.start).count();
    state.metrics.observe(context.route, res.status, seconds);
    state.log.access(AccessRecord{req != nullptr ? req->method : std::string(), context.route,
                                  context.path,
                                  req != nullptr ? req->remote_addr : context.remote_addr,
                                  res.status, seconds * 1000, context.hits});
  }

  ServerState state;
  std::unique_ptr<WatchJob> watch;  // --watch: reindexes content_dirs on changes
  std::vector<std::pair<const Route*, std::regex>> routes;  // the registered ones, compiled
  HttpServer http;  // last: its workers, which use the members above, stop first
};

App::App(AppOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

App::~App() {
  stop();
  impl_->state.reindex.reset();  // waits for a reindex in progress
  impl_->watch.reset();          // the same, for --watch
}

int App::bind(const std::string& host, int port) {
  std::string error;
  const int bound = impl_->http.bind(host, port, error);
  if (bound < 0) impl_->state.log.message(LogLevel::debug, "bind " + host + ": " + error);
  return bound;
}

bool App::listen_after_bind() {
  impl_->state.log.message(LogLevel::debug,
                           "serving with " + std::to_string(impl_->state.connection_threads) +
                               " worker threads and " + std::to_string(impl_->state.searchers) +
                               " searchers");
  return impl_->http.run();
}

void App::stop() {
  impl_->http.stop();
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
