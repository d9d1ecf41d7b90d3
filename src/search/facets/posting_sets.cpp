#include "search/facets/posting_sets.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace folio::detail {
namespace {

constexpr Xapian::docid kEnd = 0;  // no docid is 0

// Matching documents in docid order: next(at_least) is the first at or after `at_least`, or kEnd.
// Asking again for the same or a smaller docid gives the same answer.
class Stream {
 public:
  virtual ~Stream() = default;
  virtual Xapian::docid next(Xapian::docid at_least) = 0;
};

using Streams = std::vector<std::unique_ptr<Stream>>;

class Postings : public Stream {
 public:
  Postings(const Xapian::Database& db, const std::string& term)
      : at_(db.postlist_begin(term)), end_(db.postlist_end(term)) {}
  Xapian::docid next(Xapian::docid at_least) override {
    if (at_ != end_ && *at_ < at_least) at_.skip_to(at_least);
    return at_ == end_ ? kEnd : *at_;
  }

 private:
  Xapian::PostingIterator at_;
  Xapian::PostingIterator end_;
};

class Nothing : public Stream {
 public:
  Xapian::docid next(Xapian::docid) override { return kEnd; }
};

class All : public Stream {  // in every part
 public:
  explicit All(Streams parts) : parts_(std::move(parts)) {}
  Xapian::docid next(Xapian::docid at_least) override {
    Xapian::docid candidate = at_least;
    for (std::size_t agreeing = 0; agreeing < parts_.size();) {
      for (auto& part : parts_) {
        Xapian::docid found = part->next(candidate);
        if (found == kEnd) return kEnd;
        if (found == candidate) {
          ++agreeing;
        } else {
          candidate = found;
          agreeing = 1;  // this part agrees with the new candidate; the others are asked again
        }
        if (agreeing == parts_.size()) break;
      }
    }
    return candidate;
  }

 private:
  Streams parts_;
};

class Any : public Stream {  // in some part
 public:
  explicit Any(Streams parts) : parts_(std::move(parts)) {}
  Xapian::docid next(Xapian::docid at_least) override {
    Xapian::docid least = kEnd;
    for (auto& part : parts_) {
      Xapian::docid found = part->next(at_least);
      if (found != kEnd && (least == kEnd || found < least)) least = found;
    }
    return least;
  }

 private:
  Streams parts_;
};

class Except : public Stream {  // in `kept`, not in `dropped`
 public:
  Except(std::unique_ptr<Stream> kept, std::unique_ptr<Stream> dropped)
      : kept_(std::move(kept)), dropped_(std::move(dropped)) {}
  Xapian::docid next(Xapian::docid at_least) override {
    for (Xapian::docid found = kept_->next(at_least); found != kEnd;
         found = kept_->next(found + 1)) {
      if (dropped_->next(found) != found) return found;
    }
    return kEnd;
  }

 private:
  std::unique_ptr<Stream> kept_;
  std::unique_ptr<Stream> dropped_;
};

std::unique_ptr<Stream> stream_of(const Xapian::Database& db, const Xapian::Query& query);

bool streams_of(const Xapian::Database& db, const Xapian::Query& query, std::size_t first,
                Streams& out) {
  for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
    auto part = stream_of(db, query.get_subquery(i));
    if (!part) return false;
    out.push_back(std::move(part));
  }
  return true;
}

// Null when a part of the query needs the matcher.
std::unique_ptr<Stream> stream_of(const Xapian::Database& db, const Xapian::Query& query) {
  Streams parts;
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return std::make_unique<Postings>(db, *query.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
      return std::make_unique<Postings>(db, std::string());
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return std::make_unique<Nothing>();
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      if (!streams_of(db, query, 0, parts) || parts.empty()) return nullptr;
      return std::make_unique<All>(std::move(parts));
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
      if (!streams_of(db, query, 0, parts) || parts.empty()) return nullptr;
      return std::make_unique<Any>(std::move(parts));
    case Xapian::Query::OP_AND_NOT: {
      if (query.get_num_subqueries() < 2) return nullptr;
      auto kept = stream_of(db, query.get_subquery(0));
      if (!kept || !streams_of(db, query, 1, parts)) return nullptr;
      return std::make_unique<Except>(std::move(kept), std::make_unique<Any>(std::move(parts)));
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      if (query.get_num_subqueries() == 0) return nullptr;
      return stream_of(db, query.get_subquery(0));
    default:
      return nullptr;
  }
}

}  // namespace

bool for_each_match(const Xapian::Database& db, const Xapian::Query& query,
                    const std::function<void(Xapian::docid)>& each, Xapian::doccount& matches) {
  std::unique_ptr<Stream> stream = stream_of(db, query);
  if (!stream) return false;
  matches = 0;
  const Xapian::docid last = db.get_lastdocid();
  for (Xapian::docid at = 1; at != kEnd && at <= last;) {
    Xapian::docid found = stream->next(at);
    if (found == kEnd) break;
    each(found);
    ++matches;
    at = found + 1;
  }
  return true;
}

}  // namespace folio::detail
