// Date ranges: the query syntax (date:2026-01-01..2026-02-28, date:2025.., date:..2024-12-31,
// date:2026-01) and the value-range queries over the slots of the date and lastmod as written
// (schema.hpp): date:2019-12-12 finds `date: 2019-12-12 19:00:00 -0500`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "folio/search_request.hpp"

namespace folio::detail {

// Parses "FROM..TO", "FROM..", "..TO" or a single period. Each end is YYYY, YYYY-MM, YYYY-MM-DD or
// a full date-time; a period covers all of it (2025 = the whole year). nullopt if unreadable, or
// if TO ends before FROM starts.
std::optional<DateRange> parse_date_range(std::string_view field, std::string_view text);

// Why text written as a date range (digits, dashes and dots: "2025-02-30", "2026-02..2025") cannot
// be read as one: a month or day that does not exist, an end before its start. Empty when it
// reads, and for text that is not written as a date ("yesterday"), which a query reads as words.
std::string date_range_problem(std::string_view text);

// The value-range query of a DateRange; `to` at midnight covers that whole day.
Xapian::Query date_range_query(const DateRange& range);

}  // namespace folio::detail
