#include "base/text.hpp"

#include <xapian.h>

#include "base/utf8.hpp"

namespace folio::detail {
namespace {

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
    const utf8::Decoded decoded = utf8::decode(text, i);
    if (decoded.status != utf8::Status::ok) {
      utf8::append(out, utf8::kReplacement);
      ++i;
      continue;
    }
    const std::size_t length = decoded.length;
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

bool is_all_letters(std::string_view text) {
  if (text.empty()) return false;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (!utf8::is_letter(*it)) return false;
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

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace folio::detail
