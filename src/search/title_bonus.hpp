// The title bonus: for a short query (up to kMaxCoverageWords words, stopwords aside), an article
// whose title holds every word of the query (stems matching) gets extra weight, the more of its
// title the query covers the more: most for the exact title, more again for a section page
// (_index.md: a topic or section hub). A longer query (a question, or a long title typed in full)
// lifts only the article whose title it is exactly. A reader who types a page's title, or the name
// of a topic, expects that page first; BM25 alone ranks a long article that repeats the words
// above a page whose title is exactly them.
//
// The bonus is a PostingSource added to the text query with OP_AND_MAYBE, so it reaches every
// match, not only the top of a ranking, and never changes which articles match. It walks the
// posting lists of the words' title-field terms (S prefix) together, and weighs the articles
// holding them all from their title facts (title_column.hpp), read from no index. The articles of
// an exact title are found in the title column (by a hash of the title's words).
//
//   weight = kTitleStrength x sum of the words' max_term_weight as title terms
//            x (1 for the exact title, else kNearExact x coverage ^ kCoverageExponent)
//            x (kSectionFactor for a section page)
//
// coverage: the share of the title's words the query holds (by word or stem); a stopword of the
// title counts only when the query has it too ("communities practice" covers "Communities of
// Practice"). A query whose words, its syntax read as text, are exactly a title also matches that
// title's article (exact_title_match). Several indexes searched as one have no title column: their
// short queries read each candidate's title key instead, and exact titles are not looked up.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/title_column.hpp"

namespace folio::detail {

// Queries longer than this (in distinct words, stopwords aside) are questions or typed titles: on
// the known-item benchmark the coverage of their titles changed no rank, and it costs a posting
// list per word.
inline constexpr std::size_t kMaxCoverageWords = 3;

struct TitleBonusTerms {
  std::vector<std::string> words;  // the query's words, lowercased, unstemmed, in order
  Xapian::Stem stemmer;            // the query's (and the index's) stemmer
  std::string language;            // for stopwords
};

// The bonus for `terms` as a query, or an empty query when they are all stopwords or no title
// can get it. `column` holds the title facts of `db`; null: they are read from the index.
Xapian::Query title_bonus(const Xapian::Database& db, const TitleBonusTerms& terms,
                          const TitleColumn* column);

// The articles whose title is exactly `literal` (the words of the query as typed, its syntax
// read as text), weighted as the best an article could score for them: the words' BM25 ceilings
// as title terms plus the exact title's bonus. Added to the query's matches, it keeps a typed title
// from being misread ("Do NOT Track" excludes "track"; "-fno-exceptions explained" excludes a
// word): the page of that title is still found, first. Empty when no title is those words.
Xapian::Query exact_title_match(const Xapian::Database& db, const TitleBonusTerms& literal,
                                const TitleColumn* column);

// `matching` with the bonus added to the weight of the documents it finds (the set of matches
// does not change).
Xapian::Query with_title_bonus(Xapian::Query matching, const Xapian::Query& bonus);

struct TitleCoverage {
  double coverage = 0;  // 0 to 1
  bool exact = false;   // the same words in the same order
};

// How much of a title a query's words cover, for titles that hold every word of the query but
// its stopwords (by stem: the bonus finds them through the title's stemmed terms).
class TitleMatcher {
 public:
  explicit TitleMatcher(const TitleBonusTerms& terms);
  TitleCoverage cover(const TitleFacts& title) const;

 private:
  std::uint64_t exact_hash_ = 0;         // of the query's words, space-separated
  std::uint64_t stopwords_[2] = {0, 0};  // the query's English stopwords, as TitleFacts has them
  std::size_t held_ = 0;                 // distinct stems of its other words: all in the title
  bool stopwords_apply_ = true;          // the query's language has stopwords
};

}  // namespace folio::detail
