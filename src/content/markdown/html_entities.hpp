// HTML character references (&mdash;, &#8217;, &#x1F600;) decoded as a browser shows them: the
// one decoder for front matter, raw HTML in Markdown and anything else written for a browser.
// cmark-gfm decodes the references in Markdown text itself, with the same table.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace folio::detail::html {

// Appends what the character reference at the start of `text` stands for and returns how many
// bytes it used; 0 (nothing appended) when `text` does not start with one. Named references are
// the 2,125 of HTML5, case-sensitive and closed by ';' ("&mdash;", "&AMP;"; "&mdash" and
// "&Mdash;" are not references). Numeric ones ("&#8217;", "&#x2014;") need a digit and the ';';
// they are read as browsers read them: 0, surrogates and values above U+10FFFF give U+FFFD,
// 0x80-0x9F the Windows-1252 character they stand for (&#146; is a right quote). Never appends
// invalid UTF-8.
std::size_t append_entity(std::string& out, std::string_view text);

// `text` with every character reference decoded and everything else as written, unknown names
// included ("Q&amp;A &mndash; AT&T" -> "Q&A &mndash; AT&T").
std::string decode_entities(std::string_view text);

}  // namespace folio::detail::html
