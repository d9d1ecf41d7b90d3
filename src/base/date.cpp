// Date parsing and formatting by plain calendar arithmetic (no timegm, no locale): the civil-date
// algorithms are the well-known days-from-civil / civil-from-days pair.
#include "folio/date.hpp"

#include <cstdio>

namespace folio {
namespace {

constexpr std::int64_t seconds_per_day = 86400;

struct CivilDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
  CivilDate date;
  date.day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  date.month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  date.year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 +
                               (date.month <= 2 ? 1 : 0));
  return date;
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

CivilDate date_of(Timestamp t) {
  return civil_from_days(floor_div(t, seconds_per_day));
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return lengths[month - 1];
}

// ---- parsing --------------------------------------------------------------------------------

// Reads the text left to right; every read either consumes what it wants or leaves the cursor.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return position_ == text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[position_]; }

  bool take(char wanted) {
    if (peek() != wanted) return false;
    ++position_;
    return true;
  }

  bool take_any(std::string_view wanted) {
    if (at_end() || wanted.find(peek()) == std::string_view::npos) return false;
    ++position_;
    return true;
  }

  // Between min_digits and max_digits decimal digits.
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t start = position_;
    int value = 0;
    while (!at_end() && position_ - start < max_digits && is_digit(peek())) {
      value = value * 10 + (text_[position_++] - '0');
    }
    if (position_ - start < min_digits) {
      position_ = start;
      return std::nullopt;
    }
    return value;
  }

  void skip_digits() {
    while (!at_end() && is_digit(peek()))
      ++position_;
  }

  std::size_t skip_spaces() {
    std::size_t start = position_;
    while (take(' ')) {
    }
    return position_ - start;
  }

  std::string_view rest() const { return text_.substr(position_); }

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  std::string_view text_;
  std::size_t position_ = 0;
};

struct Moment {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int offset_seconds = 0;  // east of UTC
};

bool read_date(Cursor& in, Moment& moment) {
  auto year = in.number(4, 4);
  if (!year || !in.take('-')) return false;
  auto month = in.number(1, 2);
  if (!month || !in.take('-')) return false;
  auto day = in.number(1, 2);
  if (!day) return false;
  moment.year = *year;
  moment.month = *month;
  moment.day = *day;
  return true;
}

// 18:53, 18:53:20, 18:53:20.123456 (the fraction is dropped: timestamps are whole seconds)
bool read_time(Cursor& in, Moment& moment) {
  auto hour = in.number(1, 2);
  if (!hour || !in.take(':')) return false;
  auto minute = in.number(2, 2);
  if (!minute) return false;
  moment.hour = *hour;
  moment.minute = *minute;
  if (!in.take(':')) return true;
  auto second = in.number(2, 2);
  if (!second) return false;
  moment.second = *second;
  if (in.take_any(".,")) {
    if (!in.number(1, 1)) return false;
    in.skip_digits();
  }
  return true;
}

// Z, +05:30, -0700, +05
bool read_numeric_offset(Cursor& in, Moment& moment) {
  if (in.take_any("Zz")) return true;
  int sign = in.peek() == '-' ? -1 : 1;
  if (!in.take_any("+-")) return false;
  auto hours = in.number(2, 2);
  if (!hours) return false;
  bool colon = in.take(':');
  auto minutes = in.number(2, 2);
  if (colon && !minutes) return false;
  if (*hours > 23 || minutes.value_or(0) > 59) return false;
  moment.offset_seconds = sign * (*hours * 3600 + minutes.value_or(0) * 60);
  return true;
}

bool is_zone_name(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// What may follow the time: nothing, an offset, " UTC", or an offset and a zone name as Go prints
// it (" +0000 UTC", " -0700 MST"; the numeric offset is the one that counts).
bool read_zone(Cursor& in, Moment& moment) {
  std::size_t spaces = in.skip_spaces();
  if (in.at_end()) return true;
  std::string_view rest = in.rest();
  if (rest == "UTC" || rest == "GMT") return spaces > 0;
  if (!read_numeric_offset(in, moment)) return false;
  if (in.skip_spaces() == 0) return in.at_end();
  return is_zone_name(in.rest());
}

bool is_valid(const Moment& m) {
  if (m.month < 1 || m.month > 12) return false;
  if (m.day < 1 || static_cast<unsigned>(m.day) > days_in_month(m.year, m.month)) return false;
  return m.hour <= 23 && m.minute <= 59 && m.second <= 60;
}

std::string_view trim(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

std::optional<Timestamp> parse_date(std::string_view text) {
  const std::optional<DateWithOffset> date = parse_date_with_offset(text);
  if (!date) return std::nullopt;
  return date->instant;
}

std::optional<DateWithOffset> parse_date_with_offset(std::string_view text) {
  Cursor in(trim(text));
  Moment moment;
  if (!read_date(in, moment)) return std::nullopt;
  if (!in.at_end()) {
    if (!in.take_any("Tt ") || !read_time(in, moment) || !read_zone(in, moment)) {
      return std::nullopt;
    }
  }
  if (!is_valid(moment)) return std::nullopt;
  std::int64_t days = days_from_civil(moment.year, static_cast<unsigned>(moment.month),
                                      static_cast<unsigned>(moment.day));
  const Timestamp written =
      days * seconds_per_day + moment.hour * 3600 + moment.minute * 60 + moment.second;
  return DateWithOffset{written - moment.offset_seconds, moment.offset_seconds};
}

std::string format_iso8601(Timestamp t) {
  CivilDate date = date_of(t);
  std::int64_t second_of_day = t - floor_div(t, seconds_per_day) * seconds_per_day;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", date.year, date.month,
                date.day, static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60));
  return buffer;
}

std::string format_day(Timestamp t, int offset_seconds) {
  const CivilDate date = date_of(t + offset_seconds);
  if (date.year < 0 || date.year > 9999) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buffer;
  }
  // Every hit shows a date or two: written digit by digit rather than through snprintf.
  const auto digit = [](unsigned value) { return static_cast<char>('0' + value % 10); };
  const auto year = static_cast<unsigned>(date.year);
  return {digit(year / 1000),
          digit(year / 100),
          digit(year / 10),
          digit(year),
          '-',
          digit(date.month / 10),
          digit(date.month),
          '-',
          digit(date.day / 10),
          digit(date.day)};
}

int year_of(Timestamp t, int offset_seconds) {
  return date_of(t + offset_seconds).year;
}

int month_of(Timestamp t, int offset_seconds) {
  return static_cast<int>(date_of(t + offset_seconds).month);
}

}  // namespace folio
