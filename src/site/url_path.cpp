#include "site/url_path.hpp"

#include "base/utf8.hpp"

namespace folio::detail {
namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_kept_ascii(std::string_view text, std::size_t at) {
  const char c = text[at];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (std::string_view("./\\_#~-@").find(c) != std::string_view::npos) return true;
  return c == '%' && at + 2 < text.size() && is_hex(text[at + 1]) && is_hex(text[at + 2]);
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!segment.empty() && segment != ".") segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

std::string_view without_extension(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return name;
  return name.substr(0, dot);
}

std::string hugo_sanitize(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  bool dash_pending = false;
  for (std::size_t pos = 0; pos < path.size();) {
    const utf8::Decoded decoded = utf8::decode(path, pos);
    const char32_t cp = decoded.code_point;
    const bool kept = cp < 0x80 ? is_kept_ascii(path, pos)
                                : utf8::is_letter(cp) || utf8::is_digit(cp) || utf8::is_mark(cp);
    pos += decoded.length;
    if (kept) {
      if (dash_pending) out += '-';
      dash_pending = false;
      utf8::append(out, utf8::to_lower(cp));
    } else if (!out.empty() && utf8::is_space(cp)) {
      dash_pending = true;
    }
  }
  return out;
}

std::string base_path_of_url(std::string_view url) {
  std::string_view path = url;
  const std::size_t scheme = path.find("://");
  if (scheme != std::string_view::npos) {
    const std::size_t slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  std::string out = "/";
  for (std::string_view segment : split_path(path)) {
    out += segment;
    out += '/';
  }
  return out;
}

}  // namespace folio::detail
