#include "folio_json/json_mapping.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "folio/date.hpp"

namespace folio::json_mapping {
namespace {

Json day_or_null(const std::optional<Timestamp>& t) {
  if (!t) return nullptr;
  return format_day(*t);
}

Json text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

// Milliseconds and scores with a few decimals: enough precision, stable and short output.
double rounded(double value, double scale) {
  if (!std::isfinite(value)) return 0;
  return std::round(value * scale) / scale;
}

Json section_to_json(const std::optional<SectionMatch>& section) {
  if (!section) return nullptr;
  return Json{{"heading", section->heading}, {"anchor", section->anchor}, {"url", section->url}};
}

Json facet_value_to_json(const FacetValue& value) {
  return Json{{"value", value.value},
              {"key", value.key},
              {"count", value.count},
              {"selected", value.selected}};
}

Json heading_to_json(const Heading& heading) {
  return Json{{"level", heading.level}, {"text", heading.text}, {"anchor", heading.anchor}};
}

Json problem_to_json(const FileProblem& problem) {
  return Json{{"code", error_code_name(problem.code)},
              {"path", problem.where.path},
              {"line", problem.where.line},
              {"column", problem.where.column},
              {"reason", problem.reason}};
}

const char* suggestion_kind_name(Suggestion::Kind kind) {
  return kind == Suggestion::Kind::title ? "title" : "term";
}

}  // namespace

Json to_json(const Hit& hit) {
  return Json{{"id", hit.id},
              {"url", hit.url},
              {"title", hit.title},
              {"title_plain", hit.title_plain},
              {"date", day_or_null(hit.date)},
              {"lastmod", day_or_null(hit.lastmod)},
              {"tags", hit.tags},
              {"categories", hit.categories},
              {"authors", hit.authors},
              {"description", hit.description},
              {"snippet", hit.snippet},
              {"section", section_to_json(hit.section)},
              {"score", rounded(hit.score, 1000)}};
}

Json to_json(const FacetResult& facet) {
  Json values = Json::array();
  for (const auto& value : facet.values)
    values.push_back(facet_value_to_json(value));
  return Json{{"values", std::move(values)}, {"other", facet.other_values}};
}

Json facets_to_json(const std::vector<FacetResult>& facets) {
  Json out = Json::object();
  for (const auto& facet : facets)
    out[facet.field] = to_json(facet);
  return out;
}

Json to_json(const SearchResults& results) {
  Json hits = Json::array();
  for (const auto& hit : results.hits)
    hits.push_back(to_json(hit));
  return Json{{"query", results.query},
              {"total", results.total},
              {"total_exact", results.total_exact},
              {"page", results.page},
              {"per_page", results.page_size},
              {"took_ms", rounded(results.took_ms, 100)},
              {"corrected_query", text_or_null(results.corrected_query)},
              {"auto_corrected", results.auto_corrected},
              {"hits", std::move(hits)},
              {"facets", facets_to_json(results.facets)}};
}

Json to_json(const ArticleRecord& record) {
  Json headings = Json::array();
  for (const auto& heading : record.headings)
    headings.push_back(heading_to_json(heading));
  return Json{{"id", record.id},
              {"url", record.url},
              {"title", record.title},
              {"description", record.description},
              {"date", day_or_null(record.date)},
              {"lastmod", day_or_null(record.lastmod)},
              {"tags", record.tags},
              {"categories", record.categories},
              {"keywords", record.keywords},
              {"authors", record.authors},
              {"series", record.series},
              {"lang", record.language},
              {"headings", std::move(headings)},
              {"word_count", record.word_count},
              {"reading_time_minutes", record.reading_time_minutes}};
}

Json to_json(const IndexStats& stats) {
  Json top_tags = Json::array();
  for (const auto& tag : stats.top_tags) {
    top_tags.push_back(Json{{"value", tag.value}, {"count", tag.count}});
  }
  return Json{{"articles", stats.articles},     {"terms", stats.terms},
              {"size_bytes", stats.size_bytes}, {"last_indexed", text_or_null(stats.last_indexed)},
              {"revision", stats.revision},     {"top_tags", std::move(top_tags)}};
}

Json to_json(const IndexReport& report) {
  Json problems = Json::array();
  for (const auto& problem : report.problems)
    problems.push_back(problem_to_json(problem));
  // Also the body of `folio index --json`, which puts its mode and dry_run in front.
  return Json{{"files", report.files},
              {"bytes", report.bytes},
              {"added", report.added},
              {"updated", report.updated},
              {"deleted", report.deleted},
              {"unchanged", report.unchanged},
              {"skipped", Json{{"drafts", report.skipped_drafts},
                               {"future", report.skipped_future},
                               {"expired", report.skipped_expired}}},
              {"failed", report.failed},
              {"documents", report.documents},
              {"rebuilt_for_settings", report.rebuilt_for_settings},
              {"seconds", rounded(report.seconds, 1000)},
              {"problems", std::move(problems)},
              {"warnings", report.warnings}};
}

Json suggestions_to_json(std::string_view query, const std::vector<Suggestion>& suggestions) {
  Json list = Json::array();
  for (const auto& suggestion : suggestions) {
    Json item{{"kind", suggestion_kind_name(suggestion.kind)}, {"text", suggestion.text}};
    if (!suggestion.url.empty()) item["url"] = suggestion.url;
    list.push_back(std::move(item));
  }
  return Json{{"query", query}, {"suggestions", std::move(list)}};
}

Json related_to_json(std::string_view id, const std::vector<Hit>& hits) {
  Json list = Json::array();
  for (const auto& hit : hits)
    list.push_back(to_json(hit));
  return Json{{"id", id}, {"related", std::move(list)}};
}

Json error_to_json(std::string_view code, std::string_view message, std::string_view param) {
  Json param_value = param.empty() ? Json(nullptr) : Json(param);
  return Json{{"error", Json{{"code", code}, {"message", message}, {"param", param_value}}}};
}

std::string search_results_json(const SearchResults& results) {
  return dump(to_json(results));
}

std::string stats_json(const IndexStats& stats) {
  return dump(to_json(stats));
}

std::string dump(const Json& value, JsonStyle style) {
  const int indent = style == JsonStyle::pretty ? 2 : -1;
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace folio::json_mapping
