#include "facet_column.hpp"

#include <string_view>
#include <unordered_map>

#include "facet_codec.hpp"
#include "folio/schema.hpp"

namespace folio::detail {
namespace {

// Ordinals by "field\x1Fspelling".
class OrdinalTable {
 public:
  explicit OrdinalTable(std::vector<FacetColumn::Value>& values) : values_(values) {}

  std::uint32_t ordinal(const FacetEntry& entry) {
    key_.assign(entry.field);
    key_ += '\x1F';
    key_.append(entry.value);
    auto [it, added] = by_key_.try_emplace(key_, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back({std::string(entry.field), std::string(entry.value)});
    return it->second;
  }

 private:
  std::vector<FacetColumn::Value>& values_;
  std::unordered_map<std::string, std::uint32_t> by_key_;
  std::string key_;
};

}  // namespace

std::shared_ptr<const FacetColumn> FacetColumn::build(const Xapian::Database& db) {
  auto column = std::make_shared<FacetColumn>();
  column->starts_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  OrdinalTable table(column->values_);
  std::vector<FacetEntry> seen;
  std::size_t next_docid = 0;  // starts_ filled up to here
  for (auto value = db.valuestream_begin(schema::kFacetsSlot);
       value != db.valuestream_end(schema::kFacetsSlot); ++value) {
    const std::size_t docid = value.get_docid();
    const auto begin = static_cast<std::uint32_t>(column->ordinals_.size());
    while (next_docid <= docid)
      column->starts_[next_docid++] = begin;
    const std::string packed = *value;
    decode_distinct_facets(packed, seen, [&](const FacetEntry& entry) {
      column->ordinals_.push_back(table.ordinal(entry));
    });
  }
  const auto end = static_cast<std::uint32_t>(column->ordinals_.size());
  while (next_docid < column->starts_.size())
    column->starts_[next_docid++] = end;
  return column;
}

std::span<const std::uint32_t> FacetColumn::ordinals(Xapian::docid docid) const {
  if (docid + 1 >= starts_.size()) return {};
  return {ordinals_.data() + starts_[docid], ordinals_.data() + starts_[docid + 1]};
}

std::size_t FacetColumn::memory_bytes() const {
  std::size_t bytes = (starts_.size() + ordinals_.size()) * sizeof(std::uint32_t);
  for (const auto& v : values_)
    bytes += sizeof(Value) + v.field.size() + v.spelling.size();
  return bytes;
}

}  // namespace folio::detail
