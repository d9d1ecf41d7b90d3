#include <catch2/catch.hpp>

#include "folio/article_parser.hpp"
#include "folio/error.hpp"
#include "test_support.hpp"

using namespace folio;

namespace {

Article parse(const std::string& relative, const std::string& content,
              IndexSettings settings = {}) {
  return parse_article(ArticleSource{"content/" + relative, relative, content, {}, {}}, settings);
}

}  // namespace

TEST_CASE("article parser: the seed article's front matter and body become an Article") {
  std::string seed =
      test::read_text(std::string(FOLIO_SAMPLE_CONTENT_DIR) + "/posts/go-vs-rust.md");
  Article a = parse("posts/go-vs-rust.md", seed);
  CHECK(a.id == "posts/go-vs-rust");
  CHECK(a.url == "/posts/go-vs-rust/");
  CHECK(a.title == "Go vs Rust (2026): Which is Better for Backend Language?");
  CHECK(a.description.rfind("Compare Go vs Rust", 0) == 0);
  CHECK(format_iso8601(*a.date) == "2026-01-26T18:53:20Z");
  CHECK(format_iso8601(*a.lastmod) == "2026-02-05T19:00:46Z");
  CHECK_FALSE(a.draft);
  CHECK(a.tags == std::vector<std::string>{"Go", "Rust", "Comparison", "Backend Language"});
  CHECK(a.categories == std::vector<std::string>{"Guides", "Comparisons"});
  CHECK(a.keywords.size() == 4);
  REQUIRE(a.headings.size() >= 9);
  CHECK(a.headings[0].level == 1);
  CHECK(a.headings[1].anchor == "quick-verdict");
  CHECK(a.body_text.find("Goroutines") != std::string::npos);  // a table cell
  CHECK(a.word_count > 700);
  CHECK(a.reading_time_minutes >= 4);
  CHECK(a.content_hash.size() == 32);
}

TEST_CASE("article parser: classic Mac line ends (a lone CR) keep the front matter") {
  const std::string yaml = "---\rtitle: Carriage\rtags: [cr]\r---\rBody text.\r";
  Article a = parse("cr.md", yaml);
  CHECK(a.title == "Carriage");
  CHECK(a.tags == std::vector<std::string>{"cr"});
  CHECK(a.body_text.find("Body text.") != std::string::npos);
  CHECK(a.content_hash == parse("cr.md", yaml).content_hash);
  Article toml = parse("t.md", "+++\rtitle = \"Toml\"\r+++\rBody.\r");
  CHECK(toml.title == "Toml");
  // CRLF files are unchanged, and an error still names its line.
  CHECK(parse("crlf.md", "---\r\ntitle: Windows\r\n---\r\nBody\r\n").title == "Windows");
  try {
    parse("bad.md", "---\rtitle: ok\rtags: [unclosed\r---\rBody\r");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.where().line >= 3);
  }
}

TEST_CASE("article parser: a file name an id cannot be made of is an error naming the file") {
  for (const std::string name : {"a\nb.md", "tab\there.md", "bad\xff.md"}) {
    INFO(name);
    try {
      parse(name, "---\ntitle: x\n---\nbody\n");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::encoding);
      CHECK(e.where().path == "content/" + name);
      CHECK(e.reason().find("rename the file") != std::string::npos);
    }
  }
  CHECK(parse("caf\xc3\xa9 d\xc3\xa9j\xc3\xa0.md", "x\n").id == "caf\xc3\xa9 d\xc3\xa9j\xc3\xa0");
}

TEST_CASE("article parser: title falls back to the first heading, then the file name") {
  CHECK(parse("a.md", "+++\ndate = 2025-01-01\n+++\n## First heading\ntext\n").title ==
        "First heading");
  CHECK(parse("posts/my-first-post.md", "just text\n").title == "My first post");
  CHECK(parse("posts/bundle/index.md", "text\n").title == "Bundle");
}

TEST_CASE("article parser: description falls back to summary, then the lead of the body") {
  Article summary = parse("a.md", "+++\nsummary = \"Short\"\n+++\nbody\n");
  CHECK(summary.description == "Short");
  CHECK_FALSE(summary.description_from_body);
  std::string lead;
  for (int i = 0; i < 50; ++i)
    lead += "word" + std::to_string(i) + " ";
  Article fallback = parse("a.md", "+++\ntitle = \"x\"\n+++\n" + lead + "\n");
  CHECK(fallback.description.size() <= 210);
  CHECK(fallback.description.rfind("word0 word1", 0) == 0);
  CHECK(fallback.description_from_body);  // shown in results, not indexed as a description
}

TEST_CASE("article parser: front matter text is shown as the site renders it") {
  // digitalgov's YAML, entities as its authors wrote them
  Article a = parse("news/q.md",
                    "---\n"
                    "title: \"Q&amp;A: Plain Language&mdash;It&#8217;s Here&#8230;\"\n"
                    "summary: \"<strong>In 2019, USA.gov took calls!</strong> Read&nbsp;how "
                    "&ldquo;they&rdquo; did it.\"\n"
                    "tags: [\"Q&amp;A\", \"Q&A\", \"caf&eacute;\"]\n"
                    "authors: [\"Jos&eacute; &amp; Ana\"]\n"
                    "aliases: [\"/old/q&amp;a/\"]\n"
                    "---\n"
                    "Body &mdash; text with <abbr title=\"x\">API</abbr>.\n");
  CHECK(a.title == "Q&A: Plain Language\u2014It\u2019s Here\u2026");
  CHECK(a.description == "In 2019, USA.gov took calls! Read how \u201Cthey\u201D did it.");
  CHECK(a.tags == std::vector<std::string>{"Q&A", "caf\u00E9"});  // one tag once decoded
  CHECK(a.authors == std::vector<std::string>{"Jos\u00E9 & Ana"});
  CHECK(a.aliases == std::vector<std::string>{"/old/q&amp;a/"});  // a path, as written
  CHECK(a.body_text == "Body \u2014 text with API.");
  // Unknown names stay; a title keeps a tag as text (it is printed as text).
  Article b = parse("b.md",
                    "+++\ntitle = \"Escaping <script> &bogus; & &amp;\"\n"
                    "description = \"About <script> tags\"\n+++\nx\n");
  CHECK(b.title == "Escaping <script> &bogus; & &");
  CHECK(b.description == "About <script> tags");
}

TEST_CASE("article parser: dates keep the offset they were written with") {
  Article a = parse("news/late.md",
                    "---\ndate: 2019-12-12 19:00:00 -0500\nlastmod: 2020-01-02T08:00:00+09:00\n"
                    "---\nx\n");
  CHECK(format_iso8601(*a.date) == "2019-12-13T00:00:00Z");  // the instant, for sorting
  CHECK(a.date_offset_seconds == -18000);
  CHECK(format_day(*a.date, a.date_offset_seconds) == "2019-12-12");  // the day written
  CHECK(format_iso8601(*a.lastmod) == "2020-01-01T23:00:00Z");
  CHECK(a.lastmod_offset_seconds == 32400);
  CHECK(format_day(*a.lastmod, a.lastmod_offset_seconds) == "2020-01-02");

  Article toml = parse("t.md", "+++\ndate = 2019-12-12T19:00:00-05:00\n+++\nx\n");
  CHECK(toml.date_offset_seconds == -18000);
  CHECK(format_day(*toml.date, toml.date_offset_seconds) == "2019-12-12");

  Article utc = parse("u.md", "+++\ndate = 2019-12-12\nlastmod = 2019-12-13T10:00:00\n+++\nx\n");
  CHECK(utc.date_offset_seconds == 0);
  CHECK(utc.lastmod_offset_seconds == 0);

  // publishDate stands in for a missing date, with its offset
  Article publish = parse("p.md", "---\npublishDate: 2024-04-09T22:00:00-04:00\n---\nx\n");
  CHECK(publish.date_offset_seconds == -14400);
  CHECK(format_day(*publish.date, publish.date_offset_seconds) == "2024-04-09");
  CHECK(format_day(*publish.publish_date) == "2024-04-10");
}

TEST_CASE("article parser: Hugo and Zola field variants") {
  SECTION("Zola taxonomies, updated and path") {
    Article a = parse(
        "blog/post.md",
        "+++\ntitle = \"Z\"\ndate = 2024-02-03\nupdated = 2024-03-04\npath = \"custom/place\"\n"
        "[taxonomies]\ntags = [\"Rust\"]\ncategories = [\"Notes\"]\n+++\nbody\n");
    CHECK(a.tags == std::vector<std::string>{"Rust"});
    CHECK(a.categories == std::vector<std::string>{"Notes"});
    CHECK(format_day(*a.lastmod) == "2024-03-04");
    CHECK(a.url == "/custom/place/");
  }
  SECTION("YAML with a single-string tag, author, slug and publishDate") {
    Article a = parse("posts/x.md",
                      "---\ntitle: Y\ntags: Go\nauthor: Maya Okafor\nslug: why-go\npublishDate: "
                      "2024-4-09\n---\nbody\n");
    CHECK(a.tags == std::vector<std::string>{"Go"});
    CHECK(a.authors == std::vector<std::string>{"Maya Okafor"});
    CHECK(a.url == "/posts/why-go/");
    CHECK(format_day(*a.date) == "2024-04-09");
  }
  SECTION("language from the front matter or the file name") {
    CHECK(parse("a.md", "+++\nlang = \"FR\"\n+++\nx\n").language == "fr");
    CHECK(parse("posts/hello.de.md", "x\n").language == "de");
    CHECK(parse("posts/hello.md", "x\n").language == "en");  // the index's language
  }
  SECTION("configured custom taxonomies") {
    IndexSettings settings;
    settings.taxonomies = {"topics"};
    Article a =
        parse("a.md", "+++\ntopics = [\"Systems\", \"Systems\", \"Web\"]\n+++\nx\n", settings);
    CHECK(a.taxonomies["topics"] == std::vector<std::string>{"Systems", "Web"});
  }
  SECTION("a date that cannot be read is a warning with its line, not a failure") {
    Article a = parse("a.md", "+++\ntitle = \"x\"\ndate = \"next tuesday\"\n+++\nx\n");
    CHECK_FALSE(a.date);
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0].find("content/a.md:3") != std::string::npos);
  }
}

TEST_CASE("article parser: bad input is an error naming the file and the line") {
  SECTION("broken TOML") {
    try {
      parse("bad.md", "+++\ntitle = \"x\"\ntags = [\"a\",\n+++\nbody\n");
      FAIL("expected a parse error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::parse);
      CHECK(e.where().path == "content/bad.md");
      CHECK(e.where().line >= 3);
    }
  }
  SECTION("invalid UTF-8") {
    try {
      parse("bad.md", "+++\ntitle = \"x\"\n+++\nline\nbad \xC3\x28 here\n");
      FAIL("expected an encoding error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::encoding);
      CHECK(e.where().line == 5);
    }
  }
  SECTION("over the size limit") {
    IndexSettings settings;
    settings.max_file_bytes = 10;
    CHECK_THROWS_AS(parse("big.md", std::string(100, 'x'), settings), Error);
  }
}
