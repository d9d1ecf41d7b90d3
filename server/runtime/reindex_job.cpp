#include "runtime/reindex_job.hpp"

namespace folio::server {

ReindexJob::ReindexJob(IndexSettings settings) : settings_(std::move(settings)) {}

ReindexJob::~ReindexJob() {
  std::thread finished;
  {
    std::lock_guard lock(mutex_);
    finished = std::move(thread_);
  }
  if (finished.joinable()) finished.join();
}

std::optional<std::shared_future<IndexReport>> ReindexJob::start() {
  std::lock_guard lock(mutex_);
  if (running_) return std::nullopt;
  running_ = true;
  if (thread_.joinable()) thread_.join();  // the previous run has finished (running_ was false)
  std::promise<IndexReport> promise;
  std::shared_future<IndexReport> future = promise.get_future().share();
  thread_ = std::thread(&ReindexJob::run, this, std::move(promise));
  return future;
}

void ReindexJob::run(std::promise<IndexReport> promise) {
  IndexReport report;
  std::exception_ptr failure;
  try {
    IndexRequest request;
    request.settings = settings_;
    request.mode = IndexMode::incremental;
    report = run_index(request);
  } catch (...) {
    failure = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    ++runs_;
    if (!failure) last_success_ = std::chrono::steady_clock::now();
    running_ = false;
  }
  if (failure) {
    promise.set_exception(failure);
  } else {
    promise.set_value(std::move(report));
  }
}

bool ReindexJob::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

std::optional<std::chrono::steady_clock::time_point> ReindexJob::last_success() const {
  std::lock_guard lock(mutex_);
  return last_success_;
}

std::size_t ReindexJob::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

}  // namespace folio::server
