// The bounds on what the TOML, YAML and JSON readers build: deep nesting and expanding aliases are
// a parse error at a line of the file, never a crash or gigabytes of memory.
#include <catch2/catch.hpp>

#include <string>

#include "folio/error.hpp"
#include "formats/data_tree.hpp"

using folio::Error;
using folio::ErrorCode;
using namespace folio::detail;

namespace {

std::string repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += piece;
  return out;
}

std::string nested(const std::string& open, const std::string& inner, const std::string& close,
                   int depth) {
  return repeat(open, depth) + inner + repeat(close, depth);
}

// The error a reader throws for `text` (front matter starting on line 2, as below a fence).
template <typename Reader>
Error error_of(Reader read, const std::string& text) {
  try {
    read(DataSource{text, "post.md", 2});
  } catch (const Error& error) {
    return error;
  }
  FAIL("expected an error for a text of " << text.size() << " bytes");
  return Error(ErrorCode::parse, "unreachable");
}

}  // namespace

TEST_CASE("data limits: brackets nested past the limit are a parse error at their line") {
  const int too_deep = kMaxDataDepth + 1;
  SECTION("TOML arrays and inline tables") {
    Error arrays = error_of(read_toml, "title = \"x\"\nv = " + nested("[", "1", "]", 10000));
    CHECK(arrays.code() == ErrorCode::parse);
    CHECK(arrays.where().line == 3);
    CHECK(std::string(arrays.what()).find("nested more than 64 levels") != std::string::npos);
    Error tables = error_of(read_toml, "v = " + nested("{a = ", "1", "}", 4000));
    CHECK(tables.where().line == 2);
    CHECK_THROWS_AS(read_toml(DataSource{"v = " + nested("[", "1", "]", too_deep), "p.md", 1}),
                    Error);
  }
  SECTION("YAML flow collections") {
    Error flow = error_of(read_yaml, "title: x\nv: " + nested("[", "", "]", 10000));
    CHECK(flow.where().line == 3);
    CHECK(error_of(read_yaml, "v: " + nested("{a: ", "1", "}", too_deep)).code() ==
          ErrorCode::parse);
  }
  SECTION("JSON arrays and objects, the tree never built") {
    Error arrays = error_of(read_json, "{\"v\": " + nested("[", "", "]", 500000) + "}");
    CHECK(std::string(arrays.what()).find("JSON: nested more than") != std::string::npos);
    CHECK(error_of(read_json, nested("{\"a\": ", "1", "}", 40000)).code() == ErrorCode::parse);
  }
  SECTION("TOML dotted keys, which nest tables without brackets") {
    std::string key = "a";
    for (int i = 0; i < 10000; ++i)
      key += ".a";
    CHECK(error_of(read_toml, key + " = 1").code() == ErrorCode::parse);
  }
}

TEST_CASE("data limits: nesting up to the limit is read") {
  const int deepest = kMaxDataDepth - 1;  // inside the document's own table
  DataNode toml = read_toml(DataSource{"v = " + nested("[", "1", "]", deepest), "p.md", 1});
  CHECK(toml.find("v") != nullptr);
  DataNode yaml = read_yaml(DataSource{"v: " + nested("[", "1", "]", deepest), "p.md", 1});
  CHECK(yaml.find("v") != nullptr);
  DataNode json =
      read_json(DataSource{"{\"v\": " + nested("[", "1", "]", deepest) + "}", "p.md", 1});
  CHECK(json.find("v") != nullptr);
}

TEST_CASE("data limits: brackets in strings are counted, and real text stays far below the limit") {
  // Strings and comments holding a few brackets, as titles and regexes do.
  const std::string some = repeat("[", 10);
  CHECK_NOTHROW(read_toml(
      DataSource{"a = \"" + some + "\"\n# " + some + "\nb = '" + some + "'\n", "p.md", 1}));
  CHECK_NOTHROW(read_yaml(DataSource{"a: \"" + some + "\"\nb: x # " + some + "\n", "p.md", 1}));
  // JSON is limited by the parse itself, so its strings hold any number of brackets.
  CHECK_NOTHROW(read_json(DataSource{"{\"a\": \"" + repeat("[{", 100) + "\"}", "p.md", 1}));
}

TEST_CASE("data limits: no quote, comment or block scalar hides deep brackets") {
  // Each was a way past a scan that skipped what it took for strings and comments.
  const std::string deep = nested("[", "", "]", 10000);
  const std::string tries[] = {
      "title: don't\nv: " + deep,                         // an apostrophe inside a word
      "a: |\n  'unclosed in a block scalar\nv: " + deep,  // a quote that is only text
      "v: [\"x #\", " + deep + "]",                       // a # inside a string
      "a: \"[[[[\"\nv: " + deep,                          // brackets inside a string
  };
  for (const std::string& text : tries) {
    INFO(text.substr(0, 40));
    Error error = error_of(read_yaml, text);
    CHECK(std::string(error.what()).find("nested more than") != std::string::npos);
  }
  // A TOML literal string may end in two extra quotes: '''a'''' is "a'".
  Error toml = error_of(read_toml, "v = ['''a'''', " + deep + "]");
  CHECK(std::string(toml.what()).find("nested more than") != std::string::npos);
}

TEST_CASE("data limits: YAML aliases that expand without bound are refused") {
  // "Billion laughs": each level repeats the one before nine times, 9^9 values from 400 bytes.
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  std::string previous = "a";
  for (char name = 'b'; name <= 'i'; ++name) {
    text += std::string(1, name) + ": &" + name + " [" + repeat("*" + previous + ", ", 8) + "*" +
            previous + "]\n";
    previous = std::string(1, name);
  }
  Error laughs = error_of(read_yaml, text);
  CHECK(std::string(laughs.what()).find("more than 100000 values") != std::string::npos);
  CHECK(laughs.where().path == "post.md");
  // A few aliases used a few times are ordinary YAML.
  DataNode fine = read_yaml(DataSource{"base: &b {x: 1}\none: *b\ntwo: *b\n", "p.md", 1});
  CHECK(fine.find("two") != nullptr);
}
