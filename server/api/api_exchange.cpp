#include "api/api_exchange.hpp"

namespace folio::server {

void ApiResponse::send_json(int status_code, const json_mapping::Json& json) {
  send_json_text(status_code, json_mapping::dump(json));
}

void ApiResponse::send_json_text(int status_code, std::string json) {
  send(status_code, std::move(json), std::string(kJsonType));
}

void ApiResponse::send(int status_code, std::string text, std::string type) {
  status = status_code;
  body = std::move(text);
  content_type = std::move(type);
}

void ApiResponse::add_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

}  // namespace folio::server
