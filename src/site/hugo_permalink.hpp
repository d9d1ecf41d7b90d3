// Hugo's permalink patterns (https://gohugo.io/content-management/urls/#tokens), expanded for one
// page.
#pragma once

#include <optional>
#include <string>

#include "folio/date.hpp"

namespace folio::detail {

struct PermalinkPage {
  std::string title;         // as written in front matter
  std::string slug;          // front matter slug, may be empty
  std::string file_name;     // the file name without language and extension; a bundle's folder
  std::string section_path;  // the nearest section above the page ("blog", "docs/guides")
  std::optional<Timestamp> date;
  int date_offset_seconds = 0;  // the calendar date is the one written, not the UTC one
};

struct Expanded {
  std::string path;   // "/2024/02/09/timeless-top-10/" before sanitising, or empty on error
  std::string error;  // "unknown token :foo"
};

// Expands `pattern`; the result starts with '/'. Dates without a date are Hugo's zero time
// (0001-01-01), as Hugo writes them.
Expanded expand_hugo_permalink(const std::string& pattern, const PermalinkPage& page);

}  // namespace folio::detail
