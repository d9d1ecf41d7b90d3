// The decoders of what an index stores, on any bytes, as a damaged or hostile index would hand
// them over. The first byte picks one:
//   0  the display record (value slot 10)
//   1  the zstd-compressed article text (slot 8)
//   2  the packed facet values (slot 6), each value once per document
//   3  the title key (slot 12) and the facts the title bonus reads from it
//   4  the facet and title columns built over an in-memory database whose documents hold the
//      rest of the input, cut at each 0xFF byte, as their facet and title key values
// Error{database} is the answer to bytes a decoder cannot read; anything else that escapes, a
// crash, a leak, undefined behaviour or a timeout is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "search/facets/facet_column.hpp"
#include "search/title_column.hpp"
#include "store/facet_codec.hpp"
#include "store/stored_record.hpp"
#include "store/title_key.hpp"

namespace {

using namespace folio::detail;

void decode_facet_value(std::string_view bytes) {
  std::vector<FacetEntry> seen;
  std::size_t total = 0;
  decode_distinct_facets(bytes, seen, [&](const FacetEntry& entry) {
    total += entry.field.size() + entry.value.size();
  });
  if (total > bytes.size()) __builtin_trap();
}

// Documents at increasing docids, with gaps the input chooses, as deletions leave them.
Xapian::Database database_of(std::string_view bytes) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::docid docid = 0;
  std::size_t at = 0;
  while (at <= bytes.size()) {
    std::size_t end = std::min(bytes.find('\xFF', at), bytes.size());
    const std::string value(bytes.substr(at, end - at));
    docid += 1 + (value.empty() ? 0 : static_cast<unsigned char>(value[0]) % 4);
    Xapian::Document doc;
    doc.add_value(folio::schema::kFacetsSlot, value);
    doc.add_value(folio::schema::kTitleKeySlot, value);
    doc.add_boolean_term("Q" + std::to_string(docid));
    db.replace_document(docid, doc);
    at = end + 1;
  }
  return db;
}

void build_columns(std::string_view bytes) {
  const Xapian::Database db = database_of(bytes);
  const auto facets = FacetColumn::build(db);
  const auto titles = TitleColumn::build(db);
  for (Xapian::docid docid = 0; docid <= db.get_lastdocid() + 1; ++docid) {
    for (std::uint32_t ordinal : facets->ordinals(docid)) {
      if (ordinal >= facets->value_count()) __builtin_trap();
      if (facets->value(ordinal).group >= facets->group_count()) __builtin_trap();
    }
    if (const TitleFacts* facts = titles->facts(docid)) {
      if (titles->titled(facts->exact_hash).empty()) __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 5) {
      case 0:
        decode_display_record(bytes);
        break;
      case 1:
        decode_stored_text(bytes);
        break;
      case 2:
        decode_facet_value(bytes);
        break;
      case 3:
        title_facts(bytes);
        break;
      default:
        build_columns(bytes);
        break;
    }
  } catch (const folio::Error& error) {
    if (error.code() != folio::ErrorCode::database) throw;
  }
  return 0;
}
