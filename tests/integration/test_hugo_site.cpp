// The generator itself as the judge of URLs: sample-content made into a Hugo site
// (tests/data/hugo-site) is built with Hugo and indexed with `folio index SITE_ROOT`; every
// URL folio stores must be a page Hugo wrote, and every page Hugo wrote from a content file must
// be in the index at that URL.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "folio/search.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string run(const std::string& command, int& exit_code) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Hugo percent-encodes non-ASCII in RelPermalink; folio stores the characters.
std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The layouts mark each page written from a content file with its permalink.
std::set<std::string> pages_hugo_wrote(const std::string& public_dir) {
  const std::regex marker(R"re(<meta name="folio-page" content="([^"]*)">)re");
  std::set<std::string> urls;
  for (const auto& entry : fs::recursive_directory_iterator(public_dir)) {
    if (entry.path().extension() != ".html") continue;
    const std::string html = folio::test::read_text(entry.path().string());
    for (std::sregex_iterator it(html.begin(), html.end(), marker), end; it != end; ++it)
      urls.insert(percent_decoded((*it)[1].str()));
  }
  return urls;
}

std::map<std::string, std::string> urls_folio_stored(const std::string& db) {
  folio::Searcher searcher(db);
  std::map<std::string, std::string> url_to_id;
  folio::SearchRequest request;
  request.page_size = 100;
  request.snippet_length = 0;
  for (request.page = 1;; ++request.page) {
    const folio::SearchResults results = searcher.search(request);
    for (const folio::Hit& hit : results.hits)
      url_to_id.emplace(hit.url, hit.id);
    if (results.hits.size() < static_cast<std::size_t>(request.page_size)) break;
  }
  return url_to_id;
}

std::string listed(const std::set<std::string>& urls) {
  std::string out;
  for (const std::string& url : urls)
    out += "\n  " + url;
  return out;
}

}  // namespace

TEST_CASE("hugo site: folio's URLs are exactly the pages Hugo writes") {
  folio::test::TempDir tmp;
  const std::string site = tmp.join("site");
  folio::test::copy_tree(FOLIO_HUGO_SITE_DIR, site);
  folio::test::copy_tree(FOLIO_SAMPLE_CONTENT_DIR, site + "/sample-content");

  int exit_code = -1;
  const std::string built =
      run(std::string(FOLIO_HUGO_PATH) + " --quiet --source " + site + " --destination " +
              tmp.join("public") + " --cacheDir " + tmp.join("hugo-cache"),
          exit_code);
  INFO(built);
  REQUIRE(exit_code == 0);
  const std::string indexed = run(
      std::string(FOLIO_CLI_PATH) + " index " + site + " --db " + tmp.join("index") + " --strict",
      exit_code);
  INFO(indexed);
  REQUIRE(exit_code == 0);

  const std::set<std::string> hugo = pages_hugo_wrote(tmp.join("public"));
  const std::map<std::string, std::string> folio_urls = urls_folio_stored(tmp.join("index"));
  std::set<std::string> only_hugo;
  std::set<std::string> only_folio;
  for (const std::string& url : hugo)
    if (!folio_urls.count(url)) only_hugo.insert(url);
  for (const auto& [url, id] : folio_urls)
    if (!hugo.count(url)) only_folio.insert(url + " (" + id + ")");
  INFO("written by Hugo, not in the index:" << listed(only_hugo));
  INFO("in the index, not written by Hugo:" << listed(only_folio));
  CHECK(only_hugo.empty());
  CHECK(only_folio.empty());
  CHECK(hugo.size() > 50);  // sample-content and the fixture's pages, not an empty build

  // The cases the fixture exists for, by name, so that a regression says which rule broke.
  CHECK(folio_urls.count("/2026/01/go-vs-rust-2026-which-is-better-for-backend-language/"));
  // (posts: "/:year/:month/:slug/", no slug: the title)
  CHECK(folio_urls.count("/fr/2026/01/go-ou-rust/"));          // post.fr.md
  CHECK(folio_urls.count("/fr/2026/02/kafka-ou-rabbitmq/"));   // French content folder
  CHECK(folio_urls.count("/notes/notes/archive/old-note/"));   // :sections, nested
  CHECK(folio_urls.count("/custom/Landing/"));                 // url front matter
  CHECK(folio_urls.count("/guides/slug-with-spaces/"));        // slug front matter
  CHECK(folio_urls.count("/guides/bundle-demo/"));             // a leaf bundle
  CHECK(indexed.find("4 not rendered") != std::string::npos);  // headless, never, cascade
}

TEST_CASE("hugo site: languages and a custom taxonomy come from the site's config") {
  folio::test::TempDir tmp;
  const std::string site = tmp.join("site");
  folio::test::copy_tree(FOLIO_HUGO_SITE_DIR, site);
  folio::test::copy_tree(FOLIO_SAMPLE_CONTENT_DIR, site + "/sample-content");
  int exit_code = -1;
  const std::string indexed =
      run(std::string(FOLIO_CLI_PATH) + " index " + site + " --db " + tmp.join("index"), exit_code);
  INFO(indexed);
  REQUIRE(exit_code == 0);

  folio::Searcher searcher(tmp.join("index"));
  auto french = searcher.article("posts/kafka-ou-rabbitmq.fr");
  REQUIRE(french);
  CHECK(french->language == "fr");
  auto suffixed = searcher.article("posts/go-vs-rust.fr");
  REQUIRE(suffixed);
  CHECK(suffixed->language == "fr");
  CHECK_FALSE(searcher.article("guides/bundle-demo/notes"));  // a bundle resource
  CHECK_FALSE(searcher.article("snippets/shared-text"));      // cascade: render never

  folio::SearchRequest by_topic;
  by_topic.query = "topics:search";
  const folio::SearchResults results = searcher.search(by_topic);
  CHECK(results.total == 2);  // the bundle and the page with its own URL
}
