// Title words as the indexer cuts them, for building known-item queries.
#pragma once
#include <string>
#include <vector>

namespace folio_bench {

// The words of a text as the indexer makes them (lowercased, unstemmed, no CJK n-grams), in order.
std::vector<std::string> words_of(const std::string& text);

// The words joined by single spaces.
std::string joined(const std::vector<std::string>& words);

}  // namespace folio_bench
