#include "feedback.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "ranking.hpp"
#include "stopwords.hpp"

namespace folio::detail {
namespace {

constexpr Xapian::doccount kFeedbackDocuments = 4;
constexpr Xapian::termcount kFeedbackTerms = 30;
constexpr double kFeedbackWeight = 0.5;  // of an expansion term, relative to a typed word

}  // namespace

bool FreeTextStems::operator()(const std::string& term) const {
  if (term.size() < 4 || term[0] != 'Z') return false;
  unsigned char second = static_cast<unsigned char>(term[1]);
  if (second >= 'A' && second <= 'Z') return false;  // a prefixed field's stem
  if (second >= '0' && second <= '9') return false;
  return !is_stopword(std::string_view(term).substr(1), "en");
}

double expansion_term_scale(double weight, double strongest) {
  if (strongest <= 0) return 1.0;
  return std::sqrt(std::max(0.0, weight) / strongest);
}

Xapian::Query with_feedback(const Xapian::Database& db, const Xapian::Query& text,
                            const Xapian::Query& first_pass) {
  Xapian::Enquire enquire(db);
  enquire.set_query(first_pass);
  enquire.set_weighting_scheme(default_weighting());
  Xapian::MSet top = enquire.get_mset(0, kFeedbackDocuments);
  if (top.empty()) return text;
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it)
    rset.add_document(*it);
  FreeTextStems decider;
  Xapian::ESet eset = enquire.get_eset(kFeedbackTerms, rset, &decider);
  if (eset.empty()) return text;
  double strongest = eset.begin().get_weight();
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                       expansion_term_scale(it.get_weight(), strongest));
  }
  Xapian::Query expansion(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_OR, text,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, kFeedbackWeight));
}

}  // namespace folio::detail
