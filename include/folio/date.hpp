// Dates as folio stores them: seconds since the Unix epoch, UTC, with the UTC offset they were
// written with so that the calendar date shown is the one written in the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace folio {

using Timestamp = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

// Parses the date forms found in real front matter:
//   2026-01-26, 2024-4-09 (one-digit parts), 2026-01-26T18:53:20, 2026-01-26T18:53:20Z,
//   2026-01-26T18:53:20+00:00, 2026-01-26T18:53:20.123-07:00, 2012-02-22 15:09:51 -0400,
//   2012-02-22 15:09:51 +0000 UTC. A date without a time is midnight UTC; a time without an offset
// is taken as UTC. Returns nullopt when the text is not a date.
std::optional<Timestamp> parse_date(std::string_view text);

// A date as written: the instant, and the UTC offset the text gave it.
struct DateWithOffset {
  Timestamp instant = 0;   // seconds since the epoch, UTC: what orders dates
  int offset_seconds = 0;  // east of UTC as written ("-0500" -> -18000); 0 when the text has none
};

// As parse_date, keeping the offset: "2019-12-12 19:00:00 -0500" is the instant
// 2019-12-13T00:00:00Z written at -05:00, so its calendar date, the one a static-site generator
// shows and puts in permalinks, is 2019-12-12: format_day(instant, offset_seconds).
std::optional<DateWithOffset> parse_date_with_offset(std::string_view text);

// 2026-01-26T18:53:20Z
std::string format_iso8601(Timestamp t);
// 2026-01-26: the calendar date of `t` at a UTC offset (east of UTC; 0 is UTC).
std::string format_day(Timestamp t, int offset_seconds = 0);
// Calendar parts of `t` at a UTC offset (0 is UTC).
int year_of(Timestamp t, int offset_seconds = 0);
int month_of(Timestamp t, int offset_seconds = 0);

// Days since the epoch for a civil date (proleptic Gregorian), the inverse of the parts above.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

}  // namespace folio
