// The schema version an index was written with (metadata schema::kMetaSchemaVersion), checked
// wherever folio opens an index it did not just create, so an index from an older folio gives a
// clear "rebuild" error instead of records it cannot decode.
#pragma once

#include <string>

#include <xapian.h>

namespace folio::detail {

// Whether `db` holds no articles or was written with schema::kSchemaVersion.
bool has_current_schema(const Xapian::Database& db);

// Throws Error{database} naming `path` when `db` holds articles written with another schema
// version than schema::kSchemaVersion. An empty database passes.
void require_current_schema(const Xapian::Database& db, const std::string& path);

}  // namespace folio::detail
