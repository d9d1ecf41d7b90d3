// What a handler is given and what it gives back, without the HTTP library. The HTTP layer
// (App::run) fills an ApiRequest from the request it screened, calls the route's handler and writes
// the ApiResponse out. A handler's inputs are its arguments: nothing reaches it through per-thread
// state, and it can be called from a test without a socket.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "folio_api/answers.hpp"
#include "folio_api/params.hpp"
#include "folio_json/json_mapping.hpp"

namespace folio::server {

// The HTTP API's parameters and errors, shared with the static engine (api/), named here as the
// server's own.
using api::api_error_from;
using api::ApiError;
using api::bad_parameter;
using api::not_found;
using api::parse_facet_fields;
using api::parse_query_text;
using api::parse_search_request;
using api::QueryParam;
using api::QueryParams;
using api::RequestTarget;
using api::SearchParamRules;
using api::split_target;
using api::unavailable;

constexpr std::string_view kJsonType = "application/json";

struct ApiRequest {
  const QueryParams& params;  // the decoded query string, checked while the request was screened
  std::string path;           // the decoded path
  std::string path_capture;   // what the route pattern's group matched (an article id), or empty
  std::string authorization;  // the Authorization header, or empty
  std::string if_none_match;  // the If-None-Match header (asset revalidation), or empty
};

struct ApiResponse {
  int status = 200;
  std::string content_type;  // empty: no body (a 304)
  std::string body;
  // Extra headers, in order. They are sent with an error thrown afterwards too (WWW-Authenticate
  // on a 401).
  std::vector<std::pair<std::string, std::string>> headers;
  long hits = -1;  // hits returned, for the access log; -1 = not a search

  void send_json(int status_code, const json_mapping::Json& json);
  // The same, for a body json_mapping already wrote as text.
  void send_json_text(int status_code, std::string json);
  void send(int status_code, std::string text, std::string type);
  void add_header(std::string name, std::string value);
};

}  // namespace folio::server
