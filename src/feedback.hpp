// Pseudo-relevance feedback for long questions: the best partial matches of a question of several
// words (those after the few articles holding every word, if any) are widened by the distinctive
// terms of its top matches, added at a lower weight (Rocchio's method, with Xapian's RSet and
// ESet), so that articles saying the same thing in other words are found too. Also the expand
// decider that "related" uses.
#pragma once

#include <string>

#include <xapian.h>

namespace folio::detail {

// Accepts stemmed free-text terms ("Zconcurr") of 3 or more letters that are not stopwords.
class FreeTextStems : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override;
};

// A query of at least this many words (stopwords aside) is a question: see search_run.cpp.
inline constexpr std::size_t kQuestionMinWords = 4;

// The weight of an expansion term relative to a typed word's, before kFeedbackWeight: the square
// root of its expansion weight over the strongest one's. The expansion weight already holds the
// term's rarity, and BM25 counts that rarity again when the term matches; the square root keeps
// the order of the terms without counting it twice over.
double expansion_term_scale(double weight, double strongest);

// `text` ORed with the expansion terms of the top documents of `first_pass` (the text query with
// the request's filters applied). Returns `text` unchanged when nothing matches.
Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& text,
                            const Xapian::Query& first_pass);

}  // namespace folio::detail
