// Pseudo-relevance feedback for long questions: the best partial matches of a question of several
// words (those after the few articles holding every word, if any) are widened by the distinctive
// terms of its top matches, added at a lower weight (Rocchio's method), so that articles saying
// the same thing in other words are found too. The terms are weighted as Xapian's ESet weights
// them ("trad"), except that each feedback document counts by its rank: the top match fully,
// the second half as much, and so on. Also the expand decider that "related" uses.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace folio::detail {

// Accepts stemmed free-text terms ("Zconcurr") of 3 or more letters that are not stopwords.
class FreeTextStems : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override;
};

// A query of at least this many words (stopwords aside) is a question: see search_run.cpp.
inline constexpr std::size_t kQuestionMinWords = 4;

// A feedback document and how much its words count.
struct FeedbackDocument {
  Xapian::docid id = 0;
  double weight = 1;
};

// The weight of the feedback document at `rank` (0 for the top match): 1 / (rank + 1). The top
// matches of a pseudo-relevance pass are likelier relevant the higher they rank.
double feedback_document_weight(Xapian::doccount rank);

struct ExpansionTerm {
  std::string term;
  double weight = 0;
};

// The `count` strongest expansion terms of `documents`, strongest first: stemmed free-text terms
// (FreeTextStems) not in `query`, each weighted by its relevance weight (how much likelier it is
// in the feedback documents than elsewhere) times its length-normalised frequency in each
// feedback document, times that document's weight. With every weight 1 this is Xapian's "trad"
// ESet weight (Enquire::get_eset with an RSet of the documents).
std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db,
                                           const std::vector<FeedbackDocument>& documents,
                                           const Xapian::Query& query, Xapian::termcount count);

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
