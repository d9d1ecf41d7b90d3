#include "http/cors.hpp"

#include <algorithm>

namespace folio::server {
namespace {

bool is_port(std::string_view text) {
  return !text.empty() && text.size() <= 5 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool matches(std::string_view pattern, std::string_view origin) {
  if (pattern == "*") return true;
  constexpr std::string_view kAnyPort = ":*";
  if (pattern.size() > kAnyPort.size() && pattern.substr(pattern.size() - 2) == kAnyPort) {
    const std::string_view host = pattern.substr(0, pattern.size() - 2);
    if (origin == host) return true;  // the default port
    return origin.size() > host.size() + 1 && origin.substr(0, host.size()) == host &&
           origin[host.size()] == ':' && is_port(origin.substr(host.size() + 1));
  }
  return pattern == origin;
}

}  // namespace

CorsPolicy::CorsPolicy(std::vector<std::string> allowed_origins)
    : allowed_(std::move(allowed_origins)) {
  if (allowed_.empty()) allowed_ = {"http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"};
}

bool CorsPolicy::allows(std::string_view origin) const {
  return std::any_of(allowed_.begin(), allowed_.end(),
                     [&](const std::string& pattern) { return matches(pattern, origin); });
}

}  // namespace folio::server
