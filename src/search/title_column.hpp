// What the title bonus (title_bonus.hpp) needs of each document's title, as a few numbers, the
// documents of each exact title, and how many titles hold each title term: read once per index
// revision (the title key slot of every document, the S and ZS terms), as FacetColumn keeps facet
// values, so that weighing titles during a search reads nothing from the index but the posting
// lists of its words' title terms.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "store/title_key.hpp"

namespace folio::detail {

struct TitleFacts {
  std::uint64_t stopwords[2] = {0, 0};  // bit i: the title holds English stopword i
  std::uint64_t exact_hash = 0;         // title_hash() of its words, space-separated
  std::uint8_t other_words = 0;         // its words that are no English stopword (up to 255)
  PageKind kind = PageKind::page;
};

// A stable hash of a title's words (64-bit FNV-1a).
std::uint64_t title_hash(std::string_view words);

// The facts of a title key value (store/title_key.hpp).
TitleFacts title_facts(std::string_view title_key_value);

class TitleColumn {
 public:
  // Reads the whole title key value stream of `db` (a single database).
  static std::shared_ptr<const TitleColumn> build(const Xapian::Database& db);
  // The column as bytes and back (stored_columns.hpp keeps it in a static bundle's index). decode
  // throws Error{database} on bytes that are not such a column.
  std::string encode() const;
  static std::shared_ptr<const TitleColumn> decode(std::string_view bytes);

  // Null for a document without a title key.
  const TitleFacts* facts(Xapian::docid docid) const {
    return docid < facts_.size() && present_[docid] ? &facts_[docid] : nullptr;
  }
  // The titles holding a title term ("Sgo", "ZSgo"), as Database::get_termfreq gives it.
  Xapian::doccount titles_holding(const std::string& term) const {
    auto it = title_terms_.find(term);
    return it == title_terms_.end() ? 0 : it->second;
  }
  // The documents whose title's words hash to `exact_hash`, in docid order.
  std::vector<Xapian::docid> titled(std::uint64_t exact_hash) const;
  std::size_t memory_bytes() const;

 private:
  std::vector<TitleFacts> facts_;                                 // by docid
  std::vector<bool> present_;                                     // by docid
  std::vector<std::pair<std::uint64_t, Xapian::docid>> by_hash_;  // sorted
  std::unordered_map<std::string, Xapian::doccount> title_terms_;
};

}  // namespace folio::detail
