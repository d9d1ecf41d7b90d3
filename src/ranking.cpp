#include "ranking.hpp"

#include <algorithm>
#include <cmath>

#include "folio/schema.hpp"

namespace folio::detail {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kMinNormLen = 0.5;
constexpr double kProximityWeight = 0.25;
constexpr Xapian::termcount kProximityWindow = 8;
constexpr double kHalfLifeDays = 365.0;
constexpr double kDefaultRecentStrength = 0.3;

}  // namespace

Xapian::BM25Weight default_weighting() {
  return Xapian::BM25Weight(kK1, 0, 1, kB, kMinNormLen);
}

Xapian::Query with_proximity_boost(Xapian::Query matching, const std::vector<std::string>& words) {
  if (words.size() < 2 || matching.empty()) return matching;
  std::vector<Xapian::Query> pairs;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == words[i + 1]) continue;
    std::vector<std::string> pair{words[i], words[i + 1]};
    pairs.emplace_back(Xapian::Query::OP_NEAR, pair.begin(), pair.end(), kProximityWindow);
  }
  if (pairs.empty()) return matching;
  Xapian::Query boost(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, matching,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, kProximityWeight));
}

void apply_sort(Xapian::Enquire& enquire, SortOrder sort) {
  switch (sort) {
    case SortOrder::newest:
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
      break;
    case SortOrder::oldest:
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false);
      break;
    case SortOrder::relevance:
    case SortOrder::recent:
      enquire.set_sort_by_relevance_then_value(schema::kDateSlot, true);
      break;
  }
}

double recency_strength(SortOrder sort, double configured_weight) {
  double weight = std::clamp(configured_weight, 0.0, 1.0);
  if (sort == SortOrder::recent) return weight > 0 ? weight : kDefaultRecentStrength;
  if (sort == SortOrder::relevance) return weight;
  return 0;
}

void blend_recency(std::vector<RankedDoc>& docs, double strength, Timestamp now) {
  double top = 0;
  for (const auto& doc : docs)
    top = std::max(top, doc.weight);
  for (auto& doc : docs) {
    double relevance = top > 0 ? doc.weight / top : 0;
    double freshness = 0;
    if (doc.date) {
      double age_days = std::max(0.0, static_cast<double>(now - *doc.date) / 86400.0);
      freshness = std::pow(0.5, age_days / kHalfLifeDays);
    }
    doc.blended = (1 - strength) * relevance + strength * freshness;
  }
  std::stable_sort(docs.begin(), docs.end(), [](const RankedDoc& a, const RankedDoc& b) {
    if (a.blended != b.blended) return a.blended > b.blended;
    return a.date.value_or(0) > b.date.value_or(0);
  });
}

}  // namespace folio::detail
