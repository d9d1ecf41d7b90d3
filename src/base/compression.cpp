#include "base/compression.hpp"

#include <zstd.h>

#include <algorithm>

#include "folio/error.hpp"

namespace folio::detail {
namespace {

constexpr int kLevel = 9;

// The size a frame's header claims is only a claim: a corrupt or hostile header may say a gigabyte
// over blocks that hold a few bytes. So the output is allocated as far as the frame could
// plausibly fill it, and grows only as blocks really decode into it; a frame whose claim is within
// kTrustedRatio of its own size (any real text) still decodes in one pass into one allocation.
constexpr std::size_t kTrustedRatio = 64;
constexpr std::size_t kFirstOutputBytes = 64 * 1024;

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
  const unsigned long long claimed = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (claimed == ZSTD_CONTENTSIZE_ERROR || claimed == ZSTD_CONTENTSIZE_UNKNOWN ||
      claimed > max_size) {
    corrupt();
  }
  const auto size = static_cast<std::size_t>(claimed);
  thread_local DecompressionContext dctx;
  if (dctx.context == nullptr) throw Error(ErrorCode::database, "zstd: out of memory");
  ZSTD_DCtx_reset(dctx.context, ZSTD_reset_session_only);

  std::string out(std::min(size, std::max(kFirstOutputBytes, frame.size() * kTrustedRatio)), '\0');
  ZSTD_inBuffer input{frame.data(), frame.size(), 0};
  ZSTD_outBuffer output{out.data(), out.size(), 0};
  for (;;) {
    const std::size_t result = ZSTD_decompressStream(dctx.context, &output, &input);
    if (ZSTD_isError(result)) corrupt();
    if (result == 0) break;  // the frame is complete
    if (output.pos < output.size) {
      if (input.pos == input.size) corrupt();  // truncated
      continue;
    }
    if (output.size == size) corrupt();  // more than the frame claims
    out.resize(std::min(size, output.size * 2));
    output.dst = out.data();
    output.size = out.size();
  }
  if (output.pos != size || input.pos != input.size) corrupt();
  return out;
}

}  // namespace folio::detail
