#include "search/snippets/word_start_finder.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define FOLIO_AVX2_SKIM 1  // compiled for AVX2 on its own, used when the processor has it
#endif

#include "base/word_chars.hpp"

namespace folio::detail {
namespace {

#if defined(__SSE2__)  // without SSE2 (WebAssembly: the static engine) only the scalar loop is
                       // built
constexpr std::size_t kBlock = 16;
constexpr std::size_t kMaxVectorTests = 16;  // more single bytes or pairs: the scalar loop
#endif

// ASCII letters to lower case. Other bytes may collide (0x10 and 0x30 both fold to 0x30): a
// folded comparison can only let more places through, never fewer.
unsigned char fold(unsigned char c) {
  return static_cast<unsigned char>(c | 0x20);
}

}  // namespace

WordStartFinder::WordStartFinder(const std::vector<std::string>& heads, bool non_ascii,
                                 Vectors vectors)
    : non_ascii_(non_ascii) {
#if defined(FOLIO_AVX2_SKIM)
  avx2_ = vectors == Vectors::widest && __builtin_cpu_supports("avx2");
#else
  (void)vectors;
#endif
  auto splat = [](unsigned char c) {
    Splat s;
    std::fill(std::begin(s.bytes), std::end(s.bytes), c);
    return s;
  };
  auto add_single = [&](unsigned char c) {
    if (singles_[c]) return;
    singles_[c] = true;
    single_splats_.push_back(splat(c));
  };
  for (const auto& head : heads) {
    if (head.empty()) continue;
    const auto first = static_cast<unsigned char>(head[0]);
    if (first >= 0x80) {
      if (!non_ascii_) add_single(first);
    } else if (head.size() == 1) {
      add_single(first);
      if (first >= 'a' && first <= 'z') add_single(static_cast<unsigned char>(first - 32));
    } else if (head.size() == 2) {
      add_pair(Pair{fold(first), fold(static_cast<unsigned char>(head[1]))});
    } else {
      add_triple(Triple{fold(first), fold(static_cast<unsigned char>(head[1])),
                        fold(static_cast<unsigned char>(head[2]))});
    }
  }
  // A triple whose first two bytes are a pair lets through nothing the pair does not.
  std::erase_if(triples_, [&](const Triple& t) { return has_pair(t.first, t.second); });
  for (const auto& pair : pairs_)
    pair_splats_.push_back({splat(pair.first), splat(pair.second)});
  for (const auto& triple : triples_)
    triple_splats_.push_back({splat(triple.first), splat(triple.second), splat(triple.third)});
}

bool WordStartFinder::has_pair(unsigned char first, unsigned char second) const {
  return std::any_of(pairs_.begin(), pairs_.end(),
                     [&](const Pair& p) { return p.first == first && p.second == second; });
}

void WordStartFinder::add_pair(Pair pair) {
  if (!has_pair(pair.first, pair.second)) pairs_.push_back(pair);
}

void WordStartFinder::add_triple(Triple triple) {
  const bool known = std::any_of(triples_.begin(), triples_.end(), [&](const Triple& t) {
    return t.first == triple.first && t.second == triple.second && t.third == triple.third;
  });
  if (!known) triples_.push_back(triple);
}

bool WordStartFinder::starts_at(const unsigned char* bytes, std::size_t size,
                                std::size_t at) const {
  if (at > 0 && is_ascii_word_byte(bytes[at - 1])) return false;
  const unsigned char c = bytes[at];
  if (singles_[c] || (non_ascii_ && c >= 0xC0)) return true;
  // A byte past the first matches a head's byte, or is not ASCII and may fold to anything.
  const auto byte_matches = [&](std::size_t offset, unsigned char wanted) {
    const unsigned char b = bytes[at + offset];
    return fold(b) == wanted || b >= 0x80;
  };
  if (at + 1 >= size) return false;
  const bool pair = std::any_of(pairs_.begin(), pairs_.end(), [&](const Pair& p) {
    return fold(c) == p.first && byte_matches(1, p.second);
  });
  if (pair || at + 2 >= size) return pair;
  return std::any_of(triples_.begin(), triples_.end(), [&](const Triple& t) {
    return fold(c) == t.first && byte_matches(1, t.second) && byte_matches(2, t.third);
  });
}

std::size_t WordStartFinder::next_scalar(std::string_view text, std::size_t from) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = from; at < text.size(); ++at) {
    if (starts_at(bytes, text.size(), at)) return at;
  }
  return text.size();
}

#if defined(__SSE2__)

namespace {

template <typename Splat>
__m128i load(const Splat& splat) {
  return _mm_load_si128(reinterpret_cast<const __m128i*>(splat.bytes));
}

}  // namespace

std::size_t WordStartFinder::next(std::string_view text, std::size_t from) const {
  if (single_splats_.size() > kMaxVectorTests ||
      pairs_.size() + triples_.size() > kMaxVectorTests) {
    return next_scalar(text, from);
  }
  if (from >= text.size()) return text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t at = from;
  if (at == 0) {
    if (starts_at(bytes, text.size(), 0)) return 0;
    at = 1;
  }
#if defined(FOLIO_AVX2_SKIM)
  if (avx2_) {
    const Stop stop = skim_avx2(text, at);
    if (stop.found) return stop.at;
    at = stop.at;  // the rest, under 34 bytes, 16 at a time
  }
#endif
  const char* data = text.data();
  for (; at + kBlock + 2 <= text.size(); at += kBlock) {
    const unsigned places = block_starts(data + at);
    if (places != 0) return at + static_cast<std::size_t>(__builtin_ctz(places));
  }
  return padded_tail(text, at);
}

// The last places, fewer than kBlock + 2, from a copy padded with zero bytes: a zero byte is no
// word byte, matches no head and is ASCII, so no place is found that the text itself would not
// give.
std::size_t WordStartFinder::padded_tail(std::string_view text, std::size_t at) const {
  const std::size_t left = text.size() - at;
  alignas(16) char padded[1 + 2 * kBlock + 2] = {};
  padded[0] = text[at - 1];
  std::memcpy(padded + 1, text.data() + at, left);
  for (std::size_t offset = 0; offset < left; offset += kBlock) {
    const std::size_t in_text = std::min(kBlock, left - offset);
    const unsigned places = block_starts(padded + 1 + offset) & ((1u << in_text) - 1);
    if (places != 0) return at + offset + static_cast<std::size_t>(__builtin_ctz(places));
  }
  return text.size();
}

// Bit i: a word may start at block[i], for i < 16. Reads block[-1] to block[17].
unsigned WordStartFinder::block_starts(const char* block) const {
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
  __m128i hit = _mm_setzero_si128();
  for (const Splat& single : single_splats_)
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(cur, load(single)));
  if (!pair_splats_.empty() || !triple_splats_.empty()) {
    // Per head, its first byte here and its next bytes here or not ASCII (the high bit set).
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 1));
    const __m128i cur_folded = _mm_or_si128(cur, case_bit);
    const __m128i next_folded = _mm_or_si128(next, case_bit);
    const __m128i next_non_ascii = _mm_cmplt_epi8(next, _mm_setzero_si128());
    const auto matches = [](__m128i folded, __m128i non_ascii, const Splat& wanted) {
      return _mm_or_si128(_mm_cmpeq_epi8(folded, load(wanted)), non_ascii);
    };
    for (const auto& [first, second] : pair_splats_) {
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(cur_folded, load(first)),
                                            matches(next_folded, next_non_ascii, second)));
    }
    if (!triple_splats_.empty()) {
      const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 2));
      const __m128i after_folded = _mm_or_si128(after, case_bit);
      const __m128i after_non_ascii = _mm_cmplt_epi8(after, _mm_setzero_si128());
      for (const auto& [first, second, third] : triple_splats_) {
        const __m128i two = _mm_and_si128(_mm_cmpeq_epi8(cur_folded, load(first)),
                                          matches(next_folded, next_non_ascii, second));
        hit = _mm_or_si128(hit, _mm_and_si128(two, matches(after_folded, after_non_ascii, third)));
      }
    }
  }
  if (non_ascii_) {
    const __m128i lead_floor = _mm_set1_epi8(static_cast<char>(0xC0));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(cur, lead_floor), cur));
  }
  if (_mm_movemask_epi8(hit) == 0) return 0;  // most blocks: nothing starts here
  // An ASCII word byte before: a letter (either case), a digit or an underscore. Unsigned
  // x - base <= span, as min(x - base, span) == x - base.
  const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block - 1));
  const __m128i letter_offset = _mm_sub_epi8(_mm_or_si128(prev, case_bit), _mm_set1_epi8('a'));
  const __m128i digit_offset = _mm_sub_epi8(prev, _mm_set1_epi8('0'));
  const __m128i word = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(letter_offset, _mm_set1_epi8(25)), letter_offset),
                   _mm_cmpeq_epi8(_mm_min_epu8(digit_offset, _mm_set1_epi8(9)), digit_offset)),
      _mm_cmpeq_epi8(prev, _mm_set1_epi8('_')));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(word, hit)));
}

#else

std::size_t WordStartFinder::next(std::string_view text, std::size_t from) const {
  return next_scalar(text, from);
}

#endif

#if defined(FOLIO_AVX2_SKIM)

namespace {

// A splat's byte in all 32 lanes (an operand of the instruction using it, read from memory).
__attribute__((target("avx2"))) __m256i broadcast(const WordStartFinder::Splat& splat) {
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(splat.bytes));
}

// Where a block's bytes, `folded`, equal the wanted byte, or are not ASCII (`non_ascii`).
__attribute__((target("avx2"))) __m256i wide_matches(__m256i folded, __m256i non_ascii,
                                                     const WordStartFinder::Splat& wanted) {
  return _mm256_or_si256(_mm256_cmpeq_epi8(folded, broadcast(wanted)), non_ascii);
}

}  // namespace

// The SSE2 loop of next(), 32 places at a time.
__attribute__((target("avx2"))) WordStartFinder::Stop WordStartFinder::skim_avx2(
    std::string_view text, std::size_t at) const {
  constexpr std::size_t kWide = 32;
  const char* data = text.data();
  const __m256i lead_floor = _mm256_set1_epi8(static_cast<char>(0xC0));
  const __m256i case_bit = _mm256_set1_epi8(0x20);
  const __m256i a = _mm256_set1_epi8('a');
  const __m256i zero = _mm256_set1_epi8('0');
  const __m256i underscore = _mm256_set1_epi8('_');
  const __m256i letters_above_a = _mm256_set1_epi8(25);
  const __m256i digits_above_0 = _mm256_set1_epi8(9);
  for (; at + kWide + 2 <= text.size(); at += kWide) {
    const __m256i cur = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + at));
    __m256i hit = _mm256_setzero_si256();
    for (const Splat& single : single_splats_)
      hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(cur, broadcast(single)));
    if (!pair_splats_.empty() || !triple_splats_.empty()) {
      const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + at + 1));
      const __m256i cur_folded = _mm256_or_si256(cur, case_bit);
      const __m256i next_folded = _mm256_or_si256(next, case_bit);
      const __m256i next_non_ascii = _mm256_cmpgt_epi8(_mm256_setzero_si256(), next);
      for (const auto& [first, second] : pair_splats_) {
        hit = _mm256_or_si256(hit,
                              _mm256_and_si256(_mm256_cmpeq_epi8(cur_folded, broadcast(first)),
                                               wide_matches(next_folded, next_non_ascii, second)));
      }
      if (!triple_splats_.empty()) {
        const __m256i after = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + at + 2));
        const __m256i after_folded = _mm256_or_si256(after, case_bit);
        const __m256i after_non_ascii = _mm256_cmpgt_epi8(_mm256_setzero_si256(), after);
        for (const auto& [first, second, third] : triple_splats_) {
          const __m256i two = _mm256_and_si256(_mm256_cmpeq_epi8(cur_folded, broadcast(first)),
                                               wide_matches(next_folded, next_non_ascii, second));
          hit = _mm256_or_si256(
              hit, _mm256_and_si256(two, wide_matches(after_folded, after_non_ascii, third)));
        }
      }
    }
    if (non_ascii_) {
      hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(_mm256_max_epu8(cur, lead_floor), cur));
    }
    if (_mm256_movemask_epi8(hit) == 0) continue;
    const __m256i prev = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + at - 1));
    const __m256i letter_offset = _mm256_sub_epi8(_mm256_or_si256(prev, case_bit), a);
    const __m256i digit_offset = _mm256_sub_epi8(prev, zero);
    const __m256i word = _mm256_or_si256(
        _mm256_or_si256(
            _mm256_cmpeq_epi8(_mm256_min_epu8(letter_offset, letters_above_a), letter_offset),
            _mm256_cmpeq_epi8(_mm256_min_epu8(digit_offset, digits_above_0), digit_offset)),
        _mm256_cmpeq_epi8(prev, underscore));
    const auto mask = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_andnot_si256(word, hit)));
    if (mask != 0) return Stop{at + static_cast<std::size_t>(__builtin_ctz(mask)), true};
  }
  return Stop{at, false};
}

#endif

}  // namespace folio::detail
