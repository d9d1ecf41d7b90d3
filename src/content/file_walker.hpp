// Finding the article files under content folders.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

struct SourceFile {
  std::string path;           // as opened (root joined with the relative path)
  std::string relative_path;  // relative to its root, '/' separators
  std::size_t root = 0;       // index of its root in ContentWalk::roots
};

// Glob matching on '/'-separated relative paths: `*` and `?` within one segment, `[abc]`/`[a-z]`
// classes, `**` across segments (`**/` also matches no folder at all).
bool glob_match(std::string_view pattern, std::string_view path);

struct ContentWalk {
  std::vector<std::string> roots;
  std::vector<std::string> include;  // globs on the relative path
  std::vector<std::string> exclude;
  // A symbolic link whose target lies outside its root is not read unless this is set: a link to
  // /etc/passwd in a content folder must not put that file in a snippet.
  bool follow_outside_symlinks = false;
};

struct WalkResult {
  std::vector<SourceFile> files;     // sorted by relative path, roots in order
  std::vector<std::string> skipped;  // "path: reason" for each file matching the globs not taken
};

// Every regular file under each root matching an include glob and no exclude glob; hidden files
// and folders (a name starting with '.') are skipped silently. A matching name that is not a
// regular file (a FIFO, socket or device), a dangling link or a link out of the root is reported
// in `skipped`. Folder links are not followed. Throws Error{io} if a root does not exist or is
// not a folder.
WalkResult find_source_files(const ContentWalk& walk);

}  // namespace folio::detail
