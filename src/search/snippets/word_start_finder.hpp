// Skims a text for the places where a word may start with one of a few given heads (the
// lowercased first bytes of the words wanted): a place no ASCII word byte (letter, digit,
// underscore) precedes, whose first byte matches a head's first byte (ASCII case aside) and, for
// a head of two or three bytes, whose next bytes each match the head's byte there or are not ASCII
// (a non-ASCII character may fold to anything; the caller judges those by Unicode). A non-ASCII
// byte before the place lets it through, for the same reason. With SSE2, 16 places are tested at a
// time, and 32 with AVX2 when the processor has it; this is the inner loop of snippet building,
// which skims every section of every hit.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

class WordStartFinder {
 public:
  // The widest vectors to use: the processor's widest (AVX2 or SSE2), or SSE2 only (for tests).
  enum class Vectors { widest, sse2 };

  // `heads`: lowercased word beginnings (only their first three bytes are used); `non_ascii`:
  // whether any non-ASCII lead byte (0xC0 and up) may start a wanted word too.
  WordStartFinder(const std::vector<std::string>& heads, bool non_ascii,
                  Vectors vectors = Vectors::widest);

  // The first such place at `from` or after; text.size() when there is none.
  std::size_t next(std::string_view text, std::size_t from) const;

  // A byte repeated 32 times, for the vector loops to compare blocks with.
  struct alignas(32) Splat {
    unsigned char bytes[32];
  };

 private:
  struct Pair {
    unsigned char first;   // folded (| 0x20)
    unsigned char second;  // folded (| 0x20)
  };
  struct Triple {
    unsigned char first;  // folded (| 0x20), as the next two
    unsigned char second;
    unsigned char third;
  };
  struct TripleSplats {
    Splat first;
    Splat second;
    Splat third;
  };

  std::array<bool, 256> singles_{};   // a word may start with this byte, whatever follows
  std::vector<Pair> pairs_;           // or with these two bytes, folded
  std::vector<Triple> triples_;       // or with these three, none starting with a pair
  std::vector<Splat> single_splats_;  // singles_, splatted
  std::vector<std::pair<Splat, Splat>> pair_splats_;  // pairs_, splatted
  std::vector<TripleSplats> triple_splats_;           // triples_, splatted
  bool non_ascii_ = false;
  bool avx2_ = false;  // the processor has AVX2 and `vectors` allows it

  // Where the AVX2 loop stopped: at a place found, or where fewer than 34 bytes are left.
  struct Stop {
    std::size_t at;
    bool found;
  };
  Stop skim_avx2(std::string_view text, std::size_t at) const;
  bool has_pair(unsigned char first, unsigned char second) const;
  void add_pair(Pair pair);
  void add_triple(Triple triple);
  unsigned block_starts(const char* block) const;
  std::size_t padded_tail(std::string_view text, std::size_t at) const;
  bool starts_at(const unsigned char* bytes, std::size_t size, std::size_t at) const;
  std::size_t next_scalar(std::string_view text, std::size_t from) const;
};

}  // namespace folio::detail
