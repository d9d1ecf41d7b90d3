// What an index holds: every facet value with its count, one article's stored record, and the
// figures of `folio stats` and /api/stats.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "folio/article.hpp"
#include "folio/search_results.hpp"
#include "query/search_fields.hpp"

namespace folio::detail {

// Custom taxonomy names present in the index (from its XTAX<name>: terms).
std::vector<std::string> index_taxonomies(const Xapian::Database& db);

// Every value of each field with its count (all facet fields found when `fields` is empty).
std::vector<FacetResult> all_facets(const Xapian::Database& db, const FieldCatalog& catalog,
                                    const std::vector<std::string>& fields);

std::optional<ArticleRecord> article_record(const Xapian::Database& db, const std::string& id);

// Articles, distinct free-text terms, last indexed time and the top tags (size and revision are
// filled in by the caller, which knows the folders).
IndexStats index_stats(const Xapian::Database& db, const FieldCatalog& catalog);

// Bytes of every file under `folder`, recursively.
std::size_t folder_size(const std::string& folder);

}  // namespace folio::detail
