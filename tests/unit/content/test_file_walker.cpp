#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "content/file_walker.hpp"
#include "folio/error.hpp"
#include "test_support.hpp"

using folio::detail::find_source_files;

namespace {

std::vector<std::string> relative_paths(const folio::detail::WalkResult& walk) {
  std::vector<std::string> relative;
  for (const auto& f : walk.files)
    relative.push_back(f.relative_path);
  return relative;
}

}  // namespace
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
  auto walk = find_source_files({{dir.path()}, {"**/*.md", "**/*.markdown"}, {"drafts/**"}});
  CHECK(relative_paths(walk) ==
        std::vector<std::string>{"index.md", "posts/a.md", "posts/b.markdown"});
  CHECK(walk.skipped.empty());
}

TEST_CASE("file walker: links out of the folder, dangling links and FIFOs are skipped, and said") {
  folio::test::TempDir outside;
  outside.write("secret.md", "not for the index");
  folio::test::TempDir dir;
  dir.write("posts/a.md", "a");
  const std::filesystem::path posts = dir.join("posts");
  std::filesystem::create_symlink(outside.join("secret.md"), posts / "passwd.md");
  std::filesystem::create_symlink(posts / "a.md", posts / "alias.md");  // inside: read
  std::filesystem::create_symlink(posts / "gone.txt", posts / "dangling.md");
  REQUIRE(::mkfifo((posts / "pipe.md").c_str(), 0600) == 0);

  auto walk = find_source_files({{dir.path()}, {"**/*.md"}, {}});
  CHECK(relative_paths(walk) == std::vector<std::string>{"posts/a.md", "posts/alias.md"});
  std::string skipped;
  for (const auto& line : walk.skipped)
    skipped += line + "\n";
  INFO(skipped);
  REQUIRE(walk.skipped.size() == 3);
  CHECK(skipped.find("passwd.md: a symbolic link out of the content folder") != std::string::npos);
  CHECK(skipped.find("dangling.md: a symbolic link to nothing") != std::string::npos);
  CHECK(skipped.find("pipe.md: not a regular file") != std::string::npos);

  walk = find_source_files({{dir.path()}, {"**/*.md"}, {}, /*follow_outside_symlinks=*/true});
  CHECK(relative_paths(walk) ==
        std::vector<std::string>{"posts/a.md", "posts/alias.md", "posts/passwd.md"});
}

TEST_CASE("file walker: a missing content folder is an error naming it") {
  try {
    find_source_files({{"/nonexistent/folio-content"}, {"**/*.md"}, {}});
    FAIL("expected an error");
  } catch (const folio::Error& e) {
    CHECK(e.code() == folio::ErrorCode::io);
    CHECK(std::string(e.what()).find("/nonexistent/folio-content") != std::string::npos);
  }
}
