// A handful of hand-made articles indexed by the real IndexWriter into a temporary folder, for the
// query modules' unit tests. A query is checked by the articles it matches rather than by how
// Xapian prints it: that is the contract the searcher relies on, and the real schema (stems,
// field prefixes, filter terms, date slots, the spelling table) keeps the test honest about it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "folio/index_writer.hpp"
#include "folio/schema.hpp"
#include "test_support.hpp"

namespace folio::test {

// An article with a title and one lead section of body text.
inline Article tiny_article(std::string id, std::string title, std::string body) {
  Article article;
  article.id = id;
  article.relative_path = "posts/" + id + ".md";
  article.url = "/posts/" + id + "/";
  article.title = std::move(title);
  article.sections = {{-1, std::move(body)}};
  return article;
}

class TinyIndex {
 public:
  explicit TinyIndex(const std::vector<Article>& articles) : path_(dir_.join("index")) {
    IndexWriterOptions options;
    options.db_path = path_;
    IndexWriter writer(options);
    for (const auto& article : articles)
      writer.add_or_replace(article);
    writer.commit();
    db_ = Xapian::Database(path_);
  }

  const Xapian::Database& db() const { return db_; }

  // The ids of the articles `query` matches; an empty query matches none.
  std::set<std::string> matches(const Xapian::Query& query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    std::set<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      ids.insert(it.get_document().get_value(schema::kIdSlot));
    return ids;
  }

 private:
  TempDir dir_;
  std::string path_;
  Xapian::Database db_;
};

using Ids = std::set<std::string>;

}  // namespace folio::test
