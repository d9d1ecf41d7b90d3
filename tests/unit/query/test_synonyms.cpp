// SynonymTable: built-in and configured groups, merged where they share a word.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "query/synonyms.hpp"

using folio::SearchSettings;
using folio::detail::SynonymTable;
using Words = std::vector<std::string>;

namespace {

Words sorted(Words words) {
  std::sort(words.begin(), words.end());
  return words;
}

}  // namespace

TEST_CASE("synonyms: groups sharing a word are one group, whichever comes first") {
  SynonymTable table;
  table.add_group({"postgres", "postgresql"});
  table.add_group({"PG", "Postgres"});
  CHECK(sorted(table.alternatives("pg")) == Words{"postgres", "postgresql"});
  CHECK(sorted(table.alternatives("postgresql")) == Words{"pg", "postgres"});
  CHECK(sorted(table.alternatives("postgres")) == Words{"pg", "postgresql"});

  // A group bridging two others merges all three.
  SynonymTable bridged;
  bridged.add_group({"broker", "queue"});
  bridged.add_group({"bus", "topic"});
  bridged.add_group({"queue", "bus"});
  CHECK(sorted(bridged.alternatives("broker")) == Words{"bus", "queue", "topic"});
  CHECK(bridged.alternatives("nothing").empty());
}

TEST_CASE("synonyms: configured groups compose with the built-in ones, phrases are targets") {
  SearchSettings settings;
  settings.synonyms = {{"pg", "postgres"}, {"ml", "statistical learning"}};
  SynonymTable table(settings);
  CHECK(sorted(table.alternatives("pg")) == Words{"postgres", "postgresql"});
  CHECK(sorted(table.alternatives("ml")) == Words{"machine learning", "statistical learning"});
  CHECK(table.alternatives("machine learning").empty());
}
