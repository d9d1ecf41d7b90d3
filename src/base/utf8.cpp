#include "base/utf8.hpp"

#include <xapian.h>

namespace folio::utf8 {
namespace {

Decoded invalid(Status status) {
  return Decoded{kReplacement, 1, status};
}

// The number of bytes a lead byte announces, 0 for bytes that can never start a character.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xC2) return 0;  // continuation bytes, and C0/C1 (always overlong)
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF5) return 4;
  return 0;  // F5..FF would encode above U+10FFFF
}

Status check_second_byte(unsigned char lead, unsigned char second) {
  if (lead == 0xE0 && second < 0xA0) return Status::overlong;
  if (lead == 0xED && second > 0x9F) return Status::surrogate;
  if (lead == 0xF0 && second < 0x90) return Status::overlong;
  if (lead == 0xF4 && second > 0x8F) return Status::too_large;
  return Status::ok;
}

Status lead_byte_status(unsigned char lead) {
  if (lead == 0xC0 || lead == 0xC1) return Status::overlong;
  if (lead >= 0xF5) return Status::too_large;
  return Status::invalid_byte;
}

}  // namespace

Decoded decode(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return Decoded{lead, 1, Status::ok};
  const std::size_t length = sequence_length(lead);
  if (length == 0) {
    // C0/C1 and F5..FF are reported for what they would encode when followed by continuations.
    const bool followed =
        pos + 1 < text.size() && is_continuation(static_cast<unsigned char>(text[pos + 1]));
    return invalid(followed ? lead_byte_status(lead) : Status::invalid_byte);
  }
  if (pos + length > text.size()) {
    return invalid(Status::truncated);
  }
  char32_t code_point = lead & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) return invalid(Status::truncated);
    if (i == 1) {
      const Status status = check_second_byte(lead, byte);
      if (status != Status::ok) return invalid(status);
    }
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  return Decoded{code_point, length, Status::ok};
}

void append(std::string& out, char32_t code_point) {
  char buffer[4];
  const unsigned length = Xapian::Unicode::to_utf8(code_point, buffer);
  out.append(buffer, length);
}

bool is_letter(char32_t code_point) {
  switch (Xapian::Unicode::get_category(code_point)) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

bool is_digit(char32_t code_point) {
  return Xapian::Unicode::get_category(code_point) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

char32_t to_lower(char32_t code_point) {
  return Xapian::Unicode::tolower(code_point);
}

}  // namespace folio::utf8
