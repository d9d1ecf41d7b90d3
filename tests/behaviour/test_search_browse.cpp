// suggest (search-as-you-type completions), related ("more like this") and article lookups.
#include <catch2/catch.hpp>

#include "behaviour/search_fixture.hpp"
#include "folio/error.hpp"

using namespace folio;
using folio::test::SearchFixture;

namespace {

std::vector<std::string> texts(const std::vector<Suggestion>& suggestions, Suggestion::Kind kind) {
  std::vector<std::string> out;
  for (const auto& s : suggestions) {
    if (s.kind == kind) out.push_back(s.text);
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("suggest: completes the word being typed from the index's vocabulary") {
  Searcher searcher(SearchFixture::shared().db());
  auto terms = texts(searcher.suggest("kub"), Suggestion::Kind::term);
  CHECK(contains(terms, "kubernetes"));
  CHECK(contains(terms, "kubectl"));
  // Earlier words are kept and a completion must occur with them.
  terms = texts(searcher.suggest("go conc"), Suggestion::Kind::term);
  CHECK(contains(terms, "go concurrency"));
  terms = texts(searcher.suggest("kafka dead"), Suggestion::Kind::term);
  CHECK(terms.empty());
  // Case and spacing of the input.
  CHECK(contains(texts(searcher.suggest("  KUB"), Suggestion::Kind::term), "kubernetes"));
}

TEST_CASE("suggest: titles whose words start as typed, with their url") {
  Searcher searcher(SearchFixture::shared().db());
  std::vector<Suggestion> suggestions = searcher.suggest("go conc");
  auto title = std::find_if(suggestions.begin(), suggestions.end(),
                            [](const Suggestion& s) { return s.kind == Suggestion::Kind::title; });
  REQUIRE(title != suggestions.end());
  CHECK(title->text == "Go Concurrency Patterns");
  CHECK(title->url == SearchFixture::shared().article("posts/go-concurrency-patterns").url);
  // A finished word (trailing space) suggests titles holding it.
  CHECK(texts(searcher.suggest("pinning "), Suggestion::Kind::title).empty());
  CHECK(contains(texts(searcher.suggest("rust "), Suggestion::Kind::title),
                 "Async Rust in Practice"));
}

TEST_CASE("suggest: limits and empty input") {
  Searcher searcher(SearchFixture::shared().db());
  CHECK(searcher.suggest("").empty());
  CHECK(searcher.suggest("   ").empty());
  CHECK(searcher.suggest("kub", 0).empty());
  CHECK(searcher.suggest("s", 3).size() <= 3);
  CHECK(searcher.suggest("zzzzqqq").empty());
}

TEST_CASE("related: articles sharing distinctive terms and tags, never the article itself") {
  Searcher searcher(SearchFixture::shared().db());
  std::vector<Hit> related = searcher.related("posts/kubernetes-deployments", 3);
  REQUIRE(!related.empty());
  CHECK(related.size() <= 3);
  CHECK(related.front().id == "posts/k8s-observability");
  for (const auto& hit : related)
    CHECK(hit.id != "posts/kubernetes-deployments");

  related = searcher.related("notes/js-testing", 5);
  REQUIRE(!related.empty());
  CHECK(related.front().id == "notes/javascript-bundlers");  // shares the Tooling tag

  related = searcher.related("posts/go-concurrency-patterns", 3);
  REQUIRE(!related.empty());
  std::set<std::string> ids;
  for (const auto& hit : related)
    ids.insert(hit.id);
  CHECK(ids.count("posts/go-vs-rust") == 1);
  CHECK(related.front().title_plain == SearchFixture::shared().article(related.front().id).title);

  CHECK_THROWS_AS(searcher.related("posts/no-such-article"), Error);
  try {
    searcher.related("posts/no-such-article");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
  }
}

TEST_CASE("article: the stored record by id") {
  Searcher searcher(SearchFixture::shared().db());
  const Article& a = SearchFixture::shared().article("posts/go-vs-rust");
  std::optional<ArticleRecord> record = searcher.article(a.id);
  REQUIRE(record.has_value());
  CHECK(record->title == a.title);
  CHECK(record->url == a.url);
  CHECK(record->tags == a.tags);
  CHECK(record->keywords == a.keywords);
  CHECK(record->headings.size() == a.headings.size());
  CHECK(record->date == a.date);
  CHECK_FALSE(searcher.article("posts/nothing").has_value());
  CHECK_FALSE(searcher.article("").has_value());
}
