// Little helpers to write and read length-prefixed binary records (varints, strings, lists).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

class ByteWriter {
 public:
  void byte(std::uint8_t b) { out_ += static_cast<char>(b); }
  void varint(std::uint64_t v);
  void signed_varint(std::int64_t v);
  void string(std::string_view s);
  void strings(const std::vector<std::string>& list);
  void optional_time(const std::optional<std::int64_t>& t);
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote. Every read checks bounds and throws Error{database} on truncation.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  std::uint8_t byte();
  std::uint64_t varint();
  std::int64_t signed_varint();
  std::string string();
  std::vector<std::string> strings();
  std::optional<std::int64_t> optional_time();
  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace folio::detail
