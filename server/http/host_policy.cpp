#include "http/host_policy.hpp"

#include <algorithm>

namespace folio::server {
namespace {

bool is_loopback(std::string_view host) {
  return host == "localhost" || host == "[::1]" || host == "::1" || host.starts_with("127.");
}

// "http://example.com:8080" -> "example.com"; "" when it has no "://".
std::string host_of_origin(std::string_view origin) {
  const auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return {};
  return host_name_of(origin.substr(scheme_end + 3));
}

}  // namespace

std::string host_name_of(std::string_view authority) {
  std::string_view host = authority;
  if (host.starts_with('[')) {
    const auto close = host.find(']');
    host = close == std::string_view::npos ? host : host.substr(0, close + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

HostPolicy::HostPolicy(std::string_view listen, std::vector<std::string> allowed_hosts,
                       const std::vector<std::string>& cors_origins) {
  if (!allowed_hosts.empty()) {
    for (const auto& host : allowed_hosts) {
      if (host == "*") any_ = true;
      names_.push_back(host_name_of(host));
    }
    return;
  }
  const std::string listen_host = host_name_of(listen.substr(0, listen.rfind(':')));
  if (!is_loopback(listen_host)) {
    any_ = true;
    return;
  }
  names_ = {"localhost", "127.0.0.1", "[::1]"};
  for (const auto& origin : cors_origins) {
    std::string host = host_of_origin(origin);
    if (!host.empty() && host != "*") names_.push_back(std::move(host));
  }
}

bool HostPolicy::allows(std::string_view host_header) const {
  if (any_ || host_header.empty()) return true;
  const std::string host = host_name_of(host_header);
  return std::find(names_.begin(), names_.end(), host) != names_.end();
}

}  // namespace folio::server
