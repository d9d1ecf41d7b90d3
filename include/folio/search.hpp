// The Searcher: opens one or several indexes and answers SearchRequests with SearchResults,
// suggestions, related articles, facets and statistics. The request and result types have headers
// of their own (search_request.hpp, search_results.hpp), included here for the Searcher's users.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/article.hpp"
#include "folio/article_cache.hpp"
#include "folio/config.hpp"
#include "folio/search_request.hpp"
#include "folio/search_results.hpp"

namespace folio {

// Opens one or several indexes and searches them as one. Not thread-safe: use one Searcher per
// thread. A Searcher notices new commits and swapped generations on its own and reopens.
class Searcher {
 public:
  // Throws Error{not_found} if a path holds no index, Error{database} if it cannot be opened.
  // Without a cache given, a Searcher keeps its own of settings.article_cache_mb (none at 0).
  explicit Searcher(const std::string& db_path, const SearchSettings& settings = {});
  Searcher(const std::vector<std::string>& db_paths, const SearchSettings& settings);
  Searcher(const std::vector<std::string>& db_paths, const SearchSettings& settings,
           std::shared_ptr<ArticleCache> cache);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Throws Error{invalid_query} (with param()) for a request that cannot be served.
  SearchResults search(const SearchRequest& request);
  std::vector<Suggestion> suggest(std::string_view partial_query, int limit = 8);
  // "More like this": articles sharing distinctive terms and tags. Error{not_found} for an unknown
  // id.
  std::vector<Hit> related(const std::string& id, int limit = 5);
  std::optional<ArticleRecord> article(const std::string& id);
  // Every facet value in the index with its count, for each field asked (all fields when empty).
  std::vector<FacetResult> facets(const std::vector<std::string>& fields = {});
  IndexStats stats();
  // The custom taxonomies the index holds values of ("topics"): filter and facet fields like tags.
  std::vector<std::string> taxonomies();
  // Reopens if the index changed since the last call; returns true if it did. search() calls it.
  bool refresh();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace folio
