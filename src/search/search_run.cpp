#include "search/search_run.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>

#include "base/text.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "folio/utf8.hpp"
#include "query/query_builder.hpp"
#include "query/query_parser.hpp"
#include "query/search_filters.hpp"
#include "search/facets/facet_spy.hpp"
#include "search/facets/posting_sets.hpp"
#include "search/feedback.hpp"
#include "search/hits.hpp"
#include "search/phrase_rescore.hpp"
#include "search/ranking.hpp"
#include "search/snippets/snippets.hpp"
#include "search/title_bonus.hpp"

namespace folio::detail {
namespace {

constexpr Xapian::doccount kCountExactlyUpTo = 0;  // matches checked beyond the page
constexpr Xapian::doccount kRecencyWindow = 100;   // documents re-ranked by the recency blend
constexpr std::size_t kMaxSnippetLength = 5000;
// A question with fewer articles than this holding every word: partial matches follow them.
constexpr std::size_t kFillBelow = 10;

// The request's options once SearchSettings have filled in what it left at the defaults.
struct EffectiveOptions {
  int page_size = 10;
  std::size_t snippet_length = 200;
  Markers markers;
};

// Request fields left at SearchRequest's defaults take the configured SearchSettings instead.
EffectiveOptions effective_options(const SearchRequest& request, const SearchSettings& settings) {
  const SearchRequest defaults;
  EffectiveOptions e;
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

bool has_ties(const std::vector<RankedDoc>& page) {
  for (std::size_t i = 1; i < page.size(); ++i) {
    if (page[i].weight == page[i - 1].weight) return true;
  }
  return false;
}

// What one ranked pass (or two, joined) found: the page and how many match in all.
struct Execution {
  std::vector<RankedDoc> page;
  std::size_t total = 0;
  bool exact = true;
};

struct Slice {
  Xapian::doccount first = 0;
  Xapian::doccount count = 0;
};

// Keeps the slice's documents of a re-ranked list that starts at the top of the ranking.
void cut(std::vector<RankedDoc>& docs, Slice slice) {
  std::size_t skip = std::min<std::size_t>(slice.first, docs.size());
  docs.erase(docs.begin(), docs.begin() + static_cast<std::ptrdiff_t>(skip));
  if (docs.size() > slice.count) docs.resize(slice.count);
}

// The ranked passes' result, with what the facets must cover.
struct Outcome {
  Execution execution;
  Xapian::Query matching;  // the text query whose matches the page, total and facets cover
  // The counted facets (SearchRun::counted_facets), noted during the ranked passes; null when
  // no facet is counted. They cover `matching` only if the passes visited every match.
  std::unique_ptr<FacetSpy> facet_counts;
};

// The facets of a search, and its exact total when counting them took a pass over every match.
struct FacetCounts {
  std::vector<FacetResult> facets;
  std::optional<std::size_t> exact_total;
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
  EffectiveOptions effective_;
  std::vector<ResolvedFilter> filters_;
  std::vector<DateRange> date_ranges_;
  FilterQuery filter_query_;
  std::vector<FieldSpec> facet_fields_;       // in request order
  std::set<std::string> disjunctive_fields_;  // facet fields with a selection of "any" values

  BuiltQuery build(std::string_view query, TypoTolerance typo) const;
  void prepare_filters(const BuiltQuery& built);
  void prepare_facets();
  std::vector<FieldSpec> counted_facets() const;
  Execution execute(const Xapian::Query& text, const BuiltQuery& built, Slice slice,
                    FacetSpy* spy) const;
  Xapian::Query partial_matches(const BuiltQuery& built, bool question) const;
  Xapian::Query with_reader_language(Xapian::Query ranked, const BuiltQuery& built) const;
  bool ranked(const BuiltQuery& built, Outcome& out) const;
  FacetCounts facets(const Outcome& outcome) const;
  Xapian::doccount count_matches(const Xapian::Query& text, FacetSpy* spy,
                                 std::string_view skip_any_of) const;
  std::set<std::string> selected_keys(const std::string& field) const;
  FieldSpec facet_spec(const FacetRequest& facet) const;
  std::vector<Hit> hits(const Execution& execution, const BuiltQuery& built) const;
};

BuiltQuery SearchRun::build(std::string_view query, TypoTolerance typo) const {
  WordExpander words(
      db_, context_.stemmer, context_.synonyms,
      WordSettings{context_.language, typo,
                   static_cast<Xapian::termcount>(std::max(0, context_.settings.wildcard_limit)),
                   context_.spelling, context_.languages, context_.reader_language});
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
    FieldSpec spec = facet_spec(facet);
    std::string name = spec.name;
    facet_fields_.push_back(std::move(spec));
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

std::vector<FieldSpec> SearchRun::counted_facets() const {
  std::vector<FieldSpec> counted;
  for (const auto& field : facet_fields_) {
    if (disjunctive_fields_.count(field.name) == 0) counted.push_back(field);
  }
  return counted;
}

Execution SearchRun::execute(const Xapian::Query& text, const BuiltQuery& built, Slice slice,
                             FacetSpy* spy) const {
  Execution out;
  QueryText words = built.highlights.empty() ? QueryText::none : QueryText::words;
  bool relevance = request_.sort == SortOrder::relevance || request_.sort == SortOrder::recent;
  // Ranked by relevance, the phrase boost rescores the top of the ranking (phrase_rescore.hpp).
  bool rescore =
      relevance && words == QueryText::words && rescores_phrase(db_, built.proximity_terms);
  // Ranked by relevance, titles holding the query's words lift their articles (title_bonus.hpp).
  Xapian::Query ranked_text = text;
  if (relevance && words == QueryText::words) {
    ranked_text = with_title_bonus(
        ranked_text,
        title_bonus(db_, TitleBonusTerms{built.typed_words, context_.stemmer, context_.language},
                    context_.title_column));
  }
  if (!rescore) ranked_text = with_phrase_boost(ranked_text, built.proximity_terms);
  if (relevance && words == QueryText::words)
    ranked_text = with_reader_language(ranked_text, built);
  Xapian::Enquire enquire(db_);
  enquire.set_query(apply_filters(ranked_text, filter_query_));
  enquire.set_weighting_scheme(default_weighting());
  apply_sort(enquire, request_.sort, words);

  double strength = recency_strength(request_.sort, context_.settings.recency_weight);
  bool blend = strength > 0 && words == QueryText::words;
  // Re-ranked pages are cut from the top of the ranking after the re-ranking.
  bool reranked = blend || rescore;
  Xapian::doccount fetch_first = reranked ? 0 : slice.first;
  Xapian::doccount fetch_count = slice.count;
  if (blend) fetch_count = std::max(slice.first + slice.count, kRecencyWindow);
  if (rescore)
    fetch_count = std::max(fetch_count, slice.first + slice.count + kPhraseRescoreMargin);
  Xapian::doccount check = slice.first + slice.count + kCountExactlyUpTo;
  if (spy != nullptr) enquire.add_matchspy(spy);

  Xapian::MSet mset = enquire.get_mset(fetch_first, fetch_count, check);
  out.total = mset.get_matches_estimated();
  out.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    out.page.push_back(RankedDoc{it.get_document(), it.get_weight(), std::nullopt, 0});
  }
  if (rescore) rescore_phrase(db_, built.proximity_terms, out.page);
  if (reranked && !blend) cut(out.page, slice);
  if (blend || (relevance && words == QueryText::words && has_ties(out.page))) {
    for (auto& doc : out.page)
      doc.date = date_of(doc.doc);
    if (!blend) break_ties_by_date(out.page);
  }
  if (blend) {
    blend_recency(out.page, strength, now_seconds());
    cut(out.page, slice);
  }
  return out;
}

// Articles in the request's language (`SearchRequest::language`) first, in an index of several.
Xapian::Query SearchRun::with_reader_language(Xapian::Query ranked, const BuiltQuery& built) const {
  const IndexLanguages* languages = context_.languages;
  if (languages == nullptr || !languages->several() || context_.reader_language.empty())
    return ranked;
  const IndexLanguage* reader = languages->find(context_.reader_language);
  if (reader == nullptr) return ranked;
  return with_language_bonus(db_, std::move(ranked), built.typed_words, reader->filter_term);
}

// The best partial matches; for a question, widened by feedback terms (see feedback.hpp).
Xapian::Query SearchRun::partial_matches(const BuiltQuery& built, bool question) const {
  if (!question) return built.best_partial;
  return with_feedback(db_, built.best_partial, apply_filters(built.best_partial, filter_query_));
}

// All words first. When that finds nothing, the best partial matches. A question (a query of
// kQuestionMinWords words or more) is read as ranked retrieval: when only a few articles hold
// every word, the best partial matches follow them; either way feedback terms from the best
// partial matches widen those (see feedback.hpp).
bool SearchRun::ranked(const BuiltQuery& built, Outcome& out) const {
  // A query that is a title, its syntax read as text, finds that title's article too.
  Xapian::Query all_words = built.all_words;
  if (!built.typed_words.empty() && built.literal_words != built.typed_words) {
    Xapian::Query exact = exact_title_match(
        db_, TitleBonusTerms{built.literal_words, context_.stemmer, context_.language},
        context_.title_column);
    if (!exact.empty()) all_words = Xapian::Query(Xapian::Query::OP_OR, all_words, exact);
  }
  const Xapian::doccount page_size = static_cast<Xapian::doccount>(effective_.page_size);
  const Slice page{static_cast<Xapian::doccount>(request_.page - 1) * page_size, page_size};
  // The spy sees what the passes below visit of `out.matching`'s matches: those with every word,
  // the best partial ones when no article holds every word, or both, disjoint.
  std::vector<FieldSpec> counted = counted_facets();
  if (!counted.empty()) {
    out.facet_counts = std::make_unique<FacetSpy>(db_, std::move(counted), FacetCountingPolicy{},
                                                  context_.facet_column);
  }
  FacetSpy* spy = out.facet_counts.get();
  Execution with_every = execute(all_words, built, page, spy);
  bool question = built.proximity_terms.size() >= kQuestionMinWords;
  bool few = with_every.exact && with_every.total < (question ? kFillBelow : 1);
  if (built.best_partial.empty() || !few) {
    out.execution = std::move(with_every);
    out.matching = all_words;
    return out.execution.total > 0;
  }
  Xapian::Query partial_query = partial_matches(built, question);
  if (with_every.total == 0) {
    out.execution = execute(partial_query, built, page, spy);
    out.matching = partial_query;
    return out.execution.total > 0;
  }
  // A few articles hold every word: they come first, then the others holding some.
  Xapian::Query holding_some(Xapian::Query::OP_AND_NOT, partial_query, all_words);
  Xapian::doccount every_total = static_cast<Xapian::doccount>(with_every.total);
  Slice rest{page.first > every_total ? page.first - every_total : 0,
             page.count - static_cast<Xapian::doccount>(with_every.page.size())};
  Execution others = execute(holding_some, built, rest, spy);
  out.execution.total = with_every.total + others.total;
  out.execution.exact = with_every.exact && others.exact;
  out.execution.page = std::move(with_every.page);
  for (auto& doc : others.page)
    out.execution.page.push_back(doc);
  out.matching = Xapian::Query(Xapian::Query::OP_OR, all_words, partial_query);
  return true;
}

// One pass over the whole match set (no ranking, no boosts) that counts it exactly, showing each
// match to the spy if there is one: straight from the posting lists when the query allows
// (posting_sets.hpp), else an unweighted match that checks every document. A field selected
// "any"-wise is counted without its own selection.
Xapian::doccount SearchRun::count_matches(const Xapian::Query& text, FacetSpy* spy,
                                          std::string_view skip_any_of) const {
  Xapian::Query query = apply_filters(
      text, skip_any_of.empty() ? filter_query_
                                : build_filter_query(filters_, date_ranges_, skip_any_of));
  Xapian::doccount matches = 0;
  auto note = [spy](Xapian::docid docid) {
    if (spy != nullptr) spy->note(docid);
  };
  if ((spy == nullptr || spy->notes_docids()) && for_each_match(db_, query, note, matches)) {
    return matches;
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (spy != nullptr) enquire.add_matchspy(spy);
  return enquire.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
}

// When the ranked passes visited every match (the spy saw as many documents as the exact total),
// their spy holds the counts. Otherwise Xapian skipped matches that could not reach the page,
// which is what makes it fast on large match sets, and one more pass counts them all: that pass
// also gives the exact total, which the caller reports instead of the ranked passes' estimate.
FacetCounts SearchRun::facets(const Outcome& outcome) const {
  FacetCounts counts;
  std::vector<FacetResult>& out = counts.facets;
  const Xapian::Query& text = outcome.matching;
  FacetSpy* spy = outcome.facet_counts.get();
  std::optional<FacetSpy> recount;
  bool all_seen =
      outcome.execution.exact && spy != nullptr && spy->documents_seen() == outcome.execution.total;
  if (spy != nullptr && !all_seen) {
    spy = &recount.emplace(db_, counted_facets(), FacetCountingPolicy{}, context_.facet_column);
    counts.exact_total = count_matches(text, spy, {});  // every match seen
  }
  for (std::size_t i = 0; i < facet_fields_.size(); ++i) {
    const FieldSpec& field = facet_fields_[i];
    int limit = request_.facets[i].limit;
    std::set<std::string> selected = selected_keys(field.name);
    if (disjunctive_fields_.count(field.name) == 0) {
      out.push_back(spy->result(field.name, limit, selected));
      continue;
    }
    // The field's own selection left out: what each other value would add, as an OR.
    FacetSpy own(db_, {field}, FacetCountingPolicy{}, context_.facet_column);
    count_matches(text, &own, field.name);
    out.push_back(own.result(field.name, limit, selected));
  }
  return counts;
}

std::vector<Hit> SearchRun::hits(const Execution& execution, const BuiltQuery& built) const {
  Highlighter highlighter(built.highlights, context_.stemmer, effective_.markers);
  HitOptions options{&highlighter, effective_.snippet_length, context_.articles};
  std::vector<Hit> out;
  out.reserve(execution.page.size());
  for (const auto& doc : execution.page) {
    out.push_back(make_hit(doc.doc, doc.weight, options));
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

  Outcome outcome;
  bool found = ranked(built, outcome);
  if (found && built.corrections_applied) results.auto_corrected = true;
  if (!found && !built.corrected_query.empty() && !built.corrections_applied) {
    BuiltQuery corrected = build(built.corrected_query, TypoTolerance::off);
    Outcome retry;
    if (ranked(corrected, retry)) {
      built = std::move(corrected);
      outcome = std::move(retry);
      results.auto_corrected = true;
    }
  }
  const Execution& execution = outcome.execution;
  results.total = execution.total;
  results.total_exact = execution.exact;
  if (!facet_fields_.empty()) {
    FacetCounts counts = facets(outcome);
    results.facets = std::move(counts.facets);
    if (counts.exact_total) {
      results.total = *counts.exact_total;
      results.total_exact = true;
    }
  }
  // The ranked passes stop counting once no further match can reach the page, and Xapian's
  // estimate of the rest can be far off under filters: one unranked pass counts them.
  if (!results.total_exact) {
    results.total = count_matches(outcome.matching, nullptr, {});
    results.total_exact = true;
  }
  results.hits = hits(execution, built);
  return results;
}

}  // namespace

void validate_request(const SearchRequest& request, const SearchSettings& settings) {
  if (utf8_length(request.query) > settings.max_query_length) {
    throw Error(
        ErrorCode::invalid_query,
        "the query is longer than " + std::to_string(settings.max_query_length) + " characters")
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
  return SearchRun(db, request, context).run();
}

}  // namespace folio::detail
