#include "query/typo.hpp"

#include "base/word_chars.hpp"

namespace folio::detail {
namespace {

// A rough script of a letter: Latin, Greek and Cyrillic by their blocks, anything else by its
// 256-character block (Devanagari, Bengali, Arabic, Hangul...).
unsigned script_of(unsigned ch) {
  if (ch < 0x250 || (ch >= 0x1E00 && ch <= 0x1EFF)) return 0;  // Latin, with Vietnamese letters
  if (ch >= 0x370 && ch <= 0x3FF) return 1;
  if (ch >= 0x400 && ch <= 0x52F) return 2;
  return ch >> 8;
}

// Whether every letter of `candidate` is in the script of `word`'s first letter: a Russian
// word is never "corrected" towards an English one.
bool same_script(std::string_view word, std::string_view candidate) {
  Xapian::Utf8Iterator first(word.data(), word.size());
  if (first == Xapian::Utf8Iterator()) return false;
  const unsigned script = script_of(*first);
  for (Xapian::Utf8Iterator it(candidate.data(), candidate.size()); it != Xapian::Utf8Iterator();
       ++it) {
    if (Xapian::Unicode::is_wordchar(*it) && !(*it >= '0' && *it <= '9') &&
        script_of(*it) != script)
      return false;
  }
  return true;
}

}  // namespace

unsigned allowed_typos(std::size_t characters) {
  if (characters >= 9) return 2;
  if (characters >= 5) return 1;
  return 0;
}

std::string spelling_correction(const Xapian::Database& db, std::string_view word,
                                unsigned max_edits) {
  if (max_edits == 0 || word.empty()) return {};
  std::string candidate = db.get_spelling_suggestion(std::string(word), max_edits);
  if (candidate == word || !same_script(word, candidate)) return {};
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
