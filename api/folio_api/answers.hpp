// The read endpoints of docs/http-api.md, each as one function of a Searcher and the decoded query
// string. folio-server calls them behind HTTP (server/api/api_handlers.cpp) and the static engine
// calls them in the browser (wasm/), so a query gets the same bytes from both: one engine, one
// parameter parser, one JSON writer.
#pragma once

#include <string>
#include <string_view>

#include "folio/error.hpp"
#include "folio/search.hpp"
#include "folio_api/api_error.hpp"
#include "folio_api/params.hpp"

namespace folio::api {

// A 200 answer: its JSON body and, for the access log, how many hits it holds (-1: not a list).
struct Answer {
  std::string body;
  long hits = -1;
};

// Each throws ApiError (400 naming the parameter, 404) or folio::Error from the engine; map the
// latter with api_error_from().
Answer answer_search(Searcher& searcher, const QueryParams& params, const SearchParamRules& rules);
Answer answer_suggest(Searcher& searcher, const QueryParams& params,
                      const SearchSettings& settings);
Answer answer_facets(Searcher& searcher, const QueryParams& params, const SearchParamRules& rules);
Answer answer_article(Searcher& searcher, std::string_view id);
Answer answer_related(Searcher& searcher, std::string_view id, const QueryParams& params);
Answer answer_stats(Searcher& searcher);

// An article id from a path, checked (not empty, at most 1 KB). Throws ApiError (400).
std::string checked_article_id(std::string_view id);

// Maps a folio::Error from the engine to the API's error (400 for bad queries, 404, 503...).
ApiError api_error_from(const Error& error);
// {"error": {"code", "message", "param"}}, the body of every error answer.
std::string error_json(const ApiError& error);

}  // namespace folio::api
