// A request as the connection layer read it and a response as a handler built it: plain structs, so
// that the routes, the screening and their tests never see the HTTP or networking libraries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Header names and tokens compare without ASCII case (RFC 9110, 5.1).
bool equals_ignoring_case(std::string_view a, std::string_view b);

// The value of the first header named `name` (ASCII case-insensitive), or empty.
std::string_view header_value(const HeaderList& headers, std::string_view name);
bool has_header(const HeaderList& headers, std::string_view name);

struct HttpRequest {
  std::string method;  // as sent: GET, HEAD, POST, OPTIONS...
  std::string target;  // the request-target, still percent-encoded
  int version = 11;    // 10 or 11
  HeaderList headers;  // in arrival order
  std::string body;    // exactly Content-Length bytes; empty without one
  std::string remote_addr;
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;  // Content-Length and Connection are the connection layer's
  std::string body;
  bool close_connection = false;  // close after this response (the request may have left bytes)

  void set_header(std::string name, std::string value);  // replaces a header of that name
  std::string_view header(std::string_view name) const { return header_value(headers, name); }
};

}  // namespace folio::server
