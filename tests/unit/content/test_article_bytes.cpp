#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "folio/article_parser.hpp"
#include "folio/error.hpp"

using folio::content_hash;
using folio::Error;
using folio::ErrorCode;
using folio::validate_text;

namespace {

struct BadTextCase {
  const char* name;
  std::string bytes;
  int line;
  int column;
  const char* reason;
};

}  // namespace

TEST_CASE("text validation: valid UTF-8 passes") {
  const std::vector<std::string> valid = {
      "",
      "plain ASCII text\nwith lines\n",
      "\xEF\xBB\xBF"
      "BOM first",
      "Résumé, Straße, 神真美好, Привет",
      "emoji 🚀 and the last code point \xF4\x8F\xBF\xBF",
      "U+D7FF \xED\x9F\xBF and U+E000 \xEE\x80\x80",
      std::string(1000, 'x') + "é" + std::string(13, 'y'),
  };
  for (const std::string& text : valid) {
    CAPTURE(text);
    CHECK_NOTHROW(validate_text(text, "ok.md"));
  }
}

TEST_CASE("text validation: bad bytes are reported with line, column and reason") {
  const std::vector<BadTextCase> cases = {
      {"invalid byte",
       "ab\xFF"
       "cd",
       1, 3, "invalid UTF-8 byte 0xff"},
      {"lone continuation", "line1\nx\xC3\xA9\x80", 2, 3, "invalid UTF-8 byte 0x80"},
      {"NUL byte", std::string("a\nb\0c", 5), 2, 2, "binary file (NUL byte)"},
      {"NUL after a long ASCII run", std::string(20, 'a') + '\0', 1, 21, "binary file (NUL byte)"},
      {"bad byte after a long ASCII run",
       std::string(17, 'a') + "\n" + std::string(9, 'b') + "\xFE", 2, 10,
       "invalid UTF-8 byte 0xfe"},
      {"overlong 2-byte", "x\xC0\xAF", 1, 2, "overlong UTF-8 encoding at byte 0xc0"},
      {"overlong 3-byte", "\xE0\x80\xAF", 1, 1, "overlong UTF-8 encoding at byte 0xe0"},
      {"overlong 4-byte", "\xF0\x8F\xBF\xBF", 1, 1, "overlong UTF-8 encoding at byte 0xf0"},
      {"surrogate", "ok\n\n\xED\xA0\x80", 3, 1, "UTF-16 surrogate encoded as UTF-8 at byte 0xed"},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 1, 1, "code point above U+10FFFF at byte 0xf4"},
      {"F5 lead", "é\xF5\x80\x80\x80", 1, 2, "code point above U+10FFFF at byte 0xf5"},
      {"truncated at the end", "ab\xC3", 1, 3, "truncated UTF-8 sequence at byte 0xc3"},
      {"truncated by ASCII", "\xE2\x82x", 1, 1, "truncated UTF-8 sequence at byte 0xe2"},
      {"Latin-1 text", "caf\xE9 au lait", 1, 4, "truncated UTF-8 sequence at byte 0xe9"},
  };
  for (const BadTextCase& c : cases) {
    CAPTURE(c.name);
    try {
      validate_text(c.bytes, "posts/bad.md");
      FAIL("no error for " << c.name);
    } catch (const Error& error) {
      CHECK(error.code() == ErrorCode::encoding);
      CHECK(error.where().path == "posts/bad.md");
      CHECK(error.where().line == c.line);
      CHECK(error.where().column == c.column);
      CHECK(error.reason() == c.reason);
    }
  }
}

TEST_CASE("text validation: the message names the file like a compiler does") {
  try {
    validate_text("a\n\xFF", "content/x.md");
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(std::string(error.what()) == "content/x.md:2:1: invalid UTF-8 byte 0xff");
  }
}

TEST_CASE("content hash: 32 lowercase hex digits, pinned for fixed inputs") {
  CHECK(content_hash("") == "9bf2349e9925074d92e7004c15f8b9b6");
  CHECK(content_hash("hello world") == "5f1367916eab48855ce9fdd4cca13fd4");
  CHECK(content_hash(std::string(1000, 'x')) == "239c7c71b4a9a8c6e2fbd0282fc2cf87");
  const std::string hash = content_hash("Go vs Rust");
  CHECK(hash.size() == 32);
  CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("content hash: any change to the bytes changes the hash") {
  std::set<std::string> hashes;
  std::string text;
  for (int size = 0; size <= 200; ++size) {
    hashes.insert(content_hash(text));
    text += static_cast<char>('a' + size % 26);
  }
  CHECK(hashes.size() == 201);

  const std::string base(100, 'q');
  for (std::size_t position = 0; position < base.size(); position += 7) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = base;
      flipped[position] = static_cast<char>(flipped[position] ^ (1 << bit));
      CAPTURE(position, bit);
      CHECK(content_hash(flipped) != content_hash(base));
    }
  }
  CHECK(content_hash(std::string("a")) != content_hash(std::string("a\0", 2)));
  CHECK(content_hash("same input") == content_hash("same input"));
}
