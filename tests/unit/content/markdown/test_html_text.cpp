#include <catch2/catch.hpp>

#include <string>

#include "content/markdown/html_text.hpp"

using folio::detail::html::append_text;
using folio::detail::html::inline_text;

namespace {

std::string text_of(std::string_view html) {
  std::string out;
  append_text(out, html);
  return out;
}

std::string repeat(const std::string& part, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i)
    out += part;
  return out;
}

}  // namespace

TEST_CASE("html text: a block is reduced to what a reader sees") {
  struct Case {
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"<div class=\"note\"><p>Hello <b>there</b> &amp; welcome</p></div>",
       "Hello there & welcome\n"},
      {"<abbr title=\"Application Programming Interface\">API</abbr> docs", "API docs"},
      {"one<br>two<br/>three", "one\ntwo\nthree"},
      {"a <!-- hidden --> b", "a b"},
      {"a <script>var x = \"</p>\";</script>b <style>p{}</style>c", "a b c"},
      {"<blockquote>Great talk &mdash; Jane (@jane) May 21, 2015</blockquote>",
       "Great talk \u2014 Jane (@jane) May 21, 2015\n"},
      // a '>' inside a quoted attribute does not end the tag
      {"<div title=\"a > b\">shown</div>", "shown\n"},
      {"<abbr title='x>y' data-x = \"1>2\">API</abbr>", "API"},
      // not tags: kept as written
      {"a < b and c > d", "a < b and c > d"},
      {"x <3", "x <3"},
      // &nbsp; is a blank like any other: a cell holding only &nbsp; leaves no text
      {"<td>&nbsp;</td><td>cell</td>", "cell\n"},
      {"a&nbsp;&nbsp; b", "a b"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.html);
    CHECK(text_of(c.html) == c.text);
  }
}

TEST_CASE("html text: a quote that never closes does not hide the rest") {
  CHECK(text_of("<a href=\"x>one</a> two <b>three</b>") == "one two three");
  CHECK(text_of("<img alt='x>one <b class=\"c\">two</b>") == "one two");
}

TEST_CASE("html text: an unclosed script hides the rest of a block, not of a one-line text") {
  CHECK(text_of("before <script>after") == "before ");
  CHECK(inline_text("Escaping <script> in templates") == "Escaping <script> in templates");
  CHECK(inline_text("x <style>p{}</style> y") == "x y");
}

TEST_CASE("html text: inline_text makes one trimmed line of a summary") {
  CHECK(inline_text("<strong>In 2019, USA.gov received calls!</strong> Read on&hellip;") ==
        "In 2019, USA.gov received calls! Read on\u2026");
  CHECK(inline_text("  first paragraph.\n\nsecond <br> line \n") == "first paragraph. second line");
  CHECK(inline_text("Q&amp;A&mdash;live") == "Q&A\u2014live");
  CHECK(inline_text("&nbsp;") == "");
  CHECK(inline_text("") == "");
}

TEST_CASE("html text: linear on hostile input") {
  const std::string hostile[] = {
      repeat("<a x=\">\" ", 100000), repeat("<a b='>' ", 50000) + "<a q=\"",
      repeat("<a x=", 200000),       repeat("<script>", 100000),
      repeat("<a", 500000),          repeat("<!--", 200000),
  };
  for (const std::string& html : hostile) {
    std::string out;
    append_text(out, html);
    CHECK(out.size() <= html.size());
    CHECK(inline_text(html).size() <= html.size());
  }
}
