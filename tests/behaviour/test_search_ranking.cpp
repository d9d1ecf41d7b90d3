// Ranking on site-like content: a page whose title is the query, and a section or taxonomy page
// (_index.md) about it, come before pages that only mention the words in their text; a title
// typed as it is written finds its page first, whatever query syntax its characters spell.
#include <catch2/catch.hpp>

#include "behaviour/search_fixture.hpp"

using namespace folio;
using folio::test::hit_ids;
using folio::test::request;
using folio::test::TempDir;

namespace {

struct Page {
  const char* path;
  const char* title;
  const char* body;
};

// A small site: hub pages with short bodies, and pages that repeat the hubs' words in their text.
const Page kSite[] = {
    {"topics/accessibility/_index.md", "Accessibility",
     "The guidance, resources and community you find here will help you deliver digital products "
     "and services that everyone can use, people with disabilities included."},
    {"resources/accessibility-intro.md", "An introduction to accessibility",
     "Accessibility means that people with disabilities can use what you build. This introduction "
     "to accessibility covers the law, accessibility testing and the accessibility of documents: "
     "accessibility is for everyone."},
    {"news/accessibility-summit.md", "Notes from the summit",
     "The summit opened with a talk on accessibility in procurement. Accessibility is a legal "
     "duty, and accessibility reviews belong in every release. Teams shared their accessibility "
     "checklists, their accessibility training plans and the accessibility bugs they fixed."},
    {"guides/inclusive-design.md", "Inclusive design",
     "Inclusive design starts from accessibility. Accessibility means people with disabilities "
     "can use a service. Good accessibility helps everyone: captions and contrast are "
     "accessibility features that many people use every day."},
    {"resources/plain-language-guidelines.md", "Federal plain language guidelines",
     "These plain language guidelines explain how to write in plain language: plain language "
     "organisation, plain language words and plain language testing."},
    {"posts/plain-language.md", "Plain language",
     "Write so that readers understand what you mean the first time they read it. Use short "
     "sentences, common words and the active voice."},
    {"guides/writing-tips.md", "Writing tips for the web",
     "Plain language helps readers. Plain language guidelines ask for short sentences. Test plain "
     "language with real readers; plain language saves time for everyone."},
    {"news/clear-writing-awards.md", "Awards for clear writing",
     "This year's awards went to teams that rewrote their forms in plain language. The judges "
     "praised plain language letters, plain language help pages and a plain language tax guide."},
    {"posts/plain-language-movement.md", "The \"plain language\" movement",
     "A short history of the movement for clear government writing."},
    {"topics/open-data/_index.md", "Open data", "Everything published about this topic."},
    {"communities/open-data.md", "Open data",
     "The open data community meets monthly. Members publish open data sets, review open data "
     "policies and help agencies release open data in formats people can use."},
    {"posts/do-not-track.md", "Do NOT Track",
     "Browsers send a signal asking sites not to follow their readers."},
    {"posts/fno-exceptions.md", "Compiling with -fno-exceptions",
     "Some embedded projects turn C++ exceptions off with a compiler flag."},
    {"posts/track-changes.md", "Track changes in shared documents",
     "Do turn on tracking for every shared draft, so that reviewers do see what changed."},
    {"posts/yes-or-no.md", "Yes OR no questions (and why forms need them)",
     "Forms ask many questions whose answer is yes or no."},
    {"posts/colon.md", "Forms:why labels matter", "Every field needs a visible label."},
};

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

class RankingSite {
 public:
  RankingSite() : db_(dir_.join("index")) {
    for (const auto& page : kSite) {
      std::string file = "---\ntitle: \"";
      file += escaped(page.title);
      file += "\"\n---\n";
      file += page.body;
      file += '\n';
      dir_.write(std::string("content/") + page.path, file);
    }
    folio::test::write_index(db_, folio::test::parse_fixture_articles(dir_.join("content")));
  }
  const std::string& db() const { return db_; }

 private:
  TempDir dir_;
  std::string db_;
};

std::string first_hit(Searcher& searcher, const std::string& query) {
  std::vector<std::string> ids = hit_ids(searcher.search(request(query)));
  return ids.empty() ? std::string() : ids.front();
}

}  // namespace

TEST_CASE("ranking: a topic page and an exact title come before pages that repeat the words") {
  RankingSite site;
  Searcher searcher(site.db());
  // The other pages hold "accessibility" in their text, several times, one in its title too; the
  // topic page only in its title.
  CHECK(first_hit(searcher, "accessibility") == "topics/accessibility/_index");
  CHECK(first_hit(searcher, "Accessibility") == "topics/accessibility/_index");
  // The article titled "Plain language" before those that say it four times, and before those
  // whose titles hold more words than the query, the shorter title first.
  std::vector<std::string> ids = hit_ids(searcher.search(request("plain language")));
  REQUIRE(ids.size() >= 3);
  CHECK(ids[0] == "posts/plain-language");
  CHECK(ids[1] == "posts/plain-language-movement");
  // A section page and a page with the same title: the section page first.
  ids = hit_ids(searcher.search(request("open data")));
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == "topics/open-data/_index");
}

TEST_CASE("ranking: a page's title typed as written finds it first, query syntax and all") {
  RankingSite site;
  Searcher searcher(site.db());
  for (const auto& page : kSite) {
    std::string id(page.path);
    id = id.substr(0, id.size() - 3);                                        // ".md"
    if (id.ends_with("/_index") || id == "communities/open-data") continue;  // shared titles
    INFO("title: " << page.title);
    CHECK(first_hit(searcher, page.title) == id);
  }
  // NOT and a leading - would exclude the page's own words: the exact title still finds it,
  // while the operators keep their meaning for the other matches.
  SearchResults results = searcher.search(request("Do NOT Track"));
  REQUIRE(!results.hits.empty());
  CHECK(results.hits.front().id == "posts/do-not-track");
  for (const auto& hit : results.hits)
    CHECK(hit.id != "posts/track-changes");
  // The total and the facets count the page found this way too.
  SearchRequest with_facets = request("Do NOT Track");
  with_facets.facets = {FacetRequest{"section"}};
  results = searcher.search(with_facets);
  CHECK(results.total == results.hits.size());
  REQUIRE(results.facets.size() == 1);
  std::size_t counted = 0;
  for (const auto& value : results.facets[0].values)
    counted += value.count;
  CHECK(counted == results.hits.size());
  CHECK(first_hit(searcher, "compiling with -fno-exceptions") == "posts/fno-exceptions");
  // Not the exact title: the operators apply as written.
  CHECK(hit_ids(searcher.search(request("Do NOT Track changes"))).empty());
}

TEST_CASE("ranking: other sorts and filters are untouched by the title bonus") {
  RankingSite site;
  Searcher searcher(site.db());
  SearchRequest r = request("accessibility");
  r.filters = {FieldFilter{"section", {"news"}}};
  CHECK(hit_ids(searcher.search(r)) == std::vector<std::string>{"news/accessibility-summit"});
  r = request("-accessibility");
  std::vector<std::string> ids = hit_ids(searcher.search(r));
  CHECK(std::find(ids.begin(), ids.end(), "topics/accessibility/_index") == ids.end());
}

TEST_CASE("ranking: a page in a language without a stemmer is found by its title") {
  // Xapian stems neither Chinese nor "pt-br": such pages are indexed unstemmed, and queries in
  // their language, or in the index's default one, must find them by their words as written.
  TempDir dir;
  dir.write("content/distributed-systems.md",
            "---\ntitle: Distributed systems\n---\nMany computers working as one.\n");
  dir.write("content/distributed-systems.zh-cn.md",
            "---\ntitle: 分布式系统\nlanguage: zh-cn\n---\n分布式系统 是 一组 计算机\n");
  dir.write("content/distributed-systems.pt-br.md",
            "---\ntitle: Sistemas distribuídos\nlanguage: pt-br\n---\nComputadores trabalhando "
            "juntos.\n");
  std::string db = dir.join("index");
  folio::test::write_index(db, folio::test::parse_fixture_articles(dir.join("content")));
  Searcher searcher(db);
  for (std::string language : {"zh-cn", ""}) {
    INFO("query language: " << language);
    SearchRequest r = request("分布式系统");
    r.language = language;
    std::vector<std::string> ids = hit_ids(searcher.search(r));
    REQUIRE(!ids.empty());
    CHECK(ids == std::vector<std::string>{"distributed-systems.zh-cn"});
  }
  SearchRequest r = request("Sistemas distribuídos");
  r.language = "pt-br";
  r.filters = {FieldFilter{"lang", {"pt-br"}}};
  CHECK(hit_ids(searcher.search(r)).size() == 1);
  CHECK(hit_ids(searcher.search(request("distributed systems"))).size() == 1);
}
