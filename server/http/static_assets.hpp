// GET /, /folio.js, /folio.css: the demo page and the widget, from the bytes embedded at build
// time, with ETag (If-None-Match -> 304) and Cache-Control. httplib gzips them when the client
// accepts it.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

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
  void serve(const StaticAsset& asset, const httplib::Request& req, httplib::Response& res) const;

 private:
  std::vector<StaticAsset> assets_;
};

}  // namespace folio::server
