#include "http/connection/compression.hpp"

#include <zlib.h>

#include <cstdlib>
#include <stdexcept>

namespace folio::server {
namespace {

// Below this a gzip header and the deflate block cost about what they save.
constexpr std::size_t kMinCompressedBytes = 1024;

bool compressible(std::string_view content_type) {
  return content_type.rfind("text/", 0) == 0 || content_type.rfind("application/json", 0) == 0 ||
         content_type.rfind("application/javascript", 0) == 0 ||
         content_type.rfind("image/svg+xml", 0) == 0;
}

// The q= weight of an Accept-Encoding item's parameters; 1 without one.
double quality(std::string_view parameters) {
  std::size_t at = parameters.find("q=");
  if (at == std::string_view::npos) at = parameters.find("Q=");
  if (at == std::string_view::npos) return 1.0;
  return std::strtod(std::string(parameters.substr(at + 2)).c_str(), nullptr);
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  const std::string_view value = accept_encoding;  // codings and "q" compare without case
  std::size_t at = 0;
  while (at <= value.size()) {
    std::size_t end = value.find(',', at);
    if (end == std::string_view::npos) end = value.size();
    std::string_view item = value.substr(at, end - at);
    while (!item.empty() && item.front() == ' ')
      item.remove_prefix(1);
    const std::size_t params = item.find(';');
    std::string_view coding = item.substr(0, params);
    while (!coding.empty() && coding.back() == ' ')
      coding.remove_suffix(1);
    if (equals_ignoring_case(coding, "gzip") || coding == "*")
      return quality(item.substr(params == std::string_view::npos ? item.size() : params)) > 0;
    at = end + 1;
  }
  return false;
}

std::string gzip(std::string_view bytes) {
  z_stream stream{};
  // 15 window bits + 16: a gzip wrapper rather than zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  out.resize(stream.total_out);
  return out;
}

void compress_if_worthwhile(HttpResponse& response) {
  if (response.body.size() < kMinCompressedBytes) return;
  if (!compressible(response.header("Content-Type"))) return;
  if (!response.header("Content-Encoding").empty()) return;
  response.body = gzip(response.body);
  response.set_header("Content-Encoding", "gzip");
  response.set_header("Vary", "Accept-Encoding");
}

}  // namespace folio::server
