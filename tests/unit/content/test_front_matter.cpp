#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "folio/error.hpp"
#include "folio/front_matter.hpp"

using folio::Error;
using folio::ErrorCode;
using folio::FrontMatter;
using folio::FrontMatterFormat;
using folio::parse_front_matter;

namespace {

std::string read_test_file(const std::string& name) {
  std::ifstream in(std::string(FOLIO_TEST_DATA_DIR) + "/front-matter/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

using Items = std::vector<std::string>;

// The items of a field, or {"<missing>"} so a failed CHECK shows what was absent.
Items items_of(const FrontMatter& front_matter, const std::string& key) {
  auto field = front_matter.fields.find(key);
  if (field == front_matter.fields.end()) return {"<missing " + key + ">"};
  return field->second.items;
}

int line_of(const FrontMatter& front_matter, const std::string& key) {
  auto field = front_matter.fields.find(key);
  return field == front_matter.fields.end() ? -1 : field->second.line;
}

bool is_list(const FrontMatter& front_matter, const std::string& key) {
  auto field = front_matter.fields.find(key);
  return field != front_matter.fields.end() && field->second.is_list;
}

// Parses `source` expecting an error, and returns it.
Error parse_error_of(const std::string& source, const std::string& path = "post.md") {
  try {
    parse_front_matter(source, path);
  } catch (const Error& error) {
    return error;
  }
  FAIL("expected an error for: " << source);
  return Error(ErrorCode::parse, "unreachable");
}

}  // namespace

TEST_CASE("front matter: the seed article's TOML block") {
  std::string source = read_test_file("seed-toml.md");
  FrontMatter fm = parse_front_matter(source, "seed-toml.md");

  CHECK(fm.format == FrontMatterFormat::toml);
  CHECK(items_of(fm, "title") == Items{"Go vs Rust (2026): Which is Better for Backend Language?"});
  CHECK(items_of(fm, "date") == Items{"2026-01-26T18:53:20+00:00"});
  CHECK(items_of(fm, "lastmod") == Items{"2026-02-05T19:00:46+00:00"});
  CHECK(items_of(fm, "draft") == Items{"false"});
  CHECK(items_of(fm, "tags") == Items{"Go", "Rust", "Comparison", "Backend Language"});
  CHECK(items_of(fm, "categories") == Items{"Guides", "Comparisons"});
  CHECK(items_of(fm, "keywords").size() == 4);
  CHECK(is_list(fm, "tags"));
  CHECK_FALSE(is_list(fm, "title"));
  CHECK(fm.fields.size() == 8);

  SECTION("each key knows its line in the file") {
    CHECK(line_of(fm, "title") == 2);
    CHECK(line_of(fm, "date") == 3);
    CHECK(line_of(fm, "keywords") == 9);
  }
  SECTION("the body is a view into the source after the closing fence") {
    CHECK(fm.body_line == 11);
    CHECK(fm.body.substr(0, 51) == "# Go vs Rust: Which is Better for Backend Language?");
    CHECK(fm.body.data() == source.data() + source.find("# Go vs Rust"));
  }
}

TEST_CASE("front matter: TOML nested tables flatten to dotted keys, arrays of tables are skipped") {
  const std::string source = read_test_file("toml-nested.md");  // the body is a view into it
  FrontMatter fm = parse_front_matter(source, "toml-nested.md");

  CHECK(items_of(fm, "taxonomies.tags") == Items{"go", "rust"});
  CHECK(items_of(fm, "taxonomies.topics") == Items{"languages"});
  CHECK(items_of(fm, "params.author") == Items{"Jane Doe"});
  CHECK(items_of(fm, "params.social.twitter") == Items{"@jane"});
  CHECK(items_of(fm, "extra.series") == Items{"Backends"});
  CHECK(line_of(fm, "params.author") == 19);
  CHECK(line_of(fm, "taxonomies.tags") == 15);
  for (const auto& [key, value] : fm.fields) {
    INFO(key);
    CHECK(key.rfind("menu", 0) == std::string::npos);
  }
  SECTION("numbers and booleans become text") {
    CHECK(items_of(fm, "weight") == Items{"42"});
    CHECK(items_of(fm, "rating") == Items{"4.5"});
    CHECK(items_of(fm, "draft") == Items{"true"});
  }
  SECTION("the body starts after the closing fence") {
    CHECK(fm.body_line == 30);
    CHECK(fm.body == "Body of the nested article.\n");
  }
}

TEST_CASE("front matter: the four TOML date types become ISO 8601 strings") {
  struct Case {
    const char* toml_value;
    const char* expected;
  };
  const Case cases[] = {
      {"2024-04-09", "2024-04-09"},                                       // local date
      {"2024-04-09T08:30:00", "2024-04-09T08:30:00"},                     // local date-time
      {"2024-04-09 08:30:00", "2024-04-09T08:30:00"},                     // space separator
      {"2026-01-26T18:53:20Z", "2026-01-26T18:53:20+00:00"},              // offset date-time
      {"2024-04-10T08:30:00.250-07:00", "2024-04-10T08:30:00.25-07:00"},  // with a fraction
      {"1979-05-27T00:32:00.999999+05:30", "1979-05-27T00:32:00.999999+05:30"},
      {"07:32:00", "07:32:00"},  // local time
  };
  for (const Case& c : cases) {
    INFO(c.toml_value);
    std::string source = std::string("+++\nwhen = ") + c.toml_value + "\n+++\n";
    FrontMatter fm = parse_front_matter(source, "dates.md");
    CHECK(items_of(fm, "when") == Items{c.expected});
  }
}

TEST_CASE("front matter: YAML block with lists, nesting, nulls and plain scalars") {
  const std::string source = read_test_file("yaml-full.md");  // the body is a view into it
  FrontMatter fm = parse_front_matter(source, "yaml-full.md");

  CHECK(fm.format == FrontMatterFormat::yaml);
  CHECK(items_of(fm, "title") == Items{"Go vs Rust: which is better?"});
  SECTION("timestamps stay strings for the article layer") {
    CHECK(items_of(fm, "date") == Items{"2012-02-22 15:09:51 -0400"});
    CHECK(items_of(fm, "lastmod") == Items{"2024-4-09"});
  }
  SECTION("booleans are normalised, quoted ones stay text") {
    CHECK(items_of(fm, "draft") == Items{"false"});
    CHECK(items_of(fm, "quoted_bool") == Items{"true"});
  }
  SECTION("numbers keep their text") {
    CHECK(items_of(fm, "weight") == Items{"7"});
    CHECK(items_of(fm, "score") == Items{"2.5"});
  }
  SECTION("lists, empty lists and nulls inside lists") {
    CHECK(items_of(fm, "tags") == Items{"Go", "Rust"});
    CHECK(is_list(fm, "tags"));
    CHECK(items_of(fm, "keywords").empty());
    CHECK(is_list(fm, "keywords"));
    CHECK(items_of(fm, "aliases") == Items{"/old/url/", "/older/url/"});
  }
  SECTION("a key without a value is absent, a list of maps is skipped") {
    CHECK(fm.fields.count("deck") == 0);
    CHECK(fm.fields.count("menu") == 0);
    CHECK(fm.fields.count("menu.name") == 0);
  }
  SECTION("nested maps become dotted keys with their lines") {
    CHECK(items_of(fm, "params.author") == Items{"Jane Doe"});
    CHECK(items_of(fm, "params.social.twitter") == Items{"@jane"});
    CHECK(line_of(fm, "params.social.twitter") == 21);
    CHECK(line_of(fm, "tags") == 11);
  }
  SECTION("a folded scalar is one string") {
    CHECK(items_of(fm, "description") == Items{"A folded description on two lines.\n"});
  }
  SECTION("the body follows the closing fence") {
    CHECK(fm.body_line == 27);
    CHECK(fm.body == "# Heading\n\nBody text.\n");
  }
}

TEST_CASE("front matter: JSON object, ended by brace matching that skips strings") {
  const std::string source = read_test_file("json-full.md");  // the body is a view into it
  FrontMatter fm = parse_front_matter(source, "json-full.md");

  CHECK(fm.format == FrontMatterFormat::json);
  CHECK(items_of(fm, "title") == Items{"Braces } and { in \"strings\""});
  CHECK(items_of(fm, "date") == Items{"2026-01-26T18:53:20Z"});
  CHECK(items_of(fm, "draft") == Items{"false"});
  CHECK(items_of(fm, "weight") == Items{"3"});
  CHECK(items_of(fm, "ratio") == Items{"0.25"});
  CHECK(items_of(fm, "tags") == Items{"Go", "Rust"});
  CHECK(items_of(fm, "params.nested.level") == Items{"2"});
  CHECK(fm.fields.count("menu") == 0);
  CHECK(fm.fields.count("nothing") == 0);
  CHECK(line_of(fm, "title") == 2);
  CHECK(line_of(fm, "tags") == 7);
  CHECK(fm.body_line == 13);
  CHECK(fm.body == "# JSON article\n\nBody text.\n");

  SECTION("a body on the closing brace's line starts right after the brace") {
    FrontMatter inline_body = parse_front_matter("{\"title\": \"x\"} Body here\n", "inline.md");
    CHECK(inline_body.body == " Body here\n");
    CHECK(inline_body.body_line == 1);
  }
  SECTION("an escaped quote before a brace does not end the string") {
    FrontMatter escaped = parse_front_matter("{\"a\": \"\\\"}\", \"b\": \"c\"}\nbody", "e.md");
    CHECK(items_of(escaped, "a") == Items{"\"}"});
    CHECK(items_of(escaped, "b") == Items{"c"});
    CHECK(escaped.body == "body");
  }
}

TEST_CASE("front matter: a YAML or JSON key given twice keeps its last value, as Hugo reads it") {
  // Hugo 0.111 renders `title: first ... title: second` as "second"; 16 digitalgov files repeat a
  // key (expirydate, primary_image, redirectto).
  const std::string yaml =
      "---\ntitle: first\nparams:\n  a: 1\n  a: 2\ntags: [x]\ntitle: second\n---\nbody\n";
  FrontMatter from_yaml = parse_front_matter(yaml, "dup.md");
  CHECK(items_of(from_yaml, "title") == Items{"second"});
  CHECK(items_of(from_yaml, "params.a") == Items{"2"});
  CHECK(items_of(from_yaml, "tags") == Items{"x"});
  const std::string json =
      "{\"title\": \"first\", \"o\": {\"a\": 1, \"a\": [2, 3]}, "
      "\"title\": \"second\"}\nbody\n";
  FrontMatter from_json = parse_front_matter(json, "dup.md");
  CHECK(items_of(from_json, "title") == Items{"second"});
  CHECK(items_of(from_json, "o.a") == Items{"2", "3"});
}

TEST_CASE("front matter: a single string and a list both come back as items") {
  struct Case {
    const char* name;
    std::string source;
  };
  const Case cases[] = {
      {"TOML", "+++\ntags = \"Go\"\ncategories = [\"Go\"]\n+++\n"},
      {"YAML", "---\ntags: Go\ncategories:\n  - Go\n---\n"},
      {"JSON", "{\"tags\": \"Go\", \"categories\": [\"Go\"]}\n"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    FrontMatter fm = parse_front_matter(c.source, "tags.md");
    CHECK(items_of(fm, "tags") == Items{"Go"});
    CHECK_FALSE(is_list(fm, "tags"));
    CHECK(items_of(fm, "categories") == Items{"Go"});
    CHECK(is_list(fm, "categories"));
  }
}

TEST_CASE("front matter: BOM, CRLF and blank lines before the fence are accepted") {
  struct Case {
    const char* name;
    std::string source;
    FrontMatterFormat format;
    int title_line;
    int body_line;
  };
  const std::string bom = "\xEF\xBB\xBF";
  const Case cases[] = {
      {"TOML with BOM", bom + "+++\ntitle = \"T\"\n+++\nBody", FrontMatterFormat::toml, 2, 4},
      {"YAML with BOM", bom + "---\ntitle: T\n---\nBody", FrontMatterFormat::yaml, 2, 4},
      {"JSON with BOM", bom + "{\"title\": \"T\"}\nBody", FrontMatterFormat::json, 1, 2},
      {"TOML with CRLF", "+++\r\ntitle = \"T\"\r\n+++\r\nBody", FrontMatterFormat::toml, 2, 4},
      {"YAML with CRLF", "---\r\ntitle: T\r\n---\r\nBody", FrontMatterFormat::yaml, 2, 4},
      {"JSON with CRLF", "{\r\n\"title\": \"T\"\r\n}\r\nBody", FrontMatterFormat::json, 2, 4},
      {"TOML after blank lines", "\n  \n+++\ntitle = \"T\"\n+++\nBody", FrontMatterFormat::toml, 4,
       6},
      {"YAML after blank lines", "\r\n\n---\ntitle: T\n---\nBody", FrontMatterFormat::yaml, 4, 6},
      {"JSON after blank lines", "\n\n{\"title\":\n \"T\"}\nBody", FrontMatterFormat::json, 3, 5},
      {"fences with trailing spaces", "+++  \ntitle = \"T\"\n+++ \t\nBody", FrontMatterFormat::toml,
       2, 4},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    FrontMatter fm = parse_front_matter(c.source, "post.md");
    CHECK(fm.format == c.format);
    CHECK(items_of(fm, "title") == Items{"T"});
    CHECK(line_of(fm, "title") == c.title_line);
    CHECK(fm.body_line == c.body_line);
    CHECK(fm.body == "Body");
  }
  SECTION("CRLF never leaks into values, even multi-line strings") {
    FrontMatter fm =
        parse_front_matter("+++\r\ntext = \"\"\"\r\none\r\ntwo\"\"\"\r\n+++\r\n", "multi.md");
    CHECK(items_of(fm, "text") == Items{"one\ntwo"});
  }
}

TEST_CASE("front matter: files without front matter are all body") {
  struct Case {
    const char* name;
    std::string source;
    std::string body;
  };
  const Case cases[] = {
      {"empty file", "", ""},
      {"only blank lines", "\n\n  \n", "\n\n  \n"},
      {"Markdown heading", "# Title\n\nText\n", "# Title\n\nText\n"},
      {"Hugo shortcode, not JSON", "{{< note >}}\nText\n", "{{< note >}}\nText\n"},
      {"fence not at the top", "Intro\n---\ntitle: x\n---\n", "Intro\n---\ntitle: x\n---\n"},
      {"four dashes", "----\ntitle: x\n----\n", "----\ntitle: x\n----\n"},
      {"BOM only is dropped", "\xEF\xBB\xBF# Title\n", "# Title\n"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    FrontMatter fm = parse_front_matter(c.source, "plain.md");
    CHECK(fm.format == FrontMatterFormat::none);
    CHECK(fm.fields.empty());
    CHECK(fm.body == c.body);
    CHECK(fm.body_line == 1);
  }
}

TEST_CASE("front matter: empty blocks have a format and no fields") {
  struct Case {
    const char* name;
    std::string source;
    FrontMatterFormat format;
    int body_line;
  };
  const Case cases[] = {
      {"TOML", "+++\n+++\nBody", FrontMatterFormat::toml, 3},
      {"TOML with a comment", "+++\n# nothing yet\n+++\nBody", FrontMatterFormat::toml, 4},
      {"YAML", "---\n---\nBody", FrontMatterFormat::yaml, 3},
      {"YAML with blank lines", "---\n\n\n---\nBody", FrontMatterFormat::yaml, 5},
      {"JSON", "{}\nBody", FrontMatterFormat::json, 2},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    FrontMatter fm = parse_front_matter(c.source, "empty.md");
    CHECK(fm.format == c.format);
    CHECK(fm.fields.empty());
    CHECK(fm.body == "Body");
    CHECK(fm.body_line == c.body_line);
  }
  SECTION("a closing fence at the end of the file leaves an empty body") {
    FrontMatter fm = parse_front_matter("+++\ntitle = \"x\"\n+++", "end.md");
    CHECK(fm.body.empty());
    CHECK(fm.body_line == 4);
  }
}

TEST_CASE("front matter: an unclosed block is an error naming its opening line") {
  struct Case {
    const char* name;
    std::string source;
    std::string reason;
    int line;
  };
  const Case cases[] = {
      {"TOML", "+++\ntitle = \"x\"\n\nBody\n",
       "front matter opened with +++ on line 1 is never closed", 1},
      {"YAML", "\n\n---\ntitle: x\n", "front matter opened with --- on line 3 is never closed", 3},
      {"YAML closed by the wrong fence", "---\ntitle: x\n+++\n",
       "front matter opened with --- on line 1 is never closed", 1},
      {"JSON", "{\n\"title\": \"x\"\n\nBody\n",
       "front matter opened with { on line 1 is never closed", 1},
      {"JSON with a brace in an unclosed string", "{\"title\": \"x}\n",
       "front matter opened with { on line 1 is never closed", 1},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Error error = parse_error_of(c.source, "drafts/post.md");
    CHECK(error.code() == ErrorCode::parse);
    CHECK(error.reason() == c.reason);
    CHECK(error.where().path == "drafts/post.md");
    CHECK(error.where().line == c.line);
  }
}

TEST_CASE("front matter: syntax errors point at the file line and column") {
  struct Case {
    const char* name;
    std::string source;
    int line;
    int column;
    std::string reason_part;
  };
  const Case cases[] = {
      {"TOML missing value", "+++\ntitle = \"x\"\ndate =\nfoo = 1\n+++\n", 3, 7, "missing value"},
      {"TOML after blank lines", "\n\n+++\ntitle = \"x\"\ndate =\n+++\n", 5, 7, "missing value"},
      {"TOML duplicate key", "+++\ntitle = \"x\"\ntitle = \"y\"\n+++\n", 3, 9, "already exists"},
      {"TOML impossible date", "+++\ntitle = \"x\"\ndate = 2024-02-30\n+++\n", 3, 0,
       "invalid date"},
      {"YAML unclosed flow list", "---\ntitle: x\ntags: [a, b\n---\n", 4, 1,
       "end of sequence flow not found"},
      {"YAML tab indentation", "---\ntitle: x\n\tdraft: true\n---\n", 3, 1, "illegal tab"},
      {"YAML bad indentation", "\n---\ntitle: x\n  indented: 1\n---\n", 4, 11, "illegal map value"},
      {"JSON missing comma", "{\n  \"title\": \"x\",\n  \"tags\": [\"a\" \"b\"]\n}\n", 3, 18,
       "expected ']'"},
      {"JSON bad literal", "\n{\"a\": tru}\n", 2, 10, "invalid literal"},
      {"JSON trailing comma", "{\n\"a\": 1,\n}\n", 3, 1, "object key"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Error error = parse_error_of(c.source, "post.md");
    CHECK(error.code() == ErrorCode::parse);
    CHECK(error.where().path == "post.md");
    CHECK(error.where().line == c.line);
    if (c.column != 0) CHECK(error.where().column == c.column);
    CHECK_THAT(error.reason(), Catch::Contains(c.reason_part));
    CHECK_THAT(std::string(error.what()), Catch::StartsWith("post.md:" + std::to_string(c.line)));
    // One line, no ASCII art from the parser library.
    CHECK(error.reason().find('\n') == std::string::npos);
  }
}

TEST_CASE("front matter: a top level that is not a table is an error") {
  struct Case {
    const char* name;
    std::string source;
    std::string reason_part;
  };
  const Case cases[] = {
      {"YAML list", "---\n- a\n- b\n---\nBody", "found a list"},
      {"YAML scalar", "---\njust a sentence\n---\nBody", "found a string"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Error error = parse_error_of(c.source);
    CHECK(error.code() == ErrorCode::parse);
    CHECK(error.where().line == 2);
    CHECK_THAT(error.reason(), Catch::Contains("must be a table"));
    CHECK_THAT(error.reason(), Catch::Contains(c.reason_part));
  }
  SECTION("a JSON array is not front matter at all") {
    FrontMatter fm = parse_front_matter("[1, 2]\nBody", "list.md");
    CHECK(fm.format == FrontMatterFormat::none);
  }
}

TEST_CASE("front matter: over 256 KB is too large, in every format, at the block's first line") {
  // Real front matter stays far below (the largest seen: a 114 KB list of redirects); above the
  // limit a parser's time, not the file's worth, would be the cost.
  std::string tags;
  for (int i = 0; tags.size() <= folio::kMaxFrontMatterBytes; ++i)
    tags += "  - tag" + std::to_string(i) + "\n";
  const std::string yaml = "\n---\ntitle: x\ntags:\n" + tags + "---\nBody\n";
  std::string toml_tags;
  for (int i = 0; toml_tags.size() <= folio::kMaxFrontMatterBytes; ++i)
    toml_tags += "  \"tag" + std::to_string(i) + "\",\n";
  const std::string toml = "+++\ntitle = \"x\"\ntags = [\n" + toml_tags + "]\n+++\nBody\n";
  const std::string json = "{\"title\": \"x\", \"tags\": [\"" +
                           std::string(folio::kMaxFrontMatterBytes, 'j') + "\"]}\nBody\n";
  struct Case {
    std::string text;
    int line;
  };
  for (const Case& c : {Case{yaml, 3}, Case{toml, 2}, Case{json, 1}}) {
    try {
      parse_front_matter(c.text, "big.md");
      FAIL("no error for " << c.text.substr(0, 20));
    } catch (const Error& error) {
      CHECK(error.code() == ErrorCode::too_large);
      CHECK(error.where().path == "big.md");
      CHECK(error.where().line == c.line);
      CHECK(std::string(error.what()).find("over the limit of 256 KB") != std::string::npos);
    }
  }
}

TEST_CASE("front matter: 100,000 tags are an error naming the file, in every format") {
  std::string yaml = "---\ntags:\n";
  std::string toml = "+++\ntags = [\n";
  std::string json = "{\"tags\": [";
  for (int i = 0; i < 100000; ++i) {
    yaml += "- t\n";
    toml += "1,\n";
    json += "1,";
  }
  yaml += "---\n";
  toml += "]\n+++\n";
  json += "1]}\n";
  for (const std::string& text : {yaml, toml, json}) {
    try {
      parse_front_matter(text, "tags.md");
      FAIL("no error for " << text.substr(0, 10));
    } catch (const Error& error) {
      CHECK(error.where().path == "tags.md");
      CHECK(error.where().line > 0);
    }
  }
}
