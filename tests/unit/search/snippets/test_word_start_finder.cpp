// WordStartFinder, the skim under snippet building, agrees with a plain byte-by-byte reading.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "search/snippets/word_start_finder.hpp"

using folio::detail::WordStartFinder;

namespace {

bool ascii_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

unsigned char lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

// A place where a word may start with one of the heads, read the plain way: ASCII letters
// compared without case, anything non-ASCII let through.
bool reference_start(std::string_view text, std::size_t at, const std::vector<std::string>& heads,
                     bool non_ascii) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  if (at > 0 && ascii_word_byte(byte(at - 1))) return false;
  if (non_ascii && byte(at) >= 0xC0) return true;
  for (const auto& head : heads) {
    const auto first = static_cast<unsigned char>(head[0]);
    if (first >= 0x80) {
      if (byte(at) == first) return true;
      continue;
    }
    if (lower(byte(at)) != lower(first)) continue;
    // Each further byte of the head (up to three) is matched, or is not ASCII.
    bool rest = true;
    for (std::size_t i = 1; i < std::min<std::size_t>(head.size(), 3) && rest; ++i) {
      rest = at + i < text.size() &&
             (lower(byte(at + i)) == static_cast<unsigned char>(head[i]) || byte(at + i) >= 0x80);
    }
    if (rest) return true;
  }
  return false;
}

std::size_t reference_next(std::string_view text, std::size_t from,
                           const std::vector<std::string>& heads, bool non_ascii) {
  for (std::size_t at = from; at < text.size(); ++at) {
    if (reference_start(text, at, heads, non_ascii)) return at;
  }
  return text.size();
}

std::vector<std::size_t> all_starts(const WordStartFinder& finder, std::string_view text) {
  std::vector<std::size_t> found;
  for (std::size_t at = finder.next(text, 0); at < text.size(); at = finder.next(text, at + 1))
    found.push_back(at);
  return found;
}

}  // namespace

TEST_CASE("word start finder: a head counts only where no ASCII word byte precedes it") {
  WordStartFinder finder({"q"}, true);
  std::string text = "aq q_q 9q (Q) éq \xE2\x80\x99q";
  // " q" at 3, "(Q" at 11, the lead bytes of "é" at 14 and of the right quote at 18, and the q
  // after each one's last byte, at 16 and 21: the caller judges those by Unicode.
  CHECK(all_starts(finder, text) == std::vector<std::size_t>{3, 11, 14, 16, 18, 21});
  CHECK(finder.next("", 0) == 0);
  CHECK(finder.next("qq", 1) == 2);
}

TEST_CASE("word start finder: a head of two or three bytes needs its next bytes too") {
  WordStartFinder finder({"fed", "gr"}, false);
  // "Federal" at 0, "GRANTS" at 8; "for", "feature", "go" and "f" are passed over, "f\xC3\xA9"
  // and "fE\xC3\xA9" are let through (an accented letter may fold to anything).
  const std::string text = "Federal GRANTS for feature go f f\xC3\xA9 fE\xC3\xA9";
  CHECK(all_starts(finder, text) == std::vector<std::size_t>{0, 8, 32, 36});
  CHECK(finder.next("f", 0) == 1);   // a head's second byte cannot be past the end
  CHECK(finder.next("fe", 0) == 2);  // nor its third
  CHECK(finder.next("gr", 0) == 0);  // a head of two bytes needs no third
}

TEST_CASE("word start finder: the vector skims agree with a byte-by-byte reading") {
  const std::string alphabet = std::string("qQuUxz_9 .-\n") + "\xC3\xA9" + "\xE2\x80\x99" + "\x80";
  std::mt19937 random(20261127);
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> heads = {round % 4 == 0 ? "q" : round % 4 == 1 ? "qu" : "qux"};
    if (round % 3 == 0) heads.push_back("9");
    if (round % 5 == 0) heads.push_back("_x");
    if (round % 6 == 0) heads.push_back("uq_");
    if (round % 8 == 0) heads.push_back("quz");
    if (round % 7 == 0) heads.push_back("u\xC3\xA9");
    if (round % 11 == 0) heads.push_back("\xC3\xA9");
    bool non_ascii = round % 2 == 0;
    // The processor's widest vectors (AVX2 where it has them) and SSE2 alone.
    const auto vectors =
        (round / 2) % 2 == 1 ? WordStartFinder::Vectors::widest : WordStartFinder::Vectors::sse2;
    WordStartFinder finder(heads, non_ascii, vectors);
    std::string text;
    const std::size_t length = random() % 150;
    for (std::size_t i = 0; i < length; ++i)
      text += alphabet[random() % alphabet.size()];
    for (std::size_t from = 0; from <= text.size(); ++from) {
      INFO("text '" << text << "' from " << from << " round " << round);
      REQUIRE(finder.next(text, from) == reference_next(text, from, heads, non_ascii));
    }
  }
}
