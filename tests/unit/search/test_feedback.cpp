// Pseudo-relevance feedback for questions: how feedback documents and expansion terms are
// weighted, and that a question's partial matches are widened by feedback whether or not a few
// articles hold every word.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "behaviour/search_fixture.hpp"
#include "search/feedback.hpp"

using namespace folio;
using folio::test::hit_ids;
using folio::test::request;
using folio::test::TempDir;
using folio::test::write_index;

namespace {

Article article(const std::string& id, const std::string& title, const std::string& body) {
  Article a;
  a.id = id;
  a.relative_path = id + ".md";
  a.url = "/" + id + "/";
  a.title = title;
  a.body_text = body;
  a.sections = {Section{-1, body}};
  return a;
}

// "all" holds every word of the question, "some" two of them, "other" none: it shares only the
// words of the question's best matches ("aeroelastic", "membrane", "divergence").
std::vector<Article> question_corpus() {
  return {
      article("all", "Panel flutter of wings",
              "Supersonic panel flutter of a wing: aeroelastic membrane divergence."),
      article("some", "Membrane panels", "Panel flutter as aeroelastic membrane divergence."),
      article("other", "Aeroelastic divergence", "The aeroelastic membrane and its divergence."),
      article("filler1", "Boundary layers", "Laminar boundary layers on flat plates."),
      article("filler2", "Heat transfer", "Heat transfer to blunt bodies in hypersonic flow."),
      article("filler3", "Shock waves", "Oblique shock waves at the nose of slender cones."),
  };
}

// The index's documents holding `term`, in document order.
std::vector<Xapian::docid> holding(const Xapian::Database& db, const std::string& term) {
  return std::vector<Xapian::docid>(db.postlist_begin(term), db.postlist_end(term));
}

std::map<std::string, double> by_term(const std::vector<detail::ExpansionTerm>& terms) {
  std::map<std::string, double> out;
  for (const auto& t : terms)
    out[t.term] = t.weight;
  return out;
}

}  // namespace

TEST_CASE("feedback: a feedback document counts by its rank") {
  const std::vector<std::pair<Xapian::doccount, double>> cases = {
      {0, 1.0}, {1, 0.5}, {2, 1.0 / 3}, {3, 0.25}};
  for (const auto& [rank, weight] : cases) {
    INFO("rank " << rank);
    CHECK(detail::feedback_document_weight(rank) == Approx(weight));
  }
}

TEST_CASE("feedback: expansion terms weigh each feedback document's words by its weight") {
  TempDir dir;
  std::string path = dir.join("index");
  write_index(path, question_corpus(), WriteMode::rebuild);
  Xapian::Database db(path);
  Xapian::Query query("Zflutter");
  std::vector<Xapian::docid> docs = holding(db, "Zflutter");  // "all" and "some"
  REQUIRE(docs.size() == 2);
  const Xapian::termcount every = 1000;

  SECTION("with equal weights, as Xapian's ESet weighs the terms of an RSet") {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::RSet rset;
    for (auto id : docs)
      rset.add_document(id);
    detail::FreeTextStems decider;
    Xapian::ESet eset = enquire.get_eset(every, rset, &decider);
    std::map<std::string, double> expected;
    for (auto it = eset.begin(); it != eset.end(); ++it)
      expected[*it] = it.get_weight();
    std::map<std::string, double> ours =
        by_term(detail::expansion_terms(db, {{docs[0], 1}, {docs[1], 1}}, query, every));
    REQUIRE(!expected.empty());
    REQUIRE(ours.size() == expected.size());
    for (const auto& [term, weight] : expected) {
      INFO(term);
      REQUIRE(ours.count(term) == 1);
      CHECK(ours[term] == Approx(weight));
    }
  }
  SECTION("a word of one document only counts by that document's weight") {
    auto equal = by_term(detail::expansion_terms(db, {{docs[0], 1}, {docs[1], 1}}, query, every));
    auto halved =
        by_term(detail::expansion_terms(db, {{docs[0], 0.5}, {docs[1], 1}}, query, every));
    Xapian::Stem english("en");
    auto stemmed = [&english](const std::string& word) {
      std::string term = "Z";
      term += english(word);
      return term;
    };
    std::string supersonic = stemmed("supersonic");  // only in "all" (docs[0])
    std::string panel = stemmed("panel");            // in both
    REQUIRE(equal.count(supersonic) == 1);
    REQUIRE(equal.count(panel) == 1);
    CHECK(halved.at(supersonic) == Approx(equal.at(supersonic) / 2));
    CHECK(halved.at(panel) < equal.at(panel));
    CHECK(halved.at(panel) > equal.at(panel) / 2);
    CHECK(halved.count("Zflutter") == 0);  // a word of the query is not an expansion term
  }
  SECTION("the strongest terms first, as many as asked") {
    std::vector<detail::ExpansionTerm> two =
        detail::expansion_terms(db, {{docs[0], 1}, {docs[1], 0.5}}, query, 2);
    REQUIRE(two.size() == 2);
    CHECK(two[0].weight >= two[1].weight);
  }
}

TEST_CASE("feedback: an expansion term's weight is the square root of its relative weight") {
  struct Case {
    double weight;
    double strongest;
    double scale;
  };
  const std::vector<Case> cases = {
      {2.0, 2.0, 1.0},    // the strongest term counts as much as before
      {0.5, 2.0, 0.5},    // a quarter of the strongest weight: half the scale
      {1.0, 16.0, 0.25},  // order kept, spread narrowed
      {0.0, 3.0, 0.0},    // nothing for a term of no weight
      {-1.0, 3.0, 0.0},   // nor for a negative expansion weight
      {1.0, 0.0, 1.0},    // no strongest weight: every term as a typed word
  };
  for (const auto& c : cases) {
    INFO("weight " << c.weight << " of " << c.strongest);
    CHECK(detail::expansion_term_scale(c.weight, c.strongest) == Approx(c.scale));
  }
}

TEST_CASE("feedback: a question's partial matches are widened by its best matches' words") {
  TempDir dir;
  std::string db = dir.join("index");
  write_index(db, question_corpus(), WriteMode::rebuild);
  Searcher searcher(db);

  SECTION("after the article holding every word") {
    SearchResults results = searcher.search(request("supersonic wing panel flutter"));
    std::vector<std::string> ids = hit_ids(results);
    REQUIRE(ids.size() == 3);
    CHECK(ids[0] == "all");
    CHECK(ids[1] == "some");
    CHECK(ids[2] == "other");  // holds no word of the question
  }
  SECTION("when no article holds every word") {
    SearchResults results = searcher.search(request("hypersonic wing panel flutter"));
    std::vector<std::string> ids = hit_ids(results);
    CHECK(std::find(ids.begin(), ids.end(), "other") != ids.end());
  }
  SECTION("not for a short query") {
    SearchResults results = searcher.search(request("wing flutter"));
    std::vector<std::string> ids = hit_ids(results);
    CHECK(std::find(ids.begin(), ids.end(), "other") == ids.end());
  }
}
