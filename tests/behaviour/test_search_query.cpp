// Query language: table-driven queries against the fixture corpus, with the ids they must find.
#include <catch2/catch.hpp>

#include "behaviour/search_fixture.hpp"

using namespace folio;
using folio::test::hit_id_set;
using folio::test::hit_ids;
using folio::test::request;
using folio::test::SearchFixture;
using Ids = std::set<std::string>;

namespace {

struct QueryCase {
  const char* query;
  Ids expected;  // exactly these articles match
};

void check_cases(const std::vector<QueryCase>& cases) {
  Searcher searcher(SearchFixture::shared().db());
  for (const auto& c : cases) {
    SearchResults results = searcher.search(request(c.query));
    INFO("query: " << c.query);
    CHECK(hit_id_set(results) == c.expected);
    CHECK(results.total == c.expected.size());
  }
}

}  // namespace

TEST_CASE("search: free text with stemming requires every word") {
  check_cases({
      {"pinning", {"posts/rust-async"}},
      {"pinned", {"posts/rust-async"}},
      {"worker pools", {"posts/go-concurrency-patterns"}},
      {"rollback kubectl", {"posts/kubernetes-deployments"}},
      {"TOKENIZERS", {"posts/sqlite-fts"}},
      {"deadlock mutex", {"posts/concurrency-bugs"}},
      {"race condition", {"posts/concurrency-bugs", "notes/condition-monitoring"}},
  });
}

TEST_CASE("search: phrases, NEAR and boolean operators") {
  check_cases({
      {"\"race condition\"", {"posts/concurrency-bugs"}},
      {"\"condition race\"", {}},
      {"race NEAR/5 bearing", {"notes/condition-monitoring"}},
      {"race NEAR/3 bearing", {}},
      {"bearing NEAR/5 race", {"notes/condition-monitoring"}},
      {"race ADJ/5 bearing", {"notes/condition-monitoring"}},
      {"bearing ADJ/5 race", {}},
      {"kafka OR rabbitmq", {"guides/message-queues"}},
      {"pinning OR tokenizers", {"posts/rust-async", "posts/sqlite-fts"}},
      {"(pinning OR tokenizers) ranking", {"posts/sqlite-fts"}},
      {"race condition NOT deadlock", {"notes/condition-monitoring"}},
      {"race condition -deadlock", {"notes/condition-monitoring"}},
      {"+race condition", {"posts/concurrency-bugs", "notes/condition-monitoring"}},
      {"kafka AND rabbitmq", {"guides/message-queues"}},
      {"kafka XOR nats", {}},
  });
}

TEST_CASE("search: fields restrict words to title, heading, description, code") {
  check_cases({
      {"title:deployments", {"posts/kubernetes-deployments"}},
      {"title:kubernetes", {"posts/kubernetes-deployments", "posts/k8s-observability"}},
      {"title:pipelines", {}},
      {"heading:pipelines", {"posts/go-concurrency-patterns"}},
      {"heading:\"worker pools\"", {"posts/go-concurrency-patterns"}},
      {"heading:\"pools worker\"", {}},
      {"heading:\"worker pool\"", {"posts/go-concurrency-patterns"}},  // "Worker pools"
      {"title:\"go concurrency\"", {"posts/go-concurrency-patterns"}},
      {"title:\"concurrency go\"", {}},
      {"title:(go NEAR/3 patterns)", {"posts/go-concurrency-patterns"}},
      {"description:\"fan-out with goroutines\"", {"posts/go-concurrency-patterns"}},
      {"description:brokers", {"guides/message-queues"}},
      {"body:brokers", {"guides/message-queues"}},
      {"title:(concurrency bugs)", {"posts/concurrency-bugs"}},
  });
}

TEST_CASE("search: filters are case-insensitive, OR within a field and AND across fields") {
  check_cases({
      {"tags:Go",
       {"posts/go-concurrency-patterns", "posts/go-vs-rust", "guides/golang-error-handling"}},
      {"tag:go",
       {"posts/go-concurrency-patterns", "posts/go-vs-rust", "guides/golang-error-handling"}},
      {"tags:\"Backend Language\"", {"posts/go-vs-rust"}},
      {"tags:\"backend   language\"", {"posts/go-vs-rust"}},
      {"tags:go tags:kafka",
       {"posts/go-concurrency-patterns", "posts/go-vs-rust", "guides/golang-error-handling",
        "guides/message-queues"}},
      {"tags:go category:comparisons", {"posts/go-vs-rust"}},
      {"tags:go -tags:rust", {"posts/go-concurrency-patterns", "guides/golang-error-handling"}},
      {"category:Operations author:\"sam rivera\"",
       {"posts/kubernetes-deployments", "posts/k8s-observability"}},
      {"section:guides",
       {"guides/message-queues", "guides/golang-error-handling", "guides/observability-tracing"}},
      {"year:2023",
       {"posts/sqlite-fts", "guides/golang-error-handling", "notes/condition-monitoring"}},
      {"month:2024-05", {"posts/kubernetes-deployments"}},
      {"topics:systems", {"posts/rust-async", "posts/go-vs-rust", "posts/concurrency-bugs"}},
      {"tags:(rust OR kafka)", {"posts/rust-async", "posts/go-vs-rust", "guides/message-queues"}},
      {"concurrency tags:rust", {"posts/rust-async", "posts/go-vs-rust"}},
      {"series:\"Backend Basics\"", {"posts/go-concurrency-patterns", "posts/postgres-indexing"}},
      {"tags:nosuchtag", {}},
  });
}

TEST_CASE("search: date and lastmod ranges") {
  check_cases({
      {"date:2026-01-01..2026-02-28", {"posts/go-vs-rust", "posts/concurrency-bugs"}},
      {"date:2026..", {"posts/go-vs-rust", "posts/concurrency-bugs"}},
      {"date:..2023-06-30", {"guides/golang-error-handling", "notes/condition-monitoring"}},
      {"date:..2023",
       {"posts/sqlite-fts", "guides/golang-error-handling", "notes/condition-monitoring"}},
      {"date:2024-05", {"posts/kubernetes-deployments"}},
      {"date:2024-05-10", {"posts/kubernetes-deployments"}},
      {"lastmod:2026-02", {"posts/go-vs-rust", "posts/concurrency-bugs"}},
      {"concurrency date:2025", {"posts/go-concurrency-patterns", "posts/rust-async"}},
  });
}

TEST_CASE("search: wildcards expand to indexed words") {
  check_cases({
      {"tokeni*", {"posts/sqlite-fts"}},
      {"deadl*", {"posts/concurrency-bugs"}},
      {"kube*", {"posts/kubernetes-deployments"}},
      {"zzzq*", {}},
  });
}

TEST_CASE("search: a query of filters alone lists articles newest first") {
  Searcher searcher(SearchFixture::shared().db());
  SearchResults results = searcher.search(request("tags:go"));
  CHECK(hit_ids(results) == std::vector<std::string>{"posts/go-vs-rust",
                                                     "posts/go-concurrency-patterns",
                                                     "guides/golang-error-handling"});
  SearchResults everything = searcher.search(request(""));
  REQUIRE(everything.total == SearchFixture::shared().articles().size());
  CHECK(everything.hits.front().id == "posts/concurrency-bugs");
  CHECK(everything.hits.back().id == "guides/golang-error-handling");
}

TEST_CASE("search: a query of excluded words alone lists the other articles newest first") {
  Searcher searcher(SearchFixture::shared().db());
  const std::vector<std::string> newest = hit_ids(searcher.search(request("")));
  struct Case {
    const char* query;
    const char* excluded;  // the articles it leaves out
  };
  for (Case c : {Case{"-concurrency", "concurrency"}, Case{"NOT concurrency", "concurrency"},
                 Case{"-concurrency -kafka", "concurrency OR kafka"}}) {
    INFO(c.query);
    std::set<std::string> excluded = hit_id_set(searcher.search(request(c.excluded)));
    REQUIRE_FALSE(excluded.empty());
    std::vector<std::string> expected;
    for (const auto& id : newest) {
      if (excluded.count(id) == 0 && expected.size() < 3) expected.push_back(id);
    }
    CHECK(hit_ids(searcher.search(request(c.query, 3))) == expected);
  }
}

TEST_CASE("search: sort orders") {
  Searcher searcher(SearchFixture::shared().db());
  SearchRequest r = request("concurrency");
  r.sort = SortOrder::newest;
  CHECK(hit_ids(searcher.search(r)) ==
        std::vector<std::string>{"posts/concurrency-bugs", "posts/go-vs-rust", "posts/rust-async",
                                 "posts/go-concurrency-patterns"});
  r.sort = SortOrder::oldest;
  CHECK(hit_ids(searcher.search(r)) ==
        std::vector<std::string>{"posts/go-concurrency-patterns", "posts/rust-async",
                                 "posts/go-vs-rust", "posts/concurrency-bugs"});
  r.sort = SortOrder::recent;
  CHECK(hit_id_set(searcher.search(r)).size() == 4);
}

TEST_CASE("search: title matches rank first, then headings, then body") {
  Searcher searcher(SearchFixture::shared().db());
  SearchResults results = searcher.search(request("kubernetes"));
  REQUIRE(!results.hits.empty());
  CHECK(results.hits.front().id == "posts/kubernetes-deployments");
  results = searcher.search(request("concurrency"));
  REQUIRE(results.hits.size() >= 2);
  std::set<std::string> top2{results.hits[0].id, results.hits[1].id};
  CHECK(top2 == std::set<std::string>{"posts/go-concurrency-patterns", "posts/concurrency-bugs"});
}

TEST_CASE("search: when not every word matches, the best partial matches are ranked") {
  Searcher searcher(SearchFixture::shared().db());
  SearchResults results = searcher.search(request("kafka deadlock unicorn"));
  CHECK(hit_id_set(results) == Ids{"guides/message-queues", "posts/concurrency-bugs"});
  results = searcher.search(request("mutex deadlock unicorn"));
  REQUIRE(!results.hits.empty());
  CHECK(results.hits.front().id == "posts/concurrency-bugs");
  // +word stays required in the fallback.
  results = searcher.search(request("+kafka deadlock"));
  CHECK(hit_id_set(results) == Ids{"guides/message-queues"});
}

TEST_CASE("search: paging") {
  Searcher searcher(SearchFixture::shared().db());
  SearchRequest r = request("", 5);
  SearchResults page1 = searcher.search(r);
  r.page = 2;
  SearchResults page2 = searcher.search(r);
  CHECK(page1.hits.size() == 5);
  CHECK(page2.hits.size() == 5);
  CHECK(page1.total == page2.total);
  for (const auto& hit : page2.hits)
    CHECK(hit_id_set(page1).count(hit.id) == 0);
  r.page = 4;
  CHECK(searcher.search(r).hits.size() == SearchFixture::shared().articles().size() - 15);
}

TEST_CASE("search: structured filters and date ranges in the request") {
  Searcher searcher(SearchFixture::shared().db());
  SearchRequest r = request("");
  r.filters = {FieldFilter{"tag", {"Go", "Kafka"}, FilterMode::any}};
  CHECK(searcher.search(r).total == 4);
  r.filters = {FieldFilter{"tags", {"Go", "Rust"}, FilterMode::all}};
  CHECK(hit_id_set(searcher.search(r)) == Ids{"posts/go-vs-rust"});
  r.filters = {FieldFilter{"categories", {"Guides"}, FilterMode::any},
               FieldFilter{"tags", {"Go"}, FilterMode::none}};
  CHECK(hit_id_set(searcher.search(r)) == Ids{"posts/rust-async", "posts/concurrency-bugs"});
  r.filters = {};
  r.date_ranges = {DateRange{"date", *parse_date("2025-01-01"), *parse_date("2025-02-11")}};
  CHECK(hit_id_set(searcher.search(r)) ==
        Ids{"notes/python-packaging", "guides/observability-tracing"});
}

TEST_CASE("search: a compound word missing as a phrase still matches through its words") {
  Searcher searcher(SearchFixture::shared().db());
  SECTION("with other words, the best partial matches use the compound's words") {
    // No article holds "sanitizer reported" or "deadlock prone" as phrases.
    SearchResults results = searcher.search(request("sanitizer-reported deadlock-prone"));
    REQUIRE(!results.hits.empty());
    CHECK(results.hits.front().id == "posts/concurrency-bugs");
  }
  SECTION("alone, a compound word stays a phrase") {
    CHECK(searcher.search(request("sanitizer-reported")).total == 0);
    CHECK(hit_id_set(searcher.search(request("thread-sanitizer"))) ==
          Ids{"posts/concurrency-bugs"});
  }
}
