// Which browser origins may call the API. An entry is an exact origin ("https://example.com"),
// an origin with any port ("http://localhost:*"), or "*" for every origin. Requests from the
// server's own origin never need CORS headers, and get none unless the origin is allowed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::server {

class CorsPolicy {
 public:
  // Empty = the default: http://localhost:*, http://127.0.0.1:*, http://[::1]:*.
  explicit CorsPolicy(std::vector<std::string> allowed_origins);

  bool allows(std::string_view origin) const;

 private:
  std::vector<std::string> allowed_;
};

}  // namespace folio::server
