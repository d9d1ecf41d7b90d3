#include <catch2/catch.hpp>

#include "facet_codec.hpp"
#include "folio/error.hpp"
#include "stored_record.hpp"

using namespace folio;
using namespace folio::detail;

namespace {

Article sample_article() {
  Article a;
  a.id = "posts/go-vs-rust";
  a.url = "/posts/go-vs-rust/";
  a.relative_path = "posts/go-vs-rust.md";
  a.title = "Go vs Rust";
  a.description = "Compare Go & Rust <fast>";
  a.date = 1769453600;
  a.lastmod = -86400;  // negative timestamps survive the zigzag encoding
  a.tags = {"Go", "Rust", "Backend Language"};
  a.categories = {"Comparisons"};
  a.authors = {"Maya Okafor"};
  a.language = "en";
  a.word_count = 950;
  a.reading_time_minutes = 5;
  a.headings = {{2, "Quick Verdict", "quick-verdict"}, {2, "FAQ", "faq"}};
  a.sections = {{-1, "lead text"}, {0, "verdict text"}, {1, "faq text"}};
  a.taxonomies["topics"] = {"Systems"};
  return a;
}

}  // namespace

TEST_CASE("stored record: an article's display record survives encoding") {
  Article a = sample_article();
  StoredArticle s = decode_stored_article(encode_stored_article(a));
  CHECK(s.record.id == a.id);
  CHECK(s.record.url == a.url);
  CHECK(s.record.title == a.title);
  CHECK(s.record.description == a.description);
  CHECK(s.record.date == a.date);
  CHECK(s.record.lastmod == a.lastmod);
  CHECK(s.record.tags == a.tags);
  CHECK(s.record.categories == a.categories);
  CHECK(s.record.authors == a.authors);
  CHECK(s.record.word_count == 950);
  REQUIRE(s.record.headings.size() == 2);
  CHECK(s.record.headings[1].anchor == "faq");
  CHECK(s.sections == std::vector<std::string>{"lead text", "verdict text", "faq text"});
}

TEST_CASE("stored record: truncated or foreign data is a database error, never a crash") {
  std::string data = encode_stored_article(sample_article());
  for (std::size_t cut = 0; cut < data.size(); cut += 7) {
    CHECK_THROWS_AS(decode_stored_article(std::string_view(data).substr(0, cut)), Error);
  }
  CHECK_THROWS_AS(decode_stored_article("\x09garbage"), Error);
}

TEST_CASE("facet codec: every facet value is packed with its field, in original spelling") {
  Article a = sample_article();
  a.date = 1769453600;  // 2026-01-26
  std::vector<std::pair<std::string, std::string>> seen;
  decode_facets(encode_facets(a), [&](const FacetEntry& e) {
    seen.emplace_back(std::string(e.field), std::string(e.value));
    return true;
  });
  using P = std::pair<std::string, std::string>;
  CHECK(seen == std::vector<P>{P{"tags", "Go"}, P{"tags", "Rust"}, P{"tags", "Backend Language"},
                               P{"categories", "Comparisons"}, P{"authors", "Maya Okafor"},
                               P{"section", "posts"}, P{"lang", "en"}, P{"year", "2026"},
                               P{"topics", "Systems"}});
}

TEST_CASE("facet codec: separators inside values cannot break the packing") {
  Article a;
  a.tags = {"evil\x1Fvalue\x1Emore"};
  int count = 0;
  decode_facets(encode_facets(a), [&](const FacetEntry& e) {
    CHECK(e.field == "tags");
    ++count;
    return true;
  });
  CHECK(count == 1);
  CHECK(section_of("posts/a.md") == "posts");
  CHECK(section_of("a.md") == "");
}
