// The checks and hash of an article file's raw bytes: valid UTF-8 and no NUL (an error naming the
// line and column of the first bad byte), and the content hash incremental indexing compares.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "base/utf8.hpp"
#include "folio/article_parser.hpp"
#include "folio/error.hpp"

namespace folio {
namespace {

namespace utf8 = detail::utf8;

std::string hex_byte(unsigned char byte) {
  static constexpr char kDigits[] = "0123456789abcdef";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

std::string describe(utf8::Status status, unsigned char byte) {
  switch (status) {
    case utf8::Status::truncated:
      return "truncated UTF-8 sequence at byte " + hex_byte(byte);
    case utf8::Status::overlong:
      return "overlong UTF-8 encoding at byte " + hex_byte(byte);
    case utf8::Status::surrogate:
      return "UTF-16 surrogate encoded as UTF-8 at byte " + hex_byte(byte);
    case utf8::Status::too_large:
      return "code point above U+10FFFF at byte " + hex_byte(byte);
    case utf8::Status::invalid_byte:
    case utf8::Status::ok:
      break;
  }
  return "invalid UTF-8 byte " + hex_byte(byte);
}

// 1-based line and column (in characters) of byte `offset`; everything before it is valid UTF-8.
SourceLocation locate(std::string_view bytes, std::size_t offset, const std::string& path) {
  SourceLocation where{path, 1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte == '\n') {
      ++where.line;
      where.column = 1;
    } else if (!utf8::is_continuation(byte)) {
      ++where.column;
    }
  }
  return where;
}

std::uint64_t load64(const char* p) {
  std::uint64_t value;
  std::memcpy(&value, p, sizeof value);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  value = __builtin_bswap64(value);
#endif
  return value;
}

// The offset of the first NUL or invalid UTF-8 byte, or npos; `status` says why for the latter.
std::size_t first_bad_byte(std::string_view bytes, utf8::Status& status) {
  const std::size_t nul = bytes.find('\0');
  const std::size_t invalid = utf8::first_invalid(bytes.substr(0, nul));
  if (invalid != std::string_view::npos) {
    status = utf8::decode(bytes, invalid).status;
    return invalid;
  }
  status = utf8::Status::ok;
  return nul;
}

// A 128-bit hash in the style of xxHash: four independent 64-bit multiply-rotate lanes over
// 32-byte stripes, folded into two 64-bit halves by strong finalisers.
constexpr std::uint64_t kPrime1 = 0x9E3779B97F4A7C15ULL;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t kPrime3 = 0xBF58476D1CE4E5B9ULL;
constexpr std::uint64_t kPrime4 = 0x94D049BB133111EBULL;

std::uint64_t rotl(std::uint64_t value, int bits) {
  return (value << bits) | (value >> (64 - bits));
}

std::uint64_t lane_round(std::uint64_t lane, std::uint64_t input) {
  return rotl(lane + input * kPrime2, 31) * kPrime1;
}

std::uint64_t finalise(std::uint64_t value) {
  value ^= value >> 30;
  value *= kPrime3;
  value ^= value >> 27;
  value *= kPrime4;
  value ^= value >> 31;
  return value;
}

struct HashState {
  std::uint64_t lanes[4] = {kPrime1, kPrime2, kPrime3, kPrime4};

  void stripe(const char* p) {
    for (int i = 0; i < 4; ++i)
      lanes[i] = lane_round(lanes[i], load64(p + 8 * i));
  }
};

std::uint64_t tail_word(const char* p, std::size_t length) {
  unsigned char buffer[8] = {};
  if (length > 0) std::memcpy(buffer, p, length);
  return load64(reinterpret_cast<const char*>(buffer));
}

}  // namespace

void validate_text(std::string_view bytes, const std::string& path) {
  utf8::Status status = utf8::Status::ok;
  const std::size_t offset = first_bad_byte(bytes, status);
  if (offset == std::string_view::npos) return;
  const auto byte = static_cast<unsigned char>(bytes[offset]);
  std::string reason = byte == 0 ? "binary file (NUL byte)" : describe(status, byte);
  throw Error(ErrorCode::encoding, std::move(reason), locate(bytes, offset, path));
}

std::string content_hash(std::string_view bytes) {
  HashState state;
  const char* p = bytes.data();
  std::size_t remaining = bytes.size();
  for (; remaining >= 32; remaining -= 32, p += 32)
    state.stripe(p);
  for (int lane = 0; remaining >= 8; remaining -= 8, p += 8, ++lane) {
    state.lanes[lane] = lane_round(state.lanes[lane], load64(p));
  }
  state.lanes[3] = lane_round(state.lanes[3], tail_word(p, remaining) ^ (remaining << 56));
  const std::uint64_t length = bytes.size();
  const auto& v = state.lanes;
  const std::uint64_t low =
      finalise(v[0] ^ rotl(v[1], 17) ^ rotl(v[2], 29) ^ rotl(v[3], 43) ^ length);
  const std::uint64_t high =
      finalise(rotl(v[0], 41) + (v[1] ^ rotl(v[2], 7)) + v[3] * kPrime3 + length * kPrime4 + low);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(32, '0');
  for (int i = 0; i < 16; ++i) {
    hex[15 - i] = kDigits[(high >> (4 * i)) & 0xF];
    hex[31 - i] = kDigits[(low >> (4 * i)) & 0xF];
  }
  return hex;
}

}  // namespace folio
