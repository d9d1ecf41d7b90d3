#include "search/title_bonus.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_set>
#include <utility>

#include "base/word_chars.hpp"
#include "folio/schema.hpp"
#include "query/stopwords.hpp"
#include "search/ranking.hpp"
#include "store/title_key.hpp"

namespace folio::detail {
namespace {

// Chosen with bench/known_item on digitalgov (docs/benchmarks.md): strengths 0.5 to 4 and exponents
// 1 to 3 give title MRR 0.984 to 0.989 and rarest-words MRR 0.937 to 0.956 on the tuning samples,
// against 0.937 to 0.958 and 0.906 to 0.914 without the bonus.
constexpr double kTitleStrength = 1.0;   // the exact title's bonus, in the words' BM25 ceilings
constexpr double kNearExact = 0.9;       // not the exact title: its words covered, in any order
constexpr double kCoverageExponent = 2;  // a title half covered gets a quarter of that
constexpr double kSectionFactor = 1.3;   // section and taxonomy pages (_index.md)

std::string stem_of(const Xapian::Stem& stemmer, const std::string& word) {
  if (stemmer.is_none() || !gets_stemmed_form(word)) return word;
  return stemmer(word);
}

// The title term of `word`: "ZS" + stem, or "S" + word for one without a stem, as the
// TermGenerator indexes it (and WordExpander::stemmed_term queries it).
std::string title_term(const Xapian::Stem& stemmer, const std::string& word) {
  bool stemmed = !stemmer.is_none() && gets_stemmed_form(word);
  std::string term = stemmed ? "Z" : "";
  term += schema::kTitle;
  term += stemmed ? stemmer(word) : word;
  return term;
}

// The titles holding a title term.
Xapian::doccount titles_holding(const Xapian::Database& db, const TitleColumn* column,
                                const std::string& term) {
  return column != nullptr ? column->titles_holding(term) : db.get_termfreq(term);
}

// The title term of `word` that titles hold: its stemmed form, or the word as written when only
// that is indexed (a language without a stemmer, searched with another's), and how many titles
// hold it (0: none).
std::pair<std::string, Xapian::doccount> held_title_term(const Xapian::Database& db,
                                                         const TitleColumn* column,
                                                         const Xapian::Stem& stemmer,
                                                         const std::string& word) {
  std::string term = title_term(stemmer, word);
  Xapian::doccount titles = titles_holding(db, column, term);
  if (titles == 0 && term.front() == 'Z') {
    std::string plain(schema::kTitle);
    plain += word;
    titles = titles_holding(db, column, plain);
    if (titles > 0) term = std::move(plain);
  }
  return {std::move(term), titles};
}

enum class Stopwords { left_out, kept_when_alone };

// The distinct words of `terms` that count: its stopwords aside, unless (kept_when_alone) it has
// nothing else.
std::vector<std::string> counted_words(const TitleBonusTerms& terms, Stopwords stopwords) {
  std::vector<std::string> words;
  for (int pass = 0; pass < 2 && words.empty(); ++pass) {
    if (pass == 1 && stopwords == Stopwords::left_out) break;
    for (const auto& word : terms.words) {
      bool skipped = pass == 0 && is_stopword(word, terms.language);
      if (!skipped && std::find(words.begin(), words.end(), word) == words.end())
        words.push_back(word);
    }
  }
  return words;
}

struct BonusSpec {
  TitleBonusTerms terms;
  const TitleColumn* column = nullptr;   // null: title keys read from the index
  std::vector<std::string> title_terms;  // the non-stopwords' terms in the title field, distinct
  Xapian::doccount fewest = 0;           // titles holding the rarest of them, in every database
  double full_weight = 0;                // the bonus of the exact title of a page
};

// The documents whose title holds every one of the spec's title terms, weighted by the bonus.
class TitleBonusSource : public Xapian::PostingSource {
 public:
  explicit TitleBonusSource(std::shared_ptr<const BonusSpec> spec)
      : spec_(std::move(spec)), matcher_(spec_->terms) {}

  Xapian::PostingSource* clone() const override { return new TitleBonusSource(spec_); }

  void init(const Xapian::Database& db) override {
    lists_.clear();
    ends_.clear();
    for (const auto& term : spec_->title_terms) {
      lists_.push_back(db.postlist_begin(term));
      ends_.push_back(db.postlist_end(term));
    }
    fewest_ = std::min(spec_->fewest, db.get_doccount());
    db_ = db;
    started_ = false;
    at_end_ = lists_.empty();
    current_ = 0;
    set_maxweight(spec_->full_weight * kSectionFactor);
  }

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return fewest_ / 2; }
  Xapian::doccount get_termfreq_max() const override { return fewest_; }

  void next(double) override { align(started_ ? current_ + 1 : 1); }
  void skip_to(Xapian::docid docid, double) override {
    if (started_ && docid <= current_) return;
    align(docid);
  }
  bool at_end() const override { return at_end_; }
  Xapian::docid get_docid() const override { return current_; }

  double get_weight() const override {
    TitleFacts read;
    const TitleFacts* title = nullptr;
    if (spec_->column != nullptr) {
      title = spec_->column->facts(current_);
    } else {
      read = title_facts(
          db_.get_document(current_, Xapian::DOC_ASSUME_VALID).get_value(schema::kTitleKeySlot));
      title = &read;
    }
    if (title == nullptr) return 0;
    TitleCoverage covered = matcher_.cover(*title);
    double factor =
        covered.exact ? 1.0 : kNearExact * std::pow(covered.coverage, kCoverageExponent);
    if (title->kind == PageKind::section) factor *= kSectionFactor;
    return spec_->full_weight * factor;
  }

 private:
  std::shared_ptr<const BonusSpec> spec_;
  TitleMatcher matcher_;
  std::vector<Xapian::PostingIterator> lists_;
  std::vector<Xapian::PostingIterator> ends_;
  Xapian::Database db_;
  Xapian::doccount fewest_ = 0;
  Xapian::docid current_ = 0;
  bool started_ = false;
  bool at_end_ = false;

  // The first document from `target` on that every list holds.
  void align(Xapian::docid target) {
    started_ = true;
    bool agreed = false;
    while (!agreed) {
      agreed = true;
      for (std::size_t i = 0; i < lists_.size(); ++i) {
        lists_[i].skip_to(target);
        if (lists_[i] == ends_[i]) {
          at_end_ = true;
          return;
        }
        if (*lists_[i] > target) {
          target = *lists_[i];
          agreed = i == 0;  // only the lists before this one need to catch up
        }
      }
    }
    current_ = target;
  }
};

}  // namespace

TitleMatcher::TitleMatcher(const TitleBonusTerms& terms)
    : stopwords_apply_(has_stopwords(terms.language)) {
  std::string exact;
  std::unordered_set<std::string> stems;
  for (const auto& word : terms.words) {
    if (!exact.empty()) exact += ' ';
    exact += word;
    int stopword = stopwords_apply_ ? english_stopword_index(word) : -1;
    if (stopword >= 0) {
      stopwords_[stopword / 64] |= std::uint64_t{1} << (stopword % 64);
    } else {
      stems.insert(stem_of(terms.stemmer, word));
    }
  }
  exact_hash_ = title_hash(exact);
  held_ = stems.size();
}

// Words the query holds over the title's words, a title's stopword counting only when the query
// has it too. Every word of the query but its stopwords is in the title, so only the stopwords
// need a look.
TitleCoverage TitleMatcher::cover(const TitleFacts& title) const {
  if (title.exact_hash == exact_hash_) return TitleCoverage{1.0, true};
  std::size_t shared = static_cast<std::size_t>(std::popcount(title.stopwords[0] & stopwords_[0]) +
                                                std::popcount(title.stopwords[1] & stopwords_[1]));
  std::size_t all_stopwords = static_cast<std::size_t>(std::popcount(title.stopwords[0]) +
                                                       std::popcount(title.stopwords[1]));
  std::size_t counted = title.other_words + (stopwords_apply_ ? shared : all_stopwords);
  if (counted == 0) return {};
  double held = static_cast<double>(held_ + shared);
  return TitleCoverage{std::min(1.0, held / static_cast<double>(counted)), false};
}

namespace {

// The most BM25 gives `words` in titles, summed (max_term_weight of their title terms): a word
// few titles have weighs more. Empty when a word is in no title.
std::optional<double> title_ceiling(const Xapian::Database& db, const TitleColumn* column,
                                    const std::vector<std::string>& words,
                                    const Xapian::Stem& stemmer) {
  double ceiling = 0;
  for (const auto& word : words) {
    Xapian::doccount titles = held_title_term(db, column, stemmer, word).second;
    if (titles == 0) return std::nullopt;
    ceiling += max_term_weight(db.get_doccount(), titles);
  }
  return ceiling;
}

// Given documents, each with a given weight.
class FixedDocuments : public Xapian::PostingSource {
 public:
  FixedDocuments(std::vector<Xapian::docid> docids, double weight)
      : docids_(std::move(docids)), weight_(weight) {}

  Xapian::PostingSource* clone() const override { return new FixedDocuments(docids_, weight_); }
  void init(const Xapian::Database&) override {
    at_ = 0;
    started_ = false;
    set_maxweight(weight_);
  }
  Xapian::doccount get_termfreq_min() const override { return count(); }
  Xapian::doccount get_termfreq_est() const override { return count(); }
  Xapian::doccount get_termfreq_max() const override { return count(); }
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
  double get_weight() const override { return weight_; }

 private:
  std::vector<Xapian::docid> docids_;  // sorted
  double weight_;
  std::size_t at_ = 0;
  bool started_ = false;

  Xapian::doccount count() const { return static_cast<Xapian::doccount>(docids_.size()); }
};

// The articles whose title is exactly `terms`' words (found in the title column: none without
// one), each weighing `strength` times the title ceiling of `counted`; empty when there are none.
Xapian::Query exact_title_weighted(const Xapian::Database& db, const TitleColumn* column,
                                   const TitleBonusTerms& terms,
                                   const std::vector<std::string>& counted, double strength) {
  if (column == nullptr || terms.words.empty()) return {};
  std::string exact;
  for (const auto& word : terms.words) {
    if (!exact.empty()) exact += ' ';
    exact += word;
  }
  std::vector<Xapian::docid> docids = column->titled(title_hash(exact));
  if (docids.empty()) return {};
  std::optional<double> ceiling = title_ceiling(db, column, counted, terms.stemmer);
  if (!ceiling) return {};
  return Xapian::Query((new FixedDocuments(std::move(docids), strength * *ceiling))->release());
}

}  // namespace

Xapian::Query title_bonus(const Xapian::Database& db, const TitleBonusTerms& terms,
                          const TitleColumn* column) {
  std::vector<std::string> words = counted_words(terms, Stopwords::left_out);
  if (words.empty()) return {};
  if (words.size() > kMaxCoverageWords) {
    return exact_title_weighted(db, column, terms, words, kTitleStrength);
  }
  auto spec = std::make_shared<BonusSpec>();
  spec->terms = terms;
  spec->column = column;
  spec->fewest = db.get_doccount();
  for (const auto& word : words) {
    auto [term, titles] = held_title_term(db, column, terms.stemmer, word);
    if (titles == 0) return {};  // no title holds every word
    spec->fewest = std::min(spec->fewest, titles);
    spec->full_weight += kTitleStrength * max_term_weight(db.get_doccount(), titles);
    spec->title_terms.push_back(std::move(term));
  }
  return Xapian::Query((new TitleBonusSource(std::move(spec)))->release());
}

Xapian::Query exact_title_match(const Xapian::Database& db, const TitleBonusTerms& literal,
                                const TitleColumn* column) {
  std::vector<std::string> words = counted_words(literal, Stopwords::kept_when_alone);
  if (words.empty()) return {};
  return exact_title_weighted(db, column, literal, words, 1 + kTitleStrength);
}

Xapian::Query with_title_bonus(Xapian::Query matching, const Xapian::Query& bonus) {
  if (bonus.empty() || matching.empty()) return matching;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, std::move(matching), bonus);
}

}  // namespace folio::detail
