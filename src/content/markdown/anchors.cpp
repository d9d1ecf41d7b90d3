// Heading anchors as Hugo's goldmark renderer makes them (autoHeadingIDType = "github").
#include <string>
#include <string_view>

#include "base/utf8.hpp"
#include "folio/markdown.hpp"

namespace folio {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back()))
    text.remove_suffix(1);
  return text;
}

void append_anchor_char(std::string& anchor, char32_t code_point) {
  if (code_point == '-' || code_point == ' ' || code_point == '\t') {
    anchor += '-';
  } else if (code_point < 0x80) {
    const auto c = static_cast<char>(code_point);
    if (c >= 'A' && c <= 'Z') {
      anchor += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
      anchor += c;
    }
  } else if (detail::utf8::is_letter(code_point) || detail::utf8::is_digit(code_point)) {
    detail::utf8::append(anchor, detail::utf8::to_lower(code_point));
  }
}

}  // namespace

std::string heading_anchor(std::string_view heading_text) {
  const std::string_view text = trim(heading_text);
  std::string anchor;
  anchor.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const detail::utf8::Decoded decoded = detail::utf8::decode(text, pos);
    append_anchor_char(anchor, decoded.code_point);
    pos += decoded.length;
  }
  if (anchor.empty()) anchor = "heading";
  return anchor;
}

std::string AnchorDeduplicator::unique(std::string anchor) {
  if (anchor.empty()) anchor = "heading";
  auto [entry, inserted] = seen_.try_emplace(anchor, 1);
  if (inserted) return anchor;
  // Hugo tries anchor-1, anchor-2, ... and takes the first free one. Free suffixes only ever get
  // taken, so the search can resume where the previous one for this anchor stopped.
  int suffix = entry->second;
  std::string candidate;
  do {
    candidate = anchor + '-' + std::to_string(suffix++);
  } while (seen_.count(candidate) != 0);
  seen_[anchor] = suffix;
  seen_.emplace(candidate, 1);
  return candidate;
}

}  // namespace folio
