#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "folio/date.hpp"
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
      {with_url("posts/x.md", "custom/path"), "/custom/path/"},  // a folder, as Hugo writes it
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

namespace {

folio::SiteSettings hugo_site() {
  folio::SiteSettings site;
  site.generator = folio::SiteGenerator::hugo;
  site.default_language = "en";
  site.languages = {{"en", "", 1}, {"fr", "", 2}, {"pt-br", "", 3}};
  site.permalinks["news"] = ":year/:month/:day/:slug/";
  site.permalinks["events"] = "event/:year/:month/:day/:slug/";
  return site;
}

UrlRequest on_site(const folio::SiteSettings& site, const char* relative_path) {
  UrlRequest request = path_only(relative_path);
  request.site = &site;
  return request;
}

}  // namespace

// Each expected URL is one Hugo 0.111 wrote for the same file, front matter and config.
TEST_CASE("url: Hugo permalinks apply to the regular pages of their section") {
  const folio::SiteSettings site = hugo_site();
  UrlRequest news = on_site(site, "news/2024/02/timeless.md");
  news.title = "Timeless Top 10 Best Practices for Great Government Websites";
  news.date = folio::parse_date("2024-02-09T08:00:00-05:00");
  news.date_offset_seconds = -5 * 3600;
  CHECK(article_url(news) ==
        "/2024/02/09/timeless-top-10-best-practices-for-great-government-websites/");
  news.slug = "timeless-top-10";
  CHECK(article_url(news) == "/2024/02/09/timeless-top-10/");
  UrlRequest event = news;
  event.relative_path = "events/2024/x.md";
  CHECK(article_url(event) == "/event/2024/02/09/timeless-top-10/");
  // Section pages keep their path; other sections have none.
  CHECK(article_url(on_site(site, "news/_index.md")) == "/news/");
  CHECK(article_url(on_site(site, "guides/a.md")) == "/guides/a/");
}

TEST_CASE("url: a broken permalink falls back to the path and says why") {
  folio::SiteSettings site = hugo_site();
  site.permalinks["news"] = ":year/:nosuch/";
  std::string warning;
  CHECK(article_url(on_site(site, "news/a.md"), &warning) == "/news/a/");
  CHECK(warning.find(":nosuch") != std::string::npos);
}

TEST_CASE("url: languages prefix every page but the default language's") {
  folio::SiteSettings site = hugo_site();
  CHECK(article_url(on_site(site, "posts/hello.fr.md")) == "/fr/posts/hello/");
  CHECK(article_url(on_site(site, "posts/hello.en.md")) == "/posts/hello/");
  CHECK(article_url(on_site(site, "posts/bundle/index.pt-br.md")) == "/pt-br/posts/bundle/");
  CHECK(article_url(on_site(site, "posts/hello.de.md")) == "/posts/hello.de/");  // not configured
  UrlRequest in_folder = on_site(site, "glossary/term.md");
  in_folder.language = "fr";  // its content folder is French
  CHECK(article_url(in_folder) == "/fr/glossary/term/");
  site.default_language_in_subdir = true;
  CHECK(article_url(on_site(site, "posts/hello.md")) == "/en/posts/hello/");
  CHECK(article_url(on_site(site, "posts/hello.fr.md")) == "/fr/posts/hello/");
  // A url in front matter is the whole path: no language prefix.
  UrlRequest fixed = on_site(site, "posts/hello.fr.md");
  fixed.url = "/custom/path";
  CHECK(article_url(fixed) == "/custom/path/");
}

TEST_CASE("url: a bare folder reads post.fr.md as French, the index's language being English") {
  UrlRequest french = path_only("posts/hello.fr.md");
  french.default_language = "en";
  CHECK(article_url(french) == "/fr/posts/hello/");
  UrlRequest english = path_only("posts/hello.en.md");
  english.default_language = "en";
  CHECK(article_url(english) == "/posts/hello/");
}

TEST_CASE("url: the site's base path, uglyURLs, and an explicit base URL instead") {
  folio::SiteSettings site = hugo_site();
  site.base_path = "/sub/";
  CHECK(article_url(on_site(site, "docs/a.md")) == "/sub/docs/a/");
  UrlRequest fixed = on_site(site, "docs/a.md");
  fixed.url = "/file.html";
  CHECK(article_url(fixed) == "/sub/file.html");
  UrlRequest absolute = on_site(site, "docs/a.md");
  absolute.base_url = "https://example.org/";
  CHECK(article_url(absolute) == "https://example.org/docs/a/");
  site.ugly_urls = true;
  CHECK(article_url(on_site(site, "docs/a.md")) == "/sub/docs/a.html");
  CHECK(article_url(on_site(site, "docs/_index.md")) == "/sub/docs/");
}

TEST_CASE("url: the language a file name carries") {
  CHECK(folio::language_of_file_name("a/post.fr.md") == "fr");
  CHECK(folio::language_of_file_name("a/post.zh-cn.md") == "zh-cn");
  CHECK(folio::language_of_file_name("a/v1.2-release.md").empty());
  CHECK(folio::language_of_file_name("a/post.md").empty());
  const std::vector<folio::SiteLanguage> only_de = {{"de", "", 0}};
  CHECK(folio::language_of_file_name("a/post.fr.md", &only_de).empty());
  CHECK(folio::language_of_file_name("a/post.de.md", &only_de) == "de");
}
