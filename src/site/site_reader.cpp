// Which generator a site uses, and its settings applied to an index run.
#include <algorithm>
#include <filesystem>

#include "folio/error.hpp"
#include "folio/site.hpp"
#include "site/config_tree.hpp"
#include "site/site_readers.hpp"

namespace folio {
namespace {

namespace fs = std::filesystem;

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// Zola's config.toml has `base_url`; Hugo's spells it baseURL (any case, no underscore). Zola after
// 0.22.1 reads zola.toml first, which is Zola's alone.
bool is_zola_config(const fs::path& path) {
  if (!is_file(path)) return false;
  const detail::DataNode tree = detail::read_config_tree(path.string());
  return tree.find("base_url") != nullptr;
}

bool taken_from_site(const IndexSettings& settings, const char* key) {
  return settings.explicit_keys.count(key) == 0;
}

// Folio has fields of its own for these; a site's taxonomy of the same name fills them.
bool is_built_in_field(const std::string& taxonomy) {
  return taxonomy == "tags" || taxonomy == "categories" || taxonomy == "authors" ||
         taxonomy == "series";
}

std::vector<std::string> site_content_dirs(SiteSettings& site) {
  std::vector<std::string> dirs = site.content_dirs;
  for (const SiteLanguage& language : site.languages)
    if (!language.content_dir.empty()) dirs.push_back(language.content_dir);
  std::vector<std::string> existing;
  std::error_code ec;
  for (const std::string& dir : dirs) {
    if (std::find(existing.begin(), existing.end(), dir) != existing.end()) continue;
    if (fs::is_directory(dir, ec)) {
      existing.push_back(dir);
    } else {
      site.notes.push_back("content folder " +
                           fs::path(dir).lexically_relative(site.root).string() +
                           " does not exist; skipped");
    }
  }
  return existing;
}

}  // namespace

const char* generator_name(SiteGenerator generator) noexcept {
  switch (generator) {
    case SiteGenerator::hugo:
      return "hugo";
    case SiteGenerator::zola:
      return "zola";
    case SiteGenerator::jekyll:
      return "jekyll";
    case SiteGenerator::none:
      break;
  }
  return "none";
}

SiteGenerator detect_site(const std::string& folder) {
  const fs::path root(folder);
  if (is_file(root / "_config.yml") || is_file(root / "_config.yaml") ||
      is_file(root / "_config.toml")) {
    return SiteGenerator::jekyll;
  }
  if (is_file(root / "zola.toml") || is_zola_config(root / "config.toml"))
    return SiteGenerator::zola;
  if (!detail::hugo_config_files(folder).empty()) return SiteGenerator::hugo;
  return SiteGenerator::none;
}

SiteSettings read_site(const std::string& root) {
  switch (detect_site(root)) {
    case SiteGenerator::hugo:
      return detail::read_hugo_site(root, detail::hugo_config_files(root));
    case SiteGenerator::zola:
      return detail::read_zola_site(root);
    case SiteGenerator::jekyll:
      return detail::read_jekyll_site(root, detail::jekyll_config_file(root));
    case SiteGenerator::none:
      break;
  }
  return SiteSettings{};
}

bool is_known_shortcode(const SiteSettings& site, const std::string& name) {
  // Hugo's embedded shortcodes, 0.111 and later versions.
  static constexpr const char* kBuiltIn[] = {
      "comment",        "details", "figure",       "gist",   "highlight", "instagram",
      "param",          "qr",      "ref",          "relref", "tweet",     "twitter",
      "twitter_simple", "vimeo",   "vimeo_simple", "x",      "youtube"};
  if (!site.shortcodes_known) return true;
  for (const char* built_in : kBuiltIn)
    if (name == built_in) return true;
  return std::find(site.shortcodes.begin(), site.shortcodes.end(), name) != site.shortcodes.end();
}

std::string describe_site(const SiteSettings& site) {
  if (site.generator == SiteGenerator::none) return {};
  std::string out = generator_name(site.generator);
  out += " (";
  for (std::size_t i = 0; i < site.config_files.size(); ++i) {
    if (i) out += ", ";
    out += fs::path(site.config_files[i]).filename().string();
  }
  out += "); base path ";
  out += site.base_path;
  out += "; languages";
  for (const SiteLanguage& language : site.languages) {
    out += ' ';
    out += language.code;
    if (language.code == site.default_language) out += " (default)";
  }
  if (!site.permalinks.empty()) {
    out += "; permalinks";
    for (const auto& [section, pattern] : site.permalinks) {
      out += ' ';
      out += section;
      out += '=';
      out += pattern;
    }
  }
  if (!site.taxonomies.empty()) {
    out += "; taxonomies";
    for (const std::string& taxonomy : site.taxonomies) {
      out += ' ';
      out += taxonomy;
    }
  }
  for (const std::string& note : site.notes) {
    out += "; ";
    out += note;
  }
  return out;
}

void apply_site(IndexSettings& settings) {
  if (settings.site_root.empty()) return;
  SiteSettings site = read_site(settings.site_root);
  if (site.generator == SiteGenerator::none) {
    throw Error(ErrorCode::config,
                "no Hugo, Zola or Jekyll configuration found in this folder (hugo.toml, "
                "config.toml, _config.yml, ...)",
                SourceLocation{settings.site_root});
  }
  if (taken_from_site(settings, "content")) settings.content_dirs = site_content_dirs(site);
  if (taken_from_site(settings, "language") && !site.default_language.empty())
    settings.language = site.default_language;
  if (taken_from_site(settings, "taxonomies")) {
    settings.taxonomies.clear();
    for (const std::string& taxonomy : site.taxonomies)
      if (!is_built_in_field(taxonomy)) settings.taxonomies.push_back(taxonomy);
  }
  if (taken_from_site(settings, "include_drafts")) settings.include_drafts = site.build_drafts;
  if (taken_from_site(settings, "include_future")) settings.include_future = site.build_future;
  if (taken_from_site(settings, "include_expired")) settings.include_expired = site.build_expired;
  settings.site = std::move(site);
}

}  // namespace folio
