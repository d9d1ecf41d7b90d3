#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "folio/url.hpp"

using folio::article_id;
using folio::article_url;
using folio::UrlRequest;

namespace {

struct UrlCase {
  UrlRequest request;
  const char* url;
};

UrlRequest path_only(const char* relative_path) {
  UrlRequest request;
  request.relative_path = relative_path;
  return request;
}

UrlRequest with_slug(const char* relative_path, const char* slug) {
  UrlRequest request = path_only(relative_path);
  request.slug = slug;
  return request;
}

UrlRequest with_url(const char* relative_path, const char* url) {
  UrlRequest request = path_only(relative_path);
  request.url = url;
  return request;
}

UrlRequest with_zola_path(const char* relative_path, const char* path) {
  UrlRequest request = path_only(relative_path);
  request.zola_path = path;
  return request;
}

UrlRequest with_base(UrlRequest request, const char* base_url) {
  request.base_url = base_url;
  return request;
}

}  // namespace

TEST_CASE("url: paths become Hugo's pretty URLs") {
  const std::vector<UrlCase> cases = {
      {path_only("posts/go-vs-rust.md"), "/posts/go-vs-rust/"},
      {path_only("posts/bundle/index.md"), "/posts/bundle/"},
      {path_only("posts/_index.md"), "/posts/"},
      {path_only("_index.md"), "/"},
      {path_only("index.md"), "/"},
      {path_only("about.md"), "/about/"},
      {path_only("posts/notes.markdown"), "/posts/notes/"},
      {path_only("docs/guide/_index.md"), "/docs/guide/"},
      {path_only("Posts/My First Post.md"), "/posts/my-first-post/"},
      {path_only("posts/What's New?.md"), "/posts/whats-new/"},
      {path_only("posts/a  b.md"), "/posts/a-b/"},
      {path_only("posts/v1.2-release.md"), "/posts/v1.2-release/"},
      {path_only("blog/Ünïcode Straße.md"), "/blog/ünïcode-straße/"},
      {path_only("./posts/x.md"), "/posts/x/"},
  };
  for (const UrlCase& c : cases) {
    CAPTURE(c.request.relative_path);
    CHECK(article_url(c.request) == c.url);
  }
}

TEST_CASE("url: front matter slug, url and Zola path override the file path") {
  const std::vector<UrlCase> cases = {
      {with_slug("posts/go-vs-rust.md", "go-rust"), "/posts/go-rust/"},
      {with_slug("posts/bundle/index.md", "my-bundle"), "/posts/my-bundle/"},
      {with_slug("posts/x.md", "Mixed Case Slug"), "/posts/mixed-case-slug/"},
      {with_slug("posts/_index.md", "ignored"), "/posts/"},
      {with_url("posts/x.md", "/custom/path/"), "/custom/path/"},
      {with_url("posts/x.md", "custom/path"), "/custom/path"},
      {with_url("posts/x.md", "/feed.xml"), "/feed.xml"},
      {with_url("posts/x.md", "/Keep/Case/"), "/Keep/Case/"},
      {with_zola_path("posts/x.md", "my/page/"), "/my/page/"},
      {with_zola_path("posts/x.md", "/my/page"), "/my/page/"},  // Zola permalinks end in a slash
  };
  for (const UrlCase& c : cases) {
    CAPTURE(c.request.relative_path, c.request.slug, c.request.url, c.request.zola_path);
    CHECK(article_url(c.request) == c.url);
  }
}

TEST_CASE("url: the base URL is prepended without doubling slashes") {
  const std::vector<UrlCase> cases = {
      {with_base(path_only("posts/x.md"), "https://example.com"), "https://example.com/posts/x/"},
      {with_base(path_only("posts/x.md"), "https://example.com/"), "https://example.com/posts/x/"},
      {with_base(path_only("posts/x.md"), "https://example.com/blog/"),
       "https://example.com/blog/posts/x/"},
      {with_base(path_only("posts/x.md"), "https://example.com/blog"),
       "https://example.com/blog/posts/x/"},
      {with_base(path_only("_index.md"), "https://example.com/"), "https://example.com/"},
      {with_base(with_url("x.md", "/custom/"), "https://example.com/blog/"),
       "https://example.com/blog/custom/"},
  };
  for (const UrlCase& c : cases) {
    CAPTURE(c.request.relative_path, c.request.base_url);
    CHECK(article_url(c.request) == c.url);
  }
}

TEST_CASE("url: article ids are the path without extension, bundles without /index") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"posts/go-vs-rust.md", "posts/go-vs-rust"},
      {"posts/bundle/index.md", "posts/bundle"},
      {"posts/_index.md", "posts/_index"},
      {"_index.md", "_index"},
      {"index.md", "index"},
      {"posts/notes.markdown", "posts/notes"},
      {"posts/v1.2-release.md", "posts/v1.2-release"},
      {"Posts/Mixed Case.md", "Posts/Mixed Case"},
      {"README", "README"},
  };
  for (const auto& [path, id] : cases) {
    CAPTURE(path);
    CHECK(article_id(path) == id);
  }
}
