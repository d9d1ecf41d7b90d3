// What a file's place in the content tree says about its page.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "content/site_pages.hpp"

namespace fs = std::filesystem;
using folio::detail::PagePlace;
using folio::detail::SourceFile;

namespace {

struct Tree {
  fs::path root = fs::temp_directory_path() / ("folio-pages-" + std::to_string(::getpid()));
  std::vector<SourceFile> files;

  Tree() { fs::remove_all(root); }
  ~Tree() { fs::remove_all(root); }
  void add(const std::string& relative, const std::string& text = "---\ntitle: x\n---\n",
           std::size_t root_index = 0) {
    const fs::path path = root / std::to_string(root_index) / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    files.push_back(SourceFile{path.string(), relative, root_index});
  }
  std::vector<PagePlace> place(const folio::IndexSettings& settings) const {
    std::vector<std::string> warnings;
    return folio::detail::place_pages(files, settings, warnings);
  }
};

}  // namespace

TEST_CASE("site pages: Markdown beside a leaf bundle's index is a resource, not a page") {
  Tree tree;
  tree.add("posts/bundle/index.md");
  tree.add("posts/bundle/notes.md");
  tree.add("posts/bundle/deep/more.md");
  tree.add("posts/branch/_index.md");
  tree.add("posts/branch/child.md");
  const auto places = tree.place(folio::IndexSettings{});
  CHECK(places[0].not_a_page.empty());
  CHECK(places[1].not_a_page.find("posts/bundle/") != std::string::npos);
  CHECK_FALSE(places[2].not_a_page.empty());
  CHECK(places[3].not_a_page.empty());
  CHECK(places[4].not_a_page.empty());  // a branch bundle's children are pages
}

TEST_CASE("site pages: sections are top-level folders and folders with an _index") {
  Tree tree;
  tree.add("blog/2020/post.md");
  tree.add("docs/guides/_index.md");
  tree.add("docs/guides/deep/page.md");
  tree.add("about.md");
  const auto places = tree.place(folio::IndexSettings{});
  CHECK(places[0].section_path == "blog");
  CHECK(places[1].section_path == "docs/guides");
  CHECK(places[2].section_path == "docs/guides");
  CHECK(places[3].section_path.empty());
}

TEST_CASE("site pages: a cascade of build render never reaches every page below, itself too") {
  Tree tree;
  tree.add("_common/_index.md", "---\ncascade:\n  build:\n    render: never\n---\n");
  tree.add("_common/snippet.md");
  tree.add("old/_index.md", "+++\n[cascade._build]\nrender = 'never'\n+++\n");
  tree.add("old/deep/page.md");
  tree.add("targeted/_index.md",
           "---\ncascade:\n  _build:\n    render: never\n  _target:\n    kind: page\n---\n");
  tree.add("targeted/page.md");
  tree.add("posts/a.md");
  std::vector<std::string> warnings;
  const auto places = folio::detail::place_pages(tree.files, folio::IndexSettings{}, warnings);
  CHECK_FALSE(places[0].unrendered_by.empty());
  CHECK(places[1].unrendered_by.find("_common/_index.md") != std::string::npos);
  CHECK_FALSE(places[2].unrendered_by.empty());
  CHECK_FALSE(places[3].unrendered_by.empty());
  CHECK(places[5].unrendered_by.empty());  // a _target cascade is reported, not guessed at
  CHECK(warnings.size() == 1);
  CHECK(places[6].unrendered_by.empty());
}

TEST_CASE("site pages: per-language content folders give languages and distinct ids") {
  Tree tree;
  tree.add("term.md", "---\ntitle: x\n---\n", 0);
  tree.add("term.md", "---\ntitle: x\n---\n", 1);
  tree.add("term.fr.md", "---\ntitle: x\n---\n", 1);
  folio::IndexSettings settings;
  settings.content_dirs = {(tree.root / "0").string(), (tree.root / "1").string()};
  settings.site.generator = folio::SiteGenerator::hugo;
  settings.site.default_language = "en";
  settings.site.languages = {{"en", "", 1}, {"de", settings.content_dirs[1], 2}, {"fr", "", 3}};
  const auto places = tree.place(settings);
  CHECK(places[0].content_language.empty());
  CHECK(places[1].content_language == "de");
  CHECK(folio::detail::page_id(tree.files[0], settings) == "term");
  CHECK(folio::detail::page_id(tree.files[1], settings) == "term.de");
  CHECK(folio::detail::page_id(tree.files[2], settings) == "term.fr");
}

TEST_CASE("site pages: ignoreFiles patterns leave files out") {
  Tree tree;
  tree.add("SOURCE.md");
  tree.add("posts/a.md");
  folio::IndexSettings settings;
  settings.site.generator = folio::SiteGenerator::hugo;
  settings.site.ignore_files = {"SOURCE\\.md$", "(unclosed"};
  std::vector<std::string> warnings;
  const auto places = folio::detail::place_pages(tree.files, settings, warnings);
  CHECK(places[0].not_a_page.find("ignoreFiles") != std::string::npos);
  CHECK(places[1].not_a_page.empty());
  CHECK(warnings.size() == 1);  // the pattern that cannot be read
}
