// Search-as-you-type completions: the word being typed completed from the index's vocabulary
// (ranked by how many articles hold it, and found together with the words before it), and the
// titles whose words start that way.
#pragma once

#include <string_view>
#include <vector>

#include <xapian.h>

#include "folio/search_results.hpp"

namespace folio::detail {

std::vector<Suggestion> suggest(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                std::string_view partial_query, int limit);

}  // namespace folio::detail
