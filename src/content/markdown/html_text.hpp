// Text content of HTML fragments found in Markdown (raw HTML blocks and inline tags).
#pragma once

#include <string>
#include <string_view>

namespace folio::detail::html {

// Appends the text of an HTML fragment to `out`, as a reader sees it: tags and comments dropped
// (a '>' inside a quoted attribute value does not end a tag), <script> and <style> contents
// dropped, character references decoded (html_entities.hpp), whitespace runs collapsed to one
// space, and block-level tags (<p>, <div>, <br>, <li>, <td>, ...) turned into line breaks. Linear
// in the input size.
void append_text(std::string& out, std::string_view fragment);

// The text of a one-line fragment, such as a summary written with inline tags and character
// references: as append_text, except that a <script> or <style> never closed stays as text (the
// summary is about the element); then line breaks become spaces and blanks at either end are
// dropped. "<strong>Q&amp;A</strong>&mdash;live" -> "Q&A—live".
std::string inline_text(std::string_view fragment);

// What a single inline tag does to the text around it.
enum class TagKind {
  other,          // <b>, <span>, </a>, comments: no effect on the text
  block,          // <br>, <p>, </div>, <li>...: words on either side are apart
  opens_hidden,   // <script ...> or <style ...>: the text after it is not prose
  closes_hidden,  // </script> or </style>
};
TagKind classify_tag(std::string_view tag);

}  // namespace folio::detail::html
