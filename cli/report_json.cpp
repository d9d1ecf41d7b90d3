#include "report_json.hpp"

#include <nlohmann/json.hpp>

#include "folio_json/json_mapping.hpp"

namespace folio::cli {

// The server's report for POST /api/reindex, with what only the CLI knows in front.
std::string index_report_json(const IndexReport& r, bool check_only, bool dry_run) {
  folio::json_mapping::Json out{{"mode", check_only ? "check" : "index"}, {"dry_run", dry_run}};
  out.update(folio::json_mapping::to_json(r));
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace folio::cli
