// The files of server/web/, compiled into the binary by embed_assets.cmake.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace folio::server {

struct EmbeddedFile {
  std::string_view name;  // "index.html"
  const unsigned char* data;
  std::size_t size;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace folio::server
