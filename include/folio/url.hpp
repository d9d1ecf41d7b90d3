// Article URLs as Hugo (and Zola) build them.
#pragma once

#include <string>

namespace folio {

struct UrlRequest {
  std::string relative_path;  // "posts/go-vs-rust.md", '/' separators, relative to the content root
  std::string slug;           // front matter `slug`: replaces the last path segment
  std::string url;            // front matter `url`: the whole path, used as is
  std::string zola_path;      // front matter `path` (Zola): the whole path
  std::string base_url;       // "https://example.com" or "https://example.com/blog/"; may be empty
};

// posts/go-vs-rust.md -> /posts/go-vs-rust/; posts/bundle/index.md -> /posts/bundle/;
// posts/_index.md -> /posts/; _index.md -> /. Paths are lowercased like Hugo does by default, and
// spaces become dashes. The base URL, when given, is prepended without doubling slashes.
std::string article_url(const UrlRequest& request);

// The stable id of an article: its relative path without the extension, and for bundles without
// the trailing "/index" ("posts/go-vs-rust", "posts/bundle", "posts/_index").
std::string article_id(const std::string& relative_path);

}  // namespace folio
