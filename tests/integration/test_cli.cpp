// The `folio` command line as a site's build would run it: exit codes, reports, messages.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "folio/index_writer.hpp"
#include "test_support.hpp"

namespace {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CommandResult run_folio(const std::string& arguments) {
  std::string command = std::string(FOLIO_CLI_PATH) + " " + arguments + " 2>&1";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

const char* kGood =
    "+++\ntitle = \"Good\"\ndate = 2025-01-02\ntags = [\"Go\"]\n+++\n# Good\nconcurrency text\n";
const char* kBroken = "+++\ntitle = \"Broken\"\ntags = [\"Go\"\n+++\nbody\n";

}  // namespace

TEST_CASE("cli: index reports, and --strict turns a bad file into exit code 1") {
  folio::test::TempDir tmp;
  tmp.write("content/good.md", kGood);
  tmp.write("content/broken.md", kBroken);
  std::string args = "index " + tmp.join("content") + " --db " + tmp.join("index");

  CommandResult lenient = run_folio(args);
  CHECK(lenient.exit_code == 0);
  CHECK(lenient.output.find("broken.md:4") != std::string::npos);  // path:line of the problem
  CHECK(lenient.output.find("1 added") != std::string::npos);
  CHECK(lenient.output.find("1 failed") != std::string::npos);

  CommandResult strict = run_folio(args + " --strict");
  CHECK(strict.exit_code == 1);
  CHECK(strict.output.find("1 unchanged") != std::string::npos);

  CommandResult json = run_folio(args + " --json");
  CHECK(json.output.find("\"failed\": 1") != std::string::npos);
  CHECK(json.output.find("\"line\": 4") != std::string::npos);
}

TEST_CASE("cli: check validates without writing and fails on bad files") {
  folio::test::TempDir tmp;
  tmp.write("content/good.md", kGood);
  CHECK(run_folio("check " + tmp.join("content")).exit_code == 0);
  tmp.write("content/broken.md", kBroken);
  CommandResult bad = run_folio("check " + tmp.join("content"));
  CHECK(bad.exit_code == 1);
  CHECK(bad.output.find("broken.md") != std::string::npos);
}

TEST_CASE("cli: hostile front matter is reported with its line and the run goes on") {
  folio::test::TempDir tmp;
  tmp.write("content/good.md", kGood);
  const int depth = 10000;  // crashed toml11, yaml-cpp and the JSON tree's destructor before
  tmp.write("content/deep-toml.md", "+++\ntitle = \"x\"\nv = " + std::string(depth, '[') +
                                        std::string(depth, ']') + "\n+++\nbody\n");
  tmp.write("content/deep-yaml.md",
            "---\ntitle: x\nv: " + std::string(depth, '[') + std::string(depth, ']') + "\n---\n");
  tmp.write("content/deep-json.md", "{\"title\": \"x\", \"v\": " + std::string(depth * 50, '[') +
                                        std::string(depth * 50, ']') + "}\nbody\n");
  std::string laughs = "---\na: &a [l, l, l, l, l, l, l, l, l]\n";
  for (char name = 'b'; name <= 'i'; ++name) {
    std::string previous(1, static_cast<char>(name - 1));
    laughs += std::string(1, name) + ": &" + name + " [*" + previous + ", *" + previous + ", *" +
              previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous +
              ", *" + previous + ", *" + previous + "]\n";
  }
  tmp.write("content/laughs.md", laughs + "---\nbody\n");

  CommandResult check = run_folio("check " + tmp.join("content"));
  CHECK(check.exit_code == 1);
  CHECK(check.output.find("deep-toml.md:3:") != std::string::npos);
  CHECK(check.output.find("deep-yaml.md:3:") != std::string::npos);
  CHECK(check.output.find("deep-json.md:1") != std::string::npos);
  CHECK(check.output.find("laughs.md:") != std::string::npos);
  CHECK(check.output.find("1 ok, 4 failed") != std::string::npos);

  CommandResult index = run_folio("index " + tmp.join("content") + " --db " + tmp.join("index"));
  CHECK(index.exit_code == 0);
  CHECK(index.output.find("1 added") != std::string::npos);
  CHECK(index.output.find("4 failed") != std::string::npos);
}

TEST_CASE("cli: a link to a file outside the content folder is not indexed, and is reported") {
  folio::test::TempDir tmp;
  tmp.write("content/good.md", kGood);
  tmp.write("private/secret.md", "+++\ntitle = \"Secret\"\n+++\nlaunch codes zebra\n");
  std::filesystem::create_symlink(tmp.join("private/secret.md"), tmp.join("content/secret.md"));
  CommandResult index = run_folio("index " + tmp.join("content") + " --db " + tmp.join("index"));
  CHECK(index.exit_code == 0);
  CHECK(index.output.find("secret.md: a symbolic link out of the content folder") !=
        std::string::npos);
  CHECK(index.output.find("1 added") != std::string::npos);
  CHECK(run_folio("search --db " + tmp.join("index") + " zebra").output.find("0 results") !=
        std::string::npos);
}

TEST_CASE("cli: usage errors exit 2, a locked or missing index exits 3") {
  folio::test::TempDir tmp;
  tmp.write("content/good.md", kGood);
  CHECK(run_folio("index --no-such-flag").exit_code == 2);
  CHECK(run_folio("").exit_code == 2);
  CHECK(run_folio("index " + tmp.join("missing-folder") + " --db " + tmp.join("i")).exit_code == 2);
  CHECK(run_folio("search --db " + tmp.join("nothing-here") + " go").exit_code == 3);

  folio::IndexWriterOptions options;
  options.db_path = tmp.join("index");
  folio::IndexWriter holder(options);
  CommandResult locked = run_folio("index " + tmp.join("content") + " --db " + tmp.join("index"));
  CHECK(locked.exit_code == 3);
  CHECK(locked.output.find("locked by another folio process") != std::string::npos);
}

TEST_CASE("cli: a query word with a leading - excludes it; mistyped names get a suggestion") {
  folio::test::TempDir tmp;
  tmp.write("content/good.md", kGood);
  tmp.write("content/kafka.md",
            "+++\ntitle = \"Kafka\"\ndate = 2025-01-03\n+++\nkafka concurrency text\n");
  REQUIRE(run_folio("index " + tmp.join("content") + " --db " + tmp.join("index")).exit_code == 0);
  const std::string db = " --db " + tmp.join("index");
  for (const std::string& args : {"search" + db + " -kafka", "search -kafka" + db,
                                  "search" + db + " concurrency -kafka --json",
                                  "search" + db + " -- -kafka", "search" + db + " \"-kafka\""}) {
    INFO(args);
    CommandResult search = run_folio(args);
    CHECK(search.exit_code == 0);
    CHECK(search.output.find("/good/") != std::string::npos);
    CHECK(search.output.find("/kafka/") == std::string::npos);
  }
  // Several words are one query, in their order.
  CHECK(run_folio("search" + db + " kafka concurrency --json")
            .output.find("\"query\":\"kafka concurrency\"") != std::string::npos);

  CommandResult option = run_folio("search" + db + " --limt 2 go");
  CHECK(option.exit_code == 2);
  CHECK(option.output.find("unknown option --limt") != std::string::npos);
  CHECK(option.output.find("did you mean --limit?") != std::string::npos);
  CommandResult command = run_folio("serch go");
  CHECK(command.exit_code == 2);
  CHECK(command.output.find("did you mean 'search'?") != std::string::npos);
  CHECK(run_folio("index --drafs").output.find("did you mean --drafts?") != std::string::npos);

  CommandResult date = run_folio("search" + db + " date:2025-02-30");
  CHECK(date.exit_code == 2);
  CHECK(date.output.find("'2025-02-30' is not a date") != std::string::npos);
}

TEST_CASE("cli: search and stats read what index wrote") {
  folio::test::TempDir tmp;
  tmp.write("content/good.md", kGood);
  REQUIRE(run_folio("index " + tmp.join("content") + " --db " + tmp.join("index")).exit_code == 0);
  CommandResult search = run_folio("search --db " + tmp.join("index") + " concurrency --tag go");
  CHECK(search.exit_code == 0);
  CHECK(search.output.find("Good") != std::string::npos);
  CHECK(search.output.find("/good/") != std::string::npos);
  CommandResult json = run_folio("search --db " + tmp.join("index") + " concurrency --json");
  CHECK(json.output.find("\"hits\"") != std::string::npos);
  CommandResult stats = run_folio("stats --db " + tmp.join("index"));
  CHECK(stats.exit_code == 0);
  CHECK(stats.output.find("articles:      1") != std::string::npos);
  for (const char* command : {"index", "check", "search", "stats"}) {
    CommandResult help = run_folio(std::string(command) + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.output.find("Exit codes") != std::string::npos);
  }
}

TEST_CASE("cli: --locale ranks the reader's language first") {
  folio::test::TempDir tmp;
  tmp.write("content/en/k.md",
            "---\ntitle: Kubernetes\nlang: en\n---\nKubernetes runs containers.\n");
  tmp.write("content/de/k.md",
            "---\ntitle: Kubernetes\nlang: de\n---\nKubernetes verwaltet Container.\n");
  const std::string index = tmp.join("index");
  REQUIRE(run_folio(std::string("index ") + tmp.join("content") + " --db " + index).exit_code == 0);
  for (const char* locale : {"de", "DE-at", "en"}) {
    INFO(locale);
    CommandResult search =
        run_folio(std::string("search --db ") + index + " kubernetes --json --locale " + locale);
    REQUIRE(search.exit_code == 0);
    const std::string first = std::string(locale) == "en" ? "\"en/k\"" : "\"de/k\"";
    const std::string second = std::string(locale) == "en" ? "\"de/k\"" : "\"en/k\"";
    CHECK(search.output.find(first) < search.output.find(second));
  }
}

TEST_CASE("cli: check reports two articles publishing one URL, with file and line") {
  folio::test::TempDir tmp;
  tmp.write("content/posts/a.md", "---\ntitle: A\nslug: same\n---\nfirst\n");
  tmp.write("content/posts/b.md", "---\ntitle: B\ndate: 2025-01-01\nslug: same\n---\nsecond\n");
  CommandResult check = run_folio("check " + tmp.join("content"));
  CHECK(check.output.find("b.md:4: publishes the same URL /posts/same/ as ") != std::string::npos);
  CHECK(check.output.find("a.md:3") != std::string::npos);
}

TEST_CASE("cli: titles, snippets and dates come out as the site shows them") {
  // As digitalgov writes them: entities in the front matter, an evening date at -05:00 (the next
  // day in UTC), inline HTML in the body.
  folio::test::TempDir tmp;
  tmp.write("content/news/q-and-a.md",
            "---\n"
            "title: \"Q&amp;A: Plain Language&mdash;It&#8217;s Here&#8230;\"\n"
            "summary: \"<strong>Answers</strong> from the team&hellip;\"\n"
            "date: 2019-12-12 19:00:00 -0500\n"
            "tags: [\"Q&amp;A\"]\n"
            "---\n"
            "The zebrafish team&rsquo;s answers, with <abbr title=\"Application Programming "
            "Interface\">API</abbr> notes.\n\n"
            "<div class=\"note\">Zebrafish &ldquo;quoted&rdquo; in a block.</div>\n");
  tmp.write("content/news/new-year.md",
            "---\ntitle: New Year&#8217;s zebrafish\ndate: 2019-12-31 21:30:00 -0500\n---\n"
            "Zebrafish at the end of the year.\n");
  tmp.write("content/news/next-day.md",
            "---\ntitle: Next day zebrafish\ndate: 2019-12-13T09:00:00Z\n---\nZebrafish.\n");
  REQUIRE(run_folio("index " + tmp.join("content") + " --db " + tmp.join("index")).exit_code == 0);
  auto search = [&](const std::string& query) {
    return run_folio("search --db " + tmp.join("index") + " --json '" + query + "'").output;
  };
  auto has = [](const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  };

  const std::string hit = search("answers");
  CHECK(has(hit, "\"title_plain\":\"Q&A: Plain Language\u2014It\u2019s Here\u2026\""));
  CHECK(has(hit, "\"description\":\"Answers from the team\u2026\""));
  CHECK(has(hit, "\"date\":\"2019-12-12\""));  // not 2019-12-13, the UTC day
  CHECK(has(hit, "team\u2019s"));              // in the snippet
  CHECK(has(hit, "\"Q&A\""));                  // the tag
  // "title" is HTML, escaped once
  CHECK(has(hit, "\"title\":\"Q&amp;A: Plain Language\u2014It\u2019s Here\u2026\""));
  CHECK_FALSE(has(hit, "&amp;amp;"));
  CHECK_FALSE(has(hit, "&mdash;"));
  CHECK(has(search("quoted"), "Zebrafish \u201C<mark>quoted</mark>\u201D in a block."));

  auto ids = [&](const std::string& query) {
    const std::string out = search(query);
    std::string found;
    for (const char* id : {"q-and-a", "new-year", "next-day"}) {
      if (has(out, std::string("\"id\":\"news/") + id + "\"")) found += std::string(id) + " ";
    }
    return found;
  };
  CHECK(ids("zebrafish date:2019-12-12") == "q-and-a ");
  CHECK(ids("zebrafish date:2019-12-13") == "next-day ");
  CHECK(ids("zebrafish date:2019-12-31") == "new-year ");
  CHECK(ids("zebrafish year:2019") == "q-and-a new-year next-day ");
  CHECK(ids("zebrafish year:2020") == "");
  CHECK(ids("zebrafish date:2020") == "");
  CHECK(has(search("zebrafish"), "{\"value\":\"2019\",\"key\":\"2019\",\"count\":3"));

  // The terminal shows the same day.
  CHECK(has(run_folio("search --db " + tmp.join("index") + " answers").output, "2019-12-12"));
}

TEST_CASE("cli: check names a shortcode the Hugo site has no template for, with its line") {
  folio::test::TempDir tmp;
  tmp.write("site/hugo.toml", "baseURL = 'https://example.org/'\n");
  tmp.write("site/layouts/shortcodes/note.html", "{{ .Inner }}");
  tmp.write("site/content/posts/a.md",
            "---\ntitle: A\n---\nintro\n{{< note >}}kept{{< /note >}}\n\n{{< callout >}}x\n");
  CommandResult check = run_folio("check " + tmp.join("site"));
  CHECK(check.output.find("a.md:7: shortcode \"callout\" has no template") != std::string::npos);
  CHECK(check.output.find("\"note\"") == std::string::npos);
}
