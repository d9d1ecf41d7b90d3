#include "api/api_handlers.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "folio_api/answers.hpp"

#include "folio/date.hpp"

namespace folio::server {
namespace {

// A searcher from the pool; when none can be lent, the 503 the API promises.
SearcherPool::Lease borrow_searcher(ServerState& state) {
  try {
    return state.pool.acquire();
  } catch (const SearcherUnavailable& e) {
    throw api_error_from(e);
  }
}

// Runs fn with a pooled Searcher. The Searcher already reopens the index and retries once when it
// changed under a search (Searcher::Impl::guarded); a database error that still comes out means
// the handle is unusable: it is dropped, so the next borrower opens a fresh one, and the client
// gets 503.
template <typename Fn>
auto with_searcher(ServerState& state, Fn&& fn) {
  auto lease = borrow_searcher(state);
  try {
    return fn(*lease);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::database) throw;
    lease.discard();
    throw unavailable(std::string("the index is not readable right now: ") + e.what());
  }
}

// Seconds since the index last changed: the last_indexed time it records, or this server's own
// last reindex if that is more recent.
std::optional<double> seconds_since_reindex(const ServerState& state, const IndexStats& stats) {
  std::optional<double> seconds;
  if (auto when = parse_date(stats.last_indexed)) {
    const auto now = std::chrono::system_clock::now();
    const auto epoch_seconds =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    seconds = std::max<double>(0, static_cast<double>(epoch_seconds - *when));
  }
  if (state.reindex) {
    if (auto last = state.reindex->last_success()) {
      const double own =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - *last).count();
      if (!seconds || own < *seconds) seconds = own;
    }
  }
  return seconds;
}

// Parameters are checked before a searcher is borrowed, so a bad one is a 400 even while the index
// is unavailable. Only a facet field may yet be a taxonomy the index holds that the configuration
// does not name: the answer checks it again with the index's taxonomies.
template <typename Parse>
void check_before_borrowing(Parse&& parse) {
  try {
    parse();
  } catch (const ApiError& e) {
    if (e.param() != "facets" && e.param() != "fields") throw;
  }
}

void send(ApiResponse& response, api::Answer answer) {
  response.hits = answer.hits;
  response.send_json_text(200, std::move(answer.body));
}

}  // namespace

ApiError api_error_from(const SearcherUnavailable& error) {
  return unavailable(error.what());
}

bool bearer_token_matches(std::string_view header, const std::string& token) {
  constexpr std::string_view kScheme = "Bearer ";
  if (token.empty() || header.size() < kScheme.size() ||
      header.compare(0, kScheme.size(), kScheme) != 0) {
    return false;
  }
  const std::string_view given = header.substr(kScheme.size());
  // Constant time in the token's content: every byte is compared whatever differs first.
  unsigned char difference = given.size() == token.size() ? 0 : 1;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char other = i < given.size() ? given[i] : '\0';
    difference |= static_cast<unsigned char>(other ^ token[i]);
  }
  return difference == 0;
}

void handle_search(ServerState& state, const ApiRequest& request, ApiResponse& response) {
  check_before_borrowing([&] { return parse_search_request(request.params, state.rules); });
  // The body is written while the searcher is still held: the pool's first-come-first-served
  // order then covers the serialisation too, and fewer threads compete for the cores outside it
  // (about 5% more requests/s at 64 connections, a slightly lower p99: docs/benchmarks.md).
  send(response, with_searcher(state, [&](Searcher& searcher) {
         return api::answer_search(searcher, request.params, state.rules);
       }));
}

void handle_suggest(ServerState& state, const ApiRequest& request, ApiResponse& response) {
  send(response, with_searcher(state, [&](Searcher& searcher) {
         return api::answer_suggest(searcher, request.params, state.search);
       }));
}

void handle_facets(ServerState& state, const ApiRequest& request, ApiResponse& response) {
  check_before_borrowing([&] { return parse_facet_fields(request.params, "fields", state.rules); });
  send(response, with_searcher(state, [&](Searcher& searcher) {
         return api::answer_facets(searcher, request.params, state.rules);
       }));
}

void handle_article(ServerState& state, const ApiRequest& request, ApiResponse& response) {
  send(response, with_searcher(state, [&](Searcher& searcher) {
         return api::answer_article(searcher, request.path_capture);
       }));
}

void handle_related(ServerState& state, const ApiRequest& request, ApiResponse& response) {
  send(response, with_searcher(state, [&](Searcher& searcher) {
         return api::answer_related(searcher, request.path_capture, request.params);
       }));
}

void handle_stats(ServerState& state, const ApiRequest&, ApiResponse& response) {
  send(response,
       with_searcher(state, [](Searcher& searcher) { return api::answer_stats(searcher); }));
}

void handle_reindex(ServerState& state, const ApiRequest& request, ApiResponse& response) {
  if (!bearer_token_matches(request.authorization, state.admin_token)) {
    response.add_header("WWW-Authenticate", "Bearer");
    throw ApiError(401, "unauthorized", "a valid admin token is required (Authorization: Bearer)");
  }
  auto run = state.reindex->start();
  if (!run) throw ApiError(409, "conflict", "a reindex is already running");
  try {
    const IndexReport report = run->get();
    state.log.message(LogLevel::info, "reindex: " + std::to_string(report.added) + " added, " +
                                          std::to_string(report.updated) + " updated, " +
                                          std::to_string(report.deleted) + " deleted, " +
                                          std::to_string(report.failed) + " failed");
    response.send_json(200, json_mapping::to_json(report));
  } catch (const Error& e) {
    state.log.message(LogLevel::error, std::string("reindex failed: ") + e.what());
    if (e.code() == ErrorCode::locked) throw ApiError(409, "conflict", e.what());
    throw ApiError(500, "reindex_failed", e.what());
  }
}

void handle_healthz(ServerState&, const ApiRequest&, ApiResponse& response) {
  response.send_json(200, json_mapping::Json{{"status", "ok"}});
}

void handle_readyz(ServerState& state, const ApiRequest&, ApiResponse& response) {
  std::string why_not;
  if (!state.pool.ready(&why_not)) throw unavailable(why_not);
  response.send_json(200, json_mapping::Json{{"status", "ready"}});
}

void handle_metrics(ServerState& state, const ApiRequest&, ApiResponse& response) {
  MetricsSnapshot snapshot;
  // Never waits for a search slot: with every searcher busy, the figures last read.
  if (const std::optional<IndexStats> stats = state.pool.stats()) {
    snapshot.index_ready = true;
    snapshot.articles = stats->articles;
    snapshot.revision = stats->revision;
    snapshot.seconds_since_reindex = seconds_since_reindex(state, *stats);
  } else {
    snapshot.index_ready = false;  // the gauges say so; /metrics itself still answers
  }
  const ConnectionStats& connections = state.connection_stats;
  snapshot.connections_open = connections.open.load(std::memory_order_relaxed);
  snapshot.connections_waiting = connections.waiting.load(std::memory_order_relaxed);
  snapshot.connections_busy = connections.busy.load(std::memory_order_relaxed);
  snapshot.connections_rejected = connections.rejected.load(std::memory_order_relaxed);
  snapshot.connections_timed_out = connections.timed_out.load(std::memory_order_relaxed);
  snapshot.searches_waiting = state.pool.waiting();
  snapshot.reindex_runs = state.reindex ? state.reindex->runs() : 0;
  snapshot.resident_memory_bytes = resident_memory_bytes();
  snapshot.article_cache = state.pool.article_cache_stats();
  response.send(200, state.metrics.render(snapshot), "text/plain; version=0.0.4; charset=utf-8");
}

void handle_asset(ServerState& state, const ApiRequest& request, ApiResponse& response) {
  const StaticAsset* asset = state.assets.find(request.path);
  if (asset == nullptr) throw not_found("no such file");
  state.assets.serve(*asset, request.if_none_match, response);
}

}  // namespace folio::server
