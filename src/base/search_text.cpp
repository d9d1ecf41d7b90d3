#include "base/search_text.hpp"

#include <xapian.h>

namespace folio::detail {
namespace {

constexpr unsigned kReplacement = 0xFFFD;

// Length of the valid UTF-8 sequence starting at text[i], or 0 if the bytes there are invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned min_code = 0;
  unsigned code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, min_code = 0x80, code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, min_code = 0x800, code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, min_code = 0x10000, code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

bool is_control(std::string_view sequence) {
  if (sequence.size() == 1) {
    unsigned char c = static_cast<unsigned char>(sequence[0]);
    return c < 0x20 || c == 0x7F;
  }
  // C1 controls U+0080..U+009F are C2 80..C2 9F.
  return sequence.size() == 2 && static_cast<unsigned char>(sequence[0]) == 0xC2 &&
         static_cast<unsigned char>(sequence[1]) < 0xA0;
}

}  // namespace

std::string sanitise_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = valid_sequence_length(text, i);
    if (length == 0) {
      Xapian::Unicode::append_utf8(out, kReplacement);
      ++i;
      continue;
    }
    std::string_view sequence = text.substr(i, length);
    if (is_control(sequence)) {
      out += ' ';
    } else {
      out.append(sequence);
    }
    i += length;
  }
  return out;
}

namespace {

// The entity standing for `c` in HTML text and attribute values, or an empty view.
std::string_view entity_for(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return {};
  }
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  // The text between entities is appended a run at a time.
  std::size_t done = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const std::string_view entity = entity_for(text[at]);
    if (entity.empty()) continue;
    out.append(text.data() + done, at - done);
    out += entity;
    done = at + 1;
  }
  out.append(text.data() + done, text.size() - done);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_html_escaped(out, text);
  return out;
}

std::string lowercase(std::string_view text) {
  return Xapian::Unicode::tolower(std::string(text));
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool is_all_letters(std::string_view text) {
  if (text.empty()) return false;
  std::string copy(text);
  for (Xapian::Utf8Iterator it(copy); it != Xapian::Utf8Iterator(); ++it) {
    switch (Xapian::Unicode::get_category(*it)) {
      case Xapian::Unicode::UPPERCASE_LETTER:
      case Xapian::Unicode::LOWERCASE_LETTER:
      case Xapian::Unicode::TITLECASE_LETTER:
      case Xapian::Unicode::MODIFIER_LETTER:
      case Xapian::Unicode::OTHER_LETTER:
        break;
      default:
        return false;
    }
  }
  return true;
}

bool is_all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace folio::detail
