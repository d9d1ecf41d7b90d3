// The stored record: an article's display record and its compressed text, encoded into Xapian
// document data and values, and read back.
#include <catch2/catch.hpp>

#include "folio/error.hpp"
#include "store/stored_record.hpp"

using namespace folio;
using namespace folio::detail;

namespace {

Article sample_article() {
  Article a;
  a.id = "posts/go-vs-rust";
  a.url = "/posts/go-vs-rust/";
  a.relative_path = "posts/go-vs-rust.md";
  a.title = "Go vs Rust";
  a.description = "Compare Go & Rust <fast>";
  a.date = 1769453600;
  a.lastmod = -86400;              // negative timestamps survive the zigzag encoding
  a.date_offset_seconds = -18000;  // written at -05:00
  a.lastmod_offset_seconds = 19800;
  a.tags = {"Go", "Rust", "Backend Language"};
  a.categories = {"Comparisons"};
  a.authors = {"Maya Okafor"};
  a.language = "en";
  a.word_count = 950;
  a.reading_time_minutes = 5;
  a.headings = {{2, "Quick Verdict", "quick-verdict"}, {2, "FAQ", "faq"}};
  a.sections = {{-1, "lead text"}, {0, "verdict text"}, {1, "faq text"}};
  a.taxonomies["topics"] = {"Systems"};
  return a;
}

}  // namespace

TEST_CASE("stored record: an article's display record survives encoding") {
  Article a = sample_article();
  ArticleRecord r = decode_display_record(encode_display_record(a));
  CHECK(r.id == a.id);
  CHECK(r.url == a.url);
  CHECK(r.title == a.title);
  CHECK(r.description == a.description);
  CHECK(r.date == a.date);
  CHECK(r.lastmod == a.lastmod);
  CHECK(r.date_offset_seconds == -18000);
  CHECK(r.lastmod_offset_seconds == 19800);
  CHECK(r.tags == a.tags);
  CHECK(r.categories == a.categories);
  CHECK(r.authors == a.authors);
  CHECK(r.language == "en");
  CHECK(r.word_count == 950);
  CHECK(r.reading_time_minutes == 5);
  CHECK(r.headings.empty());  // stored with the text
}

TEST_CASE("stored record: headings and section texts survive compression") {
  Article a = sample_article();
  SECTION("a short article") {
    StoredText t = decode_stored_text(encode_stored_text(a));
    REQUIRE(t.headings.size() == 2);
    CHECK(t.headings[0].level == 2);
    CHECK(t.headings[0].text == "Quick Verdict");
    CHECK(t.headings[1].anchor == "faq");
    CHECK(t.sections == std::vector<std::string>{"lead text", "verdict text", "faq text"});
  }
  SECTION("a long one compresses") {
    std::string long_text;
    for (int i = 0; i < 500; ++i)
      long_text += "the verdict is in, again and again. ";
    a.sections = {{-1, "lead"}, {0, long_text}, {0, "more"}, {1, ""}};
    std::string value = encode_stored_text(a);
    CHECK(value.size() < long_text.size() / 4);
    StoredText t = decode_stored_text(value);
    CHECK(t.sections == std::vector<std::string>{"lead", long_text + "\nmore", ""});
  }
  SECTION("no headings: the lead alone") {
    a.headings.clear();
    a.sections = {{-1, "only the lead"}};
    StoredText t = decode_stored_text(encode_stored_text(a));
    CHECK(t.headings.empty());
    CHECK(t.sections == std::vector<std::string>{"only the lead"});
  }
}

TEST_CASE("stored record: truncated or foreign data is a database error, never a crash") {
  SECTION("display record") {
    std::string data = encode_display_record(sample_article());
    for (std::size_t cut = 0; cut < data.size(); cut += 7) {
      CHECK_THROWS_AS(decode_display_record(std::string_view(data).substr(0, cut)), Error);
    }
    CHECK_THROWS_AS(decode_display_record("\x09garbage"), Error);
    std::string schema_1 = data;  // schema 1's record: the same bytes after its version byte
    schema_1[0] = '\x01';
    CHECK_THROWS_AS(decode_display_record(schema_1), Error);
    std::string schema_3 = data;  // schema 3's record, before dates kept their offsets
    schema_3[0] = '\x02';
    CHECK_THROWS_AS(decode_display_record(schema_3), Error);
    Article impossible_offset = sample_article();
    impossible_offset.date_offset_seconds = 90000;  // more than a day
    CHECK_THROWS_AS(decode_display_record(encode_display_record(impossible_offset)), Error);
  }
  SECTION("text") {
    std::string value = encode_stored_text(sample_article());
    for (std::size_t cut = 0; cut < value.size(); cut += 3) {
      CHECK_THROWS_AS(decode_stored_text(std::string_view(value).substr(0, cut)), Error);
    }
    std::string flipped = value;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5A);
    CHECK_THROWS_AS(decode_stored_text(flipped), Error);
    // A size far beyond what the stream could inflate to is refused before allocating.
    CHECK_THROWS_AS(decode_stored_text(std::string("\x01\xff\xff\xff\xff\x0f", 6) + "x"), Error);
    CHECK_THROWS_AS(decode_stored_text("\x07garbage"), Error);
  }
}
