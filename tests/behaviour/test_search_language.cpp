// Typo tolerance, synonyms, "did you mean" and search-as-you-type on the fixture corpus.
#include <catch2/catch.hpp>

#include "behaviour/search_fixture.hpp"

using namespace folio;
using folio::test::hit_id_set;
using folio::test::hit_ids;
using folio::test::request;
using folio::test::SearchFixture;
using Ids = std::set<std::string>;

TEST_CASE("typos: a word of 5+ letters with one typo, or 9+ with two, finds its articles") {
  Searcher searcher(SearchFixture::shared().db());
  struct Case {
    const char* query;
    const char* must_find;
    const char* corrected;
  };
  const Case cases[] = {
      {"concurency", "posts/go-concurrency-patterns", "concurrency"},
      {"goroutnes", "posts/go-concurrency-patterns", "goroutines"},
      {"rolbacks", "posts/kubernetes-deployments", "rollbacks"},
      {"deadlokc", "posts/concurrency-bugs", "deadlock"},  // a transposition
      {"tokenisers", "posts/sqlite-fts", "tokenizers"},    // one substitution
      {"dedlock mutex", "posts/concurrency-bugs", "deadlock mutex"},
      {"sentinal errors", "guides/golang-error-handling", "sentinel errors"},
  };
  // Stemming already covers some misspellings: "kubernets" and "concurrancy" share their stems
  // with the right words, so they match without a correction.
  CHECK(hit_id_set(searcher.search(request("kubernets"))).count("posts/kubernetes-deployments"));
  CHECK(hit_id_set(searcher.search(request("concurrancy"))).count("posts/concurrency-bugs"));
  for (const auto& c : cases) {
    INFO("query: " << c.query);
    SearchResults results = searcher.search(request(c.query));
    CHECK(hit_id_set(results).count(c.must_find) == 1);
    CHECK(results.corrected_query == c.corrected);
    CHECK(results.auto_corrected);
  }
}

TEST_CASE("typos: short words are not corrected and correct words lose no precision") {
  Searcher searcher(SearchFixture::shared().db());
  // "pods" (4 letters) is not widened to anything else; "mocks" is in the index, so it is taken
  // as written even though "locks" is one edit away.
  CHECK(hit_id_set(searcher.search(request("mocks"))) == Ids{"notes/js-testing"});
  SearchResults results = searcher.search(request("pinning"));
  CHECK(hit_id_set(results) == Ids{"posts/rust-async"});
  CHECK(results.corrected_query.empty());
  CHECK_FALSE(results.auto_corrected);
  // Four letters with one typo: no typo tolerance, but "did you mean" and, since nothing matches,
  // the correction's results.
  results = searcher.search(request("kafak"));
  CHECK(results.corrected_query == "kafka");
}

TEST_CASE("typos: exact matches rank above corrected ones") {
  Searcher searcher(SearchFixture::shared().db());
  // "condition" is indexed; "conditon" is corrected to it. A query holding both an exact and a
  // corrected word ranks the article with the exact word first.
  SearchResults results = searcher.search(request("pump conditon"));
  REQUIRE(!results.hits.empty());
  CHECK(results.hits.front().id == "notes/condition-monitoring");
}

TEST_CASE("typos: with typo tolerance off, a query that finds nothing returns its correction") {
  SearchSettings settings;
  settings.typo_tolerance = TypoTolerance::off;
  Searcher searcher(SearchFixture::shared().db(), settings);
  SearchResults results = searcher.search(request("rolbacks"));
  CHECK(results.corrected_query == "rollbacks");
  CHECK(results.auto_corrected);
  CHECK(hit_id_set(results) == Ids{"posts/kubernetes-deployments"});
  results = searcher.search(request("xqzvbn"));
  CHECK(results.hits.empty());
  CHECK(results.corrected_query.empty());
  CHECK_FALSE(results.auto_corrected);
}

TEST_CASE("synonyms: built-in technical synonyms widen a word both ways") {
  Searcher searcher(SearchFixture::shared().db());
  // k8s-observability never says "kubernetes"; kubernetes-deployments never says "k8s".
  CHECK(hit_id_set(searcher.search(request("kubernetes"))) ==
        Ids{"posts/kubernetes-deployments", "posts/k8s-observability"});
  CHECK(hit_id_set(searcher.search(request("k8s"))) ==
        Ids{"posts/kubernetes-deployments", "posts/k8s-observability"});
  // golang-error-handling says "Golang" but is tagged "go"; go-concurrency-patterns only says "Go".
  CHECK(hit_id_set(searcher.search(request("golang"))).count("posts/go-concurrency-patterns") == 1);
  CHECK(hit_id_set(searcher.search(request("js"))) ==
        Ids{"notes/js-testing", "notes/javascript-bundlers"});
  CHECK(hit_id_set(searcher.search(request("javascript"))) ==
        Ids{"notes/js-testing", "notes/javascript-bundlers"});
}

TEST_CASE("synonyms: configured groups are added, and the defaults can be switched off") {
  SearchSettings settings;
  settings.synonyms = {{"broker", "queue"}};
  Searcher with_config(SearchFixture::shared().db(), settings);
  CHECK(hit_id_set(with_config.search(request("broker"))).count("guides/message-queues") == 1);
  CHECK(hit_id_set(with_config.search(request("queue"))).count("guides/message-queues") == 1);

  settings.synonyms.clear();
  settings.use_default_synonyms = false;
  Searcher without(SearchFixture::shared().db(), settings);
  CHECK(hit_id_set(without.search(request("k8s"))) == Ids{"posts/k8s-observability"});
}

TEST_CASE("synonyms: a configured group joins the built-in group it shares a word with") {
  // The example of docs/query-syntax.md: postgres-indexing says "PostgreSQL", never "postgres"
  // or "pg"; the built-in postgres/postgresql pair carries "pg" through to it.
  SearchSettings settings;
  settings.synonyms = {{"pg", "postgres"}};
  Searcher searcher(SearchFixture::shared().db(), settings);
  CHECK(hit_id_set(searcher.search(request("pg"))).count("posts/postgres-indexing") == 1);
  CHECK(hit_id_set(searcher.search(request("postgresql"))).count("posts/postgres-indexing") == 1);

  settings.use_default_synonyms = false;  // without the built-in pair, nothing carries it
  Searcher alone(SearchFixture::shared().db(), settings);
  CHECK(hit_id_set(alone.search(request("pg"))).count("posts/postgres-indexing") == 0);
}

TEST_CASE("search-as-you-type: the last word is also a prefix") {
  Searcher searcher(SearchFixture::shared().db());
  CHECK(hit_id_set(searcher.search(request("rabbit"))) == Ids{"guides/message-queues"});
  CHECK(hit_id_set(searcher.search(request("worker poo"))) == Ids{"posts/go-concurrency-patterns"});
  // Typed with a space after it, the word is complete.
  CHECK(hit_id_set(searcher.search(request("rabbit "))).empty());
  // An exact match ranks above words that merely start with it.
  SearchResults results = searcher.search(request("pod"));
  REQUIRE(!results.hits.empty());
}
