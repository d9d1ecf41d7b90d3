#include "query/search_filters.hpp"

#include <map>

#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "query/date_filter.hpp"
#include "query/match_all.hpp"

namespace folio::detail {
namespace {

Xapian::Query terms_query(Xapian::Query::op op, const std::vector<std::string>& terms) {
  if (terms.empty()) return Xapian::Query::MatchNothing;
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(op, terms.begin(), terms.end());
}

void and_into(Xapian::Query& target, Xapian::Query query) {
  target = target.empty() ? std::move(query)
                          : Xapian::Query(Xapian::Query::OP_AND, target, std::move(query));
}

void or_into(Xapian::Query& target, Xapian::Query query) {
  target = target.empty() ? std::move(query)
                          : Xapian::Query(Xapian::Query::OP_OR, target, std::move(query));
}

// A field the index has no value of yet, read as a custom taxonomy: it matches nothing.
FieldSpec taxonomy_field(const std::string& name) {
  std::string prefix(schema::kTaxonomy);
  prefix += name;
  prefix += ':';
  return FieldSpec{name, FieldKind::filter, prefix, 0, true};
}

}  // namespace

std::vector<ResolvedFilter> resolve_filters(const std::vector<FieldFilter>& filters,
                                            const FieldCatalog& catalog) {
  std::vector<ResolvedFilter> resolved;
  for (const auto& filter : filters) {
    auto field = catalog.find(filter.field);
    if (field && field->kind != FieldKind::filter) {
      throw Error(ErrorCode::invalid_query, "'" + filter.field + "' cannot be used as a filter")
          .with_param("filters");
    }
    if (!field) field = taxonomy_field(filter.field);
    ResolvedFilter r{*field, {}, {}, filter.mode};
    for (const auto& value : filter.values) {
      std::string term = filter_term(*field, value);
      r.values.push_back(value);
      if (!term.empty()) r.terms.push_back(std::move(term));
    }
    r.impossible = r.terms.size() != r.values.size();
    if (!r.values.empty()) resolved.push_back(std::move(r));
  }
  return resolved;
}

FilterQuery build_filter_query(const std::vector<ResolvedFilter>& filters,
                               const std::vector<DateRange>& date_ranges,
                               std::string_view skip_any_of) {
  FilterQuery out;
  auto require = [&out](Xapian::Query query) {
    if (query.empty()) {
      out.matches_nothing = true;
    } else {
      and_into(out.required, std::move(query));
    }
  };
  // Same field, "any": one OR over every value given for it, however many filters name it.
  std::map<std::string, std::vector<std::string>> any_terms;
  for (const auto& filter : filters) {
    switch (filter.mode) {
      case FilterMode::any:
        if (filter.field.name == skip_any_of) break;
        any_terms[filter.field.name].insert(any_terms[filter.field.name].end(),
                                            filter.terms.begin(), filter.terms.end());
        break;
      case FilterMode::all:
        require(filter.impossible ? Xapian::Query::MatchNothing
                                  : terms_query(Xapian::Query::OP_AND, filter.terms));
        break;
      case FilterMode::none:
        if (!filter.terms.empty())
          or_into(out.excluded, terms_query(Xapian::Query::OP_OR, filter.terms));
        break;
    }
  }
  for (const auto& [field, terms] : any_terms) {
    require(terms_query(Xapian::Query::OP_OR, terms));
  }
  for (const auto& range : date_ranges)
    require(date_range_query(range));
  return out;
}

Xapian::Query apply_filters(Xapian::Query text, const FilterQuery& filters) {
  if (filters.matches_nothing) return Xapian::Query::MatchNothing;
  if (text.empty()) text = match_all();
  if (!filters.required.empty()) {
    text = Xapian::Query(Xapian::Query::OP_FILTER, text, filters.required);
  }
  if (!filters.excluded.empty()) {
    text = Xapian::Query(Xapian::Query::OP_AND_NOT, text, filters.excluded);
  }
  return text;
}

}  // namespace folio::detail
