#include "content/site_pages.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "base/text.hpp"
#include "folio/error.hpp"
#include "folio/front_matter.hpp"
#include "folio/url.hpp"

namespace folio::detail {
namespace {

namespace fs = std::filesystem;

// "posts/x/index.fr.md" -> "index"; "a/_index.md" -> "_index".
std::string base_name(const SourceFile& file, const IndexSettings& settings) {
  const std::string name = fs::path(file.relative_path).stem().string();
  const std::string language = language_of_file_name(
      file.relative_path,
      settings.site.generator == SiteGenerator::none ? nullptr : &settings.site.languages);
  if (language.empty()) return name;
  return name.substr(0, name.size() - language.size() - 1);
}

const std::string& root_language(const SourceFile& file, const IndexSettings& settings) {
  static const std::string none;
  if (file.root >= settings.content_dirs.size()) return none;
  const std::string& root = settings.content_dirs[file.root];
  for (const SiteLanguage& language : settings.site.languages)
    if (!language.content_dir.empty() && language.content_dir == root) return language.code;
  return none;
}

bool says_never_render(const FrontMatter& front_matter, const std::string& prefix) {
  for (const auto& [key, value] : front_matter.fields) {
    const std::string lowered = ascii_lower(key);
    if (lowered != prefix + "_build.render" && lowered != prefix + "build.render") continue;
    if (value.items.empty()) continue;
    const std::string render = ascii_lower(value.items.front());
    if (render == "never" || render == "false" || render == "link") return true;
  }
  return false;
}

bool has_cascade_target(const FrontMatter& front_matter) {
  for (const auto& [key, value] : front_matter.fields)
    if (ascii_lower(key).rfind("cascade._target.", 0) == 0) return true;
  return false;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The section folders of the content tree (every top-level folder, and each folder with an
// _index file), the leaf bundles (folders with an index file), and the folders an _index file
// cascades `render: never` to.
struct ContentTree {
  std::set<std::string> sections;
  std::set<std::string> leaf_bundles;
  std::map<std::string, std::string> unrendered;  // folder -> the _index file saying so
};

ContentTree read_tree(const std::vector<SourceFile>& files, const IndexSettings& settings,
                      std::vector<std::string>& warnings) {
  ContentTree tree;
  for (const SourceFile& file : files) {
    const std::string folder = folder_of(file.relative_path);
    if (!folder.empty()) tree.sections.insert(folder.substr(0, folder.find('/')));
    const std::string name = base_name(file, settings);
    if (name == "index" && !folder.empty()) tree.leaf_bundles.insert(folder);
    if (name != "_index") continue;
    tree.sections.insert(folder);
    try {
      const std::string text = read_all(file.path);
      const FrontMatter front_matter = parse_front_matter(text, file.path);
      if (says_never_render(front_matter, "cascade.")) {
        if (has_cascade_target(front_matter)) {
          warnings.push_back(file.path +
                             ": a cascade with _target is not applied; its pages are indexed");
        } else {
          tree.unrendered.emplace(folder, file.path);
        }
      }
    } catch (const Error&) {
      // The file's own parse reports it with its line; here it only cascades nothing.
    }
  }
  return tree;
}

// The nearest folder at or above `folder` in `folders`, or nullptr.
template <typename Value>
const Value* nearest(const std::map<std::string, Value>& by_folder, std::string folder) {
  for (;;) {
    auto it = by_folder.find(folder);
    if (it != by_folder.end()) return &it->second;
    if (folder.empty()) return nullptr;
    folder = folder_of(folder);
  }
}

std::string nearest_section(const std::set<std::string>& sections, std::string folder) {
  while (!folder.empty() && !sections.count(folder))
    folder = folder_of(folder);
  return folder;
}

std::string bundle_owning(const std::set<std::string>& bundles, std::string folder) {
  while (!folder.empty()) {
    if (bundles.count(folder)) return folder;
    folder = folder_of(folder);
  }
  return {};
}

std::vector<std::regex> ignore_patterns(const SiteSettings& site,
                                        std::vector<std::string>& warnings) {
  std::vector<std::regex> patterns;
  for (const std::string& pattern : site.ignore_files) {
    try {
      patterns.emplace_back(pattern);
    } catch (const std::regex_error&) {
      warnings.push_back("ignoreFiles: cannot read the pattern \"" + pattern + "\"; not applied");
    }
  }
  return patterns;
}

}  // namespace

std::string folder_of(const std::string& relative_path) {
  const std::size_t slash = relative_path.rfind('/');
  return slash == std::string::npos ? std::string() : relative_path.substr(0, slash);
}

std::vector<PagePlace> place_pages(const std::vector<SourceFile>& files,
                                   const IndexSettings& settings,
                                   std::vector<std::string>& warnings) {
  if (settings.site.generator == SiteGenerator::zola)
    return place_zola_pages(files, settings, warnings);
  if (settings.site.generator == SiteGenerator::jekyll) return place_jekyll_pages(files, settings);
  const ContentTree tree = read_tree(files, settings, warnings);
  const std::vector<std::regex> ignored = ignore_patterns(settings.site, warnings);
  std::vector<PagePlace> places(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const SourceFile& file = files[i];
    PagePlace& place = places[i];
    place.content_language = root_language(file, settings);
    const std::string folder = folder_of(file.relative_path);
    const std::string name = base_name(file, settings);
    place.section_path = nearest_section(tree.sections, folder);
    const std::string bundle = bundle_owning(tree.leaf_bundles, folder);
    if (!bundle.empty() && !(name == "index" && folder == bundle)) {
      place.not_a_page = "a resource of the page bundle " + bundle + "/, not a page";
    }
    const std::string absolute = fs::absolute(file.path).lexically_normal().string();
    for (std::size_t p = 0; p < ignored.size() && place.not_a_page.empty(); ++p) {
      if (std::regex_search(absolute, ignored[p]))
        place.not_a_page = "matches ignoreFiles \"" + settings.site.ignore_files[p] + "\"";
    }
    // A cascade applies to its _index file's own page too, as Hugo applies it.
    if (const std::string* by = nearest(tree.unrendered, folder)) place.unrendered_by = *by;
  }
  return places;
}

std::string page_id(const SourceFile& file, const IndexSettings& settings) {
  std::string id = article_id(file.relative_path);
  const std::string& language = root_language(file, settings);
  if (language.empty() || language == settings.site.default_language) return id;
  if (!language_of_file_name(file.relative_path, &settings.site.languages).empty()) return id;
  return id + "." + language;
}

}  // namespace folio::detail
