// Which names the server answers to (the request's Host). A page on an attacker's domain that
// re-resolves its own name to 127.0.0.1 (DNS rebinding) reaches a local server same-origin, past
// any CORS check; only the Host header shows the request was meant for another name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::server {

class HostPolicy {
 public:
  // `allowed_hosts` ([server] allowed_hosts): host names, "*" for any. Empty = the default: a
  // server listening on a loopback address answers to localhost, 127.0.0.1 and [::1] and to the
  // hosts of `cors_origins`; one listening on another address answers to any name (it cannot
  // know the names it is published under).
  HostPolicy(std::string_view listen, std::vector<std::string> allowed_hosts,
             const std::vector<std::string>& cors_origins);

  // `host_header` as sent ("localhost:8080", "[::1]:8080"); the port is not checked. A request
  // without Host (HTTP/1.0) is allowed: browsers always send one.
  bool allows(std::string_view host_header) const;

 private:
  bool any_ = false;
  std::vector<std::string> names_;  // lowercased, without port
};

// The host of a Host header or an origin's authority: "[::1]:80" -> "[::1]", "Example.com:8" ->
// "example.com".
std::string host_name_of(std::string_view authority);

}  // namespace folio::server
