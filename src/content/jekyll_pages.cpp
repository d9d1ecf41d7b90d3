// Which files of a Jekyll site are pages, as Jekyll 4.3's Reader reads the site root (the content
// folder of a Jekyll site): posts in _posts/ (any depth, also category/_posts/), drafts in
// _drafts/, documents of the collections with output: true, and elsewhere any file whose first
// line opens YAML front matter. Everything else is not a page: folders and files starting with
// _ . # or ~ (_layouts, _includes, _sass, _data, _site, ...), `exclude` and Jekyll's default
// excludes (node_modules, vendor/bundle, Gemfile, ...), and Markdown without front matter
// (README.md, LICENSE.md), which Jekyll copies as a static file.
#include <fstream>

#include "content/site_pages.hpp"
#include "site/jekyll_url.hpp"

namespace folio::detail {
namespace {

std::string first_line(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  char c;
  while (line.size() < 256 && in.get(c)) {
    line += c;
    if (c == '\n') break;
  }
  return line;
}

}  // namespace

std::vector<PagePlace> place_jekyll_pages(const std::vector<SourceFile>& files,
                                          const IndexSettings& settings) {
  std::vector<PagePlace> places(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const SourceFile& file = files[i];
    PagePlace& place = places[i];
    const JekyllFile jekyll = classify_jekyll_file(file.relative_path, settings.site);
    if (jekyll.kind == JekyllKind::not_read) {
      place.not_a_page = jekyll.reason;
      continue;
    }
    if (jekyll.needs_front_matter && !has_jekyll_front_matter(first_line(file.path))) {
      place.not_a_page = "no front matter: Jekyll copies it as a static file, not a page";
      continue;
    }
    if (jekyll.kind == JekyllKind::draft) place.draft_by = "_drafts/";
  }
  return places;
}

}  // namespace folio::detail
