// `folio index` and `folio check`.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "config_loading.hpp"
#include "folio/error.hpp"
#include "folio/indexer.hpp"
#include "folio/site.hpp"
#include "progress.hpp"
#include "report_json.hpp"

namespace folio::cli {
namespace {

void print_problems(const IndexReport& report) {
  for (const auto& w : report.warnings)
    std::fprintf(stderr, "warning: %s\n", w.c_str());
  for (const auto& p : report.problems) {
    Error as_error(p.code, p.reason, p.where);
    std::fprintf(stderr, "error: %s\n", as_error.what());
  }
}

void print_summary(const IndexReport& r, const IndexOptions& o) {
  double rate = r.seconds > 0 ? double(r.files) / r.seconds : 0;
  if (o.check_only) {
    std::fprintf(stderr, "checked %zu files: %zu ok, %zu failed, %zu warnings (%.2fs)\n", r.files,
                 r.files - r.failed, r.failed, r.warnings.size(), r.seconds);
    return;
  }
  std::fprintf(stderr,
               "%s%zu added, %zu updated, %zu deleted, %zu unchanged, %zu skipped (%zu drafts, "
               "%zu future, %zu expired, %zu not rendered), %zu failed; %zu articles in the "
               "index; %.2fs, %.0f "
               "articles/s\n",
               o.dry_run ? "dry run, nothing written: " : "", r.added, r.updated, r.deleted,
               r.unchanged,
               r.skipped_drafts + r.skipped_future + r.skipped_expired + r.skipped_unrendered,
               r.skipped_drafts, r.skipped_future, r.skipped_expired, r.skipped_unrendered,
               r.failed, r.documents, r.seconds, rate);
}

IndexRequest make_request(const IndexOptions& o, const Config& config) {
  IndexRequest request;
  request.settings = config.index;
  IndexSettings& s = request.settings;
  // `folio index SITE_ROOT`: a folder holding a generator's config is a site, read as the
  // generator reads it; any other folder is a content folder.
  if (o.content_dirs.size() == 1 && detect_site(o.content_dirs.front()) != SiteGenerator::none) {
    s.site_root = o.content_dirs.front();
    s.explicit_keys.erase("content");
  } else if (!o.content_dirs.empty()) {
    s.content_dirs = o.content_dirs;
    s.site_root.clear();
    s.explicit_keys.insert("content");
  }
  auto flag = [&s](bool given, bool& setting, const char* key) {
    if (!given) return;
    setting = true;
    s.explicit_keys.insert(key);
  };
  flag(o.drafts, s.include_drafts, "include_drafts");
  flag(o.future, s.include_future, "include_future");
  flag(o.expired, s.include_expired, "include_expired");
  if (o.jobs > 0) request.settings.jobs = o.jobs;
  request.mode =
      o.check_only ? IndexMode::check : (o.full ? IndexMode::full : IndexMode::incremental);
  request.dry_run = o.dry_run;
  return request;
}

int exit_code_for(const Error& e) {
  switch (e.code()) {
    case ErrorCode::locked:
    case ErrorCode::database:
      return kExitIndexUnusable;
    default:
      return kExitUsage;
  }
}

}  // namespace

int run_index_command(const IndexOptions& o) {
  try {
    Config config = load_cli_config(o.common);
    IndexRequest request = make_request(o, config);
    ProgressDisplay progress(stderr);
    if (!o.json) request.on_progress = [&progress](const IndexProgress& p) { progress.update(p); };
    IndexReport report = run_index(request);
    progress.finish();
    print_problems(report);
    if (o.json) std::cout << index_report_json(report, o.check_only, o.dry_run) << std::endl;
    print_summary(report, o);
    bool failing = report.failed > 0 && (o.strict || o.check_only);
    return failing ? kExitFilesFailed : kExitOk;
  } catch (const Error& e) {
    std::fprintf(stderr, "folio: error: %s\n", e.what());
    return exit_code_for(e);
  }
}

}  // namespace folio::cli
