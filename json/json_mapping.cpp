#include "folio_json/json_mapping.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "folio/date.hpp"

namespace folio::json_mapping {
namespace {

// The calendar date as written: the instant at the offset it was written with.
Json day_or_null(const std::optional<Timestamp>& t, int offset_seconds) {
  if (!t) return nullptr;
  return format_day(*t, offset_seconds);
}

Json text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
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

}  // namespace

Json to_json(const ArticleRecord& record) {
  Json headings = Json::array();
  for (const auto& heading : record.headings)
    headings.push_back(heading_to_json(heading));
  return Json{{"id", record.id},
              {"url", record.url},
              {"title", record.title},
              {"description", record.description},
              {"date", day_or_null(record.date, record.date_offset_seconds)},
              {"lastmod", day_or_null(record.lastmod, record.lastmod_offset_seconds)},
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
              {"revision", stats.revision},     {"site", text_or_null(stats.site)},
              {"top_tags", std::move(top_tags)}};
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
                               {"expired", report.skipped_expired},
                               {"not_rendered", report.skipped_unrendered}}},
              {"not_pages", report.not_pages},
              {"failed", report.failed},
              {"documents", report.documents},
              {"rebuilt_for_settings", report.rebuilt_for_settings},
              {"seconds", rounded(report.seconds, 1000)},
              {"problems", std::move(problems)},
              {"warnings", report.warnings}};
}

Json error_to_json(std::string_view code, std::string_view message, std::string_view param) {
  Json param_value = param.empty() ? Json(nullptr) : Json(param);
  return Json{{"error", Json{{"code", code}, {"message", message}, {"param", param_value}}}};
}

std::string stats_json(const IndexStats& stats) {
  return dump(to_json(stats));
}

double rounded(double value, double scale) {
  if (!std::isfinite(value)) return 0;
  return std::round(value * scale) / scale;
}

std::string dump(const Json& value, JsonStyle style) {
  const int indent = style == JsonStyle::pretty ? 2 : -1;
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace folio::json_mapping
