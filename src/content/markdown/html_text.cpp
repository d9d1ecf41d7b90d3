#include "content/markdown/html_text.hpp"

#include <array>
#include <cstdint>

#include "base/utf8.hpp"

namespace folio::detail::html {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// The name of the tag starting at `tag` ("<div class=x>" -> "div", "</p>" -> "p").
std::string_view tag_name(std::string_view tag) {
  std::size_t start = 1;
  if (start < tag.size() && tag[start] == '/') ++start;
  std::size_t end = start;
  while (end < tag.size() && (is_ascii_alpha(tag[end]) || (tag[end] >= '0' && tag[end] <= '9'))) {
    ++end;
  }
  return tag.substr(start, end - start);
}

bool is_hidden_element(std::string_view name) {
  return equals_ignoring_case(name, "script") || equals_ignoring_case(name, "style");
}

bool is_block_element(std::string_view name) {
  static constexpr std::array<std::string_view, 36> kBlocks = {
      "address", "article", "aside", "blockquote", "br",     "caption", "dd",      "details",
      "div",     "dl",      "dt",    "figcaption", "figure", "footer",  "form",    "h1",
      "h2",      "h3",      "h4",    "h5",         "h6",     "header",  "hr",      "li",
      "main",    "nav",     "ol",    "p",          "pre",    "section", "summary", "table",
      "td",      "th",      "tr",    "ul"};
  for (std::string_view block : kBlocks) {
    if (equals_ignoring_case(name, block)) return true;
  }
  return false;
}

void append_space(std::string& out) {
  if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
}

void append_line_break(std::string& out) {
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

struct NamedEntity {
  std::string_view name;
  std::string_view text;
};

constexpr std::array<NamedEntity, 7> kNamedEntities = {{{"amp", "&"},
                                                        {"lt", "<"},
                                                        {"gt", ">"},
                                                        {"quot", "\""},
                                                        {"apos", "'"},
                                                        {"nbsp", " "},
                                                        {"ndash", "\xE2\x80\x93"}}};

std::size_t append_numeric_entity(std::string& out, std::string_view text) {
  // text starts with "&#".
  std::size_t pos = 2;
  const bool hex = pos < text.size() && (text[pos] == 'x' || text[pos] == 'X');
  if (hex) ++pos;
  const std::size_t digits_start = pos;
  std::uint32_t value = 0;
  for (; pos < text.size() && pos - digits_start < 8; ++pos) {
    const char c = text[pos];
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  if (pos == digits_start || pos >= text.size() || text[pos] != ';') return 0;
  const bool valid = value != 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
  utf8::append(out, valid ? value : utf8::kReplacement);
  return pos + 1;
}

class TextExtractor {
 public:
  TextExtractor(std::string& out, std::string_view html) : out_(out), html_(html) {}

  void run() {
    while (pos_ < html_.size()) {
      const char c = html_[pos_];
      if (c == '<') {
        markup();
      } else if (c == '&') {
        entity();
      } else if (is_space(c)) {
        append_space(out_);
        ++pos_;
      } else {
        out_ += c;
        ++pos_;
      }
    }
  }

 private:
  bool starts_with(std::string_view prefix) const {
    return html_.substr(pos_, prefix.size()) == prefix;
  }

  // Skips to just past `terminator`, or to the end when it never comes (as browsers do).
  void skip_past(std::string_view terminator) {
    const std::size_t found = html_.find(terminator, pos_);
    pos_ = found == kNone ? html_.size() : found + terminator.size();
  }

  std::size_t next_tag_end() {
    if (tag_end_ == kNone || tag_end_ < pos_) {
      if (tag_end_ == kNone && tag_end_searched_) return kNone;
      tag_end_ = html_.find('>', pos_);
      tag_end_searched_ = true;
    }
    return tag_end_;
  }

  void markup() {
    if (starts_with("<!--")) {
      pos_ += 4;
      skip_past("-->");
      return;
    }
    const char next = pos_ + 1 < html_.size() ? html_[pos_ + 1] : '\0';
    const bool looks_like_tag = is_ascii_alpha(next) || next == '/' || next == '!' || next == '?';
    const std::size_t end = looks_like_tag ? next_tag_end() : kNone;
    if (end == kNone) {
      out_ += '<';
      ++pos_;
      return;
    }
    const std::string_view tag = html_.substr(pos_, end + 1 - pos_);
    pos_ = end + 1;
    switch (classify_tag(tag)) {
      case TagKind::opens_hidden:
        skip_hidden_content(tag_name(tag));
        break;
      case TagKind::block:
        append_line_break(out_);
        break;
      case TagKind::closes_hidden:
      case TagKind::other:
        break;
    }
  }

  // Skips the contents of <script> or <style> up to and including its closing tag.
  void skip_hidden_content(std::string_view name) {
    for (std::size_t close = html_.find("</", pos_); close != kNone;
         close = html_.find("</", close + 2)) {
      if (equals_ignoring_case(html_.substr(close + 2, name.size()), name)) {
        pos_ = close + 2;
        skip_past(">");
        return;
      }
    }
    pos_ = html_.size();
  }

  void entity() {
    const std::size_t used = append_entity(out_, html_.substr(pos_));
    if (used == 0) {
      out_ += '&';
      ++pos_;
    } else {
      pos_ += used;
    }
  }

  std::string& out_;
  std::string_view html_;
  std::size_t pos_ = 0;
  std::size_t tag_end_ = kNone;
  bool tag_end_searched_ = false;
};

}  // namespace

std::size_t append_entity(std::string& out, std::string_view text) {
  if (text.size() < 3 || text[0] != '&') return 0;
  if (text[1] == '#') return append_numeric_entity(out, text);
  for (const NamedEntity& entity : kNamedEntities) {
    if (text.size() > entity.name.size() + 1 && text.substr(1, entity.name.size()) == entity.name &&
        text[entity.name.size() + 1] == ';') {
      out += entity.text;
      return entity.name.size() + 2;
    }
  }
  return 0;
}

TagKind classify_tag(std::string_view tag) {
  if (tag.size() < 2 || tag[0] != '<') return TagKind::other;
  const std::string_view name = tag_name(tag);
  if (is_block_element(name)) return TagKind::block;
  if (!is_hidden_element(name)) return TagKind::other;
  if (tag[1] == '/') return TagKind::closes_hidden;
  const bool self_closing = tag[tag.size() - 2] == '/';
  return self_closing ? TagKind::other : TagKind::opens_hidden;
}

void append_text(std::string& out, std::string_view fragment) {
  TextExtractor(out, fragment).run();
}

}  // namespace folio::detail::html
