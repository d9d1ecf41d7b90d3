// How results are ordered: BM25 with parameters suited to field-weighted articles, a proximity
// boost for query words found close together, the sort orders of SortOrder, and the recency blend.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "folio/date.hpp"
#include "folio/search.hpp"

namespace folio::detail {

// BM25 as folio ranks with it (k1, b tuned for field-weighted documents; see docs/query-syntax.md).
Xapian::BM25Weight default_weighting();

// `matching` with extra weight for documents holding adjacent query words near each other.
// The set of matching documents does not change.
Xapian::Query with_proximity_boost(Xapian::Query matching, const std::vector<std::string>& words);

// Configures the Enquire's order. Relevance ties (and queries without words) go newest first.
void apply_sort(Xapian::Enquire& enquire, SortOrder sort);

// A ranked document for re-ranking by recency.
struct RankedDoc {
  Xapian::docid docid = 0;
  double weight = 0;
  std::optional<Timestamp> date;
  double blended = 0;
};

// Reorders by (1 - strength) * weight / top weight + strength * 0.5^(age / half-life).
void blend_recency(std::vector<RankedDoc>& docs, double strength, Timestamp now);

// The blend strength for a sort order and the configured recency weight (0 = no blend).
double recency_strength(SortOrder sort, double configured_weight);

}  // namespace folio::detail
