// English function words: left out of the "best partial matches" fallback and not required in
// the all-words query (unless the query has nothing else). Phrases keep them.
#pragma once

#include <cstddef>
#include <string_view>

namespace folio::detail {

// `word` lowercased; `language` an ISO code or Snowball name ("en", "english").
bool is_stopword(std::string_view word, std::string_view language);

// Whether stopwords apply to `language` (English only, for now).
bool has_stopwords(std::string_view language);

// The English stopwords are numbered 0 to kEnglishStopwords - 1: `word`'s number, or -1.
inline constexpr std::size_t kEnglishStopwords = 118;
int english_stopword_index(std::string_view word);

}  // namespace folio::detail
