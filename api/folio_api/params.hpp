// Query strings to requests, strictly: a bad parameter is a 400 that names it, never a guess.
// Empty values count as absent (HTML forms send `from=&to=`); unknown parameters are ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/config.hpp"
#include "folio/search.hpp"

namespace folio::api {

struct QueryParam {
  std::string name;
  std::string value;
};

// The decoded parameters of a query string, in order. Throws ApiError (400) for bad
// percent-encoding, invalid UTF-8, NUL bytes, or too many parameters.
class QueryParams {
 public:
  QueryParams() = default;
  static QueryParams parse(std::string_view raw_query);

  // The value of a parameter that may appear once; nullopt when absent or empty. Throws 400 when
  // it is repeated.
  std::optional<std::string_view> single(std::string_view name) const;
  // Every non-empty value of a parameter that may repeat, comma lists split.
  std::vector<std::string> list(std::string_view name) const;
  // A whole number in [min, max], or fallback when absent. Throws 400 naming the parameter.
  int integer(std::string_view name, int fallback, int min, int max) const;

  const std::vector<QueryParam>& items() const noexcept { return items_; }

 private:
  std::vector<QueryParam> items_;
};

// Splits a request target ("/api/articles/a%20b?q=x") into its decoded path and raw query string.
// Throws ApiError (400) when the path's percent-encoding or UTF-8 is bad or it holds a NUL.
struct RequestTarget {
  std::string path;
  std::string query;  // raw, still percent-encoded
};
RequestTarget split_target(std::string_view target);

// What may appear in a search request beyond the built-in fields.
struct SearchParamRules {
  const SearchSettings* settings = nullptr;  // limits: page, page size, query length
  std::vector<std::string> taxonomies;       // configured custom taxonomies, usable as filters
};

// GET /api/search parameters -> SearchRequest (see docs/http-api.md).
SearchRequest parse_search_request(const QueryParams& params, const SearchParamRules& rules);
// The `q` parameter of /api/suggest and the length limit on it.
std::string parse_query_text(const QueryParams& params, const SearchSettings& settings);
// A comma list of facet fields (`facets=tags,year`) in canonical names; nullopt when absent,
// empty for `none`. Throws 400 for an unknown field.
std::optional<std::vector<std::string>> parse_facet_fields(const QueryParams& params,
                                                           std::string_view name,
                                                           const SearchParamRules& rules);

}  // namespace folio::api
