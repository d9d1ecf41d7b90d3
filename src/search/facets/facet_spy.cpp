#include "search/facets/facet_spy.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "folio/schema.hpp"
#include "store/facet_codec.hpp"

namespace folio::detail {
namespace {

constexpr std::size_t kDenseStreamRatio = 16;  // matches * this >= documents: walk the stream
constexpr std::size_t kSpellingSamples = 3;    // documents read for a value's display spelling

struct KeyTally {
  std::size_t count = 0;
  std::string spelling;
  std::size_t spelling_count = 0;
};

void tally_spelling(KeyTally& tally, const std::string& spelling, std::size_t count) {
  if (count > tally.spelling_count ||
      (count == tally.spelling_count && spelling < tally.spelling)) {
    tally.spelling = spelling;
    tally.spelling_count = count;
  }
}

}  // namespace

FacetResult limit_facet_values(std::string field, std::vector<FacetValue> values, int limit) {
  FacetResult out;
  out.field = std::move(field);
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

FacetCounts::FacetCounts(std::vector<std::string> fields) : wanted_(std::move(fields)) {}

FacetCounts::FieldCounts* FacetCounts::counts_for(std::string_view field) {
  for (auto& entry : counts_) {
    if (entry.field == field) return &entry;
  }
  if (!wanted_.empty() && std::find(wanted_.begin(), wanted_.end(), field) == wanted_.end()) {
    return nullptr;
  }
  counts_.push_back(FieldCounts{std::string(field), {}});
  return &counts_.back();
}

void FacetCounts::add_document(std::string_view packed) {
  if (packed.empty()) return;
  // A document counts once per value, even if it lists a value twice ("Go", "go").
  decode_distinct_facets(packed, seen_in_document_, [&](const FacetEntry& entry) {
    FieldCounts* counts = counts_for(entry.field);
    if (counts == nullptr) return;
    auto it = counts->counts.find(entry.value);
    if (it == counts->counts.end()) {
      counts->counts.emplace(std::string(entry.value), 1);
    } else {
      ++it->second;
    }
  });
}

std::vector<std::string> FacetCounts::fields_seen() const {
  std::vector<std::string> fields;
  for (const auto& entry : counts_)
    fields.push_back(entry.field);
  return fields;
}

FacetResult FacetCounts::result(const std::string& field, int limit,
                                const std::set<std::string>& selected) const {
  std::map<std::string, KeyTally> by_key;
  for (const auto& entry : counts_) {
    if (entry.field != field) continue;
    for (const auto& [spelling, count] : entry.counts) {
      KeyTally& tally = by_key[schema::normalise_term_value(spelling)];
      tally.count += count;
      tally_spelling(tally, spelling, count);
    }
  }
  std::vector<FacetValue> values;
  values.reserve(by_key.size());
  for (auto& [key, tally] : by_key) {
    values.push_back(
        FacetValue{std::move(tally.spelling), key, tally.count, selected.count(key) > 0});
  }
  return limit_facet_values(field, std::move(values), limit);
}

FacetSpy::FacetSpy(const Xapian::Database& db, std::vector<FieldSpec> fields,
                   FacetCountingPolicy policy, const FacetColumn* column)
    : db_(db),
      fields_(std::move(fields)),
      policy_(policy),
      column_(db.size() > 1 ? nullptr : column),
      eager_(db.size() > 1) {
  if (eager_) values_.emplace(field_names());
}

std::vector<std::string> FacetSpy::field_names() const {
  std::vector<std::string> names;
  for (const auto& field : fields_)
    names.push_back(field.name);
  return names;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (!eager_) {
    note(doc.get_docid());
    return;
  }
  // Several databases searched as one: the document the matcher shows carries its own
  // database's docid, so its values are read here and now.
  ++seen_;
  values_->add_document(doc.get_value(schema::kFacetsSlot));
}

void FacetSpy::sort_docids() {
  if (sorted_) return;
  std::sort(docids_.begin(), docids_.end());
  sorted_ = true;
}

bool FacetSpy::counts_by_terms(const FieldSpec& field) const {
  Xapian::doccount documents = db_.get_doccount();
  return !eager_ && column_ == nullptr && !field.prefix.empty() &&
         documents >= policy_.term_counting_from &&
         docids_.size() * policy_.dense_divisor >= documents;
}

void FacetSpy::count_from_column() {
  if (!ordinal_counts_.empty() || column_->value_count() == 0) return;
  ordinal_counts_.assign(column_->value_count(), 0);
  for (Xapian::docid docid : docids_) {
    for (std::uint32_t ordinal : column_->ordinals(docid)) {
      if (ordinal_counts_[ordinal]++ == 0) touched_.push_back(ordinal);
    }
  }
}

// The values of `field` the matches hold: each group's count is the sum of its spellings',
// shown in its most common spelling (the first in byte order among equals).
std::vector<FacetSpy::ValueGroup> FacetSpy::column_groups(const std::string& field) {
  constexpr std::uint32_t kNoSlot = ~std::uint32_t{0};
  count_from_column();
  if (group_slots_.size() != column_->group_count())
    group_slots_.assign(column_->group_count(), kNoSlot);
  std::vector<ValueGroup> groups;
  for (std::uint32_t ordinal : touched_) {
    const FacetColumn::Value& value = column_->value(ordinal);
    if (value.field != field) continue;
    const std::size_t count = ordinal_counts_[ordinal];
    std::uint32_t& slot = group_slots_[value.group];
    if (slot == kNoSlot) {
      slot = static_cast<std::uint32_t>(groups.size());
      groups.push_back(ValueGroup{ordinal, count, count});
      continue;
    }
    ValueGroup& group = groups[slot];
    group.count += count;
    const std::string& shown = column_->value(group.shown).spelling;
    if (count > group.shown_count || (count == group.shown_count && value.spelling < shown)) {
      group.shown = ordinal;
      group.shown_count = count;
    }
  }
  for (const ValueGroup& group : groups)
    group_slots_[column_->value(group.shown).group] = kNoSlot;
  return groups;
}

// FacetCounts::result's answer, from ordinals; strings are copied only for the values returned.
FacetResult FacetSpy::column_result(const std::string& field, int limit,
                                    const std::set<std::string>& selected) {
  std::vector<ValueGroup> groups = column_groups(field);
  std::sort(groups.begin(), groups.end(), [&](const ValueGroup& a, const ValueGroup& b) {
    if (a.count != b.count) return a.count > b.count;
    return column_->value(a.shown).spelling < column_->value(b.shown).spelling;
  });
  FacetResult out;
  out.field = field;
  const bool all = limit < 1 || groups.size() <= static_cast<std::size_t>(limit);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const FacetColumn::Value& value = column_->value(groups[i].shown);
    const bool is_selected = selected.count(value.key) > 0;
    if (all || i < static_cast<std::size_t>(limit) || is_selected) {
      out.values.push_back(FacetValue{value.spelling, value.key, groups[i].count, is_selected});
    } else {
      ++out.other_values;
    }
  }
  return out;
}

const FacetCounts& FacetSpy::value_counts() {
  if (values_) return *values_;
  values_.emplace(field_names());
  sort_docids();
  auto value = db_.valuestream_begin(schema::kFacetsSlot);
  auto end = db_.valuestream_end(schema::kFacetsSlot);
  // Dense match sets walk the stream; sparse ones jump (each jump may read a block).
  bool dense = docids_.size() * kDenseStreamRatio >= db_.get_doccount();
  for (Xapian::docid docid : docids_) {
    if (dense) {
      while (value != end && value.get_docid() < docid)
        ++value;
    } else if (value != end && value.get_docid() < docid) {
      value.skip_to(docid);
    }
    if (value == end) break;
    if (value.get_docid() == docid) values_->add_document(*value);
  }
  return *values_;
}

std::string FacetSpy::common_spelling(const FieldSpec& field, const std::string& key,
                                      const std::vector<Xapian::docid>& samples) const {
  std::map<std::string, std::size_t> spellings;
  for (Xapian::docid docid : samples) {
    std::string packed = db_.get_document(docid).get_value(schema::kFacetsSlot);
    decode_facets(packed, [&](const FacetEntry& entry) {
      if (entry.field == field.name && schema::normalise_term_value(entry.value) == key) {
        ++spellings[std::string(entry.value)];
      }
      return true;
    });
  }
  KeyTally tally;
  for (const auto& [spelling, count] : spellings)
    tally_spelling(tally, spelling, count);
  return tally.spelling.empty() ? key : tally.spelling;
}

FacetResult FacetSpy::term_result(const FieldSpec& field, int limit,
                                  const std::set<std::string>& selected) {
  if (matched_.empty()) {
    matched_.assign(db_.get_lastdocid() + 1, 0);
    for (Xapian::docid docid : docids_)
      matched_[docid] = 1;
  }
  struct TermCount {
    FacetValue value;
    std::vector<Xapian::docid> samples;
  };
  std::vector<TermCount> counted;
  for (auto term = db_.allterms_begin(field.prefix); term != db_.allterms_end(field.prefix);
       ++term) {
    TermCount entry;
    entry.value.key = (*term).substr(field.prefix.size());
    for (auto posting = db_.postlist_begin(*term); posting != db_.postlist_end(*term); ++posting) {
      Xapian::docid docid = *posting;
      if (docid >= matched_.size() || !matched_[docid]) continue;
      ++entry.value.count;
      if (entry.samples.size() < kSpellingSamples) entry.samples.push_back(docid);
    }
    if (entry.value.count == 0) continue;
    entry.value.value = entry.value.key;
    entry.value.selected = selected.count(entry.value.key) > 0;
    counted.push_back(std::move(entry));
  }
  // Spell only the values shown; the sort uses keys until then, as spellings differ by case only.
  std::vector<FacetValue> values;
  for (const auto& entry : counted)
    values.push_back(entry.value);
  FacetResult result = limit_facet_values(field.name, std::move(values), limit);
  for (auto& value : result.values) {
    auto entry = std::find_if(counted.begin(), counted.end(),
                              [&](const TermCount& c) { return c.value.key == value.key; });
    value.value = common_spelling(field, value.key, entry->samples);
  }
  std::stable_sort(result.values.begin(), result.values.end(),
                   [](const FacetValue& a, const FacetValue& b) {
                     if (a.count != b.count) return a.count > b.count;
                     return a.value < b.value;
                   });
  return result;
}

FacetResult FacetSpy::result(const std::string& field, int limit,
                             const std::set<std::string>& selected) {
  auto spec = std::find_if(fields_.begin(), fields_.end(),
                           [&](const FieldSpec& f) { return f.name == field; });
  if (spec != fields_.end() && counts_by_terms(*spec)) {
    return term_result(*spec, limit, selected);
  }
  if (column_ != nullptr) {
    if (spec == fields_.end()) return limit_facet_values(field, {}, limit);  // not counted
    return column_result(field, limit, selected);
  }
  return value_counts().result(field, limit, selected);
}

}  // namespace folio::detail
