#include "search/stored_columns.hpp"

#include <string>

#include "base/compression.hpp"

namespace folio::detail {
namespace {

constexpr const char* kFacetColumnKey = "folio.column.facets";
constexpr const char* kTitleColumnKey = "folio.column.titles";
// A column is about 40 bytes a document before compression; this bounds what a corrupt size
// claim in a stored frame can make the engine allocate.
constexpr std::size_t kMaxColumnBytes = std::size_t{1} << 30;

template <typename Column>
std::shared_ptr<const Column> stored(const Xapian::Database& db, const char* key) {
  const std::string frame = db.get_metadata(key);
  if (frame.empty()) return nullptr;
  return Column::decode(decompress_bytes(frame, kMaxColumnBytes));
}

}  // namespace

void store_columns(Xapian::WritableDatabase& db) {
  db.set_metadata(kFacetColumnKey, compress_bytes(FacetColumn::build(db)->encode()));
  db.set_metadata(kTitleColumnKey, compress_bytes(TitleColumn::build(db)->encode()));
}

std::shared_ptr<const FacetColumn> stored_facet_column(const Xapian::Database& db) {
  return stored<FacetColumn>(db, kFacetColumnKey);
}

std::shared_ptr<const TitleColumn> stored_title_column(const Xapian::Database& db) {
  return stored<TitleColumn>(db, kTitleColumnKey);
}

}  // namespace folio::detail
