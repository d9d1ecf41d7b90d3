// Each Hugo permalink token, against what Hugo 0.111 writes for the same page.
#include <catch2/catch.hpp>

#include <string>

#include "folio/date.hpp"
#include "site/hugo_permalink.hpp"

using folio::detail::expand_hugo_permalink;
using folio::detail::PermalinkPage;

namespace {

PermalinkPage page_on(const char* date, int offset_seconds = 0) {
  PermalinkPage page;
  page.title = "Timeless Top 10: Best Practices!";
  page.file_name = "timeless-top-10";
  page.section_path = "news/archive";
  page.date = folio::parse_date(date);
  page.date_offset_seconds = offset_seconds;
  return page;
}

std::string expand(const char* pattern, const PermalinkPage& page) {
  auto expanded = expand_hugo_permalink(pattern, page);
  CAPTURE(pattern, expanded.error);
  REQUIRE(expanded.error.empty());
  return expanded.path;
}

}  // namespace

TEST_CASE("hugo permalink: date tokens print the date as written") {
  const PermalinkPage page = page_on("2021-03-04T10:00:00Z");
  CHECK(expand(":year/:month/:day/", page) == "/2021/03/04/");
  CHECK(expand(":monthname", page) == "/March");  // lowercased later, with the whole path
  CHECK(expand(":weekday", page) == "/4");        // a Thursday; Sunday is 0
  CHECK(expand(":weekdayname", page) == "/Thursday");
  CHECK(expand(":yearday", page) == "/63");
  CHECK(expand(":yearday", page_on("2020-12-31")) == "/366");  // a leap year
}

TEST_CASE("hugo permalink: an evening with a negative offset stays on its written day") {
  // 2019-12-12 19:00:00 -0500 is 2019-12-13 00:00 UTC; Hugo writes /2019/12/12/.
  const PermalinkPage page = page_on("2019-12-12 19:00:00 -0500", -5 * 3600);
  CHECK(expand(":year/:month/:day/", page) == "/2019/12/12/");
}

TEST_CASE("hugo permalink: a page without a date gets Hugo's zero time") {
  PermalinkPage page = page_on("2021-03-04");
  page.date.reset();
  CHECK(expand(":year/:month/:day/:weekday/:yearday", page) == "/0001/01/01/1/1");
}

TEST_CASE("hugo permalink: title, slug and file name tokens") {
  PermalinkPage page = page_on("2021-03-04");
  CHECK(expand(":title/", page) == "/timeless-top-10-best-practices/");
  CHECK(expand(":slug/", page) == "/timeless-top-10-best-practices/");  // no slug: the title
  CHECK(expand(":slugorfilename/", page) == "/timeless-top-10/");
  CHECK(expand(":filename/", page) == "/timeless-top-10/");
  CHECK(expand(":contentbasename/", page) == "/timeless-top-10/");
  page.slug = "My Custom Slug";
  CHECK(expand(":slug/", page) == "/my-custom-slug/");
  CHECK(expand(":slugorfilename/", page) == "/my-custom-slug/");
}

TEST_CASE("hugo permalink: section tokens and slices") {
  const PermalinkPage page = page_on("2021-03-04");
  CHECK(expand(":section/:filename/", page) == "/news/timeless-top-10/");
  CHECK(expand(":sections/:filename/", page) == "/news/archive/timeless-top-10/");
  CHECK(expand(":sections[1:]/", page) == "/archive/");
  CHECK(expand(":sections[:1]/", page) == "/news/");
  CHECK(expand(":sections[last]/", page) == "/archive/");
  CHECK(expand(":sections[0]/", page) == "/news/");
}

TEST_CASE("hugo permalink: literal text stays, doubled slashes collapse") {
  const PermalinkPage page = page_on("2024-02-09");
  CHECK(expand("event/:year/:month/:day/:slug/", page) ==
        "/event/2024/02/09/timeless-top-10-best-practices/");
  CHECK(expand("/:year//:filename", page) == "/2024/timeless-top-10");
  CHECK(expand("v:1/:year", page) == "/v:1/2024");  // a colon before a digit is text
}

TEST_CASE("hugo permalink: an unknown token or slice is an error, not a guess") {
  const PermalinkPage page = page_on("2024-02-09");
  CHECK(expand_hugo_permalink(":year/:nosuchtoken/", page).error == "unknown token :nosuchtoken");
  CHECK_FALSE(expand_hugo_permalink(":sections[x]/", page).error.empty());
  CHECK_FALSE(expand_hugo_permalink(":sections[1/", page).error.empty());
}
