// POST /api/reindex: one incremental run_index at a time, on its own thread, so searches go on.
#pragma once

#include <chrono>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "folio/indexer.hpp"

namespace folio::server {

class ReindexJob {
 public:
  explicit ReindexJob(IndexSettings settings);
  ~ReindexJob();  // waits for a run in progress
  ReindexJob(const ReindexJob&) = delete;
  ReindexJob& operator=(const ReindexJob&) = delete;

  // Starts a run; nullopt when one is already running. The future yields the report or throws
  // folio::Error when the run as a whole failed.
  std::optional<std::shared_future<IndexReport>> start();

  bool running() const;
  // When the last run finished successfully (steady clock), if one did.
  std::optional<std::chrono::steady_clock::time_point> last_success() const;
  std::size_t runs() const;

 private:
  void run(std::promise<IndexReport> promise);

  IndexSettings settings_;
  mutable std::mutex mutex_;
  std::thread thread_;
  bool running_ = false;
  std::size_t runs_ = 0;
  std::optional<std::chrono::steady_clock::time_point> last_success_;
};

}  // namespace folio::server
