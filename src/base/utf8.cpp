#include "base/utf8.hpp"

#include <cstdint>
#include <cstring>

#include <xapian.h>

#include "folio/utf8.hpp"

namespace folio::detail::utf8 {
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

// True when none of the 8 bytes at `p` has its high bit set: ASCII text is skipped 8 bytes at a
// time, which is most of what a Markdown file holds.
bool ascii_word_at(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
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

std::size_t first_invalid(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (pos + 8 <= text.size() && ascii_word_at(text.data() + pos)) {
      pos += 8;
      continue;
    }
    const Decoded decoded = decode(text, pos);
    if (decoded.status != Status::ok) return pos;
    pos += decoded.length;
  }
  return std::string_view::npos;
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

bool is_mark(char32_t code_point) {
  switch (Xapian::Unicode::get_category(code_point)) {
    case Xapian::Unicode::NON_SPACING_MARK:
    case Xapian::Unicode::ENCLOSING_MARK:
    case Xapian::Unicode::COMBINING_SPACING_MARK:
      return true;
    default:
      return false;
  }
}

bool is_space(char32_t code_point) {
  if (code_point == '\t' || code_point == '\n' || code_point == '\v' || code_point == '\f' ||
      code_point == '\r' || code_point == 0x85) {
    return true;
  }
  switch (Xapian::Unicode::get_category(code_point)) {
    case Xapian::Unicode::SPACE_SEPARATOR:
    case Xapian::Unicode::LINE_SEPARATOR:
    case Xapian::Unicode::PARAGRAPH_SEPARATOR:
      return true;
    default:
      return false;
  }
}

char32_t to_lower(char32_t code_point) {
  return Xapian::Unicode::tolower(code_point);
}

}  // namespace folio::detail::utf8

namespace folio {

bool is_valid_utf8(std::string_view text) {
  return detail::utf8::first_invalid(text) == std::string_view::npos;
}

std::string replace_invalid_utf8(std::string_view text) {
  using namespace detail;
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t done = 0;
  for (std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos;
       bad = utf8::first_invalid(text, done)) {
    out.append(text.substr(done, bad - done));
    utf8::append(out, utf8::kReplacement);
    done = bad + 1;
  }
  out.append(text.substr(done));
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if (!detail::utf8::is_continuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

}  // namespace folio
