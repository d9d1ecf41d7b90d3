// Article -> Xapian::Document, following the schema (include/folio/schema.hpp).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <unordered_map>

#include "folio/article.hpp"
#include "folio/index_writer.hpp"

namespace folio::detail {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const IndexWriterOptions& options);
  // Not thread-safe: use one builder per thread.
  Xapian::Document build(const Article& article);

 private:
  void index_free_text(const Article& article);
  void add_filter_terms(const Article& article, Xapian::Document& doc) const;
  void add_values(const Article& article, Xapian::Document& doc) const;
  void add_title_key(const Article& article, Xapian::Document& doc) const;
  const Xapian::Stem& stemmer_for(const std::string& language);

  IndexWriterOptions options_;
  Xapian::TermGenerator generator_;
  std::map<std::string, Xapian::Stem> stemmers_;
};

// Words for the spelling dictionary ("did you mean", typo tolerance): the unprefixed, unstemmed
// terms of documents with their frequency and the number of documents using them. Collected per
// thread and added to the database in one pass, far cheaper than Xapian's per-word spelling
// updates during indexing.
struct SpellingWord {
  Xapian::termcount frequency = 0;
  Xapian::doccount documents = 0;
};
using SpellingCounts = std::unordered_map<std::string, SpellingWord>;
void collect_spelling(const Xapian::Document& doc, SpellingCounts& counts);
void merge_spelling(SpellingCounts& into, const SpellingCounts& from);
// Adds the words worth suggesting (see spelling_worthy) whose hash falls in partition
// `part` of `parts`, so several databases can be fed in parallel without overlap.
void add_spelling(Xapian::WritableDatabase& db, const SpellingCounts& counts, std::size_t part = 0,
                  std::size_t parts = 1);

}  // namespace folio::detail
