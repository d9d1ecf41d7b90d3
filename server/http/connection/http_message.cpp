#include "http/connection/http_message.hpp"

#include <algorithm>

namespace folio::server {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

std::string_view header_value(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_case(key, name)) return value;
  }
  return {};
}

bool has_header(const HeaderList& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& header) { return equals_ignoring_case(header.first, name); });
}

void HttpResponse::set_header(std::string name, std::string value) {
  headers.erase(
      std::remove_if(headers.begin(), headers.end(),
                     [&](const auto& header) { return equals_ignoring_case(header.first, name); }),
      headers.end());
  headers.emplace_back(std::move(name), std::move(value));
}

}  // namespace folio::server
