// folio-server --watch: keeps the index current while a writer edits the content folders. One
// thread waits on a TreeWatch, lets a burst of changes settle, and runs the incremental indexer,
// which reads and parses only the files whose size, modification time or content changed.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "folio/indexer.hpp"
#include "http/access_log.hpp"
#include "runtime/tree_watch.hpp"

namespace folio::server {

struct WatchTimings {
  // A save is several events (create, write, rename, a backup file): wait until none came for
  // `quiet`, but never longer than `longest` after the first, so a change is searchable well
  // within a second even while another file is being written.
  std::chrono::milliseconds quiet{40};
  std::chrono::milliseconds longest{250};
  // Another writer (POST /api/reindex, `folio index` by hand) holds the index: try again after.
  std::chrono::milliseconds locked_retry{200};
};

class WatchJob {
 public:
  // Watches settings.content_dirs (throws folio::Error{io} when it cannot), then indexes once
  // on its thread, so that changes made while the server was down are taken in, and again after
  // each change.
  WatchJob(IndexSettings settings, Log& log, WatchTimings timings = {});
  ~WatchJob();  // stops the thread, after a run in progress
  WatchJob(const WatchJob&) = delete;
  WatchJob& operator=(const WatchJob&) = delete;

 private:
  void loop();
  void wait_for_quiet();
  bool reindex(const TreeChanges& changes);  // false when another writer held the index
  void report(const IndexReport& report);

  IndexSettings settings_;
  Log& log_;
  WatchTimings timings_;
  std::unique_ptr<TreeWatch> watch_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace folio::server
