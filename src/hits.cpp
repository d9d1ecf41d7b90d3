#include "hits.hpp"

#include "document_builder.hpp"
#include "folio/schema.hpp"
#include "search_text.hpp"
#include "stored_record.hpp"

namespace folio::detail {

std::optional<Xapian::Document> find_document(const Xapian::Database& db, const std::string& id) {
  std::string term = schema::id_term(id);
  auto posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*posting);
}

Hit make_hit(const Xapian::Document& doc, double score, const HitOptions& options) {
  bool with_snippet = options.highlighter && options.snippet_length > 0;
  // Without a snippet the display record is all a hit needs: the texts are not read.
  StoredArticle stored;
  if (with_snippet) {
    stored = read_stored_article(doc);
  } else {
    stored.record = decode_display_record(doc.get_data());
  }
  ArticleRecord& record = stored.record;
  Hit hit;
  hit.id = record.id;
  hit.url = record.url;
  hit.title_plain = record.title;
  hit.title = options.highlighter ? options.highlighter->highlight(record.title)
                                  : html_escape(record.title);
  hit.date = record.date;
  hit.lastmod = record.lastmod;
  hit.tags = std::move(record.tags);
  hit.categories = std::move(record.categories);
  hit.authors = std::move(record.authors);
  hit.description = record.description;
  hit.score = score;
  if (with_snippet) {
    SnippetChoice choice = choose_snippet(stored, *options.highlighter, options.snippet_length);
    hit.snippet = std::move(choice.snippet);
    if (choice.heading_index >= 0) {
      const Heading& heading = record.headings[static_cast<std::size_t>(choice.heading_index)];
      hit.section = SectionMatch{heading.text, heading.anchor, record.url + "#" + heading.anchor};
    }
  }
  return hit;
}

}  // namespace folio::detail
