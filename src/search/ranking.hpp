// How results are ordered: BM25 with parameters suited to field-weighted articles, a phrase
// boost for short queries, the sort orders of SortOrder, and the recency blend.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "folio/date.hpp"
#include "folio/search_request.hpp"

namespace folio::detail {

// BM25 as folio ranks with it (k1, b tuned for field-weighted documents; see docs/query-syntax.md).
Xapian::BM25Weight default_weighting();

// The most weight default_weighting() gives one term of a query in any document: the term's idf
// (as Xapian's BM25 adjusts it for terms in over a third of the documents) times k1 + 1.
double max_term_weight(const Xapian::Database& db, const std::string& term);
// The same for a term held by `holding` of `documents` documents.
double max_term_weight(Xapian::doccount documents, Xapian::doccount holding);

// The extra weight of documents holding the query's words as a phrase, for queries of 2 to 4
// words (empty otherwise), and `matching` with it added (the set of matches does not change).
bool has_phrase_boost(const std::vector<std::string>& words);
Xapian::Query phrase_boost(const std::vector<std::string>& words);
Xapian::Query with_phrase_boost(Xapian::Query matching, const std::vector<std::string>& words);

// The reader's language first: `matching` with a weight added to the articles whose L term is
// `language_term`, a share of the most `words` can weigh, so that of a page and its translations
// the reader's ranks first while a clearly better match in another language still leads.
Xapian::Query with_language_bonus(const Xapian::Database& db, Xapian::Query matching,
                                  const std::vector<std::string>& words,
                                  const std::string& language_term);

enum class QueryText { words, none };

// Configures the Enquire's order (and, for queries without words, a weightless scheme: such
// queries list newest first).
void apply_sort(Xapian::Enquire& enquire, SortOrder sort, QueryText text);

// A ranked document, for re-ranking a page.
struct RankedDoc {
  Xapian::Document doc;
  double weight = 0;
  std::optional<Timestamp> date;
  double blended = 0;
};

// Equal weights, newest first (the relevance order's tie-break, applied to one page).
void break_ties_by_date(std::vector<RankedDoc>& docs);

// Reorders by (1 - strength) * weight / top weight + strength * 0.5^(age / half-life).
void blend_recency(std::vector<RankedDoc>& docs, double strength, Timestamp now);

// The blend strength for a sort order and the configured recency weight (0 = no blend).
double recency_strength(SortOrder sort, double configured_weight);

}  // namespace folio::detail
