#include "http/http_support.hpp"

#include <nlohmann/json.hpp>

#include "folio_json/json_mapping.hpp"

namespace folio::server {

std::string_view error_code_for_status(int status) {
  switch (status) {
    case 400:
      return "bad_parameter";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case 411:
      return "length_required";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 416:
      return "bad_range";
    case 429:
      return "rate_limited";
    case 431:
      return "headers_too_large";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal" : "bad_request";
  }
}

namespace {

void set_error_headers(HttpResponse& res, const ApiError& error) {
  res.status = error.status();
  if (error.retry_after_seconds() > 0) {
    res.set_header("Retry-After", std::to_string(error.retry_after_seconds()));
  }
}

json_mapping::Json error_body(const ApiError& error) {
  return json_mapping::error_to_json(error.code(), error.what(), error.param());
}

}  // namespace

void send_error(HttpResponse& res, const ApiError& error) {
  set_error_headers(res, error);
  res.body = json_mapping::dump(error_body(error));
  res.set_header("Content-Type", std::string(kJsonType));
}

}  // namespace folio::server
