#include "http/connection/response_writer.hpp"

#include <ostream>  // Beast 1.74's status.hpp uses std::ostream without including it

#include <boost/beast/http/status.hpp>

namespace folio::server {
namespace {

// Statuses that never carry a body (RFC 9110, 6.4.1).
bool bodiless(int status) {
  return status < 200 || status == 204 || status == 304;
}

// Headers the framing writes itself, and any a handler got wrong: a CR or LF would let a value
// start a header or a body of its own.
bool sendable(const std::string& name, const std::string& value) {
  static constexpr std::string_view kFraming[] = {"Content-Length", "Connection",
                                                  "Transfer-Encoding"};
  for (std::string_view framing : kFraming)
    if (equals_ignoring_case(name, framing)) return false;
  return name.find_first_of("\r\n:") == std::string::npos &&
         value.find_first_of("\r\n") == std::string::npos;
}

}  // namespace

std::string serialize_response(const HttpResponse& response, const ResponseFraming& framing) {
  namespace http = boost::beast::http;
  const auto reason = http::obsolete_reason(static_cast<http::status>(response.status));
  std::string out;
  out.reserve(256 + response.body.size());
  out += "HTTP/1.1 ";
  out += std::to_string(response.status);
  out += ' ';
  out.append(reason.data(), reason.size());
  out += "\r\n";
  for (const auto& [name, value] : response.headers) {
    if (!sendable(name, value)) continue;
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  const bool has_body = !bodiless(response.status);
  if (has_body) {
    out += "Content-Length: ";
    out += std::to_string(response.body.size());
    out += "\r\n";
  }
  if (!framing.keep_alive) {
    out += "Connection: close\r\n";
  } else if (framing.request_version == 10) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
  if (has_body && !framing.head_only) out += response.body;
  return out;
}

}  // namespace folio::server
