// WordStartFinder, the skim under snippet building, agrees with a plain byte-by-byte reading.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "word_start_finder.hpp"

using folio::detail::WordStartFinder;

namespace {

bool ascii_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::size_t reference_next(std::string_view text, std::size_t from,
                           const std::vector<unsigned char>& starts, bool non_ascii) {
  for (std::size_t at = from; at < text.size(); ++at) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    bool start =
        (non_ascii && c >= 0xC0) || std::find(starts.begin(), starts.end(), c) != starts.end();
    if (start && (at == 0 || !ascii_word_byte(static_cast<unsigned char>(text[at - 1])))) {
      return at;
    }
  }
  return text.size();
}

}  // namespace

TEST_CASE("word start finder: a start byte counts only where no ASCII word byte precedes it") {
  WordStartFinder finder({'q', 'Q'}, true);
  std::string text = "aq q_q 9q (Q) éq \xE2\x80\x99q";
  std::vector<std::size_t> found;
  for (std::size_t at = finder.next(text, 0); at < text.size(); at = finder.next(text, at + 1))
    found.push_back(at);
  // " q" at 3, "(Q" at 11, the lead bytes of "é" at 14 and of the right quote at 18, and the q
  // after each one's last byte, at 16 and 21: the caller judges those by Unicode.
  CHECK(found == std::vector<std::size_t>{3, 11, 14, 16, 18, 21});
  CHECK(finder.next("", 0) == 0);
  CHECK(finder.next("qq", 1) == 2);
}

TEST_CASE("word start finder: the 16-byte skim agrees with a byte-by-byte reading") {
  const std::string alphabet = std::string("qQxz_9 .-\n") + "\xC3\xA9" + "\xE2\x80\x99" + "\x80";
  std::mt19937 random(20261127);
  for (int round = 0; round < 300; ++round) {
    std::vector<unsigned char> starts = {'q', 'Q'};
    if (round % 3 == 0) starts.push_back('9');
    if (round % 5 == 0) starts.push_back('_');
    bool non_ascii = round % 2 == 0;
    WordStartFinder finder(starts, non_ascii);
    std::string text;
    const std::size_t length = random() % 90;
    for (std::size_t i = 0; i < length; ++i)
      text += alphabet[random() % alphabet.size()];
    for (std::size_t from = 0; from <= text.size(); ++from) {
      INFO("text '" << text << "' from " << from);
      REQUIRE(finder.next(text, from) == reference_next(text, from, starts, non_ascii));
    }
  }
}
