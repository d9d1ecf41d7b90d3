// From the bytes of a Markdown file to an Article.
#pragma once

#include <string>
#include <string_view>

#include "folio/article.hpp"
#include "folio/config.hpp"
#include "folio/utf8.hpp"  // is_valid_utf8, declared here before it had a header of its own

namespace folio {

struct ArticleSource {
  std::string path;           // path on disk, used in error messages
  std::string relative_path;  // relative to the content root, '/' separators
  std::string_view content;   // the raw bytes of the file
  // Its place in the site (see IndexSettings::site): the language of its content folder ("" when
  // the folder holds every language) and the nearest section folder above it ("" = the top).
  std::string content_language;
  std::string section_path;
};

// Parses one article: checks size and UTF-8, reads front matter, extracts the Markdown, derives
// id, url, title fallback (first heading, then the file name), description fallback, word count and
// reading time. Throws Error (parse, encoding, too_large) naming the file, line and column.
Article parse_article(const ArticleSource& source, const IndexSettings& settings);

// Checks that `bytes` is valid UTF-8 and not binary (no NUL bytes). Throws Error{encoding} with the
// line and column of the first bad byte.
void validate_text(std::string_view bytes, const std::string& path);

// A fast 128-bit content hash of the bytes, as 32 hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace folio
