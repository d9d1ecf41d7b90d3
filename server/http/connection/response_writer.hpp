// A response as the bytes sent: status line, headers, Content-Length, Connection, body.
#pragma once

#include <string>

#include "http/connection/http_message.hpp"

namespace folio::server {

struct ResponseFraming {
  bool keep_alive = true;  // false: "Connection: close", and the connection is closed after it
  bool head_only = false;  // a HEAD request: the GET answer's headers, no body
  int request_version = 11;
};

std::string serialize_response(const HttpResponse& response, const ResponseFraming& framing);

}  // namespace folio::server
