// Dates as folio stores them: seconds since the Unix epoch, UTC.
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

// 2026-01-26T18:53:20Z
std::string format_iso8601(Timestamp t);
// 2026-01-26
std::string format_day(Timestamp t);
// Calendar parts in UTC.
int year_of(Timestamp t);
int month_of(Timestamp t);

// Days since the epoch for a civil date (proleptic Gregorian), the inverse of the parts above.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

}  // namespace folio
