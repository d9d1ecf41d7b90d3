// Typo tolerance from the index's own vocabulary (Xapian's spelling table, fed by the indexer):
// a word of 5 or more letters may have one typo, 9 or more two. Only words the index does not
// hold are corrected, so correctly spelled queries lose no precision.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace folio::detail {

// Edits a word of this many characters may have: 0, 1 or 2.
unsigned allowed_typos(std::size_t characters);

// The index's closest spelling of `word` (lowercased) within `max_edits`, or "" if there is none
// or the word itself is in the spelling table.
std::string spelling_correction(const Xapian::Database& db, std::string_view word,
                                unsigned max_edits);

// Spelling lookups remembered until the index changes (they read a compressed table, and the
// same misspellings come again and again).
class SpellingCache {
 public:
  std::string correction(const Xapian::Database& db, std::string_view word, unsigned max_edits);
  void clear() { corrections_.clear(); }

 private:
  static constexpr std::size_t kMaxEntries = 10000;
  std::unordered_map<std::string, std::string> corrections_;
};

}  // namespace folio::detail
