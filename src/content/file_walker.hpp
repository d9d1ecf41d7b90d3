// Finding the article files under content folders.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

struct SourceFile {
  std::string path;           // as opened (root joined with the relative path)
  std::string relative_path;  // relative to its root, '/' separators
};

// Glob matching on '/'-separated relative paths: `*` and `?` within one segment, `[abc]`/`[a-z]`
// classes, `**` across segments (`**/` also matches no folder at all).
bool glob_match(std::string_view pattern, std::string_view path);

// Every regular file under each root matching an include glob and no exclude glob; hidden files
// and folders (a name starting with '.') are skipped. Sorted by relative path, roots in order.
// Throws Error{io} if a root does not exist or is not a folder.
std::vector<SourceFile> find_source_files(const std::vector<std::string>& roots,
                                          const std::vector<std::string>& include,
                                          const std::vector<std::string>& exclude);

}  // namespace folio::detail
