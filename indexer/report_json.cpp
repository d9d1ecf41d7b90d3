#include "report_json.hpp"

#include <nlohmann/json.hpp>

namespace folio::cli {

std::string index_report_json(const IndexReport& r, bool check_only, bool dry_run) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : r.problems) {
    problems.push_back({{"code", error_code_name(p.code)},
                        {"path", p.where.path},
                        {"line", p.where.line},
                        {"column", p.where.column},
                        {"reason", p.reason}});
  }
  nlohmann::json out = {
      {"mode", check_only ? "check" : "index"},
      {"dry_run", dry_run},
      {"files", r.files},
      {"bytes", r.bytes},
      {"added", r.added},
      {"updated", r.updated},
      {"deleted", r.deleted},
      {"unchanged", r.unchanged},
      {"skipped",
       {{"drafts", r.skipped_drafts},
        {"future", r.skipped_future},
        {"expired", r.skipped_expired}}},
      {"failed", r.failed},
      {"documents", r.documents},
      {"seconds", r.seconds},
      {"problems", problems},
      {"warnings", r.warnings},
  };
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace folio::cli
