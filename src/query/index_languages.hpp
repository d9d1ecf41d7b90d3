// The languages an index's articles are written in, each with the analysis its articles were
// indexed with, so that a query word finds an article by the article's own stem: "Kinder" is
// "kind" in German articles and "kinder" in English ones. An index of one language (most sites)
// searches exactly as before: one stem per word, no filter.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace folio::detail {

struct IndexLanguage {
  std::string code;         // as the L term has it: "de", "pt-br"
  std::string filter_term;  // "Lde"
  Xapian::Stem stemmer;     // the articles' stemmer (none: indexed unstemmed), caching
};

class IndexLanguages {
 public:
  IndexLanguages() = default;
  // The languages of `db`'s L terms. Past kMaxLanguages, the most common ones.
  static IndexLanguages read(const Xapian::Database& db);

  const std::vector<IndexLanguage>& all() const { return languages_; }
  bool several() const { return languages_.size() > 1; }
  // The language `code` names ("de"), or its base language ("de-at" -> "de"); null if neither.
  const IndexLanguage* find(const std::string& code) const;

  // The query for one word, unstemmed term `term` in field `prefix`: the stem each language makes
  // of it, each restricted to that language's articles unless every language makes the same;
  // stems no article holds are left out. Empty when the index holds none of them.
  Xapian::Query word_query(const Xapian::Database& db, const std::string& term,
                           std::string_view prefix) const;

  // Whether any language's stem of `term` is in the index.
  bool holds(const Xapian::Database& db, const std::string& term, std::string_view prefix) const;

  // Every term `word_query` may match (for highlighting): each language's stem, unprefixed.
  std::vector<std::string> stems_of(const std::string& term) const;

  static constexpr std::size_t kMaxLanguages = 64;

 private:
  std::vector<IndexLanguage> languages_;
};

// The term an analysis makes of an unstemmed term in a field: "Z" + prefix + stem, or
// prefix + term for a stemmer that is none or a term that is not stemmed (numbers, CJK).
std::string analysed_term(const Xapian::Stem& stemmer, const std::string& term,
                          std::string_view prefix);

}  // namespace folio::detail
