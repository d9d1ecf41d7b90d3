// The title key of an article, in value slot schema::kTitleKeySlot: what the title bonus
// (src/search/title_bonus.hpp) compares a query with, read for the few documents whose title holds
// every word of the query. One byte for the kind of page, then the title's words as the
// TermGenerator makes them (lowercased, unstemmed, in order), joined by single spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

enum class PageKind : char {
  page = 'p',
  section = 's',  // a section or taxonomy list page: _index.md in Hugo and Zola
};

struct TitleKey {
  PageKind kind = PageKind::page;
  std::string_view words;  // space-separated
};

// The words of a title (or of a query) as the index has them: lowercased, unstemmed, in order.
std::vector<std::string> title_words(std::string_view text);

// A section page for an `_index` file ("topics/accessibility/_index.md"), else a page.
PageKind page_kind_of(std::string_view relative_path);

std::string encode_title_key(PageKind kind, const std::vector<std::string>& words);
// An empty or unknown value reads as a page without words.
TitleKey decode_title_key(std::string_view value);

}  // namespace folio::detail
