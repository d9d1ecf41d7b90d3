#include "content/markdown/html_text.hpp"

#include <algorithm>
#include <array>

#include "content/markdown/html_entities.hpp"

namespace folio::detail::html {
namespace {

constexpr std::size_t kNone = std::string_view::npos;
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

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

// The first `wanted` at or after a position, remembered: the extractor asks with positions that
// never go back before an earlier question's, so each byte is looked at a bounded number of times
// however many tags are left open.
class CharFinder {
 public:
  CharFinder(std::string_view text, char wanted) : text_(text), wanted_(wanted) {}

  std::size_t find(std::size_t from) {
    const bool known = searched_ && from >= from_ && (found_ == kNone || from <= found_);
    if (!known) {
      from_ = from;
      found_ = text_.find(wanted_, from);
      searched_ = true;
    }
    return found_;
  }

 private:
  std::string_view text_;
  char wanted_;
  std::size_t from_ = 0;
  std::size_t found_ = kNone;
  bool searched_ = false;
};

// What a <script> or <style> that is never closed does: hide the rest, as in a browser, or stand
// as text (a title or summary about "the <script> element").
enum class UnclosedHidden { hides_the_rest, is_text };

class TextExtractor {
 public:
  TextExtractor(std::string& out, std::string_view html, UnclosedHidden unclosed)
      : out_(out), html_(html), unclosed_(unclosed) {}

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

  // The '>' that ends the tag opening at `start`, as a browser reads it: a '>' inside a quoted
  // attribute value (title="a > b") does not end it. When a quote never closes, or no '>'
  // follows the quotes, quotes are not trusted any more (a browser would hide the rest of the
  // page; a typo should not hide the rest of an article) and a tag ends at its first '>'. Every
  // scan either ends at the '>' where reading resumes or turns quotes off, so the work stays
  // linear. npos when no '>' follows.
  std::size_t tag_end(std::size_t start) {
    const std::size_t first_bracket = closing_brackets_.find(start);
    const bool has_attributes = is_ascii_alpha(html_[start + 1]) || html_[start + 1] == '/';
    if (first_bracket == kNone || !has_attributes || !quotes_trusted_) return first_bracket;
    std::size_t pos = start + 1;
    while (pos < html_.size()) {
      const char c = html_[pos];
      if (c == '>') return pos;
      ++pos;
      if (c != '=') continue;
      while (pos < html_.size() && is_space(html_[pos]))
        ++pos;
      if (pos == html_.size() || (html_[pos] != '"' && html_[pos] != '\'')) continue;
      const std::size_t close = (html_[pos] == '"' ? double_quotes_ : single_quotes_).find(pos + 1);
      if (close == kNone) break;
      pos = close + 1;
    }
    quotes_trusted_ = false;
    return first_bracket;
  }

  void markup() {
    if (starts_with("<!--")) {
      pos_ += 4;
      skip_past("-->");
      return;
    }
    const char next = pos_ + 1 < html_.size() ? html_[pos_ + 1] : '\0';
    const bool looks_like_tag = is_ascii_alpha(next) || next == '/' || next == '!' || next == '?';
    const std::size_t end = looks_like_tag ? tag_end(pos_) : kNone;
    if (end == kNone) {
      out_ += '<';
      ++pos_;
      return;
    }
    const std::string_view tag = html_.substr(pos_, end + 1 - pos_);
    pos_ = end + 1;
    switch (classify_tag(tag)) {
      case TagKind::opens_hidden:
        if (!skip_hidden_content(tag_name(tag))) {
          if (unclosed_ == UnclosedHidden::is_text) {
            out_ += tag;
          } else {
            pos_ = html_.size();  // as a browser: the rest is script
          }
        }
        break;
      case TagKind::block:
        append_line_break(out_);
        break;
      case TagKind::closes_hidden:
      case TagKind::other:
        break;
    }
  }

  // Skips the contents of <script> or <style> up to and including its closing tag; false (nothing
  // skipped) when it has none. A search that failed is remembered, so that many unclosed tags
  // cost one scan.
  bool skip_hidden_content(std::string_view name) {
    std::size_t& unclosed_from = unclosed_from_[equals_ignoring_case(name, "script") ? 0 : 1];
    if (pos_ >= unclosed_from) return false;
    for (std::size_t close = html_.find("</", pos_); close != kNone;
         close = html_.find("</", close + 2)) {
      if (equals_ignoring_case(html_.substr(close + 2, name.size()), name)) {
        pos_ = close + 2;
        skip_past(">");
        return true;
      }
    }
    unclosed_from = pos_;
    return false;
  }

  // A character reference, decoded; a no-break space (&nbsp;, &#160;) is a blank like any other,
  // so that a table cell holding only &nbsp; leaves no line of its own.
  void entity() {
    const std::size_t before = out_.size();
    const std::size_t used = append_entity(out_, html_.substr(pos_));
    if (used == 0) {
      out_ += '&';
      ++pos_;
      return;
    }
    pos_ += used;
    if (std::string_view(out_).substr(before) == kNoBreakSpace) {
      out_.resize(before);
      append_space(out_);
    }
  }

  std::string& out_;
  std::string_view html_;
  UnclosedHidden unclosed_;
  std::size_t pos_ = 0;
  std::array<std::size_t, 2> unclosed_from_ = {kNone, kNone};  // <script>, <style>
  CharFinder closing_brackets_{html_, '>'};
  CharFinder double_quotes_{html_, '"'};
  CharFinder single_quotes_{html_, '\''};
  bool quotes_trusted_ = true;
};

}  // namespace

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
  TextExtractor(out, fragment, UnclosedHidden::hides_the_rest).run();
}

std::string inline_text(std::string_view fragment) {
  std::string out;
  TextExtractor(out, fragment, UnclosedHidden::is_text).run();
  std::replace(out.begin(), out.end(), '\n', ' ');
  const std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out.erase(out.find_last_not_of(' ') + 1);
  out.erase(0, first);
  return out;
}

}  // namespace folio::detail::html
