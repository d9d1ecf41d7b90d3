// Jekyll's URLs and which files it reads, as Jekyll 4.3 computes them. The same rules are checked
// against a real `jekyll build` by tests/integration/jekyll_build_check.sh.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "folio/date.hpp"
#include "folio/url.hpp"
#include "site/jekyll_url.hpp"

using folio::SiteSettings;
using folio::UrlRequest;
using folio::detail::classify_jekyll_file;
using folio::detail::jekyll_slugify;
using folio::detail::JekyllKind;
using folio::detail::JekyllSlug;

namespace {

// A site as read_site would make it from `permalink: STYLE` and the given collections.
SiteSettings jekyll_site(const std::string& style = "date") {
  SiteSettings site;
  site.generator = folio::SiteGenerator::jekyll;
  site.jekyll.permalink_style = style;
  site.jekyll.collections.push_back(
      folio::JekyllCollection{"posts", true, folio::detail::jekyll_style_pattern(style)});
  site.jekyll.collections.push_back(folio::JekyllCollection{
      "recipes", true, folio::detail::jekyll_with_suffix("/:collection/:path", style)});
  site.jekyll.collections.push_back(folio::JekyllCollection{"staff", false, "/:collection/:path/"});
  site.jekyll.exclude = {"node_modules", "vendor/bundle/", "Gemfile", "notes"};
  return site;
}

struct Page {
  const char* path;
  const char* date = "";  // front matter date; "" takes the file name's
  std::vector<std::string> categories = {};
  const char* slug = "";
  const char* permalink = "";
};

std::string url_of(const SiteSettings& site, const Page& page, std::string* warning = nullptr) {
  UrlRequest request;
  request.relative_path = page.path;
  request.site = &site;
  request.slug = page.slug;
  request.permalink = page.permalink;
  request.categories = page.categories;
  request.date =
      *page.date ? folio::parse_date(page.date) : folio::detail::jekyll_file_date(request);
  return folio::article_url(request, warning);
}

}  // namespace

TEST_CASE("jekyll url: posts under each built-in style") {
  const std::vector<std::pair<const char*, const char*>> styles = {
      {"date", "/news/2024/01/15/hello-world.html"},
      {"pretty", "/news/2024/01/15/hello-world/"},
      {"ordinal", "/news/2024/015/hello-world.html"},
      {"weekdate", "/news/2024/W03/Mon/hello-world.html"},  // 2024-01-15 is a Monday, week 3
      {"none", "/news/hello-world.html"},
  };
  for (const auto& [style, url] : styles) {
    const SiteSettings site = jekyll_site(style);
    CAPTURE(style);
    CHECK(url_of(site, {"_posts/2024-01-15-hello-world.md", "", {"News"}}) == url);
  }
}

TEST_CASE("jekyll url: a post's title, slug, date and categories") {
  const SiteSettings site = jekyll_site();
  // :title keeps the file name's case; no categories leave no empty segment.
  CHECK(url_of(site, {"_posts/2024-02-01-Big-News.md"}) == "/2024/02/01/Big-News.html");
  CHECK(url_of(site, {"_posts/2024-2-3-short-date.md"}) == "/2024/02/03/short-date.html");
  // slug front matter replaces the title part; front matter date the file name's date.
  CHECK(url_of(site, {"_posts/2024-03-01-x.md", "", {}, "Custom Slug"}) ==
        "/2024/03/01/Custom-Slug.html");
  CHECK(url_of(site, {"_posts/2024-03-01-x.md", "2023-12-31 10:00:00 +0000"}) ==
        "/2023/12/31/x.html");
  // Folders above _posts are categories; folders below it are not.
  CHECK(url_of(site, {"travel/_posts/2024-06-01-lisbon.md", "", {"food", "wine"}}) ==
        "/travel/food/wine/2024/06/01/lisbon.html");
  CHECK(url_of(site, {"_posts/sub/2024-05-01-deep.md"}) == "/2024/05/01/deep.html");
  CHECK(url_of(site, {"a/b/_posts/2024-05-01-x.md"}) == "/a/b/2024/05/01/x.html");
  // :categories lowercases (and escapes), each category once.
  CHECK(url_of(site, {"_posts/2024-05-01-x.md", "", {"Foo Bar", "foo bar", "Été"}}) ==
        "/foo%20bar/%C3%A9t%C3%A9/2024/05/01/x.html");
  // Unicode letters are kept by slugify and escaped in the URL.
  CHECK(url_of(site, {"_posts/2024-05-01-héllo wörld.md"}) ==
        "/2024/05/01/h%C3%A9llo-w%C3%B6rld.html");
  CHECK(url_of(site, {"_posts/2024-05-01-what's up (2).md"}) == "/2024/05/01/what's-up-(2).html");
}

TEST_CASE("jekyll url: every placeholder of a custom pattern") {
  SiteSettings site = jekyll_site();
  const Page post{"cat/_posts/2024-01-05-My-Post.md", "2024-01-05T08:09:07Z", {"Big Cat"}};
  const std::vector<std::pair<const char*, const char*>> patterns = {
      {"/:year/:month/:day/", "/2024/01/05/"},
      {"/:i_month/:i_day/:short_year/", "/1/5/24/"},
      {"/:hour/:minute/:second/", "/08/09/07/"},
      {"/:y_day/:w_year/:week/:w_day/", "/005/2024/01/5/"},
      {"/:short_month/:long_month/:short_day/:long_day/", "/Jan/January/Fri/Friday/"},
      {"/:title/:slug/:name/", "/My-Post/my-post/2024-01-05-my-post/"},
      {"/:categories/:slugified_categories/", "/cat/big%20cat/cat/big-cat/"},
      {"/:collection/:path:output_ext", "/posts/cat/2024-01-05-My-Post.html"},
      {"/:year/:month_:day/", "/2024/01_05/"},  // a token followed by '_'
  };
  for (const auto& [pattern, url] : patterns) {
    site.jekyll.collections[0].permalink = pattern;
    CAPTURE(pattern);
    CHECK(url_of(site, post) == url);
  }
}

TEST_CASE("jekyll url: ISO weeks at the turn of the year") {
  SiteSettings site = jekyll_site();
  site.jekyll.collections[0].permalink = "/:w_year/:week/:w_day/";
  CHECK(url_of(site, {"_posts/2021-01-01-x.md"}) == "/2020/53/5/");  // a Friday
  CHECK(url_of(site, {"_posts/2024-12-30-x.md"}) == "/2025/01/1/");  // a Monday
  CHECK(url_of(site, {"_posts/2023-01-01-x.md"}) == "/2022/52/7/");  // a Sunday
}

TEST_CASE("jekyll url: permalink front matter, and an unknown token") {
  const SiteSettings site = jekyll_site();
  CHECK(url_of(site, {"_posts/2024-03-05-x.md", "", {}, "", "/special/:title/"}) == "/special/x/");
  CHECK(url_of(site, {"_posts/2024-03-05-x.md", "", {}, "", "/fixed.html"}) == "/fixed.html");
  std::string warning;
  CHECK(url_of(site, {"_posts/2024-03-05-x.md", "", {}, "", "/:nope/"}, &warning) ==
        "/2024/03/05/x.html");
  CHECK(warning.find(":nope") != std::string::npos);
}

TEST_CASE("jekyll url: pages are /:path/:basename with the style's ending") {
  const SiteSettings date = jekyll_site("date");
  CHECK(url_of(date, {"about.md"}) == "/about.html");
  CHECK(url_of(date, {"docs/install.md"}) == "/docs/install.html");
  CHECK(url_of(date, {"docs/index.md"}) == "/docs/");
  CHECK(url_of(date, {"index.md"}) == "/");
  CHECK(url_of(date, {"docs/My Page.md"}) == "/docs/My%20Page.html");
  CHECK(url_of(date, {"about.md", "", {}, "", "/about-us/"}) == "/about-us/");
  CHECK(url_of(date, {"docs/a.md", "", {}, "", "/x/:basename:output_ext"}) == "/x/a.html");
  // Pages only know :path, :basename and :output_ext; other tokens stay as written.
  CHECK(url_of(date, {"docs/a.md", "", {}, "", "/:title/"}) == "/:title/");
  CHECK(url_of(jekyll_site("pretty"), {"about.md"}) == "/about/");
  CHECK(url_of(jekyll_site("pretty"), {"docs/index.md"}) == "/docs/");
  CHECK(url_of(jekyll_site("/:year/:title/"), {"about.md"}) == "/about/");
  CHECK(url_of(jekyll_site("/:year/:title:output_ext"), {"about.md"}) == "/about.html");
  CHECK(url_of(jekyll_site("/:year/:title"), {"about.md"}) == "/about");
  CHECK(url_of(jekyll_site("weekdate"), {"about.md"}) == "/about");
}

TEST_CASE("jekyll url: collection documents and the base path") {
  SiteSettings site = jekyll_site("date");
  CHECK(url_of(site, {"_recipes/soup.md"}) == "/recipes/soup.html");
  CHECK(url_of(site, {"_recipes/winter/stew.md"}) == "/recipes/winter/stew.html");
  CHECK(url_of(jekyll_site("pretty"), {"_recipes/soup.md"}) == "/recipes/soup/");
  site.jekyll.collections[1].permalink = "/food/:name/";
  CHECK(url_of(site, {"_recipes/soup.md"}) == "/food/soup/");
  site.base_path = "/blog/";
  CHECK(url_of(site, {"about.md"}) == "/blog/about.html");
  CHECK(url_of(site, {"_posts/2024-01-15-x.md"}) == "/blog/2024/01/15/x.html");
  // A draft is a post dated by its file; drafts keep their folder out of categories.
  CHECK(url_of(site, {"_drafts/idea.md", "2024-07-01"}) == "/blog/2024/07/01/idea.html");
}

TEST_CASE("jekyll url: collections_dir holds the posts and the collections") {
  SiteSettings site = jekyll_site();
  site.jekyll.collections_dir = "my_collections";
  CHECK(url_of(site, {"my_collections/_posts/2024-01-15-x.md"}) == "/2024/01/15/x.html");
  CHECK(url_of(site, {"my_collections/_recipes/soup.md"}) == "/recipes/soup.html");
  CHECK(classify_jekyll_file("my_collections/_recipes/soup.md", site).kind == JekyllKind::document);
  CHECK(classify_jekyll_file("_posts/2024-01-15-x.md", site).kind == JekyllKind::not_read);
  CHECK(classify_jekyll_file("_recipes/soup.md", site).kind == JekyllKind::not_read);
}

TEST_CASE("jekyll files: what Jekyll reads, and as what") {
  SiteSettings site = jekyll_site();
  site.jekyll.include = {"_pages"};
  site.jekyll.destination = "public";
  struct Case {
    const char* path;
    JekyllKind kind;
  };
  const std::vector<Case> cases = {
      {"about.md", JekyllKind::page},
      {"README.md", JekyllKind::page},  // a page only if it has front matter (jekyll_pages.cpp)
      {"docs/deep/page.md", JekyllKind::page},
      {"_posts/2024-01-15-x.md", JekyllKind::post},
      {"_posts/deep/er/2024-01-15-x.md", JekyllKind::post},
      {"blog/_posts/2024-01-15-x.md", JekyllKind::post},
      {"_posts/no-date.md", JekyllKind::not_read},
      {"_posts/_hidden/2024-01-15-x.md", JekyllKind::not_read},
      {"_posts/_2024-01-15-x.md", JekyllKind::not_read},
      {"_drafts/idea.md", JekyllKind::draft},
      {"_recipes/soup.md", JekyllKind::document},
      {"_recipes/_partial.md", JekyllKind::not_read},
      {"_staff/alice.md", JekyllKind::not_read},  // output: false
      {"_layouts/default.md", JekyllKind::not_read},
      {"_includes/x.md", JekyllKind::not_read},
      {"_site/about.md", JekyllKind::not_read},
      {"_pages/included.md", JekyllKind::page},
      {"public/x.md", JekyllKind::not_read},  // the destination
      {"node_modules/pkg/README.md", JekyllKind::not_read},
      {"vendor/bundle/gems/x/README.md", JekyllKind::not_read},
      {"vendor/other.md", JekyllKind::page},
      {"notes/todo.md", JekyllKind::not_read},
      {"notes.md", JekyllKind::not_read},  // exclude is also a prefix of the path
      {"docs/#draft.md", JekyllKind::not_read},
      {"docs/~temp.md", JekyllKind::not_read},
      {"docs/_partial.md", JekyllKind::not_read},
      {"docs/_sub/page.md", JekyllKind::not_read},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    const auto file = classify_jekyll_file(c.path, site);
    CHECK(file.kind == c.kind);
    if (c.kind == JekyllKind::not_read) CHECK_FALSE(file.reason.empty());
  }
  CHECK_FALSE(classify_jekyll_file("_posts/2024-01-15-x.md", site).needs_front_matter);
  CHECK(classify_jekyll_file("_recipes/soup.md", site).needs_front_matter);
}

TEST_CASE("jekyll files: front matter is a first line of three dashes") {
  using folio::detail::has_jekyll_front_matter;
  CHECK(has_jekyll_front_matter("---\ntitle: x\n"));
  CHECK(has_jekyll_front_matter("--- \r\n"));
  CHECK_FALSE(has_jekyll_front_matter("---"));
  CHECK_FALSE(has_jekyll_front_matter("----\n"));
  CHECK_FALSE(has_jekyll_front_matter("\xEF\xBB\xBF---\n"));
  CHECK_FALSE(has_jekyll_front_matter("+++\ntitle = 'x'\n+++\n"));
  CHECK_FALSE(has_jekyll_front_matter("# README\n"));
}

TEST_CASE("jekyll url: categories, default titles and file dates") {
  const SiteSettings site = jekyll_site();
  UrlRequest request;
  request.site = &site;
  request.relative_path = "travel/europe/_posts/2024-06-01-lisbon-by-night.md";
  request.categories = {"food", "travel"};
  CHECK(folio::detail::jekyll_categories(request) ==
        std::vector<std::string>{"travel", "europe", "food"});
  CHECK(folio::detail::jekyll_default_title(request) == "Lisbon By Night");
  REQUIRE(folio::detail::jekyll_file_date(request));
  CHECK(folio::format_day(*folio::detail::jekyll_file_date(request)) == "2024-06-01");
  request.relative_path = "travel/about.md";  // a page: front matter categories only
  CHECK(folio::detail::jekyll_categories(request) == std::vector<std::string>{"food", "travel"});
  CHECK(folio::detail::jekyll_default_title(request).empty());
  CHECK_FALSE(folio::detail::jekyll_file_date(request));
}

TEST_CASE("jekyll slugify: the modes of Utils.slugify") {
  // Jekyll's documentation of the slugify filter.
  CHECK(jekyll_slugify("The _config.yml file", JekyllSlug::standard) == "the-config-yml-file");
  CHECK(jekyll_slugify("The _config.yml file", JekyllSlug::pretty) == "the-_config.yml-file");
  CHECK(jekyll_slugify("The _config.yml file", JekyllSlug::raw) == "the-_config.yml-file");
  CHECK(jekyll_slugify("The _cönfig.yml file", JekyllSlug::ascii) == "the-c-nfig-yml-file");
  CHECK(jekyll_slugify("The _config.yml file", JekyllSlug::pretty, true) == "The-_config.yml-file");
  CHECK(jekyll_slugify("  Ça va?  ", JekyllSlug::standard) == "ça-va");
}

TEST_CASE("jekyll url: escape_path leaves plain paths alone") {
  using folio::detail::jekyll_escape_path;
  CHECK(jekyll_escape_path("/a/b-c.d") == "/a/b-c.d");
  CHECK(jekyll_escape_path("/a b") == "/a%20b");
  CHECK(jekyll_escape_path("é") == "%C3%A9");
  CHECK(jekyll_escape_path("it's_(x)") == "it's_(x)");
  CHECK(jekyll_escape_path("100%") == "100%25");
}

TEST_CASE("jekyll url: front matter defaults, with Jekyll's precedence") {
  SiteSettings site = jekyll_site();
  auto add = [&site](const char* path, const char* type, const char* permalink,
                     const char* published = "") {
    folio::JekyllDefault set;
    set.path = path;
    set.type = type;
    set.has_type = *type != '\0';
    set.permalink = permalink;
    set.published = published;
    site.jekyll.defaults.push_back(set);
  };
  add("", "posts", "/p/:year/:title/");
  add("travel", "posts", "/t/:title/");  // a longer path wins
  add("docs", "", "/manual/:basename/");
  add("docs", "pages", "/guide/:basename/");  // same length: the one with a type wins
  add("/docs/draft*", "", "", "false");       // a glob
  add("_posts/old", "", "", "false");         // documents are matched from collections_dir
  CHECK(url_of(site, {"_posts/2024-01-15-x.md"}) == "/p/2024/x/");
  CHECK(url_of(site, {"travel/_posts/2024-01-15-x.md"}) == "/t/x/");
  CHECK(url_of(site, {"docs/install.md"}) == "/guide/install/");
  CHECK(url_of(site, {"about.md"}) == "/about.html");
  CHECK(url_of(site, {"_posts/2024-01-15-x.md", "", {}, "", "/own/"}) == "/own/");
  CHECK(url_of(site, {"_recipes/soup.md"}) == "/recipes/soup.html");  // type posts only

  auto published = [&site](const char* path) {
    UrlRequest request;
    request.site = &site;
    request.relative_path = path;
    return folio::detail::jekyll_default(request, "published");
  };
  CHECK(published("docs/drafts/a.md") == "false");
  CHECK(published("docs/draft-notes.md") == "false");
  CHECK(published("docs/install.md").empty());
  CHECK(published("_posts/old/2020-01-01-a.md") == "false");
  CHECK(published("_posts/2020-01-01-a.md").empty());
}

TEST_CASE("jekyll url: a date written with an offset is on the calendar of the site's timezone") {
  using folio::detail::jekyll_date_has_offset;
  CHECK(jekyll_date_has_offset("2013-05-06 02:12:52 +0200"));
  CHECK(jekyll_date_has_offset("2013-05-06T02:12:52-07:00"));
  CHECK(jekyll_date_has_offset("2013-05-06T02:12:52Z"));
  CHECK_FALSE(jekyll_date_has_offset("2013-05-06 02:12:52"));
  CHECK_FALSE(jekyll_date_has_offset("2013-05-06"));
  CHECK_FALSE(jekyll_date_has_offset("2013-05-06T10:20"));

  SiteSettings site = jekyll_site();
  const folio::Timestamp instant = *folio::parse_date("2013-05-06 02:12:52 +0200");
  CHECK(folio::detail::jekyll_zone_offset(site, instant) == 0);  // no timezone: UTC
  site.jekyll.timezone = "America/Los_Angeles";
  CHECK(folio::detail::jekyll_zone_offset(site, instant) == -7 * 3600);
  UrlRequest request;
  request.site = &site;
  request.relative_path = "_posts/2013-05-06-jekyll-1-0-0-released.md";
  request.date = instant;
  request.date_offset_seconds = folio::detail::jekyll_zone_offset(site, instant);
  // As jekyllrb.com (timezone America/Los_Angeles) publishes it.
  CHECK(folio::article_url(request) == "/2013/05/05/jekyll-1-0-0-released.html");
  site.jekyll.timezone = "Not/A_Zone";
  CHECK(folio::detail::jekyll_zone_offset(site, instant) == 0);
}
