// Article ids, and page URLs as the site's generator makes them (Hugo, Zola, Jekyll), or as Hugo
// would for a bare folder of Markdown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "folio/config.hpp"
#include "folio/date.hpp"

namespace folio {

struct UrlRequest {
  std::string relative_path;  // "posts/go-vs-rust.md", '/' separators, relative to the content root
  std::string slug;           // front matter `slug`: replaces the last path segment
  std::string url;            // front matter `url`: the whole path, used as is
  std::string zola_path;      // front matter `path` (Zola): the whole path
  std::string base_url;       // "https://example.com" or "https://example.com/blog/"; may be empty
  // What permalink patterns and languages need.
  std::string title;  // as written in front matter (Hugo's :title, and :slug without a slug)
  std::optional<Timestamp> date;
  int date_offset_seconds = 0;          // the offset the date was written with
  std::string language;                 // the page's language; "" = the default language
  std::string default_language;         // without a site: the index's language
  std::string section_path;             // Hugo: the nearest section folder above the page
  std::vector<std::string> categories;  // Jekyll's :categories
  const SiteSettings* site = nullptr;   // nullptr: a bare folder, Hugo's defaults
};

// A page URL: posts/go-vs-rust.md -> /posts/go-vs-rust/; posts/bundle/index.md -> /posts/bundle/;
// posts/_index.md -> /posts/; _index.md -> /; posts/hello.fr.md -> /fr/posts/hello/ (French not
// being the default language). Hugo sites apply their permalinks, language prefixes, base path and
// uglyURLs. Paths are lowercased and sanitised as Hugo does. The base URL, when given, replaces the
// site's base path and is prepended without doubling slashes. `warning` (when given) receives why a
// permalink pattern could not be used; the page then gets its default path.
std::string article_url(const UrlRequest& request, std::string* warning = nullptr);

// The stable id of an article: its relative path without the extension, and for bundles without
// the trailing "/index" ("posts/go-vs-rust", "posts/bundle", "posts/_index").
std::string article_id(const std::string& relative_path);

// The language a file name carries in Hugo's form ("post.fr.md" -> "fr"); "" when it has none.
// With `languages` given, only those codes count; without, any two-letter or ll-cc code does.
std::string language_of_file_name(const std::string& relative_path,
                                  const std::vector<SiteLanguage>* languages = nullptr);

}  // namespace folio
