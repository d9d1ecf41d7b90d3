// Operations: metrics as Prometheus text, static assets with ETag and gzip, CORS, the rate limit,
// admin authentication, running without an index, overload, and graceful shutdown.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>

#include "api/api_handlers.hpp"
#include "http/http_support.hpp"
#include "runtime/searcher_pool.hpp"
#include "server/server_fixture.hpp"

using namespace folio::test;

namespace {

// A small Prometheus text-format parser: every sample line must be `name{labels} value`, every
// metric must be declared by # TYPE before its samples. Returns "name{labels}" -> value.
std::map<std::string, double> parse_prometheus(const std::string& text) {
  static const std::regex sample(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? ([-+]?[0-9.eE+-]+|\+Inf|NaN)$)");
  static const std::regex type_line(
      R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)");
  std::map<std::string, double> samples;
  std::vector<std::string> declared;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    INFO(line);
    std::smatch m;
    if (line.rfind("# TYPE", 0) == 0) {
      REQUIRE(std::regex_match(line, m, type_line));
      declared.push_back(m[1]);
      continue;
    }
    if (line.rfind("# HELP", 0) == 0) continue;
    REQUIRE(std::regex_match(line, m, sample));
    const std::string name = m[1];
    const bool is_declared =
        std::any_of(declared.begin(), declared.end(), [&](const std::string& d) {
          return name == d || name == d + "_bucket" || name == d + "_sum" || name == d + "_count";
        });
    CHECK(is_declared);
    samples[name + m[2].str()] = std::stod(m[5]);
  }
  return samples;
}

}  // namespace

TEST_CASE("server ops: /metrics is valid Prometheus text with requests, latency and index gauges") {
  TestServer server(test_options(sample_index_path()));
  get_json(server, "/api/search?q=go");
  get_json(server, "/api/search?q=go");  // the same hits: their articles come from the cache
  get_json(server, "/api/search?q=go&page=0");
  auto client = server.client();
  auto result = client.Get("/metrics");
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(result->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  const auto samples = parse_prometheus(result->body);
  CHECK(samples.at("folio_http_requests_total{route=\"search\",status=\"200\"}") == 2);
  CHECK(samples.at("folio_http_requests_total{route=\"search\",status=\"400\"}") == 1);
  CHECK(samples.at("folio_http_request_duration_seconds_count{route=\"search\"}") == 3);
  CHECK(samples.at("folio_http_request_duration_seconds_bucket{route=\"search\",le=\"+Inf\"}") ==
        3);
  CHECK(samples.at("folio_index_ready") == 1);
  CHECK(samples.at("folio_index_articles") >= 5);
  CHECK(samples.count("folio_index_seconds_since_reindex") == 1);
  CHECK(samples.count("process_resident_memory_bytes") == 1);
  const double misses = samples.at("folio_article_cache_misses_total");
  CHECK(misses >= 1);
  CHECK(samples.at("folio_article_cache_hits_total") >= misses);
  CHECK(samples.at("folio_article_cache_bytes") > 0);
}

TEST_CASE("server ops: static assets with ETag, Cache-Control, 304 and gzip") {
  TestServer server(test_options(sample_index_path()));
  auto client = server.client();
  for (const char* path : {"/", "/folio.js", "/folio.css", "/folio-i18n/de.json"}) {
    INFO(path);
    auto first = client.Get(path);
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(!first->body.empty());
    const std::string etag = first->get_header_value("ETag");
    CHECK(etag.size() > 2);
    CHECK(!first->get_header_value("Cache-Control").empty());
    auto again = client.Get(path, {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    auto changed = client.Get(path, {{"If-None-Match", "W/\"0000000000000000\""}});
    REQUIRE(changed);
    CHECK(changed->status == 200);
  }
  CHECK(client.Get("/")->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(client.Get("/folio.js")->get_header_value("Content-Type") == "application/javascript");
  CHECK(client.Get("/folio-i18n/zh-tw.json")->get_header_value("Content-Type") ==
        "application/json");
  CHECK(client.Get("/folio-i18n/xx.json")->status == 404);

  httplib::Client raw("127.0.0.1", server.port());
  raw.set_decompress(false);
  auto compressed = raw.Get("/api/search?q=go", {{"Accept-Encoding", "gzip"}});
  REQUIRE(compressed);
  CHECK(compressed->get_header_value("Content-Encoding") == "gzip");
  auto strings = raw.Get("/folio-i18n/ja.json", {{"Accept-Encoding", "gzip"}});
  REQUIRE(strings);
  CHECK(strings->get_header_value("Content-Encoding") == "gzip");
}

TEST_CASE("server ops: CORS for allowed origins, preflight, and refusal of others") {
  TestServer server([] {
    auto options = test_options(sample_index_path());
    options.server.cors_origins = {"https://blog.example", "http://localhost:*"};
    return options;
  }());
  auto client = server.client();
  SECTION("an allowed origin gets Access-Control-Allow-Origin") {
    auto r = client.Get("/api/search?q=go", {{"Origin", "https://blog.example"}});
    REQUIRE(r);
    CHECK(r->get_header_value("Access-Control-Allow-Origin") == "https://blog.example");
    CHECK(r->get_header_value("Vary") == "Origin");
  }
  SECTION("another origin gets no CORS header") {
    auto r = client.Get("/api/search?q=go", {{"Origin", "https://evil.example"}});
    REQUIRE(r);
    CHECK_FALSE(r->has_header("Access-Control-Allow-Origin"));
  }
  SECTION("preflight") {
    auto ok = client.Options("/api/search", {{"Origin", "http://localhost:1313"},
                                             {"Access-Control-Request-Method", "GET"}});
    REQUIRE(ok);
    CHECK(ok->status == 204);
    CHECK(ok->get_header_value("Access-Control-Allow-Origin") == "http://localhost:1313");
    CHECK(ok->get_header_value("Access-Control-Allow-Methods").find("GET") != std::string::npos);
    auto refused = client.Options("/api/search", {{"Origin", "https://evil.example"}});
    REQUIRE(refused);
    CHECK(refused->status == 403);
    auto unknown = client.Options("/api/unknown", {{"Origin", "http://localhost:1313"}});
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
  }
}

TEST_CASE("server ops: the per-IP rate limit answers 429 with Retry-After") {
  TestServer server([] {
    auto options = test_options(sample_index_path());
    options.server.rate_limit_per_second = 0.5;
    options.server.rate_limit_burst = 3;
    return options;
  }());
  auto client = server.client();
  int ok = 0;
  int limited = 0;
  std::string retry_after;
  for (int i = 0; i < 6; ++i) {
    auto r = client.Get("/api/search?q=go");
    REQUIRE(r);
    if (r->status == 200) ++ok;
    if (r->status == 429) {
      ++limited;
      retry_after = r->get_header_value("Retry-After");
      CHECK(nlohmann::json::parse(r->body)["error"]["code"] == "rate_limited");
    }
  }
  CHECK(ok >= 3);
  CHECK(limited >= 1);
  CHECK(std::stoi(retry_after) >= 1);
  // Health checks and metrics are not rate limited.
  CHECK(client.Get("/healthz")->status == 200);
}

TEST_CASE("server ops: /api/reindex needs the admin token") {
  const ContentCopy site;
  TestServer server(site.reindex_options("s3cret-token"));
  auto client = server.client();
  SECTION("no Authorization header") {
    auto r = client.Post("/api/reindex");
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(r->get_header_value("WWW-Authenticate") == "Bearer");
  }
  SECTION("a wrong token, or one of another length") {
    for (const char* token : {"s3cret-tokem", "s3cret", "s3cret-token-and-more", ""}) {
      INFO(token);
      auto r = client.Post("/api/reindex", {{"Authorization", std::string("Bearer ") + token}}, "",
                           "text/plain");
      REQUIRE(r);
      CHECK(r->status == 401);
    }
  }
  SECTION("the right token") {
    auto r =
        client.Post("/api/reindex", {{"Authorization", "Bearer s3cret-token"}}, "", "text/plain");
    REQUIRE(r);
    CHECK(r->status == 200);
    const auto report = nlohmann::json::parse(r->body);
    CHECK(report["unchanged"].get<int>() >= 5);
    CHECK(report["added"] == 0);
  }
  SECTION("GET on the reindex route is 405") {
    auto r = client.Get("/api/reindex");
    REQUIRE(r);
    CHECK(r->status == 405);
  }
}

TEST_CASE("server ops: without an index the server starts, answers 503, then serves it") {
  TempDir dir;
  const std::string db = dir.str("index");
  auto options = test_options(db);
  options.server.wait_for_index = true;
  TestServer server(options);
  CHECK(get_json(server, "/healthz").status == 200);
  const auto not_ready = get_json(server, "/readyz");
  CHECK(not_ready.status == 503);
  CHECK(not_ready.headers.count("Retry-After") == 1);
  const auto search = get_json(server, "/api/search?q=go");
  CHECK(search.status == 503);
  CHECK(search.body["error"]["code"] == "unavailable");

  build_index(FOLIO_SAMPLE_CONTENT_DIR, db);
  // The pool retries opening at most every 250 ms: poll until the index is served.
  int status = 0;
  for (int attempt = 0; attempt < 200 && status != 200; ++attempt) {
    status = get_json(server, "/readyz").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(status == 200);
  CHECK(get_json(server, "/api/search?q=go").status == 200);
}

TEST_CASE("server ops: a full queue answers 503 with Retry-After instead of growing") {
  auto options = test_options(sample_index_path());
  options.connection_threads = 1;
  options.server.queue_limit = 1;
  TestServer server(options);
  // Many complete requests at once for one worker and a queue of one: the server reads them all
  // at once and turns away those that find the queue full. If the worker kept pace this time, the
  // attempt is repeated (nothing here depends on timing for its verdict).
  const std::string request =
      "GET /api/search?q=the&per_page=100&facets=tags,year HTTP/1.1\r\nHost: x\r\n"
      "Connection: close\r\n\r\n";
  RawResponse refused;
  for (int attempt = 0; attempt < 10 && refused.status != 503; ++attempt) {
    std::vector<std::unique_ptr<RawConnection>> burst;
    for (int i = 0; i < 40; ++i) {
      burst.push_back(std::make_unique<RawConnection>(server.port()));
      burst.back()->send(request);
    }
    for (auto& connection : burst) {
      const RawResponse response = connection->read_response();
      if (response.status == 503) refused = response;
    }
  }
  CHECK(refused.status == 503);
  CHECK(refused.head.find("Retry-After: 1") != std::string::npos);
  CHECK(nlohmann::json::parse(refused.body, nullptr, false)["error"]["code"] == "unavailable");
  CHECK(get_json(server, "/healthz").status == 200);
}

TEST_CASE("server ops: stop() lets a request in flight finish") {
  TestServer server(test_options(sample_index_path()));
  // A request whose headers are still arriving when the server is told to stop.
  RawConnection in_flight(server.port());
  in_flight.send("GET /api/search?q=go HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  // Wait until the server has taken it (this probe is the other open connection).
  for (int attempt = 0; attempt < 500; ++attempt) {
    auto client = server.client();
    auto metrics = client.Get("/metrics");
    if (metrics && metrics->body.find("folio_http_connections_open 2\n") != std::string::npos)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::thread stopper([&] { server.stop(); });
  // Once nothing accepts new connections, finish the request in flight: it is still answered.
  for (int attempt = 0; attempt < 500 && !connection_refused(server.port()); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(connection_refused(server.port()));
  in_flight.send("\r\n");
  const RawResponse response = in_flight.read_response();
  stopper.join();
  CHECK(response.status == 200);
  CHECK(nlohmann::json::parse(response.body, nullptr, false).contains("hits"));
  CHECK_FALSE(server.running());
}

TEST_CASE("server searcher pool: waiters are served first come, first served; then 503") {
  using folio::server::SearcherPool;
  using folio::server::SearcherPoolOptions;
  SearcherPoolOptions options;
  options.db_path = sample_index_path();
  options.size = 1;
  SECTION("a returned searcher goes to the oldest waiter") {
    SearcherPool pool(options);
    std::mutex mutex;
    std::vector<int> order;
    std::vector<std::thread> waiters;
    {
      auto held = pool.acquire();
      for (int id = 1; id <= 3; ++id) {
        waiters.emplace_back([&, id] {
          auto lease = pool.acquire();
          std::lock_guard lock(mutex);
          order.push_back(id);
        });
        // Start the next waiter only once this one is queued.
        while (pool.waiting() < static_cast<std::size_t>(id))
          std::this_thread::yield();
      }
    }  // `held` goes back to the pool here
    for (auto& t : waiters)
      t.join();
    CHECK(order == std::vector<int>{1, 2, 3});
  }
  SECTION("a waiter gives up with 503 after wait_for_searcher") {
    options.wait_for_searcher = std::chrono::milliseconds(20);
    SearcherPool pool(options);
    auto held = pool.acquire();
    int status = 0;
    std::optional<folio::server::SearcherUnavailable::Reason> reason;
    std::thread waiter([&] {
      try {
        pool.acquire();
      } catch (const folio::server::SearcherUnavailable& e) {
        reason = e.reason();
        status = folio::server::api_error_from(e).status();
      }
    });
    waiter.join();
    CHECK(reason == folio::server::SearcherUnavailable::Reason::busy);
    CHECK(status == 503);
    CHECK(pool.waiting() == 0);
  }
}

TEST_CASE("server searcher pool: health and statistics never wait for a search slot") {
  using folio::server::SearcherPool;
  using folio::server::SearcherPoolOptions;
  SearcherPoolOptions options;
  options.db_path = sample_index_path();
  options.size = 1;
  // Were ready() or stats() to queue for the one searcher, they would give up after this long
  // and report the server unready.
  options.wait_for_searcher = std::chrono::seconds(30);
  SearcherPool pool(options);
  REQUIRE(pool.ready());
  REQUIRE(pool.stats().has_value());
  auto held = pool.acquire();  // every searcher busy
  std::string why_not;
  CHECK(pool.ready(&why_not));
  CHECK(why_not.empty());
  const auto stats = pool.stats();
  REQUIRE(stats.has_value());
  CHECK(stats->articles > 0);
  CHECK(pool.waiting() == 0);

  SearcherPoolOptions missing = options;
  missing.db_path = "/nonexistent/folio-index";
  SearcherPool broken(missing);
  CHECK_FALSE(broken.ready(&why_not));
  CHECK(why_not.find("not available") != std::string::npos);
  CHECK_FALSE(broken.stats().has_value());
}

TEST_CASE("server ops: searches for every document run at once on several searchers") {
  // Filter-only and exclusion-only searches and "related" all start from a query for every
  // document. Each must be the searcher's own: Xapian::Query::MatchAll is one shared object whose
  // reference count is not atomic, and copying it from several searchers at once corrupted the
  // count and crashed the server under load (ThreadSanitizer reports that race here).
  auto options = test_options(sample_index_path());
  options.server.threads = 4;
  TestServer server(options);
  const std::vector<std::string> targets = {"/api/search?tags=Rust", "/api/search?q=-kafka",
                                            "/api/search?year=2024&facets=tags",
                                            "/api/articles/notes/kafka-consumer-lag/related"};
  std::atomic<int> not_ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < 40; ++i) {
        const auto& target = targets[static_cast<std::size_t>(c + i) % targets.size()];
        if (raw_get(server.port(), target).status != 200) ++not_ok;
      }
    });
  }
  for (auto& client : clients)
    client.join();
  CHECK(not_ok == 0);
  CHECK(server.running());
}
