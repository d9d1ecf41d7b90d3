// The facet and title columns (facets/facet_column.hpp, title_column.hpp) kept inside an index, as
// zstd-compressed Xapian metadata, for the static engine. Building a column reads a whole value
// stream and every title term: cheap once per revision on a server with the index on disk, but
// in a browser every block of it is a fetch, about a megabyte for 4,000 articles, before the
// first result. `folio export --static` stores both in the copy it exports (it never changes
// the index folio-server reads), and a Searcher reads them there when present: the same columns,
// made by the same build(), in a few compressed blocks.
#pragma once

#include <memory>

#include <xapian.h>

#include "search/facets/facet_column.hpp"
#include "search/title_column.hpp"

namespace folio::detail {

// Builds both columns from `db` and stores them in its metadata (committed by the caller).
void store_columns(Xapian::WritableDatabase& db);

// The column stored in `db`, or null when it holds none (every index but an exported one).
// Throws Error{database} when the stored bytes are corrupt.
std::shared_ptr<const FacetColumn> stored_facet_column(const Xapian::Database& db);
std::shared_ptr<const TitleColumn> stored_title_column(const Xapian::Database& db);

}  // namespace folio::detail
