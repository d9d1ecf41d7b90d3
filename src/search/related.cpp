#include "search/related.hpp"

#include <algorithm>
#include <set>

#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "query/match_all.hpp"
#include "search/feedback.hpp"
#include "search/hits.hpp"
#include "search/ranking.hpp"
#include "store/facet_codec.hpp"

namespace folio::detail {
namespace {

constexpr Xapian::termcount kExpandTerms = 25;
constexpr Xapian::doccount kCandidates = 50;
constexpr double kSharedTagWeight = 0.15;  // per shared tag, relative to the best text score

std::set<std::string> tag_keys(const Xapian::Document& doc) {
  std::set<std::string> keys;
  decode_facets(doc.get_value(schema::kFacetsSlot), [&](const FacetEntry& entry) {
    if (entry.field == "tags") keys.insert(schema::normalise_term_value(entry.value));
    return true;
  });
  return keys;
}

}  // namespace

std::vector<Hit> related_articles(const Xapian::Database& db, const std::string& id, int limit) {
  std::optional<Xapian::Document> source = find_document(db, id);
  if (!source) throw Error(ErrorCode::not_found, "no article with id '" + id + "'");
  if (limit < 1) return {};
  Xapian::docid source_id = source->get_docid();

  Xapian::Enquire enquire(db);
  enquire.set_query(match_all());
  Xapian::RSet rset;
  rset.add_document(source_id);
  FreeTextStems decider;
  Xapian::ESet eset = enquire.get_eset(kExpandTerms, rset, &decider);

  std::vector<Xapian::Query> parts;
  for (auto it = eset.begin(); it != eset.end(); ++it)
    parts.emplace_back(*it);
  std::set<std::string> source_tags = tag_keys(*source);
  for (const auto& tag : source_tags) {
    parts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                  Xapian::Query(schema::boolean_term(schema::kTag, tag)), 0.0));
  }
  if (parts.empty()) return {};
  Xapian::Query query(Xapian::Query::OP_AND_NOT,
                      Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                      Xapian::Query(schema::id_term(id)));
  enquire.set_query(query);
  enquire.set_weighting_scheme(default_weighting());
  Xapian::MSet mset = enquire.get_mset(0, kCandidates);

  struct Candidate {
    Xapian::docid docid;
    double weight;
    double score;
  };
  std::vector<Candidate> candidates;
  double top = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    top = std::max(top, it.get_weight());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    std::set<std::string> tags = tag_keys(it.get_document());
    std::size_t shared = static_cast<std::size_t>(std::count_if(
        tags.begin(), tags.end(), [&](const std::string& t) { return source_tags.count(t) > 0; }));
    double text = top > 0 ? it.get_weight() / top : 0;
    candidates.push_back(
        {*it, it.get_weight(), text + kSharedTagWeight * static_cast<double>(shared)});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (candidates.size() > static_cast<std::size_t>(limit))
    candidates.resize(static_cast<std::size_t>(limit));

  std::vector<Hit> hits;
  for (const auto& candidate : candidates) {
    hits.push_back(make_hit(db.get_document(candidate.docid), candidate.score, HitOptions{}));
  }
  return hits;
}

}  // namespace folio::detail
