#include "http/static_assets.hpp"

#include <cstdint>
#include <cstdio>

#include "http/embedded_assets.hpp"

namespace folio::server {
namespace {

struct AssetRoute {
  std::string_view file;
  std::string_view url_path;
  std::string_view content_type;  // text types: gzipped when the client accepts it
  std::string_view cache_control;
};

// The page revalidates every time (cheap with the ETag); the widget may be cached for an hour.
constexpr AssetRoute kRoutes[] = {
    {"index.html", "/", "text/html; charset=utf-8", "no-cache"},
    {"folio.js", "/folio.js", "application/javascript", "public, max-age=3600"},
    {"folio.css", "/folio.css", "text/css; charset=utf-8", "public, max-age=3600"},
};

// The widget's strings: i18n/de.json is served as /folio-i18n/de.json, cached like the widget.
constexpr std::string_view kStringsFolder = "i18n/";
constexpr std::string_view kStringsUrl = "/folio-i18n/";

std::string etag_of(std::string_view bytes) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a, 64 bits
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  // Weak: the same validator serves the plain and the gzipped representation.
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "W/\"%016llx\"", static_cast<unsigned long long>(hash));
  return buffer;
}

std::string_view opaque_part(std::string_view etag) {
  if (etag.substr(0, 2) == "W/") etag.remove_prefix(2);
  return etag;
}

// If-None-Match uses the weak comparison (RFC 9110 13.1.2).
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  // A comma-separated list; weak validators (W/"...") match too.
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    auto end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view candidate = if_none_match.substr(start, end - start);
    while (!candidate.empty() && candidate.front() == ' ')
      candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ')
      candidate.remove_suffix(1);
    if (opaque_part(candidate) == opaque_part(etag)) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

StaticAssets::StaticAssets() {
  for (const auto& route : kRoutes) {
    for (const auto& file : embedded_files()) {
      if (file.name != route.file) continue;
      std::string_view body(reinterpret_cast<const char*>(file.data), file.size);
      assets_.push_back(StaticAsset{std::string(route.url_path), std::string(route.content_type),
                                    std::string(route.cache_control), etag_of(body), body});
    }
  }
  for (const auto& file : embedded_files()) {
    if (file.name.substr(0, kStringsFolder.size()) != kStringsFolder) continue;
    std::string_view body(reinterpret_cast<const char*>(file.data), file.size);
    assets_.push_back(
        StaticAsset{std::string(kStringsUrl).append(file.name.substr(kStringsFolder.size())),
                    "application/json", "public, max-age=3600", etag_of(body), body});
  }
}

const StaticAsset* StaticAssets::find(std::string_view url_path) const {
  for (const auto& asset : assets_) {
    if (asset.url_path == url_path) return &asset;
  }
  return nullptr;
}

void StaticAssets::serve(const StaticAsset& asset, std::string_view if_none_match,
                         ApiResponse& response) const {
  response.add_header("ETag", asset.etag);
  response.add_header("Cache-Control", asset.cache_control);
  response.add_header("Vary", "Accept-Encoding");
  if (etag_matches(if_none_match, asset.etag)) {
    response.status = 304;
    return;
  }
  response.send(200, std::string(asset.body), asset.content_type);
}

}  // namespace folio::server
