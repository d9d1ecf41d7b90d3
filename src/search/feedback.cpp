#include "search/feedback.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "query/stopwords.hpp"
#include "search/ranking.hpp"

namespace folio::detail {
namespace {

constexpr Xapian::doccount kFeedbackDocuments = 4;
constexpr Xapian::termcount kFeedbackTerms = 30;
constexpr double kFeedbackWeight = 0.5;  // of an expansion term, relative to a typed word
constexpr double kExpandK = 1.0;         // Xapian's default for its "trad" expansion weight

// What the feedback documents say about one candidate term.
struct TermEvidence {
  double documents = 0;  // feedback documents holding it
  double within = 0;     // its saturated frequency in each of them, times the document's weight
  Xapian::doccount frequency = 0;  // documents of the index holding it
};

struct Collection {
  double documents = 0;       // in the index
  double average_length = 0;  // of a document
  double feedback = 0;        // feedback documents
};

// A term's frequency in one document, saturated and normalised by the document's length as
// BM25 does (Xapian's ExpandWeight, k = 1).
double saturated(Xapian::termcount wdf, double length, double average_length) {
  double f = std::max<double>(1, wdf);
  double relative_length = average_length > 0 ? length / average_length : 1;
  return (kExpandK + 1) * f / (kExpandK * relative_length + f);
}

// Robertson and Sparck Jones' relevance weight of the term (the log odds of it being in a
// feedback document rather than in another one) times its weighted frequency there; 0 when the
// term is no likelier in the feedback documents than elsewhere. As Xapian's "trad" ESet weight.
double expansion_weight(const TermEvidence& term, const Collection& collection) {
  double r = term.documents;
  double n = term.frequency;
  double relevant_without = collection.feedback - r;
  double odds = (r + 0.5) * (collection.documents - n - relevant_without + 0.5);
  double against = (n - r + 0.5) * (relevant_without + 0.5);
  if (odds <= against) return 0;
  return term.within * std::log(odds / against);
}

std::map<std::string, TermEvidence> gather_evidence(const Xapian::Database& db,
                                                    const std::vector<FeedbackDocument>& documents,
                                                    const std::set<std::string>& excluded,
                                                    double average_length) {
  FreeTextStems decider;
  std::map<std::string, TermEvidence> evidence;
  for (const auto& document : documents) {
    double length = static_cast<double>(db.get_doclength(document.id));
    for (auto t = db.termlist_begin(document.id); t != db.termlist_end(document.id); ++t) {
      std::string term = *t;
      if (excluded.count(term) != 0 || !decider(term)) continue;
      TermEvidence& e = evidence[term];
      e.documents += 1;
      e.within += document.weight * saturated(t.get_wdf(), length, average_length);
      e.frequency = t.get_termfreq();
    }
  }
  return evidence;
}

}  // namespace

bool FreeTextStems::operator()(const std::string& term) const {
  if (term.size() < 4 || term[0] != 'Z') return false;
  unsigned char second = static_cast<unsigned char>(term[1]);
  if (second >= 'A' && second <= 'Z') return false;  // a prefixed field's stem
  if (second >= '0' && second <= '9') return false;
  return !is_stopword(std::string_view(term).substr(1), "en");
}

double feedback_document_weight(Xapian::doccount rank) {
  return 1.0 / (static_cast<double>(rank) + 1.0);
}

std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db,
                                           const std::vector<FeedbackDocument>& documents,
                                           const Xapian::Query& query, Xapian::termcount count) {
  Collection collection{static_cast<double>(db.get_doccount()), db.get_avlength(),
                        static_cast<double>(documents.size())};
  std::set<std::string> excluded(query.get_unique_terms_begin(), query.get_unique_terms_end());
  std::vector<ExpansionTerm> terms;
  for (const auto& [term, evidence] :
       gather_evidence(db, documents, excluded, collection.average_length)) {
    double weight = expansion_weight(evidence, collection);
    if (weight > 0) terms.push_back(ExpansionTerm{term, weight});
  }
  std::stable_sort(terms.begin(), terms.end(), [](const ExpansionTerm& a, const ExpansionTerm& b) {
    return a.weight > b.weight;
  });
  if (terms.size() > count) terms.resize(count);
  return terms;
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
  std::vector<FeedbackDocument> documents;
  for (auto it = top.begin(); it != top.end(); ++it)
    documents.push_back(FeedbackDocument{*it, feedback_document_weight(it.get_rank())});
  std::vector<ExpansionTerm> expansion = expansion_terms(db, documents, first_pass, kFeedbackTerms);
  if (expansion.empty()) return text;
  double strongest = expansion.front().weight;
  std::vector<Xapian::Query> terms;
  for (const auto& term : expansion) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term.term),
                       expansion_term_scale(term.weight, strongest));
  }
  Xapian::Query widened(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_OR, text,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, widened, kFeedbackWeight));
}

}  // namespace folio::detail
