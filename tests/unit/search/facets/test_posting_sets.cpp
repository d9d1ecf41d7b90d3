// Boolean queries evaluated straight from posting lists give exactly the matcher's match set, in
// docid order; queries with parts only the matcher can evaluate are declined.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "behaviour/search_fixture.hpp"
#include "folio/schema.hpp"
#include "search/facets/posting_sets.hpp"

using folio::detail::for_each_match;
using folio::test::SearchFixture;

namespace {

std::vector<Xapian::docid> matcher_docids(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> out;
  Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  for (auto it = all.begin(); it != all.end(); ++it)
    out.push_back(*it);
  std::sort(out.begin(), out.end());
  return out;
}

void check_same_matches(const Xapian::Database& db, const Xapian::Query& query) {
  INFO("query: " << query.get_description());
  std::vector<Xapian::docid> streamed;
  Xapian::doccount count = 12345;
  REQUIRE(for_each_match(
      db, query, [&](Xapian::docid docid) { streamed.push_back(docid); }, count));
  CHECK(count == streamed.size());
  CHECK(streamed == matcher_docids(db, query));
}

// Terms that are in the fixture index, rare and common, plus one that is not.
std::vector<std::string> some_terms(const Xapian::Database& db) {
  std::vector<std::string> terms;
  for (const char* prefix : {"Z", "XTAG", "Y"}) {
    int taken = 0;
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix) && taken < 12;
         ++term, ++taken)
      terms.push_back(*term);
  }
  terms.push_back("Znosuchterm");
  return terms;
}

}  // namespace

TEST_CASE("posting sets: each boolean operator matches what the matcher matches") {
  Xapian::Database db(SearchFixture::shared().db());
  Xapian::Query go("XTAGgo");
  Xapian::Query concurrency("Zconcurr");
  Xapian::Query race("Zrace");
  Xapian::Query none("Znosuchterm");
  using Q = Xapian::Query;
  for (const Q& query :
       {go, none, Q(std::string()), Q(), Q(Q::OP_AND, concurrency, go),
        Q(Q::OP_FILTER, concurrency, go), Q(Q::OP_OR, concurrency, race),
        Q(Q::OP_SYNONYM, race, go), Q(Q::OP_AND_NOT, Q(std::string()), go),
        Q(Q::OP_AND_NOT, concurrency, race), Q(Q::OP_AND_MAYBE, concurrency, race),
        Q(Q::OP_SCALE_WEIGHT, concurrency, 0.0), Q(Q::OP_AND, concurrency, none),
        Q(Q::OP_OR, none, none),
        Q(Q::OP_FILTER, Q(Q::OP_OR, concurrency, race), Q(Q::OP_AND_NOT, go, none))}) {
    check_same_matches(db, query);
  }
}

TEST_CASE("posting sets: random nests of operators match what the matcher matches") {
  Xapian::Database db(SearchFixture::shared().db());
  const std::vector<std::string> terms = some_terms(db);
  REQUIRE(terms.size() > 10);
  const std::vector<Xapian::Query::op> ops = {
      Xapian::Query::OP_AND,    Xapian::Query::OP_OR,      Xapian::Query::OP_AND_NOT,
      Xapian::Query::OP_FILTER, Xapian::Query::OP_SYNONYM, Xapian::Query::OP_AND_MAYBE};
  std::mt19937 random(27112026);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  std::function<Xapian::Query(int)> make = [&](int depth) -> Xapian::Query {
    if (depth == 0 || pick(3) == 0) return Xapian::Query(terms[pick(terms.size())]);
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0, n = 2 + pick(3); i < n; ++i)
      parts.push_back(make(depth - 1));
    return Xapian::Query(ops[pick(ops.size())], parts.begin(), parts.end());
  };
  for (int round = 0; round < 300; ++round)
    check_same_matches(db, make(3));
}

TEST_CASE("posting sets: phrases, wildcards and value ranges are left to the matcher") {
  Xapian::Database db(SearchFixture::shared().db());
  Xapian::doccount count = 0;
  int calls = 0;
  auto each = [&](Xapian::docid) { ++calls; };
  using Q = Xapian::Query;
  Q phrase(Q::OP_PHRASE, Q("go"), Q("concurrency"));
  Q wildcard(Q::OP_WILDCARD, "Zconc");
  Q range(Q::OP_VALUE_GE, folio::schema::kDateSlot, Xapian::sortable_serialise(0));
  for (const Q& query : {phrase, wildcard, range, Q(Q::OP_AND, Q("Zconcurr"), range),
                         Q(Q::OP_AND_NOT, Q("Zconcurr"), phrase)}) {
    INFO("query: " << query.get_description());
    CHECK_FALSE(for_each_match(db, query, each, count));
  }
  CHECK(calls == 0);
}
