#include "search/hits.hpp"

#include <memory>

#include "base/text.hpp"
#include "folio/schema.hpp"
#include "search/article_cache.hpp"
#include "store/stored_record.hpp"

namespace folio::detail {

std::optional<Xapian::Document> find_document(const Xapian::Database& db, const std::string& id) {
  std::string term = schema::id_term(id);
  auto posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*posting);
}

namespace {

bool caching(const StoredArticleReader& source) {
  return source.cache != nullptr && !source.identity.empty();
}

// The stored article of `doc`, from the cache when it holds what is needed (and into it when
// it did not): with its texts for a snippet, else at least the display record.
std::shared_ptr<const StoredArticle> load_article(const Xapian::Document& doc,
                                                  const StoredArticleReader& source,
                                                  bool with_text) {
  if (caching(source)) {
    auto found = source.cache->find(source.identity, doc.get_docid());
    if (found && (found->has_text || !with_text)) return found;
  }
  std::shared_ptr<const StoredArticle> article;
  if (with_text) {
    article = std::make_shared<const StoredArticle>(read_stored_article(doc));
  } else {
    article =
        std::make_shared<const StoredArticle>(StoredArticle{read_display_record(doc), {}, false});
  }
  if (caching(source)) source.cache->insert(source.identity, doc.get_docid(), article);
  return article;
}

}  // namespace

Hit make_hit(const Xapian::Document& doc, double score, const HitOptions& options) {
  bool with_snippet = options.highlighter && options.snippet_length > 0;
  // Without a snippet the display record is all a hit needs: the texts are not read.
  std::shared_ptr<const StoredArticle> stored = load_article(doc, options.articles, with_snippet);
  const ArticleRecord& record = stored->record;
  Hit hit;
  hit.id = record.id;
  hit.url = record.url;
  hit.title_plain = record.title;
  hit.title = options.highlighter ? options.highlighter->highlight(record.title)
                                  : html_escape(record.title);
  hit.date = record.date;
  hit.lastmod = record.lastmod;
  hit.date_offset_seconds = record.date_offset_seconds;
  hit.lastmod_offset_seconds = record.lastmod_offset_seconds;
  hit.tags = record.tags;
  hit.categories = record.categories;
  hit.authors = record.authors;
  hit.description = record.description;
  hit.score = score;
  if (with_snippet) {
    SnippetChoice choice = choose_snippet(*stored, *options.highlighter, options.snippet_length);
    hit.snippet = std::move(choice.snippet);
    if (choice.heading_index >= 0) {
      const Heading& heading = record.headings[static_cast<std::size_t>(choice.heading_index)];
      hit.section =
          SectionMatch{heading.text, heading.anchor, record.url + "#" + heading.anchor, {}};
    }
    for (auto& section : choice.sections) {
      const Heading& heading = record.headings[static_cast<std::size_t>(section.heading_index)];
      hit.sections.push_back(SectionMatch{heading.text, heading.anchor,
                                          record.url + "#" + heading.anchor,
                                          std::move(section.snippet)});
    }
  }
  return hit;
}

}  // namespace folio::detail
