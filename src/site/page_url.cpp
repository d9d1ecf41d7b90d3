// Page URLs: Hugo's rules (also used for a bare folder of Markdown), with Zola's `path`.
#include <algorithm>

#include "folio/url.hpp"
#include "site/hugo_permalink.hpp"
#include "site/url_path.hpp"

namespace folio {
namespace {

using detail::split_path;
using detail::without_extension;

bool looks_like_language_code(std::string_view code) {
  auto lower_letters = [](std::string_view part) {
    return !part.empty() &&
           std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (code.size() == 2) return lower_letters(code);
  // pt-br, zh-cn, zh-tw
  return code.size() == 5 && code[2] == '-' && lower_letters(code.substr(0, 2)) &&
         lower_letters(code.substr(3));
}

bool has_extension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

std::string collapse_slashes(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out += c;
  }
  return out;
}

// A path given in front matter (`url`, Zola's `path`) is used as given, from the site root.
std::string explicit_path(std::string_view path, bool directory_unless_extension) {
  if (path.find("://") != std::string_view::npos) return std::string(path);
  std::string out;
  if (path.empty() || path.front() != '/') out += '/';
  out += path;
  if (directory_unless_extension && out.back() != '/' && !has_extension(out)) out += '/';
  return out;
}

// The file's shape: its folders, and the name Hugo calls TranslationBaseName.
struct PageFile {
  std::vector<std::string> folders;
  std::string base_name;  // "post" for posts/post.fr.md; "index" or "_index" for bundles
  bool section_page = false;
  bool bundle = false;
};

PageFile page_file(const UrlRequest& request, const std::string& file_language) {
  PageFile file;
  std::vector<std::string_view> segments = split_path(request.relative_path);
  if (segments.empty()) return file;
  std::string_view stem = without_extension(segments.back());
  if (!file_language.empty()) stem.remove_suffix(file_language.size() + 1);
  segments.pop_back();
  for (std::string_view segment : segments)
    file.folders.emplace_back(segment);
  file.base_name = std::string(stem);
  file.section_page = stem == "_index";
  file.bundle = stem == "index";
  return file;
}

std::string joined_path(const std::vector<std::string>& segments, bool trailing_slash) {
  std::string path = "/";
  for (const std::string& segment : segments) {
    path += segment;
    path += '/';
  }
  if (!trailing_slash && path.size() > 1) path.pop_back();
  return path;
}

// Hugo's path for a page without a permalink pattern: its folders, then the slug or file name.
std::string default_path(const UrlRequest& request, const PageFile& file, bool ugly) {
  std::vector<std::string> segments = file.folders;
  if (!file.section_page && !file.bundle) segments.push_back(file.base_name);
  // Hugo ignores `slug` on section pages (_index.md).
  if (!request.slug.empty() && !file.section_page) {
    if (segments.empty()) {
      segments.push_back(request.slug);
    } else {
      segments.back() = request.slug;
    }
  }
  if (ugly && !file.section_page && !segments.empty()) {
    return detail::hugo_sanitize(joined_path(segments, false) + ".html");
  }
  return collapse_slashes(detail::hugo_sanitize(joined_path(segments, true)));
}

const std::string* permalink_for(const UrlRequest& request, const PageFile& file) {
  if (!request.site || file.section_page || file.folders.empty()) return nullptr;
  auto it = request.site->permalinks.find(file.folders.front());
  return it == request.site->permalinks.end() ? nullptr : &it->second;
}

std::string permalink_path(const UrlRequest& request, const PageFile& file,
                           const std::string& pattern, std::string* warning) {
  detail::PermalinkPage page;
  page.title = request.title;
  page.slug = request.slug;
  page.file_name = file.bundle ? file.folders.back() : file.base_name;
  page.section_path = request.section_path.empty() ? file.folders.front() : request.section_path;
  page.date = request.date;
  page.date_offset_seconds = request.date_offset_seconds;
  detail::Expanded expanded = detail::expand_hugo_permalink(pattern, page);
  if (!expanded.error.empty()) {
    if (warning) {
      *warning = "the permalink \"" + pattern + "\" for section " + file.folders.front() +
                 " cannot be computed (" + expanded.error + "); the page's path is used instead";
    }
    return {};
  }
  std::string path = collapse_slashes(detail::hugo_sanitize(expanded.path));
  if (path.back() != '/' && !has_extension(path)) path += '/';
  return path;
}

std::string language_prefix(const UrlRequest& request, const std::string& language) {
  if (language.empty()) return {};
  const SiteSettings* site = request.site;
  const std::string& default_language = site ? site->default_language : request.default_language;
  const bool in_subdir = site && site->default_language_in_subdir;
  if (language == default_language && !in_subdir) return {};
  return "/" + language;
}

std::string with_base(const UrlRequest& request, const std::string& path) {
  if (path.find("://") != std::string::npos) return path;
  std::string_view base = request.base_url;
  if (base.empty() && request.site) base = request.site->base_path;
  while (!base.empty() && base.back() == '/')
    base.remove_suffix(1);
  return std::string(base) + path;
}

std::string hugo_path(const UrlRequest& request, std::string* warning) {
  const SiteSettings* site = request.site;
  const std::string file_language =
      language_of_file_name(request.relative_path, site ? &site->languages : nullptr);
  std::string language = file_language.empty() ? request.language : file_language;
  if (language.empty() && site) language = site->default_language;
  if (!request.url.empty()) return explicit_path(request.url, true);
  const PageFile file = page_file(request, file_language);
  std::string path;
  if (const std::string* pattern = permalink_for(request, file))
    path = permalink_path(request, file, *pattern, warning);
  if (path.empty()) path = default_path(request, file, site && site->ugly_urls);
  return language_prefix(request, language) + path;
}

}  // namespace

std::string language_of_file_name(const std::string& relative_path,
                                  const std::vector<SiteLanguage>* languages) {
  const std::size_t slash = relative_path.rfind('/');
  const std::string_view name =
      std::string_view(relative_path).substr(slash == std::string::npos ? 0 : slash + 1);
  const std::string_view stem = without_extension(name);
  const std::size_t dot = stem.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  const std::string_view code = stem.substr(dot + 1);
  if (languages) {
    for (const SiteLanguage& language : *languages)
      if (language.code == code) return language.code;
    return {};
  }
  return looks_like_language_code(code) ? std::string(code) : std::string();
}

std::string article_url(const UrlRequest& request, std::string* warning) {
  std::string path;
  if (!request.zola_path.empty() && request.url.empty()) {
    // Zola serves `path = "about"` at /about/: its permalinks always end with a slash.
    path = explicit_path(request.zola_path, true);
  } else {
    path = hugo_path(request, warning);
  }
  return with_base(request, path);
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
