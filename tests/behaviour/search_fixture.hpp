// The search tests' corpus: tests/data/search-fixture parsed with folio::parse_article and
// indexed through the real folio::IndexWriter into a temporary folder, so the tests exercise the
// real schema. The parsed articles stay available for brute-force checks.
#pragma once

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "folio/article_parser.hpp"
#include "folio/index_writer.hpp"
#include "folio/search.hpp"
#include "test_support.hpp"

namespace folio::test {

inline IndexSettings fixture_settings() {
  IndexSettings settings;
  settings.taxonomies = {"topics"};
  return settings;
}

inline std::vector<Article> parse_fixture_articles(const std::string& root) {
  std::vector<Article> articles;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    std::string relative = std::filesystem::relative(entry.path(), root).generic_string();
    if (relative == "README.md") continue;
    std::string content = read_text(entry.path().string());
    articles.push_back(parse_article(
        ArticleSource{entry.path().string(), relative, content, {}, {}}, fixture_settings()));
  }
  std::sort(articles.begin(), articles.end(),
            [](const Article& a, const Article& b) { return a.id < b.id; });
  return articles;
}

inline void write_index(const std::string& db, const std::vector<Article>& articles,
                        WriteMode mode = WriteMode::update) {
  IndexWriterOptions options;
  options.db_path = db;
  options.mode = mode;
  IndexWriter writer(options);
  for (const auto& article : articles)
    writer.add_or_replace(article);
  writer.commit();
}

// One indexed copy of the fixture corpus.
class SearchFixture {
 public:
  SearchFixture()
      : articles_(parse_fixture_articles(std::string(FOLIO_TEST_DATA_DIR) + "/search-fixture")),
        db_(dir_.join("index")) {
    write_index(db_, articles_);
  }

  const std::string& db() const { return db_; }
  const std::vector<Article>& articles() const { return articles_; }
  const TempDir& dir() const { return dir_; }

  const Article& article(const std::string& id) const {
    for (const auto& a : articles_) {
      if (a.id == id) return a;
    }
    throw std::runtime_error("no fixture article " + id);
  }

  // The fixture, indexed once per test program.
  static const SearchFixture& shared() {
    static const SearchFixture fixture;
    return fixture;
  }

 private:
  TempDir dir_;
  std::vector<Article> articles_;
  std::string db_;
};

inline std::vector<std::string> hit_ids(const SearchResults& results) {
  std::vector<std::string> ids;
  for (const auto& hit : results.hits)
    ids.push_back(hit.id);
  return ids;
}

inline std::set<std::string> hit_id_set(const SearchResults& results) {
  std::set<std::string> ids;
  for (const auto& hit : results.hits)
    ids.insert(hit.id);
  return ids;
}

inline SearchRequest request(const std::string& query, int page_size = 50) {
  SearchRequest r;
  r.query = query;
  r.page_size = page_size;
  return r;
}

}  // namespace folio::test
