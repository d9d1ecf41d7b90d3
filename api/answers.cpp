#include "folio_api/answers.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "folio_json/json_mapping.hpp"

namespace folio::api {
namespace {

constexpr std::size_t kMaxIdLength = 1024;

// The query-string name of the SearchRequest field an engine error names ("" and "query": q).
std::string http_param(const std::string& param) {
  if (param.empty() || param == "query") return "q";
  if (param == "page_size") return "per_page";
  if (param == "snippet_length") return "snippet";
  return param;
}

// The configured taxonomies and those the index holds values of: an index built with `topics` can
// be filtered and faceted by it whatever the reader's own configuration says.
SearchParamRules with_index_taxonomies(const SearchParamRules& rules, Searcher& searcher) {
  SearchParamRules all = rules;
  for (auto& name : searcher.taxonomies()) {
    if (std::find(all.taxonomies.begin(), all.taxonomies.end(), name) == all.taxonomies.end())
      all.taxonomies.push_back(std::move(name));
  }
  return all;
}

}  // namespace

Answer answer_search(Searcher& searcher, const QueryParams& params, const SearchParamRules& rules) {
  const SearchRequest request =
      parse_search_request(params, with_index_taxonomies(rules, searcher));
  const SearchResults results = searcher.search(request);
  return {json_mapping::search_results_json(results), static_cast<long>(results.hits.size())};
}

Answer answer_suggest(Searcher& searcher, const QueryParams& params,
                      const SearchSettings& settings) {
  const std::string query = parse_query_text(params, settings);
  const int limit = params.integer("limit", 8, 1, 20);
  const auto suggestions = searcher.suggest(query, limit);
  return {json_mapping::suggestions_json(query, suggestions),
          static_cast<long>(suggestions.size())};
}

Answer answer_facets(Searcher& searcher, const QueryParams& params, const SearchParamRules& rules) {
  const auto fields = parse_facet_fields(params, "fields", with_index_taxonomies(rules, searcher));
  const auto facets = searcher.facets(fields.value_or(std::vector<std::string>{}));
  return {json_mapping::facets_json(facets)};
}

Answer answer_article(Searcher& searcher, std::string_view id) {
  const std::string checked = checked_article_id(id);
  const auto record = searcher.article(checked);
  if (!record) throw not_found("no article with id " + checked);
  return {json_mapping::dump(json_mapping::to_json(*record))};
}

Answer answer_related(Searcher& searcher, std::string_view id, const QueryParams& params) {
  const std::string checked = checked_article_id(id);
  const int limit = params.integer("limit", 5, 1, 20);
  const auto hits = searcher.related(checked, limit);
  return {json_mapping::related_json(checked, hits), static_cast<long>(hits.size())};
}

Answer answer_stats(Searcher& searcher) {
  return {json_mapping::dump(json_mapping::to_json(searcher.stats()))};
}

std::string checked_article_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) throw bad_parameter("id", "bad article id");
  return std::string(id);
}

ApiError api_error_from(const Error& error) {
  switch (error.code()) {
    case ErrorCode::invalid_query:
    case ErrorCode::invalid_argument:
    case ErrorCode::parse:
    case ErrorCode::encoding:
    case ErrorCode::too_large:
      return bad_parameter(http_param(error.param()), error.reason());
    case ErrorCode::not_found:
      return not_found(error.reason());
    case ErrorCode::locked:
      return ApiError(409, "conflict", error.reason());
    case ErrorCode::database:
    case ErrorCode::io:
      return unavailable(error.reason());
    case ErrorCode::config:
      break;
  }
  return ApiError(500, "internal", error.reason());
}

std::string error_json(const ApiError& error) {
  return json_mapping::dump(json_mapping::error_to_json(error.code(), error.what(), error.param()));
}

}  // namespace folio::api
