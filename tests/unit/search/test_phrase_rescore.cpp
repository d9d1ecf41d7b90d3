// The phrase boost as a rescoring of the top of the ranking gives each document the weight the
// phrase inside the query (OP_AND_MAYBE) gives it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "behaviour/search_fixture.hpp"
#include "search/phrase_rescore.hpp"
#include "search/ranking.hpp"

using namespace folio;
using folio::test::SearchFixture;

namespace {

// Two words that stand side by side somewhere in the fixture, as positional terms: of all such
// pairs, the one the most documents hold a word of.
std::vector<std::string> adjacent_words(const Xapian::Database& db) {
  std::vector<std::string> best;
  Xapian::doccount best_frequency = 0;
  for (Xapian::docid docid = 1; docid <= db.get_lastdocid(); ++docid) {
    std::map<Xapian::termpos, std::string> by_position;
    for (auto term = db.termlist_begin(docid); term != db.termlist_end(docid); ++term) {
      const std::string& name = *term;
      if (name.size() < 4 || !std::islower(static_cast<unsigned char>(name[0]))) continue;
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
        by_position[*pos] = name;
    }
    for (const auto& [pos, name] : by_position) {
      auto next = by_position.find(pos + 1);
      if (next == by_position.end() || next->second == name) continue;
      Xapian::doccount frequency = db.get_termfreq(name) + db.get_termfreq(next->second);
      if (frequency > best_frequency) {
        best_frequency = frequency;
        best = {name, next->second};
      }
    }
  }
  return best;
}

std::vector<detail::RankedDoc> ranked(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(detail::default_weighting());
  std::vector<detail::RankedDoc> docs;
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it)
    docs.push_back(detail::RankedDoc{it.get_document(), it.get_weight(), std::nullopt, 0});
  return docs;
}

}  // namespace

TEST_CASE("phrase rescoring: the same weights and order as the phrase inside the query") {
  Xapian::Database db(SearchFixture::shared().db());
  std::vector<std::string> words = adjacent_words(db);
  REQUIRE(words.size() == 2);
  INFO("phrase: " << words[0] << " " << words[1]);
  REQUIRE(detail::rescores_phrase(db, words));
  Xapian::Query matching(Xapian::Query::OP_OR, words.begin(), words.end());

  std::vector<detail::RankedDoc> inside = ranked(db, detail::with_phrase_boost(matching, words));
  std::vector<detail::RankedDoc> rescored = ranked(db, matching);
  std::vector<double> before;
  for (const auto& doc : rescored)
    before.push_back(doc.weight);
  detail::rescore_phrase(db, words, rescored);

  REQUIRE(rescored.size() == inside.size());
  CHECK(inside.size() >= 3);  // the phrase's documents and others holding one word
  bool boosted = false;
  for (std::size_t i = 0; i < inside.size(); ++i) {
    INFO("rank " << i);
    CHECK(rescored[i].weight == Approx(inside[i].weight));
    if (rescored[i].weight != Approx(inside[i].weight)) continue;
    boosted =
        boosted || std::find(before.begin(), before.end(), rescored[i].weight) == before.end();
  }
  CHECK(boosted);  // some document holds the phrase and gained weight

  SECTION("one word, or more than four, is not boosted") {
    CHECK_FALSE(detail::rescores_phrase(db, {words[0]}));
    CHECK_FALSE(detail::rescores_phrase(db, {"a", "b", "c", "d", "e"}));
  }
}
