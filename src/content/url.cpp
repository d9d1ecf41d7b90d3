// Article ids and URLs as Hugo (and Zola) derive them from the content path and front matter.
#include "folio/url.hpp"

#include <string_view>
#include <vector>

#include "base/utf8.hpp"

namespace folio {
namespace {

bool is_index_name(std::string_view name) {
  return name == "index" || name == "_index";
}

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

bool is_allowed_ascii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("./_-#+~@%").find(c) != std::string_view::npos;
}

// Hugo's default path handling: lowercase, whitespace to a single dash, characters that do not
// belong in a URL path dropped; letters and digits of any script are kept.
std::string sanitize_segment(std::string_view segment) {
  std::string out;
  out.reserve(segment.size());
  for (std::size_t pos = 0; pos < segment.size();) {
    const detail::utf8::Decoded decoded = detail::utf8::decode(segment, pos);
    pos += decoded.length;
    const char32_t cp = decoded.code_point;
    if (cp == ' ' || cp == '\t') {
      if (out.empty() || out.back() != '-') out += '-';
    } else if (cp < 0x80) {
      const auto c = static_cast<char>(cp);
      if (is_allowed_ascii(c)) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    } else if (detail::utf8::is_letter(cp) || detail::utf8::is_digit(cp)) {
      detail::utf8::append(out, detail::utf8::to_lower(cp));
    }
  }
  return out;
}

// A path from front matter (`url`, Zola's `path`) is used as given, with a leading slash.
std::string explicit_path(std::string_view path) {
  if (path.find("://") != std::string_view::npos) return std::string(path);
  std::string out;
  if (path.empty() || path.front() != '/') out += '/';
  out += path;
  return out;
}

std::string derived_path(const UrlRequest& request) {
  std::vector<std::string_view> segments = split_path(request.relative_path);
  if (segments.empty()) return "/";
  const std::string_view stem = without_extension(segments.back());
  const bool section_page = stem == "_index";
  if (is_index_name(stem)) {
    segments.pop_back();
  } else {
    segments.back() = stem;
  }
  // Hugo ignores `slug` on section pages (_index.md).
  if (!request.slug.empty() && !section_page) {
    if (segments.empty()) {
      segments.push_back(request.slug);
    } else {
      segments.back() = request.slug;
    }
  }
  std::string path = "/";
  for (std::string_view segment : segments) {
    std::string clean = sanitize_segment(segment);
    if (clean.empty()) continue;
    path += clean;
    path += '/';
  }
  return path;
}

std::string join_base(std::string_view base_url, const std::string& path) {
  if (base_url.empty() || path.find("://") != std::string::npos) return path;
  while (!base_url.empty() && base_url.back() == '/')
    base_url.remove_suffix(1);
  return std::string(base_url) + path;
}

}  // namespace

std::string article_url(const UrlRequest& request) {
  std::string path;
  if (!request.url.empty()) {
    path = explicit_path(request.url);
  } else if (!request.zola_path.empty()) {
    // Zola serves `path = "about"` at /about/: its permalinks always end with a slash.
    path = explicit_path(request.zola_path);
    if (path.back() != '/' && path.find("://") == std::string::npos) path += '/';
  } else {
    path = derived_path(request);
  }
  return join_base(request.base_url, path);
}

std::string article_id(const std::string& relative_path) {
  std::vector<std::string_view> segments = split_path(relative_path);
  if (segments.empty()) return {};
  segments.back() = without_extension(segments.back());
  if (segments.back() == "index" && segments.size() > 1) segments.pop_back();
  std::string id;
  for (std::string_view segment : segments) {
    if (!id.empty()) id += '/';
    id += segment;
  }
  return id;
}

}  // namespace folio
