// Facets: counts over the whole match set, checked against counts computed by brute force from
// the fixture's parsed articles; disjunctive counts for selected fields; limits; facets().
#include <catch2/catch.hpp>

#include <map>

#include <xapian.h>

#include "behaviour/search_fixture.hpp"
#include "folio/date.hpp"
#include "folio/schema.hpp"
#include "search/facets/facet_column.hpp"
#include "search/facets/facet_spy.hpp"
#include "search/index_stats.hpp"
#include "store/facet_codec.hpp"

using namespace folio;
using folio::test::hit_id_set;
using folio::test::request;
using folio::test::SearchFixture;

namespace {

using Counts = std::map<std::string, std::size_t>;  // normalised value -> articles

std::vector<std::string> field_values(const Article& a, const std::string& field) {
  if (field == "tags") return a.tags;
  if (field == "categories") return a.categories;
  if (field == "keywords") return a.keywords;
  if (field == "authors") return a.authors;
  if (field == "series") return a.series;
  if (field == "section") return {detail::section_of(a.relative_path)};
  if (field == "lang") return {a.language};
  if (field == "year")
    return a.date ? std::vector<std::string>{std::to_string(year_of(*a.date))}
                  : std::vector<std::string>{};
  auto it = a.taxonomies.find(field);
  return it == a.taxonomies.end() ? std::vector<std::string>{} : it->second;
}

Counts brute_force(const std::set<std::string>& ids, const std::string& field) {
  Counts counts;
  for (const auto& a : SearchFixture::shared().articles()) {
    if (ids.count(a.id) == 0) continue;
    std::set<std::string> keys;
    for (const auto& v : field_values(a, field)) {
      if (!v.empty()) keys.insert(schema::normalise_term_value(v));
    }
    for (const auto& k : keys)
      ++counts[k];
  }
  return counts;
}

Counts counts_of(const FacetResult& facet) {
  Counts counts;
  for (const auto& v : facet.values)
    counts[v.key] = v.count;
  return counts;
}

std::vector<detail::FieldSpec> facet_fields(const Xapian::Database& db,
                                            std::initializer_list<const char*> names) {
  detail::FieldCatalog catalog(detail::index_taxonomies(db));
  std::vector<detail::FieldSpec> fields;
  for (const char* name : names)
    fields.push_back(*catalog.find(name));
  return fields;
}

// Runs the query of one term (none: every document) over the whole index, both spies watching.
void spy_on_matches(const Xapian::Database& db, const char* term, detail::FacetSpy& first,
                    detail::FacetSpy& second) {
  Xapian::Enquire enquire(db);
  enquire.set_query(*term ? Xapian::Query(term) : Xapian::Query::MatchAll);
  enquire.add_matchspy(&first);
  enquire.add_matchspy(&second);
  enquire.get_mset(0, 0, db.get_doccount());
}

// Two countings of one field list the same values, spelt alike, in the same order.
void check_same_values(const FacetResult& a, const FacetResult& b) {
  REQUIRE(a.values.size() == b.values.size());
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    CHECK(a.values[i].value == b.values[i].value);  // the same spelling shown
    CHECK(a.values[i].key == b.values[i].key);
    CHECK(a.values[i].count == b.values[i].count);
    CHECK(a.values[i].selected == b.values[i].selected);
  }
}

const FacetResult& facet_named(const SearchResults& results, const std::string& field) {
  for (const auto& f : results.facets) {
    if (f.field == field) return f;
  }
  FAIL("no facet " << field);
  throw std::logic_error("unreachable");
}

std::set<std::string> all_ids() {
  std::set<std::string> ids;
  for (const auto& a : SearchFixture::shared().articles())
    ids.insert(a.id);
  return ids;
}

const std::vector<std::string> kFields = {"tags",   "categories", "keywords", "authors",
                                          "series", "section",    "year",     "topics"};

}  // namespace

// The counts come from the ranked pass when it visits every match (every word required, a small
// match set), else from a pass of their own (one word, OR, filters only): both are checked here,
// with the partial matches that follow or replace the articles holding every word.
TEST_CASE("facets: counts cover the whole match set, not just the page") {
  Searcher searcher(SearchFixture::shared().db());
  for (const char* query : {"", "concurrency", "tags:go", "observability OR kafka", "date:2025..",
                            "goroutines channels", "concurrency zebrafrobnicator",
                            "how do goroutines share memory with channels"}) {
    INFO("query: " << query);
    SearchRequest r = request(query, 50);
    SearchResults everything = searcher.search(r);
    std::set<std::string> matched = hit_id_set(everything);
    REQUIRE(matched.size() == everything.total);

    r.page_size = 1;  // the page is one hit, the counts are for all of them
    for (const auto& field : kFields)
      r.facets.push_back(FacetRequest{field, 100});
    SearchResults results = searcher.search(r);
    CHECK(results.total_exact);
    CHECK(results.facets.size() == kFields.size());
    for (const auto& field : kFields) {
      INFO("field: " << field);
      if (field == "tags" && std::string(query) == "tags:go") continue;  // disjunctive, below
      CHECK(counts_of(facet_named(results, field)) == brute_force(matched, field));
    }
  }
}

TEST_CASE("facets: values are sorted by count, shown in their most common spelling") {
  Searcher searcher(SearchFixture::shared().db());
  SearchRequest r = request("");
  r.facets = {FacetRequest{"tags", 100}};
  SearchResults results = searcher.search(r);
  const FacetResult& tags = results.facets.at(0);
  REQUIRE(tags.values.size() >= 2);
  for (std::size_t i = 1; i < tags.values.size(); ++i) {
    CHECK(tags.values[i - 1].count >= tags.values[i].count);
  }
  // Tagged "Go" twice and "go" once: one value, counted three times, spelled "Go".
  auto go = std::find_if(tags.values.begin(), tags.values.end(),
                         [](const FacetValue& v) { return v.key == "go"; });
  REQUIRE(go != tags.values.end());
  CHECK(go->value == "Go");
  CHECK(go->count == 3);
  auto backend = std::find_if(tags.values.begin(), tags.values.end(),
                              [](const FacetValue& v) { return v.key == "backend language"; });
  REQUIRE(backend != tags.values.end());
  CHECK(backend->value == "Backend Language");
}

TEST_CASE("facets: top N per field plus a count of the rest; selected values always shown") {
  Searcher searcher(SearchFixture::shared().db());
  std::size_t distinct_tags = brute_force(all_ids(), "tags").size();
  SearchRequest r = request("");
  r.facets = {FacetRequest{"tags", 3}};
  FacetResult tags = searcher.search(r).facets.at(0);
  CHECK(tags.values.size() == 3);
  CHECK(tags.other_values == distinct_tags - 3);

  r.filters = {FieldFilter{"tags", {"hardware"}, FilterMode::any}};
  tags = searcher.search(r).facets.at(0);
  REQUIRE(tags.values.size() == 4);
  CHECK(tags.values.back().key == "hardware");
  CHECK(tags.values.back().selected);
  CHECK(tags.other_values == distinct_tags - 4);
}

TEST_CASE("facets: the default facets are tags, categories and year, ten values each") {
  const std::vector<FacetRequest> defaults = default_facets();
  REQUIRE(defaults.size() == 3);
  const char* fields[] = {"tags", "categories", "year"};
  for (std::size_t i = 0; i < defaults.size(); ++i) {
    CHECK(defaults[i].field == fields[i]);
    CHECK(defaults[i].limit == kDefaultFacetLimit);
  }
  CHECK(kDefaultFacetLimit == 10);  // docs/http-api.md: facet_limit defaults to 10
  CHECK(default_facets(4).at(1).limit == 4);
  CHECK(FacetRequest{}.limit == kDefaultFacetLimit);
}

TEST_CASE("facets: a selected field is counted disjunctively, the others reflect the selection") {
  Searcher searcher(SearchFixture::shared().db());
  auto check = [&](SearchRequest r, const std::set<std::string>& without_tags_filter,
                   const std::set<std::string>& selected = {"go"}) {
    r.facets = {FacetRequest{"tags", 100}, FacetRequest{"categories", 100},
                FacetRequest{"year", 100}};
    SearchResults results = searcher.search(r);
    std::set<std::string> matched = hit_id_set(results);
    // tags: what each tag would add, counted over the matches without the tags filter.
    CHECK(counts_of(facet_named(results, "tags")) == brute_force(without_tags_filter, "tags"));
    CHECK(counts_of(facet_named(results, "categories")) == brute_force(matched, "categories"));
    CHECK(counts_of(facet_named(results, "year")) == brute_force(matched, "year"));
    for (const auto& v : facet_named(results, "tags").values) {
      CHECK(v.selected == (selected.count(v.key) == 1));
    }
  };
  SECTION("from the query language") {
    check(request("tags:go"), all_ids());
    check(request("tags:go tags:rust"), all_ids(), {"go", "rust"});
    Searcher s(SearchFixture::shared().db());
    check(request("concurrency tags:go"), hit_id_set(s.search(request("concurrency"))));
  }
  SECTION("from structured filters") {
    SearchRequest r = request("");
    r.filters = {FieldFilter{"tag", {"Go"}, FilterMode::any}};
    check(r, all_ids());
  }
  SECTION("an excluded value stays excluded from the disjunctive counts") {
    SearchRequest r = request("tags:go -category:guides");
    r.facets = {FacetRequest{"tags", 100}};
    SearchResults results = searcher.search(r);
    std::set<std::string> not_guides;
    for (const auto& a : SearchFixture::shared().articles()) {
      bool guide =
          std::find(a.categories.begin(), a.categories.end(), "Guides") != a.categories.end();
      if (!guide) not_guides.insert(a.id);
    }
    CHECK(counts_of(results.facets.at(0)) == brute_force(not_guides, "tags"));
  }
}

TEST_CASE("facets: facets() lists every value of every field in the index") {
  Searcher searcher(SearchFixture::shared().db());
  std::vector<FacetResult> all = searcher.facets();
  std::set<std::string> fields;
  for (const auto& f : all)
    fields.insert(f.field);
  for (const char* field :
       {"tags", "categories", "keywords", "authors", "series", "section", "year", "topics"}) {
    INFO("field: " << field);
    CHECK(fields.count(field) == 1);
  }
  for (const auto& f : all) {
    INFO("field: " << f.field);
    if (f.field == "lang") continue;
    CHECK(counts_of(f) == brute_force(all_ids(), f.field));
    CHECK(f.other_values == 0);
  }
  std::vector<FacetResult> tags = searcher.facets({"tag"});
  REQUIRE(tags.size() == 1);
  CHECK(tags[0].field == "tags");
}

TEST_CASE("facets: stats report articles, terms and the top tags") {
  Searcher searcher(SearchFixture::shared().db());
  IndexStats stats = searcher.stats();
  CHECK(stats.articles == SearchFixture::shared().articles().size());
  CHECK(stats.terms > 100);
  CHECK(stats.size_bytes > 0);
  CHECK_FALSE(stats.last_indexed.empty());
  CHECK_FALSE(stats.revision.empty());
  REQUIRE(!stats.top_tags.empty());
  Counts tags = brute_force(all_ids(), "tags");
  std::size_t most = 0;
  for (const auto& [key, count] : tags)
    most = std::max(most, count);
  CHECK(stats.top_tags.front().count == most);
}

TEST_CASE("facets: counting from the facet column agrees with counting by packed values") {
  Xapian::Database db(SearchFixture::shared().db());
  auto column = detail::FacetColumn::build(db);
  REQUIRE(column->value_count() > 0);
  CHECK(column->ordinals(db.get_lastdocid() + 5).empty());  // past the end: nothing
  std::vector<detail::FieldSpec> fields = facet_fields(
      db, {"tags", "categories", "authors", "series", "section", "year", "lang", "topics"});
  detail::FacetCountingPolicy by_values{1000000000, 1};
  for (const char* term : {"", "Zconcurr", "XTAGgo", "Zrace", "Znosuchword"}) {
    INFO("query term: " << term);
    detail::FacetSpy column_spy(db, fields, by_values, column.get());
    detail::FacetSpy values_spy(db, fields, by_values);
    spy_on_matches(db, term, column_spy, values_spy);
    for (const auto& field : fields) {
      INFO("field: " << field.name);
      check_same_values(column_spy.result(field.name, 0, {"go"}),
                        values_spy.result(field.name, 0, {"go"}));
      for (int limit : {1, 2, 3}) {  // the rest counted; a selected value shown whatever its rank
        INFO("limit: " << limit);
        std::set<std::string> selected = {"go", "2023", "performance"};
        FacetResult a = column_spy.result(field.name, limit, selected);
        FacetResult b = values_spy.result(field.name, limit, selected);
        check_same_values(a, b);
        CHECK(a.other_values == b.other_values);
      }
    }
    // A field the spies were not asked for has no values.
    CHECK(column_spy.result("keywords", 0).values.empty());
    CHECK(values_spy.result("keywords", 0).values.empty());
  }
}

TEST_CASE("facets: counting by filter terms agrees with counting by packed values") {
  Xapian::Database db(SearchFixture::shared().db());
  std::vector<detail::FieldSpec> fields =
      facet_fields(db, {"tags", "categories", "authors", "series", "section", "year", "topics"});
  detail::FacetCountingPolicy by_terms{0, 1000000};  // always, whatever the sizes
  detail::FacetCountingPolicy by_values{1000000000, 1};
  for (const char* term : {"", "Zconcurr", "XTAGgo", "Zrace"}) {
    INFO("query term: " << term);
    detail::FacetSpy terms_spy(db, fields, by_terms);
    detail::FacetSpy values_spy(db, fields, by_values);
    spy_on_matches(db, term, terms_spy, values_spy);
    for (const auto& field : fields) {
      INFO("field: " << field.name);
      FacetResult a = terms_spy.result(field.name, 3, {"go"});
      FacetResult b = values_spy.result(field.name, 3, {"go"});
      CHECK(counts_of(a) == counts_of(b));
      CHECK(a.other_values == b.other_values);
      check_same_values(a, b);
    }
  }
}

TEST_CASE("facets: spellings of one value counted equally show the first in byte order") {
  // "go" twice and "Go" twice, "Rust" and "rust" once each, "Zig" once: whichever spelling the
  // matcher meets first, the ties go to "Go" and "Rust".
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::vector<std::string>& tags : std::vector<std::vector<std::string>>{
           {"go", "rust"}, {"Go"}, {"go", "Zig"}, {"Go", "Rust"}}) {
    Article article;
    article.tags = tags;
    Xapian::Document doc;
    doc.add_value(schema::kFacetsSlot, detail::encode_facets(article));
    doc.add_boolean_term(schema::id_term(std::to_string(db.get_doccount())));
    db.add_document(doc);
  }
  auto column = detail::FacetColumn::build(db);
  std::vector<detail::FieldSpec> fields = facet_fields(db, {"tags"});
  detail::FacetCountingPolicy by_values{1000000000, 1};
  detail::FacetSpy column_spy(db, fields, by_values, column.get());
  detail::FacetSpy values_spy(db, fields, by_values);
  spy_on_matches(db, "", column_spy, values_spy);
  for (detail::FacetSpy* spy : {&column_spy, &values_spy}) {
    FacetResult tags = spy->result("tags", 2);
    REQUIRE(tags.values.size() == 2);
    CHECK(tags.values[0].value == "Go");
    CHECK(tags.values[0].count == 4);
    CHECK(tags.values[1].value == "Rust");
    CHECK(tags.values[1].key == "rust");
    CHECK(tags.values[1].count == 2);
    CHECK(tags.other_values == 1);  // Zig
  }
}

namespace {

// Every article a request finds, by paging through it one hit at a time.
std::set<std::string> paged_through(Searcher& searcher, SearchRequest r) {
  std::set<std::string> ids;
  r.page_size = 1;
  r.facets.clear();
  for (r.page = 1; r.page <= 100; ++r.page) {
    SearchResults page = searcher.search(r);
    if (page.hits.empty()) break;
    ids.insert(page.hits.front().id);
  }
  return ids;
}

}  // namespace

// Ranked passes stop counting once no further match can reach the page, and Xapian's estimate of
// the rest is far off under filters; the total is counted whether or not facets are.
TEST_CASE("totals: exact in every facet mode, as a full page-through counts") {
  Searcher searcher(SearchFixture::shared().db());
  const std::vector<std::vector<FieldFilter>> filter_sets = {
      {},
      {FieldFilter{"categories", {"Guides"}, FilterMode::any}},
      {FieldFilter{"tags", {"Go", "Rust", "Observability"}, FilterMode::any}},
      {FieldFilter{"topics", {"Systems"}, FilterMode::any}},
  };
  for (const char* query : {"", "the", "concurrency", "go", "observability OR kafka", "-kafka",
                            "goroutines channels", "year:2025"}) {
    for (const auto& filters : filter_sets) {
      const std::string selected = filters.empty() ? "year" : filters.front().field;
      const std::vector<std::vector<FacetRequest>> facet_modes = {
          {}, {FacetRequest{selected, 10}}, {{"tags", 10}, {"categories", 10}, {"year", 10}}};
      for (std::size_t mode = 0; mode < facet_modes.size(); ++mode) {
        INFO("query: " << query << ", filters: " << filters.size() << ", facet mode " << mode);
        SearchRequest r = request(query, 1);
        r.filters = filters;
        r.facets = facet_modes[mode];
        SearchResults results = searcher.search(r);
        CHECK(results.total == paged_through(searcher, r).size());
        CHECK(results.total_exact);
      }
    }
  }
}
