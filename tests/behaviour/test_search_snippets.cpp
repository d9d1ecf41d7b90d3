// Snippets and highlighting: the best passage, HTML escaping, markers, the section holding the
// match with its anchor, and the title highlighted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <xapian.h>

#include "base/text.hpp"
#include "base/word_chars.hpp"
#include "behaviour/search_fixture.hpp"
#include "search/snippets/snippets.hpp"

using namespace folio;
using folio::test::request;
using folio::test::SearchFixture;

namespace {

Hit first_hit(Searcher& searcher, const SearchRequest& r) {
  SearchResults results = searcher.search(r);
  REQUIRE(!results.hits.empty());
  return results.hits.front();
}

// The snippet's text without markers and ellipses.
std::string visible_text(std::string s) {
  for (const std::string cut : {"<mark>", "</mark>", "\xE2\x80\xA6"}) {
    for (std::size_t at; (at = s.find(cut)) != std::string::npos;)
      s.erase(at, cut.size());
  }
  return s;
}

// A highlighter for "queue" and "école" (French stems) that marks matches with [ and ].
struct QueueEcole {
  Xapian::Stem stemmer{"french"};
  detail::HighlightTerms terms = [this] {
    detail::HighlightTerms t;
    t.words = {"queue", "école"};
    t.stems = {stemmer("queue"), stemmer("école")};
    return t;
  }();
  detail::Highlighter highlighter{terms, stemmer, detail::Markers{"[", "]"}};
};

}  // namespace

TEST_CASE("snippets: HTML in content and titles is escaped, matches are marked") {
  Searcher searcher(SearchFixture::shared().db());
  Hit hit = first_hit(searcher, request("script"));
  CHECK(hit.id == "notes/html-escaping");
  CHECK(hit.snippet.find("&lt;<mark>script</mark>&gt;") != std::string::npos);
  CHECK(hit.snippet.find("&quot;xss&quot;") != std::string::npos);
  CHECK(hit.snippet.find("<script") == std::string::npos);
  CHECK(hit.snippet.find("&amp;") != std::string::npos);
  CHECK(hit.title == "Escaping &lt;<mark>script</mark>&gt; &amp; HTML in Templates");
  CHECK(hit.title_plain == "Escaping <script> & HTML in Templates");
}

TEST_CASE("snippets: the section holding the best match, with its anchor and url") {
  Searcher searcher(SearchFixture::shared().db());
  Hit hit = first_hit(searcher, request("sampling"));
  CHECK(hit.id == "guides/observability-tracing");
  REQUIRE(hit.section.has_value());
  CHECK(hit.section->heading == "Sampling");
  CHECK(hit.section->anchor == "sampling");
  CHECK(hit.section->url == hit.url + "#sampling");
  CHECK(hit.snippet.find("<mark>sampling</mark>") != std::string::npos);

  hit = first_hit(searcher, request("executor tokio"));
  REQUIRE(hit.section.has_value());
  CHECK(hit.section->anchor == "executors");

  // A heading that holds the query words marks its section even when the text under it does not.
  hit = first_hit(searcher, request("memory safety"));
  REQUIRE(hit.section.has_value());
  CHECK(hit.section->anchor == "memory-safety");

  // Text before the first heading has no section.
  hit = first_hit(searcher, request("decouple producers"));
  CHECK(hit.id == "guides/message-queues");
  CHECK_FALSE(hit.section.has_value());
  CHECK(hit.snippet.find("<mark>decouple</mark>") != std::string::npos);
}

TEST_CASE("snippets: up to three sections holding query words, best first, each with its passage") {
  Searcher searcher(SearchFixture::shared().db());
  Hit hit = first_hit(searcher, request("sampling span"));
  CHECK(hit.id == "guides/observability-tracing");
  REQUIRE(hit.sections.size() == 2);  // "Spans" and "Sampling"; the text before them has no heading
  REQUIRE(hit.section.has_value());
  CHECK(hit.sections[0].anchor == hit.section->anchor);
  CHECK(hit.sections[0].snippet == hit.snippet);  // the best section's passage is the hit's snippet
  CHECK(hit.section->snippet.empty());
  std::vector<std::string> anchors;
  for (const auto& section : hit.sections) {
    anchors.push_back(section.anchor);
    CHECK(section.url == hit.url + "#" + section.anchor);
    CHECK(section.snippet.find("<mark>") != std::string::npos);
  }
  std::sort(anchors.begin(), anchors.end());
  CHECK(anchors == std::vector<std::string>{"sampling", "spans"});

  // One matching section: one.
  CHECK(first_hit(searcher, request("tail sampling")).sections.size() == 1);

  // Never more than three, however many sections hold the words.
  SearchRequest every = request("the");
  every.page_size = 50;
  for (const Hit& h : searcher.search(every).hits)
    CHECK(h.sections.size() <= detail::kMaxSectionSnippets);
}

TEST_CASE("snippets: stems, phrases, synonyms and corrections are highlighted") {
  Searcher searcher(SearchFixture::shared().db());
  CHECK(first_hit(searcher, request("pinned")).snippet.find("<mark>pinning</mark>") !=
        std::string::npos);
  Hit hit = first_hit(searcher, request("\"worker pool\""));
  CHECK(hit.snippet.find("<mark>worker</mark> <mark>pool</mark>") != std::string::npos);
  hit = first_hit(searcher, request("kubernetes"));
  CHECK(hit.title.find("<mark>Kubernetes</mark>") != std::string::npos);
  SearchResults results = searcher.search(request("k8s"));
  for (const auto& h : results.hits) {
    bool marked = h.title.find("<mark>") != std::string::npos ||
                  h.snippet.find("<mark>") != std::string::npos;
    CHECK(marked);
  }
  hit = first_hit(searcher, request("deadlokc"));
  CHECK(hit.snippet.find("<mark>deadlock</mark>") != std::string::npos);
}

TEST_CASE("snippets: length, markers and switching snippets off") {
  Searcher searcher(SearchFixture::shared().db());
  SearchRequest r = request("thread");
  r.snippet_length = 60;
  Hit hit = first_hit(searcher, r);
  CHECK(visible_text(hit.snippet).size() <= 60);
  CHECK(hit.snippet.find("<mark>thread") != std::string::npos);

  r.highlight_start = "[[";
  r.highlight_end = "]]";
  hit = first_hit(searcher, r);
  CHECK(hit.snippet.find("[[thread") != std::string::npos);
  CHECK(hit.snippet.find("<mark>") == std::string::npos);

  r = request("thread");
  r.snippet_length = 0;
  CHECK(first_hit(searcher, r).snippet.empty());

  SearchSettings settings;
  settings.highlight_start = "<em>";
  settings.highlight_end = "</em>";
  Searcher configured(SearchFixture::shared().db(), settings);
  CHECK(first_hit(configured, request("thread")).snippet.find("<em>thread</em>") !=
        std::string::npos);
}

TEST_CASE("snippets: without a matching word the snippet is the start of the description") {
  Searcher searcher(SearchFixture::shared().db());
  Hit hit = first_hit(searcher, request("tags:kafka"));
  CHECK(hit.snippet.rfind("Delivery guarantees", 0) == 0);
  CHECK_FALSE(hit.section.has_value());
  CHECK(hit.title == "Choosing a Message Queue: Kafka, RabbitMQ or NATS");
}

TEST_CASE("snippets: hits carry the stored display record") {
  Searcher searcher(SearchFixture::shared().db());
  Hit hit = first_hit(searcher, request("goroutines worker"));
  const Article& a = SearchFixture::shared().article("posts/go-concurrency-patterns");
  CHECK(hit.id == a.id);
  CHECK(hit.url == a.url);
  CHECK(hit.date == a.date);
  CHECK(hit.lastmod == a.lastmod);
  CHECK(hit.tags == a.tags);
  CHECK(hit.categories == a.categories);
  CHECK(hit.authors == a.authors);
  CHECK(hit.description == a.description);
  CHECK(hit.score > 0);
}

TEST_CASE("snippets: the best passage is found without tokenising the whole text") {
  QueueEcole fixture;
  const Xapian::Stem& stemmer = fixture.stemmer;
  const detail::Highlighter& highlighter = fixture.highlighter;

  SECTION("words inside other words are not matches, words at any boundary are") {
    detail::Passage p = highlighter.best_passage("subqueue queue_x queue-y (Queue)", 200);
    CHECK(p.html == "subqueue queue_x [queue]-y ([Queue])");
  }
  SECTION("a non-ASCII capital folds to the query word") {
    detail::Passage p = highlighter.best_passage("Une ÉCOLE, l\u2019école et les écoles.", 200);
    CHECK(p.html == "Une [ÉCOLE], l\u2019[école] et les [écoles].");
  }
  SECTION("a word glued to a non-ASCII letter is not a match") {
    CHECK(highlighter.best_passage("éqqueue", 200).score == 0);
  }
  SECTION("the window holding most query words wins, cut at word boundaries") {
    std::string text =
        "queue " + std::string(300, 'x') + " ecole queue école queue tail words here";
    detail::Passage p = highlighter.best_passage(text, 40);
    CHECK(p.html.rfind("\u2026", 0) == 0);  // text was cut before
    CHECK(p.html == "\u2026ecole [queue] [école] [queue] tail words here");
    CHECK(p.html.find("xxxx") == std::string::npos);
  }
  SECTION("the first window holding every query word wins over later ones with more matches") {
    std::string text =
        "école queue lead " + std::string(300, 'x') + " queue école queue école queue";
    detail::Passage p = highlighter.best_passage(text, 40);
    INFO(p.html);
    CHECK(p.html.rfind("[école] [queue] lead", 0) == 0);
  }
  SECTION("a non-ASCII character that lowercases to ASCII starts a match too") {
    detail::HighlightTerms kelvin;
    kelvin.words = {"kelvin", "istanbul"};
    kelvin.stems = {stemmer("kelvin"), stemmer("istanbul")};
    detail::Highlighter k(kelvin, stemmer, detail::Markers{"[", "]"});
    // U+212A KELVIN SIGN and U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE.
    detail::Passage p = k.best_passage("Le \u212Aelvin, \u0130stanbul et \u00C9lvin.", 200);
    CHECK(p.html == "Le [\u212Aelvin], [\u0130stanbul] et \u00C9lvin.");
  }
  SECTION("no match: the start of the text, or nothing when asked") {
    CHECK(highlighter.best_passage("plain words only", 200).html == "plain words only");
    CHECK(highlighter.best_passage("plain words only", 200, detail::NoMatch::nothing).html.empty());
  }
}

TEST_CASE("snippets: HTML escaping replaces the five special characters and keeps the rest") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"plain text", "plain text"},
      {"&", "&amp;"},
      {"<b>", "&lt;b&gt;"},
      {"say \"it's\" & go", "say &quot;it&#39;s&quot; &amp; go"},
      {"caf\xC3\xA9 <\xE2\x80\xA6>", "caf\xC3\xA9 &lt;\xE2\x80\xA6&gt;"},
      {"&&<<", "&amp;&amp;&lt;&lt;"},
  };
  for (const auto& [text, escaped] : cases) {
    CHECK(detail::html_escape(text) == escaped);
    std::string out = "kept:";
    detail::append_html_escaped(out, text);
    CHECK(out == "kept:" + escaped);
  }
}

namespace {

struct TextWord {
  std::size_t begin;
  std::size_t end;
};

// Every word of `text`, one character at a time, as Xapian draws them with its CJK n-gram mode on
// (as folio indexes): a CJK character is a word of its own.
std::vector<TextWord> all_words(std::string_view text) {
  std::vector<TextWord> words;
  bool in_word = false;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    const auto at = static_cast<std::size_t>(it.raw() - text.data());
    const bool word_char = Xapian::Unicode::is_wordchar(*it);
    if (word_char && detail::is_cjk(*it)) {
      if (in_word) words.back().end = at;
      Xapian::Utf8Iterator next = it;
      ++next;
      const std::size_t end = next == Xapian::Utf8Iterator()
                                  ? text.size()
                                  : static_cast<std::size_t>(next.raw() - text.data());
      words.push_back(TextWord{at, end});
      in_word = false;
      continue;
    }
    if (word_char && !in_word) words.push_back(TextWord{at, text.size()});
    if (!word_char && in_word) words.back().end = at;
    in_word = word_char;
  }
  return words;
}

// render_window the slow way: every word from `begin` tokenised, kept while it ends within
// `length` bytes of `begin` (the first at least), each checked on its own.
std::string reference_window(const detail::Highlighter& highlighter, std::string_view text,
                             std::size_t begin, std::size_t length, bool more_before) {
  std::vector<TextWord> words = all_words(text);
  auto first =
      std::find_if(words.begin(), words.end(), [&](const TextWord& w) { return w.begin >= begin; });
  if (first == words.end()) return "";
  std::vector<TextWord> kept{*first};
  bool more_after = false;
  for (auto it = first + 1; it != words.end(); ++it) {
    if (it->end - begin > length) {
      more_after = true;
      break;
    }
    kept.push_back(*it);
  }
  std::string out = more_before ? "\u2026" : "";
  std::size_t at = kept.front().begin;
  for (const TextWord& w : kept) {
    std::string word(text.substr(w.begin, w.end - w.begin));
    if (highlighter.highlight(word) == detail::html_escape(word)) continue;  // not a match
    out +=
        detail::html_escape(text.substr(at, w.begin - at)) + "[" + detail::html_escape(word) + "]";
    at = w.end;
  }
  std::size_t stop = more_after ? kept.back().end : text.size();
  out += detail::html_escape(text.substr(at, stop - at));
  if (more_after) out += "\u2026";
  return out;
}

}  // namespace

TEST_CASE("snippets: a window is cut and marked as tokenising every word would") {
  QueueEcole fixture;
  const detail::Highlighter& highlighter = fixture.highlighter;
  // Matches, near misses, ASCII and non-ASCII word and non-word characters, of 1 to 4 bytes.
  const std::vector<std::string> pieces = {
      "queue", "Queue", "queues", "école", "ÉCOLE", "écoles", "x",      "subqueue", "queue_x",
      "42",    "naïve", "é",      "日本",  "𝔸",     " ",      "  ",     ", ",       "-",
      "—",     "’",     "“",      "\n",    "&",     "<b>",    "\u00A0", "q",        "ue"};
  std::mt19937 random(20261127);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int count = std::uniform_int_distribution<int>(1, 40)(random);
    for (int i = 0; i < count; ++i)
      text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    std::vector<TextWord> words = all_words(text);
    if (words.empty()) continue;
    for (const TextWord& start : words) {
      const std::size_t length = std::uniform_int_distribution<std::size_t>(1, 60)(random);
      detail::Highlighter::Window window{true, start.begin, words.front().begin, 1};
      INFO("text: " << text << "\nbegin: " << start.begin << " length: " << length);
      CHECK(highlighter.render_window(text, window, length) ==
            reference_window(highlighter, text, start.begin, length,
                             start.begin > words.front().begin));
    }
  }
}
