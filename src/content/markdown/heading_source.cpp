#include "content/markdown/heading_source.hpp"

namespace folio::detail {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_attribute_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':';
}

// Parses "#id", ".class" or "key=value" at `pos`; returns the position after it, or npos.
std::size_t parse_attribute(std::string_view body, std::size_t pos, std::string_view& id) {
  const char first = body[pos];
  std::size_t end = pos + 1;
  if (first == '#' || first == '.') {
    while (end < body.size() && is_attribute_name_char(body[end]))
      ++end;
    if (end == pos + 1) return std::string_view::npos;
    if (first == '#') id = body.substr(pos + 1, end - pos - 1);
    return end;
  }
  end = pos;
  while (end < body.size() && is_attribute_name_char(body[end]))
    ++end;
  if (end == pos || end >= body.size() || body[end] != '=') return std::string_view::npos;
  ++end;
  if (end < body.size() && (body[end] == '"' || body[end] == '\'')) {
    const std::size_t close = body.find(body[end], end + 1);
    return close == std::string_view::npos ? close : close + 1;
  }
  while (end < body.size() && !is_blank(body[end]))
    ++end;
  return end;
}

}  // namespace

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && is_blank(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back()))
    text.remove_suffix(1);
  return text;
}

bool is_atx_heading_line(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#')
    ++hashes;
  if (hashes == 0 || hashes > 6) return false;
  return hashes == line.size() || line[hashes] == ' ' || line[hashes] == '\t';
}

bool is_setext_underline(std::string_view line) {
  while (!line.empty() && (is_blank(line.front()) || line.front() == '>'))
    line.remove_prefix(1);
  line = trim_blanks(line);
  if (line.empty() || (line.front() != '=' && line.front() != '-')) return false;
  return line.find_first_not_of(line.front()) == std::string_view::npos;
}

std::string_view atx_heading_content(std::string_view line) {
  while (!line.empty() && line.front() == '#')
    line.remove_prefix(1);
  line = trim_blanks(line);
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == '#')
    --end;
  if (end == 0) return {};  // only a closing sequence: an empty heading
  if (end < line.size() && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
    line = trim_blanks(line.substr(0, end));
  }
  return line;
}

std::string_view setext_heading_content(std::string_view line) {
  while (!line.empty() && (is_blank(line.front()) || line.front() == '>'))
    line.remove_prefix(1);
  return trim_blanks(line);
}

HeadingAttributes trailing_attributes(std::string_view original) {
  HeadingAttributes result;
  const std::string_view text = trim_blanks(original);
  if (text.empty() || text.back() != '}') return result;
  const std::size_t open = text.rfind('{');
  if (open == std::string_view::npos) return result;
  const std::string_view body = text.substr(open + 1, text.size() - open - 2);
  std::string_view id;
  std::size_t pos = 0;
  bool any = false;
  while (pos < body.size()) {
    if (is_blank(body[pos])) {
      ++pos;
      continue;
    }
    pos = parse_attribute(body, pos, id);
    if (pos == std::string_view::npos) return result;
    any = true;
  }
  if (!any) return result;
  result.found = true;
  result.start = static_cast<std::size_t>(text.data() - original.data()) + open;
  result.id = id;
  return result;
}

std::string_view SourceLines::line(int number) {
  if (number < cursor_line_) {
    cursor_line_ = 1;
    cursor_offset_ = 0;
  }
  while (cursor_line_ < number && cursor_offset_ < text_.size()) {
    const std::size_t newline = text_.find('\n', cursor_offset_);
    cursor_offset_ = newline == std::string_view::npos ? text_.size() : newline + 1;
    ++cursor_line_;
  }
  if (cursor_line_ != number) return {};
  const std::size_t newline = text_.find('\n', cursor_offset_);
  const std::size_t end = newline == std::string_view::npos ? text_.size() : newline;
  return text_.substr(cursor_offset_, end - cursor_offset_);
}

}  // namespace folio::detail
