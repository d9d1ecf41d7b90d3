// Pseudo-relevance feedback for questions: how expansion terms are weighted, and that a question's
// partial matches are widened by feedback whether or not a few articles hold every word.
#include <catch2/catch.hpp>

#include <algorithm>

#include "feedback.hpp"
#include "search_fixture.hpp"

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

}  // namespace

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
