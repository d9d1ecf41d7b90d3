// Facet counting over a whole match set. A Xapian MatchSpy notes every matching document; the
// counts then come from the index's FacetColumn when the searcher has one (a single database),
// else from one of two sources, whichever is cheaper:
//  - the packed facet values of the matching documents (schema::kFacetsSlot), read in docid
//    order: cost grows with the number of matches; multi-valued fields count correctly and each
//    value is shown in its most common spelling;
//  - the boolean filter terms of the field (XTAG..., Y...), each posting list checked against a
//    bitmap of the matches: cost grows with the field's postings, not with the matches, which is
//    what a large index and a broad query need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "folio/search_results.hpp"
#include "query/search_fields.hpp"
#include "search/facets/facet_column.hpp"
#include "store/facet_codec.hpp"

namespace folio::detail {

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

// Sorts values by count then value, keeps `limit` (< 1: all) plus every selected value, and
// counts the rest in other_values.
FacetResult limit_facet_values(std::string field, std::vector<FacetValue> values, int limit);

// Counts of facet values, by field and spelling, fed one document's packed values at a time.
class FacetCounts {
 public:
  // The fields to count; empty counts every field found.
  explicit FacetCounts(std::vector<std::string> fields);
  void add_document(std::string_view packed);

  // One field's values: key, most common spelling and count. Values whose key is in `selected`
  // are marked and always returned; `limit` < 1 returns every value.
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
  std::vector<FacetEntry> seen_in_document_;  // add_document's scratch, kept to save allocations

  FieldCounts* counts_for(std::string_view field);
};

// When counting by terms pays off.
struct FacetCountingPolicy {
  Xapian::doccount term_counting_from = 20000;  // documents in the index; smaller ones use values
  Xapian::doccount dense_divisor = 20;          // matches >= documents / this: count by terms
};

class FacetSpy : public Xapian::MatchSpy {
 public:
  // With a column (FacetColumn of the same database revision), counts come from it.
  FacetSpy(const Xapian::Database& db, std::vector<FieldSpec> fields,
           FacetCountingPolicy policy = {}, const FacetColumn* column = nullptr);
  void operator()(const Xapian::Document& doc, double weight) override;
  // Whether matches can be noted by docid alone (one database: no document needed).
  bool notes_docids() const { return !eager_; }
  // A match noted without the matcher (notes_docids() only).
  void note(Xapian::docid docid) {
    ++seen_;
    docids_.push_back(docid);
  }
  // The documents the matcher showed the spy. The counts cover these only: a ranked match may
  // skip matches that cannot reach its page, so a caller compares this with the exact total.
  std::size_t documents_seen() const { return seen_; }

  FacetResult result(const std::string& field, int limit,
                     const std::set<std::string>& selected = {});

 private:
  const Xapian::Database& db_;
  std::vector<FieldSpec> fields_;
  FacetCountingPolicy policy_;
  const FacetColumn* column_ = nullptr;
  std::vector<Xapian::docid> docids_;
  std::size_t seen_ = 0;
  bool sorted_ = false;
  std::vector<char> matched_;  // bitmap by docid, built for term counting
  std::optional<FacetCounts> values_;
  bool eager_ = false;  // several databases: values are read during the match
  // Counting from the column: matches by ordinal, the ordinals counted, and a scratch slot by
  // group (kNoSlot between results).
  std::vector<std::uint32_t> ordinal_counts_;
  std::vector<std::uint32_t> touched_;
  std::vector<std::uint32_t> group_slots_;

  std::vector<std::string> field_names() const;
  void sort_docids();
  bool counts_by_terms(const FieldSpec& field) const;
  const FacetCounts& value_counts();
  void count_from_column();
  // One facet value from the column: the spellings of one key, summed.
  struct ValueGroup {
    std::uint32_t shown;  // the ordinal of the spelling shown: the most common, then the first
    std::size_t shown_count;
    std::size_t count;
  };
  std::vector<ValueGroup> column_groups(const std::string& field);
  FacetResult column_result(const std::string& field, int limit,
                            const std::set<std::string>& selected);
  FacetResult term_result(const FieldSpec& field, int limit, const std::set<std::string>& selected);
  std::string common_spelling(const FieldSpec& field, const std::string& key,
                              const std::vector<Xapian::docid>& samples) const;
};

}  // namespace folio::detail
