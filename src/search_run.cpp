#include "search_run.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>

#include "facet_spy.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "hits.hpp"
#include "query_builder.hpp"
#include "query_parser.hpp"
#include "ranking.hpp"
#include "search_filters.hpp"
#include "search_text.hpp"
#include "snippets.hpp"

namespace folio::detail {
namespace {

constexpr Xapian::doccount kCountExactlyUpTo = 100;  // matches checked beyond the page
constexpr Xapian::doccount kRecencyWindow = 100;     // documents re-ranked by the recency blend
constexpr std::size_t kMaxSnippetLength = 5000;

struct Effective {
  int page_size = 10;
  std::size_t snippet_length = 200;
  Markers markers;
};

// Request fields left at SearchRequest's defaults take the configured SearchSettings instead.
Effective effective_options(const SearchRequest& request, const SearchSettings& settings) {
  const SearchRequest defaults;
  Effective e;
  e.page_size =
      request.page_size == defaults.page_size ? settings.default_page_size : request.page_size;
  e.page_size = std::clamp(e.page_size, 1, std::max(1, settings.max_page_size));
  int snippet = request.snippet_length == defaults.snippet_length ? settings.snippet_length
                                                                  : request.snippet_length;
  e.snippet_length =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(0, snippet)), kMaxSnippetLength);
  e.markers.start = request.highlight_start == defaults.highlight_start ? settings.highlight_start
                                                                        : request.highlight_start;
  e.markers.end = request.highlight_end == defaults.highlight_end ? settings.highlight_end
                                                                  : request.highlight_end;
  return e;
}

Timestamp now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<Timestamp> date_of(const Xapian::Document& doc) {
  std::string value = doc.get_value(schema::kDateSlot);
  if (value.empty()) return std::nullopt;
  return static_cast<Timestamp>(Xapian::sortable_unserialise(value));
}

struct Execution {
  std::vector<RankedDoc> page;
  std::size_t total = 0;
  bool exact = true;
  std::unique_ptr<FacetSpy> spy;
};

class SearchRun {
 public:
  SearchRun(const Xapian::Database& db, const SearchRequest& request, const SearchContext& context)
      : db_(db),
        request_(request),
        context_(context),
        effective_(effective_options(request, context.settings)) {}

  SearchResults run();

 private:
  const Xapian::Database& db_;
  const SearchRequest& request_;
  const SearchContext& context_;
  Effective effective_;
  std::vector<ResolvedFilter> filters_;
  std::vector<DateRange> date_ranges_;
  FilterQuery filter_query_;
  std::vector<std::string> facet_fields_;     // canonical, in request order
  std::set<std::string> disjunctive_fields_;  // facet fields with a selection of "any" values

  BuiltQuery build(std::string_view query, TypoTolerance typo) const;
  void prepare_filters(const BuiltQuery& built);
  void prepare_facets();
  bool execute(const Xapian::Query& text, const BuiltQuery& built, Execution& out) const;
  bool first_success(const BuiltQuery& built, Xapian::Query& chosen, Execution& out) const;
  std::vector<FacetResult> facets(const Xapian::Query& text, const Execution& main) const;
  std::set<std::string> selected_keys(const std::string& field) const;
  FieldSpec facet_spec(const FacetRequest& facet) const;
  std::vector<Hit> hits(const Execution& execution, const BuiltQuery& built) const;
};

BuiltQuery SearchRun::build(std::string_view query, TypoTolerance typo) const {
  WordExpander words(
      db_, context_.stemmer, context_.synonyms,
      WordSettings{context_.language, typo,
                   static_cast<Xapian::termcount>(std::max(1, context_.settings.wildcard_limit))});
  QueryBuilder builder(words, context_.fields,
                       request_.strict ? FieldPolicy::strict : FieldPolicy::lenient);
  return builder.build(parse_query(query), query);
}

void SearchRun::prepare_filters(const BuiltQuery& built) {
  std::vector<FieldFilter> all = request_.filters;
  all.insert(all.end(), built.filters.begin(), built.filters.end());
  if (request_.strict) {
    for (const auto& filter : request_.filters) {
      auto field = context_.fields.find(filter.field);
      if (!field || field->kind != FieldKind::filter) {
        throw Error(ErrorCode::invalid_query, "unknown filter field '" + filter.field + "'")
            .with_param("filters");
      }
    }
  }
  filters_ = resolve_filters(all, context_.fields);
  date_ranges_ = request_.date_ranges;
  for (const auto& range : date_ranges_) {
    if (range.field != "date" && range.field != "lastmod") {
      throw Error(ErrorCode::invalid_query,
                  "date ranges apply to date or lastmod, not '" + range.field + "'")
          .with_param("date_ranges");
    }
  }
  date_ranges_.insert(date_ranges_.end(), built.date_ranges.begin(), built.date_ranges.end());
  filter_query_ = build_filter_query(filters_, date_ranges_);
}

FieldSpec SearchRun::facet_spec(const FacetRequest& facet) const {
  auto field = context_.fields.find(facet.field);
  if (field && field->facet) return *field;
  if (request_.strict || (field && !field->facet)) {
    throw Error(ErrorCode::invalid_query, "'" + facet.field + "' is not a facet field")
        .with_param("facets");
  }
  // A taxonomy the index holds no value of yet: an empty facet.
  return FieldSpec{lowercase(facet.field), FieldKind::filter, "", 0, true};
}

void SearchRun::prepare_facets() {
  for (const auto& facet : request_.facets) {
    std::string name = facet_spec(facet).name;
    facet_fields_.push_back(name);
    bool selected = std::any_of(filters_.begin(), filters_.end(), [&](const ResolvedFilter& f) {
      return f.field.name == name && f.mode == FilterMode::any;
    });
    if (selected) disjunctive_fields_.insert(name);
  }
}

std::set<std::string> SearchRun::selected_keys(const std::string& field) const {
  std::set<std::string> keys;
  for (const auto& filter : filters_) {
    if (filter.field.name != field || filter.mode == FilterMode::none) continue;
    for (const auto& value : filter.values)
      keys.insert(schema::normalise_term_value(value));
  }
  return keys;
}

bool SearchRun::execute(const Xapian::Query& text, const BuiltQuery& built, Execution& out) const {
  Xapian::Enquire enquire(db_);
  enquire.set_query(
      apply_filters(with_proximity_boost(text, built.proximity_terms), filter_query_));
  enquire.set_weighting_scheme(default_weighting());
  apply_sort(enquire, request_.sort);

  std::vector<std::string> counted;
  for (const auto& field : facet_fields_) {
    if (disjunctive_fields_.count(field) == 0) counted.push_back(field);
  }
  out.spy.reset();
  if (!counted.empty()) {
    out.spy = std::make_unique<FacetSpy>(counted);
    enquire.add_matchspy(out.spy.get());
  }

  const Xapian::doccount page_size = static_cast<Xapian::doccount>(effective_.page_size);
  const Xapian::doccount first = static_cast<Xapian::doccount>(request_.page - 1) * page_size;
  double strength = recency_strength(request_.sort, context_.settings.recency_weight);
  bool blend = strength > 0 && !text.empty();
  Xapian::doccount fetch_first = blend ? 0 : first;
  Xapian::doccount fetch_count = blend ? std::max(first + page_size, kRecencyWindow) : page_size;
  Xapian::doccount check = out.spy ? db_.get_doccount() : first + page_size + kCountExactlyUpTo;

  Xapian::MSet mset = enquire.get_mset(fetch_first, fetch_count, check);
  out.total = mset.get_matches_estimated();
  out.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  out.page.clear();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    out.page.push_back(
        RankedDoc{*it, it.get_weight(), blend ? date_of(it.get_document()) : std::nullopt, 0});
  }
  if (blend) {
    blend_recency(out.page, strength, now_seconds());
    if (out.page.size() > first) {
      out.page.erase(out.page.begin(), out.page.begin() + first);
    } else {
      out.page.clear();
    }
    if (out.page.size() > page_size) out.page.resize(page_size);
  }
  return out.total > 0;
}

bool SearchRun::first_success(const BuiltQuery& built, Xapian::Query& chosen,
                              Execution& out) const {
  std::vector<Xapian::Query> attempts{built.strict};
  if (!built.relaxed.empty()) attempts.push_back(built.relaxed);
  for (const auto& text : attempts) {
    chosen = text;
    if (execute(text, built, out)) return true;
  }
  return false;
}

std::vector<FacetResult> SearchRun::facets(const Xapian::Query& text, const Execution& main) const {
  std::vector<FacetResult> results;
  int index = 0;
  for (const auto& field : facet_fields_) {
    int limit = request_.facets[static_cast<std::size_t>(index++)].limit;
    std::set<std::string> selected = selected_keys(field);
    if (disjunctive_fields_.count(field) == 0) {
      results.push_back(main.spy ? main.spy->result(field, limit, selected)
                                 : FacetResult{field, {}, 0});
      continue;
    }
    // The field's own selection left out: what each other value would add, as an OR.
    FacetSpy spy({field});
    Xapian::Enquire enquire(db_);
    enquire.set_query(apply_filters(text, build_filter_query(filters_, date_ranges_, field)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db_.get_doccount());
    results.push_back(spy.result(field, limit, selected));
  }
  return results;
}

std::vector<Hit> SearchRun::hits(const Execution& execution, const BuiltQuery& built) const {
  Highlighter highlighter(built.highlights, context_.stemmer, effective_.markers);
  HitOptions options{&highlighter, effective_.snippet_length};
  std::vector<Hit> out;
  out.reserve(execution.page.size());
  for (const auto& doc : execution.page) {
    out.push_back(make_hit(db_.get_document(doc.docid), doc.weight, options));
  }
  return out;
}

SearchResults SearchRun::run() {
  SearchResults results;
  std::string query = sanitise_text(request_.query);
  results.query = query;
  results.page = request_.page;
  results.page_size = effective_.page_size;

  BuiltQuery built = build(query, context_.settings.typo_tolerance);
  prepare_filters(built);
  prepare_facets();
  results.corrected_query = built.corrected_query;

  Execution execution;
  Xapian::Query chosen;
  bool found = first_success(built, chosen, execution);
  if (found && built.corrections_applied) results.auto_corrected = true;
  if (!found && !built.corrected_query.empty() && !built.corrections_applied) {
    BuiltQuery corrected = build(built.corrected_query, TypoTolerance::off);
    Execution retry;
    Xapian::Query retry_chosen;
    if (first_success(corrected, retry_chosen, retry)) {
      built = std::move(corrected);
      execution = std::move(retry);
      chosen = retry_chosen;
      results.auto_corrected = true;
    }
  }
  results.total = execution.total;
  results.total_exact = execution.exact;
  if (!facet_fields_.empty()) results.facets = facets(chosen, execution);
  results.hits = hits(execution, built);
  return results;
}

}  // namespace

void validate_request(const SearchRequest& request, const SearchSettings& settings) {
  if (request.query.size() > settings.max_query_length) {
    throw Error(ErrorCode::invalid_query,
                "the query is longer than " + std::to_string(settings.max_query_length) + " bytes")
        .with_param("query");
  }
  if (request.page < 1 || request.page > settings.max_page) {
    throw Error(ErrorCode::invalid_query,
                "page must be between 1 and " + std::to_string(settings.max_page))
        .with_param("page");
  }
  if (request.page_size < 1 || request.page_size > settings.max_page_size) {
    throw Error(ErrorCode::invalid_query,
                "page_size must be between 1 and " + std::to_string(settings.max_page_size))
        .with_param("page_size");
  }
  if (request.snippet_length < 0) {
    throw Error(ErrorCode::invalid_query, "snippet_length must not be negative")
        .with_param("snippet_length");
  }
  for (const auto& facet : request.facets) {
    if (facet.limit < 0) {
      throw Error(ErrorCode::invalid_query, "a facet limit must not be negative")
          .with_param("facets");
    }
  }
}

SearchResults run_search(const Xapian::Database& db, const SearchRequest& request,
                         const SearchContext& context) {
  validate_request(request, context.settings);
  return SearchRun(db, request, context).run();
}

}  // namespace folio::detail
