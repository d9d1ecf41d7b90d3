// Jekyll's configuration (https://jekyllrb.com/docs/configuration/), read as Jekyll 4.3 reads it:
// the first of _config.yml, _config.yaml and _config.toml at the site root. Only what decides
// which pages exist and where is read: baseurl, permalink, collections and collections_dir,
// include/exclude (with Jekyll's default excludes), destination, show_drafts, future,
// unpublished, the permalink and published values of front matter defaults, and `lang` for the
// stemming language.
#include <filesystem>

#include "base/text.hpp"
#include "site/config_tree.hpp"
#include "site/jekyll_url.hpp"
#include "site/site_readers.hpp"
#include "site/url_path.hpp"

namespace folio::detail {
namespace {

namespace fs = std::filesystem;

// Jekyll 4.3's Configuration::DEFAULT_EXCLUDES, added to every site's `exclude`.
constexpr const char* kDefaultExcludes[] = {
    ".sass-cache",  ".jekyll-cache",  "gemfiles",      "Gemfile",      "Gemfile.lock",
    "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"};

void add_unique(std::vector<std::string>& values, const std::string& value) {
  for (const std::string& existing : values)
    if (existing == value) return;
  values.push_back(value);
}

// `collections: [recipes]` or `collections: {recipes: {output: true, permalink: ...}}`; posts are
// always a collection, always written.
void read_collections(const DataNode& config, SiteSettings& site) {
  JekyllOptions& jekyll = site.jekyll;
  JekyllCollection posts{"posts", true, {}};
  std::vector<JekyllCollection> others;
  if (const DataNode* collections = config.find("collections")) {
    for (const DataNode& entry : collections->children) {
      JekyllCollection collection;
      if (collections->kind == DataKind::array) {
        if (entry.kind != DataKind::string) continue;
        collection.label = entry.text;
      } else {
        collection.label = entry.key;
        if (entry.kind == DataKind::table) {
          collection.output = tree_bool(entry, "output", false);
          collection.permalink = tree_string(entry, "permalink");
        }
      }
      if (collection.label == "posts") {
        posts.permalink = collection.permalink;
      } else if (!collection.label.empty() && collection.label != "data") {
        others.push_back(std::move(collection));
      }
    }
  }
  if (posts.permalink.empty()) posts.permalink = jekyll_style_pattern(jekyll.permalink_style);
  jekyll.collections.push_back(std::move(posts));
  for (JekyllCollection& collection : others) {
    if (collection.permalink.empty())
      collection.permalink = jekyll_with_suffix("/:collection/:path", jekyll.permalink_style);
    if (!collection.output)
      site.notes.push_back("collection " + collection.label + " has no output: true; not indexed");
    jekyll.collections.push_back(std::move(collection));
  }
  for (const JekyllCollection& collection : jekyll.collections)
    if (collection.output) site.permalinks[collection.label] = collection.permalink;
}

// `lang: en-US` (a convention of themes, not a Jekyll setting) gives the stemming language.
void read_language(const DataNode& config, SiteSettings& site) {
  std::string lang = ascii_lower(tree_string(config, "lang"));
  const std::size_t cut = lang.find_first_of("-_");
  if (cut != std::string::npos) lang.resize(cut);
  if (lang.empty()) return;
  site.default_language = lang;
  site.languages.push_back(SiteLanguage{lang, {}, 0});
}

// `defaults: [{scope: {path: "", type: posts}, values: {permalink: ..., published: false}}]`: the
// sets that give a permalink or published value (the only values folio uses), in order.
void read_defaults(const DataNode& config, SiteSettings& site) {
  const DataNode* defaults = config.find("defaults");
  if (!defaults || defaults->kind != DataKind::array) return;
  for (const DataNode& set : defaults->children) {
    if (set.kind != DataKind::table) continue;
    const DataNode* values = set.find("values");
    if (!values || values->kind != DataKind::table) continue;  // Jekyll skips it with a warning
    JekyllDefault entry;
    if (const DataNode* scope = set.find("scope"); scope && scope->kind == DataKind::table) {
      entry.path = tree_string(*scope, "path");
      if (const DataNode* type = scope->find("type"); type && type->is_scalar()) {
        entry.has_type = true;
        entry.type = type->text;
        // Jekyll's deprecated singular types.
        if (entry.type == "page" || entry.type == "post" || entry.type == "draft")
          entry.type += 's';
      }
    }
    entry.permalink = tree_string(*values, "permalink");
    if (const DataNode* published = values->find("published"); published && published->is_scalar())
      entry.published = ascii_lower(published->text);
    if (!entry.permalink.empty() || !entry.published.empty())
      site.jekyll.defaults.push_back(std::move(entry));
  }
}

std::string without_slashes(std::string text) {
  while (!text.empty() && text.front() == '/')
    text.erase(0, 1);
  while (!text.empty() && text.back() == '/')
    text.pop_back();
  return text;
}

// A folder of the config ("./public/", "/srv/site/_site") as a path from the site root.
std::string relative_folder(const std::string& root, const std::string& folder) {
  fs::path path(folder);
  if (path.is_absolute()) path = path.lexically_relative(fs::path(root).lexically_normal());
  return without_slashes(path.lexically_normal().generic_string());
}

}  // namespace

std::string jekyll_config_file(const std::string& root) {
  for (const char* name : {"_config.yml", "_config.yaml", "_config.toml"}) {
    const fs::path candidate = fs::path(root) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return {};
}

SiteSettings read_jekyll_site(const std::string& root, const std::string& file) {
  SiteSettings site;
  site.generator = SiteGenerator::jekyll;
  site.root = root;
  site.config_files = {file};
  const DataNode config = read_config_tree(file, KeyCase::keep);
  JekyllOptions& jekyll = site.jekyll;
  site.base_path = base_path_of_url(tree_string(config, "baseurl"));
  jekyll.permalink_style = tree_string(config, "permalink", "date");
  jekyll.collections_dir = without_slashes(tree_string(config, "collections_dir"));
  read_collections(config, site);
  jekyll.include = tree_strings(config, "include");
  const DataNode* exclude = config.find("exclude");
  if (!exclude || exclude->kind != DataKind::null) {  // `exclude: null` drops the defaults too
    jekyll.exclude = tree_strings(config, "exclude");
    for (const char* pattern : kDefaultExcludes)
      add_unique(jekyll.exclude, pattern);
  }
  jekyll.destination = relative_folder(root, tree_string(config, "destination", "_site"));
  jekyll.unpublished = tree_bool(config, "unpublished", false);
  jekyll.timezone = tree_string(config, "timezone");
  site.build_drafts = tree_bool(config, "show_drafts", false);
  site.build_future = tree_bool(config, "future", false);
  site.build_expired = true;  // Jekyll has no expiry date
  site.taxonomies = {"tags", "categories"};
  read_language(config, site);
  // The site root is the content folder: place_pages (src/content/jekyll_pages.cpp) leaves out
  // what Jekyll does not read (_layouts, _site, node_modules, files without front matter, ...).
  site.content_dirs.push_back(fs::path(root).lexically_normal().string());
  read_defaults(config, site);
  return site;
}

}  // namespace folio::detail
