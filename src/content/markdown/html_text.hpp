// Text content of HTML fragments found in Markdown (raw HTML blocks and inline tags).
#pragma once

#include <string>
#include <string_view>

namespace folio::detail::html {

// Appends the text of an HTML fragment to `out`: tags and comments dropped, <script> and <style>
// contents dropped, entities decoded, whitespace runs collapsed to one space, and block-level
// tags (<p>, <div>, <br>, <li>, <td>, ...) turned into line breaks. Linear in the input size.
void append_text(std::string& out, std::string_view fragment);

// Appends the character an entity such as "&amp;", "&#39;" or "&#x1F600;" at the start of
// `text` stands for, and returns how many bytes it used; 0 (nothing appended) when `text` does
// not start with an entity folio knows.
std::size_t append_entity(std::string& out, std::string_view text);

// What a single inline tag does to the text around it.
enum class TagKind {
  other,          // <b>, <span>, </a>, comments: no effect on the text
  block,          // <br>, <p>, </div>, <li>...: words on either side are apart
  opens_hidden,   // <script ...> or <style ...>: the text after it is not prose
  closes_hidden,  // </script> or </style>
};
TagKind classify_tag(std::string_view tag);

}  // namespace folio::detail::html
