// The facet codec: an article's facet values packed into one value slot, field by field.
#include <catch2/catch.hpp>

#include "store/facet_codec.hpp"

using namespace folio;
using namespace folio::detail;

namespace {

// Every kind of facet value once or more; the section comes from the relative path.
Article sample_article() {
  Article a;
  a.id = "posts/go-vs-rust";
  a.relative_path = "posts/go-vs-rust.md";
  a.title = "Go vs Rust";
  a.tags = {"Go", "Rust", "Backend Language"};
  a.categories = {"Comparisons"};
  a.authors = {"Maya Okafor"};
  a.language = "en";
  a.taxonomies["topics"] = {"Systems"};
  return a;
}

}  // namespace

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

TEST_CASE("facet codec: the year is the one written in the file") {
  Article a;
  a.date = 1577845800;  // 2020-01-01T02:30:00Z, written as 2019-12-31 21:30:00 -0500
  a.date_offset_seconds = -18000;
  std::string year;
  decode_facets(encode_facets(a), [&](const FacetEntry& e) {
    if (e.field == "year") year = std::string(e.value);
    return true;
  });
  CHECK(year == "2019");
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
