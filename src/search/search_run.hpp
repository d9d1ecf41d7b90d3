// One search, start to finish, against an open database: the request checked, the query built,
// the all-words / best-partial-matches / spelling-corrected attempts, facets (disjunctive for
// selected fields), and the page of hits with snippets.
#pragma once

#include <string>

#include <xapian.h>

#include "folio/config.hpp"
#include "folio/search_request.hpp"
#include "folio/search_results.hpp"
#include "query/index_languages.hpp"
#include "query/search_fields.hpp"
#include "query/synonyms.hpp"
#include "query/typo.hpp"
#include "search/facets/facet_column.hpp"
#include "search/hits.hpp"
#include "search/title_column.hpp"

namespace folio::detail {

struct SearchContext {
  const SearchSettings& settings;
  const SynonymTable& synonyms;
  const FieldCatalog& fields;
  Xapian::Stem stemmer;
  std::string language;  // of the stemmer, for stopwords
  SpellingCache* spelling = nullptr;
  StoredArticleReader articles;               // where hits read their stored articles from
  const FacetColumn* facet_column = nullptr;  // of the database searched; null: read values
  const TitleColumn* title_column = nullptr;  // of the database searched; null: read values
  const IndexLanguages* languages = nullptr;  // of the database searched (index_languages.hpp)
  std::string reader_language;                // the request's `language`, ranked first
};

// Throws Error{invalid_query} with param() for a request that cannot be served.
void validate_request(const SearchRequest& request, const SearchSettings& settings);

// Runs a request that validate_request accepted (Searcher::search checks it once, before it
// touches the index).
SearchResults run_search(const Xapian::Database& db, const SearchRequest& request,
                         const SearchContext& context);

}  // namespace folio::detail
