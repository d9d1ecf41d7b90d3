// The documents a boolean query matches, read straight from its terms' posting lists: for queries
// built of terms (and "every document") with AND, FILTER, OR, SYNONYM, AND_NOT, AND_MAYBE and
// SCALE_WEIGHT. Counting facets this way skips Xapian's matcher, which makes a Document object for
// each match it shows a MatchSpy: on a large match set that was most of a faceted search's cost.
// Phrases, wildcards, value ranges and the rest are left to the matcher (nothing is read).
#pragma once

#include <functional>

#include <xapian.h>

namespace folio::detail {

// Calls `each` with every document `query` matches, in docid order, and returns how many; false
// (without calling it) when the query holds a part only the matcher can evaluate.
bool for_each_match(const Xapian::Database& db, const Xapian::Query& query,
                    const std::function<void(Xapian::docid)>& each, Xapian::doccount& matches);

}  // namespace folio::detail
