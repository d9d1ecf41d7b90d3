#include "site/hugo_permalink.hpp"

#include <cstdio>
#include <vector>

#include "site/url_path.hpp"

namespace folio::detail {
namespace {

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

// A calendar date and what Hugo's date tokens print of it.
struct Calendar {
  int year = 1;
  int month = 1;
  int day = 1;
  int weekday = 1;  // 0 = Sunday; 0001-01-01 was a Monday
  int yearday = 1;
};

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

Calendar calendar_of(const PermalinkPage& page) {
  Calendar c;
  if (!page.date) return c;
  const Timestamp local = *page.date + page.date_offset_seconds;
  std::int64_t days = local / 86400;
  if (local % 86400 < 0) --days;
  // civil_from_days (Howard Hinnant's algorithm), the inverse of days_from_civil.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2 ? 1 : 0));
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  static constexpr int kDaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  c.yearday = kDaysBefore[c.month - 1] + c.day + (c.month > 2 && is_leap(c.year) ? 1 : 0);
  return c;
}

std::string padded(int value, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
  return buffer;
}

std::string joined(const std::vector<std::string_view>& parts, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < parts.size(); ++i) {
    if (!out.empty()) out += '/';
    out += parts[i];
  }
  return out;
}

// :sections[1:], :sections[:2], :sections[0], :sections[last]: slices of the section path.
bool expand_sections_slice(std::string_view spec, const std::string& section_path,
                           std::string& out) {
  const std::vector<std::string_view> parts = split_path(section_path);
  const std::size_t count = parts.size();
  if (spec == "last") {
    out = count ? std::string(parts.back()) : std::string();
    return true;
  }
  auto number = [](std::string_view text, std::size_t& value) {
    if (text.empty()) return false;
    value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
  };
  const std::size_t colon = spec.find(':');
  std::size_t from = 0;
  std::size_t to = count;
  if (colon == std::string_view::npos) {
    if (!number(spec, from)) return false;
    to = from + 1;
  } else {
    if (colon > 0 && !number(spec.substr(0, colon), from)) return false;
    if (colon + 1 < spec.size() && !number(spec.substr(colon + 1), to)) return false;
  }
  out = joined(parts, from, std::min(to, count));
  return true;
}

bool expand_token(std::string_view token, const PermalinkPage& page, const Calendar& date,
                  std::string& out) {
  if (token == "year") {
    out = padded(date.year, 4);
  } else if (token == "month") {
    out = padded(date.month, 2);
  } else if (token == "monthname") {
    out = kMonthNames[date.month - 1];
  } else if (token == "day") {
    out = padded(date.day, 2);
  } else if (token == "weekday") {
    out = std::to_string(date.weekday);
  } else if (token == "weekdayname") {
    static constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                            "Thursday", "Friday", "Saturday"};
    out = kDays[date.weekday];
  } else if (token == "yearday") {
    out = std::to_string(date.yearday);
  } else if (token == "section") {
    const auto parts = split_path(page.section_path);
    out = parts.empty() ? std::string() : std::string(parts.front());
  } else if (token == "sections") {
    out = page.section_path;
  } else if (token == "title") {
    out = hugo_sanitize(page.title);
  } else if (token == "slug") {
    out = hugo_sanitize(page.slug.empty() ? page.title : page.slug);
  } else if (token == "slugorfilename" || token == "slugorcontentbasename") {
    out = page.slug.empty() ? page.file_name : hugo_sanitize(page.slug);
  } else if (token == "filename" || token == "contentbasename") {
    out = page.file_name;
  } else {
    return false;
  }
  return true;
}

bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

Expanded expand_hugo_permalink(const std::string& pattern, const PermalinkPage& page) {
  const Calendar date = calendar_of(page);
  Expanded result;
  std::string path = "/";
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != ':' || i + 1 >= pattern.size() || !is_token_char(pattern[i + 1])) {
      path += pattern[i++];
      continue;
    }
    std::size_t end = i + 1;
    while (end < pattern.size() && is_token_char(pattern[end]))
      ++end;
    const std::string_view token(pattern.data() + i + 1, end - i - 1);
    std::string value;
    if (token == "sections" && end < pattern.size() && pattern[end] == '[') {
      const std::size_t close = pattern.find(']', end);
      const std::string_view spec =
          close == std::string::npos ? std::string_view()
                                     : std::string_view(pattern.data() + end + 1, close - end - 1);
      if (close == std::string::npos || !expand_sections_slice(spec, page.section_path, value)) {
        result.error = "cannot read the slice in :sections" + pattern.substr(end);
        return result;
      }
      end = close + 1;
    } else if (!expand_token(token, page, date, value)) {
      result.error = "unknown token :";
      result.error += token;
      return result;
    }
    path += value;
    i = end;
  }
  // Collapse the doubled slashes that empty tokens or a leading slash leave.
  std::string collapsed;
  for (char c : path) {
    if (c == '/' && !collapsed.empty() && collapsed.back() == '/') continue;
    collapsed += c;
  }
  result.path = std::move(collapsed);
  return result;
}

}  // namespace folio::detail
