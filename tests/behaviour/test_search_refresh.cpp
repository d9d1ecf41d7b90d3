// A Searcher picks up new commits and swapped generations on its own, and searches several
// indexes as one.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <filesystem>

#include "behaviour/search_fixture.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"

using namespace folio;
using folio::test::hit_id_set;
using folio::test::request;
using folio::test::SearchFixture;
using Ids = std::set<std::string>;

namespace {

Article extra_article(const std::string& id, const std::string& word) {
  Article a;
  a.id = id;
  a.relative_path = id + ".md";
  a.url = "/" + id + "/";
  a.title = "About the " + word;
  a.description = "A note on the " + word + ".";
  a.body_text = "The " + word + " is a small animal.";
  a.sections = {Section{-1, a.body_text}};
  a.tags = {"Animals"};
  a.date = parse_date("2026-03-01");
  return a;
}

}  // namespace

TEST_CASE("refresh: a new commit is picked up without reopening by hand") {
  folio::test::TempDir dir;
  std::string db = dir.join("index");
  folio::test::write_index(db, SearchFixture::shared().articles());
  Searcher searcher(db);
  CHECK(searcher.search(request("zebrafish")).total == 0);
  std::string revision = searcher.stats().revision;

  folio::test::write_index(db, {extra_article("notes/zebrafish", "zebrafish")});
  CHECK(hit_id_set(searcher.search(request("zebrafish"))) == Ids{"notes/zebrafish"});
  CHECK_FALSE(searcher.refresh());  // the search already refreshed
  CHECK(searcher.stats().revision != revision);

  folio::test::write_index(db, {extra_article("notes/axolotl", "axolotl")});
  CHECK(searcher.refresh());
  CHECK(searcher.article("notes/axolotl").has_value());
  CHECK(searcher.stats().articles == SearchFixture::shared().articles().size() + 2);
}

TEST_CASE("refresh: a full rebuild that swaps the generation is noticed") {
  folio::test::TempDir dir;
  std::string db = dir.join("index");
  folio::test::write_index(db, SearchFixture::shared().articles());
  Searcher searcher(db);
  REQUIRE(searcher.search(request("")).total == SearchFixture::shared().articles().size());
  std::string generation = current_generation_path(db);

  folio::test::write_index(db, {extra_article("notes/zebrafish", "zebrafish")}, WriteMode::rebuild);
  REQUIRE(current_generation_path(db) != generation);
  SearchResults results = searcher.search(request(""));
  CHECK(hit_id_set(results) == Ids{"notes/zebrafish"});
  CHECK(searcher.facets({"tags"}).at(0).values.size() == 1);

  // Twice more, so that the generation the searcher first opened is removed from disk.
  folio::test::write_index(db, {extra_article("notes/axolotl", "axolotl")}, WriteMode::rebuild);
  folio::test::write_index(db, {extra_article("notes/okapi", "okapi")}, WriteMode::rebuild);
  CHECK(hit_id_set(searcher.search(request("okapi"))) == Ids{"notes/okapi"});
  CHECK(searcher.search(request("")).total == 1);
}

TEST_CASE("refresh: an index path whose symlink is swapped to another index is followed") {
  // The deploy of examples/ci/reindex.sh: build beside, then point the served path at it.
  folio::test::TempDir dir;
  const std::string first = dir.join("index-1");
  const std::string second = dir.join("index-2");
  folio::test::write_index(first, SearchFixture::shared().articles());
  folio::test::write_index(second, {extra_article("notes/zebrafish", "zebrafish")});
  const std::string served = dir.join("index");
  std::filesystem::create_directory_symlink(first, served);
  Searcher searcher(served);
  CHECK(searcher.search(request("zebrafish")).total == 0);

  std::filesystem::create_directory_symlink(second, dir.join("index.next"));
  std::filesystem::rename(dir.join("index.next"), served);  // atomic, as `ln -sfn` + `mv -T`
  CHECK(hit_id_set(searcher.search(request("zebrafish"))) == Ids{"notes/zebrafish"});
  CHECK(searcher.search(request("")).total == 1);
}

TEST_CASE("refresh: several indexes are searched as one") {
  folio::test::TempDir dir;
  const auto& articles = SearchFixture::shared().articles();
  std::vector<Article> first(articles.begin(), articles.begin() + 7);
  std::vector<Article> second(articles.begin() + 7, articles.end());
  folio::test::write_index(dir.join("a"), first);
  folio::test::write_index(dir.join("b"), second);
  Searcher both({dir.join("a"), dir.join("b")}, SearchSettings{});
  Searcher single(SearchFixture::shared().db());

  for (const char* query : {"", "concurrency", "tags:go", "kubernetes", "concurency"}) {
    INFO("query: " << query);
    SearchRequest r = request(query);
    r.facets = {FacetRequest{"tags", 100}, FacetRequest{"year", 100}};
    SearchResults merged = both.search(r);
    SearchResults reference = single.search(r);
    CHECK(hit_id_set(merged) == hit_id_set(reference));
    CHECK(merged.total == reference.total);
    REQUIRE(merged.facets.size() == 2);
    for (std::size_t f = 0; f < 2; ++f) {
      CHECK(merged.facets[f].values.size() == reference.facets[f].values.size());
    }
  }
  CHECK(both.article(articles.front().id).has_value());
  CHECK(both.article(articles.back().id).has_value());
  CHECK(both.stats().articles == articles.size());
  CHECK_FALSE(both.related(articles.back().id, 3).empty());
}

TEST_CASE("refresh: an index written with another schema version is refused with a rebuild hint") {
  folio::test::TempDir dir;
  std::string db = dir.join("index");
  folio::test::write_index(db, {extra_article("notes/zebrafish", "zebrafish")});
  auto set_version = [&](const std::string& version) {
    Xapian::WritableDatabase writable(current_generation_path(db));
    writable.set_metadata("folio.schema_version", version);
    writable.commit();
  };
  set_version("1");
  try {
    Searcher searcher(db);
    FAIL("expected a schema version error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::database);
    CHECK(std::string(e.what()).find("rebuild it with `folio index --full`") != std::string::npos);
  }

  set_version(std::to_string(schema::kSchemaVersion));
  Searcher searcher(db);
  CHECK(searcher.search(request("zebrafish")).total == 1);
  // A rebuild by an older folio swapped in under a running searcher: refused too.
  folio::test::write_index(db, {extra_article("notes/okapi", "okapi")}, WriteMode::rebuild);
  set_version("1");
  CHECK_THROWS_AS(searcher.search(request("okapi")), Error);
}
