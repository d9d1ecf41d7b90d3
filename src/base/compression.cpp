#include "base/compression.hpp"

#include <zstd.h>

#include "folio/error.hpp"

namespace folio::detail {
namespace {

constexpr int kLevel = 9;

[[noreturn]] void corrupt() {
  throw Error(ErrorCode::database, "stored article text is corrupt: rebuild the index with --full");
}

// One decompression context per thread: creating one costs more than inflating a short text.
struct DecompressionContext {
  ZSTD_DCtx* context = ZSTD_createDCtx();
  DecompressionContext() = default;
  ~DecompressionContext() { ZSTD_freeDCtx(context); }
  DecompressionContext(const DecompressionContext&) = delete;
  DecompressionContext& operator=(const DecompressionContext&) = delete;
};

}  // namespace

std::string compress_bytes(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  std::size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), kLevel);
  if (ZSTD_isError(size)) {
    throw Error(ErrorCode::database,
                std::string("cannot compress an article's text: ") + ZSTD_getErrorName(size));
  }
  out.resize(size);
  return out;
}

std::string decompress_bytes(std::string_view frame, std::size_t max_size) {
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > max_size) {
    corrupt();
  }
  thread_local DecompressionContext dctx;
  if (dctx.context == nullptr) throw Error(ErrorCode::database, "zstd: out of memory");
  std::string out(static_cast<std::size_t>(size), '\0');
  std::size_t got =
      ZSTD_decompressDCtx(dctx.context, out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(got) || got != out.size()) corrupt();
  return out;
}

}  // namespace folio::detail
