// Jekyll's view of a site's files and their URLs, as Jekyll 4.3 computes them
// (lib/jekyll/{reader,entry_filter,document,page,url}.rb, drops/url_drop.rb; the docs at
// https://jekyllrb.com/docs/permalinks/ and /docs/posts/). Checked against Debian 12's jekyll 4.3
// by tests/integration/jekyll_build_check.sh.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/config.hpp"
#include "folio/date.hpp"
#include "folio/url.hpp"

namespace folio::detail {

// Utils.slugify: `default` keeps letters, marks and digits; `pretty` also ._~!$&'()+,;=@; `ascii`
// only A-Z a-z 0-9; `raw` replaces only white space. Each other run is one '-', none at the ends;
// lowercased unless `cased`.
enum class JekyllSlug { raw, standard, pretty, ascii };
std::string jekyll_slugify(std::string_view text, JekyllSlug mode, bool cased = false);

// The pattern of a built-in permalink style (date, pretty, ordinal, weekdate, none), or `style`
// itself when it is a pattern.
std::string jekyll_style_pattern(std::string_view style);
// Utils.add_permalink_suffix: `/` after the template for pretty and styles ending in a slash,
// `:output_ext` for date, ordinal, none and styles ending in it.
std::string jekyll_with_suffix(std::string template_path, std::string_view style);

// URL.escape_path: a value with characters other than A-Z a-z 0-9 . / - is percent-encoded, the
// characters a URL path keeps as they are (unreserved, sub-delimiters, : @ /) excepted.
std::string jekyll_escape_path(std::string_view path);

enum class JekyllKind {
  page,      // a file with YAML front matter in a folder Jekyll reads
  post,      // _posts/YYYY-MM-DD-title.md (any depth, also category/_posts/)
  draft,     // _drafts/title.md, only with drafts
  document,  // a file of another collection (_recipes/soup.md)
  not_read,  // not read at all, or read but never written (a collection without output)
};

struct JekyllFile {
  JekyllKind kind = JekyllKind::not_read;
  std::string collection;     // "posts" for posts and drafts, the label for documents
  std::string document_path;  // a document's path from the collections_dir ("_posts/x.md")
  std::string reason;         // why a file is not read, for the report
  // A page or a document other than a post or draft is a page only with YAML front matter (a
  // first line `---`); without, Jekyll copies it as a static file.
  bool needs_front_matter = true;
};

// What `relative_path` (from the site root) is to Jekyll, given its configuration: special
// names (_ . # ~), excluded and included patterns, the destination, collections_dir.
JekyllFile classify_jekyll_file(std::string_view relative_path, const SiteSettings& site);

// Whether a file's first line opens YAML front matter, as Jekyll checks it (`---`, then only white
// space; no byte order mark).
bool has_jekyll_front_matter(std::string_view first_bytes);

// Whether a front matter date was written with its offset ("2013-05-06 02:12:52 +0200",
// "...T10:00:00Z"): Jekyll shows such a date in the site's `timezone`, and one written without
// an offset as written.
bool jekyll_date_has_offset(std::string_view written);

// The offset that puts the instant `date` on the calendar of the site's `timezone` (UTC when it
// has none: Jekyll would use the building machine's zone; GitHub Pages builds in UTC), from the
// system's tz database; 0 when the zone is unknown.
int jekyll_zone_offset(const SiteSettings& site, Timestamp date);

// The date a post's (or a dated document's) file name starts with ("2024-01-15-hello.md"), for
// one whose front matter has none.
std::optional<Timestamp> jekyll_file_date(const UrlRequest& request);

// Categories of a document: the folders above its _posts (blog/_posts/x.md is in "blog"), then
// request.categories (front matter `categories` split on spaces, then `category`), without
// repeats. A page's are request.categories.
std::vector<std::string> jekyll_categories(const UrlRequest& request);

// The title Jekyll gives a document without one: its slug with words capitalised ("hello-world"
// -> "Hello World"); "" for pages.
std::string jekyll_default_title(const UrlRequest& request);

// The value front matter defaults (`defaults:`) give the file for `key` ("permalink" or
// "published"), as FrontmatterDefaults#find chooses it (the longest scope path wins, then a scope
// with a type); "" when none does.
std::string jekyll_default(const UrlRequest& request, std::string_view key);

// The path Jekyll gives the file (before the site's baseurl): a page's /:path/:basename with the
// site's suffix, a document's collection permalink, or the front matter permalink (else a front
// matter default's). `error`
// receives why a permalink cannot be expanded (an unknown token); the collection's pattern, then
// the default one, are used instead.
std::string jekyll_url_path(const UrlRequest& request, std::string* error);

}  // namespace folio::detail
