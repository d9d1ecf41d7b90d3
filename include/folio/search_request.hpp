// What a search asks for: the query, filters, date ranges, facets, sort order and page. Plain
// values with no behaviour, so that the query side (src/query/) can compile against them without
// the Searcher, and programs can build requests before opening an index.
#pragma once

#include <optional>
#include <string>
#include <vector>

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

// Compared with dates as written in the files: seconds of their wall-clock time as if it were UTC
// (2019-12-12 19:00:00 -0500 counts as 2019-12-12T19:00:00Z), so a day from midnight to midnight
// UTC takes the articles the site shows on that day.
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
  // The reader's language, lowercased ("de", "pt-br"): stopwords and titles are read in it, and
  // in an index of several languages its articles rank first. Every article still matches by
  // its own language's stems. Empty = the index's default language.
  std::string language;
  bool strict = false;  // unknown fields in the query are errors instead of plain words
};

}  // namespace folio
