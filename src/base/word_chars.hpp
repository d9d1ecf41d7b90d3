// Word characters as Xapian's TermGenerator draws words (letters, digits, marks and connector
// punctuation; the underscore among them), with a table for ASCII. The snippet code finds words
// with these, so a highlighted word is exactly a word the index holds. Inline: snippets call them
// on every byte they skim.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <xapian.h>

#include "base/utf8.hpp"

namespace folio::detail {

// ASCII letters, digits and the underscore: the word characters of ASCII, as Xapian draws words.
inline constexpr std::array<bool, 128> kAsciiWordBytes = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return table;
}();

inline bool is_ascii_word_byte(unsigned char c) {
  return c < 0x80 && kAsciiWordBytes[c];
}

// Chinese, Japanese and Korean characters as Xapian 1.4's CJK n-gram mode draws them
// (TermGenerator::FLAG_CJK_NGRAM, which folio indexes with): each is a word of its own.
inline bool is_cjk(unsigned ch) {
  return (ch >= 0x2E80 && ch <= 0x2EFF) || (ch >= 0x3000 && ch <= 0x9FFF) ||
         (ch >= 0xA700 && ch <= 0xA71F) || (ch >= 0xAC00 && ch <= 0xD7AF) ||
         (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFE30 && ch <= 0xFE4F) ||
         (ch >= 0xFF00 && ch <= 0xFFEF) || (ch >= 0x20000 && ch <= 0x2A6DF) ||
         (ch >= 0x2F800 && ch <= 0x2FA1F);
}

// Whether the character starting at byte `at` is a CJK word character.
inline bool is_cjk_word_char_at(std::string_view text, std::size_t at) {
  if (static_cast<unsigned char>(text[at]) < 0xE0) return false;  // CJK needs 3 bytes or more
  unsigned ch = *Xapian::Utf8Iterator(text.data() + at, text.size() - at);
  return is_cjk(ch) && Xapian::Unicode::is_wordchar(ch);
}

// Whether the character starting at byte `at` is a word character, as Xapian draws words.
inline bool is_word_char_at(std::string_view text, std::size_t at) {
  unsigned char c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return is_ascii_word_byte(c);
  return Xapian::Unicode::is_wordchar(*Xapian::Utf8Iterator(text.data() + at, text.size() - at));
}

// Word boundaries as Xapian draws them, with a fast path for ASCII. A CJK character is a word of
// its own: the end of a word starting with one is right after it.
inline std::size_t next_word_char(std::string_view text, std::size_t at, bool want_word_char) {
  const std::size_t start = at;
  while (at < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    std::size_t length = 1;
    bool word_char;
    if (c < 0x80) {
      word_char = is_ascii_word_byte(c);
    } else {
      Xapian::Utf8Iterator it(text.data() + at, text.size() - at);
      const unsigned ch = *it;
      word_char = Xapian::Unicode::is_wordchar(ch);
      ++it;
      length = it == Xapian::Utf8Iterator() ? text.size() - at
                                            : static_cast<std::size_t>(it.raw() - text.data()) - at;
      if (word_char && !want_word_char && is_cjk(ch)) return at == start ? at + length : at;
    }
    if (word_char == want_word_char) return at;
    at += length;
  }
  return text.size();
}

// Whether the character before byte `at` is a word character of the same word (a CJK character
// before or at `at` starts a word there).
inline bool follows_word_char(std::string_view text, std::size_t at) {
  if (at == 0 || (at < text.size() && is_cjk_word_char_at(text, at))) return false;
  const auto before = static_cast<unsigned char>(text[at - 1]);
  if (before < 0x80) return is_ascii_word_byte(before);
  const std::size_t previous = utf8::previous_char_start(text, at);
  return is_word_char_at(text, previous) && !is_cjk_word_char_at(text, previous);
}

// The first word of `text` starting at byte `at` or later.
inline std::size_t word_start_from(std::string_view text, std::size_t at) {
  while (at < text.size() && utf8::is_continuation(static_cast<unsigned char>(text[at])))
    ++at;
  if (at >= text.size()) return text.size();
  if (follows_word_char(text, at)) at = next_word_char(text, at, false);  // inside a word
  return next_word_char(text, at, true);
}

// Xapian's rule for which terms get a stemmed Z form: those starting with a letter that is not
// upper case (the TermGenerator's should_stem). Query words must follow it to match the index.
bool gets_stemmed_form(std::string_view term);

}  // namespace folio::detail
