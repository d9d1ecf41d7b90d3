#include "base/word_chars.hpp"

namespace folio::detail {

bool gets_stemmed_form(std::string_view term) {
  Xapian::Utf8Iterator it(term.data(), term.size());
  if (it == Xapian::Utf8Iterator()) return false;
  return utf8::is_letter(*it) &&
         Xapian::Unicode::get_category(*it) != Xapian::Unicode::UPPERCASE_LETTER;
}

}  // namespace folio::detail
