// What the HTTP layer shares: JSON and error responses, and the per-request context that httplib's
// hooks (pre-routing, handler, logger) pass along on the request's thread.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <string_view>

#include "api/api_error.hpp"
#include "api/api_exchange.hpp"
#include "api/params.hpp"

namespace folio::server {

// The error code of docs/http-api.md for a status httplib produced by itself (400, 404, 413...).
std::string_view error_code_for_status(int status);

// A JSON error body with the error's status (and Retry-After when it has one).
void send_error(httplib::Response& res, const ApiError& error);
// httplib 0.11.4 keeps a connection open whatever the response says. For requests whose unread
// body would poison the next request, or for rejected connections, this sends the error and makes
// the library close the connection afterwards (its content provider reports failure after writing).
void send_error_and_close(httplib::Response& res, const ApiError& error);

// Per-request state of the HTTP layer. httplib runs the pre-routing hook, the handler and the
// logger for one request on one thread, one request after another, and offers no slot on the
// request for data of our own, so a thread_local carries it between those hooks. Handlers never
// see it: App::run passes them what they need (ApiRequest) and copies back what they report.
struct RequestContext {
  bool active = false;  // set by the pre-routing hook; false for requests httplib rejected itself
  std::chrono::steady_clock::time_point start;
  std::string_view route = "unmatched";  // a name from the route table, for logs and metrics
  long hits = -1;                        // hits returned, for the access log; -1 = not a search
  QueryParams params;                    // the decoded query string, checked by the screening
};

RequestContext& current_request();

}  // namespace folio::server
