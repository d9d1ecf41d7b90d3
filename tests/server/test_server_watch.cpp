// --watch: articles created, edited, renamed (also as editors save: a temporary file renamed over
// the article), deleted, and in new folders are searchable soon after, and a file saved with bad
// front matter is reported with its line while its last good version stays searchable. Every
// wait polls up to a bound far above the promised second, so a busy machine does not fail them;
// no test asserts a speed.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "folio/error.hpp"
#include "server/server_fixture.hpp"

using namespace folio::test;
namespace fs = std::filesystem;

namespace {

constexpr int kPolls = 500;  // x 20 ms: 10 s
constexpr auto kPollEvery = std::chrono::milliseconds(20);

// Polls until `word` finds `expected` articles; the last total seen otherwise.
long total_for(const TestServer& server, const std::string& word, long expected) {
  long total = -1;
  for (int attempt = 0; attempt < kPolls; ++attempt) {
    const auto r = get_json(server, "/api/search?q=" + word);
    if (r.status == 200) total = r.body["total"].get<long>();
    if (total == expected) break;
    std::this_thread::sleep_for(kPollEvery);
  }
  return total;
}

// Polls until `word`'s first hit has `url`; the last URL seen otherwise.
std::string url_for(const TestServer& server, const std::string& word, const std::string& url) {
  std::string seen;
  for (int attempt = 0; attempt < kPolls; ++attempt) {
    const auto r = get_json(server, "/api/search?q=" + word);
    if (r.status == 200 && !r.body["hits"].empty()) seen = r.body["hits"][0]["url"];
    if (seen == url) break;
    std::this_thread::sleep_for(kPollEvery);
  }
  return seen;
}

// Polls the server's log for a line holding `text`.
bool logged(const TestServer& server, const std::string& text) {
  for (int attempt = 0; attempt < kPolls; ++attempt) {
    for (const std::string& line : server.log_lines()) {
      if (line.find(text) != std::string::npos) return true;
    }
    std::this_thread::sleep_for(kPollEvery);
  }
  return false;
}

folio::server::AppOptions watch_options(const ContentCopy& site) {
  folio::server::AppOptions options = test_options(site.db);
  options.index.content_dirs = {site.content.string()};
  options.watch = true;
  return options;
}

}  // namespace

TEST_CASE("server watch: an article is found once created, edited, renamed and gone once deleted") {
  const ContentCopy site;
  TestServer server(watch_options(site));
  const fs::path posts = site.content / "posts";

  write_article(posts / "watched.md", "Watched", "The zyzzyvawatch lives here.");
  CHECK(total_for(server, "zyzzyvawatch", 1) == 1);

  write_article(posts / "watched.md", "Watched", "Now the quokkaedit lives here.");
  CHECK(total_for(server, "quokkaedit", 1) == 1);
  CHECK(total_for(server, "zyzzyvawatch", 0) == 0);

  fs::rename(posts / "watched.md", posts / "renamed.md");
  CHECK(url_for(server, "quokkaedit", "/posts/renamed/") == "/posts/renamed/");
  CHECK(total_for(server, "quokkaedit", 1) == 1);

  // How vim, Emacs and most editors save: write a hidden temporary file, rename it over.
  write_article(posts / ".renamed.md.tmp", "Renamed", "The wombatsave came in a rename.");
  fs::rename(posts / ".renamed.md.tmp", posts / "renamed.md");
  CHECK(total_for(server, "wombatsave", 1) == 1);
  CHECK(total_for(server, "quokkaedit", 0) == 0);

  fs::remove(posts / "renamed.md");
  CHECK(total_for(server, "wombatsave", 0) == 0);
}

TEST_CASE("server watch: articles in new folders are found, and later ones in them too") {
  const ContentCopy site;
  TestServer server(watch_options(site));
  const fs::path deeper = site.content / "essays" / "deeper";

  // create_directories then a file at once: the file may come before the folder is watched.
  write_article(deeper / "first.md", "First essay",
                "The okapinested is nested, said the ibexfirst.");
  CHECK(total_for(server, "okapinested", 1) == 1);
  write_article(deeper / "second.md", "Second essay", "The okapinested is here twice.");
  CHECK(total_for(server, "okapinested", 2) == 2);

  fs::rename(site.content / "essays", site.content / "moved");  // a folder renamed in the tree
  CHECK(url_for(server, "ibexfirst", "/moved/deeper/first/") == "/moved/deeper/first/");
  write_article(site.content / "moved" / "deeper" / "third.md", "Third", "A third okapinested.");
  CHECK(total_for(server, "okapinested", 3) == 3);

  fs::remove_all(site.content / "moved");
  CHECK(total_for(server, "okapinested", 0) == 0);
}

TEST_CASE("server watch: a bundle's index.md deleted makes the files beside it pages again") {
  const ContentCopy site;
  TestServer server(watch_options(site));
  const fs::path bundle = site.content / "posts" / "bundle";

  write_article(bundle / "index.md", "Bundle", "The llamabundle page.");
  write_article(bundle / "notes.md", "Notes", "The alpacaresource text.");
  REQUIRE(total_for(server, "llamabundle", 1) == 1);
  CHECK(total_for(server, "alpacaresource", 0) == 0);  // a resource of the bundle, not a page

  // Only index.md changed, yet notes.md, unchanged, is now a page of its own.
  fs::remove(bundle / "index.md");
  CHECK(total_for(server, "alpacaresource", 1) == 1);
  CHECK(total_for(server, "llamabundle", 0) == 0);
}

TEST_CASE(
    "server watch: bad front matter is reported with its line, and the last good version stays") {
  const ContentCopy site;
  TestServer server(watch_options(site));
  const fs::path file = site.content / "posts" / "fragile.md";

  write_article(file, "Fragile", "The narwhalgood version.");
  REQUIRE(total_for(server, "narwhalgood", 1) == 1);

  {
    std::ofstream out(file);
    out << "+++\ntitle = \"Fragile\"\ndate = = 2026\n+++\n\nThe narwhalbroken version.\n";
  }
  CHECK(logged(server, "fragile.md:3"));
  CHECK(total_for(server, "narwhalgood", 1) == 1);
  CHECK(total_for(server, "narwhalbroken", 0) == 0);

  write_article(file, "Fragile", "The narwhalfixed version.");
  CHECK(total_for(server, "narwhalfixed", 1) == 1);
  CHECK(total_for(server, "narwhalgood", 0) == 0);
}

TEST_CASE("server watch: the index is brought up to date at start, and created if missing") {
  ContentCopy site;
  write_article(site.content / "posts" / "offline.md", "Offline", "The tapirwhiledown edit.");
  folio::server::AppOptions options = watch_options(site);
  options.index.db_path = site.dir.str("new-index");
  options.server.wait_for_index = true;
  TestServer server(options);
  CHECK(total_for(server, "tapirwhiledown", 1) == 1);
  CHECK(get_json(server, "/api/search?q=kafka").body["total"].get<long>() > 0);
}

TEST_CASE("server watch: a content folder that does not exist is an io error") {
  const ContentCopy site;
  folio::server::AppOptions options = watch_options(site);
  options.index.content_dirs = {site.dir.str("no-such-folder")};
  try {
    folio::server::App app(options);
    FAIL("the server started without its content folder");
  } catch (const folio::Error& e) {
    CHECK(e.code() == folio::ErrorCode::io);
    CHECK(e.where().path == options.index.content_dirs.front());
  }
}
