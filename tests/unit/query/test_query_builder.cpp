// QueryBuilder: a parsed query as the all-words query (every word), the best-partial one (best
// partial matches) and the filters it names, checked by the articles of a tiny real index they
// match.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "folio/error.hpp"
#include "query/query_builder.hpp"
#include "query/query_parser.hpp"
#include "query/synonyms.hpp"
#include "unit/query/tiny_index.hpp"

using namespace folio;
using namespace folio::detail;
using folio::test::Ids;
using folio::test::tiny_article;
using folio::test::TinyIndex;

namespace {

Article tagged(Article article, std::vector<std::string> tags) {
  article.tags = std::move(tags);
  return article;
}

Article dated(Article article, Timestamp date) {
  article.date = date;
  return article;
}

// Only "graph" holds the stopwords "the" and "of"; only "running" has a date (2025-03-10).
const TinyIndex& builder_index() {
  static const TinyIndex index({
      dated(tagged(tiny_article("running", "Running shoes",
                                "She runs every morning in her running shoes."),
                   {"Go"}),
            1741564800),
      tagged(tiny_article("kubernetes", "Clusters", "Deploying services on kubernetes clusters."),
             {"Rust"}),
      tiny_article("golang", "Servers", "Writing golang servers with a server framework."),
      tiny_article("graph", "Graphs", "Each node of the graph holds js snippets."),
      tiny_article("config", "Settings", "Configuration management for kubernetes clusters."),
  });
  return index;
}

// Builds `query` as the searcher does: parsed, then built over the tiny index.
struct Built {
  explicit Built(std::string_view query, FieldPolicy policy = FieldPolicy::lenient)
      : expander(builder_index().db(), Xapian::Stem("en"), synonyms, WordSettings{}),
        builder(expander, fields, policy),
        built(builder.build(parse_query(query), query)) {}

  Ids all_words() const { return builder_index().matches(built.all_words); }
  Ids best_partial() const { return builder_index().matches(built.best_partial); }

  SynonymTable synonyms;
  FieldCatalog fields;
  WordExpander expander;
  QueryBuilder builder;
  BuiltQuery built;
};

Ids everything() {
  return {"running", "kubernetes", "golang", "graph", "config"};
}

bool same_filter(const FieldFilter& filter, const std::string& field,
                 const std::vector<std::string>& values, FilterMode mode) {
  return filter.field == field && filter.values == values && filter.mode == mode;
}

}  // namespace

TEST_CASE(
    "query builder: every word is required in the all-words query, any in the best-partial one") {
  Built both("shoes morning");
  CHECK(both.all_words() == Ids{"running"});
  Built apart("shoes clusters");
  CHECK(apart.all_words().empty());
  CHECK(apart.best_partial() == Ids{"running", "kubernetes", "config"});
  Built one("shoes");
  CHECK(one.all_words() == Ids{"running"});
  CHECK(one.built.best_partial.empty());  // nothing to leave out
  Built none("");
  CHECK(none.built.all_words.empty());
  CHECK(none.built.best_partial.empty());
}

TEST_CASE("query builder: stopwords are optional unless the query has nothing else") {
  CHECK(Built("of shoes").all_words() == Ids{"running"});
  CHECK(Built("the of").all_words() == Ids{"graph"});
  // Left out of partial matches: "graph" holds nothing but the stopword.
  CHECK(Built("of shoes clusters").best_partial() == Ids{"running", "kubernetes", "config"});
  CHECK(Built("the shoes running").built.proximity_terms ==
        std::vector<std::string>{"shoes", "running"});
}

TEST_CASE("query builder: +word stays required in the best-partial query") {
  Built plus("+shoes clusters morning");
  CHECK(plus.all_words().empty());
  CHECK(plus.best_partial() == Ids{"running"});
  CHECK(Built("shoes clusters morning").best_partial() == Ids{"running", "kubernetes", "config"});
}

TEST_CASE("query builder: -word and NOT exclude, from the all-words and the best-partial query") {
  CHECK(Built("clusters -configuration").all_words() == Ids{"kubernetes"});
  CHECK(Built("clusters NOT configuration").all_words() == Ids{"kubernetes"});
  CHECK(Built("-clusters").all_words() == Ids{"running", "golang", "graph"});
  Built partial("servers clusters -configuration");
  CHECK(partial.all_words().empty());
  CHECK(partial.best_partial() == Ids{"golang", "kubernetes"});
  CHECK(Built("-(shoes OR graph)").all_words() == Ids{"kubernetes", "golang", "config"});
}

TEST_CASE("query builder: OR, XOR and brackets") {
  CHECK(Built("shoes OR golang").all_words() == Ids{"running", "golang"});
  CHECK(Built("shoes or golang").all_words().empty());  // lower-case "or" is a word
  CHECK(Built("kubernetes XOR configuration").all_words() == Ids{"kubernetes"});
  CHECK(Built("(shoes OR golang) morning").all_words() == Ids{"running"});
}

TEST_CASE("query builder: phrases, NEAR and ADJ") {
  CHECK(Built("\"running shoes\"").all_words() == Ids{"running"});
  CHECK(Built("\"shoes running\"").all_words().empty());
  CHECK(Built("deploying NEAR clusters").all_words() == Ids{"kubernetes"});
  CHECK(Built("clusters ADJ deploying").all_words().empty());
  CHECK(Built("deploying ADJ clusters").all_words() == Ids{"kubernetes"});
}

TEST_CASE("query builder: a text field keeps its words, bracketed groups and phrases to it") {
  CHECK(Built("title:shoes").all_words() == Ids{"running"});
  CHECK(Built("title:morning").all_words().empty());
  CHECK(Built("TITLE:shoes").all_words() == Ids{"running"});
  CHECK(Built("title:(running shoes)").all_words() == Ids{"running"});
  CHECK(Built("title:(shoes morning)").all_words().empty());
  CHECK(Built("title:\"running shoes\"").all_words() == Ids{"running"});
  CHECK(Built("title:\"every morning\"").all_words().empty());
}

TEST_CASE("query builder: top-level filter fields become structured filters, not text") {
  Built go("tags:go shoes");
  REQUIRE(go.built.filters.size() == 1);
  CHECK(same_filter(go.built.filters[0], "tags", {"go"}, FilterMode::any));
  CHECK(go.all_words() == Ids{"running"});
  CHECK(Built("tags:go").built.all_words.empty());  // no text part

  Built twice("tag:go tags:rust -tags:zig");
  REQUIRE(twice.built.filters.size() == 2);
  CHECK(same_filter(twice.built.filters[0], "tags", {"go", "rust"}, FilterMode::any));
  CHECK(same_filter(twice.built.filters[1], "tags", {"zig"}, FilterMode::none));

  // Inside an OR the filter is part of the text query.
  Built nested("(tags:go OR tags:rust)");
  CHECK(nested.built.filters.empty());
  CHECK(nested.all_words() == Ids{"running", "kubernetes"});
}

TEST_CASE("query builder: date: is a date range; an excluded one stays in the text query") {
  Built dated("date:2025.. shoes");
  REQUIRE(dated.built.date_ranges.size() == 1);
  CHECK(dated.built.date_ranges[0].field == "date");
  CHECK(dated.built.date_ranges[0].from == 1735689600);  // 2025-01-01T00:00:00Z
  CHECK_FALSE(dated.built.date_ranges[0].to.has_value());
  CHECK(dated.all_words() == Ids{"running"});

  Built excluded("-date:2025..");
  CHECK(excluded.built.date_ranges.empty());
  CHECK(excluded.all_words() == Ids{"kubernetes", "golang", "graph", "config"});
  CHECK(Built("-date:2024").all_words() == everything());
}

TEST_CASE("query builder: a date that does not exist is an error naming it, even when lenient") {
  struct Case {
    const char* query;
    const char* named;  // in the message
  };
  for (Case c : {Case{"date:2025-02-30", "'2025-02-30' is not a date"},
                 Case{"date:2026-02..2025", "'2026-02..2025' ends before it starts"},
                 Case{"shoes lastmod:2025-13..", "'2025-13' is not a date"},
                 Case{"date:2024..2023-02-30", "'2023-02-30' is not a date"},
                 Case{"(date:2025-02-30 OR shoes)", "'2025-02-30' is not a date"},
                 Case{"-date:2025-00", "'2025-00' is not a date"}}) {
    INFO(c.query);
    try {
      Built built(c.query);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_query);
      CHECK(e.param() == "query");
      CHECK_THAT(e.what(), Catch::Contains(c.named));
    }
  }
  CHECK(Built("date:2024-02-29").built.date_ranges.size() == 1);  // a leap day exists
  CHECK(Built("date:2025..2025-02").built.date_ranges.size() == 1);
}

TEST_CASE("query builder: an unknown field or unreadable value is words, or an error if strict") {
  Built colour("colour:shoes");
  CHECK(colour.all_words().empty());  // "colour" is a required word
  CHECK(colour.best_partial() == Ids{"running"});
  CHECK(Built("date:yesterday shoes").best_partial() == Ids{"running"});
  CHECK(Built("year:abc").built.filters.empty());

  for (const char* query : {"colour:shoes", "date:yesterday", "year:abc", "title:(colour:x)"}) {
    INFO(query);
    try {
      Built strict(query, FieldPolicy::strict);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_query);
      CHECK(e.param() == "query");
    }
  }
  CHECK(Built("title:shoes tags:go date:2025", FieldPolicy::strict).all_words() == Ids{"running"});
}

TEST_CASE("query builder: wildcards, and the last word completed while typing") {
  CHECK(Built("kube*").all_words() == Ids{"kubernetes", "config"});
  CHECK(Built("configuration kube").all_words() == Ids{"config"});
  CHECK(Built("configuration kube ").all_words().empty());  // a finished word is not completed
  // Two letters are too few to expand: after other words they are optional, so typing them
  // never narrows to the few articles holding them as a word.
  CHECK(Built("clusters ku").all_words() == Ids{"kubernetes", "config"});
  // Titles are read for it only when some title holds it as a word (none holds "ku").
  CHECK(Built("clusters ku").built.typed_words == std::vector<std::string>{"clusters"});
  CHECK(Built("ku").built.typed_words == std::vector<std::string>{"ku"});
  CHECK(Built("clusters ku ").all_words().empty());   // a finished word is required
  CHECK(Built("kube clusters").all_words().empty());  // only the last word
}

TEST_CASE("query builder: typo corrections join the query, which is respelled for display") {
  Built typo("configuraton clusters");
  CHECK(typo.all_words() == Ids{"config"});
  CHECK(typo.built.corrections_applied);
  CHECK(typo.built.corrected_query == "configuration clusters");

  // Only the misspelt text is replaced, not the field name or the sign.
  CHECK(Built("title:setings -clustres").built.corrected_query == "title:settings -clusters");
  // "managment" is no typo to the index: it stems as "management" does.
  CHECK(Built("managment").built.corrected_query.empty());
  Built right("configuration clusters");
  CHECK(right.built.corrected_query.empty());
  CHECK_FALSE(right.built.corrections_applied);
}

TEST_CASE("query builder: highlights hold every text word, wherever it is") {
  Built query("running title:shoes \"kubernetes clusters\" tags:go");
  CHECK(query.built.highlights.words ==
        std::set<std::string>{"running", "shoes", "kubernetes", "clusters"});
  CHECK(query.built.highlights.stems.count("run") == 1);
}

TEST_CASE("query builder: the typed words and the literal words, for the title bonus") {
  using Words = std::vector<std::string>;
  // Phrases and brackets count; excluded words, filters and wildcards do not; operators are no
  // words.
  Built query("Running \"morning shoes\" (of graph) -clusters tags:go kube* OR settings");
  CHECK(query.built.typed_words == Words{"running", "morning", "shoes", "of", "graph", "settings"});
  // The literal words read the syntax as text: a typed title as it is written.
  CHECK(Built("Do NOT Track").built.literal_words == Words{"do", "not", "track"});
  CHECK(Built("Do NOT Track").built.typed_words == Words{"do"});
  CHECK(Built("Compiling with -fno-exceptions").built.literal_words ==
        Words{"compiling", "with", "fno", "exceptions"});
  Built plain("plain language");
  CHECK(plain.built.typed_words == plain.built.literal_words);
}
