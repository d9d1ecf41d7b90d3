#include "runtime/watch_job.hpp"

#include <cstdio>
#include <exception>

#include "folio/error.hpp"

namespace folio::server {
namespace {

using Clock = std::chrono::steady_clock;

// "path:line:col", the form compilers use. Appended piece by piece: GCC 12 -O3 misfires
// -Wrestrict on ":" + std::to_string().
std::string where(const FileProblem& problem) {
  std::string text = problem.where.path;
  for (int number : {problem.where.line, problem.where.column}) {
    if (number <= 0) break;
    text += ':';
    text += std::to_string(number);
  }
  return text;
}

std::string summary(const IndexReport& report) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", report.seconds);
  return "watch: " + std::to_string(report.added) + " added, " + std::to_string(report.updated) +
         " updated, " + std::to_string(report.deleted) + " deleted, " +
         std::to_string(report.failed) + " failed in " + seconds + " s";
}

}  // namespace

WatchJob::WatchJob(IndexSettings settings, Log& log, WatchTimings timings)
    : settings_(std::move(settings)), log_(log), timings_(timings) {
  watch_ = std::make_unique<TreeWatch>(settings_.content_dirs,
                                       std::vector<std::string>{settings_.db_path});
  log_.message(LogLevel::info,
               "watch: " + std::to_string(watch_->folders()) + " folders watched for changes");
  thread_ = std::thread(&WatchJob::loop, this);
}

WatchJob::~WatchJob() {
  stopping_ = true;
  watch_->interrupt();
  thread_.join();
}

void WatchJob::loop() {
  TreeChanges pending;
  pending.everything = true;  // the first run takes in what changed while nobody watched
  while (!stopping_) {
    try {
      if (pending.empty() && watch_->wait(std::chrono::hours(1))) wait_for_quiet();
      pending.merge(watch_->take_changes());
      if (pending.empty() || stopping_) continue;
      // Events that come during the run stay queued in the kernel: the next wait() sees them.
      if (reindex(pending)) {
        pending = TreeChanges{};
      } else {
        watch_->wait(timings_.locked_retry);  // a pause, whatever wakes it
      }
    } catch (const std::exception& e) {
      // A new folder that cannot be watched (the kernel's watch limit): its files are still
      // indexed by the runs other changes start, but its own changes go unseen.
      log_.message(LogLevel::error, std::string("watch: ") + e.what());
      pending.everything = true;
    }
  }
}

void WatchJob::wait_for_quiet() {
  const auto deadline = Clock::now() + timings_.longest;
  while (!stopping_ && Clock::now() < deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (!watch_->wait(std::min(timings_.quiet, left))) return;
  }
}

bool WatchJob::reindex(const TreeChanges& changes) {
  try {
    IndexRequest request;
    request.settings = settings_;
    request.mode = IndexMode::incremental;
    // Only the files that changed are looked at: after one save on a site of 4,000 files the run
    // costs the walk, not a stat and for skipped pages (drafts, expired) a parse of each file.
    if (!changes.everything) request.only_files = changes.files;
    report(run_index(request));
    return true;
  } catch (const Error& e) {
    if (e.code() == ErrorCode::locked) {
      log_.message(LogLevel::debug, "watch: the index is locked by another writer; retrying");
      return false;
    }
    // The last commit stays served; the next change tries again.
    log_.message(LogLevel::error, std::string("watch: reindex failed: ") + e.what());
    return true;
  }
}

void WatchJob::report(const IndexReport& report) {
  const bool changed = report.added + report.updated + report.deleted + report.failed > 0;
  log_.message(changed ? LogLevel::info : LogLevel::debug, summary(report));
  for (const FileProblem& problem : report.problems) {
    log_.message(LogLevel::warn, "watch: " + where(problem) + ": " + problem.reason +
                                     " (its last good version stays searchable)");
  }
  for (const std::string& warning : report.warnings)
    log_.message(LogLevel::warn, "watch: " + warning);
}

}  // namespace folio::server
