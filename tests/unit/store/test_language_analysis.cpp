#include <catch2/catch.hpp>

#include "base/transliteration.hpp"
#include "store/language_analysis.hpp"

using namespace folio::detail;

TEST_CASE("language analysis: stemmers by code, regional codes by their language") {
  CHECK(stemmer_for_language("de")("kinder") == "kind");
  CHECK(stemmer_for_language("pt-br")("livros") == stemmer_for_language("pt")("livros"));
  CHECK(stemmer_for_language("english")("pinning") == "pin");
  CHECK(stemmer_for_language("zh-cn").is_none());
  CHECK(stemmer_for_language("hi").is_none());
  CHECK(stemmer_for_language("none").is_none());
  CHECK(stemmer_for_language("xx").is_none());
  CHECK(base_language("zh-CN") == "zh");
  CHECK(is_cjk_language("ja"));
  CHECK(is_cjk_language("zh-tw"));
  CHECK_FALSE(is_cjk_language("vi"));
}

TEST_CASE("language analysis: stems lose the diacritics of Latin letters where readers drop them") {
  CHECK(stemmer_for_language("fr")("école") == stemmer_for_language("fr")("ecole"));
  CHECK(stemmer_for_language("es")("música") == stemmer_for_language("es")("musica"));
  // Snowball reads accents in suffixes: unaccented, "informacion" keeps its suffix.
  CHECK(stemmer_for_language("es")("información") != stemmer_for_language("es")("informacion"));
  CHECK(stemmer_for_language("en")("café") == "cafe");
  CHECK(stemmer_for_language("vi")("tiếng") == "tieng");
  // Where they make letters of their own, they stay.
  CHECK(stemmer_for_language("sv")("för") != stemmer_for_language("sv")("for"));
  CHECK(stemmer_for_language("tr")("şu") == "şu");
  // Other scripts are kept as they are.
  CHECK(stemmer_for_language("ru")("книги") == "книг");
}

TEST_CASE("fold_diacritics: Latin letters only") {
  CHECK(fold_diacritics("plain") == "plain");
  CHECK(fold_diacritics("straße") == "strasse");
  CHECK(fold_diacritics("việt") == "viet");
  CHECK(fold_diacritics("e\xCC\x81t\xC3\xA9") == "ete");  // a combining acute, then é
  CHECK(fold_diacritics("νέφος") == "νέφος");
  CHECK(fold_diacritics("東京") == "東京");
}
