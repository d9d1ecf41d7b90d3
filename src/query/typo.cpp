#include "query/typo.hpp"

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

std::string SpellingCache::correction(const Xapian::Database& db, std::string_view word,
                                      unsigned max_edits) {
  std::string key(word);
  key += '\0';
  key += static_cast<char>('0' + max_edits);
  auto it = corrections_.find(key);
  if (it != corrections_.end()) return it->second;
  if (corrections_.size() >= kMaxEntries) corrections_.clear();
  std::string found = spelling_correction(db, word, max_edits);
  corrections_.emplace(std::move(key), found);
  return found;
}

}  // namespace folio::detail
