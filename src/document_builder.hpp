// Article -> Xapian::Document, following the schema (include/folio/schema.hpp).
#pragma once

#include <xapian.h>

#include <map>
#include <string>

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
  const Xapian::Stem& stemmer_for(const std::string& language);

  IndexWriterOptions options_;
  Xapian::TermGenerator generator_;
  std::map<std::string, Xapian::Stem> stemmers_;
};

// The unique id term of an article ("Q" + id).
std::string id_term(const std::string& id);

// Words for the spelling dictionary ("did you mean"), with frequencies: the unprefixed, unstemmed
// terms of documents. Collected per thread and added to the database in one pass, which is far
// cheaper than Xapian's per-word spelling updates during indexing.
using SpellingCounts = std::map<std::string, Xapian::termcount>;
void collect_spelling(const Xapian::Document& doc, SpellingCounts& counts);
void add_spelling(Xapian::WritableDatabase& db, const SpellingCounts& counts);

}  // namespace folio::detail
