// The document data of an article in the index: its display record plus the section texts used
// for snippets, so a search never reads the source files. A compact length-prefixed binary format
// with a version byte; see stored_record.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "folio/article.hpp"
#include "folio/search.hpp"

namespace folio::detail {

struct StoredArticle {
  ArticleRecord record;
  // Section texts aligned with record.headings: sections[0] is the lead (before any heading),
  // sections[i + 1] the text under record.headings[i].
  std::vector<std::string> sections;
};

std::string encode_stored_article(const Article& article);
// Throws Error{database} on data it cannot read (a different schema version, truncation).
StoredArticle decode_stored_article(std::string_view data);

}  // namespace folio::detail
