// Reading Zola's config.toml. Zola is not packaged for Debian 12: the cases follow Zola's
// documentation (getting-started/configuration, content/multilingual, content/taxonomies).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "folio/error.hpp"
#include "folio/site.hpp"
#include "test_support.hpp"

using folio::SiteGenerator;
using folio::SiteSettings;
using folio::ZolaSlugify;

namespace {

std::vector<std::string> codes(const SiteSettings& site) {
  std::vector<std::string> out;
  for (const folio::SiteLanguage& language : site.languages)
    out.push_back(language.code);
  return out;
}

}  // namespace

TEST_CASE("zola site: config.toml with base_url is Zola; its path is the base path") {
  folio::test::TempDir site;
  site.write("config.toml", "base_url = \"https://example.org/docs\"\ntitle = \"x\"\n");
  CHECK(folio::detect_site(site.path()) == SiteGenerator::zola);
  const SiteSettings s = folio::read_site(site.path());
  CHECK(s.generator == SiteGenerator::zola);
  CHECK(s.base_path == "/docs/");
  CHECK(s.default_language == "en");  // Zola's default
  CHECK(codes(s) == std::vector<std::string>{"en"});
  CHECK(s.content_dirs == std::vector<std::string>{site.join("content")});
  CHECK(s.taxonomies.empty());  // Zola has no default taxonomy
  CHECK(s.build_future);        // Zola publishes future-dated pages
  CHECK_FALSE(s.build_drafts);  // only `zola build --drafts`
  CHECK(s.zola.slugify_paths == ZolaSlugify::on);
  CHECK_FALSE(s.zola.paths_keep_dates);

  folio::test::TempDir root_url;
  root_url.write("config.toml", "base_url = \"https://example.org\"\n");
  CHECK(folio::read_site(root_url.path()).base_path == "/");
}

TEST_CASE("zola site: [languages.xx] tables (Zola 0.16+) with their own taxonomies") {
  folio::test::TempDir site;
  site.write("config.toml",
             "base_url = \"https://example.org/\"\ndefault_language = \"en\"\n"
             "taxonomies = [{name = \"tags\"}, {name = \"Topics\", feed = true}]\n"
             "[languages.fr]\ntitle = \"Mon site\"\n"
             "taxonomies = [{name = \"tags\"}, {name = \"auteurs\"}]\n"
             "[languages.pt-BR]\ntitle = \"x\"\n"
             "[slugify]\npaths = \"safe\"\npaths_keep_dates = true\n");
  const SiteSettings s = folio::read_site(site.path());
  CHECK(codes(s) == std::vector<std::string>{"en", "fr", "pt-BR"});  // case kept, as in URLs
  CHECK(s.taxonomies == std::vector<std::string>{"tags", "topics", "auteurs"});
  CHECK(s.zola.slugify_paths == ZolaSlugify::safe);
  CHECK(s.zola.paths_keep_dates);
}

TEST_CASE("zola site: the languages list of Zola before 0.16") {
  folio::test::TempDir site;
  site.write("config.toml",
             "base_url = \"https://example.org/\"\ndefault_language = \"fr\"\n"
             "languages = [{code = \"en\", feed = true}, {code = \"it\", search = false}]\n"
             "taxonomies = [{name = \"categories\", lang = \"en\"}]\n"
             "ignored_content = [\"*.xlsx\", \"drafts/**\"]\n[slugify]\npaths = \"off\"\n");
  const SiteSettings s = folio::read_site(site.path());
  CHECK(s.default_language == "fr");
  CHECK(codes(s) == std::vector<std::string>{"fr", "en", "it"});
  CHECK(s.taxonomies == std::vector<std::string>{"categories"});
  CHECK(s.zola.ignored_content == std::vector<std::string>{"*.xlsx", "drafts/**"});
  CHECK(s.zola.slugify_paths == ZolaSlugify::off);
}

TEST_CASE("zola site: zola.toml, which Zola after 0.22.1 reads before config.toml") {
  folio::test::TempDir site;
  site.write("zola.toml", "base_url = \"https://example.org/new\"\n");
  site.write("config.toml", "base_url = \"https://example.org/old\"\n");
  CHECK(folio::detect_site(site.path()) == SiteGenerator::zola);
  const SiteSettings s = folio::read_site(site.path());
  CHECK(s.base_path == "/new/");
  CHECK(s.config_files == std::vector<std::string>{site.join("zola.toml")});
}

TEST_CASE("zola site: a config.toml without base_url is Hugo's") {
  folio::test::TempDir site;
  site.write("config.toml", "baseURL = \"https://example.org/\"\n");
  CHECK(folio::detect_site(site.path()) == SiteGenerator::hugo);
}

TEST_CASE("zola site: apply_site takes the content folder, language and custom taxonomies") {
  folio::test::TempDir site;
  site.write("config.toml",
             "base_url = \"https://example.org/\"\ndefault_language = \"de\"\n"
             "taxonomies = [{name = \"tags\"}, {name = \"series\"}, {name = \"topics\"}]\n");
  site.write("content/_index.md", "+++\n+++\n");
  folio::IndexSettings settings;
  settings.site_root = site.path();
  folio::apply_site(settings);
  CHECK(settings.content_dirs == std::vector<std::string>{site.join("content")});
  CHECK(settings.language == "de");
  CHECK(settings.taxonomies == std::vector<std::string>{"topics"});  // tags, series: folio fields
  CHECK(settings.include_future);
  CHECK_FALSE(settings.include_drafts);
}

TEST_CASE("zola site: a broken config.toml names its line") {
  folio::test::TempDir site;
  site.write("config.toml", "base_url = \"https://example.org/\"\n[languages.fr\n");
  try {
    folio::read_site(site.path());
    FAIL("expected an error");
  } catch (const folio::Error& e) {
    CHECK(e.code() == folio::ErrorCode::parse);
    CHECK(e.where().line == 2);
  }
}
