#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "content/file_walker.hpp"
#include "folio/error.hpp"
#include "test_support.hpp"

using folio::detail::find_source_files;
using folio::detail::glob_match;

TEST_CASE("file walker: globs match like shells and Hugo's module mounts") {
  struct Row {
    const char* pattern;
    const char* path;
    bool matches;
  };
  const Row rows[] = {
      {"**/*.md", "a.md", true},
      {"**/*.md", "posts/a.md", true},
      {"**/*.md", "posts/2024/a.md", true},
      {"**/*.md", "posts/a.markdown", false},
      {"*.md", "posts/a.md", false},
      {"posts/*.md", "posts/a.md", true},
      {"posts/*.md", "posts/x/a.md", false},
      {"posts/**", "posts/x/a.md", true},
      {"**/drafts/**", "posts/drafts/a.md", true},
      {"**/drafts/**", "drafts/a.md", true},
      {"**/_*.md", "posts/_index.md", true},
      {"?.md", "a.md", true},
      {"?.md", "ab.md", false},
      {"[ab].md", "b.md", true},
      {"[!ab].md", "b.md", false},
      {"[a-c]x.md", "bx.md", true},
      {"", "", true},
      {"a", "", false},
  };
  for (const auto& row : rows) {
    INFO(row.pattern << " vs " << row.path);
    CHECK(glob_match(row.pattern, row.path) == row.matches);
  }
}

TEST_CASE("file walker: finds Markdown files, skips hidden ones, honours excludes") {
  folio::test::TempDir dir;
  dir.write("posts/a.md", "a");
  dir.write("posts/b.markdown", "b");
  dir.write("posts/notes.txt", "c");
  dir.write(".hidden/x.md", "x");
  dir.write("posts/.draft.md", "x");
  dir.write("drafts/d.md", "d");
  dir.write("index.md", "i");
  auto files = find_source_files({dir.path()}, {"**/*.md", "**/*.markdown"}, {"drafts/**"});
  std::vector<std::string> relative;
  for (const auto& f : files)
    relative.push_back(f.relative_path);
  CHECK(relative == std::vector<std::string>{"index.md", "posts/a.md", "posts/b.markdown"});
}

TEST_CASE("file walker: a missing content folder is an error naming it") {
  try {
    find_source_files({"/nonexistent/folio-content"}, {"**/*.md"}, {});
    FAIL("expected an error");
  } catch (const folio::Error& e) {
    CHECK(e.code() == folio::ErrorCode::io);
    CHECK(std::string(e.what()).find("/nonexistent/folio-content") != std::string::npos);
  }
}
