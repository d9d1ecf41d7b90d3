// Zola's page and section paths and its slugify. Zola is not packaged for Debian 12, so the cases
// are the examples of Zola's documentation (content/overview, content/page, content/section,
// content/multilingual) and the tests of its source (utils/src/slugs.rs; the slug crate's
// examples), not a Zola build.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "folio/url.hpp"
#include "site/zola_url.hpp"

using folio::SiteSettings;
using folio::UrlRequest;
using folio::ZolaSlugify;
using folio::detail::zola_slugify;

namespace {

SiteSettings zola_site(std::vector<std::string> other_languages = {}) {
  SiteSettings site;
  site.generator = folio::SiteGenerator::zola;
  site.default_language = "en";
  site.languages.push_back(folio::SiteLanguage{"en", {}, 0});
  for (const std::string& code : other_languages)
    site.languages.push_back(folio::SiteLanguage{code, {}, 1});
  return site;
}

std::string url_of(const SiteSettings& site, const char* relative_path, const char* slug = "",
                   const char* path = "") {
  UrlRequest request;
  request.relative_path = relative_path;
  request.slug = slug;
  request.zola_path = path;
  request.site = &site;
  return folio::article_url(request);
}

}  // namespace

TEST_CASE("zola url: the documentation's content tree") {
  const SiteSettings site = zola_site();
  // content/overview.md
  CHECK(url_of(site, "content/something.md") == "/content/something/");
  CHECK(url_of(site, "blog/cli-usage.md") == "/blog/cli-usage/");
  CHECK(url_of(site, "blog/_index.md") == "/blog/");
  CHECK(url_of(site, "landing/_index.md") == "/landing/");
  CHECK(url_of(site, "_index.md") == "/");
  CHECK(url_of(site, "research/latest-experiment/index.md") == "/research/latest-experiment/");
  // content/page.md
  CHECK(url_of(site, "about.md") == "/about/");
  CHECK(url_of(site, "about/index.md") == "/about/");
  CHECK(url_of(site, "2018-10-10-hello-world.md") == "/hello-world/");
  // A colocated page's other Markdown files are pages of their own in Zola.
  CHECK(url_of(site, "blog/bundle/notes.md") == "/blog/bundle/notes/");
  // Folder names are kept as written; only the slug is slugified.
  CHECK(url_of(site, "My Notes/Héllo Wörld.md") == "/My Notes/hello-world/");
}

TEST_CASE("zola url: a leading date leaves the slug, as page.rs reads it") {
  const SiteSettings site = zola_site();
  CHECK(url_of(site, "blog/2018-10-10_hello_world.md") == "/blog/hello-world/");
  CHECK(url_of(site, "blog/2022-07-21_topic/index.md") == "/blog/topic/");
  CHECK(url_of(site, "blog/2018-10-10T10:20:30Z-timed.md") == "/blog/timed/");
  CHECK(url_of(site, "blog/2018-10-10.md") == "/blog/2018-10-10/");  // only a date: kept
  CHECK(url_of(site, "blog/2018-13-10-not-a-date.md") == "/blog/2018-13-10-not-a-date/");
  SiteSettings keep = zola_site();
  keep.zola.paths_keep_dates = true;
  CHECK(url_of(keep, "blog/2018-10-10-hello-world.md") == "/blog/2018-10-10-hello-world/");

  const auto dated = folio::detail::zola_dated_name("2018-10-10-hello-world");
  REQUIRE(dated);
  CHECK(dated->date == "2018-10-10");
  CHECK(dated->rest == "hello-world");
  CHECK_FALSE(folio::detail::zola_dated_name("hello-2018-10-10"));

  UrlRequest request;
  request.site = &site;
  request.relative_path = "blog/2018-10-10-hello.md";
  REQUIRE(folio::detail::zola_file_date(request));
  CHECK(folio::format_day(*folio::detail::zola_file_date(request)) == "2018-10-10");
  request.relative_path = "blog/2024-02-29_leap/index.md";
  REQUIRE(folio::detail::zola_file_date(request));
  CHECK(folio::format_day(*folio::detail::zola_file_date(request)) == "2024-02-29");
  request.relative_path = "blog/2018-10-10/_index.md";  // sections have no date
  CHECK_FALSE(folio::detail::zola_file_date(request));
}

TEST_CASE("zola url: slug and path front matter") {
  const SiteSettings site = zola_site({"fr"});
  CHECK(url_of(site, "blog/x.md", "Custom Slug") == "/blog/custom-slug/");
  CHECK(url_of(site, "blog/2018-10-10-x.md", "kept") == "/blog/kept/");
  CHECK(url_of(site, "blog/bundle/index.md", "my-bundle") == "/blog/my-bundle/");
  CHECK(url_of(site, "blog/x.md", "", "about") == "/about/");
  CHECK(url_of(site, "blog/x.md", "", "/a/B") == "/a/B/");  // as written, not slugified
  CHECK(url_of(site, "blog/x.md", "", " /spaced/ ") == "/spaced/");
  CHECK(url_of(site, "blog/x.fr.md", "", "/a-propos") == "/a-propos/");  // no /fr/ prefix
  CHECK(url_of(site, "blog/_index.md", "ignored", "") == "/blog/");      // sections have no slug
}

TEST_CASE("zola url: languages other than the default get their prefix") {
  const SiteSettings site = zola_site({"fr", "pt-BR"});
  CHECK(url_of(site, "blog/post.fr.md") == "/fr/blog/post/");
  CHECK(url_of(site, "blog/post.pt-BR.md") == "/pt-BR/blog/post/");
  CHECK(url_of(site, "blog/_index.fr.md") == "/fr/blog/");
  CHECK(url_of(site, "_index.fr.md") == "/fr/");
  CHECK(url_of(site, "blog/bundle/index.fr.md") == "/fr/blog/bundle/");
  // The default language's code is not taken out of the name, as in Zola.
  CHECK(url_of(site, "blog/post.en.md") == "/blog/post-en/");
  // A code the site does not configure (Zola refuses to build) and a site with one language.
  CHECK(url_of(site, "blog/v1.2-release.md") == "/blog/v1-2-release/");
  CHECK(url_of(zola_site(), "blog/post.fr.md") == "/blog/post-fr/");
}

TEST_CASE("zola url: the base URL's path comes first") {
  SiteSettings site = zola_site();
  site.base_path = "/docs/";
  CHECK(url_of(site, "blog/x.md") == "/docs/blog/x/");
  CHECK(url_of(site, "_index.md") == "/docs/");
  UrlRequest request;
  request.relative_path = "blog/x.md";
  request.base_url = "https://example.org/site/";
  request.site = &site;
  CHECK(folio::article_url(request) == "https://example.org/site/blog/x/");
}

TEST_CASE("zola url: slugify paths on, safe and off (utils/src/slugs.rs's table)") {
  struct Case {
    const char* input;
    const char* on;
    const char* safe;
    const char* off;
  };
  const std::vector<Case> cases = {
      {"input", "input", "input", "input"},
      {"test ", "test", "test", "test "},
      {"tes t", "tes-t", "tes t", "tes t"},
      {"dot. ", "dot", "dot", "dot. "},
      {"héhé", "hehe", "héhé", "héhé"},
      {"test (hey)", "test-hey", "test (hey)", "test (hey)"},
      {"a<b>:c\"d/e\\f|g?h*i", "a-b-c-d-e-f-g-h-i", "abcdefghi", "a<b>:c\"d/e\\f|g?h*i"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(zola_slugify(c.input, ZolaSlugify::on) == c.on);
    CHECK(zola_slugify(c.input, ZolaSlugify::safe) == c.safe);
    CHECK(zola_slugify(c.input, ZolaSlugify::off) == c.off);
  }
  SiteSettings safe = zola_site();
  safe.zola.slugify_paths = ZolaSlugify::safe;
  CHECK(url_of(safe, "blog/Hello World?.md") == "/blog/Hello World/");
}

TEST_CASE("zola url: slugify on is the slug crate over deunicode") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      // The slug crate's own examples.
      {"My Test String!!!1!1", "my-test-string-1-1"},
      {"test\nit   now!", "test-it-now"},
      {"  --test_-_cool", "test-cool"},
      {"Æúű--cool?", "aeuu-cool"},
      {"You & Me", "you-me"},
      {"user@example.com", "user-example-com"},
      // Latin transliteration.
      {"Straße", "strasse"},
      {"Łódź", "lodz"},
      {"Ærøskøbing", "aeroskobing"},
      {"Ça va, Noël?", "ca-va-noel"},
      {"Şişli İstanbul", "sisli-istanbul"},
      {"Ș ț", "s-t"},
      {"Tiếng Việt", "tieng-viet"},
      {"e\u0301te\u0301", "ete"},  // decomposed accents vanish
      {"soft\u00ADhyphen", "softhyphen"},
      {"don’t", "don-t"},
      {"© 2024 — “quoted”", "c-2024-quoted"},
      {"Привет, мир", "privet-mir"},
      {"Ελληνικά", "ellenika"},
      {"5 €", "5-eur"},
      // Outside folio's tables the letters stay (Zola would write "ri-ben").
      {"日本", "日本"},
  };
  for (const auto& [input, slug] : cases) {
    CAPTURE(input);
    CHECK(zola_slugify(input, ZolaSlugify::on) == slug);
  }
}
