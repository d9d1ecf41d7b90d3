// A matching document as a Hit: its stored display record, the title highlighted, the snippet of
// its best passage and the section that holds it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "folio/search_results.hpp"
#include "search/article_cache.hpp"
#include "search/snippets/snippets.hpp"

namespace folio::detail {

// Where hits read their stored articles from: the document itself, through a cache if given.
struct StoredArticleReader {
  ArticleCacheStore* cache = nullptr;
  std::string_view identity;  // of the index (IndexHandle::identity); empty: no caching
};

struct HitOptions {
  const Highlighter* highlighter = nullptr;  // null: no highlighting, no snippet
  std::size_t snippet_length = 0;            // 0: no snippet
  StoredArticleReader articles;
};

Hit make_hit(const Xapian::Document& doc, double score, const HitOptions& options);

// The document with that id, if the index holds it.
std::optional<Xapian::Document> find_document(const Xapian::Database& db, const std::string& id);

}  // namespace folio::detail
