// The cache of decoded articles: bounded by bytes, least recently used out first, and never
// serving an article from before a commit or a rebuild.
#include <catch2/catch.hpp>

#include <memory>

#include "behaviour/search_fixture.hpp"
#include "folio/index_writer.hpp"
#include "search/article_cache.hpp"

using namespace folio;
using folio::test::request;

namespace {

std::shared_ptr<const detail::StoredArticle> stored(const std::string& id, std::size_t text_bytes,
                                                    bool has_text = true) {
  auto article = std::make_shared<detail::StoredArticle>();
  article->record.id = id;
  if (has_text) article->sections = {std::string(text_bytes, 'x')};
  article->has_text = has_text;
  return article;
}

Article note(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.relative_path = id + ".md";
  a.url = "/" + id + "/";
  a.title = "Field notes";
  a.body_text = text;
  a.sections = {Section{-1, text}};
  a.date = parse_date("2026-03-01");
  return a;
}

std::string first_snippet(Searcher& searcher, const std::string& query) {
  SearchResults results = searcher.search(request(query));
  REQUIRE(results.hits.size() == 1);
  return results.hits[0].snippet;
}

}  // namespace

TEST_CASE("article cache: the least recently used articles leave first, within the byte budget") {
  auto one = stored("one", 1000);
  const std::size_t entry = detail::article_footprint(*one);
  ArticleCache cache(entry * 4);  // room for four articles of this size
  auto& impl = detail::ArticleCacheAccess::of(cache);
  for (Xapian::docid id = 1; id <= 4; ++id)
    impl.insert("db:1", id, stored(std::to_string(id), 1000));
  REQUIRE(impl.find("db:1", 1) != nullptr);  // 1 is now the most recently used
  impl.insert("db:1", 5, stored("5", 1000));
  impl.insert("db:1", 6, stored("6", 1000));  // over budget: 2, then 3, leave

  CHECK(impl.find("db:1", 2) == nullptr);
  CHECK(impl.find("db:1", 1) != nullptr);
  CHECK(impl.find("db:1", 6) != nullptr);
  ArticleCacheStats stats = cache.stats();
  CHECK(stats.bytes <= stats.max_bytes);
  CHECK(stats.entries == 4);
  CHECK(stats.hits == 3);
  CHECK(stats.misses == 1);

  SECTION("another index revision is another key") {
    CHECK(impl.find("db:2", 1) == nullptr);
  }
  SECTION("an article larger than a quarter of the budget is not kept") {
    impl.insert("db:1", 9, stored("9", entry * 2));
    CHECK(impl.find("db:1", 9) == nullptr);
  }
}

TEST_CASE("article cache: a record read alone gives way to the article with its texts") {
  ArticleCache cache(1 << 20);
  auto& impl = detail::ArticleCacheAccess::of(cache);
  impl.insert("db:1", 7, stored("7", 0, false));
  REQUIRE_FALSE(impl.find("db:1", 7)->has_text);
  impl.insert("db:1", 7, stored("7", 100));
  CHECK(impl.find("db:1", 7)->has_text);
  impl.insert("db:1", 7, stored("7", 0, false));  // never downgraded
  CHECK(impl.find("db:1", 7)->has_text);
  CHECK(cache.stats().entries == 1);
}

TEST_CASE(
    "article cache: snippets show the text of the revision searched, after commits and "
    "rebuilds") {
  folio::test::TempDir dir;
  std::string db = dir.join("index");
  folio::test::write_index(db, {note("notes/heron", "The heron waits by the river.")});
  Searcher searcher(db);
  CHECK(first_snippet(searcher, "heron").find("river") != std::string::npos);
  CHECK(first_snippet(searcher, "heron").find("river") != std::string::npos);  // from the cache

  folio::test::write_index(db, {note("notes/heron", "The heron hunts in the marsh.")});
  std::string after_commit = first_snippet(searcher, "heron");
  CHECK(after_commit.find("marsh") != std::string::npos);
  CHECK(after_commit.find("river") == std::string::npos);

  // A rebuild starts a new database: the same document number holds another text.
  folio::test::write_index(db, {note("notes/heron", "The heron nests in tall trees.")},
                           WriteMode::rebuild);
  std::string after_rebuild = first_snippet(searcher, "heron");
  CHECK(after_rebuild.find("trees") != std::string::npos);
  CHECK(after_rebuild.find("marsh") == std::string::npos);
}

TEST_CASE("article cache: searchers sharing one read each article from the index once") {
  folio::test::TempDir dir;
  std::string db = dir.join("index");
  folio::test::write_index(db, {note("notes/heron", "The heron waits by the river.")});
  auto cache = std::make_shared<ArticleCache>(1 << 20);
  Searcher first({db}, SearchSettings{}, cache);
  Searcher second({db}, SearchSettings{}, cache);
  first_snippet(first, "heron");
  first_snippet(second, "heron");
  CHECK(cache->stats().misses == 1);
  CHECK(cache->stats().hits == 1);

  SECTION("no cache at all: article_cache_mb = 0") {
    SearchSettings settings;
    settings.article_cache_mb = 0;
    Searcher uncached(db, settings);
    CHECK(first_snippet(uncached, "heron").find("river") != std::string::npos);
  }
}
