// Skims a text for the places where a word may start with one of a few given bytes: a byte of
// the set that no ASCII word byte (letter, digit, underscore) precedes. A non-ASCII byte before
// it lets it through, for the caller to judge by Unicode. With SSE2, 16 bytes are tested at a
// time; this is the inner loop of snippet building, which skims every section of every hit.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace folio::detail {

class WordStartFinder {
 public:
  // `starts`: the ASCII bytes a wanted word may start with; `non_ascii`: whether any non-ASCII
  // lead byte (0xC0 and up) may start one too.
  WordStartFinder(const std::vector<unsigned char>& starts, bool non_ascii);

  // The first such place at `from` or after; text.size() when there is none.
  std::size_t next(std::string_view text, std::size_t from) const;

 private:
  std::array<bool, 256> starts_{};
  std::vector<unsigned char> ascii_starts_;
  bool non_ascii_ = false;

  std::size_t next_scalar(std::string_view text, std::size_t from) const;
};

}  // namespace folio::detail
