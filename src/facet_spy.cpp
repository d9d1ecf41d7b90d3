#include "facet_spy.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "facet_codec.hpp"
#include "folio/schema.hpp"

namespace folio::detail {
namespace {

bool same_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

struct KeyTally {
  std::size_t count = 0;
  std::string spelling;
  std::size_t spelling_count = 0;
};

}  // namespace

FacetSpy::FacetSpy(std::vector<std::string> fields) : wanted_(std::move(fields)) {}

FacetSpy::FieldCounts* FacetSpy::counts_for(std::string_view field) {
  for (auto& entry : counts_) {
    if (entry.field == field) return &entry;
  }
  if (!wanted_.empty() && std::find(wanted_.begin(), wanted_.end(), field) == wanted_.end()) {
    return nullptr;
  }
  counts_.push_back(FieldCounts{std::string(field), {}});
  return &counts_.back();
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++documents_;
  std::string packed = doc.get_value(schema::kFacetsSlot);
  if (packed.empty()) return;
  // A document counts once per value, even if it lists a value twice ("Go", "go").
  std::vector<FacetEntry> seen;
  decode_facets(packed, [&](const FacetEntry& entry) {
    for (const auto& earlier : seen) {
      if (earlier.field == entry.field && same_ignoring_ascii_case(earlier.value, entry.value)) {
        return true;
      }
    }
    seen.push_back(entry);
    FieldCounts* counts = counts_for(entry.field);
    if (counts == nullptr) return true;
    auto it = counts->counts.find(entry.value);
    if (it == counts->counts.end()) {
      counts->counts.emplace(std::string(entry.value), 1);
    } else {
      ++it->second;
    }
    return true;
  });
}

std::vector<std::string> FacetSpy::fields_seen() const {
  std::vector<std::string> fields;
  for (const auto& entry : counts_)
    fields.push_back(entry.field);
  return fields;
}

FacetResult FacetSpy::result(const std::string& field, int limit,
                             const std::set<std::string>& selected) const {
  FacetResult out;
  out.field = field;
  std::map<std::string, KeyTally> by_key;
  for (const auto& entry : counts_) {
    if (entry.field != field) continue;
    for (const auto& [spelling, count] : entry.counts) {
      KeyTally& tally = by_key[schema::normalise_term_value(spelling)];
      tally.count += count;
      if (count > tally.spelling_count ||
          (count == tally.spelling_count && spelling < tally.spelling)) {
        tally.spelling = spelling;
        tally.spelling_count = count;
      }
    }
  }
  std::vector<FacetValue> values;
  values.reserve(by_key.size());
  for (auto& [key, tally] : by_key) {
    values.push_back(
        FacetValue{std::move(tally.spelling), key, tally.count, selected.count(key) > 0});
  }
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.value < b.value;
  });
  if (limit < 1 || values.size() <= static_cast<std::size_t>(limit)) {
    out.values = std::move(values);
    return out;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i < static_cast<std::size_t>(limit) || values[i].selected) {
      out.values.push_back(std::move(values[i]));
    } else {
      ++out.other_values;
    }
  }
  return out;
}

}  // namespace folio::detail
