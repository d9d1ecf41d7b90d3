// The title bonus: how much of a title a query covers, the title facts it reads, and which
// articles the bonus and the exact-title match reach in a tiny real index.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "search/title_bonus.hpp"
#include "search/title_column.hpp"
#include "store/title_key.hpp"
#include "unit/query/tiny_index.hpp"

using namespace folio;
using namespace folio::detail;
using folio::test::Ids;
using folio::test::tiny_article;
using folio::test::TinyIndex;

namespace {

TitleBonusTerms terms(const std::string& query, const std::string& language = "en") {
  return TitleBonusTerms{title_words(query), Xapian::Stem("en"), language};
}

TitleCoverage cover(const std::string& query, const std::string& title,
                    const std::string& language = "en") {
  TitleMatcher matcher(terms(query, language));
  return matcher.cover(title_facts(encode_title_key(PageKind::page, title_words(title))));
}

Article section(Article article) {
  article.relative_path = "topics/" + article.id + "/_index.md";
  return article;
}

const TinyIndex& bonus_index() {
  static const TinyIndex index({
      section(tiny_article("accessibility", "Accessibility", "Pages about the topic.")),
      tiny_article("summit", "Notes from the summit",
                   "Accessibility at the summit: accessibility reviews, accessibility bugs."),
      tiny_article("teams", "Accessibility for teams", "How teams share the work."),
      tiny_article("track", "Do NOT Track", "A browser signal."),
  });
  return index;
}

}  // namespace

TEST_CASE("title bonus: coverage is the share of the title's words the query holds") {
  TitleCoverage exact = cover("Plain language", "Plain language");
  CHECK(exact.exact);
  CHECK(exact.coverage == 1.0);
  // Other order, or a plural where the title has the singular: all covered, not exact (the bonus
  // only looks at titles holding every word's stem).
  CHECK_FALSE(cover("language plain", "Plain language").exact);
  CHECK(cover("language plain", "Plain language").coverage == 1.0);
  // A title's stopwords count only when typed.
  CHECK(cover("communities practice", "Communities of Practice").coverage == 1.0);
  CHECK(cover("communities of practice", "Communities of Practice").exact);
  CHECK(cover("accessibility", "Accessibility for teams").coverage == Approx(0.5));
  CHECK(cover("accessibility teams", "Accessibility for teams").coverage == 1.0);
  // Without stopwords (another language), every word of the title counts.
  CHECK(cover("communities practice", "Communities of Practice", "de").coverage == Approx(2.0 / 3));
}

TEST_CASE("title bonus: title facts from the title key") {
  TitleFacts facts =
      title_facts(encode_title_key(PageKind::section, title_words("Guide to the Web")));
  CHECK(facts.kind == PageKind::section);
  CHECK(facts.other_words == 2);  // guide, web; "to" and "the" are stopwords
  CHECK(facts.exact_hash == title_hash("guide to the web"));
  CHECK(title_facts("").other_words == 0);
}

TEST_CASE("title bonus: it reaches the articles whose title holds every word, and ranks them") {
  const Xapian::Database& db = bonus_index().db();
  std::shared_ptr<const TitleColumn> column = TitleColumn::build(db);
  CHECK(column->titles_holding("ZSaccess") == 2);
  CHECK(bonus_index().matches(title_bonus(db, terms("accessibility"), column.get())) ==
        Ids{"accessibility", "teams"});
  CHECK(bonus_index().matches(title_bonus(db, terms("accessibility"), nullptr)) ==
        Ids{"accessibility", "teams"});
  CHECK(title_bonus(db, terms("the of"), column.get()).empty());             // stopwords only
  CHECK(title_bonus(db, terms("summit blockchain"), column.get()).empty());  // in no title
  CHECK(bonus_index().matches(title_bonus(db, terms("summit teams"), column.get())).empty());

  // Added to a query, the bonus ranks the topic page first and leaves the matches as they were.
  Xapian::Query matching("Zaccess");
  Xapian::Enquire enquire(db);
  enquire.set_query(
      with_title_bonus(matching, title_bonus(db, terms("accessibility"), column.get())));
  Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 3);
  CHECK(mset.begin().get_document().get_value(schema::kIdSlot) == "accessibility");
}

TEST_CASE("title bonus: the exact-title match finds a title whatever syntax it spells") {
  const Xapian::Database& db = bonus_index().db();
  std::shared_ptr<const TitleColumn> column = TitleColumn::build(db);
  CHECK(column->titled(title_hash("do not track")).size() == 1);
  CHECK(column->titled(title_hash("do not")).empty());
  CHECK(bonus_index().matches(exact_title_match(db, terms("Do NOT Track"), column.get())) ==
        Ids{"track"});
  CHECK(exact_title_match(db, terms("Do NOT Track changes"), column.get()).empty());
  // Without a title column (several indexes searched as one), exact titles are not looked up.
  CHECK(exact_title_match(db, terms("Do NOT Track"), nullptr).empty());
}
