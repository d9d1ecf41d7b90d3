// Hugo's configuration: https://gohugo.io/getting-started/configuration/. Only what decides which
// pages exist and where is read; themes, outputs and params are not.
#include <algorithm>
#include <filesystem>

#include "base/text.hpp"
#include "site/config_tree.hpp"
#include "site/site_readers.hpp"

namespace folio::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRootConfigNames[] = {"hugo.toml",  "hugo.yaml",   "hugo.yml",
                                            "hugo.json",  "config.toml", "config.yaml",
                                            "config.yml", "config.json"};

bool is_config_extension(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".toml" || ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// config/_default/params.toml holds the `params` table; hugo.toml and config.toml hold the root.
// Language-specific files (menus.en.toml) are left out: nothing in them decides a page's URL.
void add_config_dir(const fs::path& dir, std::vector<std::string>& files) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && is_config_extension(entry.path()))
      found.push_back(entry.path().string());
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
}

DataNode merged_config(const std::vector<std::string>& files) {
  DataNode root;
  root.kind = DataKind::table;
  for (const std::string& file : files) {
    DataNode tree = read_config_tree(file);
    const std::string stem = fs::path(file).stem().string();
    const bool whole = stem == "hugo" || stem == "config";
    if (!whole) {
      if (stem.find('.') != std::string::npos) continue;  // menus.en.toml
      DataNode wrapper;
      wrapper.kind = DataKind::table;
      tree.key = ascii_lower(stem);
      wrapper.children.push_back(std::move(tree));
      tree = std::move(wrapper);
    }
    merge_tree(root, std::move(tree));
  }
  return root;
}

std::string path_of_url(const std::string& url) {
  std::string path = url;
  const std::size_t scheme = path.find("://");
  if (scheme != std::string::npos) {
    const std::size_t slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? "/" : path.substr(slash);
  }
  if (path.empty() || path.front() != '/') path = std::string(1, '/').append(path);
  if (path.back() != '/') path += '/';
  return path;
}

std::string resolve(const std::string& root, const std::string& dir) {
  fs::path path(dir);
  if (path.is_absolute()) return path.lexically_normal().string();
  std::string joined = (fs::path(root) / path).lexically_normal().string();
  while (joined.size() > 1 && joined.back() == '/')
    joined.pop_back();
  return joined;
}

void read_languages(const DataNode& config, SiteSettings& site) {
  site.default_language = ascii_lower(tree_string(config, "defaultcontentlanguage", "en"));
  site.default_language_in_subdir = tree_bool(config, "defaultcontentlanguageinsubdir", false);
  std::vector<std::string> disabled = tree_strings(config, "disablelanguages");
  const DataNode* languages = config.find("languages");
  if (languages && languages->kind == DataKind::table) {
    for (const DataNode& language : languages->children) {
      if (language.kind != DataKind::table) continue;
      const std::string code = ascii_lower(language.key);
      if (tree_bool(language, "disabled", false) ||
          std::find(disabled.begin(), disabled.end(), code) != disabled.end()) {
        site.notes.push_back("language " + code + " is disabled");
        continue;
      }
      SiteLanguage entry{code, {}, tree_int(language, "weight", 0)};
      const std::string dir = tree_string(language, "contentdir");
      if (!dir.empty()) entry.content_dir = resolve(site.root, dir);
      site.languages.push_back(std::move(entry));
    }
  }
  if (site.languages.empty()) site.languages.push_back(SiteLanguage{site.default_language, {}, 0});
  std::stable_sort(site.languages.begin(), site.languages.end(),
                   [](const SiteLanguage& a, const SiteLanguage& b) {
                     if (a.weight != b.weight) return a.weight < b.weight;
                     return a.code < b.code;
                   });
}

// Module mounts that target content replace the default content folder. A mount names its
// language with `lang` (Hugo 0.111) or `sites.matrix.languages` (later versions).
bool read_content_mounts(const DataNode& config, SiteSettings& site) {
  const DataNode* module = config.find("module");
  const DataNode* mounts = module ? module->find("mounts") : nullptr;
  if (!mounts || mounts->kind != DataKind::array) return false;
  bool any = false;
  for (const DataNode& mount : mounts->children) {
    if (mount.kind != DataKind::table) continue;
    if (tree_string(mount, "target") != "content") continue;
    const std::string source = tree_string(mount, "source");
    if (source.empty()) continue;
    any = true;
    std::string language = ascii_lower(tree_string(mount, "lang"));
    if (const DataNode* sites = mount.find("sites")) {
      if (const DataNode* matrix = sites->find("matrix")) {
        std::vector<std::string> codes = tree_strings(*matrix, "languages");
        if (codes.size() == 1) language = ascii_lower(codes.front());
      }
    }
    const std::string dir = resolve(site.root, source);
    if (language.empty()) {
      site.content_dirs.push_back(dir);
      continue;
    }
    auto entry = std::find_if(site.languages.begin(), site.languages.end(),
                              [&](const SiteLanguage& l) { return l.code == language; });
    if (entry == site.languages.end()) {
      site.notes.push_back("module mount " + source + " is for language " + language +
                           ", which is not configured; skipped");
    } else if (entry->content_dir.empty()) {
      entry->content_dir = dir;
    } else {
      site.notes.push_back("module mount " + source + ": language " + language +
                           " has a content folder already; skipped");
    }
  }
  return any;
}

void read_content_dirs(const DataNode& config, SiteSettings& site) {
  if (read_content_mounts(config, site)) return;
  const std::string shared = resolve(site.root, tree_string(config, "contentdir", "content"));
  const bool every_language_has_its_own =
      std::all_of(site.languages.begin(), site.languages.end(),
                  [](const SiteLanguage& l) { return !l.content_dir.empty(); });
  if (!every_language_has_its_own) site.content_dirs.push_back(shared);
}

// `permalinks: {news: ":year/:slug/"}`, or by kind as Hugo 0.120 reads it:
// `[permalinks.page] news = ...`. Section pages keep their path either way.
void read_permalinks(const DataNode& config, SiteSettings& site) {
  const DataNode* permalinks = config.find("permalinks");
  if (!permalinks || permalinks->kind != DataKind::table) return;
  for (const DataNode& entry : permalinks->children) {
    if (entry.kind == DataKind::string) {
      site.permalinks[entry.key] = entry.text;
    } else if (entry.kind == DataKind::table && entry.key == "page") {
      for (const DataNode& by_section : entry.children)
        if (by_section.kind == DataKind::string) site.permalinks[by_section.key] = by_section.text;
    } else if (entry.kind == DataKind::table) {
      site.notes.push_back("permalinks." + entry.key + " (for " + entry.key +
                           " pages) is not used: folio indexes regular pages and keeps section "
                           "and term pages at their paths");
    }
  }
}

void read_taxonomies(const DataNode& config, SiteSettings& site) {
  const DataNode* taxonomies = config.find("taxonomies");
  if (!taxonomies) {
    site.taxonomies = {"tags", "categories"};  // Hugo's default
    return;
  }
  for (const DataNode& entry : taxonomies->children)
    if (entry.kind == DataKind::string && !entry.text.empty())
      site.taxonomies.push_back(ascii_lower(entry.text));
}

// Shortcode templates under `dir` (layouts/shortcodes): "note.html" is "note",
// "docs/alert.en.html" is "docs/alert".
void add_shortcodes(const fs::path& dir, std::vector<std::string>& names) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().lexically_relative(dir).generic_string();
    const std::size_t slash = name.rfind('/');
    const std::size_t dot = name.find('.', slash == std::string::npos ? 0 : slash + 1);
    if (dot != std::string::npos) name.resize(dot);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
}

void read_shortcodes(const DataNode& config, SiteSettings& site) {
  add_shortcodes(fs::path(site.root) / "layouts" / "shortcodes", site.shortcodes);
  site.shortcodes_known = true;
  const fs::path themes = resolve(site.root, tree_string(config, "themesdir", "themes"));
  for (const std::string& theme : tree_strings(config, "theme")) {
    std::error_code ec;
    if (!fs::is_directory(themes / theme, ec)) {
      site.shortcodes_known = false;
      site.notes.push_back("theme " + theme +
                           " is not on disk: the shortcodes the content calls are not checked");
      continue;
    }
    add_shortcodes(themes / theme / "layouts" / "shortcodes", site.shortcodes);
  }
  if (const DataNode* module = config.find("module")) {
    if (const DataNode* imports = module->find("imports"); imports && !imports->children.empty()) {
      site.shortcodes_known = false;
      site.notes.push_back("Hugo module imports are not read: shortcodes are not checked");
    }
  }
}

}  // namespace

std::vector<std::string> hugo_config_files(const std::string& root) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const char* name : kRootConfigNames) {
    const fs::path candidate = fs::path(root) / name;
    if (fs::is_regular_file(candidate, ec)) {
      files.push_back(candidate.string());
      break;
    }
  }
  add_config_dir(fs::path(root) / "config" / "_default", files);
  add_config_dir(fs::path(root) / "config" / "production", files);
  return files;
}

SiteSettings read_hugo_site(const std::string& root, const std::vector<std::string>& files) {
  SiteSettings site;
  site.generator = SiteGenerator::hugo;
  site.root = root;
  site.config_files = files;
  const DataNode config = merged_config(files);
  site.base_path = path_of_url(tree_string(config, "baseurl", "/"));
  read_languages(config, site);
  read_content_dirs(config, site);
  read_permalinks(config, site);
  read_taxonomies(config, site);
  site.ugly_urls = tree_bool(config, "uglyurls", false);
  site.build_drafts = tree_bool(config, "builddrafts", false);
  site.build_future = tree_bool(config, "buildfuture", false);
  site.build_expired = tree_bool(config, "buildexpired", false);
  site.ignore_files = tree_strings(config, "ignorefiles");
  read_shortcodes(config, site);
  return site;
}

}  // namespace folio::detail
