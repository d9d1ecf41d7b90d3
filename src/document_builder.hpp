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
  // Feeds the spelling dictionary of `db` while building (serial use only).
  void enable_spelling(Xapian::WritableDatabase& db);
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

}  // namespace folio::detail
