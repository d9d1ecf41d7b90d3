#include "content/file_walker.hpp"

#include <algorithm>
#include <filesystem>

#include "folio/error.hpp"

namespace fs = std::filesystem;

namespace folio::detail {
namespace {

bool class_match(std::string_view pattern, std::size_t& p, char c) {
  // pattern[p] == '['; on return p is past the closing ']'.
  std::size_t i = p + 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool matched = false;
  std::size_t start = i;
  while (i < pattern.size() && (pattern[i] != ']' || i == start)) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (c >= pattern[i] && c <= pattern[i + 2]) matched = true;
      i += 3;
    } else {
      if (c == pattern[i]) matched = true;
      ++i;
    }
  }
  p = i < pattern.size() ? i + 1 : i;
  return matched != negate;
}

bool match_from(std::string_view pat, std::size_t p, std::string_view path, std::size_t s) {
  while (p < pat.size()) {
    if (pat.compare(p, 2, "**") == 0) {
      std::size_t next = p + 2;
      bool slash = next < pat.size() && pat[next] == '/';
      if (slash) ++next;
      // `**/` may match nothing, or any run of whole segments.
      for (std::size_t k = s; k <= path.size(); ++k) {
        if ((k == s || path[k - 1] == '/' || !slash) && match_from(pat, next, path, k)) return true;
      }
      return false;
    }
    char pc = pat[p];
    if (pc == '*') {
      for (std::size_t k = s; k <= path.size(); ++k) {
        if (match_from(pat, p + 1, path, k)) return true;
        if (k < path.size() && path[k] == '/') break;
      }
      return false;
    }
    if (s >= path.size()) return false;
    if (pc == '?') {
      if (path[s] == '/') return false;
      ++p;
      ++s;
    } else if (pc == '[') {
      if (path[s] == '/' || !class_match(pat, p, path[s])) return false;
      ++s;
    } else {
      if (pc != path[s]) return false;
      ++p;
      ++s;
    }
  }
  return s == path.size();
}

bool matches_any(const std::vector<std::string>& globs, std::string_view path) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& g) { return glob_match(g, path); });
}

bool is_within(const fs::path& path, const fs::path& folder) {
  auto [folder_end, path_at] =
      std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return folder_end == folder.end();
}

// Why a matching entry is not read, or "" when it is a file to read.
std::string reason_to_skip(const fs::directory_entry& entry, const fs::path& real_root,
                           bool follow_outside_symlinks) {
  std::error_code ec;
  if (entry.is_symlink(ec)) {
    const fs::path target = fs::canonical(entry.path(), ec);
    if (ec) return "a symbolic link to nothing";
    if (!follow_outside_symlinks && !is_within(target, real_root)) {
      return "a symbolic link out of the content folder (to " + target.string() +
             "), not read ([index] follow_outside_symlinks = true reads it)";
    }
  }
  if (entry.is_directory(ec)) return {};  // a folder named like an article: nothing to say
  if (!entry.is_regular_file(ec)) return "not a regular file (a FIFO, socket or device)";
  return {};
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_from(pattern, 0, path, 0);
}

WalkResult find_source_files(const ContentWalk& walk) {
  WalkResult result;
  for (std::size_t root_index = 0; root_index < walk.roots.size(); ++root_index) {
    const std::string& root = walk.roots[root_index];
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      throw Error(ErrorCode::io, "content folder does not exist or is not a folder",
                  SourceLocation{root});
    }
    const fs::path real_root = fs::canonical(root, ec);
    std::vector<SourceFile> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::string relative = it->path().lexically_relative(root).generic_string();
      if (!matches_any(walk.include, relative) || matches_any(walk.exclude, relative)) continue;
      std::string reason = reason_to_skip(*it, real_root, walk.follow_outside_symlinks);
      if (!reason.empty()) {
        result.skipped.push_back(it->path().string() + ": " + reason);
      } else if (it->is_regular_file(ec)) {
        found.push_back(SourceFile{it->path().string(), relative, root_index});
      }
    }
    if (ec) throw Error(ErrorCode::io, "cannot list folder: " + ec.message(), SourceLocation{root});
    std::sort(found.begin(), found.end(), [](const SourceFile& a, const SourceFile& b) {
      return a.relative_path < b.relative_path;
    });
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  return result;
}

}  // namespace folio::detail
