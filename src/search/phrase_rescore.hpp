// The phrase boost of short queries applied as a rescoring of the top of the ranking: the
// documents the matching query ranks first get the phrase's weight added (what an OP_AND_MAYBE
// of the phrase would add), and are ranked again. Positions are read for those documents only,
// not for every candidate the matcher considers, which was about half of a two-word search.
// Xapian computes each leaf's BM25 weight from its own statistics, so a document's rescored
// weight equals its weight under with_phrase_boost; only a document ranked below the window by
// the matching query alone cannot be lifted into it.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "search/ranking.hpp"

namespace folio::detail {

// Documents rescored beyond the last one a page needs.
constexpr Xapian::doccount kPhraseRescoreMargin = 90;

// Whether a query's words get a phrase boost (2 to 4 words), given as a rescoring of one
// database (several searched as one keep the boost inside the query).
bool rescores_phrase(const Xapian::Database& db, const std::vector<std::string>& words);

// Adds the phrase boost's weight to each of `docs` holding `words` as a phrase, then orders them
// by weight (stable: equal weights keep their order).
void rescore_phrase(const Xapian::Database& db, const std::vector<std::string>& words,
                    std::vector<RankedDoc>& docs);

}  // namespace folio::detail
