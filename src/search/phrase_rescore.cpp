#include "search/phrase_rescore.hpp"

#include <algorithm>
#include <unordered_map>

namespace folio::detail {
namespace {

// The given documents, as a posting list: restricts a query to them, so a phrase is checked for
// these documents only.
class DocumentList : public Xapian::PostingSource {
 public:
  explicit DocumentList(std::vector<Xapian::docid> docids) : docids_(std::move(docids)) {
    std::sort(docids_.begin(), docids_.end());
    docids_.erase(std::unique(docids_.begin(), docids_.end()), docids_.end());
  }

  // The matcher lets the subquery with the lowest estimate lead an AND and skips the others to
  // each document it gives. These documents are to lead: with their exact count as the estimate,
  // a term in fewer documents led instead (2.4% more instructions per two-word search). The
  // bounds stay true.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return 1; }
  Xapian::doccount get_termfreq_max() const override { return count(); }
  void init(const Xapian::Database&) override {
    at_ = 0;
    started_ = false;
  }
  void next(double) override {
    if (started_) ++at_;
    started_ = true;
  }
  void skip_to(Xapian::docid docid, double) override {
    started_ = true;
    at_ = static_cast<std::size_t>(
        std::lower_bound(docids_.begin() + static_cast<std::ptrdiff_t>(at_), docids_.end(), docid) -
        docids_.begin());
  }
  bool at_end() const override { return started_ && at_ >= docids_.size(); }
  Xapian::docid get_docid() const override { return docids_[at_]; }

 private:
  std::vector<Xapian::docid> docids_;
  std::size_t at_ = 0;
  bool started_ = false;

  Xapian::doccount count() const { return static_cast<Xapian::doccount>(docids_.size()); }
};

}  // namespace

bool rescores_phrase(const Xapian::Database& db, const std::vector<std::string>& words) {
  return db.size() == 1 && has_phrase_boost(words);
}

void rescore_phrase(const Xapian::Database& db, const std::vector<std::string>& words,
                    std::vector<RankedDoc>& docs) {
  if (docs.empty()) return;
  std::vector<Xapian::docid> docids;
  docids.reserve(docs.size());
  for (const auto& doc : docs)
    docids.push_back(doc.doc.get_docid());
  DocumentList only(docids);
  Xapian::Query boost = phrase_boost(words);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, boost, Xapian::Query(&only)));
  enquire.set_weighting_scheme(default_weighting());
  Xapian::MSet boosted = enquire.get_mset(0, static_cast<Xapian::doccount>(docs.size()));
  if (boosted.empty()) return;
  std::unordered_map<Xapian::docid, double> extra;
  for (auto it = boosted.begin(); it != boosted.end(); ++it)
    extra[*it] = it.get_weight();
  for (auto& doc : docs) {
    auto found = extra.find(doc.doc.get_docid());
    if (found != extra.end()) doc.weight += found->second;
  }
  std::stable_sort(docs.begin(), docs.end(),
                   [](const RankedDoc& a, const RankedDoc& b) { return a.weight > b.weight; });
}

}  // namespace folio::detail
