// Splitting a Markdown file into front matter and body, and reading the front matter.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace folio {

enum class FrontMatterFormat { none, toml, yaml, json };

// One front-matter value, flattened: a scalar is a list of one string; a TOML/YAML/JSON list of
// scalars is a list of strings; dates are ISO 8601 strings ("2026-01-26T18:53:20+00:00" or
// "2026-01-26"); booleans are "true"/"false". Nested tables become dotted keys
// ("taxonomies.tags", "extra.author").
struct FrontMatterValue {
  std::vector<std::string> items;
  bool is_list = false;
  int line = 0;  // 1-based line of the key in the file, 0 if unknown
};

struct FrontMatter {
  FrontMatterFormat format = FrontMatterFormat::none;
  std::map<std::string, FrontMatterValue> fields;
  std::string_view body;  // the Markdown after the front matter (a view into the source)
  int body_line = 1;      // 1-based line of the file where the body starts
};

// The most front matter a file may have, so that no file costs more than about a second to read:
// toml11 3.7 parses a few hundred KB a second at worst (8 KB lines of short values) and yaml-cpp
// not much more. The largest real front matter seen (a Hugo site's list of redirects) is 114 KB.
inline constexpr std::size_t kMaxFrontMatterBytes = 256 * 1024;

// Reads the front matter at the top of `source` (after an optional UTF-8 BOM and blank lines):
// TOML between `+++` lines, YAML between `---` lines, or a JSON object starting with `{`. CRLF line
// ends are accepted. A file without front matter has format none and the whole file as body.
// Throws Error{ErrorCode::parse} with the file, line and column and a reason a writer understands
// (unclosed block, bad syntax, a top level that is not a table), or Error{ErrorCode::too_large}
// for front matter over kMaxFrontMatterBytes or, in TOML, a line over 8 KB.
FrontMatter parse_front_matter(std::string_view source, const std::string& path);

}  // namespace folio
