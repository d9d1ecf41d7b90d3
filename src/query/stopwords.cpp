#include "query/stopwords.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace folio::detail {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, kEnglishStopwords> kEnglish = {
    "a",      "about",   "above", "after",  "again", "against", "all",     "am",     "an",
    "and",    "any",     "are",   "as",     "at",    "be",      "been",    "before", "being",
    "below",  "between", "both",  "but",    "by",    "can",     "could",   "did",    "do",
    "does",   "doing",   "down",  "during", "each",  "few",     "for",     "from",   "further",
    "had",    "has",     "have",  "having", "he",    "her",     "here",    "hers",   "him",
    "his",    "how",     "i",     "if",     "in",    "into",    "is",      "it",     "its",
    "itself", "just",    "me",    "might",  "more",  "most",    "must",    "my",     "no",
    "nor",    "not",     "now",   "of",     "off",   "on",      "once",    "only",   "or",
    "other",  "our",     "ours",  "out",    "over",  "own",     "same",    "shall",  "she",
    "should", "so",      "some",  "such",   "than",  "that",    "the",     "their",  "them",
    "then",   "there",   "these", "they",   "this",  "those",   "through", "to",     "too",
    "under",  "until",   "up",    "very",   "was",   "we",      "were",    "what",   "when",
    "where",  "which",   "while", "who",    "whom",  "why",     "will",    "with",   "would",
    "you",
};

constexpr std::size_t longest(const std::array<std::string_view, kEnglishStopwords>& words) {
  std::size_t n = 0;
  for (auto w : words)
    n = w.size() > n ? w.size() : n;
  return n;
}
constexpr std::size_t kLongestEnglish = longest(kEnglish);

// A bit per (length, first letter) that some stopword has: most words are told apart by these
// two alone, without a search (the title bonus asks about every word of many titles).
constexpr std::array<std::uint32_t, kLongestEnglish + 1> first_letters() {
  std::array<std::uint32_t, kLongestEnglish + 1> bits{};
  for (auto w : kEnglish)
    bits[w.size()] |= std::uint32_t{1} << (w[0] - 'a');
  return bits;
}
constexpr auto kFirstLetters = first_letters();

bool is_english(std::string_view language) {
  return language.empty() || language == "en" || language == "english" ||
         language.starts_with("en-") || language.starts_with("en_");
}

}  // namespace

bool is_stopword(std::string_view word, std::string_view language) {
  return is_english(language) && english_stopword_index(word) >= 0;
}

bool has_stopwords(std::string_view language) {
  return is_english(language);
}

int english_stopword_index(std::string_view word) {
  if (word.empty() || word.size() > kLongestEnglish) return -1;
  unsigned first = static_cast<unsigned char>(word[0]) - 'a';
  if (first >= 26 || (kFirstLetters[word.size()] & (std::uint32_t{1} << first)) == 0) return -1;
  auto it = std::lower_bound(kEnglish.begin(), kEnglish.end(), word);
  if (it == kEnglish.end() || *it != word) return -1;
  return static_cast<int>(it - kEnglish.begin());
}

}  // namespace folio::detail
