// Zola and Jekyll sites indexed end to end: the fixture sites in tests/data/sites/, read as their
// generator reads them, stored at the URLs it publishes. The Jekyll site is also built with the
// real jekyll (Debian 12's 4.3) when it is installed, and both sides' pages compared.
#include <xapian.h>
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "folio/index_writer.hpp"
#include "folio/indexer.hpp"
#include "store/stored_record.hpp"
#include "test_support.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

const std::string kSites = std::string(FOLIO_TEST_DATA_DIR) + "/sites";

IndexRequest site_request(const std::string& root, const std::string& db) {
  IndexRequest request;
  request.settings.site_root = root;
  request.settings.db_path = db;
  request.settings.jobs = 2;
  request.mode = IndexMode::full;
  return request;
}

// Every stored article: id -> its display record.
std::map<std::string, ArticleRecord> stored_records(const std::string& db) {
  Xapian::Database xdb(current_generation_path(db));
  std::map<std::string, ArticleRecord> records;
  for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it) {
    ArticleRecord record = detail::read_stored_article(xdb.get_document(*it)).record;
    records.emplace(record.id, std::move(record));
  }
  return records;
}

std::set<std::string> urls_of(const std::map<std::string, ArticleRecord>& records) {
  std::set<std::string> urls;
  for (const auto& [id, record] : records)
    urls.insert(record.url);
  return urls;
}

std::string day_of(const ArticleRecord& record) {
  return record.date ? format_day(*record.date, record.date_offset_seconds)
                     : std::string("no date");
}

// "Ol%C3%A1" -> "Olá": the file a URL names.
std::string percent_decoded(const std::string& url) {
  std::string out;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size()) {
      out += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += url[i];
    }
  }
  return out;
}

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

CommandResult run(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace

TEST_CASE("sites: a Zola site is indexed at the paths Zola publishes") {
  test::TempDir tmp;
  const std::string db = tmp.join("index");
  const IndexReport report = run_index(site_request(kSites + "/zola", db));
  INFO("warnings: " << report.warnings.size() << ", problems: " << report.problems.size());
  CHECK(report.failed == 0);
  const auto records = stored_records(db);
  // The expected paths follow Zola's documentation (Zola is not packaged for Debian 12).
  const std::set<std::string> expected = {
      "/docs/",                     // _index.md
      "/docs/about/",               // about.md
      "/docs/fr/about/",            // about.fr.md: French is not the default language
      "/docs/underscore/",          // 2024-03-01_underscore.md
      "/docs/blog/",                // blog/_index.md
      "/docs/blog/first-post/",     // blog/2024-01-15-first-post.md
      "/docs/blog/hello-world/",    // blog/Héllo Wörld.md
      "/docs/blog/custom-slug/",    // slug = "Custom Slug"
      "/docs/special/place/",       // path = "special/place"
      "/docs/blog/bundle/",         // blog/bundle/index.md
      "/docs/blog/bundle/extra/",   // a colocated page's other Markdown is a page in Zola
      "/docs/blog/2023/",           // a transparent section still has its page
      "/docs/blog/2023/old-post/",  // and its pages keep the folder in their path
      "/docs/blog/future/",         // Zola publishes pages dated in the future
      "/docs/hidden/page/",         // render = false on a section leaves its pages
  };
  CHECK(urls_of(records) == expected);
  CHECK(report.skipped_drafts == 3);      // draft.md, wip/_index.md and wip/page.md below it
  CHECK(report.skipped_unrendered == 3);  // hidden/_index.md, hidden/unrendered.md, old/_index.md
  CHECK(report.not_pages == 2);           // idea.draft.md (ignored_content), notes.markdown
  REQUIRE(records.count("blog/2024-01-15-first-post"));
  const ArticleRecord& first = records.at("blog/2024-01-15-first-post");
  CHECK(day_of(first) == "2024-01-15");  // from the file name
  CHECK(first.tags == std::vector<std::string>{"intro"});
  REQUIRE(records.count("about.fr"));
  CHECK(records.at("about.fr").language == "fr");

  IndexRequest with_drafts = site_request(kSites + "/zola", db);
  with_drafts.settings.include_drafts = true;
  with_drafts.settings.explicit_keys.insert("include_drafts");
  const IndexReport drafts = run_index(with_drafts);
  CHECK(drafts.skipped_drafts == 0);
  const auto all = urls_of(stored_records(db));
  CHECK(all.size() == expected.size() + 3);
  CHECK(all.count("/docs/wip/page/") == 1);
  CHECK(all.count("/docs/blog/draft/") == 1);
}

TEST_CASE("sites: a Jekyll site is indexed at the URLs Jekyll writes") {
  test::TempDir tmp;
  const std::string db = tmp.join("index");
  const IndexReport report = run_index(site_request(kSites + "/jekyll", db));
  INFO("warnings: " << report.warnings.size() << ", problems: " << report.problems.size());
  CHECK(report.failed == 0);
  const auto records = stored_records(db);
  // What `jekyll build` writes for this site (jekyll_build_check below compares them).
  const std::set<std::string> expected = {
      "/blog/",
      "/blog/about/",
      "/blog/docs/",
      "/blog/docs/install.html",
      "/blog/travel/",
      "/blog/news/2024/01/15/hello-world.html",
      "/blog/2024/02/01/Big-News.html",
      "/blog/2023/12/31/no-front-matter.html",
      "/blog/2024/03/01/custom-slug.html",
      "/blog/special/permalinked/",
      "/blog/2024/03/10/dated.html",
      "/blog/2024/05/01/deep.html",
      "/blog/travel/food/wine/2024/06/01/lisbon.html",
      "/blog/recipes/soup/",
      "/blog/guides/setup/install.html",
      "/blog/2024/07/01/Ol%C3%A1-mundo.html",  // escaped as Jekyll's page.url is
      "/blog/docs/my%20page.html",
      "/blog/2024/08/02/late.html",  // 03:00 UTC: the fixture's timezone is UTC
  };
  CHECK(urls_of(records) == expected);
  CHECK(report.skipped_drafts == 1);      // _drafts/an-idea.md
  CHECK(report.skipped_future == 1);      // _posts/2099-01-01-future.md
  CHECK(report.skipped_unrendered == 1);  // published: false
  // README.md and _recipes/no-front-matter.md (no front matter), _posts/not-a-post.md (no date),
  // _staff (no output), _includes, notes/ (exclude), node_modules and vendor/bundle (defaults).
  CHECK(report.not_pages == 8);
  const ArticleRecord& lisbon = records.at("travel/_posts/2024-06-01-lisbon");
  CHECK(lisbon.categories == std::vector<std::string>{"travel", "food", "wine"});
  CHECK(day_of(lisbon) == "2024-06-01");
  CHECK(day_of(records.at("_posts/2024-03-09-dated")) == "2024-03-10");
  CHECK(day_of(records.at("_posts/2024-08-01-late")) == "2024-08-02");  // in UTC, the timezone
  CHECK(records.at("_posts/2023-12-31-no-front-matter").title == "No Front Matter");
  CHECK(records.at("_posts/2024-01-15-hello-world").categories == std::vector<std::string>{"News"});
}

TEST_CASE("sites: folio index SITE_ROOT reads a Zola or a Jekyll site") {
  test::TempDir tmp;
  const std::pair<const char*, const char*> sites[] = {{"zola", "15"}, {"jekyll", "18"}};
  for (const auto& [site, pages] : sites) {
    CAPTURE(site);
    const CommandResult result = run(std::string(FOLIO_CLI_PATH) + " index " + kSites + "/" + site +
                                     " --db " + tmp.join(site) + " --full");
    CHECK(result.exit_code == 0);
    CHECK(result.output.find(std::string(pages) + " added") != std::string::npos);
    CHECK(result.output.find(std::string(pages) + " articles in the index") != std::string::npos);
  }
}

namespace {

bool jekyll_missing() {
  if (run("command -v jekyll").exit_code == 0) return false;
  std::printf(
      "SKIPPED: jekyll is not installed (apt-get install jekyll; scripts/setup.sh --test "
      "installs it)\n");
  return true;
}

// The pages `jekyll build --drafts --future` writes for the site at `source` (files under the
// destination, *.html), and the files folio's URLs name when it indexes the same site with drafts
// and future posts: a URL ending in '/' is its folder's index.html, any other the path with .html
// (Jekyll writes /about as about.html), the baseurl and the percent-encoding taken off.
struct BothSides {
  std::set<std::string> written;
  std::set<std::string> stored;
};

BothSides build_and_index(const test::TempDir& tmp, const std::string& source,
                          const std::string& base_path) {
  BothSides sides;
  const std::string out = tmp.join("out");
  const CommandResult build =
      run("TZ=UTC jekyll build --drafts --future --quiet -s '" + source + "' -d '" + out + "'");
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html")
      sides.written.insert(entry.path().lexically_relative(out).generic_string());
  }
  IndexRequest request = site_request(source, tmp.join("index"));
  request.settings.include_drafts = true;
  request.settings.include_future = true;
  request.settings.explicit_keys = {"include_drafts", "include_future"};
  const IndexReport report = run_index(request);
  CHECK(report.failed == 0);
  for (const std::string& url : urls_of(stored_records(tmp.join("index")))) {
    REQUIRE(url.rfind(base_path, 0) == 0);
    std::string file = percent_decoded(url.substr(base_path.size()));
    if (file.empty() || file.back() == '/') {
      file += "index.html";
    } else if (fs::path(file).extension() != ".html") {
      file += ".html";
    }
    sides.stored.insert(file);
  }
  return sides;
}

}  // namespace

// The proof against the generator: jekyll builds a copy of the fixture, and every page it writes
// must be a URL folio stores, and every URL folio stores a page it writes. Drafts and future posts
// are built on both sides so that those rules are compared too.
TEST_CASE("sites: every page jekyll builds is a URL folio stores, and back") {
  if (jekyll_missing()) return;
  test::TempDir tmp;
  const std::string source = tmp.join("site");
  test::copy_tree(kSites + "/jekyll", source);
  const BothSides sides = build_and_index(tmp, source, "/blog/");
  CHECK(sides.stored == sides.written);
  CHECK(sides.written.size() == 20);  // the 18 pages, the draft and the future post
}

// The same comparison under each permalink style, custom patterns, include and exclude, front
// matter defaults, and with the posts and collections moved into a collections_dir.
TEST_CASE("sites: jekyll and folio agree under each permalink style and collections_dir") {
  if (jekyll_missing()) return;
  struct Variant {
    const char* name;
    const char* config;
    bool collections_dir = false;
  };
  const Variant variants[] = {
      {"pretty",
       "permalink: pretty\ncollections:\n  recipes: {output: true}\n"
       "  guides: {output: true}\n"},
      {"ordinal",
       "permalink: ordinal\ncollections:\n  recipes:\n    output: true\n"
       "    permalink: /r/:title:output_ext\n"},
      {"weekdate",
       "permalink: weekdate\ncollections:\n  guides:\n    output: true\n"
       "    permalink: /g/:path/\n"},
      {"none", "permalink: none\ninclude: [_staff]\nexclude: [docs]\n"},
      {"custom",
       "permalink: /:categories/:short_year/:i_month/:i_day/:slug/:hour:minute/\n"
       "collections:\n  recipes:\n    output: true\n"
       "    permalink: /:collection/:name:output_ext\n"},
      {"no ending", "permalink: /:year/:title\n"},
      // Dates written with an offset move to the zone's calendar: late.md is on 2024-08-01 there.
      {"timezone", "timezone: America/Los_Angeles\npermalink: /:year/:month/:day/:hour/:title/\n"},
      {"defaults",
       "collections:\n  recipes: {output: true}\ndefaults:\n"
       "  - scope: {path: docs}\n    values: {permalink: /manual/:basename/}\n"
       "  - scope: {path: '', type: posts}\n    values: {permalink: '/p/:year/:title/'}\n"
       "  - scope: {path: travel, type: posts}\n    values: {permalink: /t/:title/}\n"
       "  - scope: {path: _posts/sub}\n    values: {published: false}\n"},
      {"collections_dir",
       "collections_dir: coll\ncollections:\n  recipes: {output: true}\n"
       "permalink: /:categories/:slugified_categories/:w_year/:week/:long_day/:title/\n",
       true},
  };
  for (const Variant& variant : variants) {
    CAPTURE(variant.name);
    test::TempDir tmp;
    const std::string source = tmp.join("site");
    test::copy_tree(kSites + "/jekyll", source);
    tmp.write("site/_config.yml", variant.config);
    if (variant.collections_dir) {
      fs::create_directories(source + "/coll");
      for (const char* folder : {"_posts", "_drafts", "_recipes"})
        fs::rename(source + "/" + folder, source + "/coll/" + folder);
      fs::create_directories(source + "/coll/nested/_posts");
      fs::copy(source + "/coll/_posts/2024-01-15-hello-world.md",
               source + "/coll/nested/_posts/2024-01-16-nested.md");
    }
    const BothSides sides = build_and_index(tmp, source, "/");
    CHECK(sides.stored == sides.written);
    CHECK(sides.written.size() >= 15);
  }
}
