// Reading Jekyll's _config.yml as Jekyll 4.3 reads it (lib/jekyll/configuration.rb).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "folio/site.hpp"
#include "test_support.hpp"

using folio::JekyllCollection;
using folio::SiteGenerator;
using folio::SiteSettings;

namespace {

const JekyllCollection* collection(const SiteSettings& site, const std::string& label) {
  for (const JekyllCollection& c : site.jekyll.collections)
    if (c.label == label) return &c;
  return nullptr;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("jekyll site: _config.yml, then _config.yaml, then _config.toml") {
  for (const char* name : {"_config.yml", "_config.yaml", "_config.toml"}) {
    folio::test::TempDir site;
    site.write(name, "");
    CAPTURE(name);
    CHECK(folio::detect_site(site.path()) == SiteGenerator::jekyll);
    const SiteSettings s = folio::read_site(site.path());
    CHECK(s.generator == SiteGenerator::jekyll);
    CHECK(s.config_files == std::vector<std::string>{site.join(name)});
  }
  folio::test::TempDir both;
  both.write("_config.yml", "baseurl: /yml\n");
  both.write("_config.toml", "baseurl = '/toml'\n");
  CHECK(folio::read_site(both.path()).base_path == "/yml/");
}

TEST_CASE("jekyll site: Jekyll's defaults for an empty config") {
  folio::test::TempDir site;
  site.write("_config.yml", "title: Blog\n");
  const SiteSettings s = folio::read_site(site.path());
  CHECK(s.base_path == "/");
  CHECK(s.jekyll.permalink_style == "date");
  REQUIRE(s.jekyll.collections.size() == 1);
  CHECK(s.jekyll.collections[0].label == "posts");
  CHECK(s.jekyll.collections[0].output);
  CHECK(s.jekyll.collections[0].permalink == "/:categories/:year/:month/:day/:title:output_ext");
  CHECK(s.content_dirs == std::vector<std::string>{site.path()});
  CHECK(s.taxonomies == std::vector<std::string>{"tags", "categories"});
  CHECK_FALSE(s.build_drafts);
  CHECK_FALSE(s.build_future);
  CHECK_FALSE(s.jekyll.unpublished);
  CHECK(s.jekyll.destination == "_site");
  for (const char* excluded : {"node_modules", "vendor/bundle/", "Gemfile", "Gemfile.lock",
                               ".jekyll-cache", ".sass-cache", "gemfiles", "vendor/ruby/"}) {
    CAPTURE(excluded);
    CHECK(has(s.jekyll.exclude, excluded));
  }
  CHECK(s.default_language.empty());  // folio's [index] language stays
}

TEST_CASE("jekyll site: baseurl, permalink style, drafts, future, unpublished, lang") {
  folio::test::TempDir site;
  site.write("_config.yml",
             "baseurl: \"/blog\"\nurl: https://example.org\npermalink: pretty\n"
             "show_drafts: true\nfuture: true\nunpublished: true\nlang: pt-BR\n"
             "destination: ./public/\nexclude: [notes/, \"*.txt\"]\ninclude: [_pages]\n");
  const SiteSettings s = folio::read_site(site.path());
  CHECK(s.base_path == "/blog/");
  CHECK(s.jekyll.permalink_style == "pretty");
  CHECK(s.jekyll.collections[0].permalink == "/:categories/:year/:month/:day/:title/");
  CHECK(s.build_drafts);
  CHECK(s.build_future);
  CHECK(s.jekyll.unpublished);
  CHECK(s.default_language == "pt");
  CHECK(s.jekyll.destination == "public");
  CHECK(has(s.jekyll.exclude, "notes/"));
  CHECK(has(s.jekyll.exclude, "*.txt"));
  CHECK(has(s.jekyll.exclude, "node_modules"));  // the defaults are added to the site's own
  CHECK(s.jekyll.include == std::vector<std::string>{"_pages"});

  folio::test::TempDir no_defaults;
  no_defaults.write("_config.yml", "exclude: null\n");
  CHECK(folio::read_site(no_defaults.path()).jekyll.exclude.empty());
}

TEST_CASE("jekyll site: each built-in style sets the posts' pattern") {
  const std::vector<std::pair<const char*, const char*>> styles = {
      {"date", "/:categories/:year/:month/:day/:title:output_ext"},
      {"pretty", "/:categories/:year/:month/:day/:title/"},
      {"ordinal", "/:categories/:year/:y_day/:title:output_ext"},
      {"weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext"},
      {"none", "/:categories/:title:output_ext"},
      {"/blog/:year/:title/", "/blog/:year/:title/"},
  };
  for (const auto& [style, pattern] : styles) {
    folio::test::TempDir site;
    site.write("_config.yml", std::string("permalink: \"") + style + "\"\n");
    CAPTURE(style);
    CHECK(folio::read_site(site.path()).jekyll.collections[0].permalink == pattern);
  }
}

TEST_CASE("jekyll site: collections as a map or a list, their output and permalinks") {
  folio::test::TempDir site;
  site.write("_config.yml",
             "permalink: pretty\ncollections_dir: my_collections\ncollections:\n"
             "  recipes:\n    output: true\n    permalink: /food/:name/\n"
             "  guides:\n    output: true\n"
             "  staff:\n    output: false\n"
             "  posts:\n    permalink: /news/:title/\n");
  const SiteSettings s = folio::read_site(site.path());
  CHECK(s.jekyll.collections_dir == "my_collections");
  REQUIRE(s.jekyll.collections.size() == 4);
  CHECK(s.jekyll.collections[0].label == "posts");
  CHECK(s.jekyll.collections[0].permalink == "/news/:title/");
  REQUIRE(collection(s, "recipes"));
  CHECK(collection(s, "recipes")->output);
  CHECK(collection(s, "recipes")->permalink == "/food/:name/");
  CHECK(collection(s, "guides")->permalink == "/:collection/:path/");  // pretty's suffix
  CHECK_FALSE(collection(s, "staff")->output);
  CHECK(s.permalinks.count("recipes") == 1);  // what the index's settings digest records
  CHECK(s.permalinks.count("staff") == 0);

  folio::test::TempDir listed;
  listed.write("_config.yml", "collections: [authors]\n");
  const SiteSettings l = folio::read_site(listed.path());
  REQUIRE(collection(l, "authors"));
  CHECK_FALSE(collection(l, "authors")->output);
  CHECK(collection(l, "authors")->permalink == "/:collection/:path:output_ext");
}

TEST_CASE("jekyll site: apply_site makes the site root the content folder") {
  folio::test::TempDir site;
  site.write("_config.yml", "future: true\n");
  folio::IndexSettings settings;
  settings.site_root = site.path();
  folio::apply_site(settings);
  CHECK(settings.content_dirs == std::vector<std::string>{site.path()});
  CHECK(settings.include_future);
  CHECK(settings.taxonomies.empty());  // tags and categories are folio's own fields
  CHECK(settings.language == "en");
}

TEST_CASE("jekyll site: front matter defaults that give a permalink or published") {
  folio::test::TempDir site;
  site.write("_config.yml",
             "defaults:\n"
             "  - scope: {path: \"\"}\n    values: {layout: default}\n"
             "  - scope: {path: docs, type: page}\n    values: {permalink: /manual/:basename/}\n"
             "  - scope: {type: posts}\n    values: {published: false, layout: post}\n"
             "  - values: {permalink: /:title/}\n"
             "  - scope: {path: x}\n");
  const SiteSettings s = folio::read_site(site.path());
  REQUIRE(s.jekyll.defaults.size() == 3);  // layout only, and a set without values, are skipped
  CHECK(s.jekyll.defaults[0].path == "docs");
  CHECK(s.jekyll.defaults[0].type == "pages");  // Jekyll's deprecated "page"
  CHECK(s.jekyll.defaults[0].permalink == "/manual/:basename/");
  CHECK(s.jekyll.defaults[1].type == "posts");
  CHECK(s.jekyll.defaults[1].published == "false");
  CHECK(s.jekyll.defaults[1].permalink.empty());
  CHECK_FALSE(s.jekyll.defaults[2].has_type);
  CHECK(s.jekyll.defaults[2].permalink == "/:title/");
}
