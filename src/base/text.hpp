// Text helpers: making untrusted strings safe to echo, HTML escaping and Unicode-aware
// lowercasing (Xapian's Unicode tables, so they agree with the TermGenerator). UTF-8 itself is
// base/utf8.hpp; word boundaries are base/word_chars.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace folio::detail {

// Valid UTF-8 with every invalid byte replaced by U+FFFD and every control character (NUL
// included) replaced by a space, so a hostile query can be echoed, logged and serialised safely.
std::string sanitise_text(std::string_view text);

// Appends `text` to `out` with &, <, >, " and ' escaped.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// Lowercases with Xapian's Unicode tables.
std::string lowercase(std::string_view text);

// Lowercases ASCII letters only: for keys and names that are ASCII by definition.
std::string ascii_lower(std::string_view text);

// True if every character is a letter (Unicode categories Lu, Ll, Lt, Lm, Lo).
bool is_all_letters(std::string_view text);

// True if `text` has only ASCII digits.
bool is_all_digits(std::string_view text);

}  // namespace folio::detail
