#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "base/utf8.hpp"
#include "folio/utf8.hpp"

TEST_CASE("utf8: strict validity, NUL allowed") {
  using folio::is_valid_utf8;
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ascii text, longer than eight bytes"));
  CHECK(is_valid_utf8(std::string("a\0b", 3)));
  CHECK(is_valid_utf8("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xC3"));
  CHECK_FALSE(is_valid_utf8("twelve bytes\xC3"));  // after the 8-byte fast path
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
}

TEST_CASE("utf8: invalid bytes are replaced by U+FFFD, valid text is kept") {
  using folio::replace_invalid_utf8;
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(replace_invalid_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(replace_invalid_utf8("a\xFF"
                             "b") == "a" + fffd + "b");
  CHECK(replace_invalid_utf8("\xC3") == fffd);
  CHECK(replace_invalid_utf8("\xE0\x80\xAF") == fffd + fffd + fffd);
  CHECK(replace_invalid_utf8("0123456789\xF0\x9F\x98") == "0123456789" + fffd + fffd + fffd);
  const std::string hostile = "x\xC0\xAF\xED\xA0\x80 \xF4\x90\x80\x80 ok \xE6\x97\xA5";
  CHECK(folio::is_valid_utf8(replace_invalid_utf8(hostile)));
}

TEST_CASE("utf8: length counts characters, not bytes") {
  CHECK(folio::utf8_length("") == 0);
  CHECK(folio::utf8_length("ascii") == 5);
  CHECK(folio::utf8_length("caf\xC3\xA9") == 4);
  CHECK(folio::utf8_length("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") == 3);
  CHECK(folio::utf8_length("\xF0\x9F\x98\x80!") == 2);
}

TEST_CASE("utf8: truncation never splits a character") {
  using folio::detail::utf8::truncate;
  const std::string text = "a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80";  // 1 + 2 + 3 + 4 bytes
  CHECK(truncate(text, 100) == text);
  CHECK(truncate(text, 0).empty());
  CHECK(truncate(text, 1) == "a");
  CHECK(truncate(text, 2) == "a");
  CHECK(truncate(text, 3) == "a\xC3\xA9");
  CHECK(truncate(text, 5) == "a\xC3\xA9");
  CHECK(truncate(text, 6) == "a\xC3\xA9\xE6\x97\xA5");
  CHECK(truncate(text, 9) == "a\xC3\xA9\xE6\x97\xA5");
  for (std::size_t limit = 0; limit <= text.size(); ++limit) {
    INFO(limit);
    CHECK(folio::is_valid_utf8(truncate(text, limit)));
  }
}
