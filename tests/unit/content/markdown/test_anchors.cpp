#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "folio/markdown.hpp"

using folio::AnchorDeduplicator;
using folio::heading_anchor;

namespace {

struct AnchorCase {
  const char* heading;
  const char* anchor;
};

}  // namespace

TEST_CASE("anchors: headings become the ids Hugo's goldmark (github style) generates") {
  const std::vector<AnchorCase> cases = {
      {"Quick Verdict", "quick-verdict"},
      {"Go vs Rust: Which?", "go-vs-rust-which"},
      {"C++ & Rust", "c--rust"},
      {"Q&A", "qa"},
      {"What's new in Go 1.22?", "whats-new-in-go-122"},
      {"Real-World Use Case: Backend Language", "real-world-use-case-backend-language"},
      {"One-Hyphen", "one-hyphen"},
      {"Multiple--Hyphens", "multiple--hyphens"},
      {"Trailing hyphen-", "trailing-hyphen-"},
      {"Many   spaces  here", "many---spaces--here"},
      {"Tab\tSpace", "tab-space"},
      {"  Surrounding blanks  ", "surrounding-blanks"},
      {"Forward/slash and Back\\slash", "forwardslash-and-backslash"},
      {"snake_case_name", "snake_case_name"},
      {"Number 32", "number-32"},
      {"1+2=3", "123"},
      {"Special !\"#$%&(parens)=?*<> chars", "special-parens-chars"},
      {"Resumé", "resumé"},
      {"ÉCOLE Élan", "école-élan"},
      {"Привет Мир", "привет-мир"},
      {"God is good: 神真美好", "god-is-good-神真美好"},
      {"Emoji 🚀 launch", "emoji--launch"},
      {"Non\xC2\xA0"
       "breaking",
       "nonbreaking"},
      {"\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\xA7 More Go Comparisons", "üîç-more-go-comparisons"},
      {"Use `std::vector`", "use-stdvector"},
  };
  for (const AnchorCase& c : cases) {
    CAPTURE(c.heading);
    CHECK(heading_anchor(c.heading) == c.anchor);
  }
}

TEST_CASE("anchors: a heading without letters or digits gets the id \"heading\"") {
  CHECK(heading_anchor("") == "heading");
  CHECK(heading_anchor("???") == "heading");
  CHECK(heading_anchor("🚀") == "heading");
}

TEST_CASE("anchors: invalid UTF-8 in a heading is skipped, not copied") {
  CHECK(heading_anchor("Bad \xFF byte") == "bad--byte");
  CHECK(heading_anchor("Cut \xE2\x82") == "cut-");
}

TEST_CASE("anchors: duplicates get -1, -2 like Hugo") {
  AnchorDeduplicator anchors;

  SECTION("repeated headings are numbered from 1") {
    CHECK(anchors.unique("example") == "example");
    CHECK(anchors.unique("example") == "example-1");
    CHECK(anchors.unique("example") == "example-2");
    CHECK(anchors.unique("other") == "other");
  }

  SECTION("a numbered id that already exists is skipped") {
    CHECK(anchors.unique("example-1") == "example-1");
    CHECK(anchors.unique("example") == "example");
    CHECK(anchors.unique("example") == "example-2");
    CHECK(anchors.unique("example-1") == "example-1-1");
  }

  SECTION("an empty anchor becomes heading") {
    CHECK(anchors.unique("") == "heading");
    CHECK(anchors.unique("") == "heading-1");
  }

  SECTION("thousands of equal headings stay distinct") {
    std::string last;
    for (int i = 0; i < 5000; ++i)
      last = anchors.unique("faq");
    CHECK(last == "faq-4999");
  }
}
