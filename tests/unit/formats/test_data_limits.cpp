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
    for (int i = 0; i < too_deep; ++i)
      key += ".a";
    CHECK(error_of(read_toml, key + " = 1").code() == ErrorCode::parse);
    // Longer than a line may be: refused before toml11 reads it.
    for (int i = 0; i < 10000; ++i)
      key += ".a";
    CHECK(error_of(read_toml, key + " = 1").code() == ErrorCode::too_large);
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

TEST_CASE("data limits: a TOML line over 8 KB is too large, at its line and the first byte over") {
  // toml11 3.7 takes time quadratic in the values of a line: 5,000 tags on one line took seconds.
  std::string tags = "tags = [";
  while (tags.size() < kMaxTomlLineBytes)
    tags += "\"t\", ";
  tags += "\"t\"]";
  Error error = error_of(read_toml, "title = \"x\"\n" + tags + "\n");
  CHECK(error.code() == ErrorCode::too_large);
  CHECK(error.where().path == "post.md");
  CHECK(error.where().line == 3);  // the second line of a text starting on line 2
  CHECK(error.where().column == static_cast<int>(kMaxTomlLineBytes) + 1);
  CHECK(std::string(error.what()).find("over the limit of 8192") != std::string::npos);
}

TEST_CASE("data limits: a TOML line of exactly 8 KB, and the same tags over many lines, are read") {
  std::string line = "tags = [";
  int count = 0;
  while (line.size() + 6 < kMaxTomlLineBytes) {
    line += "\"t\", ";
    ++count;
  }
  line += "\"t\"]";
  ++count;
  line += std::string(kMaxTomlLineBytes - line.size(), ' ');
  REQUIRE(line.size() == kMaxTomlLineBytes);
  DataNode one_line = read_toml(DataSource{line, "p.md", 1});
  REQUIRE(one_line.find("tags") != nullptr);
  CHECK(one_line.find("tags")->children.size() == static_cast<std::size_t>(count));

  std::string many_lines = "tags = [\n" + repeat("  \"t\",\n", 20000) + "]\n";
  DataNode tags = read_toml(DataSource{many_lines, "p.md", 2});
  REQUIRE(tags.find("tags") != nullptr);
  CHECK(tags.find("tags")->children.size() == 20000);
}

TEST_CASE("data limits: TOML values keep their file line and column") {
  const std::string text = "a = 1\n\n[extra]\n  b = \"x\"\nlist = [\n  1,\n    2]\n";
  DataNode root = read_toml(DataSource{text, "p.md", 10});
  const DataNode* a = root.find("a");
  REQUIRE(a != nullptr);
  CHECK(a->line == 10);
  const DataNode* extra = root.find("extra");
  REQUIRE(extra != nullptr);
  const DataNode* b = extra->find("b");
  REQUIRE(b != nullptr);
  CHECK(b->line == 13);
  CHECK(b->column == 7);  // the value's position: toml11 places a member at its value
  const DataNode* list = extra->find("list");
  REQUIRE(list != nullptr);
  REQUIRE(list->children.size() == 2);
  CHECK(list->children[0].line == 15);
  CHECK(list->children[1].line == 16);
  CHECK(list->children[1].column == 5);
}

TEST_CASE("data limits: check_line_length names the first long line") {
  const std::string text = "short\n" + std::string(20, 'x') + "\nshort\n" + std::string(30, 'y');
  Error error =
      error_of([](const DataSource& source) { check_line_length(source, "X", 20); }, text);
  CHECK(error.code() == ErrorCode::too_large);
  CHECK(error.where().line == 5);
  CHECK(error.where().column == 21);
  check_line_length(DataSource{text, "p.md", 1}, "X", 30);  // no line over 30
}
