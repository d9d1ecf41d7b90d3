#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "folio/markdown.hpp"

using Catch::Matchers::Contains;
using folio::extract_markdown;
using folio::MarkdownText;

namespace {

std::string read_test_file(const std::string& relative) {
  std::ifstream in(std::string(FOLIO_TEST_DATA_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string repeat(const std::string& part, std::size_t times) {
  std::string out;
  out.reserve(part.size() * times);
  for (std::size_t i = 0; i < times; ++i)
    out += part;
  return out;
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// What one Markdown snippet must and must not produce in the text and the code.
struct ExtractionCase {
  const char* name;
  std::string markdown;
  std::vector<std::string> in_text;
  std::vector<std::string> not_in_text;
  std::vector<std::string> in_code = {};
};

void check_cases(const std::vector<ExtractionCase>& cases) {
  for (const ExtractionCase& c : cases) {
    CAPTURE(c.name, c.markdown);
    const MarkdownText result = extract_markdown(c.markdown);
    CAPTURE(result.text, result.code);
    for (const std::string& wanted : c.in_text)
      CHECK(has(result.text, wanted));
    for (const std::string& unwanted : c.not_in_text)
      CHECK_FALSE(has(result.text, unwanted));
    for (const std::string& wanted : c.in_code)
      CHECK(has(result.code, wanted));
  }
}

struct ExpectedHeading {
  int level;
  const char* text;
  const char* anchor;
};

void check_headings(const MarkdownText& result, const std::vector<ExpectedHeading>& expected) {
  REQUIRE(result.headings.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(result.headings[i].level == expected[i].level);
    CHECK(result.headings[i].text == expected[i].text);
    CHECK(result.headings[i].anchor == expected[i].anchor);
  }
}

}  // namespace

TEST_CASE("markdown: the seed article's headings, anchors, table, FAQ and links") {
  const MarkdownText result = extract_markdown(read_test_file("markdown/seed-body.md"));

  SECTION("nine headings with the anchors Hugo makes") {
    check_headings(result, {{1, "Go vs Rust: Which is Better for Backend Language?",
                             "go-vs-rust-which-is-better-for-backend-language"},
                            {2, "Quick Verdict", "quick-verdict"},
                            {2, "Feature Comparison Table", "feature-comparison-table"},
                            {2, "When to Choose Go", "when-to-choose-go"},
                            {2, "When to Choose Rust", "when-to-choose-rust"},
                            {2, "Real-World Use Case: Backend Language",
                             "real-world-use-case-backend-language"},
                            {2, "Migration Considerations", "migration-considerations"},
                            {2, "FAQ", "faq"},
                            {3, "\xEF\xA3\xBF\xC3\xBC\xC3\xAE\xC3\xA7 More Go Comparisons",
                             "üîç-more-go-comparisons"}});
  }

  SECTION("table cells are text, kept apart") {
    CHECK_THAT(result.text, Contains("Feature Category | Go | Rust | Winner"));
    CHECK_THAT(result.text,
               Contains("Pricing Model | Open-source, free | Open-source, free | Tie"));
    CHECK_THAT(result.text,
               Contains("Memory Safety | Garbage collection | Ownership system | Rust"));
    CHECK_FALSE(has(result.text, ":---"));
  }

  SECTION("lists, the FAQ and bold text are prose without markup") {
    CHECK_THAT(result.text, Contains("If you're a 10-person startup needing"));
    CHECK_THAT(result.text,
               Contains("Q: Which language is more suitable for building a high-performance web "
                        "server?"));
    CHECK_THAT(result.text, Contains("Bottom Line: Ultimately"));
    CHECK_FALSE(has(result.text, "**"));
    CHECK_FALSE(has(result.text, "* If"));
  }

  SECTION("link text is kept, link targets are not") {
    CHECK_THAT(result.text, Contains("Explore all Go alternatives or check out Rust reviews."));
    CHECK_FALSE(has(result.text, "/tags/go"));
    CHECK_FALSE(has(result.text, "/tags/rust"));
  }

  SECTION("sections split the text at every heading") {
    REQUIRE(result.sections.size() == 10);
    CHECK(result.sections[0].heading_index == -1);
    CHECK(result.sections[0].text.empty());
    for (std::size_t i = 1; i < result.sections.size(); ++i) {
      CHECK(result.sections[i].heading_index == static_cast<int>(i - 1));
    }
    const std::string& faq = result.sections[8].text;
    CHECK_THAT(faq, Contains("Which language has better ROI for Backend Language?"));
    CHECK_FALSE(has(faq, "FAQ"));
    CHECK_FALSE(has(faq, "More Go Comparisons"));
    CHECK(result.sections[9].text == "Explore all Go alternatives or check out Rust reviews.");
    CHECK(result.sections[1].text.empty());  // under the title, before "Quick Verdict"
    CHECK_THAT(result.sections[2].text, Contains("For small to medium-sized teams"));
    CHECK_FALSE(has(result.sections[2].text, "Quick Verdict"));
  }

  SECTION("there is no code") {
    CHECK(result.code.empty());
  }
}

TEST_CASE("markdown: GFM tables, task lists, strikethrough and autolinks") {
  check_cases({
      {"table",
       "| Name | Speed |\n|------|:-----:|\n| **Go** | fast |\n| `Rust` | [faster](/x) |\n",
       {"Name | Speed", "Go | fast", "Rust | faster"},
       {"---", "**", "/x", "`"}},
      {"table cells do not glue", "|a|b|\n|-|-|\n|c|d|\n", {"a | b", "c | d"}, {"ab", "cd"}},
      {"task list",
       "- [x] shipped feature\n- [ ] open bug\n",
       {"shipped feature", "open bug"},
       {"[x]", "[ ]"}},
      {"strikethrough", "This is ~~old~~ new.", {"This is old new."}, {"~"}},
      {"angle autolink", "See <https://go.dev/doc> now", {"See", "now"}, {"go.dev", "https"}},
      {"www autolink", "Visit www.example.com today", {"Visit", "today"}, {"example.com"}},
      {"bare URL autolink",
       "Go to https://rust-lang.org/learn quickly",
       {"Go to", "quickly"},
       {"rust-lang.org"}},
      {"email autolink", "Mail <team@example.org> please", {"Mail", "please"}, {"example.org"}},
  });
}

TEST_CASE("markdown: links, images, lists and quotes keep their words") {
  check_cases({
      {"inline link",
       "Read [the guide](https://go.dev/guide \"Title\") first",
       {"Read the guide first"},
       {"go.dev", "Title", "["}},
      {"reference link",
       "Read [the guide][g].\n\n[g]: https://go.dev/guide\n",
       {"Read the guide."},
       {"go.dev", "[g]"}},
      {"link with the URL as its text", "[https://go.dev](https://go.dev)", {}, {"go.dev"}},
      {"image alt text",
       "![A gopher waving](gopher.png \"Gopher\")",
       {"A gopher waving"},
       {"gopher.png", "!["}},
      {"nested lists",
       "- Languages\n  - Go\n    - Goroutines\n  - Rust\n1. First\n2. Second\n",
       {"Languages\nGo\nGoroutines\nRust\nFirst\nSecond"},
       {"- ", "1."}},
      {"block quote", "> Quoted *wisdom*\n> continues", {"Quoted wisdom continues"}, {">"}},
      {"alert marker",
       "> [!NOTE]\n> Metadata is not preserved.",
       {"Metadata is not preserved."},
       {"[!NOTE]", "NOTE"}},
      {"alert marker in lower case", "> [!tip]\n> Use a cache.", {"Use a cache."}, {"tip"}},
      {"not an alert marker", "> [!NOTE] stays when text follows", {"[!NOTE] stays when"}, {}},
      {"alert words outside a quote stay", "[!WARNING]\nplain", {"[!WARNING]"}, {}},
      {"thematic break", "Above\n\n---\n\nBelow", {"Above\nBelow"}, {"---"}},
      {"hard line break", "one  \ntwo", {"one\ntwo"}, {}},
      {"entities", "AT&amp;T &copy; &#35;1", {"AT&T © #1"}, {"&amp;"}},
      {"footnote",
       "Claim[^1].\n\n[^1]: The source of the claim.\n",
       {"Claim.", "The source of the claim."},
       {"[^1]"}},
      {"inline code is prose", "Call `fmt.Println` to print", {"Call fmt.Println to print"}, {"`"}},
  });
}

TEST_CASE("markdown: raw HTML keeps its text and drops tags, scripts and styles") {
  check_cases({
      {"HTML block",
       "<div class=\"note\">\n<p>Hello <b>there</b> &amp; welcome</p>\n</div>\n",
       {"Hello there & welcome"},
       {"<", "class", "div"}},
      {"script and style blocks",
       "<script>var secret = 1;</script>\n\n<style>.x{color:red}</style>\n\nAfter",
       {"After"},
       {"secret", "color"}},
      {"script inside a div",
       "<div>\nShown\n<script>hidden()</script>\n</div>\n",
       {"Shown"},
       {"hidden"}},
      {"comment", "<!-- a hidden comment -->\n\nVisible", {"Visible"}, {"hidden", "<!--"}},
      {"details with Markdown inside",
       "<details>\n<summary>Click here</summary>\n\nHidden **markdown** text\n\n</details>\n",
       {"Click here", "Hidden markdown text"},
       {"summary", "**"}},
      {"inline tags",
       "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy",
       {"Press Ctrl+C to copy"},
       {"kbd"}},
      {"inline break", "one<br>two", {"one two"}, {"br"}},
      {"inline script", "Before <script>steal()</script> after", {"Before", "after"}, {"steal"}},
      {"numeric entities in HTML",
       "<p>&#169; &#x1F680; &nbsp;&lt;tag&gt; &quot;q&quot; &#39;s</p>",
       {"© 🚀 <tag> \"q\" 's"},
       {"&#", "&lt;"}},
      {"abbreviation",
       "Use the <abbr title=\"A P I\">API</abbr> today",
       {"Use the API today"},
       {"abbr", "A P I"}},
      {"inline comment", "Before <!-- note to self --> after", {"Before after"}, {"note"}},
      {"break in a table cell", "| a |\n| - |\n| one<br>two |\n", {"one two"}, {"br"}},
      {"named entities in an HTML block (a tweet embed)",
       "<blockquote>\n<p>Great &ldquo;talk&rdquo;&hellip;</p>&mdash; Jane (@jane) May 21, "
       "2015\n</blockquote>\n",
       {"Great \u201Ctalk\u201D\u2026", "\u2014 Jane (@jane)"},
       {"&"}},
      {"a quoted '>' in a block tag",
       "<div title=\"a > b\">\nshown\n</div>\n",
       {"shown"},
       {"b\"", ">"}},
      {"&nbsp; cells in an HTML table",
       "<table><tr><td>&nbsp;</td><td>cell</td></tr></table>\n",
       {"cell"},
       {"\u00A0"}},
  });
}

TEST_CASE("markdown: code blocks go to code only, inline code stays in text") {
  const MarkdownText result = extract_markdown(
      "Intro with `inline()`.\n\n```go\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n```\n\n"
      "Between.\n\n    indented := true\n\n~~~\ntilde block\n~~~\n");
  CHECK(result.text == "Intro with inline().\nBetween.");
  CHECK(result.code == "func main() {\n\tfmt.Println(\"hi\")\n}\nindented := true\ntilde block");
  CHECK_FALSE(has(result.code, "go\n"));
  CHECK_FALSE(has(result.code, "```"));
}

TEST_CASE("markdown: headings keep plain text and get Hugo's anchors from their source") {
  SECTION("setext headings") {
    const MarkdownText result = extract_markdown("Main Title\n==========\n\nSub *Title*\n---\n");
    check_headings(result, {{1, "Main Title", "main-title"}, {2, "Sub Title", "sub-title"}});
  }
  SECTION("a multi-line setext heading takes its anchor from the last line, as goldmark does") {
    const MarkdownText result = extract_markdown("First line\nsecond line\n===\n");
    check_headings(result, {{1, "First line second line", "second-line"}});
  }
  SECTION("inline code, emphasis and links") {
    const MarkdownText result = extract_markdown(
        "## Use `fmt.Println` with *care*\n## _Emphasis_ **strong**\n"
        "## See [the docs](https://go.dev/doc)\n### Closing hashes ###\n");
    check_headings(result, {{2, "Use fmt.Println with care", "use-fmtprintln-with-care"},
                            {2, "Emphasis strong", "_emphasis_-strong"},
                            {2, "See the docs", "see-the-docshttpsgodevdoc"},
                            {3, "Closing hashes", "closing-hashes"}});
  }
  SECTION("custom ids in an attribute block") {
    const MarkdownText result =
        extract_markdown("## Install Go {#install}\n## Styled {.fancy}\n## Braces {not attrs}\n");
    check_headings(result, {{2, "Install Go", "install"},
                            {2, "Styled", "styled"},
                            {2, "Braces {not attrs}", "braces-not-attrs"}});
    CHECK_FALSE(has(result.text, "{#install}"));
  }
  SECTION("duplicate headings are numbered") {
    const MarkdownText result =
        extract_markdown("## Example\ntext\n## Example\n### Example\n## Example 1\n");
    check_headings(result, {{2, "Example", "example"},
                            {2, "Example", "example-1"},
                            {3, "Example", "example-2"},
                            {2, "Example 1", "example-1-1"}});
  }
  SECTION("headings inside quotes and lists") {
    const MarkdownText result = extract_markdown("> ## Quoted\n\n- # Listed\n");
    check_headings(result, {{2, "Quoted", "quoted"}, {1, "Listed", "listed"}});
  }
  SECTION("an empty heading") {
    const MarkdownText result = extract_markdown("##\n## ???\n");
    check_headings(result, {{2, "", "heading"}, {2, "???", "heading-1"}});
  }
}

TEST_CASE("markdown: Windows line endings") {
  const MarkdownText result = extract_markdown(
      "## Title ##\r\nBody line\r\n\r\nSetext\r\n---\r\n\r\n```\r\n{{ x }}\r\n```\r\n"
      "{{< y >}}\r\n| a | b |\r\n|---|---|\r\n| c | d |\r\n");
  check_headings(result, {{2, "Title", "title"}, {2, "Setext", "setext"}});
  CHECK(result.text == "Title\nBody line\nSetext\na | b\nc | d");
  CHECK(result.code == "{{ x }}");
}

TEST_CASE("markdown: sections hold the text under each heading") {
  const MarkdownText result = extract_markdown(
      "Lead paragraph.\n\n# One\nFirst body.\n\n## Two\nSecond body.\n\n- item\n\n# Three\n");
  REQUIRE(result.sections.size() == 4);
  CHECK(result.sections[0].heading_index == -1);
  CHECK(result.sections[0].text == "Lead paragraph.");
  CHECK(result.sections[1].heading_index == 0);
  CHECK(result.sections[1].text == "First body.");
  CHECK(result.sections[2].heading_index == 1);
  CHECK(result.sections[2].text == "Second body.\nitem");
  CHECK(result.sections[3].heading_index == 2);
  CHECK(result.sections[3].text.empty());
  CHECK(result.text == "Lead paragraph.\nOne\nFirst body.\nTwo\nSecond body.\nitem\nThree");
}

TEST_CASE("markdown: empty and blank input") {
  for (const char* input : {"", "   \n\n  ", "<!-- only a comment -->"}) {
    CAPTURE(input);
    const MarkdownText result = extract_markdown(input);
    CHECK(result.text.empty());
    CHECK(result.code.empty());
    CHECK(result.headings.empty());
    REQUIRE(result.sections.size() == 1);
    CHECK(result.sections[0].heading_index == -1);
  }
}

TEST_CASE("markdown: template syntax is stripped before parsing") {
  check_cases({
      {"paired shortcode",
       "{{< note >}}\nImportant **note** text.\n{{< /note >}}\n",
       {"Important note text."},
       {"{{", "note >}}"}},
      {"percent shortcode",
       "{{% details title=\"More\" %}}\nHidden *details*.\n{{% /details %}}",
       {"Hidden details."},
       {"{{%", "title"}},
      {"self-closing shortcode",
       "Before\n\n{{< figure src=\"cat.png\" caption=\"x\" >}}\n\nAfter",
       {"Before\nAfter"},
       {"cat.png", "figure"}},
      {"escaped shortcode",
       "Write {{</* youtube id */>}} to embed.",
       {"Write youtube id to embed."},
       {"/*", "{{"}},
      {"go template and liquid",
       "A {{ .Title }} B {% include x %} C {# note #} D",
       {"A B C D"},
       {"Title", "include", "note"}},
      {"shortcode as a link destination",
       "See [the guide]({{< ref \"guide.md\" >}} \"Guide\").",
       {"See the guide."},
       {"[", "](", "Guide\""}},
      {"Go blog raw blocks are code",
       "Example:\n\n{{raw `\n\tfunc main() {}\n`}}\n\nDone.",
       {"Example:\nDone."},
       {"func", "raw"},
       {"func main() {}"}},
      {"templates in code stay", "```\n{{< note >}}\n```\n", {}, {"note"}, {"{{< note >}}"}},
  });
}

TEST_CASE("markdown: hostile input finishes without crashing") {
  const std::vector<std::pair<const char*, std::string>> inputs = {
      {"a megabyte of {{<", repeat("{{<", 350000)},
      {"100k nested quotes", repeat(">", 100000) + " deep\n"},
      {"100k quote lines", repeat("> ", 50000) + "x\n" + repeat(">", 50000) + "y\n"},
      {"100k open brackets", repeat("[", 100000) + "x"},
      {"100k link openers", repeat("[a](", 100000)},
      {"100k image openers", repeat("![", 100000)},
      {"a megabyte of backticks", repeat("`", 1000000)},
      {"a megabyte of tag openers", repeat("<a", 500000)},
      {"unterminated script", "<script>\n" + repeat("<script>", 100000)},
      {"100k headings", repeat("# a\n", 100000)},
      {"100k emphasis openers", repeat("*a_", 100000)},
      {"a very wide table",
       repeat("|a", 20000) + "|\n" + repeat("|-", 20000) + "|\n" + repeat("|x", 20000) + "|\n"},
      {"deeply nested lists",
       [] {
         std::string s;
         for (std::size_t i = 0; i < 2000; ++i)
           s += std::string(i * 2, ' ') + "- x\n";
         return s;
       }()},
      {"invalid UTF-8", repeat("\xFF\xC3(\xE2\x82", 100000)},
      {"NUL bytes", std::string(100000, '\0')},
  };
  for (const auto& [name, input] : inputs) {
    CAPTURE(name);
    const MarkdownText result = extract_markdown(input);
    CHECK(result.sections.size() == result.headings.size() + 1);
  }
}

TEST_CASE("markdown: documents extracted on several threads at once come out the same") {
  // cmark-gfm edits global parser state while parsing; concurrent extraction must not let one
  // document's parse change another's autolinks, strikethrough or tables.
  std::string document;
  for (int i = 0; i < 40; ++i) {
    document += "| a | b |\n|---|---|\n| x | y |\n\nSee https://example.com/page" +
                std::to_string(i) + " and ~~old~~ text.\n\n";
  }
  const MarkdownText expected = extract_markdown(document);
  REQUIRE_FALSE(has(expected.text, "example.com"));
  REQUIRE_FALSE(has(expected.text, "~"));

  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 100; ++round) {
        if (extract_markdown(document).text != expected.text) ++mismatches;
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  CHECK(mismatches == 0);
}
