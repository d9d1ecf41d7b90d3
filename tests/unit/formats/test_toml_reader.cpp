// The TOML reader on text that is not UTF-8: a parse error at the file line and column of the
// first bad byte, before toml11 sees it.
#include <catch2/catch.hpp>

#include <string>

#include "folio/error.hpp"
#include "folio/front_matter.hpp"
#include "formats/data_tree.hpp"

using folio::Error;
using folio::ErrorCode;
using namespace folio::detail;

namespace {

Error toml_error(const std::string& text, int first_line) {
  try {
    read_toml(DataSource{text, "config.toml", first_line});
  } catch (const Error& error) {
    return error;
  }
  FAIL("no error for " << text);
  return Error(ErrorCode::io, "");
}

}  // namespace

TEST_CASE("toml reader: invalid UTF-8 is a parse error at its line and column") {
  SECTION("in a literal string, where toml11 3.7 read out of bounds (found by fuzz_front_matter)") {
    const Error error = toml_error("title = 'Élsere'\ndate = 'a \xFF b'\n", 1);
    CHECK(error.code() == ErrorCode::parse);
    CHECK(error.reason() == "TOML: not valid UTF-8 (byte 0xFF)");
    CHECK(error.where().path == "config.toml");
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 11);
  }
  SECTION("in a basic string, a comment and a key, counted from the block's first line") {
    CHECK(toml_error("a = \"\xC3\x28\"\n", 3).where().line == 3);
    CHECK(toml_error("# caf\xE9\n", 1).where().column == 6);
    CHECK(toml_error("x = 1\n\xF8 = 2\n", 1).where().line == 2);
  }
}

TEST_CASE("toml reader: front matter with a stray Latin-1 byte names its line in the file") {
  // The input fuzz_front_matter found, shortened: the literal string never closes on its line.
  const std::string file = "+++\ntitle = \"Elsere\"\ndate ='202 = \"\xFF\xFF\xFFspecial\"\n+++\n";
  try {
    folio::parse_front_matter(file, "post.md");
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::parse);
    CHECK(error.where().line == 3);
    CHECK(error.where().column == 15);
  }
}
