// From the parsed query language to Xapian queries. The top level of a query is split into its
// text part (all words required, plus a "best partial matches" form used when that finds nothing)
// and its filters (tags:Go, -tags:Go, date:2025..), which the searcher combines with the request's
// structured filters so that facets can be counted disjunctively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "folio/search_request.hpp"
#include "query/query_parser.hpp"
#include "query/search_fields.hpp"
#include "query/word_query.hpp"

namespace folio::detail {

enum class FieldPolicy {
  lenient,  // an unknown field:value is read as plain words
  strict,   // an unknown field or an unreadable filter value is Error{invalid_query}
};

struct BuiltQuery {
  Xapian::Query all_words;     // every word required; empty when the query has no text part
  Xapian::Query best_partial;  // best partial matches; empty when no word is optional
  // Top-level words as typed, in order, no stopwords; a compound word gives its words.
  std::vector<std::string> proximity_terms;
  // Every word of the text part as typed, lowercased and unstemmed, in order: in phrases and
  // brackets too, excluded words, filters and wildcards aside (for the title bonus).
  std::vector<std::string> typed_words;
  // Every word of the query text, its syntax read as text (operators, excluded words, field names
  // and all), lowercased and unstemmed, in order: a typed title (for the exact-title match).
  std::vector<std::string> literal_words;
  std::vector<FieldFilter> filters;    // top-level filters of the query
  std::vector<DateRange> date_ranges;  // top-level date ranges of the query
  HighlightTerms highlights;
  std::string corrected_query;       // the query with each word the index lacks respelled, or ""
  bool corrections_applied = false;  // typo corrections take part in both queries
};

class QueryBuilder {
 public:
  QueryBuilder(WordExpander& words, const FieldCatalog& fields, FieldPolicy policy);

  // `query_text` is the (sanitised) text `root` was parsed from. Throws Error{invalid_query} for a
  // date that does not exist (date:2025-02-30) or a date range that ends before it starts, and
  // under FieldPolicy::strict for any unknown field or unreadable value.
  BuiltQuery build(const QueryNode& root, std::string_view query_text);

 private:
  struct Part;
  struct Replacement {
    std::size_t offset;
    std::size_t length;
    std::string text;
  };

  WordExpander& words_;
  const FieldCatalog& fields_;
  FieldPolicy policy_;
  BuiltQuery* out_ = nullptr;
  std::vector<Replacement> replacements_;
  std::string typing_short_;       // the last word, when a short one being typed (short_typed_word)
  std::string typing_completion_;  // the last word matched only as a prefix: WordQuery::completion

  Xapian::Query node_query(const QueryNode& node, const std::optional<FieldSpec>& inherited);
  Part leaf(const QueryNode& node, const std::optional<FieldSpec>& inherited);
  Part text_leaf(const QueryNode& node, const std::string& prefix);
  Part plain_reading(const QueryNode& node);
  bool is_readable_field(const QueryNode& node) const;
  void read_unknown_fields_as_words(QueryNode& node);
  Part child_part(const QueryNode& child, const std::optional<FieldSpec>& inherited);
  Xapian::Query sequence_query(const QueryNode& node, const std::optional<FieldSpec>& inherited);
  void build_root(const QueryNode& root);
  void collect_typed_text(const QueryNode& node, std::string& text) const;
  bool take_filter(const QueryNode& node);
  std::optional<FieldSpec> resolve_field(const QueryNode& node,
                                         const std::optional<FieldSpec>& inherited, bool& unknown);
  [[noreturn]] void reject(const QueryNode& node, const std::string& reason) const;
  void reject_impossible_date(const QueryNode& node) const;
  std::string apply_replacements(std::string_view query_text) const;
};

}  // namespace folio::detail
