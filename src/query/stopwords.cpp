#include "query/stopwords.hpp"

#include <algorithm>
#include <array>

namespace folio::detail {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 118> kEnglish = {
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

bool is_english(std::string_view language) {
  return language.empty() || language == "en" || language == "english" ||
         language.starts_with("en-") || language.starts_with("en_");
}

}  // namespace

bool is_stopword(std::string_view word, std::string_view language) {
  if (!is_english(language)) return false;
  return std::binary_search(kEnglish.begin(), kEnglish.end(), word);
}

}  // namespace folio::detail
