#include "store/schema_version.hpp"

#include "folio/error.hpp"
#include "folio/schema.hpp"

namespace folio::detail {

bool has_current_schema(const Xapian::Database& db) {
  std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  return version == std::to_string(schema::kSchemaVersion) ||
         (version.empty() && db.get_doccount() == 0);
}

void require_current_schema(const Xapian::Database& db, const std::string& path) {
  if (has_current_schema(db)) return;
  std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  throw Error(ErrorCode::database, "the index at " + path + " was written with schema version " +
                                       (version.empty() ? std::string("(none)") : version) +
                                       ", this folio uses " +
                                       std::to_string(schema::kSchemaVersion) +
                                       ": rebuild it with `folio index --full`");
}

}  // namespace folio::detail
