// Which files of a Zola or a Jekyll site are pages (zola_pages.cpp, jekyll_pages.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "content/site_pages.hpp"
#include "test_support.hpp"

using folio::detail::PagePlace;
using folio::detail::SourceFile;

namespace {

struct Site {
  folio::test::TempDir dir;
  folio::IndexSettings settings;
  std::vector<SourceFile> files;

  explicit Site(folio::SiteGenerator generator) {
    settings.site.generator = generator;
    settings.site.default_language = "en";
    settings.site.languages.push_back(folio::SiteLanguage{"en", {}, 0});
  }
  void add(const std::string& relative, const std::string& text = "---\ntitle: x\n---\nbody\n") {
    dir.write(relative, text);
    files.push_back(SourceFile{dir.join(relative), relative, 0});
  }
  std::vector<PagePlace> place() const {
    std::vector<std::string> warnings;
    return folio::detail::place_pages(files, settings, warnings);
  }
};

}  // namespace

TEST_CASE("zola pages: only .md files, loaded _index files, ignored_content") {
  Site site(folio::SiteGenerator::zola);
  site.settings.site.languages.push_back(folio::SiteLanguage{"fr", {}, 1});
  site.settings.site.zola.ignored_content = {"*.draft.md", "**/scratch/**", "*/{a,b}.md"};
  site.add("blog/_index.md");
  site.add("blog/_index.fr.md");
  site.add("blog/_index.de.md");      // German is not configured: Zola never loads it
  site.add("blog/post.markdown");     // Zola reads .md only
  site.add("blog/idea.draft.md");     // ignored_content
  site.add("blog/scratch/notes.md");  // ignored_content
  site.add("a.md");                   // ignored_content, with alternatives
  site.add("blog/bundle/index.md");
  site.add("blog/bundle/beside.md");  // a page in Zola, not a bundle resource
  const auto places = site.place();
  CHECK(places[0].not_a_page.empty());
  CHECK(places[1].not_a_page.empty());
  CHECK_FALSE(places[2].not_a_page.empty());
  CHECK_FALSE(places[3].not_a_page.empty());
  CHECK(places[4].not_a_page.find("ignored_content") != std::string::npos);
  CHECK(places[5].not_a_page.find("ignored_content") != std::string::npos);
  CHECK(places[6].not_a_page.find("ignored_content") != std::string::npos);
  CHECK(places[7].not_a_page.empty());
  CHECK(places[8].not_a_page.empty());
  CHECK(places[8].section_path == "blog");
}

TEST_CASE("zola pages: a draft section makes drafts of everything below it") {
  Site site(folio::SiteGenerator::zola);
  site.add("wip/_index.md", "+++\ntitle = \"WIP\"\ndraft = true\n+++\n");
  site.add("wip/page.md", "+++\ntitle = \"x\"\n+++\n");
  site.add("wip/deeper/more.md", "+++\ntitle = \"x\"\n+++\n");
  site.add("done/_index.md", "+++\ntitle = \"Done\"\n+++\n");
  site.add("done/page.md", "+++\ntitle = \"x\"\n+++\n");
  const auto places = site.place();
  CHECK(places[0].draft_by.empty());  // its own front matter says draft
  CHECK(places[1].draft_by == site.dir.join("wip/_index.md"));
  CHECK(places[2].draft_by == site.dir.join("wip/_index.md"));
  CHECK(places[3].draft_by.empty());
  CHECK(places[4].draft_by.empty());
}

TEST_CASE("jekyll pages: front matter makes a page; posts need none; drafts are drafts") {
  Site site(folio::SiteGenerator::jekyll);
  site.settings.site.jekyll.collections.push_back(
      folio::JekyllCollection{"posts", true, "/:title/"});
  site.add("about.md");
  site.add("README.md", "# Read me\n");
  site.add("BOM.md", "\xEF\xBB\xBF---\ntitle: x\n---\n");  // Jekyll does not see front matter
  site.add("_posts/2024-01-15-bare.md", "Just text.\n");
  site.add("_drafts/idea.md");
  site.add("_layouts/page.md");
  const auto places = site.place();
  CHECK(places[0].not_a_page.empty());
  CHECK(places[1].not_a_page.find("no front matter") != std::string::npos);
  CHECK_FALSE(places[2].not_a_page.empty());
  CHECK(places[3].not_a_page.empty());
  CHECK(places[4].not_a_page.empty());
  CHECK(places[4].draft_by == "_drafts/");
  CHECK_FALSE(places[5].not_a_page.empty());
}
