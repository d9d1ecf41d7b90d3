// zstd frames of the stored article texts: what goes in comes out, and a frame that is corrupt
// or claims more than it holds is Error{database} that costs what the frame holds, not what it
// claims.
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <string>

#include "base/compression.hpp"
#include "folio/error.hpp"

using namespace folio;
using namespace folio::detail;

namespace {

constexpr std::size_t kLimit = std::size_t{1} << 30;

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

ErrorCode decompress_error(std::string_view frame) {
  try {
    decompress_bytes(frame, kLimit);
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no error");
  return ErrorCode::io;
}

}  // namespace

TEST_CASE("compression: bytes survive a round trip, however well they compress") {
  const std::string text = "Go is simpler. Rust ist schneller. 東京タワー\n";
  CHECK(decompress_bytes(compress_bytes(text), kLimit) == text);
  CHECK(decompress_bytes(compress_bytes(""), kLimit).empty());
  // A million equal bytes make a frame of a few dozen: far past any fixed ratio of sizes.
  const std::string repeated(1000000, 'a');
  const std::string frame = compress_bytes(repeated);
  CHECK(frame.size() < 1000);
  CHECK(decompress_bytes(frame, kLimit) == repeated);
}

TEST_CASE("compression: a truncated, padded or oversized frame is a database error") {
  const std::string frame = compress_bytes(std::string(5000, 'x') + "tail");
  CHECK(decompress_error(frame.substr(0, frame.size() - 3)) == ErrorCode::database);
  CHECK(decompress_error(frame + "junk") == ErrorCode::database);
  CHECK(decompress_error("not a frame") == ErrorCode::database);
  CHECK_THROWS_AS(decompress_bytes(frame, 100), Error);  // more than the caller allows
}

TEST_CASE("compression: a frame claiming 436 MB in 18 bytes costs kilobytes, not the claim") {
  // Found by fuzz_stored: a zstd header whose content size says 0x1A000001 bytes, over blocks
  // that hold nothing of the kind. The whole claim was allocated and zeroed (13 s under ASan)
  // before the frame was found corrupt.
  const std::string frame(
      "\x28\xb5\x2f\xfd\x86\x86\x86\x31\x01\x00\x00\x1a\x86\x77\x86\x86\x82\xff", 18);
  const long before = peak_rss_kb();
  CHECK(decompress_error(frame) == ErrorCode::database);
  CHECK(peak_rss_kb() - before < 64 * 1024);
}
