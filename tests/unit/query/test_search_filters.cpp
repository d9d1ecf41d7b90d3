// Structured filters: resolve_filters, build_filter_query and apply_filters, and the date ranges
// of date_filter, checked by the articles of a tiny real index they select.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "folio/error.hpp"
#include "query/date_filter.hpp"
#include "query/search_filters.hpp"
#include "unit/query/tiny_index.hpp"

using namespace folio;
using namespace folio::detail;
using folio::test::Ids;
using folio::test::tiny_article;
using folio::test::TinyIndex;

namespace {

// Seconds since the epoch, UTC (checked with date -ud).
constexpr Timestamp k2024_12_31 = 1735603200;
constexpr Timestamp k2024_12_31_noon = 1735646400;
constexpr Timestamp k2024_12_31_23h = 1735686000;
constexpr Timestamp k2025_01_01 = 1735689600;
constexpr Timestamp k2025_03_10 = 1741564800;
constexpr Timestamp k2026_01_01 = 1767225600;
constexpr Timestamp k2026_01_26 = 1769385600;
constexpr Timestamp kDay = 86400;

Article article(std::string id, std::vector<std::string> tags, std::optional<Timestamp> date) {
  Article a = tiny_article(std::move(id), "", "");
  a.tags = std::move(tags);
  a.date = date;
  return a;
}

// lastmod falls back to the date where an article has none.
const TinyIndex& filter_index() {
  static const TinyIndex index([] {
    Article systems = article("systems", {"Go", "Rust"}, k2025_03_10);
    systems.lastmod = k2026_01_26;
    systems.taxonomies["topics"] = {"Systems"};
    systems.sections = {{-1, "systems programming"}};
    Article go = article("go", {"Go"}, k2026_01_26);
    go.sections = {{-1, "go routines"}};
    return std::vector<Article>{systems, go, article("rust-zig", {"Rust", "Zig"}, k2024_12_31_23h),
                                article("plain", {}, std::nullopt)};
  }());
  return index;
}

Ids everything() {
  return {"systems", "go", "rust-zig", "plain"};
}

FieldFilter filter(std::string field, std::vector<std::string> values,
                   FilterMode mode = FilterMode::any) {
  return FieldFilter{std::move(field), std::move(values), mode};
}

// The articles the filters select from every document (an empty text query).
Ids selected(const std::vector<FieldFilter>& filters, const std::vector<DateRange>& ranges = {},
             std::string_view skip_any_of = {}) {
  FieldCatalog catalog({"topics"});
  FilterQuery query = build_filter_query(resolve_filters(filters, catalog), ranges, skip_any_of);
  return filter_index().matches(apply_filters(Xapian::Query(), query));
}

DateRange range(std::optional<Timestamp> from, std::optional<Timestamp> to,
                std::string field = "date") {
  return DateRange{std::move(field), from, to};
}

}  // namespace

TEST_CASE("search filters: any value of a field, all of them, or none") {
  CHECK(selected({filter("tags", {"go", "rust"})}) == Ids{"systems", "go", "rust-zig"});
  CHECK(selected({filter("tags", {"GO"})}) == Ids{"systems", "go"});  // values ignore case
  CHECK(selected({filter("tags", {"go", "rust"}, FilterMode::all)}) == Ids{"systems"});
  CHECK(selected({filter("tags", {"go"}, FilterMode::none)}) == Ids{"rust-zig", "plain"});
  CHECK(selected({filter("tags", {"go", "zig"}, FilterMode::none)}) == Ids{"plain"});
  CHECK(selected({}) == everything());
}

TEST_CASE("search filters: the same field twice is OR, different fields are AND") {
  CHECK(selected({filter("tags", {"go"}), filter("tag", {"zig"})}) ==
        Ids{"systems", "go", "rust-zig"});
  CHECK(selected({filter("tags", {"go"}), filter("year", {"2026"})}) == Ids{"go"});
  CHECK(selected({filter("tags", {"rust"}, FilterMode::all), filter("tags", {"go"})}) ==
        Ids{"systems"});
}

TEST_CASE("search filters: one field's any selection can be left out, for facet counting") {
  std::vector<FieldFilter> filters{filter("tags", {"zig"}), filter("year", {"2025"})};
  CHECK(selected(filters).empty());
  CHECK(selected(filters, {}, "tags") == Ids{"systems"});
  CHECK(selected(filters, {}, "year") == Ids{"rust-zig"});
  // all and none of that field still apply.
  CHECK(selected({filter("tags", {"go"}, FilterMode::none)}, {}, "tags") ==
        Ids{"rust-zig", "plain"});
  CHECK(selected({filter("tags", {"go", "rust"}, FilterMode::all)}, {}, "tags") == Ids{"systems"});
}

TEST_CASE("search filters: fields resolve by alias; an unknown one is a taxonomy with no values") {
  FieldCatalog catalog({"topics"});
  auto resolved = resolve_filters({filter("Tag", {"go"}), filter("colour", {"red"})}, catalog);
  REQUIRE(resolved.size() == 2);
  CHECK(resolved[0].field.name == "tags");
  CHECK(resolved[0].terms == std::vector<std::string>{"XTAGgo"});
  CHECK(resolved[1].field.prefix == "XTAXcolour:");
  CHECK(selected({filter("topics", {"systems"})}) == Ids{"systems"});
  CHECK(selected({filter("colour", {"red"})}).empty());
  CHECK(selected({filter("colour", {"red"}, FilterMode::none)}) == everything());
  CHECK(resolve_filters({filter("tags", {})}, catalog).empty());  // no values: no filter
}

TEST_CASE("search filters: a text or date field cannot filter") {
  FieldCatalog catalog;
  for (const char* field : {"title", "body", "date"}) {
    INFO(field);
    try {
      resolve_filters({filter(field, {"x"})}, catalog);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_query);
      CHECK(e.param() == "filters");
    }
  }
}

TEST_CASE("search filters: a value that names no possible term selects nothing") {
  auto resolved = resolve_filters({filter("year", {"2025", "abc"})}, FieldCatalog());
  REQUIRE(resolved.size() == 1);
  CHECK(resolved[0].impossible);
  CHECK(resolved[0].values == std::vector<std::string>{"2025", "abc"});
  CHECK(selected({filter("year", {"abc"})}).empty());
  CHECK(selected({filter("year", {"2025", "abc"})}) == Ids{"systems"});  // either
  CHECK(selected({filter("year", {"2025", "abc"}, FilterMode::all)}).empty());
  CHECK(selected({filter("year", {"abc"}, FilterMode::none)}) == everything());
}

TEST_CASE("search filters: date ranges, open at either end, over the date or lastmod slot") {
  CHECK(selected({}, {range(k2025_01_01, std::nullopt)}) == Ids{"systems", "go"});
  CHECK(selected({}, {range(std::nullopt, k2025_01_01 - 1)}) == Ids{"rust-zig"});
  CHECK(selected({}, {range(k2025_01_01, k2026_01_01)}) == Ids{"systems"});
  CHECK(selected({}, {range(k2026_01_01, std::nullopt, "lastmod")}) == Ids{"systems", "go"});
  CHECK(selected({}, {range(k2026_01_01, k2025_01_01)}).empty());  // from after to
  // Neither end: every document, with a date or not.
  CHECK(selected({}, {range(std::nullopt, std::nullopt)}) == everything());
  // Two ranges must both hold; a range and a filter too.
  CHECK(selected({}, {range(k2025_01_01, std::nullopt), range(std::nullopt, k2026_01_01)}) ==
        Ids{"systems"});
  CHECK(selected({filter("tags", {"go"})}, {range(k2026_01_01, std::nullopt)}) == Ids{"go"});
}

TEST_CASE("search filters: a range ending at midnight covers that whole day") {
  CHECK(selected({}, {range(std::nullopt, k2024_12_31)}) == Ids{"rust-zig"});  // 23:00
  CHECK(selected({}, {range(std::nullopt, k2024_12_31_noon)}).empty());
  CHECK(selected({}, {range(k2026_01_26, k2026_01_26)}) == Ids{"go"});
}

TEST_CASE("search filters: dates are filtered on the calendar date written in the file") {
  // `date: 2024-12-31 21:00:00 -0500` is 2025-01-01T02:00:00Z; the site shows 2024-12-31.
  // `date: 2025-01-01T08:00:00+09:00` is 2024-12-31T23:00:00Z; the site shows 2025-01-01.
  Article evening = article("evening", {}, k2025_01_01 + 2 * 3600);
  evening.date_offset_seconds = -5 * 3600;
  evening.lastmod = k2025_03_10 + 3600;  // 2025-03-09 20:00 at -0500
  evening.lastmod_offset_seconds = -5 * 3600;
  Article morning = article("morning", {}, k2024_12_31_23h);
  morning.date_offset_seconds = 9 * 3600;
  const TinyIndex index({evening, morning});
  FieldCatalog catalog;
  auto select = [&](const std::vector<FieldFilter>& filters, const std::vector<DateRange>& ranges) {
    return index.matches(apply_filters(
        Xapian::Query(), build_filter_query(resolve_filters(filters, catalog), ranges)));
  };
  CHECK(select({filter("year", {"2024"})}, {}) == Ids{"evening"});
  CHECK(select({filter("year", {"2025"})}, {}) == Ids{"morning"});
  CHECK(select({filter("month", {"2024-12"})}, {}) == Ids{"evening"});
  CHECK(select({}, {*parse_date_range("date", "2024-12-31")}) == Ids{"evening"});
  CHECK(select({}, {*parse_date_range("date", "2025-01-01")}) == Ids{"morning"});
  CHECK(select({}, {*parse_date_range("date", "..2024")}) == Ids{"evening"});
  CHECK(select({}, {*parse_date_range("lastmod", "2025-03-09")}) == Ids{"evening"});
  // lastmod falls back to the date as written
  CHECK(select({}, {*parse_date_range("lastmod", "2025-01-01")}) == Ids{"morning"});
}

TEST_CASE("search filters: the filters restrict a text query and do not replace it") {
  Xapian::Query text(Xapian::Query::OP_OR, Xapian::Query("systems"), Xapian::Query("routines"));
  FieldCatalog catalog;
  auto query = [&](const std::vector<FieldFilter>& filters) {
    return filter_index().matches(
        apply_filters(text, build_filter_query(resolve_filters(filters, catalog), {})));
  };
  CHECK(query({}) == Ids{"systems", "go"});
  CHECK(query({filter("tags", {"rust"})}) == Ids{"systems"});
  CHECK(query({filter("tags", {"rust"}, FilterMode::none)}) == Ids{"go"});
}

TEST_CASE("date filter: a single period covers all of it") {
  auto year = parse_date_range("date", "2025");
  REQUIRE(year);
  CHECK(year->field == "date");
  CHECK(year->from == k2025_01_01);
  CHECK(year->to == k2026_01_01 - 1);

  auto month = parse_date_range("date", "2026-01");
  REQUIRE(month);
  CHECK(month->from == k2026_01_01);
  CHECK(month->to == k2026_01_01 + 31 * kDay - 1);

  auto day = parse_date_range("lastmod", "2026-01-26");
  REQUIRE(day);
  CHECK(day->field == "lastmod");
  CHECK(day->from == k2026_01_26);
  CHECK(day->to == k2026_01_26 + kDay - 1);
  CHECK(parse_date_range("date", "2026-1-26")->from == k2026_01_26);             // one-digit month
  CHECK(parse_date_range("date", "2026-01-26T10:30:00Z")->from == k2026_01_26);  // time ignored
}

TEST_CASE("date filter: February has 29 days in leap years only") {
  constexpr Timestamp k2024_02_01 = 1706745600, k2024_03_01 = 1709251200;
  constexpr Timestamp k2023_02_01 = 1675209600, k2023_03_01 = 1677628800;
  constexpr Timestamp k2000_02_01 = 949363200, k2000_03_01 = 951868800;  // 2000 is a leap year
  CHECK(parse_date_range("date", "2024-02")->to == k2024_03_01 - 1);
  CHECK(parse_date_range("date", "2024-02")->from == k2024_02_01);
  CHECK(parse_date_range("date", "2023-02")->to == k2023_03_01 - 1);
  CHECK(parse_date_range("date", "2023-02")->from == k2023_02_01);
  CHECK(parse_date_range("date", "2000-02")->to == k2000_03_01 - 1);
  CHECK(parse_date_range("date", "2000-02")->from == k2000_02_01);
  CHECK(parse_date_range("date", "2024-02-29"));
  CHECK_FALSE(parse_date_range("date", "2023-02-29"));
  CHECK_FALSE(parse_date_range("date", "1900-02-29"));  // divisible by 100, not by 400
}

TEST_CASE("date filter: FROM..TO, FROM.. and ..TO, each end a period") {
  auto both = parse_date_range("date", "2025..2025-03");
  REQUIRE(both);
  CHECK(both->from == k2025_01_01);
  CHECK(both->to == k2025_01_01 + (31 + 28 + 31) * kDay - 1);

  auto from = parse_date_range("date", "2025..");
  REQUIRE(from);
  CHECK(from->from == k2025_01_01);
  CHECK_FALSE(from->to.has_value());

  auto to = parse_date_range("date", "..2024-12-31");
  REQUIRE(to);
  CHECK_FALSE(to->from.has_value());
  CHECK(to->to == k2025_01_01 - 1);
}

TEST_CASE("date filter: an unreadable range is nullopt, never a guess") {
  for (const char* text :
       {"", "..", "yesterday", "25", "20251", "2025-13", "2025-00", "2025-02-30", "2025-01-00",
        "2025-001", "2025..abc", "abc..2025", "2025-01-01x", "-2025", "2025-"}) {
    INFO(text);
    CHECK_FALSE(parse_date_range("date", text).has_value());
  }
}
