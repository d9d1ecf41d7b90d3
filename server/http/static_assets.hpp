// GET /, /folio.js, /folio.css, /folio-i18n/<lang>.json: the demo page, the widget and its
// strings, from the bytes embedded at build time, with ETag (If-None-Match -> 304) and
// Cache-Control. The connection layer gzips them when the client accepts it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "api/api_exchange.hpp"

namespace folio::server {

struct StaticAsset {
  std::string url_path;  // "/folio.js"
  std::string content_type;
  std::string cache_control;
  std::string etag;  // quoted
  std::string_view body;
};

class StaticAssets {
 public:
  StaticAssets();  // from embedded_files()

  const StaticAsset* find(std::string_view url_path) const;
  // 304 when if_none_match names the asset's ETag, else 200 with the bytes.
  void serve(const StaticAsset& asset, std::string_view if_none_match, ApiResponse& response) const;

 private:
  std::vector<StaticAsset> assets_;
};

}  // namespace folio::server
