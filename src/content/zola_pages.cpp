// Which files of a Zola site's content/ folder are pages, as Zola's Site::load reads them
// (components/site/src/lib.rs): every .md file except _index files, which make sections. A
// colocated page's other .md files are pages too (Zola has no bundle resources written in
// Markdown). Files matching ignored_content are skipped; a section whose _index.md says
// draft = true is skipped with everything below it unless drafts are built; a section or page
// with render = false writes no page of its own (article_parser.cpp reads that).
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "content/site_pages.hpp"
#include "folio/error.hpp"
#include "folio/front_matter.hpp"

namespace folio::detail {
namespace {

namespace fs = std::filesystem;

std::string file_name(const std::string& relative_path) {
  const std::size_t slash = relative_path.rfind('/');
  return slash == std::string::npos ? relative_path : relative_path.substr(slash + 1);
}

// The _index files Zola loads: _index.md and _index.LANG.md for each other configured language.
bool is_loaded_index(const std::string& name, const SiteSettings& site) {
  if (name == "_index.md") return true;
  for (const SiteLanguage& language : site.languages) {
    if (language.code != site.default_language && name == "_index." + language.code + ".md")
      return true;
  }
  return false;
}

bool says_draft(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const FrontMatter front_matter = parse_front_matter(text.str(), path);
    auto it = front_matter.fields.find("draft");
    return it != front_matter.fields.end() && !it->second.items.empty() &&
           it->second.items.front() == "true";
  } catch (const Error&) {
    return false;  // the file's own parse reports it
  }
}

// A glob of ignored_content as Zola's globset reads it: * and ** match any characters, '/'
// included; ? one character; [..] a class; {a,b} alternatives. Matched against the whole path.
std::optional<std::regex> glob_regex(const std::string& glob) {
  std::string pattern;
  int braces = 0;
  for (std::size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*') {
      pattern += ".*";
      while (i + 1 < glob.size() && glob[i + 1] == '*')
        ++i;
    } else if (c == '?') {
      pattern += '.';
    } else if (c == '[') {
      const std::size_t close = glob.find(']', i + 2);
      if (close == std::string::npos) return std::nullopt;
      std::string inside = glob.substr(i + 1, close - i - 1);
      if (!inside.empty() && inside[0] == '!') inside[0] = '^';
      pattern += '[' + inside + ']';
      i = close;
    } else if (c == '{') {
      pattern += "(?:";
      ++braces;
    } else if (c == '}' && braces > 0) {
      pattern += ')';
      --braces;
    } else if (c == ',' && braces > 0) {
      pattern += '|';
    } else {
      if (std::string_view("\\^$.|+()[]{}").find(c) != std::string_view::npos) pattern += '\\';
      pattern += c;
    }
  }
  if (braces != 0) return std::nullopt;
  try {
    return std::regex(pattern);
  } catch (const std::regex_error&) {
    return std::nullopt;
  }
}

}  // namespace

std::vector<PagePlace> place_zola_pages(const std::vector<SourceFile>& files,
                                        const IndexSettings& settings,
                                        std::vector<std::string>& warnings) {
  const SiteSettings& site = settings.site;
  std::vector<std::pair<std::string, std::regex>> ignored;
  for (const std::string& glob : site.zola.ignored_content) {
    if (auto regex = glob_regex(glob)) {
      ignored.emplace_back(glob, std::move(*regex));
    } else {
      warnings.push_back("ignored_content: cannot read the glob \"" + glob + "\"; not applied");
    }
  }
  // Sections (folders with a loaded _index file), and those a draft _index takes out.
  std::map<std::string, std::string> draft_sections;  // folder -> its _index file
  std::map<std::string, bool> sections;
  for (const SourceFile& file : files) {
    if (!is_loaded_index(file_name(file.relative_path), site)) continue;
    const std::string folder = folder_of(file.relative_path);
    sections[folder] = true;
    if (says_draft(file.path)) draft_sections.emplace(folder, file.path);
  }
  std::vector<PagePlace> places(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const SourceFile& file = files[i];
    PagePlace& place = places[i];
    const std::string name = file_name(file.relative_path);
    std::string folder = folder_of(file.relative_path);
    if (fs::path(name).extension() != ".md") {
      place.not_a_page = "Zola reads only .md files";
    } else if (name.rfind("_index.", 0) == 0 && !is_loaded_index(name, site)) {
      place.not_a_page = "an _index file for a language the site does not configure";
    }
    const std::string absolute = fs::absolute(file.path).lexically_normal().string();
    for (const auto& [glob, regex] : ignored) {
      if (place.not_a_page.empty() && std::regex_match(absolute, regex))
        place.not_a_page = "matches ignored_content \"" + glob + "\"";
    }
    // A draft section's _index is the draft itself (its front matter says so); below it every
    // file is. Zola skips the section's folder, sub-sections included.
    for (std::string at = folder;; at = folder_of(at)) {
      auto draft = draft_sections.find(at);
      if (draft != draft_sections.end() && draft->second != file.path) {
        place.draft_by = draft->second;
        break;
      }
      if (at.empty()) break;
    }
    while (!folder.empty() && !sections.count(folder))
      folder = folder_of(folder);
    place.section_path = folder;
  }
  return places;
}

}  // namespace folio::detail
