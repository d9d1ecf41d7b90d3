// Which content files are pages, and what a file's place in the site says about its page: the
// facts Hugo takes from the content tree rather than from the file itself.
#pragma once

#include <string>
#include <vector>

#include "content/file_walker.hpp"
#include "folio/config.hpp"

namespace folio::detail {

struct PagePlace {
  std::string content_language;  // the language of the file's content folder; "" = shared
  std::string section_path;      // the nearest section above the page ("blog", "docs/guides")
  // Not a page: "a resource of the bundle posts/x" (Markdown beside a leaf bundle's index.md is
  // the bundle's resource), "matches ignoreFiles ...". Such files are left out without a warning.
  std::string not_a_page;
  // An _index file at or above says `cascade: {_build: {render: never}}` (or `build`, as Hugo
  // 0.123+).
  std::string unrendered_by;  // that _index file, or ""
  // The page is a draft by its place: in Jekyll's _drafts/, or below a Zola section whose
  // _index.md says draft = true (that file or folder, else "").
  std::string draft_by;
};

// "a/b/c.md" -> "a/b"; "c.md" -> "". Applied to a folder, its parent.
std::string folder_of(const std::string& relative_path);

// One PagePlace per file, in the same order. Reads the front matter of _index files (for
// cascade) and returns the problems it met reading them in `warnings`. Zola and Jekyll sites are
// placed by their own rules (zola_pages.cpp, jekyll_pages.cpp).
std::vector<PagePlace> place_pages(const std::vector<SourceFile>& files,
                                   const IndexSettings& settings,
                                   std::vector<std::string>& warnings);

// The id of the article in `file`: article_id of its relative path, with ".LANG" added for a file
// in a language's own content folder (content/de/about.md -> "about.de", as about.de.md would
// be), so that translations in per-language folders do not share an id.
std::string page_id(const SourceFile& file, const IndexSettings& settings);

std::vector<PagePlace> place_zola_pages(const std::vector<SourceFile>& files,
                                        const IndexSettings& settings,
                                        std::vector<std::string>& warnings);
std::vector<PagePlace> place_jekyll_pages(const std::vector<SourceFile>& files,
                                          const IndexSettings& settings);

}  // namespace folio::detail
