// Structured filters (field -> values with any/all/none, date ranges) as one Xapian filter query.
// The searcher can leave one field's "any" selection out, to count that facet disjunctively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "folio/search_request.hpp"
#include "query/search_fields.hpp"

namespace folio::detail {

struct ResolvedFilter {
  FieldSpec field;
  std::vector<std::string> terms;   // boolean terms of the values
  std::vector<std::string> values;  // as given
  FilterMode mode = FilterMode::any;
  bool impossible = false;  // some value names no possible term (year:abc): it matches nothing
};

// Resolves field names and values. An unknown field is read as a taxonomy the index does not hold
// (it matches nothing); a text field (title) is Error{invalid_query} with param "filters". A value
// that names no possible term (year:abc) matches nothing.
std::vector<ResolvedFilter> resolve_filters(const std::vector<FieldFilter>& filters,
                                            const FieldCatalog& catalog);

struct FilterQuery {
  Xapian::Query required;  // documents must match (empty: no constraint)
  Xapian::Query excluded;  // documents must not match (empty: none)
  // Some constraint no document meets (year:abc, a date range ending before it starts). A flag of
  // its own: Xapian's MatchNothing is the empty query, which `required` reads as no constraint.
  bool matches_nothing = false;
};

// `skip_any_of`: a field whose "any" filters are left out (disjunctive facet counting).
FilterQuery build_filter_query(const std::vector<ResolvedFilter>& filters,
                               const std::vector<DateRange>& date_ranges,
                               std::string_view skip_any_of = {});

// text (every document if empty) restricted by the filters: no document if one matches nothing.
Xapian::Query apply_filters(Xapian::Query text, const FilterQuery& filters);

}  // namespace folio::detail
