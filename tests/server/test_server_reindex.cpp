// Freshness: a reindex through the API, an external incremental commit, and a --full rebuild that
// swaps the database are all picked up while queries keep running, without a failed request.
#include <catch2/catch.hpp>

#include <atomic>

#include "runtime/reindex_job.hpp"
#include "server/server_fixture.hpp"

using namespace folio::test;

namespace {

// Runs searches on two threads until stopped; counts answers that are not 200.
class BackgroundQueries {
 public:
  explicit BackgroundQueries(const TestServer& server) {
    for (int i = 0; i < 2; ++i) {
      threads_.emplace_back([this, port = server.port()] {
        while (!stop_) {
          const RawResponse r = raw_get(port, "/api/search?q=kafka&facets=tags");
          ++done_;
          if (r.status != 200) ++failures_;
        }
      });
    }
  }
  ~BackgroundQueries() { finish(); }
  void finish() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  int failures() const { return failures_; }
  int done() const { return done_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> failures_{0};
  std::atomic<int> done_{0};
  std::vector<std::thread> threads_;
};

// Polls the search until `word` finds `expected` articles (or gives up): the server promises
// freshness within a second, and this allows far more so a busy machine does not fail the test.
long total_for(const TestServer& server, const std::string& word, long expected) {
  long total = -1;
  for (int attempt = 0; attempt < 300; ++attempt) {
    const auto r = get_json(server, "/api/search?q=" + word);
    if (r.status == 200) total = r.body["total"].get<long>();
    if (total == expected) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return total;
}

}  // namespace

TEST_CASE("server reindex: POST /api/reindex adds a new article while queries run") {
  const ContentCopy site;
  TestServer server(site.reindex_options("admin"));

  CHECK(total_for(server, "zyzzyvaquux", 0) == 0);
  write_article(site.content / "posts" / "fresh.md", "A fresh article",
                "The zyzzyvaquux is a word found only here.");

  BackgroundQueries queries(server);
  auto client = server.client();
  auto r = client.Post("/api/reindex", {{"Authorization", "Bearer admin"}}, "", "text/plain");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  const auto report = nlohmann::json::parse(r->body);
  CHECK(report["added"] == 1);
  CHECK(report["failed"] == 0);
  CHECK(total_for(server, "zyzzyvaquux", 1) == 1);
  queries.finish();
  CHECK(queries.done() > 0);
  CHECK(queries.failures() == 0);
}

TEST_CASE("server reindex: one run at a time; a request during a run is a 409") {
  const ContentCopy site;
  // Enough new files that a run lasts far longer than starting a second one.
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    write_article(site.content / "bulk" / ("a" + n + ".md"), "Bulk " + n,
                  "Filler text for a longer reindex run, article " + n + ".");
  }
  SECTION("the job refuses a second start while running") {
    folio::IndexSettings settings;
    settings.content_dirs = {site.content.string()};
    settings.db_path = site.db;
    folio::server::ReindexJob job(settings);
    auto first = job.start();
    REQUIRE(first);
    CHECK_FALSE(job.start());
    CHECK(first->get().added == 300);
    CHECK_FALSE(job.running());
    auto again = job.start();
    REQUIRE(again);
    CHECK(again->get().unchanged >= 300);
  }
  SECTION("concurrent requests: each gets 200 or 409, and one of them runs") {
    TestServer server(site.reindex_options("admin"));
    std::vector<int> statuses(3, 0);
    std::vector<std::thread> clients;
    for (int i = 0; i < 3; ++i) {
      clients.emplace_back([&statuses, i, port = server.port()] {
        const RawResponse r = raw_post(port, "/api/reindex", "Authorization: Bearer admin\r\n");
        statuses[static_cast<std::size_t>(i)] = r.status;
      });
    }
    for (auto& t : clients)
      t.join();
    for (int status : statuses)
      CHECK((status == 200 || status == 409));
    CHECK(std::count(statuses.begin(), statuses.end(), 200) >= 1);
  }
}

TEST_CASE("server reindex: commits and full rebuilds by another process are picked up") {
  const ContentCopy site;
  const std::filesystem::path& content = site.content;
  TestServer server(test_options(site.db));
  BackgroundQueries queries(server);

  SECTION("an incremental commit") {
    write_article(content / "posts" / "commit.md", "Committed", "The quokkaflux appears.");
    build_index(content.string(), site.db);
    CHECK(total_for(server, "quokkaflux", 1) == 1);
  }
  SECTION("a full rebuild that swaps the database") {
    write_article(content / "posts" / "swap.md", "Swapped", "The vexillumbra appears.");
    build_index(content.string(), site.db, /*full=*/true);
    CHECK(total_for(server, "vexillumbra", 1) == 1);
    std::filesystem::remove(content / "posts" / "swap.md");
    build_index(content.string(), site.db, /*full=*/true);
    CHECK(total_for(server, "vexillumbra", 0) == 0);
  }
  queries.finish();
  CHECK(queries.failures() == 0);
}
