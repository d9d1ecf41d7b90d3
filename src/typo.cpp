#include "typo.hpp"

namespace folio::detail {

unsigned allowed_typos(std::size_t characters) {
  if (characters >= 9) return 2;
  if (characters >= 5) return 1;
  return 0;
}

std::string spelling_correction(const Xapian::Database& db, std::string_view word,
                                unsigned max_edits) {
  if (max_edits == 0 || word.empty()) return {};
  std::string candidate = db.get_spelling_suggestion(std::string(word), max_edits);
  if (candidate == word) return {};
  return candidate;
}

}  // namespace folio::detail
