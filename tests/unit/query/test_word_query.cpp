// WordExpander: one word (or phrase, or NEAR group) of a query as Xapian terms, checked by the
// articles of a tiny real index that the query matches.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <xapian.h>

#include "query/synonyms.hpp"
#include "query/word_query.hpp"
#include "unit/query/tiny_index.hpp"

using namespace folio;
using namespace folio::detail;
using folio::test::Ids;
using folio::test::tiny_article;
using folio::test::TinyIndex;

namespace {

// "server" is in two articles and "servers", "services" in one each: the wildcard limit test
// relies on those counts.
const TinyIndex& word_index() {
  static const TinyIndex index({
      tiny_article("running", "Running shoes", "She runs every morning in her running shoes."),
      tiny_article("kubernetes", "Clusters", "Deploying services on kubernetes clusters."),
      tiny_article("golang", "Servers", "Writing golang servers with a server framework."),
      tiny_article("nodejs", "Node", "Server code in node.js is asynchronous."),
      tiny_article("graph", "Graphs", "Each node of the graph holds js snippets."),
      tiny_article("regex", "Patterns", "A regular expression matches text."),
      tiny_article("config", "Settings", "Configuration management, by a quick brown fox."),
      // "acc" is a rare word of its own; "access" and its longer forms are frequent.
      tiny_article("acc", "Minutes", "The acc board met."),
      tiny_article("access", "Access", "Access and accessible pages."),
      tiny_article("a11y", "Accessibility", "Accessibility is access for all."),
  });
  return index;
}

// A WordExpander over the tiny index, with its own synonyms and settings.
struct Words {
  explicit Words(WordSettings settings = {}, SynonymTable table = {})
      : synonyms(std::move(table)),
        expander(word_index().db(), Xapian::Stem("en"), synonyms, std::move(settings)) {}

  WordQuery word(std::string_view text, std::string_view prefix = "",
                 WordMode mode = WordMode::exact) {
    return expander.word(text, prefix, mode, highlights);
  }
  Ids matches(const Xapian::Query& query) const { return word_index().matches(query); }

  SynonymTable synonyms;
  WordExpander expander;
  HighlightTerms highlights;
};

}  // namespace

TEST_CASE("word query: a word matches its stem, and remembers the word as typed") {
  Words w;
  WordQuery runs = w.word("Runs");
  CHECK(runs.query.get_description() == "Query(Zrun)");
  CHECK(w.matches(runs.query) == Ids{"running"});
  CHECK(runs.positional_term == "runs");
  CHECK_FALSE(runs.stopword);
  CHECK(w.highlights.words == std::set<std::string>{"runs"});
  CHECK(w.highlights.stems == std::set<std::string>{"run"});
}

TEST_CASE("word query: only terms starting with a letter are stemmed, as the indexer does") {
  Words w;
  CHECK(w.expander.stemmed_term("running", "") == "Zrun");
  CHECK(w.expander.stemmed_term("running", "S") == "ZSrun");
  CHECK(w.expander.stemmed_term("2026", "") == "2026");
  CHECK(w.expander.stemmed_term("2026", "S") == "S2026");
  CHECK(w.expander.stem("2026") == "2026");
}

TEST_CASE("word query: a field prefix keeps the word to that field") {
  Words w;
  CHECK(w.matches(w.word("shoes", "S").query) == Ids{"running"});   // in the title
  CHECK(w.matches(w.word("morning", "").query) == Ids{"running"});  // in the body
  CHECK(w.matches(w.word("morning", "S").query).empty());           // but not the title
}

TEST_CASE("word query: the tokeniser's terms, lowercased and in order") {
  Words w;
  CHECK(w.expander.terms_of("Node.js is GREAT") ==
        std::vector<std::string>{"node", "js", "is", "great"});
  CHECK(w.expander.terms_of("  ...  ").empty());
  CHECK(w.word("...").query.empty());
}

TEST_CASE("word query: plain ASCII text is split as the TermGenerator splits it, without it") {
  Words w;
  std::string kept(64, 'a');
  kept += " kept";
  std::string dropped(65, 'a');
  dropped += " dropped";
  const std::vector<std::string> texts = {"Plain language",
                                          "  two  spaces ",
                                          "USWDS Monthly Call 2021",
                                          "10x",
                                          kept,
                                          dropped,
                                          "",
                                          "a1 B2 c_3",
                                          "don't",
                                          "U.S. Digital",
                                          "caf\xC3\xA9 menu",
                                          "C++ tips"};
  for (const auto& text : texts) {
    INFO("text: " << text);
    Xapian::Document doc;
    Xapian::TermGenerator generator;
    generator.set_document(doc);
    generator.index_text(text);
    std::vector<std::pair<Xapian::termpos, std::string>> placed;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
        placed.emplace_back(*pos, *term);
    }
    std::sort(placed.begin(), placed.end());
    std::vector<std::string> expected;
    for (auto& [pos, term] : placed)
      expected.push_back(term);
    CHECK(w.expander.terms_of(text) == expected);
  }
}

TEST_CASE("word query: English stopwords are flagged outside fields only") {
  Words english;
  CHECK(english.word("the").stopword);
  CHECK(english.word("The").stopword);
  CHECK_FALSE(english.word("the", "S").stopword);  // title:the is a deliberate search
  CHECK_FALSE(english.word("graph").stopword);
  Words french(WordSettings{"fr"});
  CHECK_FALSE(french.word("the").stopword);
}

TEST_CASE("word query: synonyms widen a word, a phrase synonym matches as a phrase") {
  Words plain;
  CHECK(plain.matches(plain.word("k8s").query).empty());
  CHECK(plain.matches(plain.word("regex").query).empty());

  SynonymTable table;
  table.add_group({"k8s", "kubernetes"});
  table.add_group({"regex", "regular expression"});
  table.add_group({"brown", "expression snippets"});  // words the index holds, never adjacent
  Words widened({}, table);
  CHECK(widened.matches(widened.word("k8s").query) == Ids{"kubernetes"});
  CHECK(widened.matches(widened.word("regex").query) == Ids{"regex"});
  CHECK(widened.highlights.stems.count("kubernet") == 1);
  CHECK(widened.highlights.words.count("expression") == 1);
  // "expression snippets" is a phrase: "regex" has one word, "graph" the other.
  CHECK(widened.matches(widened.word("brown").query) == Ids{"config"});
}

TEST_CASE("word query: a compound word is a phrase; any_part holds its words but stopwords") {
  Words w;
  WordQuery node_js = w.word("node.js");
  CHECK(w.matches(node_js.query) == Ids{"nodejs"});  // "graph" has both words, apart
  CHECK(w.matches(node_js.any_part) == Ids{"nodejs", "graph"});
  CHECK(node_js.part_terms == std::vector<std::string>{"node", "js"});
  CHECK(node_js.positional_term.empty());

  WordQuery of_the_graph = w.word("node-of-the-graph");
  CHECK(of_the_graph.part_terms == std::vector<std::string>{"node", "graph"});
  CHECK(w.matches(of_the_graph.query) == Ids{"graph"});
}

TEST_CASE("word query: a wildcard matches the indexed words it starts, up to the limit") {
  Words w;
  WordQuery serv = w.word("serv*", "", WordMode::wildcard);
  CHECK(w.matches(serv.query) == Ids{"kubernetes", "golang", "nodejs"});
  CHECK(w.highlights.prefixes == std::set<std::string>{"serv"});
  CHECK(w.matches(w.word("serv*", "S", WordMode::wildcard).query) == Ids{"golang"});

  // Over the limit, the most frequent expansions are kept: "server" (two articles).
  Words limited(WordSettings{"en", TypoTolerance::on, 1});
  CHECK(limited.matches(limited.word("serv*", "", WordMode::wildcard).query) ==
        Ids{"golang", "nodejs"});
}

TEST_CASE("word query: a query's wildcards share one budget of expansions") {
  // wildcard_limit 1: four wildcards of one word each, then words as typed.
  Words w(WordSettings{"en", TypoTolerance::on, 1});
  for (int i = 0; i < 4; ++i)
    CHECK(w.matches(w.word("serv*", "", WordMode::wildcard).query) == Ids{"golang", "nodejs"});
  WordQuery over = w.word("serv*", "", WordMode::wildcard);
  CHECK(over.query.get_description() == "Query(serv)");
  CHECK(w.matches(over.query).empty());
  // The word being typed draws on the same budget: it matches only as typed now.
  CHECK(w.matches(w.word("kuber", "", WordMode::partial).query).empty());
  // With no limit configured (0), none.
  Words unlimited(WordSettings{"en", TypoTolerance::on, 0});
  for (int i = 0; i < 6; ++i)
    CHECK(unlimited.matches(unlimited.word("serv*", "", WordMode::wildcard).query) ==
          Ids{"kubernetes", "golang", "nodejs"});
}

TEST_CASE("word query: the word being typed also matches the indexed words it starts") {
  Words typing;
  WordQuery kuber = typing.word("kuber", "", WordMode::partial);
  CHECK(typing.matches(kuber.query) == Ids{"kubernetes"});
  CHECK(typing.highlights.prefixes.count("kuber") == 1);
  CHECK(kuber.correction.empty());

  Words typed;
  CHECK(typed.matches(typed.word("kuber").query).empty());  // a finished word is not completed
}

TEST_CASE("word query: the word being typed is a prefix too when the index holds it") {
  Words w;
  WordQuery acc = w.word("acc", "", WordMode::partial);
  CHECK(w.matches(acc.query) == Ids{"acc", "access", "a11y"});
  CHECK(w.highlights.prefixes.count("acc") == 1);
  CHECK(acc.suggestion.empty());
  CHECK(acc.completion == "access");  // the most frequent word it starts: titles are read for it
  CHECK(w.word("access", "", WordMode::partial).completion.empty());  // it leads its longer forms
  CHECK(w.word("acce", "S", WordMode::partial).completion == "access");  // in titles: ZSaccess
  // Each keystroke only narrows: acc* holds acce* holds access*.
  CHECK(w.matches(w.word("acce", "", WordMode::partial).query) == Ids{"access", "a11y"});
  CHECK(w.matches(w.word("access", "", WordMode::partial).query) == Ids{"access", "a11y"});
  CHECK(w.matches(w.word("acc").query) == Ids{"acc"});  // a finished word is only itself

  // Ranked: a rare word of its own does not lead its completions, so it counts only as one of
  // them and does not come first while "access" is being typed.
  Xapian::Enquire enquire(word_index().db());
  enquire.set_query(acc.query);
  Xapian::MSet ranked = enquire.get_mset(0, 3);
  REQUIRE(ranked.size() == 3);
  CHECK(ranked.begin().get_document().get_value(schema::kIdSlot) != "acc");

  // A word no longer word starts is as typed.
  Words node;
  CHECK(node.matches(node.word("node", "", WordMode::partial).query) == Ids{"nodejs", "graph"});
  CHECK(node.highlights.prefixes.empty());
}

TEST_CASE("word query: a word the index lacks is widened with its typo correction") {
  Words on;
  WordQuery misspelt = on.word("configuraton");
  CHECK(misspelt.suggestion == "configuration");
  CHECK(misspelt.correction == "configuration");
  CHECK(on.matches(misspelt.query) == Ids{"config"});

  SECTION("not with typo tolerance off, though it is still suggested") {
    Words off(WordSettings{"en", TypoTolerance::off});
    WordQuery word = off.word("configuraton");
    CHECK(word.suggestion == "configuration");
    CHECK(word.correction.empty());
    CHECK(off.matches(word.query).empty());
  }
  SECTION("not a word the index holds") {
    WordQuery held = on.word("configuration");
    CHECK(held.suggestion.empty());
    CHECK(held.correction.empty());
  }
  SECTION("a word of under five letters is suggested, never corrected") {
    WordQuery fax = on.word("fax");
    CHECK(fax.suggestion == "fox");
    CHECK(fax.correction.empty());
    CHECK(on.matches(fax.query).empty());
  }
  SECTION("not a word with digits") {
    WordQuery mixed = on.word("configuraton2");
    CHECK(mixed.suggestion.empty());
    CHECK(on.matches(mixed.query).empty());
  }
}

TEST_CASE("word query: a phrase matches its words adjacent and in order") {
  Words w;
  CHECK(w.matches(w.expander.phrase("running shoes", "", w.highlights)) == Ids{"running"});
  CHECK(w.matches(w.expander.phrase("shoes running", "", w.highlights)).empty());
  CHECK(w.matches(w.expander.phrase("morning shoes", "", w.highlights)).empty());
  // In a field: the field holds every word, the text holds the phrase.
  CHECK(w.matches(w.expander.phrase("running shoes", "S", w.highlights)) == Ids{"running"});
  CHECK(w.matches(w.expander.phrase("every morning", "S", w.highlights)).empty());
  // A one-word phrase is the word as written, not its stem.
  CHECK(w.matches(w.expander.phrase("run", "", w.highlights)).empty());
  CHECK(w.matches(w.word("run").query) == Ids{"running"});
  CHECK(w.expander.phrase("", "", w.highlights).empty());
}

TEST_CASE("word query: NEAR keeps words within a window, ADJ in order too") {
  Words w;
  // "Deploying services on kubernetes clusters": "services" and "clusters" span four positions.
  std::vector<std::string> words{"services", "clusters"};
  CHECK(w.matches(w.expander.near(words, "", 4, false, w.highlights)) == Ids{"kubernetes"});
  CHECK(w.matches(w.expander.near(words, "", 3, false, w.highlights)).empty());
  std::vector<std::string> reversed{"clusters", "services"};
  CHECK(w.matches(w.expander.near(reversed, "", 10, false, w.highlights)) == Ids{"kubernetes"});
  CHECK(w.matches(w.expander.near(reversed, "", 10, true, w.highlights)).empty());
  CHECK(w.matches(w.expander.near(words, "", 10, true, w.highlights)) == Ids{"kubernetes"});
}

namespace {

const TinyIndex& phrase_index() {
  static const TinyIndex index({
      tiny_article("pooling", "Sockets", "Connection pooling keeps sockets open."),
      tiny_article("pool", "Sockets", "A connection pool keeps sockets open."),
      tiny_article("apart", "Water", "A pool of water has no connection to sockets."),
      tiny_article("pools", "Connection Pools", "Connections pools, one per host."),
  });
  return index;
}

std::vector<std::string> ranked(const Xapian::Query& query) {
  Xapian::Enquire enquire(phrase_index().db());
  enquire.set_query(query);
  std::vector<std::string> ids;
  Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it)
    ids.push_back(it.get_document().get_value(schema::kIdSlot));
  return ids;
}

}  // namespace

TEST_CASE("word query: a phrase matches its words' other forms too, the typed form first") {
  SynonymTable synonyms;
  WordExpander expander(phrase_index().db(), Xapian::Stem("en"), synonyms, WordSettings{});
  HighlightTerms highlights;
  Xapian::Query pool = expander.phrase("connection pool", "", highlights);
  CHECK(phrase_index().matches(pool) == Ids{"pooling", "pool", "pools"});
  std::vector<std::string> order = ranked(pool);
  REQUIRE_FALSE(order.empty());
  CHECK(order.front() == "pool");              // the phrase as typed
  CHECK(highlights.stems.count("pool") == 1);  // "Pooling" is highlighted

  CHECK(phrase_index().matches(expander.phrase("pool connection", "", highlights)).empty());
  // In a field: the field holds the words in some form, the text the phrase.
  CHECK(phrase_index().matches(expander.phrase("connection pool", "S", highlights)) ==
        Ids{"pools"});
  // A word of one form only, and a single word, stay as typed.
  CHECK(phrase_index().matches(expander.phrase("keeps sockets", "", highlights)) ==
        Ids{"pooling", "pool"});
  CHECK(phrase_index().matches(expander.phrase("pooling", "", highlights)) == Ids{"pooling"});
}

TEST_CASE("word query: a query's phrases share one budget of words looked at for other forms") {
  SynonymTable synonyms;
  WordExpander expander(phrase_index().db(), Xapian::Stem("en"), synonyms, WordSettings{});
  HighlightTerms highlights;
  // Each "connection pool" looks at a few indexed words (connection, connections, pool, ...);
  // thousands of them in one query exhaust the budget, and the phrase is then matched as typed.
  Ids last;
  for (int i = 0; i < 6000; ++i)
    last = phrase_index().matches(expander.phrase("connection pool", "", highlights));
  CHECK(last == Ids{"pool"});
}
