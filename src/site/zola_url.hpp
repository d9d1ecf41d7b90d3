// Zola's page and section paths (https://www.getzola.org/documentation/content/page/ and
// .../content/section/), as components/content/src/page.rs and section.rs compute them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "folio/config.hpp"
#include "folio/date.hpp"
#include "folio/url.hpp"

namespace folio::detail {

// Zola's slugify_paths. "on" is the `slug` crate: ASCII letters and digits lowercased, every other
// run of characters one dash, none at either end, non-ASCII transliterated first as the
// `deunicode` crate does. Folio carries deunicode's transliterations for Latin (Latin-1,
// Extended-A and -B, Extended Additional), Greek and Cyrillic letters and common punctuation;
// other scripts (CJK, Arabic, Hebrew, Indic, ...) are kept as lowercased letters where Zola
// would transliterate them (日本 is "ri-ben" to Zola, "日本" to folio): set `slug` in such pages'
// front matter. "safe" drops < > : " / \ | ? * and trailing spaces and dots; "off" keeps all.
std::string zola_slugify(std::string_view text, ZolaSlugify strategy);

// A file or folder name starting with a date (2024-01-15, or an RFC 3339 date-time), then
// optionally `_` or `-` and the rest ("hello-world"), as Zola reads it.
struct ZolaDatedName {
  std::string date;  // "2024-01-15" or "2024-01-15T10:00:00Z"
  std::string rest;  // "hello-world"; empty when the name is only a date
};
std::optional<ZolaDatedName> zola_dated_name(std::string_view name);

// The path of a Zola page or section (`_index.md`), before the base URL: "/blog/hello-world/",
// "/fr/blog/", or the page's `path` front matter. request.site must be a Zola site.
std::string zola_url_path(const UrlRequest& request);

// The date a page's file name (or its folder's, for index.md) starts with, for a page whose
// front matter has none; nullopt for sections and names without a date.
std::optional<Timestamp> zola_file_date(const UrlRequest& request);

}  // namespace folio::detail
