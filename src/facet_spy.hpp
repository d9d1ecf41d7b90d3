// Facet counting over a whole match set: a Xapian MatchSpy reading the packed facet values of
// every matching document (schema::kFacetsSlot), so multi-valued fields (tags) count correctly.
// Values are grouped by their normalised key and shown in their most common spelling.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "folio/search.hpp"

namespace folio::detail {

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

class FacetSpy : public Xapian::MatchSpy {
 public:
  // The fields to count; empty counts every field found.
  explicit FacetSpy(std::vector<std::string> fields);
  void operator()(const Xapian::Document& doc, double weight) override;
  std::size_t documents_seen() const { return documents_; }

  // One field's values: key, most common spelling and count, by count then value. Values whose
  // key is in `selected` are marked and always returned; `limit` < 1 returns every value.
  FacetResult result(const std::string& field, int limit,
                     const std::set<std::string>& selected = {}) const;
  // Every field seen, in the order first seen.
  std::vector<std::string> fields_seen() const;

 private:
  using SpellingCounts =
      std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>>;
  struct FieldCounts {
    std::string field;
    SpellingCounts counts;
  };
  std::vector<std::string> wanted_;
  std::vector<FieldCounts> counts_;
  std::size_t documents_ = 0;

  FieldCounts* counts_for(std::string_view field);
};

}  // namespace folio::detail
