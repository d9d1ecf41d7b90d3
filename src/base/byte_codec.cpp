#include "base/byte_codec.hpp"

#include "folio/error.hpp"

namespace folio::detail {
namespace {

[[noreturn]] void truncated() {
  throw Error(ErrorCode::database, "stored article record is truncated or corrupt");
}

}  // namespace

void ByteWriter::varint(std::uint64_t v) {
  while (v >= 0x80) {
    out_ += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out_ += static_cast<char>(v);
}

void ByteWriter::signed_varint(std::int64_t v) {
  varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void ByteWriter::string(std::string_view s) {
  varint(s.size());
  out_.append(s);
}

void ByteWriter::strings(const std::vector<std::string>& list) {
  varint(list.size());
  for (const auto& s : list)
    string(s);
}

void ByteWriter::optional_time(const std::optional<std::int64_t>& t) {
  byte(t ? 1 : 0);
  if (t) signed_varint(*t);
}

std::uint8_t ByteReader::byte() {
  if (pos_ >= in_.size()) truncated();
  return static_cast<std::uint8_t>(in_[pos_++]);
}

std::uint64_t ByteReader::varint() {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    std::uint8_t b = byte();
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  truncated();
}

std::int64_t ByteReader::signed_varint() {
  std::uint64_t z = varint();
  return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
}

std::string ByteReader::string() {
  std::uint64_t n = varint();
  if (n > in_.size() - pos_) truncated();
  std::string s(in_.substr(pos_, n));
  pos_ += n;
  return s;
}

std::vector<std::string> ByteReader::strings() {
  std::uint64_t n = varint();
  if (n > in_.size() - pos_) truncated();  // each string takes at least one byte
  std::vector<std::string> list;
  list.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i)
    list.push_back(string());
  return list;
}

std::optional<std::int64_t> ByteReader::optional_time() {
  if (byte() == 0) return std::nullopt;
  return signed_varint();
}

}  // namespace folio::detail
