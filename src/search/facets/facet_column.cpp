#include "search/facets/facet_column.hpp"

#include <string_view>
#include <unordered_map>

#include "base/byte_codec.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "store/facet_codec.hpp"

namespace folio::detail {
namespace {

// Ordinals by "field\x1Fspelling", groups by "field\x1Fkey".
class OrdinalTable {
 public:
  explicit OrdinalTable(std::vector<FacetColumn::Value>& values) : values_(values) {}

  std::uint32_t ordinal(const FacetEntry& entry) {
    auto [it, added] = ordinals_.try_emplace(joined(entry.field, entry.value),
                                             static_cast<std::uint32_t>(values_.size()));
    if (added) {
      FacetColumn::Value value{std::string(entry.field), std::string(entry.value),
                               schema::normalise_term_value(entry.value), 0};
      value.group = groups_
                        .try_emplace(joined(value.field, value.key),
                                     static_cast<std::uint32_t>(groups_.size()))
                        .first->second;
      values_.push_back(std::move(value));
    }
    return it->second;
  }

  std::size_t group_count() const { return groups_.size(); }

 private:
  std::vector<FacetColumn::Value>& values_;
  std::unordered_map<std::string, std::uint32_t> ordinals_;
  std::unordered_map<std::string, std::uint32_t> groups_;
  std::string joined_;

  const std::string& joined(std::string_view field, std::string_view value) {
    joined_.assign(field);
    joined_ += '\x1F';
    joined_.append(value);
    return joined_;
  }
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
  column->group_count_ = table.group_count();
  const auto end = static_cast<std::uint32_t>(column->ordinals_.size());
  while (next_docid < column->starts_.size())
    column->starts_[next_docid++] = end;
  return column;
}

std::string FacetColumn::encode() const {
  ByteWriter out;
  out.varint(starts_.size());
  std::uint32_t previous = 0;
  for (std::uint32_t start : starts_) {
    out.varint(start - previous);  // starts never decrease
    previous = start;
  }
  out.varint(ordinals_.size());
  for (std::uint32_t ordinal : ordinals_)
    out.varint(ordinal);
  out.varint(values_.size());
  for (const Value& v : values_) {
    out.string(v.field);
    out.string(v.spelling);
    out.string(v.key);
    out.varint(v.group);
  }
  out.varint(group_count_);
  return out.take();
}

std::shared_ptr<const FacetColumn> FacetColumn::decode(std::string_view bytes) {
  auto column = std::make_shared<FacetColumn>();
  ByteReader in(bytes);
  const auto corrupt = [] { throw Error(ErrorCode::database, "stored facet column is corrupt"); };
  // Each element takes a byte at least: a count past the bytes left is corrupt, not allocated.
  const auto count = [&] {
    const std::uint64_t n = in.varint();
    if (n > bytes.size()) corrupt();
    return static_cast<std::size_t>(n);
  };
  column->starts_.resize(count());
  std::uint64_t start = 0;
  for (auto& s : column->starts_) {
    start += in.varint();
    s = static_cast<std::uint32_t>(start);
  }
  column->ordinals_.resize(count());
  for (auto& ordinal : column->ordinals_)
    ordinal = static_cast<std::uint32_t>(in.varint());
  column->values_.resize(count());
  for (auto& v : column->values_) {
    v.field = in.string();
    v.spelling = in.string();
    v.key = in.string();
    v.group = static_cast<std::uint32_t>(in.varint());
  }
  column->group_count_ = static_cast<std::size_t>(in.varint());
  if (!in.at_end() || start > column->ordinals_.size()) corrupt();
  for (std::uint32_t ordinal : column->ordinals_)
    if (ordinal >= column->values_.size()) corrupt();
  for (const Value& v : column->values_)
    if (v.group >= column->group_count_) corrupt();
  return column;
}

std::span<const std::uint32_t> FacetColumn::ordinals(Xapian::docid docid) const {
  if (docid + 1 >= starts_.size()) return {};
  return {ordinals_.data() + starts_[docid], ordinals_.data() + starts_[docid + 1]};
}

std::size_t FacetColumn::memory_bytes() const {
  std::size_t bytes = (starts_.size() + ordinals_.size()) * sizeof(std::uint32_t);
  for (const auto& v : values_)
    bytes += sizeof(Value) + v.field.size() + v.spelling.size() + v.key.size();
  return bytes;
}

}  // namespace folio::detail
