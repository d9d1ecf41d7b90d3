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

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_from(pattern, 0, path, 0);
}

std::vector<SourceFile> find_source_files(const std::vector<std::string>& roots,
                                          const std::vector<std::string>& include,
                                          const std::vector<std::string>& exclude) {
  std::vector<SourceFile> files;
  for (const auto& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      throw Error(ErrorCode::io, "content folder does not exist or is not a folder",
                  SourceLocation{root});
    }
    std::vector<SourceFile> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      std::string relative = it->path().lexically_relative(root).generic_string();
      if (!matches_any(include, relative) || matches_any(exclude, relative)) continue;
      found.push_back(SourceFile{it->path().string(), relative});
    }
    if (ec) throw Error(ErrorCode::io, "cannot list folder: " + ec.message(), SourceLocation{root});
    std::sort(found.begin(), found.end(), [](const SourceFile& a, const SourceFile& b) {
      return a.relative_path < b.relative_path;
    });
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace folio::detail
