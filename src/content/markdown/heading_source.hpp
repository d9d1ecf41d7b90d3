// The raw Markdown of heading lines, which is what Hugo's goldmark builds heading ids from (not
// the rendered text: "## [Docs](https://go.dev)" gets the id "docshttpsgodev").
#pragma once

#include <cstddef>
#include <string_view>

namespace folio::detail {

// The content of an ATX heading line that starts at its first '#': markers, the optional
// closing sequence and surrounding blanks removed ("## Title ##" -> "Title").
std::string_view atx_heading_content(std::string_view line);

// "# Title", "###", "## Title ##": 1 to 6 '#' followed by a blank or the end of the line.
bool is_atx_heading_line(std::string_view line);

// "===" or "---" (after indentation and block quote markers), blanks allowed around them.
bool is_setext_underline(std::string_view line);

// A setext heading's content line with indentation and block quote markers removed.
std::string_view setext_heading_content(std::string_view line);

// Hugo's attribute block at the end of a heading ("Title {#custom-id .class}").
struct HeadingAttributes {
  bool found = false;
  std::size_t start = 0;  // offset of the '{'
  std::string_view id;    // the #id, empty when the block has none
};
HeadingAttributes trailing_attributes(std::string_view text);

std::string_view trim_blanks(std::string_view text);

// The lines of a text by 1-based number; fast for numbers asked in increasing order.
class SourceLines {
 public:
  explicit SourceLines(std::string_view text) : text_(text) {}
  std::string_view line(int number);

 private:
  std::string_view text_;
  int cursor_line_ = 1;
  std::size_t cursor_offset_ = 0;
};

}  // namespace folio::detail
