// Zola's configuration (https://www.getzola.org/documentation/getting-started/configuration/):
// zola.toml, which Zola after 0.22.1 reads first, else config.toml.
// Only what decides which pages exist and where is read: base_url, the languages (the
// `[languages.fr]` tables of Zola 0.16 and later, or the `languages = [{code = "fr"}]` list
// before), the taxonomies (also those of each language), slugify.paths and ignored_content.
//
// Zola is not packaged for Debian 12, so these rules are checked against Zola's documentation and
// the examples in it (tests/unit/site/test_zola_site.cpp), not against a Zola build.
#include <algorithm>
#include <filesystem>

#include "base/text.hpp"
#include "site/config_tree.hpp"
#include "site/site_readers.hpp"
#include "site/url_path.hpp"

namespace folio::detail {
namespace {

namespace fs = std::filesystem;

void add_unique(std::vector<std::string>& values, const std::string& value) {
  if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end())
    values.push_back(value);
}

// `taxonomies = [{name = "tags"}, {name = "categories", lang = "fr"}]`. Names are matched against
// front matter keys, which folio looks up in lower case.
void add_taxonomies(const DataNode* list, SiteSettings& site) {
  if (!list || list->kind != DataKind::array) return;
  for (const DataNode& taxonomy : list->children) {
    if (taxonomy.kind == DataKind::table) {
      add_unique(site.taxonomies, ascii_lower(tree_string(taxonomy, "name")));
    }
  }
}

void add_language(SiteSettings& site, const std::string& code) {
  if (code.empty()) return;
  for (const SiteLanguage& language : site.languages)
    if (language.code == code) return;
  const int weight = static_cast<int>(site.languages.size());
  site.languages.push_back(SiteLanguage{code, {}, weight});
}

void read_languages(const DataNode& config, SiteSettings& site) {
  site.default_language = tree_string(config, "default_language", "en");
  add_language(site, site.default_language);
  const DataNode* languages = config.find("languages");
  if (!languages) return;
  if (languages->kind == DataKind::table) {  // Zola 0.16 and later
    for (const DataNode& language : languages->children) {
      add_language(site, language.key);
      if (language.kind == DataKind::table) add_taxonomies(language.find("taxonomies"), site);
    }
  } else if (languages->kind == DataKind::array) {  // before 0.16
    for (const DataNode& language : languages->children)
      if (language.kind == DataKind::table) add_language(site, tree_string(language, "code"));
  }
}

ZolaSlugify slugify_strategy(const DataNode& slugify, SiteSettings& site) {
  const std::string paths = tree_string(slugify, "paths", "on");
  if (paths == "safe") return ZolaSlugify::safe;
  if (paths == "off") return ZolaSlugify::off;
  if (paths != "on")
    site.notes.push_back("slugify.paths = \"" + paths + "\" is not on, safe or off; on is used");
  return ZolaSlugify::on;
}

}  // namespace

std::string zola_config_file(const std::string& root) {
  const fs::path current = fs::path(root) / "zola.toml";  // read first by Zola after 0.22.1
  std::error_code ec;
  if (fs::is_regular_file(current, ec)) return current.string();
  return (fs::path(root) / "config.toml").string();
}

SiteSettings read_zola_site(const std::string& root) {
  SiteSettings site;
  site.generator = SiteGenerator::zola;
  site.root = root;
  site.config_files = {zola_config_file(root)};
  const DataNode config = read_config_tree(site.config_files.front(), KeyCase::keep);
  site.base_path = base_path_of_url(tree_string(config, "base_url", "/"));
  add_taxonomies(config.find("taxonomies"), site);
  read_languages(config, site);
  site.content_dirs.push_back((fs::path(root) / "content").lexically_normal().string());
  // Zola publishes every page whatever its date: there is no future or expiry rule. Drafts only
  // with `zola build --drafts`, which folio's --drafts stands for.
  site.build_future = true;
  site.build_expired = true;
  if (const DataNode* slugify = config.find("slugify");
      slugify && slugify->kind == DataKind::table) {
    site.zola.slugify_paths = slugify_strategy(*slugify, site);
    site.zola.paths_keep_dates = tree_bool(*slugify, "paths_keep_dates", false);
  }
  site.zola.ignored_content = tree_strings(config, "ignored_content");
  if (config.find("build_search_index"))
    site.notes.push_back("build_search_index is Zola's own search; folio indexes every page");
  return site;
}

}  // namespace folio::detail
