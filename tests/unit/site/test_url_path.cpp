#include <catch2/catch.hpp>

#include "site/url_path.hpp"

using folio::detail::hugo_sanitize;

TEST_CASE("url path: sanitised as Hugo's UnicodeSanitize, then lowercased") {
  // Each expected value is what Hugo 0.111 wrote for the same title or file name.
  CHECK(hugo_sanitize("Timeless Top 10: Q&amp;A — Best Practices!") ==
        "timeless-top-10-qampa-best-practices");
  CHECK(hugo_sanitize("My_File Name") == "my_file-name");
  CHECK(hugo_sanitize("Bonjour à tous") == "bonjour-à-tous");
  CHECK(hugo_sanitize("Ä Slug") == "ä-slug");
  CHECK(hugo_sanitize("  leading and trailing  ") == "leading-and-trailing");
  CHECK(hugo_sanitize("a - b") == "a---b");  // a dash is kept, each space run adds one
  CHECK(hugo_sanitize("/2024/02/09/x/") == "/2024/02/09/x/");
  CHECK(hugo_sanitize("100%25 and 100% off") == "100%25-and-100-off");
  CHECK(hugo_sanitize("C++ & C#") == "c-c#");
  CHECK(hugo_sanitize("a~b@c_d.e") == "a~b@c_d.e");
  CHECK(hugo_sanitize("हिन्दी") == "हिन्दी");  // vowel signs are marks, kept
  CHECK(hugo_sanitize("日本語 テキスト") == "日本語-テキスト");
}
