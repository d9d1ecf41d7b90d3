#include "base/transliteration.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <xapian.h>

namespace folio::detail {
namespace {

// One entry per code point from the block's first, separated by spaces: the ASCII spelling
// lowercased, each run of punctuation as '-', "." for a character spelled as nothing. The
// spellings are those of the deunicode crate (BSD-3-Clause, after Perl's Text::Unidecode), which
// Zola's slugify uses, reduced to what a slug keeps of them.
// U+00A0..U+024F
constexpr std::string_view kLatin =
    "- - c- ps - y- - ss - -c- a - - . -r- - deg - 2 3 - u p - - 1 o - 1-4 1-2 3-4 - a a a a "
    "a a ae c e e e e i i i i d n o o o o o x o u u u u y th ss a a a a a a ae c e e e e i i "
    "i i d n o o o o o - o u u u u y th y a a a a a a c c c c c c c c d d d d e e e e e e e "
    "e e e g g g g g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n "
    "n n n n n -n ng ng o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u "
    "u u u u u u u w w y y y z z z z z z s b b b b 6 6 o c c d d d d d 3 - e f f g g hv i i "
    "k k l l w n n o o o oi oi p p yr 2 2 sh sh t t t t u u y v y y z z zh zh zh zh 2 5 5 ts "
    "w - - - - dz dz dz lj lj lj nj nj nj a a i i o o u u u u u u u u u u - a a a a ae ae g "
    "g g g k k o o o o zh zh j dz dz dz g g hv w n n a a ae ae o o a a a a e e e e i i i i o "
    "o o o r r r r u u u u s s t t y y h h n d ou ou z z a a e e o o o o o o o o y y l n t j "
    "db qp a c c l t s z - - b u - e e j j q q r r y y ";

// U+0300..U+036F
constexpr std::string_view kCombining =
    ". . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
    ". . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
    ". . . . . . . . . . . a e i o u c d h m r t v x ";

// U+0370..U+03FF
constexpr std::string_view kGreek =
    "h h s s - - w w - - i s s- s- - j - - - - - - a - e e i - o - u o i a b g d e z e th i "
    "k l m n ks o p r - s t u ph kh ps o i u a e e i u a b g d e z e th i k l m n x o p r s "
    "s t u ph kh ps o i u o u o - b th u u u ph p - q q st st w w q q sp sp sh sh f f kh kh "
    "h h g g ch ch ti ti k r c j th e e sh sh s s s r- s s- s- ";

// U+0400..U+04FF
constexpr std::string_view kCyrillic =
    "ie io dj gj e dz i yi j lj nj tsh kj i u dzh a b v g d e zh z i i k l m n o p r s t u f "
    "kh ts ch sh shch - y - e iu ia a b v g d e zh z i i k l m n o p r s t u f kh ts ch sh "
    "shch - y - e iu ia ie io dj gj ie dz i yi j lj nj tsh kj i u dzh o o e e ie ie e e ie "
    "ie o o io io ks ks ps ps f f y y y y u u o o o o ot ot q q -1000- - . . . - -100-000- "
    "-1-000-000- jh jh - - r- r- g- g- g- g- g- g- zh- zh- z- z- k- k- k- k- k- k- k- k- n- "
    "n- ng ng p- p- kh kh s- s- t- t- u u u- u- kh- kh- tts tts ch- ch- ch- ch- h h ch ch "
    "ch- ch- - zh zh k- k- lh lh n- n- nh nh ch ch mh mh h a a a a ae ae ie ie - - - - zh zh "
    "z z dz dz i i i i o o o o o o e e u u u u u u ch ch gh gh y y xh xh x x h h ";

// U+1E00..U+1EFF
constexpr std::string_view kLatinAdditional =
    "a a b b b b b b c c d d d d d d d d d d e e e e e e e e e e f f g g h h h h h h h h h h "
    "i i i i k k k k k k l l l l l l l l m m m m m m n n n n n n n n o o o o o o o o p p p p "
    "r r r r r r r r s s s s s s s s s s t t t t t t t t u u u u u u u u u u v v v v w w w w "
    "w w w w w w x x x x y y z z z z z z h t w y a s s s ss d a a a a a a a a a a a a a a a "
    "a a a a a a a a a e e e e e e e e e e e e e e e e i i i i o o o o o o o o o o o o o o o "
    "o o o o o o o o o u u u u u u u u u u u u u u y y y y y y y y ll ll v v y y ";

// U+2000..U+206F
constexpr std::string_view kPunctuation =
    "- - - - - - - - - - - - . . . . - - - - - - - - - - - - - - - - - - - - - - - - - - . . "
    ". . . - -0 -00 - - - - - - - - - - - - - - - - - - - - - - - - 7 pp - - - - - - - - - - "
    "- - - - - - - - - - . . . . . - . . . . . . . . . . ";

struct Block {
  char32_t first;
  std::string_view entries;
};

constexpr std::array<Block, 6> kBlocks = {{{0x00A0, kLatin},
                                           {0x0300, kCombining},
                                           {0x0370, kGreek},
                                           {0x0400, kCyrillic},
                                           {0x1E00, kLatinAdditional},
                                           {0x2000, kPunctuation}}};

std::vector<std::string_view> split_entries(std::string_view entries) {
  std::vector<std::string_view> out;
  while (!entries.empty()) {
    const std::size_t space = entries.find(' ');
    const std::string_view entry = entries.substr(0, space);
    if (!entry.empty()) out.push_back(entry == "." ? std::string_view() : entry);
    if (space == std::string_view::npos) break;
    entries.remove_prefix(space + 1);
  }
  return out;
}

const std::vector<std::vector<std::string_view>>& block_entries() {
  static const std::vector<std::vector<std::string_view>> entries = [] {
    std::vector<std::vector<std::string_view>> out;
    for (const Block& block : kBlocks)
      out.push_back(split_entries(block.entries));
    return out;
  }();
  return entries;
}

}  // namespace

std::optional<std::string_view> transliterate(char32_t code_point) {
  switch (code_point) {
    case 0x20AC:  // €
      return "eur";
    case 0x2122:  // ™
      return "tm";
    case 0x2116:  // №
      return "no";
    case 0x2212:  // minus sign
      return "-";
    case 0x3000:  // ideographic space
      return "-";
    case 0xFEFF:  // zero width no-break space
      return "";
    default:
      break;
  }
  const auto& entries = block_entries();
  for (std::size_t i = 0; i < kBlocks.size(); ++i) {
    if (code_point < kBlocks[i].first) continue;
    const std::size_t offset = code_point - kBlocks[i].first;
    if (offset < entries[i].size()) return entries[i][offset];
  }
  return std::nullopt;
}

std::string fold_diacritics(std::string_view word) {
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(word);
  std::string out;
  out.reserve(word.size());
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned ch = *it;
    const bool latin = (ch >= 0xC0 && ch <= 0x24F) || (ch >= 0x1E00 && ch <= 0x1EFF);
    const bool combining = ch >= 0x300 && ch <= 0x36F;
    if (combining) continue;
    if (latin) {
      std::optional<std::string_view> ascii = transliterate(static_cast<char32_t>(ch));
      if (ascii && !ascii->empty() &&
          std::all_of(ascii->begin(), ascii->end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        out += *ascii;
        continue;
      }
    }
    Xapian::Unicode::append_utf8(out, ch);
  }
  return out;
}

}  // namespace folio::detail
