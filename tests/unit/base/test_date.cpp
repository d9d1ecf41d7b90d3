#include <catch2/catch.hpp>

#include <string>

#include "folio/date.hpp"

using folio::days_from_civil;
using folio::format_day;
using folio::format_iso8601;
using folio::month_of;
using folio::parse_date;
using folio::parse_date_with_offset;
using folio::Timestamp;
using folio::year_of;

TEST_CASE("date: every form found in real front matter is parsed") {
  struct Case {
    const char* text;
    Timestamp expected;
  };
  const Case cases[] = {
      // dates alone are midnight UTC
      {"2026-01-26", 1769385600},
      {"2024-4-09", 1712620800},
      {"2024-04-9", 1712620800},
      {"2024-4-9", 1712620800},
      {"2024-02-29", 1709164800},
      {"2000-03-01", 951868800},
      {"1900-01-01", -2208988800},
      // times without an offset are UTC
      {"2026-01-26T18:53:20", 1769453600},
      {"2026-01-26 18:53:20", 1769453600},
      {"2026-01-26t18:53:20", 1769453600},
      {"2026-01-26T18:53", 1769453580},
      {"2026-01-26 8:53:20", 1769417600},
      // offsets
      {"2026-01-26T18:53:20Z", 1769453600},
      {"2026-01-26T18:53:20z", 1769453600},
      {"2026-01-26T18:53:20+00:00", 1769453600},
      {"2026-01-26T18:53:20-07:00", 1769478800},
      {"2026-01-26T18:53:20-0700", 1769478800},
      {"2026-01-26T18:53:20+05:30", 1769433800},
      {"2026-01-26T18:53:20+0530", 1769433800},
      {"2026-01-26T18:53:20+05", 1769435600},
      {"2012-02-22 15:09:51 -0400", 1329937791},
      {"2012-02-22 15:09:51-04:00", 1329937791},
      // fractional seconds are dropped
      {"2026-01-26T18:53:20.123-07:00", 1769478800},
      {"2026-01-26T18:53:20.123456789Z", 1769453600},
      {"2026-01-26T18:53:20,5Z", 1769453600},
      // as Go's time.Time prints itself
      {"2026-01-26 18:53:20 +0000 UTC", 1769453600},
      {"2012-02-22 15:09:51 -0400 EDT", 1329937791},
      {"2026-01-26 18:53:20 UTC", 1769453600},
      // surrounding whitespace
      {"  2026-01-26\n", 1769385600},
      // the edges
      {"1969-12-31T23:59:59Z", -1},
      {"1970-01-01T00:00:00Z", 0},
      {"9999-12-31T23:59:59Z", 253402300799},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto parsed = parse_date(c.text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == c.expected);
  }
}

TEST_CASE("date: text that is not a date, or an impossible date, is rejected") {
  const char* cases[] = {
      "",
      "   ",
      "yesterday",
      "{{ .Date }}",
      "2026",
      "2026-01",
      "26-01-2026",
      "20260126",
      "2026/01/26",
      "2026-13-01",  // month 13
      "2026-00-10",  // month 0
      "2026-02-30",  // February 30
      "2023-02-29",  // not a leap year
      "1900-02-29",  // a century that is not a leap year
      "2026-04-31",
      "2026-01-00",
      "2026-01-32",
      "2026-001-01",
      "2026-01-26T",
      "2026-01-26T25:00:00Z",
      "2026-01-26T18:60:00Z",
      "2026-01-26T18:53:61Z",
      "2026-01-26T18:5:20Z",
      "2026-01-26T18:53:20.Z",
      "2026-01-26T18:53:20+24:00",
      "2026-01-26T18:53:20+05:60",
      "2026-01-26T18:53:20+05:",
      "2026-01-26T18:53:20 +0000 Coordinated",
      "2026-01-26T18:53:20 PST",
      "2026-01-26T18:53:20UTC",
      "2026-01-26 and more",
      "2026-01-26T18:53:20Z trailing",
      "Mon, 26 Jan 2026 18:53:20 GMT",
  };
  for (const char* text : cases) {
    INFO(text);
    CHECK_FALSE(parse_date(text).has_value());
  }
}

TEST_CASE("date: the offset a date was written with is kept, and gives its calendar date") {
  struct Case {
    const char* text;
    Timestamp instant;
    int offset_seconds;
    const char* written_day;  // the day in the file, as the generator shows it
    const char* utc_day;
  };
  const Case cases[] = {
      // digitalgov: an evening at a negative offset is the next day in UTC
      {"2019-12-12 19:00:00 -0500", 1576195200, -18000, "2019-12-12", "2019-12-13"},
      {"2019-12-31T21:30:00-05:00", 1577845800, -18000, "2019-12-31", "2020-01-01"},
      // a morning at a positive offset is the day before in UTC
      {"2026-01-26T01:00:00+05:30", 1769369400, 19800, "2026-01-26", "2026-01-25"},
      {"2012-02-22 15:09:51 -0400 EDT", 1329937791, -14400, "2012-02-22", "2012-02-22"},
      {"2026-01-26T18:53:20+05", 1769435600, 18000, "2026-01-26", "2026-01-26"},
      // no offset: UTC, offset 0
      {"2026-01-26", 1769385600, 0, "2026-01-26", "2026-01-26"},
      {"2026-01-26T23:59:59", 1769471999, 0, "2026-01-26", "2026-01-26"},
      {"2026-01-26T23:59:59Z", 1769471999, 0, "2026-01-26", "2026-01-26"},
      {"2026-01-26 18:53:20 +0000 UTC", 1769453600, 0, "2026-01-26", "2026-01-26"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto parsed = parse_date_with_offset(c.text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->instant == c.instant);
    CHECK(parsed->offset_seconds == c.offset_seconds);
    CHECK(parse_date(c.text) == c.instant);  // parse_date keeps the instant
    CHECK(format_day(parsed->instant, parsed->offset_seconds) == c.written_day);
    CHECK(format_day(parsed->instant) == c.utc_day);
  }
  CHECK_FALSE(parse_date_with_offset("2026-01-26T18:53:20+24:00"));
  CHECK_FALSE(parse_date_with_offset("yesterday"));
}

TEST_CASE("date: calendar parts at an offset") {
  const Timestamp new_year_utc = 1577836800;  // 2020-01-01T00:00:00Z
  CHECK(year_of(new_year_utc) == 2020);
  CHECK(year_of(new_year_utc, -1) == 2019);
  CHECK(month_of(new_year_utc, -3600) == 12);
  CHECK(format_day(new_year_utc, -18000) == "2019-12-31");
  CHECK(format_day(new_year_utc - 1, 1) == "2020-01-01");
  CHECK(format_day(new_year_utc, 86340) == "2020-01-01");
}

TEST_CASE("date: days_from_civil counts days from the Unix epoch") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1970, 1, 2) == 1);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2026, 1, 26) == 20479);
  CHECK(days_from_civil(1600, 1, 1) == -135140);
}

TEST_CASE("date: formatting gives UTC ISO 8601 and calendar parts") {
  CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(format_iso8601(1769453600) == "2026-01-26T18:53:20Z");
  CHECK(format_iso8601(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_iso8601(951868800) == "2000-03-01T00:00:00Z");
  CHECK(format_day(1769453600) == "2026-01-26");
  CHECK(format_day(-1) == "1969-12-31");
  CHECK(format_day(days_from_civil(999, 12, 31) * 86400) == "0999-12-31");
  CHECK(format_day(days_from_civil(10000, 1, 2) * 86400) == "10000-01-02");
  CHECK(year_of(1769453600) == 2026);
  CHECK(month_of(1769453600) == 1);
  CHECK(year_of(-1) == 1969);
  CHECK(month_of(-1) == 12);
  CHECK(month_of(1709164800) == 2);  // 2024-02-29
}

TEST_CASE("date: parsing and formatting agree on every day over four centuries") {
  // 1800-01-01 to 2200-01-01, one day at a time, through leap and century years.
  const std::int64_t first = days_from_civil(1800, 1, 1);
  const std::int64_t last = days_from_civil(2200, 1, 1);
  std::int64_t mismatches = 0;
  for (std::int64_t day = first; day <= last; ++day) {
    Timestamp t = day * 86400 + 12 * 3600 + 34 * 60 + 56;
    std::string text = format_iso8601(t);
    auto parsed = parse_date(text);
    if (!parsed || *parsed != t || format_day(t) != text.substr(0, 10)) ++mismatches;
  }
  CHECK(mismatches == 0);
  CHECK(last - first == 146097);  // 400 Gregorian years
}
