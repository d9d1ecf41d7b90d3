// What a Searcher answers: hits with their snippets and sections, facet counts, suggestions and
// index statistics. Plain values, shared by the search side and the programs that print or
// serialise them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "folio/date.hpp"

namespace folio {

struct SectionMatch {
  std::string heading;
  std::string anchor;
  std::string url;      // article url + "#" + anchor
  std::string snippet;  // in Hit::sections: the section's own passage, escaped and highlighted
};

struct Hit {
  std::string id;
  std::string url;
  std::string title;                 // HTML-escaped, matches wrapped in the highlight markers
  std::string title_plain;           // as written
  std::optional<Timestamp> date;     // instants, with the UTC offsets they were written with:
  std::optional<Timestamp> lastmod;  // the day to show is format_day(*date, date_offset_seconds)
  int date_offset_seconds = 0;
  int lastmod_offset_seconds = 0;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> authors;
  std::string description;
  std::string snippet;                  // HTML-escaped, matches wrapped in the highlight markers
  std::optional<SectionMatch> section;  // the section of `snippet` (its own snippet left empty)
  // Up to three sections holding query words, best first, each with its own passage (as
  // Pagefind's sub-results): the first is `section`.
  std::vector<SectionMatch> sections;
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
  std::string site;          // the generator and settings read from the site; "" for a folder
  std::vector<TagCount> top_tags;
};

}  // namespace folio
