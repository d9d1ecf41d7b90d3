// Private UTF-8 helpers shared by anchors, URLs and text validation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace folio::utf8 {

// Why a byte sequence is not valid UTF-8 (RFC 3629).
enum class Status {
  ok,
  invalid_byte,  // a continuation byte without a lead, or a byte never used in UTF-8
  truncated,     // a lead byte not followed by enough continuation bytes
  overlong,      // a code point encoded with more bytes than needed
  surrogate,     // U+D800..U+DFFF, reserved for UTF-16
  too_large,     // above U+10FFFF
};

struct Decoded {
  char32_t code_point = 0;  // U+FFFD when status != ok
  std::size_t length = 1;   // bytes consumed; 1 when status != ok
  Status status = Status::ok;
};

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the character starting at `pos` (which must be < text.size()).
Decoded decode(std::string_view text, std::size_t pos);

void append(std::string& out, char32_t code_point);

// Unicode categories Go calls letters (L*) and digits (Nd).
bool is_letter(char32_t code_point);
bool is_digit(char32_t code_point);

// Simple (one to one) Unicode lowercase mapping.
char32_t to_lower(char32_t code_point);

inline bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace folio::utf8
