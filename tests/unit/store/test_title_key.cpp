// The title key (value slot schema::kTitleKeySlot).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "store/title_key.hpp"

using namespace folio;
using namespace folio::detail;
using Words = std::vector<std::string>;

TEST_CASE("title key: a title's words as the index has them, lowercased and unstemmed") {
  CHECK(title_words("U.S. Web Design System") == Words{"us", "web", "design", "system"});
  CHECK(title_words("Delivering on 21st Century IDEA: A case study (Part 2)") ==
        Words{"delivering", "on", "21st", "century", "idea", "a", "case", "study", "part", "2"});
  CHECK(title_words("Do NOT Track") == Words{"do", "not", "track"});
  CHECK(title_words("").empty());
}

TEST_CASE("title key: _index files are section pages") {
  CHECK(page_kind_of("topics/accessibility/_index.md") == PageKind::section);
  CHECK(page_kind_of("_index.md") == PageKind::section);
  CHECK(page_kind_of("posts/_index.fr.md") == PageKind::section);
  CHECK(page_kind_of("posts/index.md") == PageKind::page);  // a leaf bundle
  CHECK(page_kind_of("posts/go-vs-rust.md") == PageKind::page);
  CHECK(page_kind_of("posts/my_index.md") == PageKind::page);
}

TEST_CASE("title key: encoded and decoded") {
  std::string value = encode_title_key(PageKind::section, {"open", "data"});
  CHECK(value == "sopen data");
  TitleKey key = decode_title_key(value);
  CHECK(key.kind == PageKind::section);
  CHECK(key.words == "open data");
  key = decode_title_key(encode_title_key(PageKind::page, {}));
  CHECK(key.kind == PageKind::page);
  CHECK(key.words.empty());
  CHECK(decode_title_key("").words.empty());
  // A very long title keeps its first words, whole.
  Words many(400, "word");
  std::string long_key = encode_title_key(PageKind::page, many);
  CHECK(long_key.size() <= 1024);
  CHECK(decode_title_key(long_key).words.ends_with("word"));
}
