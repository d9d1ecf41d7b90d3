// English function words: left out of the "best partial matches" fallback and not required in
// the all-words query (unless the query has nothing else). Phrases keep them.
#pragma once

#include <string_view>

namespace folio::detail {

// `word` lowercased; `language` an ISO code or Snowball name ("en", "english").
bool is_stopword(std::string_view word, std::string_view language);

}  // namespace folio::detail
