// A stemmer that remembers the stems it has made. Snippets stem every word of an article that
// starts like a query stem, and queries stem their words: the same few thousand words, request
// after request, at about 2,500 instructions per Snowball call against one hash lookup here.
// The memory is bounded: a full table is cleared and starts over.
//
// The returned Xapian::Stem shares one table among its copies, and Xapian::Stem's reference
// count is not atomic: keep each caching stemmer, and its copies, on one thread at a time (a
// Searcher's, which is one thread's at a time already).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace folio::detail {

inline constexpr std::size_t kStemCacheEntries = 4096;

class CachingStemImplementation : public Xapian::StemImplementation {
 public:
  CachingStemImplementation(const Xapian::Stem& stemmer, std::size_t capacity);

  std::string operator()(const std::string& word) override;
  std::string get_description() const override { return algorithm_; }
  std::size_t size() const { return stems_.size(); }  // words remembered

 private:
  Xapian::Stem stemmer_;
  std::size_t capacity_;
  std::string algorithm_;  // "english" of "Xapian::Stem(english)"
  std::unordered_map<std::string, std::string> stems_;
};

// `stemmer` with a cache of up to `capacity` words in front; "none" stays a stemmer that is_none().
Xapian::Stem caching_stemmer(const Xapian::Stem& stemmer, std::size_t capacity = kStemCacheEntries);

}  // namespace folio::detail
