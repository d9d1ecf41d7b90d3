// What the HTTP layer shares: JSON error responses, and the state one request carries from its
// screening to the access log.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "api/api_exchange.hpp"
#include "folio_api/api_error.hpp"
#include "folio_api/params.hpp"
#include "http/connection/http_message.hpp"

namespace folio::server {

// The error code of docs/http-api.md for a status (400, 404, 413...).
std::string_view error_code_for_status(int status);

// A JSON error body with the error's status (and Retry-After when it has one).
void send_error(HttpResponse& res, const ApiError& error);

// One request's state in the HTTP layer. Handlers never see it: App::run passes them what they
// need (ApiRequest) and copies back what they report.
struct RequestContext {
  std::chrono::steady_clock::time_point start;
  std::string_view route = "unmatched";  // a name from the route table, for logs and metrics
  long hits = -1;                        // hits returned, for the access log; -1 = not a search
  QueryParams params;                    // the decoded query string, checked by the screening
  std::string path;                      // the decoded path, once known
  std::string remote_addr;               // for requests refused before they were parsed
};

}  // namespace folio::server
