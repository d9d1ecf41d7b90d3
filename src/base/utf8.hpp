// UTF-8 decoding, validation, truncation and character classes: the one place folio reads UTF-8
// byte by byte. Character classes come from Xapian's Unicode tables, so they agree with the
// TermGenerator that made the index. The public part (validity, repair, length) is folio/utf8.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace folio::detail::utf8 {

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

// Letters (Unicode categories Lu, Ll, Lt, Lm, Lo) and decimal digits (Nd).
bool is_letter(char32_t code_point);
bool is_digit(char32_t code_point);
// Combining marks (Mn, Me, Mc): the accents of decomposed text, the vowel signs of Indic scripts.
bool is_mark(char32_t code_point);
// White space as Go's unicode.IsSpace sees it (Hugo's URL rules use it).
bool is_space(char32_t code_point);

// Simple (one to one) Unicode lowercase mapping.
char32_t to_lower(char32_t code_point);

inline bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// The offset of the first byte at or after `pos` that does not begin a valid sequence, or npos.
std::size_t first_invalid(std::string_view text, std::size_t pos = 0);

// The longest prefix of `text` of at most `max_bytes` bytes that does not split a character.
inline std::string_view truncate(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && is_continuation(static_cast<unsigned char>(text[cut])))
    --cut;
  return text.substr(0, cut);
}

// Where the character before byte `at` (> 0) starts.
inline std::size_t previous_char_start(std::string_view text, std::size_t at) {
  std::size_t previous = at - 1;
  while (previous > 0 && is_continuation(static_cast<unsigned char>(text[previous])))
    --previous;
  return previous;
}

}  // namespace folio::detail::utf8
