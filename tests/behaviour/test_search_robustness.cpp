// Broken syntax never fails; hostile strings are safe; requests that cannot be served are errors
// that name the offending parameter or position.
#include <catch2/catch.hpp>

#include "base/text.hpp"
#include "behaviour/search_fixture.hpp"
#include "folio/error.hpp"

using namespace folio;
using folio::test::hit_id_set;
using folio::test::hit_ids;
using folio::test::request;
using folio::test::SearchFixture;
using Ids = std::set<std::string>;

namespace {

SearchSettings roomy_settings() {
  SearchSettings settings;
  settings.max_query_length = 1 << 20;
  return settings;
}

// Valid UTF-8 without control characters.
bool is_clean_utf8(const std::string& s) {
  return folio::detail::sanitise_text(s) == s;
}

void check_clean(const SearchResults& results) {
  CHECK(is_clean_utf8(results.query));
  CHECK(is_clean_utf8(results.corrected_query));
  for (const auto& hit : results.hits) {
    CHECK(is_clean_utf8(hit.title));
    CHECK(is_clean_utf8(hit.snippet));
  }
}

}  // namespace

TEST_CASE("robustness: broken syntax falls back to a plain reading") {
  Searcher searcher(SearchFixture::shared().db());
  struct Case {
    const char* query;
    Ids expected;
  };
  const Case cases[] = {
      {"\"race condition", {"posts/concurrency-bugs"}},  // unclosed quote: the rest is the phrase
      {"(pinning OR tokenizers", {"posts/rust-async", "posts/sqlite-fts"}},
      {"pinning)", {"posts/rust-async"}},
      {"pinning ))((", {"posts/rust-async"}},
      {"OR pinning", {"posts/rust-async"}},
      {"pinning AND", {"posts/rust-async"}},
      {"pinning NOT", {"posts/rust-async"}},
      {"NEAR pinning", {"posts/rust-async"}},
      {"title: pinning", {"posts/rust-async"}},
      {"tags:", {}},
      {"- + pinning", {"posts/rust-async"}},
      {"pinning ***", {"posts/rust-async"}},
      {"date:yesterday pinning", {"posts/rust-async"}},
      {"nosuchfield:pinning", {"posts/rust-async"}},
  };
  for (const auto& c : cases) {
    INFO("query: " << c.query);
    SearchResults results;
    REQUIRE_NOTHROW(results = searcher.search(request(c.query)));
    if (!c.expected.empty()) CHECK(hit_id_set(results) == c.expected);
  }
}

TEST_CASE("robustness: hostile strings are answered safely") {
  Searcher searcher(SearchFixture::shared().db(), roomy_settings());
  std::vector<std::string> hostile = {
      std::string(10000, '('),
      std::string(10000, '(') + "pinning" + std::string(10000, ')'),
      std::string(10000, ')'),
      std::string(5000, '"'),
      std::string("pin\0ning", 8),
      std::string("\0\0\0", 3),
      "\xff\xfe\xfd pinning \xc3",
      "\xed\xa0\x80 surrogate",
      std::string(100000, 'a'),
      [] {
        std::string s;
        for (int i = 0; i < 2000; ++i)
          s += "word" + std::to_string(i) + " ";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 1000; ++i)
          s += "a OR NOT b AND \"c NEAR d\" -(e:f) ";
        return s;
      }(),
      "title:title:title:(((pinning",
      "*",
      "**** ???? ////",
      "<script>alert(1)</script>",
  };
  for (const auto& query : hostile) {
    INFO("query starting: " << query.substr(0, 40));
    SearchRequest r = request(query);
    r.facets = {FacetRequest{"tags", 5}};
    SearchResults results;
    REQUIRE_NOTHROW(results = searcher.search(r));
    check_clean(results);
    REQUIRE_NOTHROW(searcher.suggest(query));
  }
  SearchResults nested = searcher.search(request(std::string(10000, '(') + "pinning"));
  CHECK(hit_id_set(nested) == Ids{"posts/rust-async"});
  CHECK(searcher.search(request("<script>alert(1)</script>")).query == "<script>alert(1)</script>");
  CHECK(searcher.search(request(std::string("a\0b", 3))).query == "a b");
  CHECK(searcher.search(request("\xff")).query == "\xEF\xBF\xBD");
}

TEST_CASE("robustness: a query of many wildcards expands no more than four") {
  Searcher searcher(SearchFixture::shared().db());
  std::string many;
  for (int i = 0; i < 170; ++i)
    many += "a* ";
  SearchRequest r = request(many);
  r.page_size = 10;
  SearchResults results = searcher.search(r);
  // Four wildcards expand; the rest match the word "a" as typed, which most articles hold.
  SearchResults one = searcher.search(request("a*"));
  CHECK(hit_ids(results).size() == std::min<std::size_t>(10, hit_ids(one).size()));
}

TEST_CASE("errors: a request that cannot be served names its parameter") {
  SearchSettings settings;
  Searcher searcher(SearchFixture::shared().db(), settings);
  struct Case {
    const char* name;
    SearchRequest request;
    const char* param;
  };
  auto with = [](auto change) {
    SearchRequest r;
    change(r);
    return r;
  };
  const Case cases[] = {
      {"page 0", with([](SearchRequest& r) { r.page = 0; }), "page"},
      {"page past the limit", with([&](SearchRequest& r) { r.page = settings.max_page + 1; }),
       "page"},
      {"page_size 0", with([](SearchRequest& r) { r.page_size = 0; }), "page_size"},
      {"page_size over 100", with([](SearchRequest& r) { r.page_size = 101; }), "page_size"},
      {"a long query", with([](SearchRequest& r) { r.query = std::string(513, 'a'); }), "query"},
      {"negative snippet", with([](SearchRequest& r) { r.snippet_length = -1; }), "snippet_length"},
      {"a text field as filter", with([](SearchRequest& r) {
         r.filters = {FieldFilter{"title", {"x"}, FilterMode::any}};
       }),
       "filters"},
      {"a text field as facet", with([](SearchRequest& r) {
         r.facets = {FacetRequest{"title", 5}};
       }),
       "facets"},
      {"a bad date range field", with([](SearchRequest& r) {
         r.date_ranges = {DateRange{"weight", 0, 1}};
       }),
       "date_ranges"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    try {
      searcher.search(c.request);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_query);
      CHECK(e.param() == c.param);
      CHECK_FALSE(e.reason().empty());
    }
  }
  SearchRequest ok;
  ok.page = settings.max_page;
  ok.page_size = settings.max_page_size;
  CHECK_NOTHROW(searcher.search(ok));
  // The query limit counts characters, as the HTTP API's q does: 512 CJK characters are 1,536
  // bytes, and were refused as "longer than 512" when the limit counted bytes.
  SearchRequest cjk;
  for (std::size_t i = 0; i < settings.max_query_length; ++i)
    cjk.query += "\xE6\x9D\xB1";  // 東
  CHECK_NOTHROW(searcher.search(cjk));
}

TEST_CASE("errors: strict mode rejects unknown fields with their position") {
  Searcher searcher(SearchFixture::shared().db());
  SearchRequest r = request("pinning nosuchfield:x");
  r.strict = true;
  try {
    searcher.search(r);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_query);
    CHECK(e.param() == "query");
    CHECK(e.where().column == 9);
    CHECK(e.reason().find("nosuchfield") != std::string::npos);
  }
  r.query = "date:yesterday";
  CHECK_THROWS_AS(searcher.search(r), Error);
  r.query = "year:abc";
  CHECK_THROWS_AS(searcher.search(r), Error);
  r.query = "pinning";
  r.filters = {FieldFilter{"nosuchfield", {"x"}, FilterMode::any}};
  CHECK_THROWS_AS(searcher.search(r), Error);
  // Not strict: the unknown filter field is a taxonomy nobody uses, so it matches nothing.
  r.strict = false;
  CHECK(searcher.search(r).hits.empty());
  r.query = "tags:go topics:systems";
  r.filters.clear();
  r.strict = true;
  CHECK(hit_id_set(searcher.search(r)) == Ids{"posts/go-vs-rust"});
}

TEST_CASE("errors: opening a folder without an index is not_found") {
  folio::test::TempDir empty;
  try {
    Searcher searcher(empty.join("nothing-here"));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
  }
  try {
    Searcher searcher(empty.path());
    FAIL("no error");
  } catch (const Error& e) {
    CHECK((e.code() == ErrorCode::not_found || e.code() == ErrorCode::database));
  }
}
