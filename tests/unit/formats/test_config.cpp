#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "folio/config.hpp"
#include "folio/error.hpp"

namespace fs = std::filesystem;
using folio::Config;
using folio::Error;
using folio::ErrorCode;
using folio::load_config;
using folio::TypoTolerance;

namespace {

// A folder of its own under the temp directory, removed at the end of the test. ctest runs each
// test case in its own process, so the process id keeps parallel runs apart.
class TempFolder {
 public:
  TempFolder() : path_(fs::temp_directory_path() / ("folio-config-" + std::to_string(getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // Writes folio.toml with `text` and returns its path.
  std::string write(const std::string& text, const std::string& name = "folio.toml") const {
    fs::path file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out << text;
    return file.string();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Loaded {
  Config config;
  std::vector<std::string> warnings;
};

Loaded load_text(const TempFolder& folder, const std::string& text) {
  Loaded loaded;
  loaded.config = load_config(folder.write(text), loaded.warnings);
  return loaded;
}

Error config_error_of(const TempFolder& folder, const std::string& text) {
  std::vector<std::string> warnings;
  try {
    load_config(folder.write(text), warnings);
  } catch (const Error& error) {
    return error;
  }
  FAIL("expected an error for: " << text);
  return Error(ErrorCode::config, "unreachable");
}

}  // namespace

TEST_CASE("config: an empty file gives the defaults") {
  TempFolder folder;
  Loaded loaded = load_text(folder, "");
  const Config defaults;
  CHECK(loaded.warnings.empty());
  CHECK(loaded.config.index.db_path == defaults.index.db_path);
  CHECK(loaded.config.index.include == defaults.index.include);
  CHECK(loaded.config.index.max_file_bytes == defaults.index.max_file_bytes);
  CHECK(loaded.config.index.weights.title == defaults.index.weights.title);
  CHECK(loaded.config.search.default_page_size == defaults.search.default_page_size);
  CHECK(loaded.config.search.typo_tolerance == TypoTolerance::on);
  CHECK(loaded.config.source_path == (folder.path() / "folio.toml").string());
}

TEST_CASE("config: every section is read") {
  TempFolder folder;
  Loaded loaded = load_text(folder, R"(
[index]
include = ["**/*.md"]
exclude = ["drafts/**"]
base_url = "https://example.com"
language = "fr"
taxonomies = ["topics"]
include_drafts = true
include_future = true
include_expired = true
index_code = false
max_file_bytes = 1024
jobs = 3

[index.weights]
title = 10
headings = 4
keywords = 5
tags = 2
description = 3
body = 1
code = 0

[search]
default_page_size = 20
max_page_size = 50
max_page = 10
max_query_length = 100
snippet_length = 150
highlight_start = "<b>"
highlight_end = "</b>"
wildcard_limit = 30
typo_tolerance = false
recency_weight = 0.5
synonyms = [["go", "golang"], ["k8s", "kubernetes", "kube"]]
use_default_synonyms = false
article_cache_mb = 8
)");
  const Config& c = loaded.config;
  CHECK(loaded.warnings.empty());

  CHECK(c.index.include == std::vector<std::string>{"**/*.md"});
  CHECK(c.index.exclude == std::vector<std::string>{"drafts/**"});
  CHECK(c.index.base_url == "https://example.com");
  CHECK(c.index.language == "fr");
  CHECK(c.index.taxonomies == std::vector<std::string>{"topics"});
  CHECK(c.index.include_drafts);
  CHECK(c.index.include_future);
  CHECK(c.index.include_expired);
  CHECK_FALSE(c.index.index_code);
  CHECK(c.index.max_file_bytes == 1024);
  CHECK(c.index.jobs == 3);
  CHECK(c.index.weights.title == 10);
  CHECK(c.index.weights.headings == 4);
  CHECK(c.index.weights.keywords == 5);
  CHECK(c.index.weights.tags == 2);
  CHECK(c.index.weights.description == 3);
  CHECK(c.index.weights.body == 1);
  CHECK(c.index.weights.code == 0);

  CHECK(c.search.default_page_size == 20);
  CHECK(c.search.max_page_size == 50);
  CHECK(c.search.max_page == 10);
  CHECK(c.search.max_query_length == 100);
  CHECK(c.search.snippet_length == 150);
  CHECK(c.search.highlight_start == "<b>");
  CHECK(c.search.highlight_end == "</b>");
  CHECK(c.search.wildcard_limit == 30);
  CHECK(c.search.typo_tolerance == TypoTolerance::off);
  CHECK(c.search.recency_weight == Approx(0.5));
  REQUIRE(c.search.synonyms.size() == 2);
  CHECK(c.search.synonyms[0] == std::vector<std::string>{"go", "golang"});
  CHECK(c.search.synonyms[1] == std::vector<std::string>{"k8s", "kubernetes", "kube"});
  CHECK_FALSE(c.search.use_default_synonyms);
  CHECK(c.search.article_cache_mb == 8);
}

TEST_CASE("config: a program's section is accepted without a warning when no program reads it") {
  // folio-server reads [server] itself (tests/server/test_server_config.cpp); the CLI and other
  // programs loading the same folio.toml must not warn about it, nor check its keys.
  TempFolder folder;
  Loaded loaded = load_text(folder, R"(
[index]
jobs = 2

[server]
listen = "0.0.0.0:9000"
threads = -1
unknown_to_the_library = true
)");
  CHECK(loaded.warnings.empty());
  CHECK(loaded.config.index.jobs == 2);
  SECTION("but it must still be a table") {
    Error error = config_error_of(folder, "server = 3\n");
    CHECK(error.code() == ErrorCode::config);
    CHECK(error.reason() == "[server]: expected a table, found an integer");
    CHECK(error.where().line == 1);
  }
}

TEST_CASE("config: a program's reader gets its section's keys, with the library's checks") {
  TempFolder folder;
  std::vector<std::string> seen;
  std::int64_t port = 0;
  const folio::ConfigSectionReader reader{"server", [&](const folio::ConfigKey& key) {
                                            seen.push_back(key.name());
                                            if (key.name() != "port") return false;
                                            port = key.integer(1, 65535);
                                            return true;
                                          }};
  std::vector<std::string> warnings;
  load_config(folder.write("[server]\nport = 8080\nother = 1\n"), warnings, {reader});
  CHECK(seen == std::vector<std::string>{"port", "other"});
  CHECK(port == 8080);
  CHECK(warnings == std::vector<std::string>{(folder.path() / "folio.toml").string() +
                                             ":3: unknown key [server] other (ignored)"});
  try {
    load_config(folder.write("\n[server]\nport = 0\n"), warnings, {reader});
    FAIL("expected an error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::config);
    CHECK(error.reason() == "[server] port: must be between 1 and 65535, found 0");
    CHECK(error.where().line == 3);
    CHECK(error.where().column > 0);
  }
}

TEST_CASE("config: relative paths are resolved against the config file's folder") {
  TempFolder folder;
  SECTION("content folders and db_path") {
    Loaded loaded = load_text(folder, R"(
[index]
content = ["content", "../shared/posts", "/srv/absolute"]
db_path = "var/index"
)");
    const fs::path base = folder.path();
    CHECK(loaded.config.index.content_dirs ==
          std::vector<std::string>{(base / "content").string(),
                                   (base.parent_path() / "shared/posts").string(),
                                   "/srv/absolute"});
    CHECK(loaded.config.index.db_path == (base / "var/index").string());
  }
  SECTION("a single content folder may be a string") {
    Loaded loaded = load_text(folder, "[index]\ncontent = \"posts\"\n");
    CHECK(loaded.config.index.content_dirs ==
          std::vector<std::string>{(folder.path() / "posts").string()});
  }
  SECTION("include and exclude globs stay relative") {
    Loaded loaded = load_text(folder, "[index]\nexclude = [\"drafts/**\"]\n");
    CHECK(loaded.config.index.exclude == std::vector<std::string>{"drafts/**"});
  }
}

TEST_CASE("config: unknown keys are warnings with file and line") {
  TempFolder folder;
  Loaded loaded = load_text(folder, R"(# comment
[index]
jobs = 2
foo = 1

[index.weights]
titel = 3

[search]
typo = true

[extras]
x = 1
)");
  const std::string file = (folder.path() / "folio.toml").string();
  CHECK(loaded.warnings == std::vector<std::string>{
                               file + ":4: unknown key [index] foo (ignored)",
                               file + ":7: unknown key [index.weights] titel (ignored)",
                               file + ":10: unknown key [search] typo (ignored)",
                               file + ":12: unknown section [extras] (ignored)",
                           });
  CHECK(loaded.config.index.jobs == 2);
}

TEST_CASE("config: wrong types and impossible values are errors naming file, line and key") {
  struct Case {
    const char* name;
    std::string text;
    int line;
    std::string reason;
  };
  const Case cases[] = {
      {"string for an integer", "[index]\nmax_file_bytes = \"5MB\"\n", 2,
       "[index] max_file_bytes: expected an integer, found a string"},
      {"float for an integer", "[search]\nmax_page = 1.5\n", 2,
       "[search] max_page: expected an integer, found a number"},
      {"string for a boolean", "\n[search]\ntypo_tolerance = \"yes\"\n", 3,
       "[search] typo_tolerance: expected true or false, found a string"},
      {"integer for a string", "[index]\ndb_path = 3\n", 2,
       "[index] db_path: expected a string, found an integer"},
      {"string list with a number", "[index]\nexclude = [\"a\", 2]\n", 2,
       "[index] exclude: expected a list of strings, found an integer in the list"},
      {"negative jobs", "[index]\njobs = -1\n", 2,
       "[index] jobs: must be between 0 and 1024, found -1"},
      {"zero max_file_bytes", "[index]\nmax_file_bytes = 0\n", 2,
       "[index] max_file_bytes: must be between 1 and 9223372036854775807, found 0"},
      {"weight too large", "[index.weights]\ntitle = 1000\n", 2,
       "[index.weights] title: must be between 0 and 100, found 1000"},
      {"negative recency", "[search]\nrecency_weight = -0.5\n", 2,
       "[search] recency_weight: must be between 0 and 1000, found -0.5"},
      {"page size above the maximum", "[search]\nmax_page_size = 20\ndefault_page_size = 50\n", 3,
       "[search] default_page_size: must not be larger than max_page_size (20)"},
      {"section that is not a table", "index = 3\n", 1,
       "[index]: expected a table, found an integer"},
      {"empty language", "[index]\nlanguage = \"\"\n", 2, "[index] language: must not be empty"},
      {"synonyms as a flat list", "[search]\nsynonyms = [\"go\", \"golang\"]\n", 2,
       "[search] synonyms: expected a list of word groups ([[\"go\", \"golang\"], ...]), found a "
       "string in the list"},
      {"synonyms as a string", "[search]\nsynonyms = \"go golang\"\n", 2,
       "[search] synonyms: expected a list of word groups ([[\"go\", \"golang\"], ...]), found a "
       "string"},
      {"synonym group on its own line",
       "[search]\nsynonyms = [\n  [\"a\", \"b\"],\n  [\"c\"],\n]\n", 4,
       "[search] synonyms: each group needs at least two words"},
      {"list item on its own line", "[index]\ntaxonomies = [\n  \"topics\",\n  false,\n]\n", 4,
       "[index] taxonomies: expected a list of strings, found a boolean in the list"},
      {"synonym group of one", "[search]\nsynonyms = [[\"go\"]]\n", 2,
       "[search] synonyms: each group needs at least two words"},
      {"synonym that is not a string", "[search]\nsynonyms = [[\"go\", 1]]\n", 2,
       "[search] synonyms: each group must list words as strings"},
  };
  TempFolder folder;
  for (const Case& c : cases) {
    INFO(c.name);
    Error error = config_error_of(folder, c.text);
    CHECK(error.code() == ErrorCode::config);
    CHECK(error.reason() == c.reason);
    CHECK(error.where().path == (folder.path() / "folio.toml").string());
    CHECK(error.where().line == c.line);
  }
}

TEST_CASE("config: a TOML syntax error is a parse error with its line") {
  TempFolder folder;
  Error error = config_error_of(folder, "[index]\njobs = 2\nbase_url = \"https://x\n");
  CHECK(error.code() == ErrorCode::parse);
  CHECK(error.where().line == 3);
}

TEST_CASE("config: a missing file is an io error") {
  TempFolder folder;
  std::vector<std::string> warnings;
  const std::string missing = (folder.path() / "nope.toml").string();
  try {
    load_config(missing, warnings);
    FAIL("expected an error");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::io);
    CHECK(error.where().path == missing);
  }
}

TEST_CASE("config: the documented example loads without warnings") {
  std::vector<std::string> warnings;
  const std::string example = std::string(FOLIO_DOCS_DIR) + "/folio.example.toml";
  Config config = load_config(example, warnings);
  CHECK(warnings.empty());
  CHECK(config.source_path == example);
  CHECK(config.search.synonyms.size() == 2);
  CHECK(config.index.content_dirs ==
        std::vector<std::string>{(fs::path(FOLIO_DOCS_DIR) / "content").string()});
  CHECK(config.index.site_root == fs::path(FOLIO_DOCS_DIR).string());
  CHECK(config.index.explicit_keys.count("base_url") == 1);  // a site does not override it
}

TEST_CASE("config: the example documents every key the loader knows") {
  // Each key below must appear in the example, so new keys cannot go undocumented. The list
  // mirrors the fields of config.hpp; tests/server/test_server_config.cpp checks the [server] keys.
  const char* keys[] = {
      "site",
      "content",
      "include",
      "exclude",
      "db_path",
      "base_url",
      "language",
      "taxonomies",
      "include_drafts",
      "include_future",
      "include_expired",
      "index_code",
      "max_file_bytes",
      "jobs",
      "follow_outside_symlinks",
      "[index.weights]",
      "title",
      "headings",
      "keywords",
      "tags",
      "description",
      "body",
      "code",
      "default_page_size",
      "max_page_size",
      "max_page",
      "max_query_length",
      "snippet_length",
      "highlight_start",
      "highlight_end",
      "wildcard_limit",
      "typo_tolerance",
      "recency_weight",
      "synonyms",
      "use_default_synonyms",
      "article_cache_mb",
  };
  std::ifstream in(std::string(FOLIO_DOCS_DIR) + "/folio.example.toml");
  REQUIRE(in);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* key : keys) {
    INFO(key);
    // A section header anywhere, a key at the start of a line. Built by +=, not operator+:
    // GCC 12 at -O2 reports a false -Werror=restrict inside std::string's operator+ here.
    const bool section = key[0] == '[';
    std::string needle = section ? "" : "\n";
    needle += key;
    if (!section) needle += " = ";
    CHECK(text.find(needle) != std::string::npos);
  }
}
