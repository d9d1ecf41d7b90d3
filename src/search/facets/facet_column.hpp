// Every document's facet values as small integers (ordinals), read once per index revision from
// the packed facet slot, as Lucene's doc-values facets keep them. Counting a match set's facets
// is then a few array increments per matching document instead of reading and decoding its
// packed value, whatever the index size. One ordinal per (field, spelling); a document lists
// each value once (spellings that differ by ASCII case only count once, as FacetCounts does).
// Spellings of one field with the same normalised key form a group: one facet value shown.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace folio::detail {

class FacetColumn {
 public:
  struct Value {
    std::string field;
    std::string spelling;
    std::string key;          // schema::normalise_term_value(spelling)
    std::uint32_t group = 0;  // the same for every spelling of `field` with this key
  };

  // Reads the whole facet value stream of `db` (a single database).
  static std::shared_ptr<const FacetColumn> build(const Xapian::Database& db);
  // The column as bytes and back (stored_columns.hpp keeps it in a static bundle's index). decode
  // throws Error{database} on bytes that are not such a column.
  std::string encode() const;
  static std::shared_ptr<const FacetColumn> decode(std::string_view bytes);

  std::span<const std::uint32_t> ordinals(Xapian::docid docid) const;
  const Value& value(std::uint32_t ordinal) const { return values_[ordinal]; }
  std::size_t value_count() const { return values_.size(); }
  std::size_t group_count() const { return group_count_; }
  std::size_t memory_bytes() const;

 private:
  std::vector<std::uint32_t> starts_;    // by docid: where its ordinals begin; one past the end
  std::vector<std::uint32_t> ordinals_;  // every document's, in docid order
  std::vector<Value> values_;            // by ordinal
  std::size_t group_count_ = 0;
};

}  // namespace folio::detail
