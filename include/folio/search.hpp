// The query side of folio::core: SearchRequest in, SearchResults out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/article.hpp"
#include "folio/config.hpp"
#include "folio/date.hpp"

namespace folio {

enum class SortOrder {
  relevance,  // BM25 with field weights, phrase/proximity boost, ties broken by date
  newest,
  oldest,
  recent,  // relevance blended with recency
};

enum class FilterMode { any, all, none };

// field is a filter field: tags, categories, keywords, authors, series, section, lang, year,
// month, or a configured taxonomy. Aliases (tag, category, keyword, author) are accepted.
struct FieldFilter {
  std::string field;
  std::vector<std::string> values;
  FilterMode mode = FilterMode::any;
};

struct DateRange {
  std::string field = "date";     // "date" or "lastmod"
  std::optional<Timestamp> from;  // inclusive
  std::optional<Timestamp> to;    // inclusive (a day given as a date covers the whole day)
};

// Values returned per facet when the caller does not say (folio-server's facet_limit default).
inline constexpr int kDefaultFacetLimit = 10;

struct FacetRequest {
  std::string
      field;  // tags, categories, keywords, authors, series, section, lang, year, or a taxonomy
  int limit = kDefaultFacetLimit;  // values returned; the rest are counted in other_values
};

// The facets asked for when the caller names none: tags, categories and year, `limit` values
// each. folio-server's /api/search and `folio search` both start from these.
std::vector<FacetRequest> default_facets(int limit = kDefaultFacetLimit);

struct SearchRequest {
  std::string query;  // the query language of docs/query-syntax.md
  std::vector<FieldFilter> filters;
  std::vector<DateRange> date_ranges;
  std::vector<FacetRequest> facets;
  SortOrder sort = SortOrder::relevance;
  int page = 1;              // 1-based
  int page_size = 10;        // 1..SearchSettings::max_page_size
  int snippet_length = 200;  // characters; 0 = no snippets
  std::string highlight_start = "<mark>";
  std::string highlight_end = "</mark>";
  std::string language;  // stemming language for the query; empty = the index default
  bool strict = false;   // unknown fields in the query are errors instead of plain words
};

struct SectionMatch {
  std::string heading;
  std::string anchor;
  std::string url;  // article url + "#" + anchor
};

struct Hit {
  std::string id;
  std::string url;
  std::string title;        // HTML-escaped, matches wrapped in the highlight markers
  std::string title_plain;  // as written
  std::optional<Timestamp> date;
  std::optional<Timestamp> lastmod;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> authors;
  std::string description;
  std::string snippet;  // HTML-escaped, matches wrapped in the highlight markers
  std::optional<SectionMatch> section;
  double score = 0;
};

struct FacetValue {
  std::string value;  // original spelling, for display
  std::string key;    // normalised form, for filters
  std::size_t count = 0;
  bool selected = false;
};

struct FacetResult {
  std::string field;
  std::vector<FacetValue> values;  // by count, then by value
  std::size_t other_values = 0;    // distinct values not returned
};

struct SearchResults {
  std::string query;
  std::size_t total = 0;
  bool total_exact = true;
  int page = 1;
  int page_size = 10;
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;
  std::string corrected_query;  // non-empty when a spelling correction exists
  bool auto_corrected = false;  // the hits are for corrected_query, the query found nothing
  double took_ms = 0;
};

struct Suggestion {
  enum class Kind { term, title };
  Kind kind = Kind::term;
  std::string text;  // the completed query ("go concurrency") or an article title
  std::string url;   // for titles
};

// The stored display record of one article, as the index holds it.
struct ArticleRecord {
  std::string id;
  std::string url;
  std::string title;
  std::string description;
  std::optional<Timestamp> date;
  std::optional<Timestamp> lastmod;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> keywords;
  std::vector<std::string> authors;
  std::vector<std::string> series;
  std::string language;
  std::vector<Heading> headings;
  int word_count = 0;
  int reading_time_minutes = 0;
};

struct TagCount {
  std::string value;
  std::size_t count = 0;
};

struct IndexStats {
  std::size_t articles = 0;
  std::size_t terms = 0;
  std::size_t size_bytes = 0;
  std::string last_indexed;  // ISO 8601, empty if unknown
  std::string revision;      // changes with every commit or swap
  std::vector<TagCount> top_tags;
};

// Opens one or several indexes and searches them as one. Not thread-safe: use one Searcher per
// thread. A Searcher notices new commits and swapped generations on its own and reopens.
struct ArticleCacheStats {
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::size_t entries = 0;
  std::size_t bytes = 0;
  std::size_t max_bytes = 0;
};

// Decoded articles kept in memory so that hits showing them again need not read and decompress
// them: bounded by bytes (least recently used out first), thread-safe, and shareable by several
// Searchers on the same index (a server's pool). Entries are keyed by the index revision, so a
// commit or rebuild never serves a stale one.
class ArticleCache {
 public:
  explicit ArticleCache(std::size_t max_bytes);
  // A cache of settings.article_cache_mb, or null when that is 0.
  static std::shared_ptr<ArticleCache> for_settings(const SearchSettings& settings);
  ~ArticleCache();
  ArticleCache(const ArticleCache&) = delete;
  ArticleCache& operator=(const ArticleCache&) = delete;

  ArticleCacheStats stats() const;

  struct Impl;  // defined inside the library
  Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

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
  // Reopens if the index changed since the last call; returns true if it did. search() calls it.
  bool refresh();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace folio
