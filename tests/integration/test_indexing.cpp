// Integration tests: index real files (sample-content/ and generated trees) into real indexes.
#include <xapian.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "folio/error.hpp"
#include "folio/index_writer.hpp"
#include "folio/indexer.hpp"
#include "store/stored_record.hpp"
#include "test_support.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

IndexRequest request_for(const std::string& content, const std::string& db,
                         IndexMode mode = IndexMode::incremental) {
  IndexRequest r;
  r.settings.content_dirs = {content};
  r.settings.db_path = db;
  r.settings.jobs = 2;
  r.mode = mode;
  return r;
}

std::size_t count_markdown(const std::string& root) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".md") ++n;
  }
  return n;
}

detail::StoredArticle stored(const std::string& db, const std::string& id) {
  Xapian::Database xdb(current_generation_path(db));
  auto it = xdb.postlist_begin("Q" + id);
  REQUIRE(it != xdb.postlist_end("Q" + id));
  return detail::read_stored_article(xdb.get_document(*it));
}

std::string article(const std::string& title, const std::string& tags, const std::string& body) {
  return "+++\ntitle = \"" + title + "\"\ndate = 2025-05-01\ntags = [" + tags + "]\n+++\n" + body +
         "\n";
}

}  // namespace

TEST_CASE("indexing: sample-content indexes completely, and a second run changes nothing") {
  test::TempDir tmp;
  std::string db = tmp.join("index");
  std::size_t files = count_markdown(FOLIO_SAMPLE_CONTENT_DIR);
  REQUIRE(files >= 40);

  IndexReport first = run_index(request_for(FOLIO_SAMPLE_CONTENT_DIR, db));
  INFO("problems: " << first.problems.size());
  CHECK(first.failed == 0);
  CHECK(first.files == files);
  CHECK(first.skipped_drafts == 1);
  CHECK(first.added == files - 1);
  CHECK(first.documents == files - 1);

  auto seed = stored(db, "posts/go-vs-rust");
  CHECK(seed.record.title == "Go vs Rust (2026): Which is Better for Backend Language?");
  CHECK(seed.record.url == "/posts/go-vs-rust/");
  CHECK(seed.record.tags ==
        std::vector<std::string>{"Go", "Rust", "Comparison", "Backend Language"});
  CHECK(seed.record.categories == std::vector<std::string>{"Guides", "Comparisons"});
  CHECK(format_iso8601(*seed.record.date) == "2026-01-26T18:53:20Z");
  CHECK_FALSE(seed.record.headings.empty());
  // The searcher stems queries with the language the writer stemmed with.
  CHECK(Xapian::Database(current_generation_path(db)).get_metadata("folio.language") == "en");

  auto revision = [&db] { return Xapian::Database(current_generation_path(db)).get_revision(); };
  Xapian::rev before = revision();
  IndexReport second = run_index(request_for(FOLIO_SAMPLE_CONTENT_DIR, db));
  CHECK(second.unchanged == files - 1);
  CHECK(second.added + second.updated + second.deleted + second.failed == 0);
  CHECK(revision() == before);  // nothing committed: readers have nothing to reopen
}

TEST_CASE("indexing: a run with other document settings rebuilds every article") {
  test::TempDir tmp;
  std::string db = tmp.join("index");
  IndexReport first = run_index(request_for(FOLIO_SAMPLE_CONTENT_DIR, db));
  REQUIRE(first.added > 40);
  CHECK_FALSE(first.rebuilt_for_settings);

  IndexRequest heavier_titles = request_for(FOLIO_SAMPLE_CONTENT_DIR, db);
  heavier_titles.settings.weights.title = 9;
  IndexReport changed = run_index(heavier_titles);
  CHECK(changed.rebuilt_for_settings);
  CHECK(changed.updated == first.added);  // every article written again
  CHECK(changed.unchanged == 0);
  REQUIRE(changed.warnings.size() == 1);
  CHECK_THAT(changed.warnings.front(),
             Catch::Contains("weights 6,3,3,3,2,1,1") && Catch::Contains("weights 9,3,3,3,2,1,1"));

  IndexReport again = run_index(heavier_titles);
  CHECK_FALSE(again.rebuilt_for_settings);
  CHECK(again.unchanged == first.added);

  SECTION("an index written before settings were recorded is rebuilt too") {
    {
      Xapian::WritableDatabase xdb(current_generation_path(db));
      xdb.set_metadata("folio.settings_digest", "");
      xdb.commit();
    }
    IndexReport old = run_index(heavier_titles);
    CHECK(old.rebuilt_for_settings);
    CHECK_THAT(old.warnings.front(), Catch::Contains("by another version of folio"));
  }
}

TEST_CASE("indexing: edits, deletions and renames propagate; a broken edit keeps the old version") {
  test::TempDir tmp;
  std::string content = tmp.join("content");
  std::string db = tmp.join("index");
  tmp.write("content/posts/a.md", article("Alpha", "\"Go\"", "alpha body"));
  tmp.write("content/posts/b.md", article("Beta", "\"Rust\"", "beta body"));
  tmp.write("content/posts/c.md", article("Gamma", "\"Go\"", "gamma body"));
  REQUIRE(run_index(request_for(content, db)).added == 3);

  tmp.write("content/posts/a.md", article("Alpha v2", "\"Go\"", "alpha edited"));
  tmp.remove("content/posts/b.md");
  fs::rename(tmp.join("content/posts/c.md"), tmp.join("content/posts/c-renamed.md"));
  IndexReport r = run_index(request_for(content, db));
  CHECK(r.updated == 1);
  CHECK(r.added == 1);
  CHECK(r.deleted == 2);
  CHECK(r.documents == 2);
  CHECK(stored(db, "posts/a").record.title == "Alpha v2");
  CHECK(stored(db, "posts/c-renamed").record.url == "/posts/c-renamed/");

  SECTION("incremental run") {
    tmp.write("content/posts/a.md", "+++\ntitle = \"broken\ndate = 2025-05-01\n+++\nbody\n");
    IndexReport broken = run_index(request_for(content, db));
    CHECK(broken.failed == 1);
    REQUIRE(broken.problems.size() == 1);
    CHECK(broken.problems[0].where.path.find("a.md") != std::string::npos);
    CHECK(broken.problems[0].where.line > 0);
    CHECK(stored(db, "posts/a").record.title == "Alpha v2");
    CHECK(broken.documents == 2);
  }
  SECTION("full rebuild") {
    tmp.write("content/posts/a.md", std::string("+++\ntitle = \"bad utf8 \xff\"\n+++\nbody\n"));
    IndexReport broken = run_index(request_for(content, db, IndexMode::full));
    CHECK(broken.failed == 1);
    CHECK(broken.problems[0].code == ErrorCode::encoding);
    CHECK(stored(db, "posts/a").record.title == "Alpha v2");
    CHECK(broken.documents == 2);
  }
}

TEST_CASE("indexing: a file whose size and time are unchanged is skipped without reading it") {
  using namespace std::chrono_literals;
  test::TempDir tmp;
  std::string content = tmp.join("content");
  std::string db = tmp.join("index");
  auto age = [&](const std::string& relative, std::chrono::hours ago) {
    fs::last_write_time(tmp.join(relative), fs::file_time_type::clock::now() - ago);
  };
  auto size = [&](const std::string& relative) { return fs::file_size(tmp.join(relative)); };
  tmp.write("content/posts/a.md", article("Alpha", "\"Go\"", "alpha body"));
  tmp.write("content/posts/b.md", article("Beta", "\"Rust\"", "beta body"));
  tmp.write("content/posts/fresh.md", article("Fresh", "\"Go\"", "written just now"));
  age("content/posts/a.md", 48h);
  age("content/posts/b.md", 48h);
  REQUIRE(run_index(request_for(content, db)).added == 3);

  // fresh.md was modified too recently for its stamp to be trusted: it is read and compared.
  IndexReport again = run_index(request_for(content, db));
  CHECK(again.unchanged == 3);
  CHECK(again.bytes == size("content/posts/fresh.md"));

  SECTION("a touched file is read once, then skipped again") {
    age("content/posts/a.md", 24h);
    IndexReport touched = run_index(request_for(content, db));
    CHECK(touched.unchanged == 3);
    CHECK(touched.bytes == size("content/posts/a.md") + size("content/posts/fresh.md"));
    CHECK(run_index(request_for(content, db)).bytes == size("content/posts/fresh.md"));
  }
  SECTION("an edit changes the stamp, so the new content is indexed") {
    tmp.write("content/posts/a.md", article("Alpha v2", "\"Go\"", "alpha edited"));
    age("content/posts/a.md", 1h);
    IndexReport edited = run_index(request_for(content, db));
    CHECK(edited.updated == 1);
    CHECK(stored(db, "posts/a").record.title == "Alpha v2");
  }
  SECTION("a full rebuild reads every file") {
    IndexReport full = run_index(request_for(content, db, IndexMode::full));
    CHECK(full.bytes ==
          size("content/posts/a.md") + size("content/posts/b.md") + size("content/posts/fresh.md"));
  }
}

TEST_CASE(
    "indexing: with a watcher's hint only the hinted files are read, and gone files still go") {
  test::TempDir tmp;
  std::string content = tmp.join("content");
  std::string db = tmp.join("index");
  tmp.write("content/posts/a.md", article("Alpha", "\"Go\"", "alpha body"));
  tmp.write("content/posts/b.md", article("Beta", "\"Rust\"", "beta body"));
  tmp.write("content/posts/c.md", article("Gamma", "\"Go\"", "gamma body"));
  tmp.write("content/posts/expired.md", "+++\ntitle = \"Old\"\nexpiryDate = 2001-01-01\n+++\nx\n");
  REQUIRE(run_index(request_for(content, db)).added == 3);

  tmp.write("content/posts/a.md", article("Alpha v2", "\"Go\"", "alpha edited"));
  tmp.write("content/posts/b.md", article("Beta v2", "\"Rust\"", "beta edited"));
  tmp.remove("content/posts/c.md");
  IndexRequest hinted = request_for(content, db);
  // Spelled unlike the walk ("content/./posts"): compared after normalisation.
  hinted.only_files = std::set<std::string>{content + "/./posts/a.md", content + "/posts/c.md"};
  IndexReport r = run_index(hinted);
  CHECK(r.updated == 1);
  CHECK(r.deleted == 1);
  CHECK(r.unchanged == 2);        // b.md, changed but not hinted, and expired.md: neither read
  CHECK(r.skipped_expired == 0);  // expired.md was not parsed again
  CHECK(r.bytes == fs::file_size(tmp.join("content/posts/a.md")));
  CHECK(stored(db, "posts/a").record.title == "Alpha v2");
  CHECK(stored(db, "posts/b").record.title == "Beta");

  SECTION("a full run ignores the hint") {
    hinted.mode = IndexMode::full;
    run_index(hinted);
    CHECK(stored(db, "posts/b").record.title == "Beta v2");
  }
  SECTION("without a hint the next incremental run finds the rest") {
    CHECK(run_index(request_for(content, db)).updated == 1);
    CHECK(stored(db, "posts/b").record.title == "Beta v2");
  }
}

TEST_CASE("indexing: files over the size limit and binary files are reported and skipped") {
  test::TempDir tmp;
  std::string content = tmp.join("content");
  tmp.write("content/ok.md", article("Ok", "\"Go\"", "fine"));
  tmp.write("content/big.md", article("Big", "\"Go\"", std::string(4096, 'x')));
  tmp.write("content/binary.md", std::string("+++\ntitle = \"x\"\n+++\n\0\x01\x02", 22));
  IndexRequest req = request_for(content, tmp.join("index"));
  req.settings.max_file_bytes = 1024;
  IndexReport r = run_index(req);
  CHECK(r.added == 1);
  CHECK(r.failed == 2);
  bool saw_too_large = false, saw_binary = false;
  for (const auto& p : r.problems) {
    saw_too_large |=
        p.code == ErrorCode::too_large && p.where.path.find("big.md") != std::string::npos;
    saw_binary |=
        p.code == ErrorCode::encoding && p.where.path.find("binary.md") != std::string::npos;
  }
  CHECK(saw_too_large);
  CHECK(saw_binary);
}

TEST_CASE("indexing: a second writer gets a clear locked error") {
  test::TempDir tmp;
  tmp.write("content/a.md", article("A", "\"Go\"", "a"));
  IndexWriterOptions options;
  options.db_path = tmp.join("index");
  IndexWriter holder(options);
  try {
    run_index(request_for(tmp.join("content"), tmp.join("index")));
    FAIL("expected the index to be locked");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::locked);
    CHECK(std::string(e.what()).find("locked by another folio process") != std::string::npos);
  }
}

TEST_CASE("indexing: dry run and check write nothing") {
  test::TempDir tmp;
  tmp.write("content/a.md", article("A", "\"Go\"", "a"));
  IndexRequest dry = request_for(tmp.join("content"), tmp.join("index"));
  dry.dry_run = true;
  CHECK(run_index(dry).added == 1);
  CHECK(current_generation_path(tmp.join("index")).empty());
  IndexRequest check = request_for(tmp.join("content"), tmp.join("index2"), IndexMode::check);
  CHECK(run_index(check).failed == 0);
  CHECK_FALSE(fs::exists(tmp.join("index2")));
}

TEST_CASE("indexing: a full rebuild swaps generations atomically and cleans up") {
  test::TempDir tmp;
  tmp.write("content/a.md", article("A", "\"Go\"", "a"));
  std::string db = tmp.join("index");
  run_index(request_for(tmp.join("content"), db));
  std::string first = current_generation_path(db);
  Xapian::Database reader(db);  // a reader on the stub keeps working across the swap
  run_index(request_for(tmp.join("content"), db, IndexMode::full));
  std::string second = current_generation_path(db);
  CHECK(first != second);
  CHECK(reader.get_doccount() == 1);
  run_index(request_for(tmp.join("content"), db, IndexMode::full));
  CHECK_FALSE(fs::exists(first));  // two generations back is removed
  CHECK(fs::exists(second));
  CHECK(Xapian::Database(db).get_doccount() == 1);
}

TEST_CASE("indexing: an update run removes what a killed rebuild left behind") {
  test::TempDir tmp;
  tmp.write("content/a.md", article("A", "\"Go\"", "a"));
  std::string db = tmp.join("index");
  run_index(request_for(tmp.join("content"), db));
  std::string current = current_generation_path(db);
  // What a --full killed before its swap leaves: a newer generation and its shard folder.
  tmp.write("index/gen-000002/postlist.glass", "partial");
  tmp.write("index/gen-000002.shards/0/postlist.glass", "partial");
  tmp.write("content/b.md", article("B", "\"Go\"", "b"));
  IndexReport report = run_index(request_for(tmp.join("content"), db));
  CHECK(report.added == 1);
  CHECK_FALSE(fs::exists(tmp.join("index/gen-000002")));
  CHECK_FALSE(fs::exists(tmp.join("index/gen-000002.shards")));
  CHECK(current_generation_path(db) == current);
  CHECK(Xapian::Database(db).get_doccount() == 2);
}

TEST_CASE("indexing: an index from an older schema is rebuilt by the next run") {
  test::TempDir tmp;
  tmp.write("content/a.md", article("A", "\"Go\"", "a"));
  std::string db = tmp.join("index");
  run_index(request_for(tmp.join("content"), db));
  {
    Xapian::WritableDatabase old(current_generation_path(db));
    old.set_metadata("folio.schema_version", "1");
    old.commit();
  }
  tmp.write("content/b.md", article("B", "\"Go\"", "b"));
  IndexReport rebuilt = run_index(request_for(tmp.join("content"), db));
  CHECK(rebuilt.rebuilt_for_settings);
  CHECK(rebuilt.updated == 1);  // a.md, unchanged, written again in the new format
  CHECK(rebuilt.added == 1);
  CHECK(rebuilt.documents == 2);
  CHECK(stored(db, "b").record.title == "B");
}

TEST_CASE("indexing: kill -9 at any point leaves the last committed index usable") {
  test::TempDir tmp;
  std::string content = tmp.join("content");
  std::string db = tmp.join("index");
  for (int i = 0; i < 600; ++i) {
    std::string body;
    for (int w = 0; w < 150; ++w)
      body += "word" + std::to_string((i * 7 + w) % 997) + " ";
    tmp.write("content/p" + std::to_string(i) + ".md",
              article("Post " + std::to_string(i), "\"Go\"", body));
  }
  REQUIRE(run_index(request_for(content, db)).documents == 600);
  for (int i = 600; i < 1200; ++i)
    tmp.write("content/p" + std::to_string(i) + ".md", article("New", "\"Go\"", "new"));

  const int delays_ms[] = {5, 40, 120, 300};
  for (int delay : delays_ms) {
    bool full = delay % 2 == 0;
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      try {
        run_index(request_for(content, db, full ? IndexMode::full : IndexMode::incremental));
      } catch (...) {
        ::_exit(1);
      }
      ::_exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    INFO("killed after " << delay << " ms, full=" << full);
    Xapian::Database reader(db);
    auto count = reader.get_doccount();
    CHECK((count == 600 || count == 1200));
  }
  IndexReport after = run_index(request_for(content, db));
  CHECK(after.failed == 0);
  CHECK(after.documents == 1200);
}
