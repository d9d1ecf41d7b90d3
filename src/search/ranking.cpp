#include "search/ranking.hpp"

#include <algorithm>
#include <cmath>

#include "folio/schema.hpp"

namespace folio::detail {
namespace {

// Field weights multiply within-document frequencies at indexing (a title word counts 6 times),
// so term frequencies run higher than in plain text: a larger k1 than the textbook 1.2 keeps a
// title match from saturating at once. Measured with bench/relevance (docs/query-syntax.md).
constexpr double kK1 = 2.0;
constexpr double kB = 0.75;
constexpr double kMinNormLen = 0.5;

// Short queries typed as a phrase ("go concurrency patterns") rank the articles holding them in
// that order first. Longer questions are not boosted: their adjacent words are rarely a phrase.
constexpr std::size_t kMaxPhraseBoostWords = 4;
constexpr double kPhraseBoostWeight = 0.5;

// The reader's language adds this share of the most the query's words can weigh. On
// cncf-glossary's 16 languages (bench/known_item.sh SITE -- --per-language): 0.25 ranks a page
// above its translations for 99% of words of its own language but 85% of the English terms its
// titles carry in brackets; 0.5 for 99% and 91%, at 0.2 points of recall for readers of another
// language; 1.0 and 2.0 gain little more and cost more.
constexpr double kLanguageShare = 0.5;

constexpr double kHalfLifeDays = 365.0;
constexpr double kDefaultRecentStrength = 0.3;

}  // namespace

Xapian::BM25Weight default_weighting() {
  return Xapian::BM25Weight(kK1, 0, 1, kB, kMinNormLen);
}

double max_term_weight(const Xapian::Database& db, const std::string& term) {
  return max_term_weight(db.get_doccount(), db.get_termfreq(term));
}

double max_term_weight(Xapian::doccount documents, Xapian::doccount holding) {
  if (documents == 0 || holding == 0) return 0;
  double odds = (double(documents) - double(holding) + 0.5) / (double(holding) + 0.5);
  if (odds < 2) odds = odds * 0.5 + 1;  // as Xapian::BM25Weight does
  return std::log(odds) * (kK1 + 1);
}

bool has_phrase_boost(const std::vector<std::string>& words) {
  return words.size() >= 2 && words.size() <= kMaxPhraseBoostWords;
}

Xapian::Query phrase_boost(const std::vector<std::string>& words) {
  if (!has_phrase_boost(words)) return {};
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                       static_cast<Xapian::termcount>(words.size()));
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, kPhraseBoostWeight);
}

Xapian::Query with_language_bonus(const Xapian::Database& db, Xapian::Query matching,
                                  const std::vector<std::string>& words,
                                  const std::string& language_term) {
  if (matching.empty() || words.empty()) return matching;
  double ceiling = 0;
  for (const auto& word : words) {
    ceiling +=
        max_term_weight(db.get_doccount(), std::max<Xapian::doccount>(1, db.get_termfreq(word)));
  }
  auto* fixed = new Xapian::FixedWeightPostingSource(kLanguageShare * ceiling);
  Xapian::Query bonus(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()),
                      Xapian::Query(language_term));
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, std::move(matching), bonus);
}

Xapian::Query with_phrase_boost(Xapian::Query matching, const std::vector<std::string>& words) {
  Xapian::Query boost = phrase_boost(words);
  if (boost.empty() || matching.empty()) return matching;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, matching, boost);
}

void apply_sort(Xapian::Enquire& enquire, SortOrder sort, QueryText text) {
  bool by_date = text == QueryText::none;
  switch (sort) {
    case SortOrder::newest:
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
      break;
    case SortOrder::oldest:
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false);
      break;
    case SortOrder::relevance:
    case SortOrder::recent:
      // Without words every weight is 0: newest first. With words, ties are broken by date on
      // the page (break_ties_by_date), which costs far less than a value sort over all matches.
      if (by_date) {
        enquire.set_sort_by_value(schema::kDateSlot, true);
      } else {
        enquire.set_sort_by_relevance();
      }
      break;
  }
  if (by_date) enquire.set_weighting_scheme(Xapian::BoolWeight());
}

void break_ties_by_date(std::vector<RankedDoc>& docs) {
  std::stable_sort(docs.begin(), docs.end(), [](const RankedDoc& a, const RankedDoc& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.date.value_or(0) > b.date.value_or(0);
  });
}

double recency_strength(SortOrder sort, double configured_weight) {
  // search.recency_weight runs from 0 upwards: w / (1 + w) maps it onto a share of the blend
  // (1 -> half relevance, half freshness).
  double weight = std::max(0.0, configured_weight);
  double share = weight / (1 + weight);
  if (sort == SortOrder::recent) return share > 0 ? share : kDefaultRecentStrength;
  if (sort == SortOrder::relevance) return share;
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
