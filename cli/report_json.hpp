#pragma once

#include <string>

#include "folio/indexer.hpp"

namespace folio::cli {

// The index report as one JSON object (counts, problems with path/line/column, warnings).
std::string index_report_json(const IndexReport& report, bool check_only, bool dry_run);

}  // namespace folio::cli
