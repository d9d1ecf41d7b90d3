// The only translation unit that includes toml11: reads TOML into a DataNode tree and turns
// toml11's multi-line, ASCII-art error messages into one short reason with a file position.
#include <toml.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <sstream>
#include <utility>
#include <vector>

#include "base/utf8.hpp"
#include "folio/error.hpp"
#include "folio/utf8.hpp"
#include "formats/data_tree.hpp"

namespace folio::detail {
namespace {

std::string two_digits(int value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", value);
  return buffer;
}

std::string format_date(const toml::local_date& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year),
                static_cast<int>(date.month) + 1, static_cast<int>(date.day));
  return buffer;
}

std::string format_time(const toml::local_time& time) {
  std::string text =
      two_digits(time.hour) + ':' + two_digits(time.minute) + ':' + two_digits(time.second);
  long nanoseconds = time.millisecond * 1000000L + time.microsecond * 1000L + time.nanosecond;
  if (nanoseconds == 0) return text;
  char fraction[16];
  std::snprintf(fraction, sizeof fraction, ".%09ld", nanoseconds);
  std::string digits = fraction;
  while (digits.back() == '0')
    digits.pop_back();
  return text + digits;
}

std::string format_offset(const toml::time_offset& offset) {
  int minutes = offset.hour * 60 + offset.minute;
  char sign = minutes < 0 ? '-' : '+';
  minutes = std::abs(minutes);
  return sign + two_digits(minutes / 60) + ':' + two_digits(minutes % 60);
}

std::string format_double(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc{}) return "0";
  return std::string(buffer, end);
}

// File lines and columns of byte offsets in the TOML text. toml11's own `value.location()` counts
// the newlines from the start of the text on every call, so asking it for every value of a long
// front matter took time quadratic in its size (20,000 tags, one per line: 3.5 s).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
      line_starts_.push_back(at + 1);
    }
  }

  // 1-based line in the text, and 1-based column in bytes.
  std::pair<int, int> locate(std::size_t offset) const {
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line_start = *(after - 1);
    return {static_cast<int>(after - line_starts_.begin()),
            static_cast<int>(offset - line_start) + 1};
  }

 private:
  std::vector<std::size_t> line_starts_{0};
};

class Converter {
 public:
  explicit Converter(const DataSource& source)
      : source_(source), lines_(source.text), budget_(source, "TOML") {}

  DataNode convert(const toml::value& value, std::string key) {
    DataNode node;
    node.key = std::move(key);
    place(node, value);
    budget_.count_value(node.line);
    fill(node, value);
    return node;
  }

 private:
  void place(DataNode& node, const toml::value& value) const {
    // toml11 3.7's parsed values hold a detail::region: its offset in the text toml::parse read,
    // which is source_.text (toml11 may only append a newline).
    const auto* region = dynamic_cast<const toml::detail::region*>(toml::detail::get_region(value));
    if (region != nullptr && region->is_ok()) {
      const auto offset = static_cast<std::size_t>(region->first() - region->begin());
      const auto [line, column] = lines_.locate(offset);
      node.line = line + source_.first_line - 1;
      node.column = column;
      return;
    }
    toml::source_location where = value.location();
    node.line = static_cast<int>(where.line()) + source_.first_line - 1;
    node.column = static_cast<int>(where.column());
  }

  void fill(DataNode& node, const toml::value& value) {
    switch (value.type()) {
      case toml::value_t::empty:
        node.kind = DataKind::null;
        break;
      case toml::value_t::boolean:
        set(node, DataKind::boolean, value.as_boolean() ? "true" : "false");
        break;
      case toml::value_t::integer:
        set(node, DataKind::integer, std::to_string(value.as_integer()));
        break;
      case toml::value_t::floating:
        set(node, DataKind::floating, format_double(value.as_floating()));
        break;
      case toml::value_t::string:
        set(node, DataKind::string, value.as_string().str);
        break;
      case toml::value_t::local_date:
        set(node, DataKind::datetime, format_date(value.as_local_date()));
        break;
      case toml::value_t::local_time:
        set(node, DataKind::datetime, format_time(value.as_local_time()));
        break;
      case toml::value_t::local_datetime: {
        const toml::local_datetime& moment = value.as_local_datetime();
        set(node, DataKind::datetime, format_date(moment.date) + 'T' + format_time(moment.time));
        break;
      }
      case toml::value_t::offset_datetime: {
        const toml::offset_datetime& moment = value.as_offset_datetime();
        set(node, DataKind::datetime,
            format_date(moment.date) + 'T' + format_time(moment.time) +
                format_offset(moment.offset));
        break;
      }
      case toml::value_t::array:
        fill_array(node, value.as_array());
        break;
      case toml::value_t::table:
        fill_table(node, value.as_table());
        break;
    }
  }

  static void set(DataNode& node, DataKind kind, std::string text) {
    node.kind = kind;
    node.text = std::move(text);
  }

  void fill_array(DataNode& node, const toml::array& items) {
    node.kind = DataKind::array;
    budget_.enter(node.line);
    for (const toml::value& item : items)
      node.children.push_back(convert(item, {}));
    budget_.leave();
  }

  // Dotted keys (a.b.c = 1) nest tables without brackets: the budget counts those levels.
  void fill_table(DataNode& node, const toml::table& members) {
    node.kind = DataKind::table;
    budget_.enter(node.line);
    for (const auto& [key, member] : members)
      node.children.push_back(convert(member, key));
    budget_.leave();
    std::stable_sort(node.children.begin(), node.children.end(),
                     [](const DataNode& a, const DataNode& b) {
                       return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
  }

  const DataSource& source_;
  LineIndex lines_;
  DataBudget budget_;
};

// toml11 messages look like:
//   [error] toml::parse_key_value_pair: missing value after key-value separator '='
//    --> front matter
//      |
//    3 | b =
//      |     ^--- expected value, but got nothing
// The reason is the first line without its prefixes plus the last note; the position is the last
// quoted line and the column of its marker.
struct TomlMessage {
  std::string reason;
  int line = 0;
  int column = 0;
};

std::string strip_headline(std::string headline) {
  const std::string error_tag = "[error]";
  if (headline.rfind(error_tag, 0) == 0) headline.erase(0, error_tag.size());
  while (!headline.empty() && headline.front() == ' ')
    headline.erase(0, 1);
  // "toml::parse_date: invalid date" or "parse_ml_basic_string: invalid utf8"
  std::size_t colon = headline.find(": ");
  if (colon != std::string::npos && headline.find(' ') > colon) headline.erase(0, colon + 2);
  while (!headline.empty() && (headline.back() == '.' || headline.back() == ' ')) {
    headline.pop_back();
  }
  return headline;
}

bool all_of_chars(std::string_view text, std::string_view allowed) {
  return text.find_first_not_of(allowed) == std::string_view::npos;
}

TomlMessage read_toml_message(const std::string& what) {
  TomlMessage message;
  std::istringstream lines(what);
  std::string line;
  std::getline(lines, line);
  message.reason = strip_headline(line);
  std::string note;
  while (std::getline(lines, line)) {
    std::size_t bar = line.find(" | ");
    if (bar == std::string::npos) continue;
    std::string_view gutter = std::string_view(line).substr(0, bar);
    if (!all_of_chars(gutter, " ")) {
      if (all_of_chars(gutter, " 0123456789")) message.line = std::stoi(std::string(gutter));
      continue;
    }
    std::size_t marker = line.find_first_of("^~", bar + 3);
    if (marker == std::string::npos) continue;
    message.column = static_cast<int>(marker - (bar + 3)) + 1;
    std::size_t after = line.find_first_not_of("^~-", marker);
    note = after == std::string::npos ? "" : line.substr(after);
    while (!note.empty() && note.front() == ' ')
      note.erase(0, 1);
  }
  if (!note.empty() && note != "here") message.reason += " (" + note + ")";
  return message;
}

[[noreturn]] void throw_parse_error(const DataSource& source, const toml::exception& error) {
  TomlMessage message = read_toml_message(error.what());
  if (message.line == 0) {
    message.line = static_cast<int>(error.location().line());
    message.column = static_cast<int>(error.location().column());
  }
  if (message.reason.empty()) message.reason = "invalid TOML";
  throw Error(ErrorCode::parse, "TOML: " + message.reason,
              SourceLocation{source.path, message.line + source.first_line - 1, message.column});
}

// TOML is UTF-8, and toml11 3.7 must never see anything else: on invalid UTF-8 in a literal
// string it rewinds one buffer with an iterator into another to point at the byte, and reads out
// of bounds. So the text is checked first, and the first bad byte named with its line and column.
void check_utf8(const DataSource& source) {
  const std::size_t bad = utf8::first_invalid(source.text);
  if (bad == std::string_view::npos) return;
  const std::string_view before = source.text.substr(0, bad);
  const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0: the first line
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const auto column = static_cast<int>(utf8_length(before.substr(line_start))) + 1;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(source.text[bad]));
  throw Error(ErrorCode::parse, std::string("TOML: not valid UTF-8 (byte ") + byte + ")",
              SourceLocation{source.path, line + source.first_line, column});
}

}  // namespace

DataNode read_toml(const DataSource& source) {
  check_utf8(source);
  check_bracket_depth(source, "TOML");  // toml11 recurses once per bracket
  check_line_length(source, "TOML", kMaxTomlLineBytes);
  try {
    std::istringstream stream{std::string(source.text)};
    toml::value root = toml::parse(stream, source.path);
    DataNode node = Converter(source).convert(root, {});
    node.line = source.first_line;
    node.column = 1;
    return node;
  } catch (const toml::exception& error) {
    throw_parse_error(source, error);
  } catch (const Error&) {
    throw;  // the budget's, with its position
  } catch (const std::exception& error) {
    throw Error(ErrorCode::parse, std::string("TOML: ") + error.what(),
                SourceLocation{source.path, source.first_line, 0});
  }
}

}  // namespace folio::detail
