#include "word_start_finder.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace folio::detail {
namespace {

constexpr std::size_t kBlock = 16;
constexpr std::size_t kMaxVectorStarts = 16;  // more distinct start bytes: the scalar loop

bool is_ascii_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

WordStartFinder::WordStartFinder(const std::vector<unsigned char>& starts, bool non_ascii)
    : non_ascii_(non_ascii) {
  for (unsigned char c : starts) {
    if (c >= 0x80 || starts_[c]) continue;
    starts_[c] = true;
    ascii_starts_.push_back(c);
  }
  if (non_ascii_) {
    for (unsigned lead = 0xC0; lead <= 0xFF; ++lead)
      starts_[lead] = true;
  }
}

std::size_t WordStartFinder::next_scalar(std::string_view text, std::size_t from) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = from; at < text.size(); ++at) {
    if (starts_[bytes[at]] && (at == 0 || !is_ascii_word_byte(bytes[at - 1]))) return at;
  }
  return text.size();
}

#if defined(__SSE2__)

std::size_t WordStartFinder::next(std::string_view text, std::size_t from) const {
  if (ascii_starts_.size() > kMaxVectorStarts) return next_scalar(text, from);
  std::size_t at = from;
  if (at == 0) {
    if (!text.empty() && starts_[static_cast<unsigned char>(text[0])]) return 0;
    at = 1;
  }
  const char* data = text.data();
  const __m128i lead_floor = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i a = _mm_set1_epi8('a');
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i underscore = _mm_set1_epi8('_');
  const __m128i letters_above_a = _mm_set1_epi8(25);
  const __m128i digits_above_0 = _mm_set1_epi8(9);
  for (; at + kBlock <= text.size(); at += kBlock) {
    const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at - 1));
    __m128i hit = _mm_setzero_si128();
    for (unsigned char c : ascii_starts_)
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(cur, _mm_set1_epi8(static_cast<char>(c))));
    if (non_ascii_) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(cur, lead_floor), cur));
    // An ASCII word byte before: a letter (either case), a digit or an underscore. Unsigned
    // x - base <= span, as min(x - base, span) == x - base.
    const __m128i letter_offset = _mm_sub_epi8(_mm_or_si128(prev, case_bit), a);
    const __m128i digit_offset = _mm_sub_epi8(prev, zero);
    const __m128i word = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(letter_offset, letters_above_a), letter_offset),
                     _mm_cmpeq_epi8(_mm_min_epu8(digit_offset, digits_above_0), digit_offset)),
        _mm_cmpeq_epi8(prev, underscore));
    const int mask = _mm_movemask_epi8(_mm_andnot_si128(word, hit));
    if (mask != 0) return at + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
  return next_scalar(text, at);
}

#else

std::size_t WordStartFinder::next(std::string_view text, std::size_t from) const {
  return next_scalar(text, from);
}

#endif

}  // namespace folio::detail
