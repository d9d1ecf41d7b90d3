// Articles in several languages and scripts (tests/data/languages): every word is found by the
// analysis of the article that holds it, whatever the reader's language, and the reader's
// language ranks first.
#include <catch2/catch.hpp>

#include "behaviour/search_fixture.hpp"
#include "folio/utf8.hpp"

using namespace folio;
using folio::test::hit_id_set;
using folio::test::hit_ids;
using folio::test::request;
using Ids = std::set<std::string>;

namespace {

class LanguagesFixture {
 public:
  LanguagesFixture() : db_(dir_.join("index")) {
    folio::test::write_index(
        db_, folio::test::parse_fixture_articles(std::string(FOLIO_TEST_DATA_DIR) + "/languages"));
  }
  static const LanguagesFixture& shared() {
    static const LanguagesFixture fixture;
    return fixture;
  }
  const std::string& db() const { return db_; }

 private:
  folio::test::TempDir dir_;
  std::string db_;
};

SearchRequest in_language(const std::string& query, const std::string& language) {
  SearchRequest r = request(query);
  r.language = language;
  return r;
}

}  // namespace

TEST_CASE("languages: a word is found by its article's own stemmer, whatever the reader's") {
  Searcher searcher(LanguagesFixture::shared().db());
  struct Case {
    const char* query;
    const char* must_find;
  };
  const Case cases[] = {
      {"Kinder", "de/kinder"},
      {"Gärten", "de/kinder"},
      {"Garten", "de/kinder"},
      {"Sicherheitslücken", "de/rubygems"},
      {"Sicherheitslücke", "de/rubygems"},
      {"chevaux", "fr/chevaux"},
      {"niños", "es/ninos"},
      {"книги", "ru/knigi"},
      {"книга", "ru/knigi"},
  };
  for (const char* reader : {"", "en", "de", "fr", "ru", "ja"}) {
    for (const auto& c : cases) {
      INFO("query: " << c.query << ", reader language: " << reader);
      CHECK(hit_id_set(searcher.search(in_language(c.query, reader))).count(c.must_find) == 1);
    }
  }
}

TEST_CASE("languages: another language's stem does not widen a word in articles of this one") {
  Searcher searcher(LanguagesFixture::shared().db());
  // German stems "Kinder" to "kind"; English articles are matched by the English stem "kinder",
  // so the English article about being kind is not found by "kinder".
  CHECK(hit_id_set(searcher.search(request("kinder"))) == Ids{"de/kinder"});
  // "Kind" is the German singular: both languages hold it.
  CHECK(hit_id_set(searcher.search(request("kind"))) == Ids{"en/kindness", "de/kinder"});
}

TEST_CASE("languages: of a page and its translation, the reader's language ranks first") {
  Searcher searcher(LanguagesFixture::shared().db());
  std::vector<std::string> de = hit_ids(searcher.search(in_language("kubernetes", "de")));
  std::vector<std::string> en = hit_ids(searcher.search(in_language("kubernetes", "en")));
  REQUIRE(de.size() == 2);
  REQUIRE(en.size() == 2);
  CHECK(de.front() == "de/kubernetes");
  CHECK(en.front() == "en/kubernetes");
  // A language the index does not hold changes nothing and fails nothing.
  CHECK(hit_id_set(searcher.search(in_language("kubernetes", "xx"))).size() == 2);
}

TEST_CASE("languages: every article has a language, faceted and filterable") {
  Searcher searcher(LanguagesFixture::shared().db());
  SearchRequest r = request("");
  r.facets = {FacetRequest{"lang", 20}};
  SearchResults results = searcher.search(r);
  REQUIRE(results.facets.size() == 1);
  std::map<std::string, std::size_t> counts;
  for (const auto& value : results.facets.front().values)
    counts[value.value] = value.count;
  CHECK(counts["en"] == 3);  // en/plain.md sets none: the index's language
  CHECK(counts["de"] == 3);
  CHECK(counts["zh-cn"] == 2);
  CHECK(hit_id_set(searcher.search(request("lang:en garden"))) == Ids{"en/plain"});
}

TEST_CASE("CJK: any word inside unspaced text is found, and only inside one run") {
  Searcher searcher(LanguagesFixture::shared().db());
  struct Case {
    const char* query;
    const char* must_find;
  };
  const Case cases[] = {
      {"东京", "zh/weather"},        {"天气", "zh/weather"},
      {"北京", "zh/weather"},        {"搜索", "zh/weather"},
      {"天气预报", "zh/weather"},    {"東京", "ja/weather"},
      {"天気", "ja/weather"},        {"オーケストレーション", "ja/weather"},
      {"컨테이너", "ko/containers"},  // written 컨테이너를, with a particle
      {"배포", "ko/containers"},     {"龙舟", "zh/long"},
  };
  for (const char* reader : {"", "zh-cn", "ja", "en"}) {
    for (const auto& c : cases) {
      INFO("query: " << c.query << ", reader language: " << reader);
      CHECK(hit_id_set(searcher.search(in_language(c.query, reader))).count(c.must_find) == 1);
    }
  }
  // 好 and 北 are neighbours only across a comma (很好，北京): no pair of them is indexed.
  CHECK(searcher.search(request("很好北京")).hits.empty());
  CHECK(searcher.search(request("京北")).hits.empty());
  CHECK(searcher.search(request("容器")).hits.empty());
  // A phrase of three characters must stand in that order.
  CHECK(searcher.search(request("天气好")).hits.empty());
  CHECK(hit_id_set(searcher.search(request("\"东京的天气\""))) == Ids{"zh/weather"});
}

TEST_CASE("CJK: highlights and snippets cut at characters, no spelling corrections") {
  Searcher searcher(LanguagesFixture::shared().db());
  SearchRequest r = request("天气");
  r.snippet_length = 40;
  SearchResults results = searcher.search(r);
  REQUIRE(hit_id_set(results).count("zh/weather") == 1);
  for (const auto& hit : results.hits) {
    if (hit.id == "zh/weather") CHECK(hit.snippet.find("<mark>天气</mark>") != std::string::npos);
  }
  r = request("龙舟");
  r.snippet_length = 40;
  results = searcher.search(r);
  REQUIRE(results.hits.size() == 1);
  const std::string& snippet = results.hits.front().snippet;
  INFO(snippet);
  CHECK(snippet.find("<mark>龙舟</mark>") != std::string::npos);
  // A window of about 40 characters out of one run of 314, not the whole run.
  CHECK(utf8_length(snippet) < 80);
  // No "did you mean" towards n-grams.
  CHECK(searcher.search(request("东京天汽")).corrected_query.empty());
}

TEST_CASE("languages: a regional reader's language reads as its language") {
  Searcher searcher(LanguagesFixture::shared().db());
  CHECK(hit_ids(searcher.search(in_language("kubernetes", "de-at"))).front() == "de/kubernetes");
}

TEST_CASE("languages: typo corrections come from the reader's language and script") {
  Searcher searcher(LanguagesFixture::shared().db());
  // программировании with one letter missing
  CHECK(searcher.search(in_language("программирвании", "ru")).corrected_query ==
        "программировании");
  CHECK(hit_id_set(searcher.search(in_language("программирвании", "ru"))) == Ids{"ru/knigi"});
  // A German reader is not offered a word only Russian articles hold.
  CHECK(searcher.search(in_language("программирвании", "de")).corrected_query.empty());
  // Without a reader's language, any language's word of the same script.
  CHECK(searcher.search(request("programmirvanii")).corrected_query.empty());
  CHECK(searcher.search(request("Sicherheitslücen")).corrected_query == "sicherheitslücken");
}

TEST_CASE("CJK: a Korean word typed with another particle finds its noun") {
  Searcher searcher(LanguagesFixture::shared().db());
  // The article writes 컨테이너를 and 클라우드에서.
  CHECK(hit_id_set(searcher.search(request("컨테이너가"))) == Ids{"ko/containers"});
  CHECK(hit_id_set(searcher.search(request("클라우드를"))) == Ids{"ko/containers"});
  CHECK(hit_id_set(searcher.search(request("클라우드에서"))) == Ids{"ko/containers"});
  // A particle the article does use is kept: 컨테이너를 is there.
  CHECK(hit_id_set(searcher.search(request("컨테이너를"))) == Ids{"ko/containers"});
}

TEST_CASE("CJK: suggestions complete a CJK prefix by a character") {
  Searcher searcher(LanguagesFixture::shared().db());
  auto texts = [&](const std::string& typed) {
    std::set<std::string> out;
    for (const auto& s : searcher.suggest(typed, 10))
      out.insert(s.text);
    return out;
  };
  CHECK(texts("东").count("东京") == 1);
  CHECK(texts("天").count("天气") == 1);
  CHECK(texts("天气").count("天气预") == 1);
  CHECK(texts("컨테").count("컨테이") == 1);
}

TEST_CASE("languages: accents typed or not, as readers of the language expect") {
  Searcher searcher(LanguagesFixture::shared().db());
  CHECK(hit_id_set(searcher.search(request("cafe"))) == Ids{"en/plain", "fr/chevaux"});
  CHECK(hit_id_set(searcher.search(request("café"))) == Ids{"en/plain", "fr/chevaux"});
  CHECK(hit_id_set(searcher.search(request("liberte"))) == Ids{"fr/chevaux"});
  CHECK(hit_id_set(searcher.search(request("ninos"))) == Ids{"es/ninos"});
  CHECK(hit_id_set(searcher.search(request("tieng viet"))) == Ids{"vi/tieng-viet"});
  CHECK(hit_id_set(searcher.search(request("máy chủ"))) == Ids{"vi/tieng-viet"});
  CHECK(hit_id_set(searcher.search(request("may chu"))) == Ids{"vi/tieng-viet"});
  // A phrase keeps the accents as written.
  CHECK(hit_id_set(searcher.search(request("\"tiếng việt\""))) == Ids{"vi/tieng-viet"});
}

TEST_CASE("languages: scripts beyond Latin are found and highlighted whole") {
  Searcher searcher(LanguagesFixture::shared().db());
  struct Case {
    const char* query;
    const char* id;
    const char* marked;
  };
  const Case cases[] = {
      {"istanbul", "tr/istanbul", "<mark>İstanbul</mark>"},
      {"İstanbul", "tr/istanbul", "<mark>İstanbul</mark>"},
      {"buluşma", "tr/istanbul", "<mark>buluşma</mark>"},
      {"क्लस्टर", "hi/cluster", "<mark>क्लस्टर</mark>"},
      {"मशीनें", "hi/cluster", "<mark>मशीनें</mark>"},
      {"کلسٹر", "ur/cluster", "<mark>کلسٹر</mark>"},
      {"νέφος", "el/cloud", "<mark>νέφος</mark>"},
      {"ΝΈΦΟΣ", "el/cloud", "<mark>νέφος</mark>"},
  };
  for (const auto& c : cases) {
    INFO("query: " << c.query);
    SearchResults results = searcher.search(request(c.query));
    REQUIRE(hit_id_set(results).count(c.id) == 1);
    for (const auto& hit : results.hits) {
      if (hit.id == c.id) CHECK(hit.snippet.find(c.marked) != std::string::npos);
    }
  }
}
