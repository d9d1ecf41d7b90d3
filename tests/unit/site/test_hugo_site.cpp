// Reading Hugo's configuration in each of its forms.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "folio/error.hpp"
#include "folio/site.hpp"

namespace fs = std::filesystem;

namespace {

class SiteFolder {
 public:
  SiteFolder() {
    root_ = fs::temp_directory_path() /
            ("folio-site-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(root_);
    fs::create_directories(root_ / "content");
  }
  ~SiteFolder() { fs::remove_all(root_); }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << text;
  }
  std::string path(const std::string& relative = "") const {
    return relative.empty() ? root_.string() : (root_ / relative).string();
  }

 private:
  static inline int counter_ = 0;
  fs::path root_;
};

}  // namespace

TEST_CASE("hugo site: detected from hugo.* or config.*; a bare folder is no site") {
  SiteFolder bare;
  CHECK(folio::detect_site(bare.path()) == folio::SiteGenerator::none);
  for (const char* name : {"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yml"}) {
    SiteFolder site;
    site.write(name, std::string(name).find("json") != std::string::npos ? "{}" : "");
    CAPTURE(name);
    CHECK(folio::detect_site(site.path()) == folio::SiteGenerator::hugo);
  }
  SiteFolder split;
  split.write("config/_default/hugo.toml", "baseURL = 'https://x.org/'\n");
  CHECK(folio::detect_site(split.path()) == folio::SiteGenerator::hugo);
}

TEST_CASE("hugo site: keys are case-insensitive, as Hugo reads them") {
  SiteFolder site;
  site.write("config.yml",
             "baseURL: \"https://digital.gov\"\nDefaultContentLanguage: \"en\"\nbuildFuture: true\n"
             "taxonomies:\n  topic: topics\n  author: authors\n"
             "permalinks:\n  news: \":year/:month/:day/:slug/\"\n"
             "  events: \"event/:year/:month/:day/:slug/\"\n");
  const folio::SiteSettings s = folio::read_site(site.path());
  CHECK(s.generator == folio::SiteGenerator::hugo);
  CHECK(s.base_path == "/");
  CHECK(s.default_language == "en");
  CHECK(s.build_future);
  CHECK_FALSE(s.build_drafts);
  CHECK(s.taxonomies == std::vector<std::string>{"topics", "authors"});
  CHECK(s.permalinks.at("news") == ":year/:month/:day/:slug/");
  CHECK(s.permalinks.at("events") == "event/:year/:month/:day/:slug/");
  REQUIRE(s.content_dirs.size() == 1);
  CHECK(s.content_dirs.front() == site.path("content"));
}

TEST_CASE("hugo site: per-language content folders, weights and the default language") {
  SiteFolder site;
  site.write("config.toml",
             "baseURL = 'https://glossary.example/docs/'\ncontentDir = 'content/en'\n"
             "defaultContentLanguage = 'en'\n"
             "[languages.en]\nweight = 1\n"
             "[languages.de]\ncontentDir = 'content/de'\nweight = 3\n"
             "[languages.pt-br]\ncontentDir = 'content/pt-br'\nweight = 2\n"
             "[languages.xx]\ndisabled = true\n");
  const folio::SiteSettings s = folio::read_site(site.path());
  CHECK(s.base_path == "/docs/");
  REQUIRE(s.languages.size() == 3);
  CHECK(s.languages[0].code == "en");
  CHECK(s.languages[0].content_dir.empty());
  CHECK(s.languages[1].code == "pt-br");
  CHECK(s.languages[1].content_dir == site.path("content/pt-br"));
  CHECK(s.languages[2].code == "de");
  CHECK(s.content_dirs == std::vector<std::string>{site.path("content/en")});
  CHECK_FALSE(s.notes.empty());                                           // xx is disabled
  CHECK(s.taxonomies == std::vector<std::string>{"tags", "categories"});  // Hugo's default
}

TEST_CASE("hugo site: module mounts of content replace the content folder") {
  SiteFolder site;
  site.write("hugo.toml",
             "[languages.en]\nweight = 1\n"
             "[module]\n[[module.mounts]]\nsource = 'assets'\ntarget = 'assets'\n"
             "[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n"
             "[module.mounts.sites.matrix]\nlanguages = ['en']\n");
  const folio::SiteSettings s = folio::read_site(site.path());
  CHECK(s.content_dirs.empty());
  REQUIRE(s.languages.size() == 1);
  CHECK(s.languages[0].content_dir == site.path("content/en"));
}

TEST_CASE("hugo site: config/_default files merge over the root file, named by their key") {
  SiteFolder site;
  site.write("hugo.toml", "baseURL = 'https://a.example/'\n[permalinks]\nposts = ':slug/'\n");
  site.write("config/_default/permalinks.toml", "posts = ':year/:slug/'\nnotes = ':title/'\n");
  site.write("config/_default/languages.yaml", "en:\n  weight: 1\nfr:\n  weight: 2\n");
  site.write("config/_default/menus.en.toml", "[[main]]\nname = 'x'\n");
  site.write("config/production/hugo.toml", "uglyURLs = true\n");
  const folio::SiteSettings s = folio::read_site(site.path());
  CHECK(s.permalinks.at("posts") == ":year/:slug/");
  CHECK(s.permalinks.at("notes") == ":title/");
  CHECK(s.languages.size() == 2);
  CHECK(s.ugly_urls);
  CHECK(s.config_files.size() == 5);
}

TEST_CASE("hugo site: permalinks by kind (Hugo 0.120) use the page kind") {
  SiteFolder site;
  site.write("hugo.toml",
             "[permalinks.page]\nposts = '/:year/:slug/'\n"
             "[permalinks.section]\nposts = '/articles/'\n");
  const folio::SiteSettings s = folio::read_site(site.path());
  CHECK(s.permalinks.at("posts") == "/:year/:slug/");
  CHECK_FALSE(s.notes.empty());
}

TEST_CASE("hugo site: a broken config names its file and line") {
  SiteFolder site;
  site.write("hugo.toml", "baseURL = 'https://a.example/'\n[permalinks\nposts = 1\n");
  try {
    folio::read_site(site.path());
    FAIL("expected an error");
  } catch (const folio::Error& e) {
    CHECK(e.code() == folio::ErrorCode::parse);
    CHECK(e.where().path == site.path("hugo.toml"));
    CHECK(e.where().line == 2);
  }
}

TEST_CASE("hugo site: apply_site fills what folio.toml did not set") {
  SiteFolder site;
  site.write("hugo.toml", "buildDrafts = true\n[taxonomies]\ntopic = 'topics'\ntag = 'tags'\n");
  folio::IndexSettings settings;
  settings.site_root = site.path();
  settings.taxonomies = {"series_x"};
  settings.explicit_keys = {"taxonomies"};
  folio::apply_site(settings);
  CHECK(settings.include_drafts);
  CHECK(settings.taxonomies == std::vector<std::string>{"series_x"});  // set in folio.toml
  CHECK(settings.content_dirs == std::vector<std::string>{site.path("content")});

  folio::IndexSettings from_site;
  from_site.site_root = site.path();
  folio::apply_site(from_site);
  CHECK(from_site.taxonomies == std::vector<std::string>{"topics"});  // tags is a folio field

  folio::IndexSettings not_a_site;
  SiteFolder bare;
  not_a_site.site_root = bare.path();
  CHECK_THROWS_AS(folio::apply_site(not_a_site), folio::Error);
}

TEST_CASE("hugo site: shortcode templates of the site and its theme, or no check") {
  SiteFolder site;
  site.write("hugo.toml", "theme = 'plain'\n");
  site.write("layouts/shortcodes/note.html", "{{ .Inner }}");
  site.write("themes/plain/layouts/shortcodes/docs/alert.en.html", "");
  const folio::SiteSettings s = folio::read_site(site.path());
  CHECK(s.shortcodes_known);
  CHECK(folio::is_known_shortcode(s, "note"));
  CHECK(folio::is_known_shortcode(s, "docs/alert"));
  CHECK(folio::is_known_shortcode(s, "youtube"));  // Hugo's own
  CHECK_FALSE(folio::is_known_shortcode(s, "callout"));

  SiteFolder missing_theme;
  missing_theme.write("hugo.toml", "theme = 'docsy'\n");
  const folio::SiteSettings m = folio::read_site(missing_theme.path());
  CHECK_FALSE(m.shortcodes_known);
  CHECK(folio::is_known_shortcode(m, "callout"));  // cannot tell: not reported
}
