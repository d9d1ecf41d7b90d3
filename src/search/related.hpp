// "More like this": articles sharing an article's most distinctive terms (Xapian's relevance
// feedback: an RSet of the article and the ESet of its best expand terms) and its tags.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "folio/search_results.hpp"

namespace folio::detail {

// Throws Error{not_found} for an id the index does not hold.
std::vector<Hit> related_articles(const Xapian::Database& db, const std::string& id, int limit);

}  // namespace folio::detail
