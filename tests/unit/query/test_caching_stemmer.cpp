// The caching stemmer gives Snowball's stems, whether a word is new, known, or was forgotten when
// a full table was cleared; "none" stays none.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "query/caching_stemmer.hpp"

using folio::detail::caching_stemmer;

namespace {

const std::vector<std::string> kWords = {"running",    "runs",    "generalization", "connections",
                                         "connection", "happily", "running",        "studies",
                                         "",           "a",       "x86_64",         "überprüfungen",
                                         "runs",       "caresses"};

}  // namespace

TEST_CASE("caching stemmer: the same stems as Snowball, first time and again") {
  for (const char* language : {"english", "german", "french"}) {
    INFO("language: " << language);
    Xapian::Stem snowball(language);
    Xapian::Stem cached = caching_stemmer(snowball);
    CHECK_FALSE(cached.is_none());
    CHECK(cached.get_description() == snowball.get_description());
    for (int round = 0; round < 3; ++round) {
      for (const auto& word : kWords) {
        INFO("word: " << word);
        CHECK(cached(word) == snowball(word));
      }
    }
  }
}

TEST_CASE("caching stemmer: a full table starts over and stays right") {
  Xapian::Stem snowball("english");
  auto* table = new folio::detail::CachingStemImplementation(snowball, 3);
  Xapian::Stem cached(table);  // owns the table; cleared every few new words
  for (int round = 0; round < 4; ++round) {
    for (const auto& word : kWords) {
      CHECK(cached(word) == snowball(word));
      CHECK(table->size() <= 3);
    }
  }
  CHECK(table->size() > 0);
  Xapian::Stem copy = cached;  // copies share the table
  CHECK(copy("connections") == "connect");
}

TEST_CASE("caching stemmer: no stemming stays no stemming") {
  Xapian::Stem none = caching_stemmer(Xapian::Stem("none"));
  CHECK(none.is_none());
  CHECK(none("running") == "running");
}
