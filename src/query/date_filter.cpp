#include "query/date_filter.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>

#include "folio/schema.hpp"
#include "query/match_all.hpp"

namespace folio::detail {
namespace {

constexpr Timestamp kSecondsPerDay = 86400;

struct Period {
  Timestamp first = 0;  // first second
  Timestamp last = 0;   // last second
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_since_epoch(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<int> read_number(std::string_view text, std::size_t min_digits,
                               std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Timestamp start_of_day(int year, unsigned month, unsigned day) {
  return days_since_epoch(year, month, day) * kSecondsPerDay;
}

// YYYY, YYYY-MM or YYYY-MM-DD (one-digit month and day accepted); a time part is ignored.
std::optional<Period> parse_period(std::string_view text) {
  std::size_t time = text.find_first_of("T ");
  if (time != std::string_view::npos) text = text.substr(0, time);
  std::size_t first_dash = text.find('-');
  auto year = read_number(text.substr(0, first_dash), 4, 4);
  if (!year) return std::nullopt;
  if (first_dash == std::string_view::npos) {
    return Period{start_of_day(*year, 1, 1), start_of_day(*year + 1, 1, 1) - 1};
  }
  std::string_view rest = text.substr(first_dash + 1);
  std::size_t second_dash = rest.find('-');
  auto month = read_number(rest.substr(0, second_dash), 1, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  unsigned m = static_cast<unsigned>(*month);
  if (second_dash == std::string_view::npos) {
    Timestamp first = start_of_day(*year, m, 1);
    return Period{first, first + days_in_month(*year, m) * kSecondsPerDay - 1};
  }
  auto day = read_number(rest.substr(second_dash + 1), 1, 2);
  if (!day || *day < 1 || static_cast<unsigned>(*day) > days_in_month(*year, m)) {
    return std::nullopt;
  }
  Timestamp first = start_of_day(*year, m, static_cast<unsigned>(*day));
  return Period{first, first + kSecondsPerDay - 1};
}

}  // namespace

std::optional<DateRange> parse_date_range(std::string_view field, std::string_view text) {
  DateRange range;
  range.field = std::string(field);
  std::size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    auto period = parse_period(text);
    if (!period) return std::nullopt;
    range.from = period->first;
    range.to = period->last;
    return range;
  }
  std::string_view from = text.substr(0, dots);
  std::string_view to = text.substr(dots + 2);
  if (from.empty() && to.empty()) return std::nullopt;
  if (!from.empty()) {
    auto period = parse_period(from);
    if (!period) return std::nullopt;
    range.from = period->first;
  }
  if (!to.empty()) {
    auto period = parse_period(to);
    if (!period) return std::nullopt;
    range.to = period->last;
  }
  if (range.from && range.to && *range.from > *range.to) return std::nullopt;
  return range;
}

namespace {

// Digits, dashes and dots, starting with a digit or "..": the shape of the date syntax, whether or
// not the date exists. A time part ("2025-01-02T10:00") is not looked at.
bool written_as_date(std::string_view text) {
  text = text.substr(0, text.find_first_of("T "));
  if (text.empty() ||
      !(std::isdigit(static_cast<unsigned char>(text.front())) || text.substr(0, 2) == "..")) {
    return false;
  }
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  }
  return true;
}

}  // namespace

std::string date_range_problem(std::string_view text) {
  if (!written_as_date(text) || parse_date_range("date", text)) return {};
  std::size_t dots = text.find("..");
  if (dots != std::string_view::npos) {
    std::string_view from = text.substr(0, dots);
    std::string_view to = text.substr(dots + 2);
    for (std::string_view end : {from, to}) {
      if (!end.empty() && !parse_period(end)) return date_range_problem(end);
    }
    if (!from.empty() && !to.empty()) {
      return std::string("the date range '") + std::string(text) + "' ends before it starts";
    }
  }
  return std::string("'") + std::string(text) +
         "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)";
}

Xapian::Query date_range_query(const DateRange& range) {
  // Both slots hold dates as written, so a day is the day the file says whatever its offset.
  Xapian::valueno slot = range.field == "lastmod" ? schema::kLastmodSlot : schema::kDateWrittenSlot;
  std::optional<Timestamp> to = range.to;
  if (to && *to % kSecondsPerDay == 0) *to += kSecondsPerDay - 1;
  auto serialise = [](Timestamp t) { return Xapian::sortable_serialise(static_cast<double>(t)); };
  if (range.from && to) {
    if (*range.from > *to) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, serialise(*range.from),
                         serialise(*to));
  }
  if (range.from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, serialise(*range.from));
  if (to) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, serialise(*to));
  return match_all();
}

}  // namespace folio::detail
