#include <catch2/catch.hpp>

#include "folio/schema.hpp"

using folio::schema::boolean_term;
using folio::schema::normalise_term_value;

TEST_CASE("schema: filter values are normalised so tags:go finds Go") {
  CHECK(normalise_term_value("Go") == "go");
  CHECK(normalise_term_value("  Backend   Language ") == "backend language");
  CHECK(normalise_term_value("ÉCOLE") == "école");
  CHECK(normalise_term_value("Élan") == "élan");
  CHECK(boolean_term("XTAG", "Node.js") == "XTAGnode.js");
}

TEST_CASE("schema: boolean terms never exceed Xapian's term limit or split a character") {
  std::string long_value(300, 'a');
  long_value += "é";
  std::string term = boolean_term("XTAG", long_value);
  CHECK(term.size() <= 240);
  std::string multibyte;
  for (int i = 0; i < 200; ++i)
    multibyte += "é";
  term = boolean_term("XTAG", multibyte);
  CHECK(term.size() <= 240);
  CHECK((term.size() - 4) % 2 == 0);
}
