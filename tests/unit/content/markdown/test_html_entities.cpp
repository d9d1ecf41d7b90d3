#include <catch2/catch.hpp>

#include <string>

#include "base/utf8.hpp"
#include "content/markdown/html_entities.hpp"

using folio::detail::html::append_entity;
using folio::detail::html::decode_entities;

namespace {

std::string repeat(const std::string& part, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i)
    out += part;
  return out;
}

}  // namespace

TEST_CASE("html entities: the named references found in real front matter") {
  struct Case {
    const char* written;
    const char* decoded;
  };
  const Case cases[] = {
      // digitalgov titles and summaries
      {"Q&amp;A", "Q&A"},
      {"Plain language&mdash;why it matters", "Plain language\u2014why it matters"},
      {"2015&ndash;2016", "2015\u20132016"},
      {"Wait for it&hellip;", "Wait for it\u2026"},
      {"&ldquo;Quoted&rdquo; and &lsquo;single&rsquo;",
       "\u201CQuoted\u201D and \u2018single\u2019"},
      {"Caf&eacute; &ntilde; &Uuml;ber", "Caf\u00E9 \u00F1 \u00DCber"},
      {"&lt;tag&gt; &quot;q&quot; &apos;a&apos;", "<tag> \"q\" 'a'"},
      {"a&nbsp;b", "a\u00A0b"},
      {"&copy; &reg; &trade; &sect; &bull; &plus;", "\u00A9 \u00AE \u2122 \u00A7 \u2022 +"},
      // HTML5 names beyond HTML 4, upper-case aliases, the longest name, two code points
      {"&check; &AMP; &LT;", "\u2713 & <"},
      {"&CounterClockwiseContourIntegral;", "\u2233"},
      {"&NotEqualTilde;", "\u2242\u0338"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.written);
    CHECK(decode_entities(c.written) == c.decoded);
  }
}

TEST_CASE("html entities: numeric references, as a browser reads them") {
  struct Case {
    const char* written;
    const char* decoded;
  };
  const Case cases[] = {
      {"don&#8217;t", "don\u2019t"},
      {"&#8230; &#x2014; &#X2014; &#x27;", "\u2026 \u2014 \u2014 '"},
      {"&#0065;&#x00041;", "AA"},
      {"&#128640; &#x1F680;", "\U0001F680 \U0001F680"},
      // what browsers put in place of what is not a character
      {"&#0;", "\uFFFD"},
      {"&#xD800; &#57343;", "\uFFFD \uFFFD"},
      {"&#x110000; &#1114112;", "\uFFFD \uFFFD"},
      {"&#99999999999999999999;", "\uFFFD"},
      {"&#x10FFFF;", "\U0010FFFF"},
      // 0x80-0x9F are the Windows-1252 characters (text pasted from Word)
      {"&#146;s &#147;q&#148; &#150; &#128;", "\u2019s \u201Cq\u201D \u2013 \u20AC"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.written);
    CHECK(decode_entities(c.written) == c.decoded);
  }
}

TEST_CASE("html entities: what is not a reference stays as written") {
  const char* unchanged[] = {
      "AT&T",    "a & b",  "&",       "&&",       "&;",        "&#;",     "&#x;",   "&#12",
      "&#x1F x", "&mdash", "&Mdash;", "&mndash;", "&bogus;",   "&space;", "&amp ;", "& amp;",
      "&#-1;",   "&#x-1;", "&#12a;",  "&#xg1;",   "tail &amp", "&AElig",
  };
  for (const char* text : unchanged) {
    CAPTURE(text);
    CHECK(decode_entities(text) == text);
  }
  CHECK(decode_entities("&mndash; &mdash;") == "&mndash; \u2014");
  CHECK(decode_entities("&amp;amp;") == "&amp;");  // decoded once
  CHECK(decode_entities("") == "");
}

TEST_CASE("html entities: append_entity reports the bytes it used") {
  std::string out = "x";
  CHECK(append_entity(out, "&mdash; after") == 7);
  CHECK(out == "x\u2014");
  CHECK(append_entity(out, "&#x41;rest") == 6);
  CHECK(out == "x\u2014A");
  CHECK(append_entity(out, "&unknown; x") == 0);
  CHECK(append_entity(out, "no ampersand") == 0);
  CHECK(append_entity(out, "&") == 0);
  CHECK(out == "x\u2014A");
}

TEST_CASE("html entities: never invalid UTF-8, linear on hostile input") {
  const std::string hostile[] = {
      repeat("&#", 200000),
      repeat("&#x", 200000),
      repeat("&", 500000),
      repeat("&#1", 100000) + ";",
      repeat("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 20000),
      repeat("&#xD83D;&#xDE00;", 10000),
      repeat("&#x", 1) + repeat("F", 500000) + ";",
  };
  for (const std::string& text : hostile) {
    const std::string decoded = decode_entities(text);
    CHECK(folio::detail::utf8::first_invalid(decoded) == std::string::npos);
  }
}
